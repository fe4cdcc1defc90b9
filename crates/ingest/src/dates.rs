//! Finding the dates a line of news text states, in the forms news uses: "Monday, 25th March
//! 2019", "March 27, 2025", "Jan. 27", "27.03.2025", "2025-03-27"; in other languages with a year
//! ("31. Mai 2012", "12 juillet 2017", "12 de julio de 2017", "25 марта 2019 г.", "3 maja 2019",
//! "25. března 2019", "25 Mart 2019"); and the Korean, Japanese and Chinese numeric forms
//! ("2019년 3월 25일", "2019年3月25日", "2019. 3. 25."). Regular expressions find the candidates;
//! `jiff` checks each is a real calendar day and supplies weekdays.
//!
//! English month names may stand without a year ("Seoul, March 27"): datelines need that. Month
//! names of other languages count only with a year, since some are English words too ("mag",
//! "set", "out").

use jiff::civil::{Date as CivilDate, Weekday};
use regex::Regex;
use std::collections::HashMap;
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

/// Words that label a date as the publication's ("Published", "Veröffentlicht am …", "입력"), in
/// lower case, in the languages whose dates this module reads.
pub const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "publié",
    "publie",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "publicerad",
    "publikováno",
    "yayınlanma",
    "опубликовано",
    "입력",
    "发布",
    "發佈",
    "公開",
    "نشر",
];

/// Words that label a date as something other than the publication: an update ("Updated",
/// "Aktualisiert", "mis à jour"), or a reference's retrieval ("Retrieved", "abgerufen"). Lower
/// case; matched inside the words before a date.
pub const NOT_PUBLISHED_LABELS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "edited",
    "revised",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualización",
    "aggiornato",
    "atualizado",
    "atualização",
    "bijgewerkt",
    "обновлено",
    "обновлен",
    "изменено",
    "zaktualizowano",
    "aktualizacja",
    "uppdaterad",
    "opdateret",
    "oppdatert",
    "aktualizováno",
    "güncelleme",
    "güncellendi",
    "päivitetty",
    "수정",
    "업데이트",
    "更新",
    "تحديث",
    "retrieved",
    "accessed",
    "archived",
    "visited",
    "abgerufen",
    "consulté",
    "consultado",
    "recuperado",
    "consultato",
];

/// Which comes first in a numeric date with slashes when both could be a month: the page's
/// language says (`en-US` month first, most others day first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// 03/04/2019 is 4 March.
    MonthFirst,
    /// 03/04/2019 is 3 April.
    DayFirst,
}

impl Order {
    /// The order a language tag implies (`en-US`, `fr`, `de-AT` …), if it implies one.
    pub fn of_language(tag: &str) -> Option<Order> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let (language, region) = tag.split_once('-').unwrap_or((&tag, ""));
        match language {
            "" => None,
            "en" if matches!(region, "" | "us" | "ph" | "ca") => Some(Order::MonthFirst),
            "ko" | "ja" | "zh" | "hu" | "lt" => None,
            _ => Some(Order::DayFirst),
        }
    }
}

/// Month names (full, genitive and abbreviated) of the languages Dateline reads with a year:
/// German, French, Spanish, Italian, Portuguese, Dutch, Russian, Ukrainian, Polish, Swedish,
/// Danish/Norwegian, Czech, Turkish, Finnish, Romanian, Indonesian, and Arabic (the Egyptian and
/// the Levantine names). Lower case; a name of one
/// language that is another month in a second language is not listed twice (there are none).
const MONTHS: [&[&str]; 12] = [
    &[
        "januar",
        "jänner",
        "jän",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "январь",
        "января",
        "янв",
        "січня",
        "stycznia",
        "styczeń",
        "sty",
        "ledna",
        "leden",
        "ocak",
        "tammikuuta",
        "ianuarie",
        "ian",
        "يناير",
        "كانون الثاني",
    ],
    &[
        "februar",
        "février",
        "févr",
        "fév",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "февраль",
        "февраля",
        "фев",
        "лютого",
        "lutego",
        "luty",
        "lut",
        "února",
        "únor",
        "şubat",
        "subat",
        "helmikuuta",
        "februarie",
        "فبراير",
        "شباط",
    ],
    &[
        "märz",
        "mär",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "март",
        "марта",
        "мар",
        "березня",
        "marca",
        "marzec",
        "března",
        "březen",
        "mart",
        "maaliskuuta",
        "martie",
        "marts",
        "maret",
        "مارس",
        "آذار",
    ],
    &[
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "apr",
        "апрель",
        "апреля",
        "апр",
        "квітня",
        "kwietnia",
        "kwiecień",
        "kwi",
        "dubna",
        "duben",
        "nisan",
        "huhtikuuta",
        "aprilie",
        "أبريل",
        "ابريل",
        "نيسان",
    ],
    &[
        "mai",
        "mayo",
        "maggio",
        "mag",
        "maio",
        "mei",
        "май",
        "мая",
        "травня",
        "maja",
        "maj",
        "května",
        "květen",
        "mayıs",
        "mayis",
        "toukokuuta",
        "مايو",
        "أيار",
        "ايار",
    ],
    &[
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "июнь",
        "июня",
        "июн",
        "червня",
        "czerwca",
        "czerwiec",
        "cze",
        "června",
        "červen",
        "haziran",
        "kesäkuuta",
        "iunie",
        "يونيو",
        "يونيه",
        "حزيران",
    ],
    &[
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "июль",
        "июля",
        "июл",
        "липня",
        "lipca",
        "lipiec",
        "lip",
        "července",
        "červenec",
        "temmuz",
        "heinäkuuta",
        "iulie",
        "يوليو",
        "يوليه",
        "تموز",
    ],
    &[
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "augusti",
        "август",
        "августа",
        "авг",
        "серпня",
        "sierpnia",
        "sierpień",
        "sie",
        "srpna",
        "srpen",
        "ağustos",
        "agustos",
        "elokuuta",
        "august",
        "agustus",
        "أغسطس",
        "اغسطس",
        "آب",
    ],
    &[
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "september",
        "сентябрь",
        "сентября",
        "сен",
        "сент",
        "вересня",
        "września",
        "wrzesień",
        "wrz",
        "září",
        "eylül",
        "eylul",
        "syyskuuta",
        "septembrie",
        "سبتمبر",
        "أيلول",
        "ايلول",
    ],
    &[
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "октябрь",
        "октября",
        "окт",
        "жовтня",
        "października",
        "październik",
        "paź",
        "října",
        "říjen",
        "ekim",
        "lokakuuta",
        "octombrie",
        "أكتوبر",
        "اكتوبر",
        "تشرين الأول",
    ],
    &[
        "novembre",
        "noviembre",
        "novembro",
        "november",
        "ноябрь",
        "ноября",
        "ноя",
        "нояб",
        "листопада",
        "listopada",
        "listopad",
        "lis",
        "listopadu",
        "kasım",
        "kasim",
        "marraskuuta",
        "noiembrie",
        "نوفمبر",
        "تشرين الثاني",
    ],
    &[
        "dezember",
        "dez",
        "décembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "december",
        "декабрь",
        "декабря",
        "дек",
        "грудня",
        "grudnia",
        "grudzień",
        "gru",
        "prosince",
        "prosinec",
        "aralık",
        "aralik",
        "joulukuuta",
        "decembrie",
        "desember",
        "ديسمبر",
        "كانون الأول",
    ],
];

/// Every name in [`MONTHS`] and the month it names.
static MONTH_NAMES: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    for (i, list) in MONTHS.iter().enumerate() {
        for name in *list {
            names.insert(*name, i as u8 + 1);
        }
    }
    names
});

/// A regex alternation of the names, longest first so that "märz" wins over "mär".
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTH_NAMES.keys().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// A day, a month in another language and a year: "31. Mai 2012", "12 de julio de 2017",
/// "25 марта 2019 г.", and the month-first form some languages also use ("julio 12, 2017").
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)(?:^|[^\w])(?:(?P<day>\d{{1,2}})(?:er|st|nd|rd|th|º)?\.?\s*(?:de\s+|of\s+)?(?P<month>{months})(?:\s*/\s*(?:{months}))?\.?,?\s*(?:de\s+|del\s+)?(?P<year>\d{{4}})|(?P<month2>{months})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}}))(?:[^\w]|$)"
    ))
    .expect("valid regex")
});

/// Korean, Japanese and Chinese dates: "2019년 3월 25일", "2019年3月25日", "2019. 3. 25.".
static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<y>\d{4})\s*[년年]\s*(?P<m>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]|\b(?P<ky>\d{4})\.\s+(?P<km>\d{1,2})\.\s+(?P<kd>\d{1,2})\.",
    )
    .expect("valid regex")
});

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
        r"\b(?:(?P<iy>\d{4})[-/.](?P<im>\d{2})[-/.](?P<id>\d{2})(?:T|\b)|(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4})\b|(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4})\b)",
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
/// left out; a day without a year is kept if it exists in some year. Slashed dates that could be
/// either way round are read month first and marked ambiguous.
pub fn find(line: &str) -> Vec<Mention> {
    find_with(line, None)
}

/// [`find`], reading slashed dates in `order` when the language says which comes first (then
/// they are not ambiguous).
pub fn find_with(line: &str, order: Option<Order>) -> Vec<Mention> {
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
            match order {
                _ if a > 12 => (y, Some(b), Some(a), false),
                Some(Order::DayFirst) => (y, Some(b), Some(a), false),
                Some(Order::MonthFirst) => (y, Some(a), Some(b), false),
                None => (y, Some(a), Some(b), b <= 12 && a != b),
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
    for c in FOREIGN.captures_iter(line) {
        let get = |a: &str, b: &str| c.name(a).or_else(|| c.name(b));
        let (Some(day), Some(month), Some(year)) = (
            get("day", "day2"),
            get("month", "month2"),
            get("year", "year2"),
        ) else {
            continue;
        };
        let Some(&month) = MONTH_NAMES.get(month.as_str().to_lowercase().as_str()) else {
            continue;
        };
        // The match may take a character on either side (there is no \b for every script).
        let start = day
            .start()
            .min(c.name("month2").map_or(usize::MAX, |m| m.start()));
        let mention = Mention {
            span: start..year.end(),
            year: year.as_str().parse().ok(),
            month,
            day: day.as_str().parse().unwrap_or(0),
            weekday: None,
            ambiguous: false,
        };
        push_if_real(&mut found, mention);
    }
    for c in EAST_ASIAN.captures_iter(line) {
        let get = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
        let (Some(y), Some(m), Some(d)) = (get("y", "ky"), get("m", "km"), get("d", "kd")) else {
            continue;
        };
        let mention = Mention {
            span: c.get(0).expect("group 0").range(),
            year: y.parse().ok(),
            month: m.parse().unwrap_or(0),
            day: d.parse().unwrap_or(0),
            weekday: None,
            ambiguous: false,
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
    fn reads_other_languages_with_a_year_and_east_asian_forms() {
        let cases = [
            ("31. Mai 2012", (2012, 5, 31)),
            ("Montag, 25. März 2019, 10:30 Uhr", (2019, 3, 25)),
            ("12 juillet 2017", (2017, 7, 12)),
            ("le 1er mars 2018", (2018, 3, 1)),
            ("12 de julio de 2017", (2017, 7, 12)),
            ("12 de julho de 2017", (2017, 7, 12)),
            ("25 marzo 2019", (2019, 3, 25)),
            ("25 maart 2019", (2019, 3, 25)),
            ("25 марта 2019 г.", (2019, 3, 25)),
            ("3 maja 2019", (2019, 5, 3)),
            ("25 mars 2019", (2019, 3, 25)),
            ("25. března 2019", (2019, 3, 25)),
            ("25 Mart 2019", (2019, 3, 25)),
            ("1 Ağustos 2020", (2020, 8, 1)),
            ("2019년 3월 25일", (2019, 3, 25)),
            ("2019年3月25日 10時", (2019, 3, 25)),
            ("2019. 3. 25. 오전 10:00", (2019, 3, 25)),
            ("2019/03/25", (2019, 3, 25)),
            ("2019.03.25", (2019, 3, 25)),
            ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", (2013, 8, 28)),
            ("12 تشرين الأول 2019", (2019, 10, 12)),
        ];
        for (line, (y, m, d)) in cases {
            let found = find(line);
            let got: Vec<_> = found.iter().map(|m| (m.year, m.month, m.day)).collect();
            assert_eq!(got, [(Some(y), m, d)], "{line:?}");
        }
        // Without a year, only English month names count.
        assert!(find("won 5 set").is_empty());
        assert!(find("25 марта").is_empty());
    }

    #[test]
    fn no_month_name_stands_for_two_months() {
        let mut seen = std::collections::HashMap::new();
        for (i, names) in MONTHS.iter().enumerate() {
            for name in *names {
                if let Some(other) = seen.insert(*name, i) {
                    assert_eq!(other, i, "{name} names months {} and {}", other + 1, i + 1);
                }
            }
        }
    }

    #[test]
    fn the_language_decides_slashed_dates() {
        let day_first = find_with("03/04/2019", Order::of_language("fr-FR"));
        assert_eq!(
            (day_first[0].month, day_first[0].day, day_first[0].ambiguous),
            (4, 3, false)
        );
        let month_first = find_with("03/04/2019", Order::of_language("en-US"));
        assert_eq!(
            (
                month_first[0].month,
                month_first[0].day,
                month_first[0].ambiguous
            ),
            (3, 4, false)
        );
        assert_eq!(Order::of_language("en-GB"), Some(Order::DayFirst));
        assert_eq!(Order::of_language("ko"), None);
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
