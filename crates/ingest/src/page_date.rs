//! The publication date of a saved page, from what the page states about itself, in order of
//! trust:
//!
//! 1. JSON-LD `datePublished` of an article-like object (`NewsArticle`, `Article`,
//!    `BlogPosting`, `ReportageNewsArticle` …) at any depth, in `@graph` and arrays, then of any
//!    other object (a `WebPage`);
//! 2. meta tags: `article:published_time`, `og:published_time`, `itemprop=datePublished`,
//!    `DC.date.issued`, `dcterms.created`, `pubdate`, `publishdate`, `sailthru.date`,
//!    `parsely-pub-date`, `citation_publication_date` and their spelling variants;
//! 3. JSON-LD `dateCreated` of an article-like object;
//! 4. `<time datetime>` (or microdata) marked as the publication: `pubdate`,
//!    `itemprop=datePublished`, or a published-like class;
//! 5. the page's address (`og:url`, the canonical link, its AMP and mobile versions, or the
//!    address a browser notes when it saves a page): `/2019/03/25/`, `/20190325`, `-2019-03-25`;
//! 6. the visible date in a date, byline or meta element, in a short line labelled as the
//!    publication ("Posted by … on …"), or just below the headline, read in the page's language
//!    ([`crate::dates`]).
//!
//! A timestamp keeps its local date: `2020-01-20T00:30:00+01:00` is 20 January, as the page's
//! readers saw it; of two statements of the same instant, one in UTC and one with the local
//! offset, the local one wins. Dates labelled as updates or modifications are never
//! publication dates; they, and the page's copyright year, bound it instead: a candidate later
//! than the newest of them is rejected, as is one before 1990. Comments, related links and
//! references are never read. What is left undated stays undated.

use crate::dates::{self, Order, NOT_PUBLISHED_LABELS, PUBLISHED_LABELS};
use crate::document::{class_and_id, class_words};
use crate::text::squeeze;
use dateline_core::{Confidence, Date, Provenance, Sourced};
use dom_query::{Document, NodeRef};
use jiff::civil::Date as CivilDate;
use regex::Regex;
use std::sync::LazyLock;

/// The page's publication date and where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageDate {
    /// The date.
    pub date: Date,
    /// Where it came from and how sure that is.
    pub source: Sourced,
}

/// Schema.org types whose `datePublished` is the article's.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "satiricalarticle",
];

/// Meta tag names (`name`, `property` or `itemprop`, lower case) that state the publication
/// date, most trusted first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "prism.publicationdate",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-time",
    "published_date",
    "published-date",
    "publication_date",
    "publication-date",
    "original-publish-date",
    "article_date_original",
    "article.created",
    "datecreated",
    "date_published",
    "og:pubdate",
    "rnews:datepublished",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "displaydate",
    "dc.date",
    "dcterms.date",
    "date",
];

/// Meta tag names that state an update: they bound the publication date, never give it.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "og:updated_time",
    "og:modified_time",
    "modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "revised",
    "updated",
    "sailthru.lastmodified",
];

/// The publication date `page` states, if any of the sources gives one within bounds. `raw`
/// is the page's text as saved, for the comment a browser leaves with the page's address.
pub fn find(page: &Document, raw: &str) -> Option<PageDate> {
    let order = language(page).as_deref().and_then(Order::of_language);
    let ld = json_ld(page);
    let metas = metas(page);
    let bound = newest_bound(page, raw, &ld, &metas, order);
    let within = |d: CivilDate| d.year() >= 1990 && bound.is_none_or(|b| d <= b);
    let tagged = |tag: String, date: CivilDate| PageDate {
        date: to_date(date),
        source: Sourced {
            provenance: Provenance::MetaTag(tag),
            confidence: Confidence::High,
        },
    };

    // JSON-LD and meta tags: the publication first (an article's, then any object's), then
    // the creation date. Of the same instant, a local timestamp beats one in UTC.
    let mut stated: Vec<(String, String)> = Vec::new();
    for article_only in [true, false] {
        for (is_article, key, value) in &ld {
            if *key == "datePublished" && (*is_article || !article_only) {
                stated.push((format!("JSON-LD {key}"), value.clone()));
            }
        }
    }
    for key in PUBLISHED_META {
        for (name, value) in metas.iter().filter(|(n, _)| n == key) {
            stated.push((format!("<meta {name}>"), value.clone()));
        }
    }
    for (is_article, key, value) in &ld {
        if *key == "dateCreated" && *is_article {
            stated.push((format!("JSON-LD {key}"), value.clone()));
        }
    }
    let readable: Vec<(String, String, CivilDate)> = stated
        .into_iter()
        .filter_map(|(tag, value)| {
            let date = parse_value(&value, order).filter(|d| within(*d))?;
            Some((tag, value, date))
        })
        .collect();
    if let Some(first) = readable.first() {
        let (_, value, date) = first;
        let local = readable.iter().find(|(_, v, d)| {
            is_utc(value)
                && has_local_offset(v)
                && d.since(*date).is_ok_and(|span| span.get_days().abs() <= 1)
        });
        let (tag, value, date) = local.unwrap_or(first);
        return Some(tagged(format!("{tag} “{value}”"), *date));
    }

    for (what, value) in marked_times(page) {
        if let Some(d) = parse_value(&value, order).filter(|d| within(*d)) {
            return Some(tagged(format!("{what} “{value}”"), d));
        }
    }

    for address in addresses(page, raw) {
        if let Some((d, part)) = date_in_address(&address).filter(|(d, _)| within(*d)) {
            return Some(PageDate {
                date: to_date(d),
                source: Sourced {
                    provenance: Provenance::MetaTag(format!("address {address} (“{part}”)")),
                    confidence: Confidence::Medium,
                },
            });
        }
    }

    for (text, confidence) in visible_date_texts(page) {
        if let Some(d) = date_in_text(&text, order).filter(|d| within(*d)) {
            return Some(PageDate {
                date: to_date(d),
                source: Sourced::text(0, text, confidence),
            });
        }
    }
    None
}

/// Whether a timestamp is stated in UTC (`…Z`, `+00:00`).
fn is_utc(value: &str) -> bool {
    let v = value.trim();
    v.len() > 10 && (v.ends_with('Z') || v.ends_with("+00:00") || v.ends_with("+0000"))
}

/// Whether a timestamp carries a time zone offset other than UTC (`…+01:00`, `-0800`).
fn has_local_offset(value: &str) -> bool {
    static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?[+-]\d\d:?\d\d$").expect("valid regex")
    });
    OFFSET.is_match(value.trim()) && !is_utc(value)
}

pub(crate) fn to_date(d: CivilDate) -> Date {
    Date {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// The page's language: `<html lang>`, `Content-Language` or `og:locale`.
fn language(page: &Document) -> Option<String> {
    page.select("html")
        .attr("lang")
        .or_else(|| {
            page.select("meta[http-equiv='content-language' i]")
                .attr("content")
        })
        .or_else(|| page.select("meta[property='og:locale']").attr("content"))
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
}

/// A date as a machine-readable value states it: ISO 8601 and its variants (`2019-03-25T…`,
/// `2019-03-25 10:00`, `20190325`, `2019/03/25`), or any form [`dates::find_with`] reads
/// ("Mon, 25 Mar 2019 10:00:00 GMT", "March 25, 2019", "25.03.2019").
pub fn parse_value(value: &str, order: Option<Order>) -> Option<CivilDate> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(\d{4})([-/.]?)(\d{2})([-/.]?)(\d{2})(?:$|[T\s]|[^\d])")
            .expect("valid regex")
    });
    if let Some(c) = ISO.captures(value) {
        if c[2] == c[4] {
            let n = |i: usize| c[i].parse::<i16>().ok();
            if let (Some(y), Some(m), Some(d)) = (n(1), n(3), n(5)) {
                if let Ok(date) = CivilDate::new(y, m as i8, d as i8) {
                    return Some(date);
                }
            }
        }
    }
    date_in_text(value, order)
}

/// The first full date (with a year and a weekday that fits) in a short text that is not
/// labelled as an update.
fn date_in_text(text: &str, order: Option<Order>) -> Option<CivilDate> {
    dates::find_with(text, order).into_iter().find_map(|m| {
        let date = m.date()?;
        if m.weekday.is_some_and(|w| w != date.weekday()) {
            return None;
        }
        // A label in the few words before the date ("Updated: …", "Aktualisiert am …").
        let before = &text[..m.span.start];
        let start = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
        let label = before[start..].to_lowercase();
        (!NOT_PUBLISHED_LABELS.iter().any(|w| label.contains(w))).then_some(date)
    })
}

/// `(is article-like, key, value)` for every `datePublished`, `dateCreated` and `dateModified`
/// in the page's JSON-LD, in document order. JSON-LD that does not parse (trailing commas,
/// raw line breaks) is searched for the keys as text instead.
fn json_ld(page: &Document) -> Vec<(bool, &'static str, String)> {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})""#)
            .expect("valid regex")
    });
    let mut out = Vec::new();
    for script in page.select("script[type*='ld+json' i]").iter() {
        let text = script.text();
        match serde_json::from_str::<serde_json::Value>(text.trim()) {
            Ok(value) => walk_ld(&value, &mut out),
            Err(_) => {
                let article = text.contains("Article") || text.contains("BlogPosting");
                for c in KEY.captures_iter(&text) {
                    let key = match &c[1] {
                        "datePublished" => "datePublished",
                        "dateCreated" => "dateCreated",
                        _ => "dateModified",
                    };
                    out.push((article, key, c[2].to_owned()));
                }
            }
        }
    }
    out
}

/// Collects the date keys of `value` and of every object inside it, for [`json_ld`].
fn walk_ld(value: &serde_json::Value, out: &mut Vec<(bool, &'static str, String)>) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk_ld(v, out)),
        serde_json::Value::Object(map) => {
            let types: Vec<String> = match map.get("@type") {
                Some(serde_json::Value::String(t)) => vec![t.to_lowercase()],
                Some(serde_json::Value::Array(ts)) => ts
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_lowercase))
                    .collect(),
                _ => Vec::new(),
            };
            let article = types.iter().any(|t| {
                let t = t.rsplit([':', '/']).next().unwrap_or(t);
                ARTICLE_TYPES.contains(&t)
            });
            for key in ["datePublished", "dateCreated", "dateModified"] {
                let value = match map.get(key) {
                    Some(serde_json::Value::String(s)) => Some(s.clone()),
                    Some(serde_json::Value::Array(a)) => {
                        a.first().and_then(|v| v.as_str()).map(str::to_owned)
                    }
                    Some(serde_json::Value::Object(o)) => {
                        o.get("@value").and_then(|v| v.as_str()).map(str::to_owned)
                    }
                    _ => None,
                };
                if let Some(v) = value {
                    out.push((article, key, v));
                }
            }
            for (key, v) in map {
                if !key.starts_with("date") {
                    walk_ld(v, out);
                }
            }
        }
        _ => {}
    }
}

/// Every `<meta>` with a content, as (its name, property or itemprop in lower case, content).
fn metas(page: &Document) -> Vec<(String, String)> {
    page.select("meta[content]")
        .iter()
        .filter_map(|m| {
            let name = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))
                .or_else(|| m.attr("http-equiv"))?;
            let content = m.attr("content")?;
            let content = content.trim();
            (!content.is_empty()).then(|| (name.trim().to_lowercase(), content.to_owned()))
        })
        .collect()
}

/// Whether a class or id names an update rather than the publication.
fn names_update(node: &NodeRef) -> bool {
    let names = class_and_id(node);
    ["updat", "modif", "edited", "revis", "comment"]
        .iter()
        .any(|w| names.contains(w))
}

/// `<time>` elements and microdata marked as the publication date: (what marks it, its value).
fn marked_times(page: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in page
        .select("[itemprop='datePublished' i], [itemprop='dateCreated' i]")
        .nodes()
    {
        let value = node
            .attr("datetime")
            .or_else(|| node.attr("content"))
            .map(|v| v.to_string())
            .unwrap_or_else(|| node.text().to_string());
        let tag = node.node_name().unwrap_or_default();
        out.push((format!("<{tag} itemprop=datePublished>"), squeeze(&value)));
    }
    for node in page.select("time").nodes() {
        let Some(value) = node.attr("datetime").map(|v| v.to_string()) else {
            continue;
        };
        if names_update(node) {
            continue;
        }
        let class = class_and_id;
        let published = |c: &str| {
            [
                "publish",
                "pubdate",
                "posted",
                "post-date",
                "entry-date",
                "created",
                "date-time",
                "datetime",
                "article-date",
                "story-date",
                "byline",
                "dateline",
                "timestamp",
            ]
            .iter()
            .any(|w| c.contains(w))
        };
        let own = class(node);
        let parent = node
            .parent()
            .filter(|p| !names_update(p))
            .map(|p| class(&p))
            .unwrap_or_default();
        if node.has_attr("pubdate") {
            out.push(("<time pubdate>".to_owned(), value));
        } else if published(&own) {
            out.push((format!("<time class=\"{}\">", own.trim()), value));
        } else if published(&parent) {
            out.push((format!("<time> in class=\"{}\"", parent.trim()), value));
        }
    }
    out
}

/// The addresses a page has for itself: `og:url`, the canonical link, its AMP and mobile
/// versions, and what a browser notes when saving (`<!-- saved from url=(0061)https://… -->`, SingleFile's `url:`).
fn addresses(page: &Document, raw: &str) -> Vec<String> {
    static SAVED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<!--\s*(?:saved from url=\(\d+\)|page saved with singlefile\s+url:)\s*(https?://\S+?)\s*(?:-->|\s)")
            .expect("valid regex")
    });
    let mut out: Vec<String> = [
        page.select("meta[property='og:url']").attr("content"),
        page.select("link[rel='canonical']").attr("href"),
        page.select("link[rel='amphtml']").attr("href"),
        page.select("link[rel='alternate'][media]").attr("href"),
    ]
    .into_iter()
    .flatten()
    .map(|u| u.trim().to_owned())
    .collect();
    out.extend(
        SAVED
            .captures_iter(prefix(raw, 4096))
            .map(|c| c[1].to_owned()),
    );
    out.retain(|u| u.starts_with("http://") || u.starts_with("https://"));
    out.dedup();
    out
}

/// A date in an address's path: `/2019/03/25/`, `/2019-03-25/`, `/20190325`, `-2019-03-25`.
pub fn date_in_address(address: &str) -> Option<(CivilDate, String)> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-](\d{4})([/_-]?)(\d{1,2})([/_-]?)(\d{1,2})(?:[/_.?#-]|$)")
            .expect("valid regex")
    });
    let path = address.split_once("://").map_or(address, |(_, rest)| {
        rest.find('/').map_or("", |i| &rest[i..])
    });
    PATH.captures_iter(path).find_map(|c| {
        // Separators must agree (or be `2023-11/17`, as some agencies write), and no separator
        // means exactly eight digits.
        let agency = &c[2] == "-" && &c[4] == "/";
        if (c[2] != c[4] && !agency) || (c[2].is_empty() && (c[3].len() != 2 || c[5].len() != 2)) {
            return None;
        }
        let n = |i: usize| c[i].parse::<i16>().ok();
        let date = CivilDate::new(n(1)?, n(3)? as i8, n(5)? as i8).ok()?;
        Some((
            date,
            c[0].trim_matches(|ch: char| !ch.is_ascii_digit())
                .to_owned(),
        ))
    })
}

/// Short texts where pages print the visible date: elements whose class, id or itemprop names a
/// date, time, byline or article meta line (medium confidence), then the lines just below the
/// first headline (low).
fn visible_date_texts(page: &Document) -> Vec<(String, Confidence)> {
    const MARKED: &str = "[class*='date' i], [id*='date' i], [class*='time' i], [class*='byline' i], \
        [class*='publish' i], [class*='posted' i], [class*='dateline' i], [class*='meta' i], \
        [class*='article-info' i], [class*='post-info' i], [class*='author' i], [class*='datum' i], \
        [class*='fecha' i], [class*='data' i], [class*='info' i]";
    let mut out = Vec::new();
    for node in page.select(MARKED).nodes() {
        if names_update(node) || apart(node) {
            continue;
        }
        let text = squeeze(&node.text());
        if !text.is_empty() && text.chars().count() <= 160 {
            out.push((text, Confidence::Medium));
        }
    }
    // Anywhere, a short block that says it gives the publication: "Posted by … on …".
    for node in page
        .select("p, li, dd, span, small, em, td, font, div")
        .nodes()
    {
        let is_div = node
            .node_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("div"));
        if is_div
            && node
                .element_children()
                .iter()
                .any(|c| c.is("div, p, ul, ol, table, section, article"))
        {
            continue;
        }
        let text = squeeze(&node.text());
        let lower = text.to_lowercase();
        if text.chars().count() <= 160
            && PUBLISHED_LABELS.iter().any(|l| lower.starts_with(l))
            && !apart(node)
        {
            out.push((text, Confidence::Medium));
        }
    }
    for h1 in page.select("h1").nodes().iter().take(3) {
        let mut next = h1.next_element_sibling();
        for _ in 0..3 {
            let Some(node) = next else { break };
            if apart(&node) {
                break;
            }
            // A date line opens the block below a headline: its first words are enough.
            let text = squeeze(&node.text());
            let text: String = text.chars().take(160).collect();
            if !text.is_empty() {
                out.push((text, Confidence::Low));
            }
            next = node.next_element_sibling();
        }
    }
    out
}

/// Whether a node is, or stands in, a part of the page apart from the article: navigation,
/// footer, sidebar, comments, related links, references. Classes and ids count by whole words
/// (`comment-box`, `sidebar`), so an article in `contentWithSidebar` is not apart.
fn apart(node: &NodeRef) -> bool {
    const WORDS: &[&str] = &[
        "comment",
        "comments",
        "commentlist",
        "reply",
        "replies",
        "related",
        "sidebar",
        "reference",
        "references",
        "citation",
        "citations",
        "footnote",
        "footnotes",
    ];
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .any(|n| {
            n.is("nav, footer, aside, cite") || {
                class_words(&class_and_id(&n), false)
                    .iter()
                    .any(|w| WORDS.contains(&w.as_str()))
            }
        })
}

/// The newest date the page states about itself that bounds its publication: its update dates
/// (meta tags, JSON-LD `dateModified`) and the end of its copyright year.
fn newest_bound(
    page: &Document,
    raw: &str,
    ld: &[(bool, &'static str, String)],
    metas: &[(String, String)],
    order: Option<Order>,
) -> Option<CivilDate> {
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–—]\s*)?((?:19|20)\d\d)\b")
            .expect("valid regex")
    });
    let mut bounds: Vec<CivilDate> = metas
        .iter()
        .filter(|(name, _)| MODIFIED_META.contains(&name.as_str()))
        .filter_map(|(_, value)| parse_value(value, order))
        .collect();
    bounds.extend(
        ld.iter()
            .filter(|(_, key, _)| *key == "dateModified")
            .filter_map(|(_, _, value)| parse_value(value, order)),
    );
    let text = page.select("body").text();
    let years = COPYRIGHT
        .captures_iter(&text)
        .chain(COPYRIGHT.captures_iter(prefix(raw, 200_000)))
        .filter_map(|c| c[1].parse::<i16>().ok());
    bounds.extend(years.filter_map(|y| CivilDate::new(y, 12, 31).ok()));
    bounds.into_iter().max()
}

/// The first `max` bytes of `text`, or fewer, to a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date and its provenance, as "YYYY-MM-DD Confidence: how".
    fn date_of(html: &str) -> Option<String> {
        let page = Document::from(html);
        find(&page, html).map(|d| {
            format!(
                "{} {:?}: {}",
                d.date,
                d.source.confidence,
                d.source.describe()
            )
        })
    }

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    }

    #[track_caller]
    fn check(html: &str, expected: &str) {
        let got = date_of(html);
        assert!(
            got.as_deref().is_some_and(|g| g.starts_with(expected)),
            "expected {expected:?}, got {got:?}"
        );
    }

    #[test]
    fn json_ld_at_any_depth_and_in_non_iso_forms() {
        check(
            &page(
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":["NewsArticle"],"headline":"H","datePublished":"2019-03-25T10:00:00+03:00","dateModified":"2019-03-26"}]}</script>"#,
                "",
            ),
            "2019-03-25 High: from the page's JSON-LD datePublished",
        );
        check(
            &page(
                r#"<script type="application/ld+json">[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":"ReportageNewsArticle","datePublished":"March 25, 2019"}]</script>"#,
                "",
            ),
            "2019-03-25 High",
        );
        check(
            &page(
                r#"<script type="application/ld+json">{"@type":"BlogPosting","mainEntity":{"@type":"Article","dateCreated":"25/03/2019"}}</script>"#,
                "",
            ),
            "2019-03-25",
        );
        // Broken JSON (a raw line break in a string) is still read.
        check(&page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"description\":\"two\nlines\",\"datePublished\":\"2018-07-12T08:00:00Z\",}</script>", ""), "2018-07-12 High");
    }

    #[test]
    fn meta_tags_in_their_spelling_variants() {
        for (tag, name) in [
            ("property", "article:published_time"),
            ("property", "og:published_time"),
            ("itemprop", "datePublished"),
            ("name", "DC.date.issued"),
            ("name", "dcterms.created"),
            ("name", "pubdate"),
            ("name", "publishdate"),
            ("name", "sailthru.date"),
            ("name", "parsely-pub-date"),
            ("name", "citation_publication_date"),
        ] {
            check(
                &page(
                    &format!(r#"<meta {tag}="{name}" content="2017-07-12T09:30:00+02:00">"#),
                    "",
                ),
                "2017-07-12 High",
            );
        }
        check(
            &page(
                r#"<meta name="citation_publication_date" content="2017/07/12">"#,
                "",
            ),
            "2017-07-12",
        );
        check(
            &page(
                r#"<meta name="sailthru.date" content="Wed, 12 Jul 2017 09:30:00 GMT">"#,
                "",
            ),
            "2017-07-12",
        );
    }

    #[test]
    fn a_local_timestamp_keeps_its_local_date() {
        check(
            &page(
                r#"<meta property="article:published_time" content="2020-01-20T00:30:00+01:00">"#,
                "",
            ),
            "2020-01-20",
        );
        check(
            &page(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-19T23:30:00-08:00"}</script>"#,
                "",
            ),
            "2020-01-19",
        );
    }

    #[test]
    fn of_the_same_instant_the_local_timestamp_wins() {
        let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-02-24T01:18:13Z"}</script><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">"#;
        check(
            &page(head, ""),
            "2017-02-23 High: from the page's <meta article:published_time>",
        );
        // A date line just below the headline, in a block that goes on.
        check(
            "<html><body><h1><span>短缺药品保供稳价</span></h1><div class=\"box\">2023-11-17 20:52:15 <span>来源：新华网</span></div></body></html>",
            "2023-11-17 Low",
        );
    }

    #[test]
    fn an_update_is_never_the_publication_date() {
        // Only an update: undated.
        assert_eq!(
            date_of(&page(
                r#"<meta property="article:modified_time" content="2020-05-01"><meta property="og:updated_time" content="2020-05-02">"#,
                r#"<p class="date updated">Updated: May 2, 2020</p>"#
            )),
            None
        );
        // A visible "Updated" next to the publication date.
        check(
            &page(
                "",
                r#"<h1>Title</h1><div class="article-meta">Updated 3 May 2020, published 1 May 2020</div>"#,
            ),
            "2020-05-01 Medium",
        );
        check(
            &page(
                "",
                r#"<div class="dateline">Aktualisiert am 3. Mai 2020 · Veröffentlicht am 1. Mai 2020</div>"#,
            ),
            "2020-05-01",
        );
    }

    #[test]
    fn a_date_later_than_the_update_or_the_copyright_is_rejected() {
        // A "published" date after the page's own update date is not believable.
        check(
            &page(
                r#"<meta property="article:published_time" content="2024-01-01"><meta property="article:modified_time" content="2019-03-26"><meta name="date" content="2019-03-25">"#,
                "",
            ),
            "2019-03-25",
        );
        // Nor one after the copyright year.
        assert_eq!(
            date_of(&page(
                r#"<meta name="pubdate" content="2031-01-01">"#,
                "<footer>© 2005–2019 The Daily</footer>"
            )),
            None
        );
        assert_eq!(
            date_of(&page(r#"<meta name="pubdate" content="1970-01-01">"#, "")),
            None
        );
    }

    #[test]
    fn time_elements_marked_as_the_publication() {
        check(
            &page(
                "",
                r#"<article><time pubdate datetime="2016-02-04T12:00">4 Feb</time></article>"#,
            ),
            "2016-02-04 High: from the page's <time pubdate>",
        );
        check(
            &page(
                "",
                r#"<span class="entry-date"><time datetime="2016-02-04">Feb 4</time></span>"#,
            ),
            "2016-02-04 High",
        );
        check(
            &page(
                "",
                r#"<time class="updated" datetime="2016-03-01"></time><time class="published" datetime="2016-02-04"></time>"#,
            ),
            "2016-02-04",
        );
        // An unmarked <time> is not evidence.
        assert_eq!(
            date_of(&page(
                "",
                r#"<p>The summit <time datetime="2019-04-25">on 25 April</time>.</p>"#
            )),
            None
        );
    }

    #[test]
    fn the_address_path() {
        for (address, expected) in [
            ("https://x.example/2019/03/25/kim-visits", "2019-03-25"),
            ("https://x.example/news/20190325-kim", "2019-03-25"),
            (
                "https://x.example/world/kim-visits-2019-03-25.html",
                "2019-03-25",
            ),
            ("https://x.example/2019-03-25/kim", "2019-03-25"),
            (
                "http://www.news.example/fortune/2023-11/17/c_1129981476.htm",
                "2023-11-17",
            ),
        ] {
            check(
                &page(&format!(r#"<link rel="canonical" href="{address}">"#), ""),
                &format!("{expected} Medium"),
            );
        }
        check(
            &page(
                r#"<link rel="alternate" media="only screen and (max-width: 640px)" href="http://m.x.example/news/20150220/peanut">"#,
                "",
            ),
            "2015-02-20 Medium",
        );
        assert_eq!(date_in_address("https://x.example/2019/03/kim"), None);
        assert_eq!(date_in_address("https://x.example/id/12345678901"), None);
        assert_eq!(date_in_address("https://2019-03-25.example/"), None);
        let saved = "<!-- saved from url=(0050)https://www.example.com/2017/07/12/story.html -->\n<html><body><p>x</p></body></html>";
        check(saved, "2017-07-12 Medium");
    }

    #[test]
    fn a_line_labelled_as_the_publication_anywhere() {
        check(
            r#"<html><body><div><div style="font-size: 11px;">Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, </div></div><p>Body.</p></body></html>"#,
            "2019-02-15 Medium",
        );
    }

    #[test]
    fn an_article_in_a_container_named_with_sidebar_is_not_apart() {
        check(
            r#"<html><body><div id="contentWithSidebar"><h1>T</h1><p class="topAttributionWithDate">Tuesday 15 October 2019 by Bradley M. Kuhn</p><p>Body.</p></div></body></html>"#,
            "2019-10-15 Medium",
        );
    }

    #[test]
    fn the_visible_date_in_the_pages_language() {
        for (lang, text, expected) in [
            ("fr", "Publié le 12 juillet 2017 à 10h30", "2017-07-12"),
            ("de", "31. Mai 2012, 14:05 Uhr", "2012-05-31"),
            ("es", "12 de julio de 2017", "2017-07-12"),
            ("it", "25 marzo 2019", "2019-03-25"),
            ("pt-BR", "12 de julho de 2017", "2017-07-12"),
            ("nl", "25 maart 2019", "2019-03-25"),
            ("ru", "25 марта 2019, 10:00", "2019-03-25"),
            ("pl", "3 maja 2019", "2019-05-03"),
            ("sv", "25 mars 2019", "2019-03-25"),
            ("cs", "25. března 2019", "2019-03-25"),
            ("tr", "25 Mart 2019", "2019-03-25"),
            ("ko", "입력 2019.03.25. 오전 10:00", "2019-03-25"),
            ("ko", "2019년 3월 25일", "2019-03-25"),
            ("ja", "2019年3月25日 10:00", "2019-03-25"),
            ("fr", "04/03/2019", "2019-03-04"),
            ("en-US", "04/03/2019", "2019-04-03"),
        ] {
            let html = format!(
                r#"<html lang="{lang}"><body><h1>T</h1><p class="byline">{text}</p><p>Body.</p></body></html>"#
            );
            check(&html, &format!("{expected} Medium"));
        }
        // Just below the headline, unmarked: low confidence.
        check("<html lang=en><body><h1>Kim visits</h1><p>March 25, 2019</p><p>Body text.</p></body></html>", "2019-03-25 Low");
        // A date in a comment, a related-links list or a reference is not the article's.
        assert_eq!(
            date_of(
                r#"<html><body><h1>T</h1><p>Body.</p><div id="comment-box"><span class="post-time">於 2013/12/28 10:28</span></div></body></html>"#
            ),
            None
        );
        assert_eq!(
            date_of(
                r#"<html><body><h1>T</h1><p>Body.</p><ol><li><span class="reference-text">"Title". Retrieved 2016-05-01.</span></li></ol></body></html>"#
            ),
            None
        );
        assert_eq!(
            date_of(
                r#"<html><body><h1>T</h1><p>Body.</p><aside><span class="date">1 May 2020</span></aside></body></html>"#
            ),
            None
        );
    }
}
