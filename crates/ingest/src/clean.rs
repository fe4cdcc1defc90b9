//! Choosing an article's body among the lines of a scrape, and accounting for every line left
//! out.
//!
//! The body starts after the headline's last repetition and runs to the publisher's closing
//! appeals. On the way it leaves out the publication date line, photo captions (kept apart as
//! captions), a standfirst the body repeats, appeals, lines the outlet repeats across articles,
//! the configured patterns and a sign-off that is just the outlet's name. Nothing is destroyed:
//! the raw file is untouched and every stripped line is listed with its reason.

use crate::boilerplate::{self, Repeated};
use crate::config::Boilerplate;
use crate::text::{fold, without_sentence_end, word_count, Line};
use serde::Serialize;

/// Why a line is not part of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Above the headline: the site's banners and header.
    AboveHeadline,
    /// The headline, or a repetition of it.
    Headline,
    /// A line that only gives a date.
    DateLine,
    /// A photo caption; kept in the article's captions.
    Caption,
    /// A standfirst that the body repeats.
    Standfirst,
    /// Donation, newsletter or subscription wording.
    Appeal,
    /// A line the outlet repeats across its articles.
    Repeated,
    /// A pattern from `dateline.toml`.
    Configured,
    /// After the end of the article (the closing appeals).
    AfterEnd,
    /// The outlet's name alone at the end.
    SignOff,
    /// A byline ("By Jane Doe, Reuters") repeated in the body.
    Byline,
    /// A photo credit ("Photo: Reuters", "Screenshot by …").
    Credit,
    /// A saved page's navigation: menus, breadcrumbs, tag lists, pagination, footers.
    Navigation,
    /// A saved page's share or follow bar.
    ShareBar,
    /// A saved page's related, recommended or most-read links.
    RelatedLinks,
    /// A saved page's cookie, newsletter, subscription or advertising box.
    Notice,
    /// A saved page's comments.
    Comments,
    /// A block of a saved page that is mostly links: a list of other articles.
    LinkList,
}

impl Reason {
    /// A few words for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::AboveHeadline => "banner above the headline",
            Reason::Headline => "headline",
            Reason::DateLine => "date line",
            Reason::Caption => "photo caption (kept as a caption)",
            Reason::Standfirst => "standfirst repeated in the body",
            Reason::Appeal => "appeal",
            Reason::Repeated => "repeated in other articles of this outlet",
            Reason::Configured => "pattern in dateline.toml",
            Reason::AfterEnd => "after the end of the article",
            Reason::SignOff => "outlet sign-off",
            Reason::Byline => "byline",
            Reason::Credit => "photo credit",
            Reason::Navigation => "page navigation",
            Reason::ShareBar => "share or follow bar",
            Reason::RelatedLinks => "related or most-read links",
            Reason::Notice => "cookie, newsletter or advertising box",
            Reason::Comments => "comments",
            Reason::LinkList => "mostly links (a list of other articles)",
        }
    }
}

/// A line left out of the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stripped {
    /// 1-based line in the source (0 where the source has no lines).
    pub line: usize,
    /// The line's text.
    pub text: String,
    /// Why it was left out.
    pub reason: Reason,
}

/// An article's body and what was left out of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// The paragraphs of the article.
    pub paragraphs: Vec<String>,
    /// Photo captions.
    pub captions: Vec<String>,
    /// Every line that is not a paragraph, in order, with its reason.
    pub stripped: Vec<Stripped>,
}

/// What the cleaner knows about the article.
pub struct Context<'a> {
    /// The headline.
    pub headline: &'a str,
    /// Index of the headline's last repetition among the lines, if it is in the text.
    pub headline_at: Option<usize>,
    /// The outlet, if known.
    pub outlet: Option<&'a str>,
    /// Lines outlets repeat across articles.
    pub repeated: &'a Repeated,
    /// Configured patterns.
    pub boilerplate: &'a Boilerplate,
}

/// Splits the lines into body, captions and stripped lines.
pub fn body(lines: &[Line], cx: &Context<'_>) -> Body {
    let folded: Vec<String> = lines.iter().map(|l| fold(&l.text)).collect();
    body_folded(lines, &folded, cx)
}

/// [`body`] for lines already passed through [`fold`] (`folded[i]` is `lines[i]` folded).
pub fn body_folded(lines: &[Line], folded: &[String], cx: &Context<'_>) -> Body {
    let mut out = Body::default();
    let headline = fold(cx.headline);
    let drop: Vec<String> = cx.boilerplate.drop_lines.iter().map(|p| fold(p)).collect();
    let ends: Vec<String> = cx.boilerplate.end_markers.iter().map(|p| fold(p)).collect();
    let start = cx.headline_at.map_or(0, |h| h + 1);
    let outlet_lines = cx.repeated.lines_of(cx.outlet);
    let repeated = |f: &String| outlet_lines.is_some_and(|set| set.contains(f));
    let strip = |out: &mut Body, line: &Line, reason| {
        out.stripped.push(Stripped {
            line: line.number,
            text: line.text.clone(),
            reason,
        })
    };

    for (line, f) in lines[..start].iter().zip(folded) {
        let reason = if *f == headline {
            Reason::Headline
        } else {
            Reason::AboveHeadline
        };
        strip(&mut out, line, reason);
    }

    // Kept lines, as indices into `lines`.
    let mut kept: Vec<usize> = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let (line, f) = (&lines[i], &folded[i]);
        if ends.iter().any(|e| f.starts_with(e.as_str())) {
            strip(&mut out, line, Reason::Configured);
            lines[i + 1..]
                .iter()
                .for_each(|l| strip(&mut out, l, Reason::AfterEnd));
            break;
        }
        let generic = if boilerplate::is_appeal_folded(f) {
            Some(Reason::Appeal)
        } else if repeated(f) {
            Some(Reason::Repeated)
        } else {
            None
        };
        if let Some(reason) = generic {
            strip(&mut out, line, reason);
            // Closing appeals come after the article: with no text yet, drop just this line.
            if !kept.is_empty() && closing_run(&folded[i..], &repeated) {
                lines[i + 1..]
                    .iter()
                    .for_each(|l| strip(&mut out, l, Reason::AfterEnd));
                break;
            }
        } else if drop.contains(f) {
            strip(&mut out, line, Reason::Configured);
        } else if *f == headline {
            strip(&mut out, line, Reason::Headline);
        } else if i < start + crate::infer::OPENING && crate::infer::date::is_date_line(&line.text)
        {
            strip(&mut out, line, Reason::DateLine);
        } else if i + 1 == lines.len() && is_sign_off(&line.text, cx.outlet) {
            strip(&mut out, line, Reason::SignOff);
        } else if i < start + crate::infer::OPENING && is_byline(&line.text) {
            strip(&mut out, line, Reason::Byline);
        } else if is_credit(f) {
            strip(&mut out, line, Reason::Credit);
        } else {
            kept.push(i);
        }
        i += 1;
    }

    // The first kept line may be a photo caption, and an early one a standfirst the body repeats.
    let mut skip = Vec::new();
    if let [first, _, _, ..] = kept[..] {
        if is_caption(&lines[first].text) {
            out.captions.push(lines[first].text.clone());
            strip(&mut out, &lines[first], Reason::Caption);
            skip.push(first);
        }
    }
    for (n, &k) in kept.iter().enumerate().take(3) {
        let short = without_sentence_end(&folded[k]);
        if word_count(short) >= 5
            && kept[n + 1..]
                .iter()
                .any(|&later| without_sentence_end(&folded[later]).starts_with(short))
        {
            strip(&mut out, &lines[k], Reason::Standfirst);
            skip.push(k);
        }
    }
    out.paragraphs = kept
        .iter()
        .filter(|k| !skip.contains(k))
        .map(|&k| lines[k].text.clone())
        .collect();
    out.stripped.sort_by_key(|s| s.line);
    out
}

/// Whether the lines from an appeal on are the article's closing run of boilerplate: few lines
/// left, or at least a third of them boilerplate. Otherwise the appeal is dropped alone, so a
/// stray "Read more" link mid-article never cuts the text that follows.
fn closing_run(rest: &[String], repeated: &dyn Fn(&String) -> bool) -> bool {
    let boiler = rest
        .iter()
        .filter(|f| boilerplate::is_appeal_folded(f) || repeated(f))
        .count();
    rest.len() <= 3 || boiler * 3 >= rest.len()
}

/// A caption: 4 to 30 words describing a picture, with no reporting verb or quotation.
fn is_caption(line: &str) -> bool {
    const REPORTING: &[&str] = &[
        " said",
        " says",
        " told",
        " reported",
        " according to",
        " announced",
        " confirmed",
        " stated",
        " will ",
        " would ",
    ];
    let f = fold(line);
    (4..=30).contains(&word_count(line))
        && !REPORTING.iter().any(|r| f.contains(r))
        && !f.contains('"')
        && !f.ends_with('?')
        && !f.ends_with(':')
}

/// A byline: "By Jane Doe", "By JANE DOE and John Roe | Reuters", "Von Max Muster", "Par …":
/// a label, then names (capitalised words and their connectors), in at most 12 words and with
/// no sentence's full stop.
pub fn is_byline(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "by ",
        "written by ",
        "reporting by ",
        "words by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "av ",
        "text: ",
        "text von ",
        "autor: ",
        "author: ",
        "автор: ",
        "auteur : ",
        "auteur: ",
    ];
    const JOINS: &[&str] = &[
        "and", "&", "und", "et", "y", "e", "en", "och", "og", "i", "и", "|", "-", "—", "–", "/",
        "in", "de", "van", "von", "der", "da", "del", "la", "le",
    ];
    const NOT_NAMES: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "the",
        "a",
        "an",
        "this",
        "that",
        "then",
        "now",
        "far",
        "then",
        "early",
        "late",
        "next",
        "last",
    ];
    let f = fold(line);
    let Some(label) = LABELS.iter().find(|l| f.starts_with(*l)) else {
        return false;
    };
    let rest = &line[label.len().min(line.len())..];
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    // A full stop ends a sentence, unless it ends an initial or an abbreviation ("Jr.").
    let last = line.trim_end().rsplit(' ').next().unwrap_or("");
    let sentence = last.ends_with(['.', '!', '?', ':']) && last.chars().count() > 3;
    word_count(line) <= 12
        && !sentence
        && !NOT_NAMES.contains(&first.to_lowercase().as_str())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || JOINS.contains(&w.to_lowercase().as_str())
                // An agency in lower case ("dpa", "afp").
                || w.chars().count() <= 4
        })
}

/// A line that is only a photo credit: "Photo: Reuters", "Credit: Riot Games", "Screenshot by
/// Jane Doe/Outlet", "Foto: dpa", "Getty Images". Takes the folded line.
fn is_credit(folded: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo:",
        "photo by ",
        "photos:",
        "photos by ",
        "photograph:",
        "photograph by ",
        "image:",
        "image by ",
        "images:",
        "credit:",
        "credits:",
        "image credit:",
        "photo credit:",
        "screenshot by ",
        "screenshot:",
        "illustration:",
        "illustration by ",
        "video:",
        "foto:",
        "fotos:",
        "bild:",
        "фото:",
        "фото ",
        "(photo",
        "(image",
        "[photo",
        "source: getty",
    ];
    let words = word_count(folded);
    words <= 12
        && (LABELS.iter().any(|l| folded.starts_with(l))
            || (words <= 6
                && [
                    "getty images",
                    "/ap",
                    "/reuters",
                    "/afp",
                    "/ap photo",
                    "ap photo/",
                    "/epa",
                    "/tass",
                    "/kcna",
                ]
                .iter()
                .any(|c| folded.ends_with(c) || folded.starts_with(c))))
}

fn is_sign_off(line: &str, outlet: Option<&str>) -> bool {
    outlet.is_some_and(|o| crate::text::name_key(o) == crate::text::name_key(line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn clean(text: &str, headline: &str, outlet: Option<&str>) -> Body {
        let lines = lines(text);
        let repeated = Repeated::default();
        let boilerplate = Boilerplate::default();
        let headline_at = crate::infer::headline::last_position(&lines, headline);
        body(
            &lines,
            &Context {
                headline,
                headline_at,
                outlet,
                repeated: &repeated,
                boilerplate: &boilerplate,
            },
        )
    }

    fn reasons(body: &Body) -> Vec<(usize, Reason)> {
        body.stripped.iter().map(|s| (s.line, s.reason)).collect()
    }

    #[test]
    fn banners_captions_and_closing_appeals_are_stripped_with_reasons() {
        let text = "Support The Moscow Times!\nThe Headline\nKim Jong Un smiling as he meets athletes.\nRussia said on Tuesday that talks went well.\nThe second paragraph is here.\nRead more\nIndependent journalism isn’t dead.\nAs the only remaining source, we matter.\nPlease consider making a one-time donation.";
        let b = clean(text, "The Headline", Some("The Moscow Times"));
        assert_eq!(
            b.paragraphs,
            [
                "Russia said on Tuesday that talks went well.",
                "The second paragraph is here."
            ]
        );
        assert_eq!(b.captions, ["Kim Jong Un smiling as he meets athletes."]);
        assert_eq!(
            reasons(&b),
            [
                (1, Reason::AboveHeadline),
                (2, Reason::Headline),
                (3, Reason::Caption),
                (6, Reason::Appeal),
                (7, Reason::AfterEnd),
                (8, Reason::AfterEnd),
                (9, Reason::AfterEnd)
            ]
        );
    }

    #[test]
    fn a_stray_appeal_mid_article_is_dropped_alone() {
        let text = "H L X\nFirst said paragraph.\nRead more\nSecond said paragraph.\nThird said paragraph.\nFourth said paragraph.";
        let b = clean(text, "H L X", None);
        assert_eq!(b.paragraphs.len(), 4, "{:?}", b.paragraphs);
    }

    #[test]
    fn standfirst_date_line_and_sign_off_are_stripped() {
        let text = "Kim May Visit Russia\nKim may soon visit Russia, according to watchers\nMonday, 25th March 2019\nKim may soon visit Russia, according to watchers.\nMore said here.\nNation Press";
        let b = clean(text, "Kim May Visit Russia", Some("NationPress"));
        assert_eq!(
            b.paragraphs,
            [
                "Kim may soon visit Russia, according to watchers.",
                "More said here."
            ]
        );
        assert_eq!(
            reasons(&b),
            [
                (1, Reason::Headline),
                (2, Reason::Standfirst),
                (3, Reason::DateLine),
                (6, Reason::SignOff)
            ]
        );
    }

    #[test]
    fn bylines_and_photo_credits_are_stripped_but_sentences_are_not() {
        let text = "The Headline Here\nBy JANE DOE and John Roe | Reuters\nPutin said on Tuesday that talks went well.\nCredit: Riot Games\nBy Tuesday, the talks had ended, officials said.\nThe third paragraph.\nAlexander Zemlianichenko/AP\nThe fourth paragraph.";
        let b = clean(text, "The Headline Here", None);
        assert_eq!(
            b.paragraphs,
            [
                "Putin said on Tuesday that talks went well.",
                "By Tuesday, the talks had ended, officials said.",
                "The third paragraph.",
                "The fourth paragraph."
            ]
        );
        assert_eq!(
            reasons(&b),
            [
                (1, Reason::Headline),
                (2, Reason::Byline),
                (4, Reason::Credit),
                (7, Reason::Credit)
            ]
        );
        for byline in [
            "By Jane Doe",
            "Von Max Muster, dpa",
            "Par Jean Dupont et Marie Curie",
            "By Reuters",
        ] {
            assert!(is_byline(byline), "{byline}");
        }
        for sentence in [
            "By the end of the day, nothing.",
            "By Tuesday",
            "By far the largest deal since 2019 was signed.",
        ] {
            assert!(!is_byline(sentence), "{sentence}");
        }
    }

    #[test]
    fn configured_patterns_apply() {
        let lines = lines("H L X\nClick me\nBody said.\nTHE END marker\nTail.");
        let boilerplate = Boilerplate {
            drop_lines: vec!["click me".into()],
            end_markers: vec!["The End".into()],
        };
        let repeated = Repeated::default();
        let cx = Context {
            headline: "H L X",
            headline_at: Some(0),
            outlet: None,
            repeated: &repeated,
            boilerplate: &boilerplate,
        };
        let b = body(&lines, &cx);
        assert_eq!(b.paragraphs, ["Body said."]);
        assert_eq!(b.stripped.last().unwrap().reason, Reason::AfterEnd);
    }
}
