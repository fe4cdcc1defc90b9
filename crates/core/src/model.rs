//! The article model: what one article is once ingested, and the corpus that holds them in
//! timeline order.

pub use crate::text::Text;
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

/// The English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

/// The English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// The English name of the month, e.g. "March".
    pub fn month_name(self) -> &'static str {
        Month::of(self).name()
    }

    /// The date as a reader expects it in running text, e.g. "25 March 2019".
    pub fn long_form(self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }

    /// Days since 1970-01-01 (negative before), in the proleptic Gregorian calendar.
    pub fn day_number(self) -> i32 {
        // Howard Hinnant's `days_from_civil`.
        let (m, d) = (i32::from(self.month), i32::from(self.day));
        let y = i32::from(self.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days after 1970-01-01 ([`Date::day_number`] read back).
    pub fn numbered(n: i32) -> Date {
        // Howard Hinnant's `civil_from_days`.
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date {
            year: i16::try_from(year).unwrap_or(if year < 0 { i16::MIN } else { i16::MAX }),
            month,
            day,
        }
    }

    /// The date `days` days later (earlier when negative).
    pub fn plus_days(self, days: i32) -> Date {
        Date::numbered(self.day_number() + days)
    }

    /// Its weekday, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.day_number() + 3).rem_euclid(7) as u8
    }

    /// Reads `YYYY-MM-DD` of a real calendar day; `None` for anything else.
    pub fn parse(text: &str) -> Option<Date> {
        let (month, day) = (text.get(..7)?, text.get(7..)?);
        let day = day.strip_prefix('-')?;
        let month = Month::parse(month)?;
        let valid = day.len() == 2 && day.bytes().all(|b| b.is_ascii_digit());
        let day: u8 = day.parse().ok().filter(|_| valid)?;
        (1..=month.days()).contains(&day).then_some(Date {
            year: month.year,
            month: month.month,
            day,
        })
    }
}

/// ISO 8601, e.g. `2019-03-25`: the form used in URLs, exports and `<time datetime>`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar month, e.g. March 2019: the unit of the histogram and of date ranges in URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year, e.g. 2019.
    pub year: i16,
    /// The month, 1 to 12.
    pub month: u8,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year,
            month: date.month,
        }
    }

    /// Reads `YYYY-MM`; `None` for anything else, including a month outside 1–12.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        let valid = year.len() == 4
            && month.len() == 2
            && year
                .bytes()
                .chain(month.bytes())
                .all(|b| b.is_ascii_digit());
        let month: u8 = month.parse().ok().filter(|_| valid)?;
        let year: i16 = year.parse().ok()?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// Months since January of year 0, so that months add and subtract.
    pub fn number(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// The month `n` months after January of year 0 ([`Month::number`] read back).
    pub fn numbered(n: i32) -> Month {
        Month {
            year: i16::try_from(n.div_euclid(12)).unwrap_or(if n < 0 {
                i16::MIN
            } else {
                i16::MAX
            }),
            month: n.rem_euclid(12) as u8 + 1,
        }
    }

    /// Reads one end of a range: `YYYY-MM`, or a bare year `YYYY` standing for its January
    /// (`is_from`) or its December.
    pub fn parse_end(text: &str, is_from: bool) -> Option<Month> {
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            let year = text.parse().ok()?;
            let month = if is_from { 1 } else { 12 };
            return Some(Month { year, month });
        }
        Month::parse(text)
    }

    /// How many days the month has.
    pub fn days(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 => {
                let y = i32::from(self.year);
                if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) {
                    29
                } else {
                    28
                }
            }
            _ => 31,
        }
    }

    /// Its first day.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    /// Its last day.
    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: self.days(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Month {
        if self.month >= 12 {
            Month {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The English name of the month, e.g. "March".
    pub fn name(self) -> &'static str {
        MONTH_NAMES
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
    }

    /// For people, e.g. "March 2019".
    pub fn long_form(self) -> String {
        format!("{} {}", self.name(), self.year)
    }
}

/// `YYYY-MM`, the form used in URLs, e.g. `2019-03`.
impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// How a field's value was established: the evidence a user can check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    /// Stated in the article's metadata sidecar.
    Metadata,
    /// Read from the saved page's markup, e.g. `og:title` or JSON-LD `datePublished`.
    MetaTag(String),
    /// Read from a line of the article text, quoted as evidence.
    Text {
        /// The 1-based line in the source file (0 where the source has no lines, e.g. HTML).
        line: u32,
        /// The words that gave the value.
        evidence: String,
    },
    /// Worked out from several clues, described in words.
    Inferred(String),
    /// Nothing gave a value.
    Unknown,
    /// Read from a named field of an export's row (a CSV column, a JSON object's field) or of a
    /// feed's item, e.g. `title`, `pubDate`.
    Column(String),
}

/// How sure ingestion is of a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    /// A guess: shown with a caution.
    Low,
    /// Good evidence, not conclusive.
    Medium,
    /// Stated outright.
    High,
}

/// A field's provenance and confidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourced {
    /// Where the value came from.
    pub provenance: Provenance,
    /// How sure that is.
    pub confidence: Confidence,
}

impl Sourced {
    /// A value stated in the metadata sidecar.
    pub const METADATA: Sourced = Sourced {
        provenance: Provenance::Metadata,
        confidence: Confidence::High,
    };
    /// No value.
    pub const UNKNOWN: Sourced = Sourced {
        provenance: Provenance::Unknown,
        confidence: Confidence::Low,
    };

    /// A value read from a line of text.
    pub fn text(line: usize, evidence: impl Into<String>, confidence: Confidence) -> Self {
        Sourced {
            provenance: Provenance::Text {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                evidence: evidence.into(),
            },
            confidence,
        }
    }

    /// A value worked out from clues.
    pub fn inferred(reason: impl Into<String>, confidence: Confidence) -> Self {
        Sourced {
            provenance: Provenance::Inferred(reason.into()),
            confidence,
        }
    }

    /// A short phrase for people: "from metadata", "from line 9: “Monday, 25th March 2019”".
    pub fn describe(&self) -> String {
        match &self.provenance {
            Provenance::Metadata => "from the article's metadata".to_owned(),
            Provenance::MetaTag(tag) => format!("from the page's {tag}"),
            Provenance::Text { line: 0, evidence } => format!("from the text: “{evidence}”"),
            Provenance::Text { line, evidence } => format!("from line {line}: “{evidence}”"),
            Provenance::Inferred(reason) => format!("inferred: {reason}"),
            Provenance::Unknown => "unknown".to_owned(),
            Provenance::Column(name) => format!("from the field “{name}”"),
        }
    }
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person, e.g. Vladimir Putin.
    Person,
    /// A country, city or region, e.g. Pyongyang.
    Place,
    /// An organisation, e.g. the Kremlin or TASS.
    Organisation,
}

impl EntityKind {
    /// The word used in URLs and query filters: `person`, `place`, `org`.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "org",
        }
    }
}

/// A person, place or organisation that articles mention, under its canonical name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier for URLs, e.g. `vladimir-putin`.
    pub id: String,
    /// The canonical name, e.g. "Vladimir Putin".
    pub name: String,
    /// Other names for it in the gazetteer, e.g. "DPRK" for North Korea; search expands them.
    pub aliases: Vec<String>,
    /// Person, place or organisation.
    pub kind: EntityKind,
}

/// Index of an entity in [`Corpus::entities`].
pub type EntityIndex = u32;

/// One ingested article: cleaned text plus the metadata the timeline shows.
///
/// Decoding borrows the body and captions from the blob (see [`Text`]), hence the bound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Article {
    /// Stable, readable identifier used in URLs, e.g. `2019-03-25-north-koreas-kim-may-visit-russia`.
    pub slug: String,
    /// The article's headline.
    pub headline: String,
    /// Where the headline came from.
    pub headline_source: Sourced,
    /// The publisher, e.g. "The Moscow Times", if known.
    pub outlet: Option<String>,
    /// Where the outlet came from.
    pub outlet_source: Sourced,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_source: Sourced,
    /// The dateline's place, e.g. "Seoul" in "Seoul, March 27 (NationPress)".
    pub place: Option<String>,
    /// The original web address, if known.
    pub url: Option<String>,
    /// Free-form tags from the metadata.
    pub tags: Vec<String>,
    /// The language it is written in, by its English name ("German"): stated by its source (an
    /// export's `language` column) or detected from its text; `None` when neither is sure.
    pub language: Option<String>,
    /// The file the article came from, relative to the corpus folder (its provenance).
    pub source: String,
    /// The cleaned body text, one paragraph per element, publisher boilerplate removed.
    pub paragraphs: Vec<Text>,
    /// Photo captions found between headline and body, kept apart from the text.
    pub captions: Vec<Text>,
    /// The entities the article mentions, most mentioned first.
    pub entities: Vec<EntityIndex>,
}

impl Article {
    /// Every text of the article a search reads: the headline, the paragraphs, the captions.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.headline.as_str())
            .chain(self.paragraphs.iter().map(Text::as_str))
            .chain(self.captions.iter().map(Text::as_str))
    }

    /// The body as one text, paragraphs separated by newlines.
    pub fn body_text(&self) -> String {
        let paragraphs: Vec<&str> = self.paragraphs.iter().map(Text::as_str).collect();
        paragraphs.join("\n")
    }
}

/// The slug of an article whose base slug other articles have too (same date, same first
/// headline words): the base, six hex digits of a checksum of the article's own text, and
/// `-clash` when that is still taken (`clash` ≥ 2). Ingestion writes these;
/// [`Corpus::sharing`] reads them back for an old link to the bare base.
pub fn shared_slug(base: &str, checksum: u32, clash: usize) -> String {
    let suffixed = format!("{base}-{:06x}", checksum >> 8);
    if clash < 2 {
        suffixed
    } else {
        format!("{suffixed}-{clash}")
    }
}

/// All articles of one corpus, in timeline order: dated articles oldest first, undated ones last,
/// ties broken by slug. The order is established once, at build time, by [`Corpus::new`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Corpus {
    articles: Vec<Article>,
    entities: Vec<Entity>,
    left_out: Vec<LeftOut>,
}

/// A file of the corpus folder that gave no article (empty, no article text, not an article
/// format), named so that nothing is dropped silently: the page says how many there were and
/// which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// The file, relative to the corpus folder.
    pub source: String,
    /// Why it gave no article, in a few words.
    pub reason: String,
}

impl Corpus {
    /// Builds a corpus, putting the articles in timeline order. Articles refer to `entities` by
    /// index.
    pub fn new(mut articles: Vec<Article>, entities: Vec<Entity>) -> Self {
        articles.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));
        Corpus {
            articles,
            entities,
            left_out: Vec::new(),
        }
    }

    /// The same corpus, naming the files of its folder that gave no article.
    pub fn with_left_out(mut self, left_out: Vec<LeftOut>) -> Self {
        self.left_out = left_out;
        self
    }

    /// The files of the corpus folder that gave no article, in path order.
    pub fn left_out(&self) -> &[LeftOut] {
        &self.left_out
    }

    /// The people, places and organisations the articles mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at an index taken from [`Article::entities`].
    pub fn entity(&self, index: EntityIndex) -> Option<&Entity> {
        self.entities.get(index as usize)
    }

    /// The articles in timeline order, to change in place (only what keeps that order).
    pub(crate) fn articles_mut(&mut self) -> impl Iterator<Item = &mut Article> {
        self.articles.iter_mut()
    }

    /// The same corpus without its articles' paragraphs and captions (the blob stores them
    /// packed, [`crate::packed`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn without_text(&self) -> Corpus {
        let mut bare = self.clone();
        for article in &mut bare.articles {
            article.paragraphs = Vec::new();
            article.captions = Vec::new();
        }
        bare
    }

    /// The articles in timeline order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this slug, if the corpus has it.
    pub fn find(&self, slug: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// The articles that took `slug` over with a suffix ([`shared_slug`]). A link made while
    /// one of them had `slug` to itself asks for these.
    pub fn sharing(&self, slug: &str) -> Vec<&Article> {
        self.articles
            .iter()
            .filter(|a| {
                a.slug
                    .strip_prefix(slug)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|rest| {
                        let (hex, number) = rest.split_once('-').unwrap_or((rest, "1"));
                        hex.len() == 6
                            && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                            && !number.is_empty()
                            && number.bytes().all(|b| b.is_ascii_digit())
                    })
            })
            .collect()
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

    #[test]
    fn dates_count_days_both_ways() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2000, 3, 1).day_number(), 11_017);
        assert_eq!(Date::numbered(11_017), d(2000, 3, 1));
        // Every day of four centuries reads back, and follows the day before.
        let mut previous = d(1899, 12, 31);
        for n in d(1900, 1, 1).day_number()..d(2300, 1, 1).day_number() {
            let date = Date::numbered(n);
            assert_eq!(date.day_number(), n);
            assert!(date > previous);
            assert!(date.day >= 1 && date.day <= Month::of(date).days());
            previous = date;
        }
        assert_eq!(d(2024, 6, 17).weekday(), 0, "a Monday");
        assert_eq!(d(2025, 3, 30).weekday(), 6, "a Sunday");
        assert_eq!(d(2024, 2, 28).plus_days(1), d(2024, 2, 29));
        assert_eq!(d(2023, 2, 28).plus_days(1), d(2023, 3, 1));
        assert_eq!(Date::parse("2024-02-29"), Some(d(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-06-1",
            "2024-06",
            "2024-06-31",
            "x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Month {
                year: 1900,
                month: 2
            }
            .days(),
            28
        );
        assert_eq!(
            Month {
                year: 2000,
                month: 2
            }
            .last_day(),
            d(2000, 2, 29)
        );
    }

    /// A small article for tests; only the fields a test cares about need to be set afterwards.
    pub(crate) fn article(slug: &str, date: Option<(i16, u8, u8)>) -> Article {
        Article {
            slug: slug.to_owned(),
            headline: format!("Headline of {slug}"),
            headline_source: Sourced::METADATA,
            outlet: Some("Test Outlet".to_owned()),
            outlet_source: Sourced::METADATA,
            date: date.map(|(year, month, day)| Date { year, month, day }),
            date_source: Sourced::METADATA,
            place: None,
            url: None,
            tags: Vec::new(),
            source: format!("{slug}.txt"),
            paragraphs: vec!["Body.".into()],
            captions: Vec::new(),
            entities: Vec::new(),
            language: None,
        }
    }

    #[test]
    fn corpus_orders_by_date_then_slug_with_undated_last() {
        let corpus = Corpus::new(
            vec![
                article("undated", None),
                article("b-2019", Some((2019, 3, 25))),
                article("a-2019", Some((2019, 3, 25))),
                article("old", Some((2014, 10, 29))),
            ],
            Vec::new(),
        );
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
    fn months_parse_print_and_step() {
        let m = Month::parse("2019-12").unwrap();
        assert_eq!(m.to_string(), "2019-12");
        assert_eq!(m.next().to_string(), "2020-01");
        assert_eq!(m.long_form(), "December 2019");
        for bad in [
            "2019-13", "2019-00", "2019-1", "19-01", "2019", "2019-1a", "+201-01", "",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn find_returns_only_known_slugs() {
        let corpus = Corpus::new(vec![article("x", None)], Vec::new());
        assert!(corpus.find("x").is_some());
        assert!(corpus.find("y").is_none());
    }

    #[test]
    fn sharing_finds_only_suffixed_slugs() {
        let slugs = [
            "a-3f9a0c",
            "a-00beef-2",
            "a-b",
            "a-3f9a0c7",
            "a-3F9A0C",
            "ab-3f9a0c",
            "a",
        ];
        let corpus = Corpus::new(slugs.iter().map(|s| article(s, None)).collect(), Vec::new());
        let sharing: Vec<&str> = corpus
            .sharing("a")
            .iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(sharing, ["a-00beef-2", "a-3f9a0c"]);
        assert!(corpus.sharing("a-3f9a0c").is_empty());
        // What ingestion writes, `sharing` reads back.
        let written = [
            shared_slug("b", 0x3f9a_0c11, 1),
            shared_slug("b", 0x00be_ef00, 2),
        ];
        assert_eq!(written, ["b-3f9a0c", "b-00beef-2"]);
        let corpus = Corpus::new(
            written.iter().map(|s| article(s, None)).collect(),
            Vec::new(),
        );
        assert_eq!(corpus.sharing("b").len(), 2);
    }
}
