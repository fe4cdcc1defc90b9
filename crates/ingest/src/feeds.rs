//! Saved RSS and Atom feeds (`.rss`, `.atom`, and `.xml` files that are feeds), read with
//! `feed-rs`: each item or entry becomes a [`Record`], as a row of an export does, with its full
//! content when the feed carries it and else its summary (marked: see [`Record::summary_only`]).
//! Dates are the feed's own (`pubDate`, `published`, else `updated`), as dates in UTC.

use crate::document;
use crate::records::{Field, Problem, Record};
use feed_rs::model::{Entry, FeedType, Text};

/// The items of a feed, or why the file is not one.
pub fn records(text: &str) -> Result<Vec<Record>, Problem> {
    let feed = feed_rs::parser::parse(text.as_bytes()).map_err(|e| {
        Problem::not_articles(
            1,
            format!("the file is not an RSS or Atom feed: {e}"),
            "save the feed again from its address, or move the file out of the corpus folder",
        )
    })?;
    let outlet = feed.title.as_ref().map(plain).filter(|t| !t.is_empty());
    let date_name = match feed.feed_type {
        FeedType::Atom => "published",
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => "pubDate",
        FeedType::JSON => "date_published",
    };
    // The line where each item starts, by the order the items stand in the file.
    let starts = item_lines(text);
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let (body, summary_only) = body(entry);
            Record {
                line: starts.get(i).copied().unwrap_or(1),
                number: i + 1,
                title: field("title", entry.title.as_ref().map(plain)),
                date: match (entry.published, entry.updated) {
                    (Some(d), _) => field(date_name, Some(d.to_rfc3339())),
                    (None, Some(d)) => field("updated", Some(d.to_rfc3339())),
                    (None, None) => None,
                },
                url: field(
                    "link",
                    entry
                        .links
                        .iter()
                        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                        .map(|l| l.href.clone()),
                ),
                text: field(if summary_only { "summary" } else { "content" }, body),
                outlet: field("feed title", outlet.clone()),
                author: field(
                    "author",
                    Some(
                        entry
                            .authors
                            .iter()
                            .map(|a| a.name.trim())
                            .filter(|n| !n.is_empty())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
                language: None,
                tags: entry
                    .categories
                    .iter()
                    .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect(),
                summary_only,
            }
        })
        .collect())
}

/// The item's text: its content, else its summary (then `true`).
fn body(entry: &Entry) -> (Option<String>, bool) {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(document::fragment_text)
        .filter(|t| !t.trim().is_empty());
    match content {
        Some(text) => (Some(text), false),
        None => (
            entry.summary.as_ref().map(plain).filter(|t| !t.is_empty()),
            true,
        ),
    }
}

/// A text construct as plain text: its HTML read as a browser shows it.
fn plain(text: &Text) -> String {
    if text.content_type.subty().as_str().contains("html") {
        document::fragment_text(&text.content)
    } else {
        text.content.trim().to_owned()
    }
}

fn field(column: &str, value: Option<String>) -> Option<Field> {
    let value = value?;
    let value = value.trim();
    (!value.is_empty()).then(|| Field {
        column: column.to_owned(),
        value: value.to_owned(),
    })
}

/// The 1-based lines where `<item>` or `<entry>` elements open, in order.
fn item_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        } else if b == b'<' {
            let rest = &bytes[i + 1..];
            let opens = |name: &[u8]| {
                rest.starts_with(name)
                    && rest
                        .get(name.len())
                        .is_some_and(|c| matches!(c, b'>' | b' ' | b'\t' | b'\n' | b'\r'))
            };
            if opens(b"item") || opens(b"entry") {
                lines.push(line);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(f: &Option<Field>) -> &str {
        f.as_ref().map_or("", |f| f.value.as_str())
    }

    #[test]
    fn rss_items_with_content_or_only_a_summary() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>TASS &amp; Partners</title>
  <link>https://tass.com</link>
  <item>
    <title>Kim &amp; Putin meet at Vostochny</title>
    <link>https://tass.com/politics/1</link>
    <pubDate>Wed, 13 Sep 2023 08:30:00 +0000</pubDate>
    <category>Summit</category>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The leaders met on Wednesday.</p><p>They toured the <b>launch pads</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Talks end</title>
    <link>https://tass.com/politics/2</link>
    <pubDate>Thu, 14 Sep 2023 09:00:00 +0000</pubDate>
    <description>&lt;p&gt;Only a &lt;i&gt;summary&lt;/i&gt; here.&lt;/p&gt;</description>
  </item>
</channel>
</rss>"#;
        let items = records(rss).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(value(&items[0].title), "Kim & Putin meet at Vostochny");
        assert_eq!(value(&items[0].outlet), "TASS & Partners");
        assert_eq!(
            value(&items[0].text),
            "The leaders met on Wednesday.\nThey toured the launch pads."
        );
        assert!(!items[0].summary_only);
        assert_eq!(items[0].date.as_ref().unwrap().column, "pubDate");
        assert!(value(&items[0].date).starts_with("2023-09-13T08:30:00"));
        assert_eq!(value(&items[0].url), "https://tass.com/politics/1");
        assert_eq!(items[0].tags, ["Summit"]);
        assert_eq!(items[0].line, 6);
        assert_eq!(value(&items[1].text), "Only a summary here.");
        assert!(items[1].summary_only);
        assert_eq!(items[1].line, 14);
    }

    #[test]
    fn atom_entries_and_files_that_are_not_feeds() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom">
<title>NK News</title>
<entry>
  <title type="html">Rason &lt;em&gt;port&lt;/em&gt; reopens</title>
  <link href="https://www.nknews.org/1"/>
  <published>2024-06-19T23:30:00-05:00</published>
  <updated>2024-06-20T10:00:00Z</updated>
  <content type="html">&lt;p&gt;The port of Rason reopened.&lt;/p&gt;</content>
</entry>
</feed>"#;
        let items = records(atom).unwrap();
        assert_eq!(value(&items[0].title), "Rason port reopens");
        assert_eq!(value(&items[0].outlet), "NK News");
        assert_eq!(items[0].date.as_ref().unwrap().column, "published");
        // In UTC: the next day.
        assert!(value(&items[0].date).starts_with("2024-06-20T04:30:00"));
        assert_eq!(value(&items[0].text), "The port of Rason reopened.");
        assert_eq!(items[0].line, 3);

        let p = records("<urlset><url><loc>https://a.example/</loc></url></urlset>").unwrap_err();
        assert!(p.leave_out, "{p:?}");
        assert!(p.problem.contains("not an RSS or Atom feed"), "{p:?}");
    }
}
