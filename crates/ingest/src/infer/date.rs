//! Finding an article's publication date in its text, without mistaking other dates for it.
//!
//! Only two kinds of evidence count:
//! - a **date line**: a line that is nothing but a date (perhaps with a weekday, a time, or
//!   "Published"/"Updated"). Below the headline it is the article's date (high confidence);
//!   above it, it is as likely the page's "today" header, so it only counts when labelled
//!   "Published" or when nothing better exists (low confidence, with a warning).
//! - a **dateline** ("Seoul, March 27 (NationPress)"). Its missing year is resolved from the
//!   weekday the story names ("on Thursday") and the years it mentions: the first year, from
//!   the latest one mentioned on, in which that day falls on that weekday.
//!
//! Dates inside sentences (narrative, appeals such as "Since July 1, 2024 …") are never used.

use super::dateline::Dateline;
use crate::dates::{self, Mention, NOT_PUBLISHED_LABELS, PUBLISHED_LABELS};
use crate::text::{fold, word_count, Line};
use dateline_core::{Confidence, Date, Sourced};
use jiff::civil::Date as CivilDate;

/// The publication date the text states, with its source, and the index of the line it was
/// read from (so cleaning can leave that line out of the body).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: Date,
    /// Provenance and confidence.
    pub source: Sourced,
    /// The line the date stands on.
    pub index: usize,
    /// A caution to show the user, if the evidence is weak.
    pub caution: Option<String>,
}

/// Words that may stand beside a date on a date line: labels, prepositions, time zones and
/// weekdays, in English and the other languages whose dates [`dates`] reads.
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "date",
    "am",
    "pm",
    "gmt",
    "utc",
    "kst",
    "msk",
    "est",
    "edt",
    "bst",
    "cet",
    "cest",
    "jst",
    "h",
    "uhr",
    "um",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "publie",
    "mis",
    "jour",
    "le",
    "à",
    "publicado",
    "actualizado",
    "el",
    "de",
    "del",
    "a",
    "las",
    "pubblicato",
    "aggiornato",
    "il",
    "alle",
    "ore",
    "atualizado",
    "às",
    "gepubliceerd",
    "bijgewerkt",
    "op",
    "om",
    "opublikowano",
    "zaktualizowano",
    "publicerad",
    "uppdaterad",
    "den",
    "kl",
    "publikováno",
    "aktualizováno",
    "yayınlanma",
    "güncelleme",
    "tarihi",
    "г",
    "года",
    "опубликовано",
    "обновлено",
    "в",
    "입력",
    "수정",
    "오전",
    "오후",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "آخر",
    "تحديث",
    "نشر",
    "في",
];

/// Whether the line is only a date (with perhaps a weekday, a time or "Published").
pub fn is_date_line(line: &str) -> bool {
    date_line(line).is_some()
}

/// How a date line is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Nothing says what the date is.
    None,
    /// "Published …", "Veröffentlicht am …".
    Published,
    /// "Updated …", "Aktualisiert am …" (or "Retrieved …"): never the publication date.
    Updated,
}

/// The date of a line that is only a date, and how it is labelled.
pub fn date_line(line: &str) -> Option<(Mention, Label)> {
    if word_count(line) > 9 {
        return None;
    }
    let found = dates::find(line);
    let [mention] = found.as_slice() else {
        return None;
    };
    let mut rest = String::new();
    rest.push_str(&line[..mention.span.start]);
    rest.push(' ');
    rest.push_str(&line[mention.span.end..]);
    let rest = fold(&rest);
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let leftover = words
        .iter()
        .filter(|w| !DATE_LINE_WORDS.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .count();
    let label = if NOT_PUBLISHED_LABELS.iter().any(|l| rest.contains(l)) {
        Label::Updated
    } else if PUBLISHED_LABELS.iter().any(|l| rest.contains(l)) {
        Label::Published
    } else {
        Label::None
    };
    (leftover == 0).then(|| (mention.clone(), label))
}

/// Finds the publication date. `headline` is the index of the headline's last line, if known;
/// `dateline` the story's dateline, if any; `text` the whole text, for years and weekdays.
pub fn infer(
    lines: &[Line],
    headline: Option<usize>,
    dateline: Option<&Dateline>,
    text: &str,
) -> Option<Found> {
    let after_headline = headline.map_or(0, |h| h + 1);
    let opening_end = (after_headline + super::OPENING).min(lines.len());

    // A date line below the headline: the article's own date.
    let mut before = None;
    for (index, line) in lines[..opening_end].iter().enumerate() {
        let Some((mention, label)) = date_line(&line.text) else {
            continue;
        };
        if label == Label::Updated {
            continue;
        }
        let labelled = label == Label::Published;
        let Some(date) = full_date(&mention) else {
            continue;
        };
        let below = index >= after_headline;
        if below || labelled {
            return Some(Found {
                date,
                source: Sourced::text(line.number, line.text.clone(), Confidence::High),
                index,
                caution: mention.ambiguous.then(|| ambiguous_caution(&line.text)),
            });
        }
        before.get_or_insert((index, line, date, mention));
    }

    if let Some(found) = dateline.and_then(|d| from_dateline(lines, d, text)) {
        return Some(found);
    }

    // Only a date above the headline: perhaps the page's "today" header.
    before.map(|(index, line, date, _)| Found {
        date,
        source: Sourced::text(line.number, line.text.clone(), Confidence::Low),
        index,
        caution: Some(format!(
            "the only date is above the headline (“{}”), where sites also print today's date; set published = YYYY-MM-DD if it is wrong",
            line.text
        )),
    })
}

fn full_date(m: &Mention) -> Option<Date> {
    let d = m.date()?;
    if let Some(w) = m.weekday {
        if d.weekday() != w {
            return None;
        }
    }
    Some(Date {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    })
}

fn ambiguous_caution(line: &str) -> String {
    format!(
        "“{line}” could be read day-first or month-first; set published = YYYY-MM-DD to be sure"
    )
}

fn from_dateline(lines: &[Line], dateline: &Dateline, text: &str) -> Option<Found> {
    let mention = dateline.date.as_ref()?;
    let line = &lines[dateline.index];
    if let Some(date) = full_date(mention) {
        return Some(Found {
            date,
            source: Sourced::text(line.number, dateline.evidence.clone(), Confidence::High),
            index: dateline.index,
            caution: None,
        });
    }
    // No year: resolve it from the weekday the story names and the latest year it mentions.
    let latest = dates::years_mentioned(text).into_iter().max()?;
    let weekdays = dates::weekdays_named(&line.text);
    let (Some(&weekday), true) = (weekdays.first(), weekdays.iter().all(|w| *w == weekdays[0]))
    else {
        return None;
    };
    let year = (latest..latest + 7).find(|&y| {
        CivilDate::new(y, mention.month as i8, mention.day as i8)
            .is_ok_and(|d| d.weekday() == weekday)
    })?;
    let date = Date {
        year,
        month: mention.month,
        day: mention.day,
    };
    let reason = format!(
        "“{}” on line {} gives the day; {year} is the first year from {latest} (the latest year the text mentions) in which {} {} falls on a {weekday:?}, the day the story names",
        dateline.evidence,
        line.number,
        date.day,
        date.month_name(),
    );
    Some(Found {
        date,
        source: Sourced::inferred(reason, Confidence::Medium),
        index: dateline.index,
        caution: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::{dateline, headline};
    use crate::text::lines;
    use dateline_core::Provenance;

    /// Publication date of a text, as "YYYY-MM-DD confidence".
    fn date_of(text: &str) -> Option<String> {
        let lines = lines(text);
        let h = headline::infer(&lines).map(|(i, _)| i);
        let d = dateline::find(&lines);
        infer(&lines, h, d.as_ref(), text).map(|f| format!("{} {:?}", f.date, f.source.confidence))
    }

    #[test]
    fn a_date_line_below_the_headline_beats_the_todays_date_header() {
        let text = "Wednesday, 22nd January 2025\n\nNorth Korea’s Kim may visit Russia\n\nKim may soon visit Russia\n\nMonday, 25th March 2019\n\nBody.";
        assert_eq!(date_of(text).as_deref(), Some("2019-03-25 High"));
    }

    #[test]
    fn dates_in_sentences_and_appeals_are_not_publication_dates() {
        let cases = [
            "Since July 1, 2024, we have disabled all ads.\n\nKremlin Confirms Putin's Trip\n\nPutin will go on June 18-19, the Kremlin said.",
            "Russia Signs Deal on Refugees\n\nA report by RBC on Jan. 27 said so.",
            "A Headline Without Dates\n\nNothing here.",
        ];
        for text in cases {
            assert_eq!(date_of(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_dateline_year_comes_from_the_weekday_and_the_years_mentioned() {
        let text = "Preparations for Kim's Visit to Russia\n\nSeoul, March 27 (NationPress) A minister said on Thursday.\n\nHe went to Vladivostok in 2019 and the cosmodrome in 2023.";
        assert_eq!(date_of(text).as_deref(), Some("2025-03-27 Medium"));
        let lines = lines(text);
        let d = dateline::find(&lines);
        let found = infer(&lines, Some(0), d.as_ref(), text).unwrap();
        let Provenance::Inferred(reason) = found.source.provenance else {
            panic!()
        };
        assert!(
            reason.contains("2025 is the first year from 2023"),
            "{reason}"
        );
    }

    #[test]
    fn a_dateline_without_weekday_or_years_stays_undated() {
        assert_eq!(
            date_of("Some Headline Here\n\nSeoul, March 27 (Agency) A minister spoke."),
            None
        );
        assert_eq!(
            date_of("Some Headline Here\n\nSeoul, March 27, 2025 (Agency) A minister spoke.")
                .as_deref(),
            Some("2025-03-27 High")
        );
    }

    #[test]
    fn date_lines_take_labels_and_times_but_not_prose() {
        assert_eq!(
            date_line("Published: 27.03.2025 10:30 KST").unwrap().1,
            Label::Published
        );
        assert_eq!(date_line("March 27, 2025").unwrap().1, Label::None);
        assert_eq!(
            date_line("Veröffentlicht am Montag, 25. März 2019, 10:30 Uhr")
                .unwrap()
                .1,
            Label::Published
        );
        assert_eq!(date_line("25 марта 2019 г., 10:00").unwrap().1, Label::None);
        // "Wednesday, 28 August 2013, last updated 14:00": a date line, but not labelled published.
        assert_eq!(
            date_line("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00")
                .unwrap()
                .1,
            Label::Updated
        );
        assert_eq!(date_line("Putin visited on March 27, 2025"), None);
        assert_eq!(
            date_line("Since July 1, 2024, we have disabled all ads."),
            None
        );
        // A weekday that contradicts the date is not a date.
        assert_eq!(
            date_of("Some Headline Here\n\nFriday, 25th March 2019\n\nBody."),
            None
        );
    }

    #[test]
    fn an_updated_line_is_never_the_publication_date() {
        assert_eq!(
            date_of(
                "Some Headline Here\n\nUpdated: March 3, 2020\n\nPublished: March 1, 2020\n\nBody."
            )
            .as_deref(),
            Some("2020-03-01 High")
        );
        assert_eq!(
            date_of("Some Headline Here\n\nUpdated: March 3, 2020\n\nBody."),
            None
        );
        assert_eq!(
            date_of("Заголовок статьи про визит\n\n25 марта 2019 г., 10:00\n\nТекст.").as_deref(),
            Some("2019-03-25 High")
        );
    }

    #[test]
    fn a_lone_date_above_the_headline_is_low_confidence_and_a_labelled_one_high() {
        assert_eq!(
            date_of("25 March 2019\n\nSome Headline Here\n\nBody.").as_deref(),
            Some("2019-03-25 Low")
        );
        assert_eq!(
            date_of("Published 25 March 2019\n\nSome Headline Here\n\nBody.").as_deref(),
            Some("2019-03-25 High")
        );
    }
}
