//! Two periods compared: the words and the people, places and organisations that rose or fell
//! most between the view's date range and another period, each with its article count in both
//! and a log-likelihood score (Dunning 1993), the measure corpus linguists use for "keyness".
//!
//! Everything is counted in articles, not occurrences: an article that repeats a word twenty
//! times counts once, so one long piece cannot make a word rise. The articles compared are the
//! view's (its words, facets, stars), split by period. Words are counted from the search index's
//! postings in one pass ([`SearchIndex::tally`]), never from the text; the text is read only to
//! name the few words shown (the index holds stems, a reader wants "missiles", not "missil").

use crate::facets::{Catalogue, Facet, ValueIndex};
use crate::model::{Corpus, Date, Month};
use crate::order;
use crate::search::analyse::{fold, term_in, terms, word_ranges, Stemming};
use crate::search::SearchIndex;
use std::fmt;

/// Query parameter holding the period the view's date range is compared against: `before` (the
/// period of the same length just before it) or `FROM..TO` in months (`2019-01..2019-12`).
pub const COMPARE_PARAM: &str = "vs";

/// How many words, and how many values of each facet, are shown rising and falling.
pub const WORDS_SHOWN: usize = 12;
/// See [`WORDS_SHOWN`].
pub const VALUES_SHOWN: usize = 6;

/// A change is shown only when it is this unlikely to be chance: a log-likelihood of 3.84 is
/// p < 0.05 with one degree of freedom.
pub const SIGNIFICANT: f64 = 3.84;

/// A word or value must be in at least this many of the compared articles to be shown: below
/// it, one article more or less is the whole story.
pub const MIN_ARTICLES: u32 = 3;

/// An inclusive range of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    /// The first month.
    pub from: Month,
    /// The last month (not before `from`).
    pub to: Month,
}

impl Period {
    /// The period from one month to another, in either order.
    pub fn new(a: Month, b: Month) -> Period {
        Period {
            from: a.min(b),
            to: a.max(b),
        }
    }

    /// Whether a month is in the period.
    pub fn contains(&self, month: Month) -> bool {
        (self.from..=self.to).contains(&month)
    }

    /// How many months the period spans.
    pub fn months(&self) -> i32 {
        self.to.number() - self.from.number() + 1
    }

    /// The `months` months (at least one) that end with `last`.
    pub fn ending(last: Month, months: i32) -> Period {
        Period {
            from: Month::numbered(last.number() - months.max(1) + 1),
            to: last,
        }
    }

    /// The period of the same length that ends the month before this one starts.
    pub fn before(&self) -> Period {
        let start = self.from.number() - self.months();
        Period {
            from: Month::numbered(start),
            to: Month::numbered(self.from.number() - 1),
        }
    }

    /// Whether the two periods share a month.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// For people, as short as it is exact: "2024", "2023–2024", "March–June 2024", "March 2024",
    /// "November 2023 – February 2024".
    pub fn label(&self) -> String {
        let (from, to) = (self.from, self.to);
        match (from.year == to.year, from.month == 1 && to.month == 12) {
            (true, true) => from.year.to_string(),
            (false, true) => format!("{}–{}", from.year, to.year),
            (true, false) if from == to => from.long_form(),
            (true, false) => format!("{}–{} {}", from.name(), to.name(), to.year),
            (false, false) => format!("{} – {}", from.long_form(), to.long_form()),
        }
    }

    /// Reads `FROM..TO` in months (`2019-01..2019-12`) or years (`2019..2020`, January of the
    /// first to December of the last).
    pub fn parse(text: &str) -> Option<Period> {
        let (from, to) = text.split_once("..")?;
        Some(Period::new(
            Month::parse_end(from.trim(), true)?,
            Month::parse_end(to.trim(), false)?,
        ))
    }
}

/// `2019-01..2019-12`, as the URL holds it.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

/// What the view's date range is compared against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Against {
    /// The period of the same length just before it.
    Before,
    /// A period of its own.
    Period(Period),
}

impl Against {
    /// Reads the parameter's value: `before` or a [`Period`].
    pub fn parse(text: &str) -> Option<Against> {
        match text.trim() {
            "before" | "previous" => Some(Against::Before),
            other => Period::parse(other).map(Against::Period),
        }
    }

    /// The parameter's value.
    pub fn value(&self) -> String {
        match self {
            Against::Before => "before".to_owned(),
            Against::Period(period) => period.to_string(),
        }
    }
}

/// The two periods of a comparison: the view's and the one it is compared against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Periods {
    /// The view's date range; an open end is the corpus's first or last month.
    pub this: Period,
    /// The period it is compared against.
    pub other: Period,
}

impl Periods {
    /// The periods a view compares, given its range (`from`, `to`) and the first and last dates
    /// of the corpus; `None` when the corpus has no dated article. Periods are whole months: a
    /// range of days is compared as the months it touches.
    pub fn resolve(
        against: Against,
        from: Option<Date>,
        to: Option<Date>,
        span: Option<(Date, Date)>,
    ) -> Option<Periods> {
        let (first, last) = span?;
        let month = |date: Option<Date>, or: Date| Month::of(date.unwrap_or(or));
        let this = Period::new(month(from, first), month(to, last));
        let other = match against {
            Against::Before => this.before(),
            Against::Period(period) => period,
        };
        Some(Periods { this, other })
    }

    /// The side bits of an article of `month` (see [`SearchIndex::tally`]): bit 0 when the month
    /// is in this period, bit 1 when in the other.
    pub fn side(&self, month: Month) -> u8 {
        u8::from(self.this.contains(month)) | u8::from(self.other.contains(month)) << 1
    }
}

/// Which period each article of the corpus counts in ([`Periods::side`]), of `docs` (the
/// articles of the view but for its date range, [`crate::listing::Listing::unranged`]).
pub fn sides(corpus: &Corpus, docs: &[u32], periods: &Periods) -> Vec<u8> {
    let articles = corpus.articles();
    let mut sides = vec![0; articles.len()];
    for &doc in docs {
        if let (Some(side), Some(date)) = (
            sides.get_mut(doc as usize),
            articles.get(doc as usize).and_then(|a| a.date),
        ) {
            *side = periods.side(Month::of(date));
        }
    }
    sides
}

/// What rose or fell: a word (as a reader would search for it) or a facet value.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A word, in the form the text uses most readily (see [`surface`]).
    Word(String),
    /// A person, place or organisation, by its index in the catalogue.
    Value(Facet, ValueIndex),
}

/// One word or value whose share of the articles changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What changed.
    pub subject: Subject,
    /// In how many articles of this period and of the other.
    pub counts: [u32; 2],
    /// Log-likelihood of the difference (positive: rose in this period; negative: fell).
    pub score: f64,
}

/// The words or the values of one facet that rose and that fell, strongest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// More frequent in this period than in the other.
    pub rose: Vec<Change>,
    /// Less frequent in this period than in the other.
    pub fell: Vec<Change>,
}

impl Changes {
    /// Whether nothing changed enough to show.
    pub fn is_empty(&self) -> bool {
        self.rose.is_empty() && self.fell.is_empty()
    }
}

/// The facets compared besides words, in the order shown.
pub const COMPARED_FACETS: [Facet; 3] = [Facet::Person, Facet::Place, Facet::Org];

/// A comparison of two periods of a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// How many of the view's articles each period holds (this, other).
    pub articles: [u32; 2],
    /// The words.
    pub words: Changes,
    /// The values of each of [`COMPARED_FACETS`], in its order.
    pub values: Vec<Changes>,
}

/// Compares the articles of two sides: `sides[doc]` says which (bit 0: this period, bit 1: the
/// other; see [`Periods::side`]).
pub fn compare(
    corpus: &Corpus,
    index: &SearchIndex,
    catalogue: &Catalogue,
    sides: &[u8],
) -> Comparison {
    let mut articles = [0u32; 2];
    for &side in sides {
        count_side(&mut articles, side);
    }
    let mut comparison = Comparison {
        articles,
        ..Comparison::default()
    };
    if articles.contains(&0) {
        comparison.values = vec![Changes::default(); COMPARED_FACETS.len()];
        return comparison;
    }

    let keyness = Keyness::new(articles);
    comparison.values = COMPARED_FACETS
        .iter()
        .map(|&facet| {
            let mut counts = vec![[0u32; 2]; catalogue.values(facet).len()];
            for (doc, &side) in sides.iter().enumerate() {
                if side == 0 {
                    continue;
                }
                for &value in catalogue.of_article(doc as u32, facet) {
                    if let Some(count) = counts.get_mut(value as usize) {
                        count_side(count, side);
                    }
                }
            }
            let scored = counts
                .into_iter()
                .enumerate()
                .filter_map(|(value, counts)| Some((value, counts, keyness.of(counts)?)))
                .collect();
            strongest(scored, VALUES_SHOWN, |value, _| {
                Some(Subject::Value(facet, value as ValueIndex))
            })
        })
        .collect();

    // The words of the names shown above are not shown again as words ("kim" beside Kim Jong Un).
    let named: Vec<String> = COMPARED_FACETS
        .iter()
        .zip(&comparison.values)
        .flat_map(|(&facet, changes)| {
            changes
                .rose
                .iter()
                .chain(&changes.fell)
                .map(move |c| (facet, c))
        })
        .filter_map(|(facet, change)| match change.subject {
            Subject::Value(_, value) => catalogue.value(facet, value),
            Subject::Word(_) => None,
        })
        .flat_map(|value| terms(Stemming::English, &value.label).collect::<Vec<_>>())
        .collect();
    let mut words = Vec::new();
    index.tally(sides, |at, counts| {
        if let Some(score) = keyness.of(counts) {
            words.push((at, counts, score));
        }
    });
    comparison.words = strongest(words, WORDS_SHOWN, |at, counts| {
        let entry = index.term_at(at)?;
        // Numbers (years above all) rise and fall with the calendar, not with the story.
        if entry.term.bytes().all(|b| b.is_ascii_digit()) || named.contains(&entry.term) {
            return None;
        }
        let side = if counts[0] > 0 { 1 } else { 2 };
        let doc = index
            .postings(&entry)
            .find(|p| sides.get(p.doc as usize).is_some_and(|s| s & side != 0))?
            .doc;
        Some(Subject::Word(surface(corpus, doc, &entry.term)?))
    });

    comparison
}

/// Counts an article in the periods its side bits name ([`Periods::side`]).
fn count_side(counts: &mut [u32; 2], side: u8) {
    counts[0] += u32::from(side & 1);
    counts[1] += u32::from(side >> 1 & 1);
}

/// The strongest `limit` rises and falls among scored candidates, named by `subject` (which may
/// refuse one: it is skipped).
fn strongest(
    mut scored: Vec<(usize, [u32; 2], f64)>,
    limit: usize,
    mut subject: impl FnMut(usize, [u32; 2]) -> Option<Subject>,
) -> Changes {
    // Strongest first, then the most articles, then the candidate's order (stable).
    order::sort_by_key(&mut scored, |&(_, counts, score)| {
        !(score.abs().to_bits() >> 16 << 16 | u64::from((counts[0] + counts[1]).min(0xffff)))
    });
    let mut changes = Changes::default();
    for (candidate, counts, score) in scored {
        let list = if score > 0.0 {
            &mut changes.rose
        } else {
            &mut changes.fell
        };
        if list.len() >= limit {
            if changes.rose.len() >= limit && changes.fell.len() >= limit {
                break;
            }
            continue;
        }
        if let Some(subject) = subject(candidate, counts) {
            list.push(Change {
                subject,
                counts,
                score,
            });
        }
    }
    changes
}

/// Scores article counts (this period, the other) against how many articles each period holds:
/// [`log_likelihood`] rewritten as sums of `x ln x`, looked up in a table of every count up to
/// the articles compared, so that scoring tens of thousands of words takes no logarithm each.
pub struct Keyness {
    articles: [u32; 2],
    /// `x ln x` for every x from 0 to the articles of both periods.
    x_ln_x: Vec<f64>,
}

impl Keyness {
    /// The scorer for periods of `articles` articles.
    pub fn new(articles: [u32; 2]) -> Keyness {
        let total = articles[0] as usize + articles[1] as usize;
        Keyness {
            articles,
            x_ln_x: (0..=total)
                .map(|x| {
                    let x = x as f64;
                    term(x, 1.0)
                })
                .collect(),
        }
    }

    /// The signed log-likelihood of `counts` when it is worth showing: in at least
    /// [`MIN_ARTICLES`] and significant ([`SIGNIFICANT`]). Positive when its share rose.
    pub fn of(&self, counts: [u32; 2]) -> Option<f64> {
        if counts[0] + counts[1] < MIN_ARTICLES {
            return None;
        }
        let [a, b] = counts.map(|c| c as usize);
        let [m, n] = self.articles.map(|c| c as usize);
        if a > m || b > n {
            return None;
        }
        let f = |x: usize| self.x_ln_x[x];
        // G² = 2 (Σ cells − Σ rows − Σ columns + total), each summed as x ln x.
        let score = 2.0
            * (f(a) + f(m - a) + f(b) + f(n - b) - f(a + b) - f(m + n - a - b) - f(m) - f(n)
                + f(m + n));
        if score < SIGNIFICANT {
            return None;
        }
        let rose = a * n > b * m;
        Some(if rose { score } else { -score })
    }
}

/// Dunning's G² for a 2×2 table: articles with and without the word, in each period.
pub fn log_likelihood(counts: [u32; 2], articles: [u32; 2]) -> f64 {
    let total = f64::from(articles[0]) + f64::from(articles[1]);
    let with = f64::from(counts[0]) + f64::from(counts[1]);
    if total <= 0.0 {
        return 0.0;
    }
    let mut sum = 0.0;
    for side in 0..2 {
        let n = f64::from(articles[side]);
        let observed_with = f64::from(counts[side].min(articles[side]));
        let observed_without = n - observed_with;
        let expected_with = n * with / total;
        let expected_without = n * (total - with) / total;
        sum += term(observed_with, expected_with) + term(observed_without, expected_without);
    }
    (2.0 * sum).max(0.0)
}

/// `o · ln(o / e)`, 0 when nothing was observed.
fn term(observed: f64, expected: f64) -> f64 {
    if observed <= 0.0 || expected <= 0.0 {
        0.0
    } else {
        observed * (observed / expected).ln()
    }
}

/// How article `doc` writes the word whose term is `term`: its first use in lower case, or else
/// its first use (a name); `None` when the article does not have it (a damaged blob).
pub fn surface(corpus: &Corpus, doc: u32, term: &str) -> Option<String> {
    let article = corpus.articles().get(doc as usize)?;
    let language = Stemming::of_language(article.language.as_deref());
    let initial = term.chars().next()?;
    let mut first = None;
    for text in std::iter::once(article.headline.as_str()).chain(article.texts()) {
        for range in word_ranges(text) {
            let word = &text[range];
            // Folding lower-cases an ASCII letter and keeps it: a word that starts with another
            // one is not the term, and is not stemmed to find out (stemming is the costly part).
            let starts = word.chars().next().unwrap_or(' ');
            if starts.is_ascii() && !starts.eq_ignore_ascii_case(&initial) {
                continue;
            }
            if term_in(language, &fold(word)) != term {
                continue;
            }
            if !word.chars().any(char::is_uppercase) {
                return Some(word.to_owned());
            }
            first.get_or_insert_with(|| word.to_owned());
        }
        // The headline's capitals say little; a name is known by the body's.
        if first.is_some() && !std::ptr::eq(text, article.headline.as_str()) {
            break;
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::model::{Entity, EntityKind};

    fn month(year: i16, month: u8) -> Month {
        Month { year, month }
    }

    #[test]
    fn periods_read_write_and_step_back() {
        let p = Period::parse("2019-03..2019-01").unwrap();
        assert_eq!(p, Period::new(month(2019, 1), month(2019, 3)));
        assert_eq!(p.to_string(), "2019-01..2019-03");
        assert_eq!(p.months(), 3);
        assert_eq!(p.before(), Period::new(month(2018, 10), month(2018, 12)));
        assert_eq!(
            Period::parse("2019..2020").unwrap(),
            Period::new(month(2019, 1), month(2020, 12))
        );
        for bad in ["", "2019-01", "2019-13..2019-14", "x..y", "2019-1..2019-2"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(Against::parse("before"), Some(Against::Before));
        assert_eq!(
            Against::parse(" 2019-01..2019-12 ").map(|a| a.value()),
            Some("2019-01..2019-12".to_owned())
        );
        let year = Period::new(month(2024, 1), month(2024, 12));
        assert_eq!(year.before(), Period::new(month(2023, 1), month(2023, 12)));
        assert!(!year.overlaps(&year.before()));
        assert_eq!(year.label(), "2024");
        assert_eq!(Period::ending(month(2024, 12), 12), year);
        assert_eq!(
            Period::ending(month(2024, 2), 3).label(),
            "December 2023 – February 2024"
        );
        assert_eq!(Period::parse("2023..2024").unwrap().label(), "2023–2024");
        assert_eq!(p.label(), "January–March 2019");
        assert_eq!(
            Period::new(month(2019, 3), month(2019, 3)).label(),
            "March 2019"
        );
        assert_eq!(
            Period::new(month(2023, 11), month(2024, 2)).label(),
            "November 2023 – February 2024"
        );
        assert!(year.overlaps(&Period::new(month(2023, 6), month(2024, 1))));
    }

    #[test]
    fn a_view_without_a_range_compares_the_corpus_span() {
        let span = Some((month(2014, 1).first_day(), month(2025, 6).last_day()));
        let periods = Periods::resolve(
            Against::Before,
            Some(month(2024, 1).first_day()),
            None,
            span,
        )
        .unwrap();
        assert_eq!(periods.this, Period::new(month(2024, 1), month(2025, 6)));
        assert_eq!(periods.other, Period::new(month(2022, 7), month(2023, 12)));
        assert_eq!(periods.side(month(2024, 3)), 1);
        assert_eq!(periods.side(month(2023, 3)), 2);
        assert_eq!(periods.side(month(2020, 3)), 0);
        assert_eq!(Periods::resolve(Against::Before, None, None, None), None);
    }

    #[test]
    fn log_likelihood_matches_the_textbook_figure() {
        // 10 of 100 articles against 2 of 100: G² = 2 Σ O ln(O/E) over the 2×2 table
        // [[10, 90], [2, 98]] = 6.1626 (worked out apart, in Python).
        let g = log_likelihood([10, 2], [100, 100]);
        assert!((g - 6.1626).abs() < 1e-3, "{g}");
        assert_eq!(log_likelihood([5, 5], [50, 50]), 0.0);
        let keyness = Keyness::new([100, 100]);
        assert!((keyness.of([10, 2]).unwrap() - g).abs() < 1e-9);
        assert!((keyness.of([2, 10]).unwrap() + g).abs() < 1e-9);
        // Too few articles, or too little difference, is not shown.
        assert_eq!(keyness.of([2, 0]), None);
        assert_eq!(keyness.of([6, 4]), None);
        // The table's sums are the direct formula's, for periods of any sizes.
        let keyness = Keyness::new([840, 311]);
        for counts in [[3, 0], [0, 9], [40, 2], [100, 90], [800, 1], [3, 300]] {
            let direct = log_likelihood(counts, [840, 311]);
            let table = keyness.of(counts).map_or(0.0, f64::abs);
            assert!(
                direct < SIGNIFICANT || (direct - table).abs() < 1e-6,
                "{counts:?}: {direct} {table}"
            );
        }
    }

    /// Twelve articles: 2020's about a harvest, 2021's about a drought and Ms Ri; "talks" in both.
    fn corpus() -> Corpus {
        let mut articles = Vec::new();
        for i in 0..6u8 {
            let mut a = article(&format!("h{i}"), Some((2020, 3 + i, 1)));
            a.headline = format!("Harvest report {i}");
            a.paragraphs =
                vec![format!("The harvests were good and talks went on, said farmers {i}.").into()];
            articles.push(a);
        }
        for i in 0..6u8 {
            let mut a = article(&format!("d{i}"), Some((2021, 3 + i, 1)));
            a.headline = format!("Dry season {i}");
            a.paragraphs = vec![format!(
                "A Drought hit the fields; the drought lasted while talks went on {i}, Ri said."
            )
            .into()];
            a.entities = vec![0];
            articles.push(a);
        }
        let ri = Entity {
            id: "ri".into(),
            name: "Ri Son".into(),
            aliases: Vec::new(),
            kind: EntityKind::Person,
        };
        Corpus::new(articles, vec![ri])
    }

    #[test]
    fn finds_what_rose_and_fell_between_two_years() {
        let corpus = corpus();
        let index = SearchIndex::build(&corpus);
        let catalogue = Catalogue::new(&corpus);
        let periods = Periods::resolve(
            Against::Before,
            Some(month(2021, 1).first_day()),
            Some(month(2021, 12).last_day()),
            Some((month(2020, 3).first_day(), month(2021, 8).last_day())),
        )
        .unwrap();
        // Every article but the last of 2021.
        let docs: Vec<u32> = (0..11).collect();
        let sides = sides(&corpus, &docs, &periods);
        assert_eq!(sides, [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0]);
        let comparison = compare(&corpus, &index, &catalogue, &sides);
        assert_eq!(comparison.articles, [5, 6]);
        let words = |changes: &[Change]| -> Vec<(String, [u32; 2])> {
            changes
                .iter()
                .map(|c| match &c.subject {
                    Subject::Word(w) => (w.clone(), c.counts),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let rose = words(&comparison.words.rose);
        let fell = words(&comparison.words.fell);
        // The lower-case use wins over "Drought"; "harvests" is the body's word for "harvest".
        assert!(rose.contains(&("drought".to_owned(), [5, 0])), "{rose:?}");
        assert!(fell.contains(&("harvests".to_owned(), [0, 6])), "{fell:?}");
        // In both periods alike, and the numbers: neither rose nor fell. Nor is "Ri", shown
        // among the people, shown again as a word.
        for (word, _) in rose.iter().chain(&fell) {
            assert!(
                word != "talks" && !word.starts_with(char::is_numeric),
                "{word}"
            );
            assert_ne!(word, "Ri");
        }
        // Ms Ri is in every 2021 article and no 2020 one.
        let people = &comparison.values[0];
        assert_eq!(people.rose.len(), 1);
        assert_eq!(people.rose[0].subject, Subject::Value(Facet::Person, 0));
        assert_eq!(people.rose[0].counts, [5, 0]);
        assert!(people.fell.is_empty());
        // Rises and falls are the strongest first.
        for list in [&comparison.words.rose, &comparison.words.fell] {
            assert!(list
                .windows(2)
                .all(|w| w[0].score.abs() >= w[1].score.abs()));
        }
    }

    #[test]
    fn an_empty_period_compares_nothing() {
        let corpus = corpus();
        let index = SearchIndex::build(&corpus);
        let catalogue = Catalogue::new(&corpus);
        let sides = vec![1u8; corpus.len()];
        let comparison = compare(&corpus, &index, &catalogue, &sides);
        assert_eq!(comparison.articles, [12, 0]);
        assert!(comparison.words.is_empty());
        assert_eq!(comparison.values.len(), COMPARED_FACETS.len());
    }
}
