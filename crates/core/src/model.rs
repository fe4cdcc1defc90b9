//! The article model: what one article is once ingested, and the corpus that holds them in
//! timeline order.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date as an article states it.
///
/// Validation (month and day ranges, leap years) belongs to ingestion, which builds dates with a
/// real calendar library; this type only carries a date that is already known to be valid, orders
/// it and prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// The year, e.g. 2019.
    pub year: i16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The English name of the month, e.g. "March".
    pub fn month_name(self) -> &'static str {
        MONTH_NAMES
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
    }

    /// The date as a reader expects it in running text, e.g. "25 March 2019".
    pub fn long_form(self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }
}

/// ISO 8601, e.g. `2019-03-25`: the form used in URLs, exports and `<time datetime>`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One ingested article: cleaned text plus the metadata the timeline shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, readable identifier used in URLs, e.g. `2019-03-25-north-koreas-kim-may-visit-russia`.
    pub slug: String,
    /// The article's headline.
    pub headline: String,
    /// The publisher, e.g. "The Moscow Times".
    pub outlet: String,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// The original web address, if known.
    pub url: Option<String>,
    /// The file the article came from, relative to the corpus folder (its provenance).
    pub source: String,
    /// The cleaned body text, one paragraph per element, publisher boilerplate removed.
    pub paragraphs: Vec<String>,
}

/// All articles of one corpus, in timeline order: dated articles oldest first, undated ones last,
/// ties broken by slug. The order is established once, at build time, by [`Corpus::new`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    articles: Vec<Article>,
}

impl Corpus {
    /// Builds a corpus, putting the articles in timeline order.
    pub fn new(mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));
        Corpus { articles }
    }

    /// The articles in timeline order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this slug, if the corpus has it.
    pub fn find(&self, slug: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// How many articles the corpus holds.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the corpus holds no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// Undated articles sort after every dated one (`None` is mapped past any date).
fn timeline_key(a: &Article) -> (bool, Option<Date>, &str) {
    (a.date.is_none(), a.date, a.slug.as_str())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small article for tests; only the fields a test cares about need to be set afterwards.
    pub(crate) fn article(slug: &str, date: Option<(i16, u8, u8)>) -> Article {
        Article {
            slug: slug.to_owned(),
            headline: format!("Headline of {slug}"),
            outlet: "Test Outlet".to_owned(),
            date: date.map(|(year, month, day)| Date { year, month, day }),
            url: None,
            source: format!("{slug}.txt"),
            paragraphs: vec!["Body.".to_owned()],
        }
    }

    #[test]
    fn corpus_orders_by_date_then_slug_with_undated_last() {
        let corpus = Corpus::new(vec![
            article("undated", None),
            article("b-2019", Some((2019, 3, 25))),
            article("a-2019", Some((2019, 3, 25))),
            article("old", Some((2014, 10, 29))),
        ]);
        let slugs: Vec<_> = corpus.articles().iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["old", "a-2019", "b-2019", "undated"]);
    }

    #[test]
    fn dates_print_in_iso_and_long_form() {
        let d = Date {
            year: 2019,
            month: 3,
            day: 5,
        };
        assert_eq!(d.to_string(), "2019-03-05");
        assert_eq!(d.long_form(), "5 March 2019");
    }

    #[test]
    fn find_returns_only_known_slugs() {
        let corpus = Corpus::new(vec![article("x", None)]);
        assert!(corpus.find("x").is_some());
        assert!(corpus.find("y").is_none());
    }
}
