//! Corpus folders holding exports (CSV, JSON, JSON Lines), feeds and web archives, in the shapes the common tools write
//! them: news-please's JSON, trafilatura's JSON and CSV, a Media Cloud story list. Each row is an
//! article named by its row; broken rows fail the build at their line.

use dateline_core::{Article, Provenance};
use dateline_ingest::{ingest_dir, Ingested, Report};
use std::fs;

/// Writes `files` into a fresh folder and ingests it.
fn ingest(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Ingested, Report>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let result = ingest_dir(dir.path());
    (dir, result)
}

fn by_source<'a>(ingested: &'a Ingested, source: &str) -> &'a Article {
    ingested
        .corpus
        .articles()
        .iter()
        .find(|a| a.source == source)
        .unwrap_or_else(|| panic!("no article from {source}"))
}

/// What the page names as left out.
fn left_out(ingested: &Ingested) -> Vec<&str> {
    ingested
        .corpus
        .left_out()
        .iter()
        .map(|l| l.source.as_str())
        .collect()
}

/// The report's lines, with the folder's path taken out.
fn lines(dir: &tempfile::TempDir, report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            d.to_string()
                .replace(&format!("{}/", dir.path().display()), "")
        })
        .collect()
}

const NEWS_PLEASE: &str = r#"[
  {
    "authors": ["Anna Petrova"],
    "date_download": "2023-09-14 08:12:55",
    "date_modify": null,
    "date_publish": "2023-09-13 17:40:00",
    "description": "Kim Jong Un left the Vostochny cosmodrome after talks with Vladimir Putin.",
    "filename": "https%3A%2F%2Ftass.com%2Fpolitics%2F1673001.json",
    "image_url": "https://tass.com/img/1.jpg",
    "language": "en",
    "localpath": null,
    "maintext": "Kim Jong Un left the Vostochny cosmodrome on Wednesday evening after more than four hours of talks with Vladimir Putin.\n\nThe two leaders toured the launch pads and discussed cooperation in space, the Kremlin said.",
    "source_domain": "tass.com",
    "text": null,
    "title": "Kim leaves Vostochny after talks with Putin",
    "title_page": null,
    "title_rss": null,
    "url": "https://tass.com/politics/1673001"
  }
]"#;

const TRAFILATURA_JSON: &str = r#"{"title": "Russia and North Korea open a road bridge project", "author": "Staff", "hostname": "themoscowtimes.com", "date": "2024-06-19", "fingerprint": "ffc29e8a1", "id": null, "license": null, "comments": "", "raw_text": "Russia and North Korea agreed to build a road bridge across the Tumen River. The bridge will link Khasan and Tumangang.", "text": "Russia and North Korea agreed to build a road bridge across the Tumen River.\nThe bridge will link Khasan and Tumangang.", "language": "en", "image": null, "pagetype": "article", "source": "https://www.themoscowtimes.com/2024/06/19/bridge-a1", "source-hostname": "The Moscow Times", "excerpt": "Russia and North Korea agreed to build a road bridge.", "categories": "", "tags": "Tumen River;bridge"}
"#;

const TRAFILATURA_CSV: &str = "url\tid\tfingerprint\thostname\ttitle\timage\tdate\ttext\tcomments\tlicense\tpagetype\n\
https://www.nknews.org/2019/04/kim-arrives\t\tab12\tnknews.org\tKim arrives in Vladivostok by train\t\t2019-04-24\tKim Jong Un arrived in Vladivostok on Wednesday aboard his armoured train, ahead of his first summit with Vladimir Putin.\t\t\tarticle\n";

const MEDIA_CLOUD: &str = "id,indexed_date,language,media_name,media_url,publish_date,title,url\n\
c0ffee01,2019-04-26 03:00:00,en,rt.com,rt.com,2019-04-25 14:05:00,\"Putin, Kim hold first summit on Russky Island\",https://www.rt.com/news/457507-putin-kim-summit/\n\
c0ffee02,2019-04-26 03:10:00,en,tass.com,tass.com,2019-04-25 18:00:00,Putin says Kim needs security guarantees,https://tass.com/politics/1055663\n";

#[test]
fn the_exports_of_common_tools_become_articles_named_by_their_rows() {
    let (_dir, result) = ingest(&[
        ("news-please.json", NEWS_PLEASE),
        ("trafilatura.jsonl", TRAFILATURA_JSON),
        ("trafilatura.csv", TRAFILATURA_CSV),
        ("mediacloud.csv", MEDIA_CLOUD),
    ]);
    let ingested = result.unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(ingested.corpus.len(), 5);

    let np = by_source(&ingested, "news-please.json item 1");
    assert_eq!(np.headline, "Kim leaves Vostochny after talks with Putin");
    assert_eq!(np.date.unwrap().to_string(), "2023-09-13");
    assert_eq!(np.outlet.as_deref(), Some("tass.com"));
    assert_eq!(np.url.as_deref(), Some("https://tass.com/politics/1673001"));
    assert_eq!(np.paragraphs.len(), 2);
    assert_eq!(
        np.date_source.provenance,
        Provenance::Column("date_publish".into())
    );
    assert_eq!(np.headline_source.describe(), "from the field “title”");

    let tj = by_source(&ingested, "trafilatura.jsonl item 1");
    assert_eq!(tj.outlet.as_deref(), Some("The Moscow Times"));
    // Its `source` is the address, and `text` (not `raw_text`) the body.
    assert_eq!(
        tj.url.as_deref(),
        Some("https://www.themoscowtimes.com/2024/06/19/bridge-a1")
    );
    assert_eq!(tj.tags, ["Tumen River", "bridge"]);
    assert!(tj.paragraphs[0].starts_with("Russia and North Korea agreed"));

    let tc = by_source(&ingested, "trafilatura.csv row 1");
    assert_eq!(tc.headline, "Kim arrives in Vladivostok by train");
    assert_eq!(tc.outlet.as_deref(), Some("nknews.org"));
    assert_eq!(tc.date.unwrap().to_string(), "2019-04-24");

    // A Media Cloud story list has no text: headline-only articles, dated and linked.
    let mc = by_source(&ingested, "mediacloud.csv row 1");
    assert_eq!(mc.headline, "Putin, Kim hold first summit on Russky Island");
    assert!(mc.paragraphs.is_empty());
    assert_eq!(mc.outlet.as_deref(), Some("rt.com"));
    assert_eq!(mc.date.unwrap().to_string(), "2019-04-25");
    assert_eq!(
        mc.url.as_deref(),
        Some("https://www.rt.com/news/457507-putin-kim-summit/")
    );
    // Stated by the export (`language: en`), or detected from the text.
    assert_eq!(mc.language.as_deref(), Some("English"));
    assert_eq!(np.language.as_deref(), Some("English"));
    assert_eq!(tc.language.as_deref(), Some("English"));
    let second = by_source(&ingested, "mediacloud.csv row 2");
    assert_ne!(
        mc.slug, second.slug,
        "headline-only rows are not merged as duplicates"
    );
}

#[test]
fn a_row_with_bad_quoting_fails_the_build_at_its_line() {
    let (dir, result) = ingest(&[(
        "stories.csv",
        "title,date,text\nFine,2019-04-25,Body.\n\"Kim arrives,2019-04-24,Body two.\nTalks,2019-04-25,Body three.\n",
    )]);
    let report = result.expect_err("a broken row must fail the build");
    let lines = lines(&dir, &report);
    assert!(
        lines.iter().any(|l| l.contains("stories.csv:3:")
            && l.contains("this row has 1 field but the header has 3")
            && l.contains("double quotes")),
        "{lines:#?}"
    );
}

#[test]
fn a_json_value_of_the_wrong_type_fails_the_build_at_its_object() {
    let (dir, result) = ingest(&[(
        "items.json",
        "[\n  {\"title\": \"Fine\", \"text\": \"Body.\"},\n  {\"title\": \"Dated\", \"text\": \"Body.\", \"date\": {\"year\": 2019}}\n]\n",
    )]);
    let lines = lines(&dir, &result.expect_err("a wrong type must fail the build"));
    assert!(
        lines.iter().any(|l| l.contains("items.json:3:")
            && l.contains("\"date\" of article 2 is an object, not text")),
        "{lines:#?}"
    );
}

#[test]
fn rows_without_articles_and_files_of_something_else_are_left_out_by_name() {
    let (_dir, result) = ingest(&[
        (
            "stories.csv",
            "title,text\nKim arrives,He arrived by train.\n,\n",
        ),
        ("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}"),
        ("prices.csv", "item,price\nrice,3\n"),
    ]);
    let ingested = result.unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(ingested.corpus.len(), 1);
    let left: Vec<String> = ingested
        .corpus
        .left_out()
        .iter()
        .map(|l| format!("{}: {}", l.source, l.reason))
        .collect();
    assert!(
        left.iter()
            .any(|l| l == "stories.csv row 2: stories.csv row 2 has neither a title nor a text"),
        "{left:#?}"
    );
    assert!(
        left.iter()
            .any(|l| l.starts_with("package.json: the JSON object holds no array")),
        "{left:#?}"
    );
    assert!(
        left.iter()
            .any(|l| l.starts_with("prices.csv: no column of the export holds a title")),
        "{left:#?}"
    );
}

#[test]
fn columns_named_in_the_config_are_used_and_checked() {
    let (_dir, result) = ingest(&[
        (
            "dateline.toml",
            "[columns]\ntitle = \"Story Headline\"\ntext = \"Story Body\"\ndate = \"When\"\n",
        ),
        (
            "export.csv",
            "Story Headline,When,Story Body\nKim arrives,25/04/2019,He arrived by train on Wednesday.\n",
        ),
    ]);
    let ingested = result.unwrap_or_else(|r| panic!("{r}"));
    let a = by_source(&ingested, "export.csv row 1");
    assert_eq!(a.headline, "Kim arrives");
    assert_eq!(a.date.unwrap().to_string(), "2019-04-25");

    let (dir, result) = ingest(&[
        ("dateline.toml", "[columns]\ntitle = \"Headline Text\"\n"),
        ("export.csv", "title,text\nKim arrives,Body.\n"),
    ]);
    let lines = lines(
        &dir,
        &result.expect_err("a misnamed column must fail the build"),
    );
    assert!(
        lines.iter().any(|l| l.contains("export.csv:1:")
            && l.contains("title = \"Headline Text\"")
            && l.contains("the columns are: title, text")),
        "{lines:#?}"
    );
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Korea &amp; Russia Wire</title>
  <item>
    <title>Putin &#8211; Kim talks &quot;productive&quot;</title>
    <link>https://wire.example/putin-kim</link>
    <pubDate>Thu, 25 Apr 2019 14:00:00 +0000</pubDate>
    <content:encoded><![CDATA[<p>Vladimir Putin called the talks with Kim Jong Un productive.</p><p>The leaders met for three hours.</p>]]></content:encoded>
  </item>
  <item>
    <title>Kim leaves Vladivostok</title>
    <link>https://wire.example/kim-leaves</link>
    <pubDate>Fri, 26 Apr 2019 09:00:00 +0000</pubDate>
    <description>Kim Jong Un left Vladivostok by train on Friday.</description>
  </item>
</channel>
</rss>
"#;

#[test]
fn feed_items_are_articles_with_the_feeds_dates_and_summaries_marked() {
    let (_dir, result) = ingest(&[
        ("wire.rss", RSS),
        (
            "sitemap.xml",
            "<urlset><url><loc>https://a.example/</loc></url></urlset>",
        ),
    ]);
    let ingested = result.unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(ingested.corpus.len(), 2);
    let full = by_source(&ingested, "wire.rss item 1");
    // Entities decoded: an en dash and quotes.
    assert_eq!(full.headline, "Putin \u{2013} Kim talks \"productive\"");
    assert_eq!(full.outlet.as_deref(), Some("Korea & Russia Wire"));
    assert_eq!(full.date.unwrap().to_string(), "2019-04-25");
    assert_eq!(full.date_source.describe(), "from the field “pubDate”");
    assert_eq!(full.paragraphs.len(), 2);
    assert!(full.tags.is_empty());
    let summary = by_source(&ingested, "wire.rss item 2");
    assert_eq!(summary.tags, ["feed summary"]);
    assert_eq!(summary.paragraphs.len(), 1);
    assert_eq!(left_out(&ingested), ["sitemap.xml"]);
}

/// One WARC record: its headers, the archived HTTP message, and the two line ends after it.
fn warc_record(kind: &str, id: u32, uri: &str, message: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n\
         WARC-Date: 2026-11-30T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        message.len()
    )
    .into_bytes();
    record.extend_from_slice(message);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// Each record its own gzip member, as `.warc.gz` files are written.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, record).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

const ARCHIVED_PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Russia and North Korea sign a treaty | Korea Wire</title>
<meta property="og:site_name" content="Korea Wire">
<meta property="article:published_time" content="2024-06-19T10:00:00+09:00">
</head><body><article><h1>Russia and North Korea sign a treaty</h1>
<p>The two governments said on Wednesday that the treaty, signed in Pyongyang by their leaders, pledges mutual assistance if either country is attacked.</p>
<p>The treaty replaces agreements from 1961 and 2000, officials said, and covers trade, science and security cooperation between the two countries.</p>
<p>Analysts in Seoul said the pact marked the closest ties between Moscow and Pyongyang since the end of the Cold War.</p>
</article></body></html>"#;

#[test]
fn web_archive_pages_are_articles_dated_by_the_page_not_the_capture() {
    let mut page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    page.extend(format!("{:x}\r\n{ARCHIVED_PAGE}\r\n0\r\n\r\n", ARCHIVED_PAGE.len()).as_bytes());
    let records = [
        warc_record("warcinfo", 1, "", b"software: test\r\n"),
        warc_record(
            "request",
            2,
            "https://wire.example/treaty",
            b"GET /treaty HTTP/1.1\r\nHost: wire.example\r\n\r\n",
        ),
        warc_record("response", 3, "https://wire.example/treaty", &page),
        warc_record(
            "response",
            4,
            "https://wire.example/old",
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://wire.example/treaty\r\n\r\n",
        ),
        warc_record(
            "response",
            5,
            "https://wire.example/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("crawl.warc.gz"), gzip_members(&records)).unwrap();
    fs::write(
        dir.path().join("empty.warc"),
        b"not a web archive at all\r\n",
    )
    .unwrap();
    let ingested = ingest_dir(dir.path()).unwrap_or_else(|r| panic!("{r}"));

    assert_eq!(ingested.corpus.len(), 1);
    let a = by_source(&ingested, "crawl.warc.gz https://wire.example/treaty");
    assert_eq!(a.headline, "Russia and North Korea sign a treaty");
    assert_eq!(a.outlet.as_deref(), Some("Korea Wire"));
    // The page's own date, not the capture's (2026-11-30).
    assert_eq!(a.date.unwrap().to_string(), "2024-06-19");
    assert_eq!(a.url.as_deref(), Some("https://wire.example/treaty"));
    assert_eq!(
        a.paragraphs.len(),
        3,
        "{:#?}",
        a.paragraphs.iter().map(|p| p.as_str()).collect::<Vec<_>>()
    );
    let warnings: Vec<String> = ingested
        .warnings
        .iter()
        .map(|w| w.problem.clone())
        .collect();
    assert!(
        warnings.iter().any(|w| w
            == "4 records of the archive are not article pages and were not read: 1 images, 1 redirects, 2 requests, metadata and other records"),
        "{warnings:#?}"
    );
    assert_eq!(left_out(&ingested), ["empty.warc"]);
}

#[test]
fn a_field_that_cannot_be_used_is_a_warning_at_its_row_with_its_own_fix() {
    let (dir, result) = ingest(&[(
        "stories.csv",
        "title,date,url,text\nFine,2019-04-25,https://a.example/1,Body one.\nKim arrives,soon,see above,He arrived by train on 24 April 2019.\n",
    )]);
    let ingested = result.unwrap_or_else(|r| panic!("{r}"));
    let kim = by_source(&ingested, "stories.csv row 2");
    // Looked for in the text instead, which does not state it as a publication date.
    assert_eq!(kim.date, None);
    assert_eq!(kim.url, None);
    let report = Report {
        diagnostics: ingested.warnings.clone(),
    };
    let lines = lines(&dir, &report);
    assert!(
        lines.iter().any(|l| l.starts_with("stories.csv:3: warning: stories.csv row 2: the column “date” holds “soon”, which is not a date")
            && l.contains("write the date as YYYY-MM-DD")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("stories.csv:3: warning: stories.csv row 2: the column “url” holds “see above”, which is not a web address")),
        "{lines:#?}"
    );
}
