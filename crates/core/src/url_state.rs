//! The codec between the view a user sees and the URL query string that holds it.
//!
//! The URL is the single source of truth for the view: the app parses the query into a
//! [`ViewState`], renders from it, and writes every change back with [`encode`]. Parameters are
//! short and readable (`?a=<slug>` for the open article). Parsing never fails: a parameter that
//! cannot be used is dropped and reported as a [`Notice`] the app shows to the user. Unknown
//! parameters (tracking tags and the like) are ignored silently, since they are not ours.

use crate::compare::{Against, COMPARE_PARAM};
use crate::facets::{Catalogue, Facet};
use crate::model::{Corpus, Date, Month};
use crate::stars::{find_ids, is_short_id, short_id};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Query parameter holding the open article's slug.
pub const ARTICLE_PARAM: &str = "a";
/// Query parameter holding the search query, as typed.
pub const QUERY_PARAM: &str = "q";
/// Query parameter holding the order of results; absent for oldest first.
pub const SORT_PARAM: &str = "sort";
/// Query parameter holding the first day of the date range: `YYYY-MM-DD`, or `YYYY-MM` for the
/// month's first day, `YYYY` for the year's.
pub const FROM_PARAM: &str = "from";
/// Query parameter holding the last day of the date range: `YYYY-MM-DD`, or `YYYY-MM` for the
/// month's last day, `YYYY` for the year's.
pub const TO_PARAM: &str = "to";
/// Query parameter that keeps only the articles starred in this browser (`starred=1`).
pub const STARRED_PARAM: &str = "starred";
/// Query parameter holding a shared collection: the short ids ([`short_id`]) of its articles,
/// comma-separated.
pub const SET_PARAM: &str = "set";
/// Query parameter, repeated, holding a note of a shared collection: `<short id>:<note>`.
pub const NOTE_PARAM: &str = "note";

/// How matching articles are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// Oldest first, in sections by year and month.
    #[default]
    Timeline,
    /// Newest first, in sections by year and month.
    Newest,
    /// Best match first (only differs from the timeline when the search has words).
    Relevance,
}

impl Order {
    /// Every order, as the sort control lists them.
    pub const ALL: [Order; 3] = [Order::Timeline, Order::Newest, Order::Relevance];

    /// The parameter value, `None` for the default.
    pub fn value(self) -> Option<&'static str> {
        match self {
            Order::Timeline => None,
            Order::Newest => Some("newest"),
            Order::Relevance => Some("relevance"),
        }
    }

    /// The name on the sort control.
    pub fn label(self) -> &'static str {
        match self {
            Order::Timeline => "Oldest first",
            Order::Newest => "Newest first",
            Order::Relevance => "Best match",
        }
    }
}

/// Everything about the current view that a shared link must reproduce.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// The search query as typed; empty for none.
    pub query: String,
    /// The selected values (ids) of each facet. An article must have one of the selected values of
    /// every facet that has a selection.
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// The first day shown, if the range is limited.
    pub from: Option<Date>,
    /// The last day shown, if the range is limited.
    pub to: Option<Date>,
    /// Whether only the articles starred in this browser are shown.
    pub starred: bool,
    /// A shared collection: the short ids of its articles, in the link's order; when there are
    /// any, only those articles are shown.
    pub set: Vec<String>,
    /// The notes a shared collection's link carries: (short id, note), in the link's order.
    pub set_notes: Vec<(String, String)>,
    /// The period the date range is compared against, when the comparison is shown.
    pub compare: Option<Against>,
    /// How results are listed.
    pub order: Order,
    /// Slug of the article open in the reader, if any.
    pub article: Option<String>,
}

impl ViewState {
    /// Whether a facet value is selected.
    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.filters.get(&facet).is_some_and(|ids| ids.contains(id))
    }

    /// The same view with a facet value selected if it was not, and unselected if it was.
    pub fn toggled(&self, facet: Facet, id: &str) -> ViewState {
        let mut next = self.clone();
        let ids = next.filters.entry(facet).or_default();
        if !ids.remove(id) {
            ids.insert(id.to_owned());
        }
        if ids.is_empty() {
            next.filters.remove(&facet);
        }
        next
    }

    /// Whether anything narrows the timeline: words, facets, dates or stars.
    pub fn is_narrowed(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.filters.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.starred
            || !self.set.is_empty()
    }

    /// The note a shared collection's link carries for the article `slug`.
    pub fn set_note(&self, slug: &str) -> Option<&str> {
        if self.set_notes.is_empty() {
            return None;
        }
        let id = short_id(slug);
        self.set_notes
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, note)| note.as_str())
    }

    /// The same view with nothing narrowing it (order kept, reader closed).
    pub fn cleared(&self) -> ViewState {
        ViewState {
            order: self.order,
            ..ViewState::default()
        }
    }
}

/// Something in the URL that was ignored, worded for the person who opened the link.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Notice {
    /// The link names an article this corpus does not have.
    UnknownArticle(String),
    /// The link names an article by a slug that several articles with the same date and
    /// headline now share, each under its own suffix; the reader chooses.
    SharedArticle {
        /// The slug the link gave.
        slug: String,
        /// The slugs of the articles that share it, in timeline order.
        candidates: Vec<String>,
    },
    /// A parameter that takes one value was given several; the first was used.
    RepeatedParameter(String),
    /// A `sort` value this app does not know; the timeline order is used.
    UnknownOrder(String),
    /// A facet value this corpus does not have, e.g. `person=nobody`.
    UnknownValue {
        /// The facet's parameter, e.g. `person`.
        facet: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A `starred` value other than `1` (or `0`, which is the default).
    BadStarred(String),
    /// Entries of a shared collection (`set`, `note`) that are not short ids: how many.
    BadSetEntries(usize),
    /// Articles of a shared collection that this collection does not hold.
    SetElsewhere {
        /// How many the link names that are not here.
        missing: usize,
        /// How many it names.
        named: usize,
    },
    /// A `vs` that is neither `before` nor a period of months.
    BadComparison(String),
    /// A `from` or `to` that is not a day, a month or a year.
    BadDate {
        /// `from` or `to`.
        param: &'static str,
        /// What the link gave.
        value: String,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownArticle(slug) => write!(
                f,
                "The link asks for an article “{slug}” that is not in this collection, so the timeline is shown instead."
            ),
            Notice::SharedArticle { slug, candidates } => write!(
                f,
                "The link asks for the article “{slug}”, but {} articles in this collection now have that date and headline; choose one.",
                candidates.len()
            ),
            Notice::RepeatedParameter(name) => write!(
                f,
                "The link gives “{name}” more than once; the first value was used."
            ),
            Notice::UnknownOrder(value) => write!(
                f,
                "The link asks to sort by “{value}”, which Dateline does not know; the timeline order is used."
            ),
            Notice::UnknownValue { facet, id } => write!(
                f,
                "The link filters by {facet} “{id}”, which this collection does not have; that filter is ignored."
            ),
            Notice::BadStarred(value) => write!(
                f,
                "The link's “starred={value}” is neither 1 nor 0; all articles are shown, starred or not."
            ),
            Notice::BadSetEntries(count) => write!(
                f,
                "The link's shared collection has {count} {} that {} not name an article; {} ignored.",
                if *count == 1 { "entry" } else { "entries" },
                if *count == 1 { "does" } else { "do" },
                if *count == 1 { "it is" } else { "they are" },
            ),
            Notice::SetElsewhere { missing, named } => write!(
                f,
                "{missing} of the {named} articles of the link's shared collection {} not in this collection (it may be an older or newer build); the others are shown.",
                if *missing == 1 { "is" } else { "are" }
            ),
            Notice::BadComparison(value) => write!(
                f,
                "The link compares with “{value}”, which is neither “before” nor a period like 2019-01..2019-12; no comparison is shown."
            ),
            Notice::BadDate { param, value } => write!(
                f,
                "The link's “{param}” date “{value}” is not a month like 2019-03 or a day like 2019-03-25; that end of the date range is ignored."
            ),
        }
    }
}

/// The result of reading a query string: the usable state, and what was ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The state to show.
    pub state: ViewState,
    /// What the URL asked for that could not be honoured.
    pub notices: Vec<Notice>,
}

/// Separates the selected values of one facet in its parameter: `person=a,b`.
const LIST_SEPARATOR: char = ',';

/// Reads a query string, with or without its leading `?`. Never fails.
///
/// Facet parameters may be repeated or comma-separated (`person=a&person=b` = `person=a,b`);
/// the others take one value, and the first wins.
pub fn parse(query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut parsed = Parsed::default();
    let mut bad_entries = 0;
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key == NOTE_PARAM {
            match value.split_once(':') {
                Some((id, note)) if is_short_id(id.trim()) && !note.trim().is_empty() => {
                    let id = id.trim();
                    if !parsed.state.set_notes.iter().any(|(i, _)| i == id) {
                        parsed
                            .state
                            .set_notes
                            .push((id.to_owned(), note.trim().to_owned()));
                    }
                }
                _ => bad_entries += 1,
            }
            continue;
        }
        if let Some(facet) = Facet::from_key(&key) {
            let ids = value
                .split(LIST_SEPARATOR)
                .map(str::trim)
                .filter(|id| !id.is_empty());
            for id in ids {
                let set = parsed.state.filters.entry(facet).or_default();
                set.insert(id.to_owned());
            }
            continue;
        }
        let Some(name) = [
            ARTICLE_PARAM,
            QUERY_PARAM,
            SORT_PARAM,
            FROM_PARAM,
            TO_PARAM,
            STARRED_PARAM,
            SET_PARAM,
            COMPARE_PARAM,
        ]
        .into_iter()
        .find(|p| *p == key) else {
            continue;
        };
        // The query is kept as typed: a trailing space says its last word is complete.
        let value = if name == QUERY_PARAM {
            &value
        } else {
            value.trim()
        };
        if value.trim().is_empty() {
            continue;
        }
        if seen.contains(&name) {
            push_once(
                &mut parsed.notices,
                Notice::RepeatedParameter(name.to_owned()),
            );
            continue;
        }
        seen.push(name);
        let state = &mut parsed.state;
        match name {
            ARTICLE_PARAM => state.article = Some(value.to_owned()),
            SET_PARAM => {
                for id in value.split(LIST_SEPARATOR).map(str::trim) {
                    if !is_short_id(id) {
                        bad_entries += usize::from(!id.is_empty());
                    } else if !state.set.iter().any(|i| i == id) {
                        state.set.push(id.to_owned());
                    }
                }
            }
            STARRED_PARAM => match value {
                "1" | "true" | "yes" => state.starred = true,
                "0" | "false" | "no" => {}
                _ => parsed.notices.push(Notice::BadStarred(value.to_owned())),
            },
            QUERY_PARAM => state.query = value.to_owned(),
            COMPARE_PARAM => match Against::parse(value) {
                Some(against) => state.compare = Some(against),
                None => parsed.notices.push(Notice::BadComparison(value.to_owned())),
            },
            FROM_PARAM | TO_PARAM => {
                let is_from = name == FROM_PARAM;
                match date_param(value, is_from) {
                    Some(day) if is_from => state.from = Some(day),
                    Some(day) => state.to = Some(day),
                    None => parsed.notices.push(Notice::BadDate {
                        param: if is_from { FROM_PARAM } else { TO_PARAM },
                        value: value.to_owned(),
                    }),
                }
            }
            _ => match Order::ALL.into_iter().find(|o| o.value() == Some(value)) {
                Some(order) => state.order = order,
                None if value == "timeline" || value == "oldest" => {}
                None => parsed.notices.push(Notice::UnknownOrder(value.to_owned())),
            },
        }
    }
    // A note is part of a collection: one for an article the link does not share is dropped.
    let state = &mut parsed.state;
    let before = state.set_notes.len();
    state
        .set_notes
        .retain(|(id, _)| state.set.iter().any(|i| i == id));
    bad_entries += before - state.set_notes.len();
    if bad_entries > 0 {
        parsed.notices.push(Notice::BadSetEntries(bad_entries));
    }
    // A range given backwards is the same range, each end read as the other (`to=2019-02` is
    // then its first day).
    if let (Some(from), Some(to)) = (parsed.state.from, parsed.state.to) {
        if from > to {
            let whole = |date: Date, is_from| date_param(&date_value(date, is_from), !is_from);
            parsed.state.from = whole(to, false);
            parsed.state.to = whole(from, true);
        }
    }
    parsed
}

/// A day, or a month or a bare year standing for its first (`from`) or last (`to`) day.
fn date_param(value: &str, is_from: bool) -> Option<Date> {
    let Some(month) = Month::parse_end(value, is_from) else {
        return Date::parse(value);
    };
    Some(if is_from {
        month.first_day()
    } else {
        month.last_day()
    })
}

/// The month a range's end is the edge of: its first day for `from`, its last for `to`.
fn whole_month(date: Date, is_from: bool) -> Option<Month> {
    let month = Month::of(date);
    let edge = if is_from {
        month.first_day()
    } else {
        month.last_day()
    };
    (date == edge).then_some(month)
}

/// A range's end for people: "March 2019" when it starts (`from`) or ends (`to`) a whole month,
/// else the day, "25 March 2019".
pub fn bound_label(date: Date, is_from: bool) -> String {
    whole_month(date, is_from).map_or_else(|| date.long_form(), Month::long_form)
}

/// A range's end as the link writes it: a whole month (`YYYY-MM`) when it starts (`from`) or ends
/// (`to`) one, so links of whole months stay as short as they always were, else the day.
fn date_value(date: Date, is_from: bool) -> String {
    whole_month(date, is_from).map_or_else(|| date.to_string(), |m| m.to_string())
}

/// Reads a query string and drops what the corpus cannot show (an article slug or a facet value
/// it does not hold), reporting each drop as a notice.
pub fn parse_for(query: &str, corpus: &Corpus, catalogue: &Catalogue) -> Parsed {
    let mut parsed = parse(query);
    if let Some(slug) = &parsed.state.article {
        if corpus.find(slug).is_none() {
            let slug = parsed.state.article.take().unwrap_or_default();
            let candidates: Vec<String> = corpus
                .sharing(&slug)
                .iter()
                .map(|a| a.slug.clone())
                .collect();
            parsed.notices.push(if candidates.is_empty() {
                Notice::UnknownArticle(slug)
            } else {
                Notice::SharedArticle { slug, candidates }
            });
        }
    }
    for (&facet, ids) in &mut parsed.state.filters {
        ids.retain(|id| {
            let known = catalogue.find(facet, id).is_some();
            if !known {
                parsed.notices.push(Notice::UnknownValue {
                    facet: facet.key(),
                    id: id.clone(),
                });
            }
            known
        });
    }
    parsed.state.filters.retain(|_, ids| !ids.is_empty());
    if !parsed.state.set.is_empty() {
        let named = parsed.state.set.len();
        let mut here = vec![false; named];
        for (_, at) in find_ids(corpus, &parsed.state.set) {
            here[at] = true;
        }
        let mut here = here.into_iter();
        parsed.state.set.retain(|_| here.next().unwrap_or(false));
        let state = &mut parsed.state;
        state
            .set_notes
            .retain(|(id, _)| state.set.iter().any(|i| i == id));
        let missing = named - parsed.state.set.len();
        if missing > 0 {
            parsed.notices.push(Notice::SetElsewhere { missing, named });
        }
    }
    parsed
}

/// Writes a state as a query string with its leading `?`, or `""` for the default view.
pub fn encode(state: &ViewState) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if !state.query.trim().is_empty() {
        query.append_pair(QUERY_PARAM, &state.query);
    }
    for (facet, ids) in &state.filters {
        // Catalogue ids never hold the separator or white space (they are folded words joined by
        // hyphens, entity slugs or years), so the list reads back as it was written.
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        if !ids.is_empty() {
            query.append_pair(facet.key(), &ids.join(","));
        }
    }
    if let Some(from) = state.from {
        query.append_pair(FROM_PARAM, &date_value(from, true));
    }
    if let Some(to) = state.to {
        query.append_pair(TO_PARAM, &date_value(to, false));
    }
    if state.starred {
        query.append_pair(STARRED_PARAM, "1");
    }
    if !state.set.is_empty() {
        query.append_pair(SET_PARAM, &state.set.join(","));
        for (id, note) in &state.set_notes {
            query.append_pair(NOTE_PARAM, &format!("{id}:{note}"));
        }
    }
    if let Some(against) = state.compare {
        query.append_pair(COMPARE_PARAM, &against.value());
    }
    if let Some(order) = state.order.value() {
        query.append_pair(SORT_PARAM, order);
    }
    if let Some(slug) = &state.article {
        query.append_pair(ARTICLE_PARAM, slug);
    }
    let query = query.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// The link to a view with the article `slug` open, from [`encode`] of the same view with no
/// article open: the article is the last parameter, so many links (one per listed article) are
/// made from one encoding of the rest of the view.
pub fn with_article(base: &str, slug: &str) -> String {
    let slug: String = form_urlencoded::byte_serialize(slug.as_bytes()).collect();
    let separator = if base.is_empty() { '?' } else { '&' };
    format!("{base}{separator}{ARTICLE_PARAM}={slug}")
}

fn push_once(notices: &mut Vec<Notice>, notice: Notice) {
    if !notices.contains(&notice) {
        notices.push(notice);
    }
}

/// The query string (without `?`) of a link to some view of this page, as a user pastes it:
/// a full address (`https://…/dateline/?q=visa`, `file:///…/dateline.html?q=visa#top`), a
/// relative one (`dateline.html?q=visa`, `?q=visa`) or a bare query (`q=visa&person=…`).
/// A link without a query is the default view (`Some("")`). `None` when the text is not a link
/// at all, so the page can say so instead of showing a view nobody asked for.
pub fn query_of_link(text: &str) -> Option<&str> {
    let text = text.trim();
    let text = text.split_once('#').map_or(text, |(before, _)| before);
    if let Some((_, query)) = text.split_once('?') {
        return Some(query);
    }
    let is_address = ["http://", "https://", "file://"].iter().any(|scheme| {
        text.as_bytes()
            .get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme.as_bytes()))
    }) || text.ends_with(".html")
        || text.ends_with('/');
    let is_bare_query = text.contains('=') && !text.contains(char::is_whitespace);
    match (is_address, is_bare_query) {
        (true, _) => Some(""),
        (false, true) => Some(text),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use proptest::prelude::*;

    fn state(article: Option<&str>) -> ViewState {
        ViewState {
            article: article.map(str::to_owned),
            ..ViewState::default()
        }
    }

    #[test]
    fn reads_and_writes_search_and_order() {
        let full = ViewState {
            query: "kim \"far east\" after:2019 & more".to_owned(),
            order: Order::Relevance,
            article: Some("2019-x".to_owned()),
            ..ViewState::default()
        };
        let encoded = encode(&full);
        assert_eq!(
            encoded,
            "?q=kim+%22far+east%22+after%3A2019+%26+more&sort=relevance&a=2019-x"
        );
        assert_eq!(parse(&encoded).state, full);
        let parsed = parse("?q=a&q=b&sort=loudest");
        assert_eq!(parsed.state.query, "a");
        assert_eq!(parsed.state.order, Order::Timeline);
        assert_eq!(
            parsed.notices,
            [
                Notice::RepeatedParameter("q".into()),
                Notice::UnknownOrder("loudest".into())
            ]
        );
    }

    #[test]
    fn reads_the_article_parameter() {
        let cases = [
            ("", state(None)),
            ("?", state(None)),
            ("?a=2014-10-29-visa", state(Some("2014-10-29-visa"))),
            ("a=2014-10-29-visa", state(Some("2014-10-29-visa"))),
            ("?utm_source=mail&a=x", state(Some("x"))),
            ("?a=", state(None)),
            ("?a=%20x%20", state(Some("x"))),
            ("?a=%E0%A4", state(Some("\u{FFFD}"))),
        ];
        for (query, expected) in cases {
            let parsed = parse(query);
            assert_eq!(parsed.state, expected, "query {query:?}");
            assert!(
                parsed.notices.is_empty(),
                "query {query:?}: {:?}",
                parsed.notices
            );
        }
    }

    #[test]
    fn repeated_parameter_keeps_the_first_and_says_so_once() {
        let parsed = parse("?a=one&a=two&a=three");
        assert_eq!(parsed.state, state(Some("one")));
        assert_eq!(parsed.notices, [Notice::RepeatedParameter("a".into())]);
    }

    #[test]
    fn unknown_article_is_dropped_with_a_notice() {
        let corpus = Corpus::new(vec![article("known", None)], Vec::new());
        let catalogue = Catalogue::new(&corpus);
        assert_eq!(
            parse_for("?a=known", &corpus, &catalogue).state,
            state(Some("known"))
        );
        let parsed = parse_for("?a=gone", &corpus, &catalogue);
        assert_eq!(parsed.state, state(None));
        assert_eq!(parsed.notices, [Notice::UnknownArticle("gone".into())]);
        assert!(parsed.notices[0].to_string().contains("“gone”"));
    }

    #[test]
    fn reads_and_writes_facets_and_dates() {
        let parsed = parse("?person=vladimir-putin,kim-jong-un&outlet=wic-news&person=sergey-lavrov&from=2014&to=2016-12-31&sort=newest");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        let s = &parsed.state;
        assert!(s.is_selected(Facet::Person, "kim-jong-un"));
        assert!(s.is_selected(Facet::Person, "sergey-lavrov"));
        assert!(s.is_selected(Facet::Outlet, "wic-news"));
        assert_eq!(s.from.unwrap().to_string(), "2014-01-01");
        assert_eq!(s.to.unwrap().to_string(), "2016-12-31");
        assert_eq!(s.order, Order::Newest);
        assert_eq!(
            encode(s),
            "?outlet=wic-news&person=kim-jong-un%2Csergey-lavrov%2Cvladimir-putin&from=2014-01&to=2016-12&sort=newest"
        );
        let toggled = s.toggled(Facet::Outlet, "wic-news");
        assert!(!toggled.filters.contains_key(&Facet::Outlet));
        assert!(toggled
            .toggled(Facet::Tag, "x")
            .is_selected(Facet::Tag, "x"));
        assert!(s.is_narrowed());
        assert_eq!(s.cleared().order, Order::Newest);
        assert!(!s.cleared().is_narrowed());
    }

    #[test]
    fn reads_and_writes_a_comparison() {
        use crate::compare::Period;
        let parsed = parse("?from=2024-01&to=2024-12&vs=before");
        assert_eq!(parsed.state.compare, Some(Against::Before));
        assert_eq!(encode(&parsed.state), "?from=2024-01&to=2024-12&vs=before");
        let parsed = parse("?vs=2019..2021-06");
        let period = Period::parse("2019-01..2021-06").unwrap();
        assert_eq!(parsed.state.compare, Some(Against::Period(period)));
        assert_eq!(encode(&parsed.state), "?vs=2019-01..2021-06");
        // Backwards is the same period.
        assert_eq!(parse("?vs=2021-06..2019-01").state, parsed.state);
        // A comparison narrows nothing: it is shown beside the timeline.
        assert!(!parsed.state.is_narrowed());
        let parsed = parse("?vs=last-year");
        assert_eq!(parsed.state.compare, None);
        assert_eq!(parsed.notices, [Notice::BadComparison("last-year".into())]);
        assert!(parsed.notices[0].to_string().contains("2019-01..2019-12"));
    }

    #[test]
    fn bad_and_backwards_dates() {
        let parsed = parse("?from=2019-13&to=soon");
        assert_eq!(parsed.state.from, None);
        assert_eq!(parsed.state.to, None);
        assert_eq!(parsed.notices.len(), 2);
        assert!(parsed.notices[0].to_string().contains("“2019-13”"));
        let parsed = parse("?from=2020-05&to=2019-02");
        assert_eq!(parsed.state.from.unwrap().to_string(), "2019-02-01");
        assert_eq!(parsed.state.to.unwrap().to_string(), "2020-05-31");
        assert_eq!(encode(&parsed.state), "?from=2019-02&to=2020-05");
        // A day is a day; a month in a link still reads as the whole month.
        let parsed = parse("?from=2019-03-20&to=2019-04");
        assert_eq!(encode(&parsed.state), "?from=2019-03-20&to=2019-04");
        let (from, to) = (parsed.state.from.unwrap(), parsed.state.to.unwrap());
        assert_eq!(bound_label(from, true), "20 March 2019");
        assert_eq!(bound_label(to, false), "April 2019");
        assert_eq!(parsed.state.to.unwrap().to_string(), "2019-04-30");
        let parsed = parse("?from=2019-02-30");
        assert_eq!(parsed.state.from, None);
        assert!(parsed.notices[0]
            .to_string()
            .contains("a day like 2019-03-25"));
    }

    #[test]
    fn unknown_facet_values_are_dropped_with_a_notice() {
        let mut known = article("known", Some((2019, 1, 1)));
        known.outlet = Some("WIC News".into());
        let corpus = Corpus::new(vec![known], Vec::new());
        let catalogue = Catalogue::new(&corpus);
        let parsed = parse_for("?outlet=wic-news,fox&person=nobody", &corpus, &catalogue);
        assert_eq!(
            encode(&parsed.state),
            "?outlet=wic-news",
            "the known value stays"
        );
        assert_eq!(
            parsed.notices,
            [
                Notice::UnknownValue {
                    facet: "outlet",
                    id: "fox".into()
                },
                Notice::UnknownValue {
                    facet: "person",
                    id: "nobody".into()
                }
            ]
        );
    }

    #[test]
    fn reads_and_writes_the_starred_filter() {
        let starred = ViewState {
            query: "visa".to_owned(),
            starred: true,
            ..ViewState::default()
        };
        assert_eq!(encode(&starred), "?q=visa&starred=1");
        assert_eq!(parse("?q=visa&starred=1").state, starred);
        assert!(starred.is_narrowed());
        assert!(
            !starred.cleared().starred,
            "clearing the filters clears this one too"
        );
        for off in ["?starred=0", "?starred=no", "?starred="] {
            let parsed = parse(off);
            assert!(!parsed.state.starred, "{off}");
            assert!(parsed.notices.is_empty(), "{off}");
        }
        let garbled = parse("?starred=maybe");
        assert!(!garbled.state.starred);
        assert_eq!(
            garbled.notices,
            vec![Notice::BadStarred("maybe".to_owned())]
        );
        assert!(garbled.notices[0].to_string().contains("starred=maybe"));
    }

    #[test]
    fn reads_and_writes_a_shared_collection() {
        let corpus = Corpus::new(
            vec![
                article("2019-a", Some((2019, 3, 25))),
                article("2020-b", Some((2020, 1, 1))),
            ],
            Vec::new(),
        );
        let catalogue = Catalogue::new(&corpus);
        let (a, b, gone) = (short_id("2019-a"), short_id("2020-b"), short_id("gone"));
        let shared = ViewState {
            set: vec![b.clone(), a.clone()],
            set_notes: vec![(a.clone(), "Check: the date, & the source".to_owned())],
            ..ViewState::default()
        };
        let query = encode(&shared);
        assert_eq!(
            query,
            format!("?set={b}%2C{a}&note={a}%3ACheck%3A+the+date%2C+%26+the+source")
        );
        let parsed = parse_for(&query, &corpus, &catalogue);
        assert_eq!(parsed.state, shared);
        assert!(parsed.notices.is_empty());
        assert!(shared.is_narrowed());
        assert_eq!(
            shared.set_note("2019-a"),
            Some("Check: the date, & the source")
        );
        assert_eq!(shared.set_note("2020-b"), None);
        assert!(shared.cleared().set.is_empty() && shared.cleared().set_notes.is_empty());

        // Ids this collection lacks are dropped with their notes, and counted.
        let parsed = parse_for(
            &format!("set={a},{gone},{a},nonsense&note={gone}:x&note={a}:y&note=z"),
            &corpus,
            &catalogue,
        );
        assert_eq!(parsed.state.set, vec![a.clone()]);
        assert_eq!(parsed.state.set_notes, vec![(a.clone(), "y".to_owned())]);
        assert_eq!(
            parsed.notices,
            vec![
                Notice::BadSetEntries(2),
                Notice::SetElsewhere {
                    missing: 1,
                    named: 2
                }
            ]
        );
        assert!(parsed.notices[1]
            .to_string()
            .starts_with("1 of the 2 articles"));
    }

    #[test]
    fn encodes_short_readable_queries() {
        assert_eq!(encode(&state(None)), "");
        assert_eq!(encode(&state(Some("2019-03-25-kim"))), "?a=2019-03-25-kim");
        assert_eq!(encode(&state(Some("a b&c"))), "?a=a+b%26c");
    }

    #[test]
    fn a_link_with_an_article_is_the_view_link_and_the_article() {
        let views = [
            "",
            "?q=visa+free",
            "?q=a%26b&person=kim-jong-un&from=2014-01&sort=newest",
        ];
        for view in views {
            let mut state = parse(view).state;
            let base = encode(&state);
            for slug in ["2019-03-25-kim", "a b&c", "ünï"] {
                state.article = Some(slug.to_owned());
                assert_eq!(with_article(&base, slug), encode(&state), "{view} + {slug}");
            }
        }
    }

    /// A query string as links in the wild garble them: known and unknown keys, repeated and
    /// conflicting parameters, broken percent-encoding, stray separators, any characters.
    fn garbled_query() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("q".to_owned()),
            Just("a".to_owned()),
            Just("sort".to_owned()),
            Just("from".to_owned()),
            Just("to".to_owned()),
            Just("person".to_owned()),
            Just("outlet".to_owned()),
            Just("year".to_owned()),
            Just("starred".to_owned()),
            Just("set".to_owned()),
            Just("note".to_owned()),
            Just("vs".to_owned()),
            "\\PC{0,6}",
        ];
        let value = prop_oneof![
            "\\PC{0,12}",
            "[0-9]{1,6}(-[0-9]{1,3})?",
            Just("%".to_owned()),
            Just("%zz%E2%82".to_owned()),
            Just("newest".to_owned()),
            Just("1".to_owned()),
            Just(short_id("known")),
            Just(format!("{}:a note", short_id("known"))),
            Just(",,a,,b,".to_owned()),
            Just("before".to_owned()),
            Just("2019-13..2019-02".to_owned()),
            Just("2019..2019-02".to_owned()),
        ];
        let pair = (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k,
        });
        (
            proptest::bool::ANY,
            proptest::collection::vec(pair, 0..12),
            "[&;#?=]{0,2}",
        )
            .prop_map(|(question, pairs, tail)| {
                format!(
                    "{}{}{tail}",
                    if question { "?" } else { "" },
                    pairs.join("&")
                )
            })
    }

    proptest! {
        #[test]
        fn parse_never_panics(query in any::<String>()) {
            let _ = parse(&query);
        }

        #[test]
        fn query_of_link_never_panics(text in any::<String>()) {
            let _ = query_of_link(&text);
        }

        /// Whatever a link says, the page shows a state whose own link shows it again, without
        /// new notices: a shared link of a garbled view is stable.
        #[test]
        fn any_garbled_query_gives_a_state_that_round_trips(query in garbled_query()) {
            let corpus = Corpus::new(vec![article("known", Some((2019, 3, 25)))], Vec::new());
            let catalogue = Catalogue::new(&corpus);
            let first = parse_for(&query, &corpus, &catalogue);
            let again = parse_for(&encode(&first.state), &corpus, &catalogue);
            prop_assert_eq!(&again.state, &first.state);
            prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
        }

        #[test]
        fn encode_then_parse_is_identity(
            slug in proptest::option::of("\\PC*"),
            query in "\\PC*",
            order in 0..3usize,
            filters in proptest::collection::btree_map(
                0..6usize,
                proptest::collection::btree_set("[^,\\s]{1,12}", 1..4),
                0..4,
            ),
            from in proptest::option::of((1000i16..9999, 1u8..=12, 1u8..=28)),
            to in proptest::option::of((1000i16..9999, 1u8..=12, 1u8..=31)),
            starred in proptest::bool::ANY,
            set in proptest::collection::vec("\\PC{1,20}", 0..5),
            noted in proptest::collection::vec(proptest::option::of("\\PC{0,30}"), 0..5),
        ) {
            // Surrounding white space is not part of a slug: parsing trims it. A blank query is
            // no query; any other is kept as typed. Facet ids never hold a comma or a space.
            let slug = slug.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
            let query = if query.trim().is_empty() { String::new() } else { query };
            // A day past the month's end is its last day.
            let day = |(year, month, day): (i16, u8, u8)| {
                let last = Month { year, month }.days();
                Date { year, month, day: day.min(last) }
            };
            let (mut from, mut to) = (from.map(day), to.map(day));
            if let (Some(f), Some(t)) = (from, to) {
                from = Some(f.min(t));
                to = Some(f.max(t));
            }
            let original = ViewState {
                article: slug,
                query,
                order: Order::ALL[order],
                filters: filters.into_iter().map(|(f, ids)| (Facet::ALL[f], ids)).collect(),
                from,
                to,
                starred,
                ..ViewState::default()
            };
            // A collection is of distinct ids; its notes are trimmed and never blank.
            let mut original = original;
            for slug in set {
                let id = short_id(&slug);
                if !original.set.contains(&id) {
                    original.set.push(id);
                }
            }
            for (id, note) in original.set.clone().into_iter().zip(noted) {
                if let Some(note) = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
                    original.set_notes.push((id, note));
                }
            }
            let parsed = parse(&encode(&original));
            prop_assert_eq!(parsed.state, original);
            prop_assert!(parsed.notices.is_empty());
        }
    }

    #[test]
    fn finds_the_query_of_any_pasted_link() {
        for (text, query) in [
            (
                "https://example.org/dateline/?q=visa&sort=newest",
                Some("q=visa&sort=newest"),
            ),
            (
                "  file:///C:/Users/ana/Downloads/dateline.html?person=kim-jong-un#x ",
                Some("person=kim-jong-un"),
            ),
            ("dateline.html?a=some-slug", Some("a=some-slug")),
            ("?q=visa", Some("q=visa")),
            ("q=visa&outlet=nk-news", Some("q=visa&outlet=nk-news")),
            ("file:///home/ana/dateline.html", Some("")),
            ("https://example.org/dateline/", Some("")),
            ("HTTPS://EXAMPLE.ORG", Some("")),
            ("dateline.html#top", Some("")),
            ("", None),
            ("putin visit", None),
            ("a = b", None),
            // A multi-byte character where a scheme's end would fall.
            ("abcdef€x", None),
        ] {
            assert_eq!(query_of_link(text), query, "{text:?}");
        }
    }
}
