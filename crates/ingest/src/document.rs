//! Reading an article file into lines of text, whatever its format, plus what its markup states.
//!
//! - Plain text (`.txt`): one paragraph per line, as scraped.
//! - Markdown (`.md`): each block (heading, paragraph, list item, quote) becomes a line, with
//!   its source line number; the first `# heading` is the headline.
//! - Saved HTML pages (`.html`, `.htm`): `dom_smoothie` (a port of Mozilla's Readability)
//!   extracts the article and reads title, site name, date and author from `<meta>`, Open Graph
//!   and JSON-LD; the body's blocks become lines (numbered 0: the page has no useful lines).

use crate::dates;
use crate::text::{self, Line};
use dateline_core::Date;
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
    /// Publication date.
    pub date: Tagged<Date>,
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
}

/// Reads a file's text in its format. Errors are worded for a diagnostic.
pub fn read(format: Format, source: &str) -> Result<Document, String> {
    match format {
        Format::Text => Ok(Document {
            lines: text::lines(source),
            markup: Markup::default(),
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

    let mut readability = dom_smoothie::Readability::new(source, None, None)
        .map_err(|e| format!("the page could not be parsed: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text found in the page ({e})"))?;

    let mut doc = Document::default();
    let title = article.title.trim();
    if !title.is_empty() {
        doc.markup.headline = Some((
            title.to_owned(),
            "title (og:title, JSON-LD or <title>)".to_owned(),
        ));
    }
    if let Some(site) = article
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        doc.markup.outlet = Some((
            site.to_owned(),
            "site name (og:site_name or JSON-LD publisher)".to_owned(),
        ));
    }
    if let Some(published) = &article.published_time {
        if let Some(date) = dates::find(published).first().and_then(|m| m.date()) {
            let date = Date {
                year: date.year(),
                month: date.month() as u8,
                day: date.day() as u8,
            };
            doc.markup.date = Some((
                date,
                "published time (article:published_time or JSON-LD datePublished)".to_owned(),
            ));
        }
    }
    doc.markup.url = url;

    let content = dom_query::Document::from(article.content.as_ref());
    for block in content
        .select("h1, h2, h3, h4, p, li, blockquote, figcaption")
        .iter()
    {
        // A block inside another selected block (a <p> in an <li>) is read with its parent.
        if block.ancestors(None).is("p, li, blockquote, figcaption") {
            continue;
        }
        push_block(&mut doc, 0, &block.text(), false);
    }
    Ok(doc)
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
