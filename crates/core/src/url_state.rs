//! The codec between the view a user sees and the URL query string that holds it.
//!
//! The URL is the single source of truth for the view: the app parses the query into a
//! [`ViewState`], renders from it, and writes every change back with [`encode`]. Parameters are
//! short and readable (`?a=<slug>` for the open article). Parsing never fails: a parameter that
//! cannot be used is dropped and reported as a [`Notice`] the app shows to the user. Unknown
//! parameters (tracking tags and the like) are ignored silently, since they are not ours.

use crate::model::Corpus;
use std::fmt;

/// Query parameter holding the open article's slug.
pub const ARTICLE_PARAM: &str = "a";
/// Query parameter holding the search query, as typed.
pub const QUERY_PARAM: &str = "q";
/// Query parameter holding the order of results; absent for timeline order.
pub const SORT_PARAM: &str = "sort";

/// How matching articles are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// Oldest first, in sections by year.
    #[default]
    Timeline,
    /// Best match first (only differs from the timeline when the search has words).
    Relevance,
}

impl Order {
    /// The parameter value, `None` for the default.
    fn value(self) -> Option<&'static str> {
        match self {
            Order::Timeline => None,
            Order::Relevance => Some("relevance"),
        }
    }
}

/// Everything about the current view that a shared link must reproduce.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// The search query as typed; empty for none.
    pub query: String,
    /// How results are listed.
    pub order: Order,
    /// Slug of the article open in the reader, if any.
    pub article: Option<String>,
}

/// Something in the URL that was ignored, worded for the person who opened the link.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Notice {
    /// The link names an article this corpus does not have.
    UnknownArticle(String),
    /// A parameter that takes one value was given several; the first was used.
    RepeatedParameter(String),
    /// A `sort` value this app does not know; the timeline order is used.
    UnknownOrder(String),
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownArticle(slug) => write!(
                f,
                "The link asks for an article “{slug}” that is not in this collection, so the timeline is shown instead."
            ),
            Notice::RepeatedParameter(name) => write!(
                f,
                "The link gives “{name}” more than once; the first value was used."
            ),
            Notice::UnknownOrder(value) => write!(
                f,
                "The link asks to sort by “{value}”, which Dateline does not know; the timeline order is used."
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

/// Reads a query string, with or without its leading `?`. Never fails.
pub fn parse(query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut parsed = Parsed::default();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let Some(name) = [ARTICLE_PARAM, QUERY_PARAM, SORT_PARAM]
            .into_iter()
            .find(|p| *p == key)
        else {
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
            QUERY_PARAM => state.query = value.to_owned(),
            _ => match value {
                "relevance" => state.order = Order::Relevance,
                "timeline" => state.order = Order::Timeline,
                other => parsed.notices.push(Notice::UnknownOrder(other.to_owned())),
            },
        }
    }
    parsed
}

/// Reads a query string and drops what the corpus cannot show (e.g. an article slug it does
/// not hold), reporting each drop as a notice.
pub fn parse_for(query: &str, corpus: &Corpus) -> Parsed {
    let mut parsed = parse(query);
    if let Some(slug) = &parsed.state.article {
        if corpus.find(slug).is_none() {
            let slug = parsed.state.article.take().unwrap_or_default();
            parsed.notices.push(Notice::UnknownArticle(slug));
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

fn push_once(notices: &mut Vec<Notice>, notice: Notice) {
    if !notices.contains(&notice) {
        notices.push(notice);
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
        };
        let encoded = encode(&full);
        assert_eq!(
            encoded,
            "?q=kim+%22far+east%22+after%3A2019+%26+more&sort=relevance&a=2019-x"
        );
        assert_eq!(parse(&encoded).state, full);
        let parsed = parse("?q=a&q=b&sort=newest");
        assert_eq!(parsed.state.query, "a");
        assert_eq!(parsed.state.order, Order::Timeline);
        assert_eq!(
            parsed.notices,
            [
                Notice::RepeatedParameter("q".into()),
                Notice::UnknownOrder("newest".into())
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
        assert_eq!(parse_for("?a=known", &corpus).state, state(Some("known")));
        let parsed = parse_for("?a=gone", &corpus);
        assert_eq!(parsed.state, state(None));
        assert_eq!(parsed.notices, [Notice::UnknownArticle("gone".into())]);
        assert!(parsed.notices[0].to_string().contains("“gone”"));
    }

    #[test]
    fn encodes_short_readable_queries() {
        assert_eq!(encode(&state(None)), "");
        assert_eq!(encode(&state(Some("2019-03-25-kim"))), "?a=2019-03-25-kim");
        assert_eq!(encode(&state(Some("a b&c"))), "?a=a+b%26c");
    }

    proptest! {
        #[test]
        fn parse_never_panics(query in any::<String>()) {
            let _ = parse(&query);
        }

        #[test]
        fn encode_then_parse_is_identity(slug in proptest::option::of("\\PC*"), query in "\\PC*", relevance in any::<bool>()) {
            // Surrounding white space is not part of a slug: parsing trims it. A blank query is
            // no query; any other is kept as typed.
            let slug = slug.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
            let order = if relevance { Order::Relevance } else { Order::Timeline };
            let query = if query.trim().is_empty() { String::new() } else { query };
            let original = ViewState { article: slug, query, order };
            let parsed = parse(&encode(&original));
            prop_assert_eq!(parsed.state, original);
            prop_assert!(parsed.notices.is_empty());
        }
    }
}
