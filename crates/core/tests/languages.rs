//! Search in a corpus of several languages: each article's words are stemmed in its language,
//! and a query's words in every language of the corpus.

use dateline_core::model::Text;
use dateline_core::search::{SearchIndex, Searcher};
use dateline_core::{Article, Corpus, Date, Sourced};

fn article(slug: &str, language: Option<&str>, headline: &str, body: &str) -> Article {
    Article {
        slug: slug.to_owned(),
        headline: headline.to_owned(),
        headline_source: Sourced::METADATA,
        outlet: Some("Wire".to_owned()),
        outlet_source: Sourced::METADATA,
        date: Some(Date {
            year: 2024,
            month: 6,
            day: 19,
        }),
        date_source: Sourced::METADATA,
        place: None,
        url: None,
        tags: Vec::new(),
        source: format!("{slug}.txt"),
        paragraphs: vec![Text::from(body)],
        captions: Vec::new(),
        entities: Vec::new(),
        language: language.map(str::to_owned),
    }
}

fn corpus() -> Corpus {
    Corpus::new(
        vec![
            article(
                "english",
                Some("English"),
                "Leaders meet in Pyongyang",
                "The negotiations on the railway bridge went on for hours.",
            ),
            article(
                "german",
                Some("German"),
                "Putin trifft Kim in Pjöngjang",
                "Die Verhandlung über die neue Brücke dauerte Stunden.",
            ),
            article(
                "french",
                Some("French"),
                "Poutine rencontre Kim",
                "La négociation sur les accords militaires a duré des heures.",
            ),
            article(
                "spanish",
                Some("Spanish"),
                "Putin se reúne con Kim",
                "Las negociaciones sobre los acuerdos militares duraron horas.",
            ),
            article(
                "russian",
                Some("Russian"),
                "Путин встретился с Ким Чен Ыном",
                "Об этом говорили на переговорах в Пхеньяне.",
            ),
            article(
                "korean",
                Some("Korean"),
                "푸틴, 평양 방문",
                "김정은 위원장과 정상회담을 가졌다.",
            ),
        ],
        Vec::new(),
    )
}

fn found(query: &str) -> Vec<String> {
    found_in(&corpus(), query)
}

/// The slugs of the articles a query finds in a corpus, sorted.
fn found_in(corpus: &Corpus, query: &str) -> Vec<String> {
    let index = SearchIndex::build(corpus);
    let results = Searcher::new(corpus, &index).search(query);
    let mut slugs: Vec<String> = results
        .hits
        .iter()
        .map(|h| corpus.articles()[h.doc as usize].slug.clone())
        .collect();
    slugs.sort();
    slugs
}

/// Whether the query finds the article. (In a corpus this small, typo tolerance also finds near
/// spellings in other languages: "negotiation" finds "negociación".)
fn finds(query: &str, slug: &str) -> bool {
    found(query).iter().any(|s| s == slug)
}

#[test]
fn a_german_plural_finds_the_german_singular() {
    assert_eq!(found("Verhandlungen"), ["german"]);
    assert_eq!(found("Brücken"), ["german"]);
}

#[test]
fn french_and_spanish_inflections_find_each_other() {
    assert!(finds("négociations", "french"));
    assert!(finds("negociaciones", "spanish"));
    assert!(finds("accords", "french"));
    assert_eq!(found("acuerdo"), ["spanish"]);
}

#[test]
fn russian_case_endings_find_each_other() {
    assert_eq!(found("переговоры"), ["russian"]);
    assert_eq!(found("Пхеньян"), ["russian"]);
}

#[test]
fn hangul_is_matched_as_written() {
    assert_eq!(found("평양"), ["korean"]);
    assert_eq!(found("김정은"), ["korean"]);
}

#[test]
fn english_keeps_its_stemming_beside_the_others() {
    assert!(finds("negotiation", "english"));
    assert_eq!(found("leader"), ["english"]);
    assert_eq!(found("bridges"), ["english"]);
    // A name in Latin script, in articles of three languages.
    assert_eq!(found("kim"), ["french", "german", "spanish"]);
}

#[test]
fn phrases_match_by_the_stems_of_the_articles_language() {
    assert_eq!(found("\"neuen Brücken\""), ["german"]);
    assert_eq!(found("\"accord militaire\""), ["french"]);
}

#[test]
fn the_matched_german_word_is_marked() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = Searcher::new(&corpus, &index).search("Verhandlungen");
    let german = corpus.find("german").unwrap();
    let text = &german.paragraphs[0];
    let marked: Vec<&str> = results
        .highlighter
        .marks(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(marked, ["Verhandlung"]);
}

#[test]
fn an_excluded_word_rules_out_its_inflections_in_every_language() {
    assert_eq!(found("kim -Verhandlungen -acuerdos"), ["french"]);
}

#[test]
fn related_articles_read_the_open_articles_language() {
    let corpus = Corpus::new(
        vec![
            article(
                "a",
                Some("German"),
                "Verhandlungen in Moskau",
                "Lange Verhandlungen.",
            ),
            article("b", Some("German"), "Die Verhandlung", "Eine Verhandlung."),
            article("c", Some("German"), "Wetter", "Sonne."),
        ],
        Vec::new(),
    );
    let index = SearchIndex::build(&corpus);
    let a = corpus
        .articles()
        .iter()
        .position(|x| x.slug == "a")
        .unwrap();
    let related = dateline_core::related::related(&corpus, &index, a as u32, 5);
    let slugs: Vec<&str> = related
        .iter()
        .map(|r| corpus.articles()[r.doc as usize].slug.as_str())
        .collect();
    assert_eq!(slugs, ["b"]);
}

#[test]
fn a_languages_stop_words_are_left_out_of_its_articles_and_of_queries() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    // German and French stop words are known; English's own list stays the only English one.
    assert!(index.is_stop_word_in("German", "und"));
    assert!(index.is_stop_word_in("German", "uber"));
    assert!(index.is_stop_word_in("French", "les"));
    assert!(!index.is_stop_word_in("French", "und"));
    assert!(!index.is_language_stop_word("the"));
    assert!(index.lookup("und").is_none());
    // Beside another word, a German stop word asks nothing of the German articles.
    assert_eq!(found("über Verhandlungen"), ["german"]);
    // In a corpus of German articles only, stop words alone say so.
    let german = Corpus::new(
        vec![article(
            "a",
            Some("German"),
            "Treffen",
            "Die Verhandlung über die Brücke.",
        )],
        Vec::new(),
    );
    let index = SearchIndex::build(&german);
    let results = Searcher::new(&german, &index).search("über die");
    assert!(results
        .problems
        .iter()
        .any(|p| matches!(p, dateline_core::search::Problem::StopWordsOnly(_))));
}

#[test]
fn a_german_stop_word_is_an_english_word_in_english_articles() {
    let corpus = Corpus::new(
        vec![
            article(
                "en",
                Some("English"),
                "The war goes on",
                "Fighting in the east.",
            ),
            article(
                "de",
                Some("German"),
                "Das Treffen",
                "Es war ein langes Treffen im Osten.",
            ),
            article(
                "de2",
                Some("German"),
                "Die Brücke",
                "Die Brücke ist fertig.",
            ),
        ],
        Vec::new(),
    );
    let found = |q: &str| found_in(&corpus, q);
    // Alone, "war" is the English word.
    assert_eq!(found("war"), ["en"]);
    // Beside a German word, it asks nothing of the German articles.
    assert_eq!(found("war Treffen"), ["de"]);
}

#[test]
fn a_phrase_with_a_stop_word_of_the_language_is_checked_in_the_text() {
    assert_eq!(found("\"die neue Brücke\""), ["german"]);
    assert_eq!(found("\"über die\""), ["german"]);
    assert!(found("\"die alte Brücke\"").is_empty());
}

#[test]
fn an_english_corpus_has_no_other_stop_words() {
    let corpus = Corpus::new(
        vec![article("a", None, "Do or die", "The die is cast.")],
        Vec::new(),
    );
    let index = SearchIndex::build(&corpus);
    assert!(!index.is_language_stop_word("die"));
    let results = Searcher::new(&corpus, &index).search("die");
    assert_eq!(results.hits.len(), 1);
}
