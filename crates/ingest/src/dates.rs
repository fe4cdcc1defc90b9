//! Finding the dates a line of news text states, in the forms news uses: "Monday, 25th March
//! 2019", "March 27, 2025", "Jan. 27", "27.03.2025", "2025-03-27". Regular expressions find the
//! candidates; `jiff` checks each is a real calendar day and supplies weekdays.

use jiff::civil::{Date as CivilDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A date found in a line, possibly without its year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the whole expression (weekday included) in the line.
    pub span: std::ops::Range<usize>,
    /// The year, if the expression states one.
    pub year: Option<i16>,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// The weekday the expression names, if any ("Monday, 25th March 2019").
    pub weekday: Option<Weekday>,
    /// Day and month could be either way round (e.g. 03/04/2019).
    pub ambiguous: bool,
}

impl Mention {
    /// The calendar date, if the year is known and the day exists.
    pub fn date(&self) -> Option<CivilDate> {
        CivilDate::new(self.year?, self.month as i8, self.day as i8).ok()
    }
}

const MONTH: &str = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:(?P<weekday>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{WEEKDAY}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?(?:\s+(?P<year>\d{{4}}))?\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ))
    .expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?:T|\b)|(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4})\b|(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4})\b)",
    )
    .expect("valid regex")
});

fn month_number(name: &str) -> u8 {
    let name = name.to_ascii_lowercase();
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    PREFIXES
        .iter()
        .position(|p| name.starts_with(p))
        .map_or(0, |i| i as u8 + 1)
}

fn weekday(name: &str) -> Option<Weekday> {
    let name = name.to_ascii_lowercase();
    Some(match &name[..name.len().min(3)] {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// Every date the line states, in order, without overlaps. Impossible days (31 April) are
/// left out; a day without a year is kept if it exists in some year.
pub fn find(line: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for re in [&*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR] {
        for c in re.captures_iter(line) {
            let mention = Mention {
                span: c.get(0).expect("group 0").range(),
                year: c.name("year").and_then(|y| y.as_str().parse().ok()),
                month: month_number(&c["month"]),
                day: c["day"].parse().unwrap_or(0),
                weekday: c.name("weekday").and_then(|w| weekday(w.as_str())),
                ambiguous: false,
            };
            push_if_real(&mut found, mention);
        }
    }
    for c in NUMERIC.captures_iter(line) {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
        let (year, month, day, ambiguous) = if let Some(y) = num("iy") {
            (y, num("im"), num("id"), false)
        } else if let Some(y) = num("dy") {
            (y, num("dm"), num("dd"), false)
        } else {
            // Slashes: month first in American use, day first elsewhere. Unambiguous only when
            // one of the two cannot be a month.
            let (a, b) = (num("sa").unwrap_or(0), num("sb").unwrap_or(0));
            let y = num("sy").unwrap_or(0);
            if a > 12 {
                (y, Some(b), Some(a), false)
            } else {
                (y, Some(a), Some(b), b <= 12 && a != b)
            }
        };
        let mention = Mention {
            span: c.get(0).expect("group 0").range(),
            year: i16::try_from(year).ok(),
            month: month.unwrap_or(0) as u8,
            day: day.unwrap_or(0) as u8,
            weekday: None,
            ambiguous,
        };
        push_if_real(&mut found, mention);
    }
    found.sort_by_key(|m| m.span.start);
    found
}

fn push_if_real(found: &mut Vec<Mention>, mention: Mention) {
    // Any leap year will do to check a day that has no year of its own.
    let year = mention.year.unwrap_or(2024);
    if CivilDate::new(year, mention.month as i8, mention.day as i8).is_err() {
        return;
    }
    let overlaps = |m: &Mention| m.span.start < mention.span.end && mention.span.start < m.span.end;
    if let Some(i) = found.iter().position(overlaps) {
        // Keep the longer reading ("Monday, 25th March 2019" over "March 2019"-less parts).
        if found[i].span.len() < mention.span.len() {
            found[i] = mention;
        }
        return;
    }
    found.push(mention);
}

/// Four-digit years between 1900 and 2100 the text mentions, e.g. "in 2023".
pub fn years_mentioned(text: &str) -> Vec<i16> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(19\d\d|20\d\d)\b").expect("valid regex"));
    YEAR.find_iter(text)
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}

/// The weekdays a text names as words ("on Thursday").
pub fn weekdays_named(text: &str) -> Vec<Weekday> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
            .expect("valid regex")
    });
    DAY.find_iter(text)
        .filter_map(|m| weekday(m.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> (Option<i16>, u8, u8, Option<Weekday>, bool) {
        let found = find(line);
        assert_eq!(found.len(), 1, "{line:?} gave {found:?}");
        let m = &found[0];
        (m.year, m.month, m.day, m.weekday, m.ambiguous)
    }

    #[test]
    fn reads_the_forms_news_uses() {
        use Weekday::*;
        let cases = [
            (
                "Monday, 25th March 2019",
                (Some(2019), 3, 25, Some(Monday), false),
            ),
            (
                "Wednesday, 22nd January 2025",
                (Some(2025), 1, 22, Some(Wednesday), false),
            ),
            ("March 27, 2025", (Some(2025), 3, 27, None, false)),
            (
                "Published: Mar. 27 2025 10:30",
                (Some(2025), 3, 27, None, false),
            ),
            ("Thursday, March 27", (None, 3, 27, Some(Thursday), false)),
            ("27.03.2025", (Some(2025), 3, 27, None, false)),
            ("2025-03-27T10:00:00Z", (Some(2025), 3, 27, None, false)),
            ("27/03/2025", (Some(2025), 3, 27, None, false)),
            ("03/04/2025", (Some(2025), 3, 4, None, true)),
            ("the 4th of February, 2016", (Some(2016), 2, 4, None, false)),
            ("Seoul, March 27 (NationPress)", (None, 3, 27, None, false)),
            ("a report on Jan. 27.", (None, 1, 27, None, false)),
        ];
        for (line, expected) in cases {
            assert_eq!(one(line), expected, "{line:?}");
        }
    }

    #[test]
    fn ignores_impossible_days_and_non_dates() {
        assert!(find("April 31, 2020").is_empty());
        assert!(find("29.02.2023").is_empty());
        assert_eq!(find("29.02.2024").len(), 1);
        assert!(find("Kim may visit Russia").is_empty());
        assert!(find("flight SU 1700 at 10.30").is_empty());
        assert!(find("$1 billion annually by 2020").is_empty());
    }

    #[test]
    fn finds_several_and_years_and_weekdays() {
        let found = find("Since July 1, 2024, and on June 18-19 …");
        assert_eq!(
            found.iter().map(|m| (m.month, m.day)).collect::<Vec<_>>(),
            [(7, 1), (6, 18)]
        );
        assert_eq!(years_mentioned("in 2019 and 2023, not 12345"), [2019, 2023]);
        assert_eq!(
            weekdays_named("on Thursday, Monday"),
            [Weekday::Thursday, Weekday::Monday]
        );
    }
}
