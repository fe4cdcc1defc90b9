//! The current view as a file: CSV, JSON, Markdown or RIS (for reference managers), each with the
//! view's permalink, and each article's headline, outlet, date, original URL, slug, permalink and
//! the reader's note on it. The JSON file is also a collection another copy can import: its
//! articles' slugs and notes.
//!
//! JSON goes through `serde_json`; CSV quoting (RFC 4180), Markdown escaping and RIS tags are a
//! few lines each here rather than a dependency in the browser bundle.

use crate::model::Article;
use serde::Serialize;

/// A file format for the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Comma-separated values, RFC 4180, with a header row.
    Csv,
    /// One JSON object: the view and its articles.
    Json,
    /// A briefing list in Markdown.
    Markdown,
    /// RIS records (type `NEWS`) for Zotero, EndNote and the like.
    Ris,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 4] = [Format::Csv, Format::Json, Format::Markdown, Format::Ris];

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Ris => "ris",
        }
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Ris => "application/x-research-info-systems",
        }
    }

    /// The name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Ris => "RIS",
        }
    }
}

/// What is exported: the view's description and permalink, and its articles in view order.
pub struct Export<'a> {
    /// A title for the view, e.g. "Dateline: “visa”, person: Vladimir Putin".
    pub title: String,
    /// The link that reopens this view.
    pub permalink: String,
    /// The articles in view order.
    pub articles: Vec<Exported<'a>>,
}

/// One exported article.
pub struct Exported<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its own permalink (the view with that article open).
    pub permalink: String,
    /// The reader's note on it, if any.
    pub note: Option<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    headline: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    url: Option<&'a str>,
    slug: &'a str,
    permalink: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Document<'a> {
    title: &'a str,
    permalink: &'a str,
    count: usize,
    articles: Vec<Row<'a>>,
}

impl Export<'_> {
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.articles.iter().map(|e| Row {
            headline: &e.article.headline,
            outlet: e.article.outlet.as_deref(),
            date: e.article.date.map(|d| d.to_string()),
            url: e.article.url.as_deref(),
            slug: &e.article.slug,
            permalink: &e.permalink,
            note: e.note.as_deref(),
        })
    }

    /// The file's text in a format.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Json => self.json(),
            Format::Markdown => self.markdown(),
            Format::Ris => self.ris(),
        }
    }

    fn csv(&self) -> String {
        let mut out = String::from("headline,outlet,date,url,slug,permalink,note\r\n");
        for row in self.rows() {
            let fields = [
                row.headline,
                row.outlet.unwrap_or(""),
                row.date.as_deref().unwrap_or(""),
                row.url.unwrap_or(""),
                row.slug,
                row.permalink,
                row.note.unwrap_or(""),
            ];
            let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&quoted.join(","));
            out.push_str("\r\n");
        }
        out
    }

    fn json(&self) -> String {
        let document = Document {
            title: &self.title,
            permalink: &self.permalink,
            count: self.articles.len(),
            articles: self.rows().collect(),
        };
        // Serialising plain strings and numbers cannot fail.
        serde_json::to_string_pretty(&document).unwrap_or_default()
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "# {}\n\n{} articles. View: <{}>\n\n",
            markdown_text(&self.title),
            self.articles.len(),
            self.permalink
        );
        for row in self.rows() {
            let when = row.date.as_deref().unwrap_or("undated");
            let outlet = row.outlet.map(markdown_text).unwrap_or_default();
            let headline = markdown_text(row.headline);
            let title = match row.url.filter(|u| is_web_url(u)) {
                Some(url) => format!("[{headline}](<{url}>)"),
                None => headline,
            };
            out.push_str(&format!(
                "- {when} · {outlet} · {title} ([in Dateline](<{}>))\n",
                row.permalink
            ));
            for line in row.note.into_iter().flat_map(str::lines) {
                out.push_str(&format!("  > {}\n", markdown_text(line)));
            }
        }
        out
    }

    fn ris(&self) -> String {
        let mut out = String::new();
        for row in self.rows() {
            let line = |tag: &str, value: &str| format!("{tag}  - {}\r\n", one_line(value));
            out.push_str(&line("TY", "NEWS"));
            out.push_str(&line("TI", row.headline));
            if let Some(outlet) = row.outlet {
                out.push_str(&line("T2", outlet));
            }
            if let Some(date) = &row.date {
                out.push_str(&line("PY", &date[..4]));
                out.push_str(&line("DA", &date.replace('-', "/")));
            }
            if let Some(url) = row.url {
                out.push_str(&line("UR", url));
            }
            out.push_str(&line("ID", row.slug));
            if let Some(note) = row.note {
                out.push_str(&line("N1", &format!("Note: {note}")));
            }
            out.push_str(&line("N1", &format!("Dateline: {}", row.permalink)));
            out.push_str(&line("N1", &format!("View: {}", self.permalink)));
            out.push_str("ER  - \r\n\r\n");
        }
        out
    }
}

/// Whether a URL is an ordinary web address, safe to make a link of.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A CSV field, quoted when it holds a comma, quote or line break. A leading `=`, `+`, `-` or `@`
/// gets an apostrophe so a spreadsheet does not run it as a formula.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Text with Markdown's active characters escaped and line breaks flattened.
fn markdown_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in one_line(value).chars() {
        if "\\`*_{}[]<>()#+-.!|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    fn export(articles: &[Article]) -> Export<'_> {
        Export {
            title: "Dateline: visa".into(),
            permalink: "https://x.test/?q=visa".into(),
            articles: articles
                .iter()
                .map(|a| Exported {
                    article: a,
                    permalink: format!("https://x.test/?q=visa&a={}", a.slug),
                    note: (a.slug == "undated-x").then(|| "Ask TASS, = first\nthen [check]".into()),
                })
                .collect(),
        }
    }

    fn sample() -> Vec<Article> {
        let mut a = article("2014-10-29-visa", Some((2014, 10, 29)));
        a.headline = "Russia, \"North Korea\" talk\nvisas".into();
        a.outlet = Some("The Moscow Times".into());
        a.url = Some("https://www.themoscowtimes.com/a".into());
        let mut b = article("undated-x", None);
        b.headline = "=HYPERLINK(\"evil\")".into();
        b.outlet = None;
        b.url = Some("javascript:alert(1)".into());
        vec![a, b]
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let articles = sample();
        let csv = export(&articles).render(Format::Csv);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "headline,outlet,date,url,slug,permalink,note");
        assert!(
            lines[1].starts_with("\"Russia, \"\"North Korea\"\" talk\nvisas\",The Moscow Times,"),
            "a quoted field may span lines: {}",
            lines[1]
        );
        assert!(csv.contains("'=HYPERLINK"));
        assert!(csv.contains(",2014-10-29,https://www.themoscowtimes.com/a,2014-10-29-visa,https://x.test/?q=visa&a=2014-10-29-visa,\r\n"));
        assert!(
            csv.ends_with(",\"Ask TASS, = first\nthen [check]\"\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn json_holds_the_view_and_rows() {
        let articles = sample();
        let json: serde_json::Value =
            serde_json::from_str(&export(&articles).render(Format::Json)).unwrap();
        assert_eq!(json["permalink"], "https://x.test/?q=visa");
        assert_eq!(json["count"], 2);
        assert_eq!(json["articles"][0]["date"], "2014-10-29");
        assert_eq!(json["articles"][1]["outlet"], serde_json::Value::Null);
        assert_eq!(json["articles"][1]["slug"], "undated-x");
        assert_eq!(json["articles"][0]["note"], serde_json::Value::Null);
        assert_eq!(
            json["articles"][1]["note"],
            "Ask TASS, = first\nthen [check]"
        );
    }

    #[test]
    fn markdown_links_only_web_urls() {
        let articles = sample();
        let md = export(&articles).render(Format::Markdown);
        assert!(md.starts_with("# Dateline: visa\n\n2 articles. View: <https://x.test/?q=visa>"));
        assert!(
            md.contains("[Russia, \"North Korea\" talk visas](<https://www.themoscowtimes.com/a>)")
        );
        assert!(!md.contains("](<javascript:"), "{md}");
        assert!(md.contains("=HYPERLINK\\(\"evil\"\\)"), "{md}");
        assert!(
            md.ends_with("\n  > Ask TASS, = first\n  > then \\[check\\]\n"),
            "{md}"
        );
    }

    #[test]
    fn ris_has_one_record_per_article() {
        let articles = sample();
        let ris = export(&articles).render(Format::Ris);
        assert_eq!(ris.matches("TY  - NEWS\r\n").count(), 2);
        assert_eq!(ris.matches("ER  - \r\n").count(), 2);
        assert!(ris.contains("TI  - Russia, \"North Korea\" talk visas\r\n"));
        assert!(ris.contains("DA  - 2014/10/29\r\n"));
        assert!(ris.contains("PY  - 2014\r\n"));
        assert!(ris.contains("T2  - The Moscow Times\r\n"));
        assert!(ris.contains("N1  - View: https://x.test/?q=visa\r\n"));
        assert!(ris.contains("N1  - Note: Ask TASS, = first then [check]\r\n"));
    }

    #[test]
    fn formats_name_their_files() {
        let exts: Vec<&str> = Format::ALL.iter().map(|f| f.extension()).collect();
        assert_eq!(exts, ["csv", "json", "md", "ris"]);
    }
}
