//! Reading an article file into lines of text, whatever its format, plus what its markup states.
//!
//! - Plain text (`.txt`): one paragraph per line, as scraped.
//! - Markdown (`.md`): each block (heading, paragraph, list item, quote) becomes a line, with
//!   its source line number; the first `# heading` is the headline.
//! - Saved HTML pages (`.html`, `.htm`): `dom_smoothie` (a port of Mozilla's Readability)
//!   extracts the article and reads title and site name from `<meta>`, Open Graph and JSON-LD;
//!   [`page_date`] finds the publication date; the body's blocks become lines (numbered 0: the
//!   page has no useful lines).

use crate::clean::{Reason, Stripped};
use crate::page_date;
use crate::text::{self, Line};
use dateline_core::{Date, Sourced};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The formats Dateline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A saved web page.
    Html,
}

impl Format {
    /// The format of a file with this extension, if Dateline reads it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// A value the markup states, with the tag that stated it (e.g. "og:title").
pub type Tagged<T> = Option<(T, String)>;

/// What a page's markup states about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    /// Headline.
    pub headline: Tagged<String>,
    /// Publication date, with where the page states it ([`page_date`]).
    pub date: Option<(Date, Sourced)>,
    /// Outlet.
    pub outlet: Tagged<String>,
    /// Canonical address.
    pub url: Option<String>,
}

/// An article file read into lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The text's non-blank lines (blocks), in order.
    pub lines: Vec<Line>,
    /// What the markup states.
    pub markup: Markup,
    /// Parts of a saved page left out before its lines (navigation, share bars …), with why.
    pub stripped: Vec<Stripped>,
}

/// Reads a file's text in its format. Errors are worded for a diagnostic.
pub fn read(format: Format, source: &str) -> Result<Document, String> {
    match format {
        Format::Text => Ok(Document {
            lines: text::lines(source),
            ..Document::default()
        }),
        Format::Markdown => Ok(markdown(source)),
        Format::Html => html(source),
    }
}

fn markdown(source: &str) -> Document {
    let mut doc = Document::default();
    let mut current: Option<(usize, String, bool)> = None; // (line, text, is h1)
    for (event, range) in Parser::new(source).into_offset_iter() {
        match event {
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_),
            ) => {
                let h1 = matches!(
                    event,
                    Event::Start(Tag::Heading {
                        level: HeadingLevel::H1,
                        ..
                    })
                );
                if let Some((line, text, _)) = current.take() {
                    push_block(&mut doc, line, &text, false);
                }
                current = Some((
                    crate::diagnostic::line_of(source, range.start),
                    String::new(),
                    h1,
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _)) = &mut current {
                    text.push(' ');
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => {
                if let Some((line, text, h1)) = current.take() {
                    push_block(&mut doc, line, &text, h1);
                }
            }
            _ => {}
        }
    }
    doc
}

fn push_block(doc: &mut Document, number: usize, text: &str, h1: bool) {
    let text = crate::text::squeeze(text);
    if crate::text::is_blank(&text) {
        return;
    }
    if h1 && doc.markup.headline.is_none() {
        doc.markup.headline = Some((text.clone(), "Markdown heading".to_owned()));
    }
    doc.lines.push(Line { number, text });
}

fn html(source: &str) -> Result<Document, String> {
    let page = dom_query::Document::from(source);
    let meta = |selector: &str| {
        page.select(selector)
            .attr("content")
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let url = meta("meta[property='og:url']")
        .or_else(|| {
            page.select("link[rel='canonical']")
                .attr("href")
                .map(|h| h.to_string())
        })
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));

    // Classes kept, so that page furniture inside the article can be told by its class.
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::new(source, None, Some(config))
        .map_err(|e| format!("the page could not be parsed: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text found in the page ({e})"))?;

    let mut doc = Document::default();
    let site = article
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            (
                s.to_owned(),
                "site name (og:site_name or JSON-LD publisher)".to_owned(),
            )
        })
        .or_else(|| {
            meta("meta[name='application-name']").map(|s| (s, "<meta application-name>".to_owned()))
        })
        .or_else(|| meta("meta[name='publisher']").map(|s| (s, "<meta publisher>".to_owned())));
    let page_title = text::squeeze(&page.select("title").text());
    let mut title = text::squeeze(&article.title);
    // A site's name the title carries ("Kim arrives -- The Daily") is not part of the headline.
    if let Some((site, _)) = &site {
        if let Some(shorter) = without_affix(&title, site) {
            title = shorter;
        }
    }
    // What is left of a separator Readability cut a site's name at ("Kim arrives -").
    let trimmed = title.trim_end_matches([' ', '-', '|', '—', '–', '·', '•', '»', ':', '/']);
    if text::word_count(trimmed) >= 2 {
        title = trimmed.to_owned();
    }
    if !title.is_empty() {
        doc.markup.headline = Some((
            title.clone(),
            "title (og:title, JSON-LD or <title>)".to_owned(),
        ));
    }
    doc.markup.outlet = site.or_else(|| {
        title_affix(&page_title, &title).map(|affix| {
            let tag = format!(
                "<title> beside the headline (“{}”)",
                text::excerpt(&page_title, 120)
            );
            (affix, tag)
        })
    });
    doc.markup.date = page_date::find(&page, source).map(|d| (d.date, d.source));
    doc.markup.url = url;

    let content = dom_query::Document::from(article.content.as_ref());
    if let Some(root) = content.select("body").nodes().first() {
        let mut walk = Walk {
            total: root.text().chars().count(),
            ..Walk::default()
        };
        walk.node(root);
        walk.flush();
        if walk.is_index() {
            return Err(
                "the page is mostly links to other pages (a front page or an index), not an article"
                    .to_owned(),
            );
        }
        for block in walk.lines {
            push_block(&mut doc, 0, &block, false);
        }
        doc.stripped = walk.stripped;
    }
    Ok(doc)
}

/// The text of an HTML fragment (a feed item's content), one line a block, with the furniture
/// a page's article would be stripped of left out.
pub(crate) fn fragment_text(html: &str) -> String {
    let content = dom_query::Document::from(html);
    let Some(root) = content.select("body").nodes().first().cloned() else {
        return String::new();
    };
    let mut walk = Walk {
        total: root.text().chars().count(),
        ..Walk::default()
    };
    walk.node(&root);
    walk.flush();
    walk.lines.join("\n")
}

/// The separators that set a site's name apart from the headline in a page's title.
const TITLE_SEPARATORS: &[&str] = &[
    " -- ", " | ", " — ", " – ", " :: ", " · ", " • ", " » ", " / ", " - ", "-",
];

/// `title` without `site` standing at its start or end behind a separator ("Kim arrives |
/// The Daily" → "Kim arrives"), if it does.
fn without_affix(title: &str, site: &str) -> Option<String> {
    // Case is compared on the affix alone, so the cut falls where it stands in `title`.
    let same = |part: Option<&str>, affix: &str| {
        part.is_some_and(|p| p.to_lowercase() == affix.to_lowercase())
    };
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (after, before) = (format!("{sep}{site}"), format!("{site}{sep}"));
        let rest = if let Some(cut) = title.len().checked_sub(after.len()) {
            if same(title.get(cut..), &after) {
                title.get(..cut)
            } else if same(title.get(..before.len()), &before) {
                title.get(before.len()..)
            } else {
                None
            }
        } else {
            None
        }?;
        let rest = rest.trim();
        (text::word_count(rest) >= 2).then(|| rest.to_owned())
    })
}

/// The site's name a page's `<title>` adds to the headline ("Kim arrives | The Daily" →
/// "The Daily"): one to six words behind a separator, before or after the headline.
fn title_affix(page_title: &str, headline: &str) -> Option<String> {
    if headline.is_empty() {
        return None;
    }
    let rest = page_title
        .strip_prefix(headline)
        .map(|r| (r, true))
        .or_else(|| page_title.strip_suffix(headline).map(|r| (r, false)))?;
    let (rest, after) = rest;
    let affix = TITLE_SEPARATORS.iter().find_map(|sep| {
        let sep = sep.trim();
        let r = rest.trim();
        if after {
            r.strip_prefix(sep)
        } else {
            r.strip_suffix(sep)
        }
    })?;
    let affix = affix.trim();
    (1..=6)
        .contains(&text::word_count(affix))
        .then(|| affix.to_owned())
}

/// Elements whose whole text is one line of the body.
const LEAF_BLOCKS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "caption",
    "summary",
    "address",
];

/// Elements that never hold article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "select", "option",
    "textarea", "input", "iframe", "object", "embed", "canvas", "video", "audio", "img",
];

/// Elements that flow inside a line.
const INLINE: &[&str] = &[
    "a", "span", "b", "strong", "em", "i", "u", "s", "small", "big", "sup", "sub", "mark", "abbr",
    "cite", "q", "code", "kbd", "samp", "var", "time", "font", "del", "ins", "label", "dfn", "bdi",
    "bdo", "wbr", "tt", "strike", "data",
];

/// The lines of an extracted article, and the page furniture left out of them.
///
/// Each leaf block (paragraph, list item, heading, caption, table cell …) is one line, and text
/// that stands directly in a container (a `<div>` of text with `<br>`s, as old pages have)
/// makes lines of its own, broken at the blocks and `<br>`s around it. Left out, each with its
/// reason: what the page marks as navigation, share bars, related links, notices or comments
/// (by element, role, class or id), and blocks that are mostly links.
#[derive(Default)]
struct Walk {
    lines: Vec<String>,
    stripped: Vec<Stripped>,
    run: String,
    /// The characters of the whole extracted text: furniture is never most of it.
    total: usize,
}

impl Walk {
    fn node(&mut self, node: &dom_query::NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.run.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().unwrap_or_default().to_ascii_lowercase();
            let name = name.as_str();
            if SKIPPED.contains(&name) {
                continue;
            }
            let container = !LEAF_BLOCKS.contains(&name) && !INLINE.contains(&name);
            if let Some(reason) = container
                .then(|| furniture(&child, name, self.total))
                .flatten()
            {
                self.flush();
                let mut inner = Walk::default();
                inner.node(&child);
                inner.flush();
                self.strip(&inner.lines.join(" "), reason);
            } else if name == "br" || name == "hr" {
                self.flush();
            } else if LEAF_BLOCKS.contains(&name) {
                self.flush();
                let text = child.text();
                if mostly_links(&child, &text) {
                    self.strip(&text, Reason::LinkList);
                } else {
                    self.lines.push(text.to_string());
                }
            } else if INLINE.contains(&name) {
                self.node(&child);
            } else {
                self.flush();
                self.node(&child);
                self.flush();
            }
        }
    }

    /// Whether what was walked is a list of links to other pages rather than an article: no
    /// line of prose (15 words or more) is left, and links make up 20 words or more.
    fn is_index(&self) -> bool {
        let prose = self.lines.iter().any(|l| text::word_count(l) >= 15);
        let linked: usize = self
            .stripped
            .iter()
            .filter(|s| {
                matches!(
                    s.reason,
                    Reason::LinkList | Reason::Navigation | Reason::RelatedLinks
                )
            })
            .map(|s| text::word_count(&s.text))
            .sum();
        !prose && linked >= 20
    }

    fn flush(&mut self) {
        if !self.run.trim().is_empty() {
            self.lines.push(std::mem::take(&mut self.run));
        }
        self.run.clear();
    }

    fn strip(&mut self, text: &str, reason: Reason) {
        let text = text::squeeze(text);
        if !text::is_blank(&text) {
            self.stripped.push(Stripped {
                line: 0,
                text: text::excerpt(&text, 300),
                reason,
            });
        }
    }
}

/// What kind of page furniture a container is, if the page marks it as such: by element
/// (`nav`, `footer`, `aside`, `form`), ARIA role, or the words of its class and id. Never an
/// element that holds half the text or more. (Paragraphs are not judged by their class: pages
/// mark their article's own paragraphs "paywall" or "promo".)
fn furniture(node: &dom_query::NodeRef, name: &str, total: usize) -> Option<Reason> {
    /// Words of a class or id, and what they mark.
    const WORDS: &[(&[&str], Reason)] = &[
        (
            &[
                "share",
                "sharing",
                "sharebar",
                "shares",
                "social",
                "socials",
                "follow",
                "sociallinks",
            ],
            Reason::ShareBar,
        ),
        (
            &[
                "related",
                "relatedposts",
                "recommended",
                "recommendations",
                "recirc",
                "mostread",
                "mostpopular",
                "popular",
                "trending",
                "outbrain",
                "taboola",
                "morestories",
                "readmore",
                "readnext",
                "upnext",
                "seealso",
            ],
            Reason::RelatedLinks,
        ),
        (
            &[
                "newsletter",
                "subscribe",
                "subscription",
                "signup",
                "cookie",
                "cookies",
                "consent",
                "gdpr",
                "promo",
                "advert",
                "advertisement",
                "ad",
                "ads",
                "adslot",
                "sponsor",
                "sponsored",
                "donate",
                "donation",
            ],
            Reason::Notice,
        ),
        (
            &["comment", "comments", "disqus", "discussion"],
            Reason::Comments,
        ),
        (
            &[
                "nav",
                "navbar",
                "navigation",
                "menu",
                "breadcrumb",
                "breadcrumbs",
                "pagination",
                "pager",
                "toolbar",
                "footer",
                "tags",
                "taglist",
                "topics",
                "skiplink",
            ],
            Reason::Navigation,
        ),
    ];
    /// Phrases of words (class and id split at hyphens, underscores and case).
    const PHRASES: &[(&str, Reason)] = &[
        ("most read", Reason::RelatedLinks),
        ("most popular", Reason::RelatedLinks),
        ("more stories", Reason::RelatedLinks),
        ("read more", Reason::RelatedLinks),
        ("read next", Reason::RelatedLinks),
        ("also read", Reason::RelatedLinks),
        ("see also", Reason::RelatedLinks),
        ("you may like", Reason::RelatedLinks),
        ("sign up", Reason::Notice),
    ];
    let by_element = match name {
        "nav" => Some(Reason::Navigation),
        "footer" => Some(Reason::Navigation),
        "aside" => Some(Reason::RelatedLinks),
        "form" => Some(Reason::Notice),
        _ => None,
    };
    let by_role = node
        .attr("role")
        .and_then(|r| match r.to_ascii_lowercase().as_str() {
            "navigation" | "menubar" | "contentinfo" => Some(Reason::Navigation),
            "complementary" => Some(Reason::RelatedLinks),
            _ => None,
        });
    let reason = by_element.or(by_role).or_else(|| {
        let words = class_words(&class_and_id(node), true);
        if words.is_empty() {
            return None;
        }
        let joined = format!(" {} ", words.join(" "));
        PHRASES
            .iter()
            .find(|(p, _)| joined.contains(&format!(" {p} ")))
            .map(|(_, r)| *r)
            .or_else(|| {
                WORDS
                    .iter()
                    .find(|(ws, _)| words.iter().any(|w| ws.contains(&w.as_str())))
                    .map(|(_, r)| *r)
            })
    })?;
    (node.text().chars().count() * 2 < total).then_some(reason)
}

/// An element's class and id, in lower case, as one string: what a page names it.
pub(crate) fn class_and_id(node: &dom_query::NodeRef) -> String {
    format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_lowercase()
}

/// The words of class names and ids, split at hyphens, underscores and (with `split_case`)
/// lower-to-upper case changes, in lower case: "ShareBar post-share_links" → share, bar, post,
/// share, links.
pub(crate) fn class_words(names: &str, split_case: bool) -> Vec<String> {
    let mut words = Vec::new();
    for name in names.split_whitespace() {
        let mut word = String::new();
        let mut previous_lower = false;
        for c in name.chars() {
            let boundary =
                !c.is_alphanumeric() || (split_case && c.is_uppercase() && previous_lower);
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            previous_lower = c.is_lowercase();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// A short block that is mostly the text of links: an entry of a list of other articles.
fn mostly_links(node: &dom_query::NodeRef, text: &str) -> bool {
    let all = text.chars().filter(|c| !c.is_whitespace()).count();
    if all == 0 || text::word_count(text) > 30 {
        return false;
    }
    let linked: usize = node
        .descendants_it()
        .filter(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("a")))
        .map(|a| a.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    linked * 10 >= all * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document) -> Vec<(usize, &str)> {
        doc.lines
            .iter()
            .map(|l| (l.number, l.text.as_str()))
            .collect()
    }

    #[test]
    fn markdown_blocks_become_numbered_lines_and_the_h1_the_headline() {
        let doc = read(
            Format::Markdown,
            "# Kim Visits *Russia*\n\nFirst paragraph\nwraps here.\n\n- a point\n- another\n",
        )
        .unwrap();
        assert_eq!(
            doc.markup.headline,
            Some(("Kim Visits Russia".into(), "Markdown heading".into()))
        );
        assert_eq!(
            texts(&doc),
            [
                (1, "Kim Visits Russia"),
                (3, "First paragraph wraps here."),
                (6, "a point"),
                (7, "another")
            ]
        );
    }

    #[test]
    fn html_pages_give_metadata_and_body_without_page_chrome() {
        let page = r#"<!doctype html><html><head>
<title>Kremlin Confirms Trip | The Daily</title>
<meta property="og:title" content="Kremlin Confirms Putin's Trip to North Korea">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/2024/06/17/trip">
<meta property="article:published_time" content="2024-06-17T09:30:00+03:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kremlin Confirms Putin's Trip to North Korea</h1>
<p>Russian President Vladimir Putin will visit North Korea this week, the Kremlin announced Monday, confirming previously reported travel plans that come amid suspicions in the West.</p>
<p>Putin will visit North Korea on Tuesday, his second trip to the isolated country since he first came to power 24 years ago, the Kremlin said in a statement published on its website.</p>
<p>Western countries, South Korea and Kyiv have accused Pyongyang of sending weapons to Moscow for use in Ukraine, in violation of UN sanctions that ban trade in North Korean weapons.</p>
</article>
<footer>Copyright The Daily. <a href="/privacy">Privacy</a></footer>
</body></html>"#;
        let doc = read(Format::Html, page).unwrap();
        assert_eq!(
            doc.markup.headline.as_ref().unwrap().0,
            "Kremlin Confirms Putin's Trip to North Korea"
        );
        assert_eq!(doc.markup.outlet.as_ref().unwrap().0, "The Daily");
        assert_eq!(
            doc.markup.date.as_ref().unwrap().0.to_string(),
            "2024-06-17"
        );
        assert_eq!(
            doc.markup.date.as_ref().unwrap().1.describe(),
            "from the page's <meta article:published_time> “2024-06-17T09:30:00+03:00”"
        );
        assert_eq!(
            doc.markup.url.as_deref(),
            Some("https://daily.example/2024/06/17/trip")
        );
        let body: Vec<_> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            body.iter()
                .any(|l| l.starts_with("Russian President Vladimir Putin will visit")),
            "{body:?}"
        );
        assert!(
            !body
                .iter()
                .any(|l| l.contains("Home") || l.contains("Privacy")),
            "{body:?}"
        );
    }

    #[test]
    fn text_straight_in_a_container_and_in_pre_or_cells_is_kept() {
        let page = r#"<html><head><title>Old page</title></head><body><div id="content">
<div class="text">The first paragraph of an old page stands straight in a div, with no paragraph tags around it at all.<br><br>A second one follows after two line breaks, <b>with bold</b> and <a href="/x">a link</a> inside it, as such pages do.</div>
<pre>An example
in a pre block</pre>
<table><tr><td>A cell of a table that holds words</td></tr></table>
<ul><li><p>A list item with a paragraph inside it, read once.</p></li></ul>
</div></body></html>"#;
        let doc = read(Format::Html, page).unwrap();
        let lines: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(lines.contains(&"The first paragraph of an old page stands straight in a div, with no paragraph tags around it at all."), "{lines:#?}");
        assert!(lines.contains(&"A second one follows after two line breaks, with bold and a link inside it, as such pages do."), "{lines:#?}");
        // What Readability keeps of pre blocks, tables and lists is read block by block.
        let fragment = dom_query::Document::from(
            "<div>Loose text<pre>An example\nin a pre block</pre><table><tr><td>A cell</td><td>Another</td></tr></table>\
             <ul><li><p>A list item with a paragraph inside, read once.</p></li></ul><script>x()</script>Tail</div>",
        );
        let mut walk = Walk {
            total: 1000,
            ..Walk::default()
        };
        walk.node(&fragment.select("body").nodes()[0]);
        walk.flush();
        let blocks = walk.lines;
        let blocks: Vec<String> = blocks.iter().map(|b| text::squeeze(b)).collect();
        assert_eq!(
            blocks,
            [
                "Loose text",
                "An example in a pre block",
                "A cell",
                "Another",
                "A list item with a paragraph inside, read once.",
                "Tail"
            ]
        );
    }

    #[test]
    fn page_furniture_in_the_article_is_left_out_with_its_reason() {
        let story = "Russian President Vladimir Putin will visit North Korea this week, the Kremlin announced Monday, confirming previously reported travel plans that come amid suspicions in the West.";
        let page = format!(
            r#"<html><head><title>Trip</title></head><body><article>
<p>{story}</p>
<div class="post-share_links"><a href="/fb">Share on Facebook</a> <a href="/x">Share on X</a></div>
<p>{story} It is his second trip.</p>
<div class="RelatedStories"><h3>Related</h3><ul><li><a href="/a">Kim visits Vladivostok for talks with Putin</a></li><li><a href="/b">Lavrov arrives in Pyongyang</a></li></ul></div>
<p>{story} Western countries object.</p>
<ul><li><a href="/c">Another article entirely made of a link</a></li></ul>
<div class="cookie-consent"><p>We use cookies to improve your experience on our site.</p><p>Accept all</p></div>
<p>{story} The end.</p>
</article></body></html>"#
        );
        let doc = read(Format::Html, &page).unwrap();
        let lines: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert!(
            lines.iter().all(|l| l.starts_with("Russian President")),
            "{lines:#?}"
        );
        let stripped: Vec<(Reason, &str)> = doc
            .stripped
            .iter()
            .map(|s| (s.reason, s.text.as_str()))
            .collect();
        // Readability drops the share bar and the related stories itself; what it keeps and the
        // page marks as furniture is left out here, with why.
        assert!(
            !lines
                .iter()
                .any(|l| l.contains("Share on") || l.contains("Lavrov")),
            "{lines:#?}"
        );
        assert_eq!(
            stripped,
            [
                (Reason::LinkList, "Another article entirely made of a link"),
                (
                    Reason::Notice,
                    "We use cookies to improve your experience on our site. Accept all"
                )
            ]
        );
        // Within an article that Readability keeps whole, each kind is told by its marks.
        let fragment = dom_query::Document::from(
            "<div><p>Text that is long enough to be most of the article, and then some more words.</p>\
             <div class=\"ShareBar\">Share</div><section role=\"complementary\">Elsewhere</section>\
             <div id=\"most-read\">Most read</div><div class=\"comments-area\">A comment</div><nav>Home</nav>\
             <div class=\"commentary\"><p>Commentary is not comments.</p></div></div>",
        );
        let mut walk = Walk {
            total: 1000,
            ..Walk::default()
        };
        walk.node(&fragment.select("body").nodes()[0]);
        let reasons: Vec<Reason> = walk.stripped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            [
                Reason::ShareBar,
                Reason::RelatedLinks,
                Reason::RelatedLinks,
                Reason::Comments,
                Reason::Navigation
            ]
        );
        assert!(walk
            .lines
            .iter()
            .any(|l| l.contains("Commentary is not comments.")));
        assert_eq!(
            class_words("ShareBar post-share_links", true),
            ["share", "bar", "post", "share", "links"]
        );
    }

    #[test]
    fn the_site_name_in_the_title_names_the_outlet_and_leaves_the_headline() {
        let body = "<body><article><p>North Korean leader Kim Jong Un arrived in Vladivostok by train on Wednesday for his first summit with Vladimir Putin, state media said.</p></article></body>";
        let page = format!("<html><head><title>Kim arrives in Vladivostok | The Daily</title><meta property=\"og:title\" content=\"Kim arrives in Vladivostok\"></head>{body}</html>");
        let doc = read(Format::Html, &page).unwrap();
        assert_eq!(doc.markup.headline.unwrap().0, "Kim arrives in Vladivostok");
        let (outlet, tag) = doc.markup.outlet.unwrap();
        assert_eq!(outlet, "The Daily");
        assert!(tag.starts_with("<title> beside the headline"), "{tag}");
        // A title that carries the known site name loses it.
        let page = format!("<html><head><title>Kim arrives in Vladivostok -- Sott.net</title><meta property=\"og:site_name\" content=\"Sott.net\"></head>{body}</html>");
        let doc = read(Format::Html, &page).unwrap();
        assert_eq!(doc.markup.headline.unwrap().0, "Kim arrives in Vladivostok");
        assert_eq!(
            without_affix("Sott.net | Kim arrives here", "sott.net").as_deref(),
            Some("Kim arrives here")
        );
        assert_eq!(without_affix("The Daily", "The Daily"), None);
        // Lower case may be longer than upper case ("İ"): the cut is made in the title itself.
        assert_eq!(
            without_affix("İSTANBUL SUMMIT ENDS | The Daily", "the daily").as_deref(),
            Some("İSTANBUL SUMMIT ENDS")
        );
    }

    #[test]
    fn a_front_page_of_links_is_not_an_article_but_a_brief_beside_links_is() {
        let links: String = (1..30)
            .map(|i| format!("<li><a href=\"/2019/04/{i:02}/story\">Kim and Putin story number {i} about the summit</a></li>"))
            .collect();
        let front = format!("<html><head><title>The Daily</title></head><body><main><h2>Latest news</h2><ul>{links}</ul></main></body></html>");
        let error = read(Format::Html, &front).unwrap_err();
        assert!(error.contains("mostly links to other pages"), "{error}");
        let brief = format!("<html><head><title>Kim arrives</title></head><body><main><p>North Korean leader Kim Jong Un arrived in Vladivostok by train on Wednesday for talks.</p><ul>{links}</ul></main></body></html>");
        assert!(read(Format::Html, &brief).is_ok());
    }

    #[test]
    fn json_ld_supplies_what_meta_tags_lack() {
        let page = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Russia and North Korea Discuss Visa-Free Regime","datePublished":"2014-10-29","publisher":{"@type":"Organization","name":"The Moscow Times"}}</script></head>
<body><article><p>Russia and North Korea have discussed establishing a bilateral visa-free regime, Far East Development Minister Alexander Galushka said, news agency Interfax reported on Tuesday.</p>
<p>The issue of transitioning to a visa-free regime between Russia and North Korea was discussed during a recent trip to North Korea, Galushka was quoted as saying by the agency.</p></article></body></html>"#;
        let doc = read(Format::Html, page).unwrap();
        assert_eq!(
            doc.markup.headline.as_ref().unwrap().0,
            "Russia and North Korea Discuss Visa-Free Regime"
        );
        assert_eq!(
            doc.markup.date.as_ref().unwrap().0.to_string(),
            "2014-10-29"
        );
        assert_eq!(doc.markup.outlet.as_ref().unwrap().0, "The Moscow Times");
    }
}
