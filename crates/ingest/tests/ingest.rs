//! Ingestion of whole corpus folders: the shipped seed corpus, and broken corpora that must fail
//! with every problem named by path and line. (One integration test binary for the crate.)

use dateline_ingest::{ingest_dir, Report};
use std::fs;
use std::path::{Path, PathBuf};

fn seed_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Publisher chrome, banners, date lines and captions of the seed scrapes: none may reach a body.
const SEED_CHROME: &[&str] = &[
    "Support The Moscow Times",
    "Read more",
    "Independent journalism",
    "As the only remaining independent",
    "Please consider making",
    "paiment methods",
    "Remind me later",
    "small favor to ask",
    "Sign up for our free weekly newsletter",
    "Subscribers agree",
    "Dear readers",
    "Click to start listening",
    "Nation Press",
    "Enjoying ad-free content?",
    "Monday, 25th March 2019",
    "Wednesday, 22nd January 2025",
    "smiling as he meets athletes",
];

fn assert_no_chrome(source: &str, body: &str) {
    for c in SEED_CHROME {
        assert!(!body.contains(c), "{source}: body contains {c:?}");
    }
}

/// Writes `files` (name, bytes) into a fresh folder and ingests it.
fn ingest_files(
    files: &[(&str, &[u8])],
) -> (tempfile::TempDir, Result<dateline_ingest::Ingested, Report>) {
    ingest_files_with(files, dateline_ingest::Options::default())
}

/// [`ingest_files`] with these options.
fn ingest_files_with(
    files: &[(&str, &[u8])],
    options: dateline_ingest::Options,
) -> (tempfile::TempDir, Result<dateline_ingest::Ingested, Report>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let result = dateline_ingest::ingest_dir_with(dir.path(), options, &mut |_, _| {});
    (dir, result)
}

/// Files held as owned bytes, viewed as [`ingest_files`] takes them.
fn view<N: AsRef<str>>(files: &[(N, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    files.iter().map(|(n, b)| (n.as_ref(), &b[..])).collect()
}

/// The report's lines with the temporary folder taken out of the paths.
fn report_lines(dir: &Path, report: &Report) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    report
        .diagnostics
        .iter()
        .map(|d| d.to_string().replace(&prefix, ""))
        .collect()
}

mod seed_corpus {
    use super::*;

    // The METADATA facts: headline, outlet and date of each seed, in publication order.
    const EXPECTED: [(&str, &str, &str); 5] = [
        (
            "2014-10-29",
            "The Moscow Times",
            "Russia and North Korea Discuss Visa-Free Regime",
        ),
        (
            "2016-02-04",
            "The Moscow Times",
            "Russia Signs Deal to Hand Over North Korean Refugees",
        ),
        (
            "2019-03-25",
            "WIC News",
            "North Korea’s Kim may visit Russia to meet Putin",
        ),
        (
            "2024-06-17",
            "The Moscow Times",
            "Kremlin Confirms Putin's Trip to North Korea",
        ),
        (
            "2025-03-27",
            "NationPress",
            "Preparations in Progress for Kim Jong-un's Upcoming Visit to Russia",
        ),
    ];

    #[test]
    fn ingests_all_five_in_date_order_without_warnings() {
        let ingested = ingest_dir(&seed_corpus()).unwrap();
        assert_eq!(ingested.warnings, []);
        let got: Vec<_> = ingested
            .corpus
            .articles()
            .iter()
            .map(|a| {
                (
                    a.date.unwrap().to_string(),
                    a.outlet.as_deref().unwrap_or("?"),
                    a.headline.as_str(),
                )
            })
            .collect();
        let expected: Vec<_> = EXPECTED
            .iter()
            .map(|(d, o, h)| (d.to_string(), *o, *h))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn slugs_are_date_and_headline_words() {
        let ingested = ingest_dir(&seed_corpus()).unwrap();
        let slugs: Vec<_> = ingested
            .corpus
            .articles()
            .iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(
            slugs,
            [
                "2014-10-29-russia-and-north-korea-discuss-visa-free-regime",
                "2016-02-04-russia-signs-deal-to-hand-over-north-korean",
                "2019-03-25-north-koreas-kim-may-visit-russia-to-meet",
                "2024-06-17-kremlin-confirms-putins-trip-to-north-korea",
                "2025-03-27-preparations-in-progress-for-kim-jong-uns-upcoming",
            ]
        );
    }

    #[test]
    fn bodies_hold_the_article_and_none_of_the_publisher_chrome() {
        let ingested = ingest_dir(&seed_corpus()).unwrap();
        for article in ingested.corpus.articles() {
            let body = article.body_text();
            assert_no_chrome(&article.source, &body);
            assert!(
                !article
                    .paragraphs
                    .iter()
                    .any(|p| p.as_str() == article.headline),
                "{}: headline in body",
                article.source
            );
        }
        let kremlin = ingested
            .corpus
            .find("2024-06-17-kremlin-confirms-putins-trip-to-north-korea")
            .unwrap();
        assert!(kremlin.paragraphs[0].starts_with("Russian President Vladimir Putin will visit"));
        assert!(kremlin
            .paragraphs
            .last()
            .unwrap()
            .ends_with("working relations with Pyongyang."));
    }
}

/// The seed corpus read from its text alone: no sidecars, and (second test) no `dateline.toml`
/// either, so only the generic detectors clean it.
mod seed_corpus_text_only {
    use super::*;
    use dateline_core::Confidence;
    use dateline_ingest::{ingest_dir_with, Options};

    const TEXT_ONLY: Options = Options {
        use_metadata: false,
        strict: false,
    };

    fn ingest(dir: &Path) -> dateline_ingest::Ingested {
        ingest_dir_with(dir, TEXT_ONLY, &mut |_, _| {}).unwrap()
    }

    /// The seed texts copied into a folder of their own, without any corpus file.
    fn bare_seeds() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for entry in fs::read_dir(seed_corpus()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
            }
        }
        dir
    }

    #[test]
    fn headlines_outlets_and_the_dates_the_text_states() {
        for dir in [seed_corpus(), bare_seeds().keep()] {
            let ingested = ingest(&dir);
            let mut got: Vec<_> = ingested
                .reports
                .iter()
                .map(|r| {
                    (
                        r.source.as_str(),
                        r.headline.value.clone().unwrap(),
                        r.outlet.value.clone(),
                        r.date.value.clone(),
                    )
                })
                .collect();
            got.sort();
            let s = |v: &str| Some(v.to_owned());
            assert_eq!(
                got,
                [
                    (
                        "000_520e193af42e8ff7.txt",
                        "Russia and North Korea Discuss Visa-Free Regime".into(),
                        s("The Moscow Times"),
                        None
                    ),
                    // The page's "today" header (22 January 2025) is not the date; the text
                    // names no outlet of its own (WIC News republished a Korea Times report).
                    (
                        "001_38a6156a7a003cab.txt",
                        "North Korea’s Kim may visit Russia to meet Putin".into(),
                        None,
                        s("2019-03-25")
                    ),
                    // "Since July 1, 2024" is the appeal's date, not the article's.
                    (
                        "002_ad0e1c6850c647df.txt",
                        "Kremlin Confirms Putin's Trip to North Korea".into(),
                        s("The Moscow Times"),
                        None
                    ),
                    // "Jan. 27" is a date in the story.
                    (
                        "003_d05cbbe8e6357a1e.txt",
                        "Russia Signs Deal to Hand Over North Korean Refugees".into(),
                        s("The Moscow Times"),
                        None
                    ),
                    // "Seoul, March 27 (NationPress)" + "on Thursday" + years mentioned up to 2023.
                    (
                        "004_2fae1edb71ee4543.txt",
                        "Preparations in Progress for Kim Jong-un's Upcoming Visit to Russia"
                            .into(),
                        s("NationPress"),
                        s("2025-03-27")
                    ),
                ],
                "in {dir:?}"
            );
            let nation = ingested
                .reports
                .iter()
                .find(|r| r.source.starts_with("004"))
                .unwrap();
            assert_eq!(nation.place.as_deref(), Some("Seoul"));
            assert_eq!(nation.date.source.confidence, Confidence::Medium);
            let wic = ingested
                .reports
                .iter()
                .find(|r| r.source.starts_with("001"))
                .unwrap();
            assert_eq!(wic.date.source.confidence, Confidence::High);
            assert!(
                wic.date
                    .source
                    .describe()
                    .contains("Monday, 25th March 2019"),
                "{:?}",
                wic.date
            );
        }
    }

    #[test]
    fn no_boilerplate_in_any_body_even_without_configured_patterns() {
        let dir = bare_seeds();
        let ingested = ingest(dir.path());
        for article in ingested.corpus.articles() {
            let body = article.body_text();
            assert_no_chrome(&article.source, &body);
        }
        let visa = ingested
            .corpus
            .articles()
            .iter()
            .find(|a| a.source.starts_with("000"))
            .unwrap();
        assert_eq!(visa.captions, ["North Korean leader Kim Jong Un smiling as he meets athletes who won gold medals at the 17th Asian Games."]);
        assert!(visa.paragraphs[0].starts_with("Russia and North Korea have discussed"));
        assert!(visa
            .paragraphs
            .last()
            .unwrap()
            .contains("will not happen instantaneously"));
        let kim = ingested
            .corpus
            .articles()
            .iter()
            .find(|a| a.source.starts_with("001"))
            .unwrap();
        assert!(
            kim.paragraphs[0].ends_with("according to North Korea watchers."),
            "{:?}",
            kim.paragraphs[0]
        );
        let refugees = ingested
            .corpus
            .articles()
            .iter()
            .find(|a| a.source.starts_with("003"))
            .unwrap();
        assert!(refugees
            .paragraphs
            .last()
            .unwrap()
            .contains("Strengthening the friendship with blood"));
    }
}

mod broken_corpora {
    use super::*;

    #[test]
    fn every_hand_written_mistake_is_reported_at_once_with_path_line_and_fix() {
        let (dir, result) = ingest_files(&[
            ("a.txt", b"Headline\n\nBody."),
            (
                "a.meta.toml",
                b"headline = \"A\"\n\npublished = 2019-13-01\n",
            ),
            ("b.txt", b"Headline\nBody \xff\xfe here."),
            ("c.txt", b"  \n\n"),
            ("d.meta.toml", b"headline = \"orphan\""),
            ("e.txt", b"Headline\nBody."),
            (
                "e.meta.toml",
                b"outlet = \"X\"\nurl = \"ftp://x\"\ncolour = \"red\"",
            ),
            ("f.meta.toml", b"headline = \"Caf\xe9\""),
            ("f.txt", b"Headline\nBody."),
        ]);
        let report = result.unwrap_err();
        let lines = report_lines(dir.path(), &report);
        let starts = [
            "a.meta.toml:3: invalid date",
            "d.meta.toml: metadata for d.txt (or .md, .html) but no such article file — rename the sidecar",
            "e.meta.toml:3: unknown field `colour`",
            "f.meta.toml:1: byte 15 is not UTF-8 text — save the file as UTF-8",
        ];
        assert_eq!(report.errors().count(), starts.len(), "{lines:#?}");
        for (line, start) in lines.iter().zip(starts) {
            assert!(
                line.starts_with(start),
                "{line:?} should start with {start:?}"
            );
            assert!(line.contains(" — "), "{line:?} gives no fix");
        }
        // What is wrong with an article file itself is a warning beside them: never an error.
        assert!(lines.contains(&"c.txt: warning: left out: the file is empty (or holds only white space and invisible characters) — put the article text in it, or delete it".to_owned()), "{lines:#?}");
        assert!(report
            .to_string()
            .ends_with("the corpus was not built: 4 errors to fix"));
    }

    #[test]
    fn missing_and_empty_folders_fail_with_a_fix() {
        let report = ingest_dir(Path::new("/no/such/folder")).unwrap_err();
        assert!(
            report.to_string().contains("cannot read the corpus folder"),
            "{report}"
        );
        let (_dir, result) = ingest_files(&[("notes.pdf", b"not an article")]);
        let text = result.unwrap_err().to_string();
        assert!(
            text.contains("holds no .txt, .md or .html article"),
            "{text}"
        );
        assert!(
            text.contains("notes.pdf: warning: left out: not an article file"),
            "{text}"
        );
    }

    #[test]
    fn an_article_over_the_size_limit_is_left_out_by_name() {
        let big = format!("Headline\n{}", "word ".repeat(100));
        let (dir, result) = ingest_files(&[
            ("dateline.toml", b"[limits]\nmax_article_bytes = 200\n"),
            ("small.txt", b"Head\nBody."),
            ("big.txt", big.as_bytes()),
        ]);
        let ingested = result.unwrap();
        assert_eq!(ingested.corpus.len(), 1);
        let prefix = format!("{}/", dir.path().display());
        let left_out: Vec<String> = ingested
            .left_out()
            .map(|d| d.to_string().replace(&prefix, ""))
            .collect();
        assert_eq!(
            left_out,
            [
                "big.txt: warning: left out: the file is 509 bytes, more than the limit of 200 per article — \
              trim it to the article, or raise max_article_bytes under [limits] in dateline.toml"
            ],
        );
    }

    #[test]
    fn a_corpus_over_the_count_limit_fails_the_build() {
        let (_dir, result) = ingest_files(&[
            ("dateline.toml", b"[limits]\nmax_articles = 2\n"),
            ("a.txt", b"A\nOne."),
            ("b.txt", b"B\nTwo."),
            ("c.txt", b"C\nThree."),
        ]);
        let text = result.unwrap_err().to_string();
        assert!(
            text.contains("the corpus holds 3 articles, more than the limit of 2")
                && text.contains("raise max_articles under [limits] in dateline.toml"),
            "{text}"
        );
        // At the limit, it builds.
        let (_dir, result) = ingest_files(&[
            ("dateline.toml", b"[limits]\nmax_articles = 2\n"),
            ("a.txt", b"A\nOne."),
            ("b.txt", b"B\nTwo."),
        ]);
        assert_eq!(result.unwrap().corpus.len(), 2);
    }

    #[test]
    fn a_bad_config_file_names_its_line() {
        let (dir, result) = ingest_files(&[
            ("dateline.toml", b"[boilerplate]\n\nend_markerz = []\n"),
            ("a.txt", b"Head\nBody."),
        ]);
        let lines = report_lines(dir.path(), &result.unwrap_err());
        let errors = lines.iter().filter(|l| !l.contains(": warning: ")).count();
        assert_eq!(errors, 1, "{lines:#?}");
        assert!(
            lines[0].starts_with("dateline.toml:3: unknown field `end_markerz`"),
            "{lines:?}"
        );
    }
}

/// Folders as users bring them: files in other encodings, texts without a headline line, and
/// files that give no article. Every file becomes an article or is named in the report; one
/// bad file never sinks the corpus, unless the corpus asks to be strict.
mod real_folders {
    use super::*;
    use dateline_ingest::report::How;
    use dateline_ingest::Options;

    const STORY: &str = "Russia and North Korea have discussed establishing a visa-free regime, Far East Development Minister Alexander Galushka said on Tuesday. The issue came up during a recent trip to Pyongyang, Interfax reported.";

    fn encode(label: &str, text: &str) -> Vec<u8> {
        let (bytes, _, bad) = encoding_rs::Encoding::for_label(label.as_bytes())
            .unwrap()
            .encode(text);
        assert!(!bad);
        bytes.into_owned()
    }

    /// The left-out files as (source, problem).
    fn left_out(ingested: &dateline_ingest::Ingested) -> Vec<(String, String)> {
        ingested
            .left_out()
            .map(|d| (d.left_out.clone().unwrap(), d.problem.clone()))
            .collect()
    }

    fn messy_folder() -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("good.txt", format!("Kim Visits the Russian Far East\n\n{STORY}").into_bytes()),
            ("empty.txt", b" \n\n".to_vec()),
            ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec()),
            ("login.html", b"<html><head><title>Sign in</title></head><body><form><input name=u></form></body></html>".to_vec()),
            ("photo.jpg", b"\xFF\xD8\xFF\xE0".to_vec()),
            ("saved/page.html", format!("<html><head><title>Kim in Vladivostok</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>").into_bytes()),
            ("saved/page_files/ad.html", b"<html><body><p>Buy now, a long advertisement sentence that is not an article at all.</p></body></html>".to_vec()),
            ("saved/page_files/logo.png", b"\x89PNG\r\n\x1a\n".to_vec()),
        ]
    }

    #[test]
    fn a_folder_with_files_that_give_no_article_builds_and_names_each() {
        let (_dir, result) = ingest_files(&view(&messy_folder()));
        let ingested = result.expect("the good files build");
        let sources: Vec<&str> = ingested
            .corpus
            .articles()
            .iter()
            .map(|a| a.source.as_str())
            .collect();
        assert_eq!(sources.len(), 2, "{sources:?}");
        assert!(sources.contains(&"good.txt") && sources.contains(&"saved/page.html"));
        let expected = [
            (
                "empty.txt",
                "the file is empty (or holds only white space and invisible characters)",
            ),
            ("login.html", "no article text found in the page"),
            ("photo.jpg", "not an article file"),
            ("scan.txt", "the file is not text but a PDF document"),
        ];
        let got = left_out(&ingested);
        assert_eq!(got.len(), expected.len(), "{got:#?}");
        // A saved page's own folder is named, not counted as a file left out.
        assert!(ingested
            .warnings
            .iter()
            .any(|w| w.path.ends_with("saved/page_files")
                && w.problem
                    == "the images, scripts and frames of a saved page (2 files), not read"));
        for ((source, problem), (want_source, want_problem)) in got.iter().zip(expected) {
            assert_eq!(source, want_source);
            assert!(problem.starts_with(want_problem), "{source}: {problem}");
        }
        // The corpus carries the same list, for the page.
        let carried: Vec<&str> = ingested
            .corpus
            .left_out()
            .iter()
            .map(|l| l.source.as_str())
            .collect();
        assert_eq!(
            carried,
            got.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn strict_makes_every_left_out_file_an_error() {
        let mut files = messy_folder();
        let strict = Options {
            strict: true,
            ..Options::default()
        };
        let (dir, result) = ingest_files_with(&view(&files), strict);
        let report = result.expect_err("strict refuses");
        assert_eq!(report.errors().count(), 4, "{report}");
        // Each once, as an error; and the saved page's folder, as the warning it always is.
        assert_eq!(report.diagnostics.len(), 4 + 1, "{report}");
        assert!(report_lines(dir.path(), &report).contains(&"empty.txt: left out: the file is empty (or holds only white space and invisible characters) — put the article text in it, or delete it".to_owned()));
        // The same from dateline.toml.
        files.push(("dateline.toml", b"strict = true\n".to_vec()));
        let (_dir, result) = ingest_files(&view(&files));
        assert_eq!(result.expect_err("strict refuses").errors().count(), 4);
    }

    #[test]
    fn files_in_any_encoding_are_read_and_the_guess_is_reported() {
        let russian = "Россия и КНДР обсудили безвизовый режим\n\nМинистр по развитию Дальнего Востока Александр Галушка сообщил во вторник, что стороны обсудили переход к безвизовому режиму.";
        let korean = "러시아와 북한, 무비자 제도 논의\n\n알렉산드르 갈루시카 러시아 극동개발부 장관은 최근 평양 방문 중에 양국이 무비자 제도 도입을 논의했다고 밝혔다.";
        let french = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>La Russie et la Corée du Nord discutent d’un régime sans visa</title></head><body><article><p>Le ministre russe du Développement de l’Extrême-Orient a déclaré que les deux pays avaient évoqué la suppression des visas lors d’une récente visite à Pyongyang, selon l’agence Interfax.</p><p>« C’est une étape importante », a-t-il précisé mardi devant la presse, à Vladivostok, où il présentait les projets de coopération économique.</p></article></body></html>".replace('’', "'");
        let mut utf16 = vec![0xFF, 0xFE];
        let korean_again = korean.replace("논의했다고", "협의했다고");
        utf16.extend(korean_again.encode_utf16().flat_map(u16::to_le_bytes));
        let files = [
            ("ru-1251.txt", encode("windows-1251", russian)),
            (
                "ru-koi8.md",
                encode("koi8-r", &russian.replacen("Россия", "Россия и КНДР:", 1)),
            ),
            ("ko-euc.txt", encode("euc-kr", korean)),
            ("ko-utf16.txt", utf16),
            ("fr.html", encode("windows-1252", &french)),
        ];
        let (_dir, result) = ingest_files(&view(&files));
        let ingested = result.expect("every encoding reads");
        let by_source = |source: &str| {
            ingested
                .reports
                .iter()
                .find(|r| r.source == source)
                .unwrap_or_else(|| panic!("{source} missing"))
        };
        for (source, name, how) in [
            ("ru-1251.txt", "windows-1251", How::Guessed),
            ("ru-koi8.md", "KOI8-U", How::Guessed),
            ("ko-euc.txt", "EUC-KR", How::Guessed),
            ("ko-utf16.txt", "UTF-16LE", How::ByteOrderMark),
            ("fr.html", "windows-1252", How::Declared),
        ] {
            let r = by_source(source);
            assert_eq!((r.encoding.name, r.encoding.how), (name, how), "{source}");
            assert_eq!(r.encoding.note.is_some(), how == How::Guessed, "{source}");
        }
        assert_eq!(
            by_source("ru-1251.txt").headline.value.as_deref(),
            Some("Россия и КНДР обсудили безвизовый режим")
        );
        assert!(by_source("fr.html").body[0].contains("Développement de l'Extrême-Orient"));
        assert_eq!(
            by_source("ko-utf16.txt").headline.value.as_deref(),
            Some("러시아와 북한, 무비자 제도 논의")
        );
        // A guess is a warning that names the encoding.
        let guessed = ingested
            .warnings
            .iter()
            .filter(|w| w.problem.contains("guessed from its bytes"))
            .count();
        assert_eq!(guessed, 3);
    }

    #[test]
    fn a_page_dated_only_by_text_under_its_headline_is_low_confidence_with_a_warning() {
        let page = format!("<html lang=\"de\"><head><title>Kim in Wladiwostok</title></head><body><article><h1>Kim in Wladiwostok</h1><p>31. Mai 2012</p><p>{STORY}</p><p>{STORY}</p></article></body></html>");
        let (_dir, result) = ingest_files(&[("kim.html", page.as_bytes())]);
        let ingested = result.unwrap();
        let article = &ingested.corpus.articles()[0];
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            Some("2012-05-31")
        );
        assert_eq!(
            article.date_source.confidence,
            dateline_core::Confidence::Low
        );
        assert!(
            ingested.warnings.iter().any(|w| w
                .problem
                .contains("set published = YYYY-MM-DD if 2012-05-31 is wrong")),
            "{:#?}",
            ingested.warnings
        );
    }

    #[test]
    fn texts_that_are_one_paragraph_get_a_headline_from_their_first_sentence() {
        let stories = [
            "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Monday for talks with his North Korean counterpart, the state news agency KCNA reported. The visit is his first since 2018.",
            "North Korea and Russia signed an agreement on visa-free group tourism on Tuesday, according to the Russian embassy in Pyongyang, which said the first tourists could travel in the spring.",
            "Kim Jong Un inspected the Vostochny cosmodrome on Wednesday with Vladimir Putin, who said Russia would help North Korea build satellites. Western officials warned against any arms deal.",
        ];
        let files: Vec<(String, Vec<u8>)> = stories
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("story-{i}.txt"), s.as_bytes().to_vec()))
            .collect();
        let (_dir, result) = ingest_files(&view(&files));
        let ingested = result.expect("headline-less texts ingest");
        assert_eq!(ingested.corpus.len(), 3);
        for (i, story) in stories.iter().enumerate() {
            let article = ingested
                .corpus
                .articles()
                .iter()
                .find(|a| a.source == format!("story-{i}.txt"))
                .unwrap();
            assert_eq!(
                article.paragraphs,
                [*story],
                "the paragraph stays in the body"
            );
            assert!(
                story.starts_with(article.headline.trim_end_matches('…')),
                "{}",
                article.headline
            );
            assert!(
                article.headline.chars().count() <= 111,
                "{}",
                article.headline
            );
            assert!(matches!(
                article.headline_source.provenance,
                dateline_core::Provenance::Inferred(_)
            ));
        }
        let first = &ingested
            .corpus
            .articles()
            .iter()
            .find(|a| a.source == "story-0.txt")
            .unwrap()
            .headline;
        assert_eq!(first, "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Monday for talks with his North Korean…");
    }
}

mod without_metadata {
    use super::*;

    #[test]
    fn falls_back_to_the_first_line_and_warns_about_what_is_missing() {
        let (dir, result) = ingest_files(&[("sub/x.txt", b"\nThe Headline\n\nThe body.\n")]);
        let ingested = result.unwrap();
        let article = &ingested.corpus.articles()[0];
        assert_eq!(article.headline, "The Headline");
        assert_eq!(article.paragraphs, ["The body."]);
        assert_eq!(article.source, "sub/x.txt");
        assert_eq!(article.slug, "undated-the-headline");
        let prefix = format!("{}/", dir.path().display());
        let warnings: Vec<_> = ingested
            .warnings
            .iter()
            .map(|w| w.to_string().replace(&prefix, ""))
            .collect();
        assert_eq!(warnings.len(), 3, "{warnings:#?}");
        assert!(warnings
            .iter()
            .all(|w| w.starts_with("sub/x.txt: warning: ") && w.contains("x.meta.toml")));
    }

    #[test]
    fn duplicate_articles_are_merged_into_the_first_with_a_warning() {
        let (dir, result) = ingest_files(&[
            (
                "a.txt",
                b"Same Headline Here\n\nThe same body text, word for word.",
            ),
            ("a.meta.toml", b"tags = [\"first\"]"),
            (
                "b.txt",
                b"Same  Headline Here\n\nThe same body text, word for word.\n",
            ),
            ("b.meta.toml", b"tags = [\"second\", \"first\"]"),
        ]);
        let ingested = result.unwrap();
        assert_eq!(ingested.corpus.len(), 1);
        assert_eq!(ingested.corpus.articles()[0].tags, ["first", "second"]);
        let prefix = format!("{}/", dir.path().display());
        let warnings: Vec<_> = ingested
            .warnings
            .iter()
            .map(|w| w.to_string().replace(&prefix, ""))
            .collect();
        assert!(
            warnings.iter().any(
                |w| w.starts_with("b.txt: warning: same article text as a.txt; merged into it")
            ),
            "{warnings:#?}"
        );
    }

    #[test]
    fn identical_slugs_are_told_apart_by_their_text() {
        let (_dir, result) = ingest_files(&[("1.txt", b"Same\nOne."), ("2.txt", b"Same\nTwo.")]);
        let corpus = result.unwrap().corpus;
        assert_eq!(corpus.find("undated-same"), None);
        let sharing: Vec<&str> = corpus
            .sharing("undated-same")
            .iter()
            .map(|a| a.source.as_str())
            .collect();
        assert_eq!(sharing.len(), 2);
        for article in corpus.articles() {
            let suffix = article.slug.strip_prefix("undated-same-").unwrap();
            assert_eq!(suffix.len(), 6, "{}", article.slug);
        }
        // Renaming a file does not change its slug: the suffix comes from the text.
        let (_dir, renamed) = ingest_files(&[("9.txt", b"Same\nOne."), ("2.txt", b"Same\nTwo.")]);
        let renamed = renamed.unwrap().corpus;
        let slug_of = |corpus: &dateline_core::Corpus, text: &str| {
            corpus
                .articles()
                .iter()
                .find(|a| a.body_text() == text)
                .unwrap()
                .slug
                .clone()
        };
        assert_eq!(slug_of(&corpus, "One."), slug_of(&renamed, "One."));
    }
}

/// The `dateline-check` command as a user runs it.
mod check_command {
    use super::*;
    use std::process::Command;

    fn check(args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_dateline-check"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    #[test]
    fn reports_every_article_as_json() {
        let corpus = seed_corpus();
        let (code, stdout, _) = check(&["--json", corpus.to_str().unwrap()]);
        assert_eq!(code, 0);
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(json["ok"], true);
        assert_eq!(json["articles"].as_array().unwrap().len(), 5);
        assert_eq!(json["summary"]["dated"], 5);
        assert_eq!(json["articles"][0]["date"]["provenance"], "Metadata");
    }

    #[test]
    fn json_shows_what_was_kept_and_left_out_and_strict_fails() {
        let (dir, _) = ingest_files(&[
            ("a.txt", "Kim Visits Russia Again\n\nKim Jong Un arrived in Moscow on Monday.\n\nHe met Putin.".as_bytes()),
            ("b.txt", b"\xcf\xf5\xe5\xed\xfc\xff\xed \xe8 \xcc\xee\xf1\xea\xe2\xe0\n\n\xc2\xf1\xf2\xf0\xe5\xf7\xe0 \xf1\xee\xf1\xf2\xee\xff\xeb\xe0\xf1\xfc \xe2 \xcc\xee\xf1\xea\xe2\xe5 \xe2 \xef\xee\xed\xe5\xe4\xe5\xeb\xfc\xed\xe8\xea."),
            ("empty.md", b""),
        ]);
        let folder = dir.path().to_str().unwrap();
        let (code, stdout, _) = check(&["--json", folder]);
        assert_eq!(code, 0);
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let a = &json["articles"][0];
        assert_eq!(
            a["body"],
            serde_json::json!(["Kim Jong Un arrived in Moscow on Monday.", "He met Putin."])
        );
        assert_eq!(a["encoding"]["name"], "UTF-8");
        let b = &json["articles"][1];
        assert_eq!(b["headline"]["value"], "Пхеньян и Москва");
        assert_eq!(b["encoding"]["name"], "windows-1251");
        assert_eq!(b["encoding"]["how"], "guessed");
        assert_eq!(json["left_out"][0]["source"], "empty.md");
        assert_eq!(json["summary"]["left_out"], 1);
        assert_eq!(json["summary"]["encodings_guessed"], 1);

        let (code, _, stderr) = check(&["--strict", folder]);
        assert_eq!(code, 1);
        assert!(
            stderr.contains("empty.md: left out: the file is empty"),
            "{stderr}"
        );
    }

    #[test]
    fn text_report_shows_provenance_and_stripped_lines() {
        let corpus = seed_corpus();
        let (code, stdout, _) = check(&["--no-metadata", corpus.to_str().unwrap()]);
        assert_eq!(code, 0);
        assert!(
            stdout.contains("date      2019-03-25   [High] from line 7: “Monday, 25th March 2019”"),
            "{stdout}"
        );
        assert!(
            stdout
                .contains("banner above the headline              “Wednesday, 22nd January 2025”"),
            "{stdout}"
        );
        assert!(
            stdout.contains("5 articles: 2 dated, 4 with an outlet"),
            "{stdout}"
        );
    }

    #[test]
    fn fails_with_the_report_on_a_broken_corpus() {
        let (_dir, _) = ingest_files(&[]);
        let (code, _, stderr) = check(&[_dir.path().to_str().unwrap()]);
        assert_eq!(code, 1);
        assert!(
            stderr.contains("holds no .txt, .md or .html article"),
            "{stderr}"
        );
        let (code, _, stderr) = check(&["--bogus"]);
        assert_eq!(code, 2);
        assert!(stderr.contains("usage: dateline-check"), "{stderr}");
    }
}

/// Links never rot: an article's permalink (`?a=<slug>`) opens the same article after other
/// articles are added to or removed from the corpus and it is rebuilt; a removed article's link
/// gets the "no longer in this collection" notice.
mod link_stability {
    use super::*;
    use dateline_core::facets::Catalogue;
    use dateline_core::url_state::{parse_for, Notice};
    use std::collections::BTreeMap;

    fn slugs_by_source(dir: &Path) -> BTreeMap<String, String> {
        let ingested = ingest_dir(dir).unwrap();
        ingested
            .corpus
            .articles()
            .iter()
            .map(|a| (a.source.clone(), a.slug.clone()))
            .collect()
    }

    #[test]
    fn permalinks_survive_adding_and_removing_articles() {
        let dir = tempfile::tempdir().unwrap();
        for entry in fs::read_dir(seed_corpus()).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        let before = slugs_by_source(dir.path());
        assert_eq!(before.len(), 5);

        // Remove one article (with its sidecar); add two, one sorting before every seed file
        // and one dated between seed articles.
        let (removed_source, removed_slug) = before.iter().nth(2).unwrap();
        let stem = removed_source.trim_end_matches(".txt");
        fs::remove_file(dir.path().join(removed_source)).unwrap();
        let _ = fs::remove_file(dir.path().join(format!("{stem}.meta.toml")));
        fs::write(
            dir.path().join("!!first.txt"),
            "Lavrov Meets Choe Son Hui in Moscow\n\nMOSCOW, November 4, 2024. Talks went on.",
        )
        .unwrap();
        fs::write(
            dir.path().join("zz-last.md"),
            "# Railway Bridge Talks Resume\n\nPyongyang, 12 June 2017. The bridge at Khasan was discussed.",
        )
        .unwrap();

        let ingested = ingest_dir(dir.path()).unwrap();
        let after: BTreeMap<_, _> = ingested
            .corpus
            .articles()
            .iter()
            .map(|a| (a.source.clone(), a.slug.clone()))
            .collect();
        assert_eq!(after.len(), 6);
        for (source, slug) in &before {
            if source == removed_source {
                continue;
            }
            assert_eq!(
                after.get(source),
                Some(slug),
                "{source} changed its permalink"
            );
            // The old link opens that very article.
            let catalogue = Catalogue::new(&ingested.corpus);
            let parsed = parse_for(&format!("?a={slug}"), &ingested.corpus, &catalogue);
            let opened = parsed
                .state
                .article
                .as_deref()
                .and_then(|s| ingested.corpus.find(s));
            let opened = opened.map(|a| a.source.as_str());
            assert_eq!(opened, Some(source.as_str()));
        }
        let catalogue = Catalogue::new(&ingested.corpus);
        let gone = parse_for(&format!("?a={removed_slug}"), &ingested.corpus, &catalogue);
        assert_eq!(gone.state.article, None);
        assert_eq!(gone.notices, [Notice::UnknownArticle(removed_slug.clone())]);
    }

    // A newcomer with the same date and first headline words as an article already linked to
    // (and a file name that sorts first) never takes the old link over: both articles get
    // suffixes, and the old link lists them with the notice.
    #[test]
    fn a_newcomer_sharing_a_slug_never_takes_an_old_link_over() {
        let dir = tempfile::tempdir().unwrap();
        let old =
            "Putin Arrives in Pyongyang for Talks\n\nJune 19, 2024\n\nThe first visit in 24 years.";
        fs::write(dir.path().join("m-old.txt"), old).unwrap();
        let before = slugs_by_source(dir.path());
        let old_slug = &before["m-old.txt"];
        assert_eq!(old_slug, "2024-06-19-putin-arrives-in-pyongyang-for-talks");

        let newcomer = "Putin Arrives in Pyongyang for Talks\n\nJune 19, 2024\n\nA second report.";
        fs::write(dir.path().join("a-new.txt"), newcomer).unwrap();
        let ingested = ingest_dir(dir.path()).unwrap();
        let corpus = &ingested.corpus;
        assert_eq!(
            corpus.find(old_slug),
            None,
            "the old slug must not name either article"
        );
        let parsed = parse_for(&format!("?a={old_slug}"), corpus, &Catalogue::new(corpus));
        assert_eq!(parsed.state.article, None);
        let [Notice::SharedArticle { slug, candidates }] = parsed.notices.as_slice() else {
            panic!("{:?}", parsed.notices);
        };
        assert_eq!(slug, old_slug);
        let sources: Vec<&str> = candidates
            .iter()
            .map(|s| corpus.find(s).unwrap().source.as_str())
            .collect();
        assert_eq!(sources.len(), 2);
        assert!(sources.contains(&"m-old.txt") && sources.contains(&"a-new.txt"));

        // Each suffixed link keeps opening its article when a third one joins.
        let suffixed = slugs_by_source(dir.path());
        let third = "Putin Arrives in Pyongyang for Talks\n\nJune 19, 2024\n\nA third take.";
        fs::write(dir.path().join("0-third.txt"), third).unwrap();
        let after = slugs_by_source(dir.path());
        assert_eq!(after["m-old.txt"], suffixed["m-old.txt"]);
        assert_eq!(after["a-new.txt"], suffixed["a-new.txt"]);
    }
}
