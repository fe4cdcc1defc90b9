//! Every query feature, end to end through the public API: index built from a small corpus,
//! queries parsed and run, results and highlights checked.

use dateline_core::model::Text;
use dateline_core::search::{Problem, SearchIndex, Searcher};
use dateline_core::{Article, Corpus, Date, Entity, EntityKind, Sourced};

fn article(slug: &str, date: (i16, u8, u8), headline: &str, body: &[&str]) -> Article {
    Article {
        slug: slug.to_owned(),
        headline: headline.to_owned(),
        headline_source: Sourced::METADATA,
        outlet: Some("NK News".to_owned()),
        outlet_source: Sourced::METADATA,
        date: Some(Date {
            year: date.0,
            month: date.1,
            day: date.2,
        }),
        date_source: Sourced::METADATA,
        place: None,
        url: None,
        tags: Vec::new(),
        source: format!("{slug}.txt"),
        paragraphs: body.iter().map(|p| Text::from(*p)).collect(),
        captions: Vec::new(),
        entities: Vec::new(),
        language: None,
    }
}

fn entity(id: &str, name: &str, aliases: &[&str], kind: EntityKind) -> Entity {
    Entity {
        id: id.to_owned(),
        name: name.to_owned(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        kind,
    }
}

fn corpus() -> Corpus {
    let entities = vec![
        entity(
            "kim-jong-un",
            "Kim Jong Un",
            &["Kim Jong-un"],
            EntityKind::Person,
        ),
        entity(
            "vladimir-putin",
            "Vladimir Putin",
            &["Putin"],
            EntityKind::Person,
        ),
        entity(
            "north-korea",
            "North Korea",
            &["DPRK", "North Korean"],
            EntityKind::Place,
        ),
        entity("pyongyang", "Pyongyang", &[], EntityKind::Place),
        entity(
            "kcna",
            "KCNA",
            &["Korean Central News Agency"],
            EntityKind::Organisation,
        ),
    ];
    let mut a = vec![
        article(
            "railway",
            (2014, 10, 29),
            "Railway bridge to be rebuilt",
            &["Russia and North Korea agreed to rebuild the railway bridge over the Tumen river.",
              "Officials said sanctions would not apply to the project."],
        ),
        article(
            "summit",
            (2019, 4, 25),
            "Kim Jong-un meets Putin in Vladivostok",
            &["The North Korean leader Kim Jong Un met Vladimir Putin for talks on the nuclear issue.",
              "Pyongyang said the summit went well."],
        ),
        article(
            "passing",
            (2020, 1, 10),
            "Grain harvest report",
            &["A long report on the harvest across the Far East, with figures for every region and every crop.",
              "In passing, one official mentioned sanctions. The harvest was large and the grain was stored.",
              "More harvest figures, grain prices, weather, storage, transport and the outlook for next year."],
        ),
        article(
            "sanctions",
            (2023, 9, 13),
            "New sanctions on Pyongyang",
            &["The sanctions target shipping firms that trade with the DPRK.",
              "Кремль заявил о санкциях. 평양 발표."],
        ),
        article(
            "drill",
            (2024, 6, 19),
            "Joint military drill announced",
            &["Russia and North Korea will hold a joint military drill, KCNA said.",
              "The korea north border saw drills before."],
        ),
    ];
    a[0].entities = vec![2];
    a[1].entities = vec![0, 1, 2, 3];
    a[2].outlet = Some("The Moscow Times".to_owned());
    a[3].entities = vec![3, 2];
    a[4].entities = vec![2, 4];
    a[4].outlet = Some("TASS".to_owned());
    Corpus::new(a, entities)
}

fn slugs(query: &str) -> Vec<String> {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = Searcher::new(&corpus, &index).search(query);
    results
        .best_first()
        .iter()
        .map(|h| corpus.articles()[h.doc as usize].slug.clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn empty_query_matches_everything_in_timeline_order() {
    assert_eq!(
        slugs(""),
        ["railway", "summit", "passing", "sanctions", "drill"]
    );
}

#[test]
fn every_word_must_match() {
    assert_eq!(slugs("railway bridge "), ["railway"]);
    assert!(slugs("railway summit ").is_empty());
}

#[test]
fn a_headline_hit_outranks_a_passing_body_mention() {
    let found = slugs("sanctions ");
    assert_eq!(found[0], "sanctions", "{found:?}");
    assert!(found.contains(&"passing".to_owned()));
    assert!(found.iter().position(|s| s == "passing") > Some(0));
}

#[test]
fn stemming_matches_inflections() {
    assert_eq!(slugs("drills "), ["drill"]);
    assert_eq!(slugs("rebuilding "), slugs("rebuild "));
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    assert_eq!(slugs("Vladiv"), ["summit"]);
    assert!(
        slugs("Vladiv ").is_empty(),
        "a finished word is not a prefix"
    );
}

#[test]
fn the_last_word_completes_with_a_typo_in_it() {
    // "vladovo" (7 letters: one edit) starts no word, but is one edit from starting "vladivostok".
    assert_eq!(slugs("Vladovo"), ["summit"]);
    assert_eq!(slugs("summit vldaivo"), ["summit"]);
    // Finished words are not completed, with or without a typo.
    assert!(slugs("Vladovo ").is_empty());
    // Short prefixes get no typo: four letters or fewer.
    assert!(slugs("vlao").is_empty());
}

#[test]
fn typos_are_forgiven_by_word_length() {
    assert_eq!(slugs("Vladivostpk "), ["summit"]); // 11 letters, one typo
    assert_eq!(slugs("rialway "), ["railway"]); // transposition
    assert_eq!(slugs("harvset "), ["passing"]);
    assert_eq!(slugs("grian "), ["passing"]); // five letters: one typo
                                              // Four letters or fewer: no typo allowed.
    assert!(slugs("tlks ").is_empty());
    assert!(slugs("gran ").is_empty());
    // A word the collection has is taken as typed, not as a typo of another.
    assert_eq!(slugs("report "), ["passing"]);
}

#[test]
fn a_one_word_phrase_searches_the_text_not_the_outlet_or_entity_names() {
    // "News" is only in the outlet's name ("NK News") and in KCNA's alias: no text says it.
    assert!(slugs("\"news\"").is_empty());
    assert_eq!(
        slugs("news ").len(),
        4,
        "a bare word searches the outlet: the four from NK News"
    );
    assert_eq!(sorted(slugs("\"harvest\"")), ["passing"]);
    assert_eq!(sorted(slugs("\"drills\"")), ["drill"]);
}

#[test]
fn phrases_need_adjacent_words_in_order() {
    assert_eq!(sorted(slugs("\"north korea\"")), ["drill", "railway"]);
    assert_eq!(slugs("\"korea north\""), ["drill"]);
    // As bare words, order does not matter, and "sanctions" is about North Korea through its
    // "DPRK".
    assert_eq!(
        sorted(slugs("korea north ")),
        ["drill", "railway", "sanctions", "summit"]
    );
}

#[test]
fn exclusions_and_or() {
    assert_eq!(sorted(slugs("russia -drill")), ["railway"]);
    assert_eq!(sorted(slugs("russia -\"military drill\"")), ["railway"]);
    assert_eq!(
        sorted(slugs("vladivostok OR harvest ")),
        ["passing", "summit"]
    );
    assert_eq!(slugs("vladivostok OR harvest talks "), ["summit"]);
}

#[test]
fn entity_outlet_and_date_filters() {
    assert_eq!(slugs("person:putin"), ["summit"]);
    assert_eq!(slugs("person:\"kim jong-un\""), ["summit"]);
    assert_eq!(sorted(slugs("place:pyongyang")), ["sanctions", "summit"]);
    assert_eq!(slugs("org:\"central news\""), ["drill"]);
    assert_eq!(slugs("outlet:moscow"), ["passing"]);
    assert_eq!(slugs("outlet:tass"), ["drill"]);
    assert_eq!(slugs("after:2023"), ["drill"]);
    assert_eq!(slugs("after:2023-09-12 before:2024"), ["sanctions"]);
    assert_eq!(slugs("before:2019-04-25"), ["railway"]);
    assert!(slugs("person:nobody").is_empty());
    assert_eq!(slugs("place:pyongyang talks "), ["summit"]);
}

#[test]
fn aliases_expand_the_query() {
    // Only "sanctions" says DPRK; the others are tagged North Korea through their text.
    assert_eq!(
        sorted(slugs("dprk ")),
        ["drill", "railway", "sanctions", "summit"]
    );
    assert!(slugs("kcna ").contains(&"drill".to_owned()));
}

#[test]
fn normalisation_of_case_hyphens_and_diacritics() {
    assert_eq!(slugs("KIM JONG UN "), slugs("kim jong-un "));
    assert_eq!(slugs("\"kim jong un\""), ["summit"]);
    assert_eq!(slugs("Vladivóstok "), ["summit"]);
}

#[test]
fn cyrillic_and_hangul_are_searchable() {
    assert_eq!(slugs("санкции "), ["sanctions"]);
    assert_eq!(slugs("КРЕМЛЬ "), ["sanctions"]);
    assert_eq!(slugs("평양 "), ["sanctions"]);
}

#[test]
fn stop_words_alone_say_so() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = Searcher::new(&corpus, &index).search("the ");
    assert!(matches!(results.problems[..], [Problem::StopWordsOnly(_)]));
    // A phrase with stop words checks them in the text.
    assert_eq!(slugs("\"the railway bridge\""), ["railway"]);
    assert!(slugs("\"a railway bridge\"").is_empty());
}

#[test]
fn highlights_and_excerpts_show_what_matched() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let results = Searcher::new(&corpus, &index).search("dprk sanction");
    let hit = results.best_first()[0];
    let article = &corpus.articles()[hit.doc as usize];
    assert_eq!(article.slug, "sanctions");
    let h = &results.highlighter;
    let marked: Vec<&str> = h
        .marks(&article.headline)
        .into_iter()
        .map(|r| &article.headline[r])
        .collect();
    assert_eq!(marked, ["sanctions"]);
    let excerpt = h.excerpt(article, 30).unwrap();
    let marked: Vec<&str> = excerpt
        .marks
        .iter()
        .map(|r| &excerpt.text[r.clone()])
        .collect();
    assert_eq!(marked, ["sanctions", "DPRK"]);
    // The alias marks every name of the entity.
    let railway = corpus.find("railway").unwrap();
    let marked: Vec<String> = h
        .marks(&railway.paragraphs[0])
        .into_iter()
        .map(|r| railway.paragraphs[0][r].to_owned())
        .collect();
    assert_eq!(marked, ["North Korea"]);
}

#[test]
fn the_first_letter_of_a_word_being_typed_narrows_nothing_yet() {
    // While typing, the view does not empty on the first letter of a word and refill on the second.
    assert_eq!(sorted(slugs("s")), sorted(slugs("")));
    assert_eq!(slugs("refugee r"), slugs("refugee "));
    // Two letters do narrow.
    assert_ne!(sorted(slugs("ra")), sorted(slugs("")));
    // A finished one-letter word is still a word, and so is a one-character Hangul word.
    assert!(slugs("s ").is_empty());
    assert_eq!(slugs("북"), slugs("북 "));
}

/// 120 articles in which "foreign" and "minister" are everywhere, side by side only in some:
/// enough articles for the index to keep next-word lists.
fn dense_corpus() -> Corpus {
    let bodies = [
        // Side by side, inflected, across a line break of the sentence.
        "The foreign ministers met. Ministers of the foreign office spoke.",
        // Both words, never side by side.
        "A minister spoke of foreign trade. Foreign aid, said the minister, grows.",
        // With a stop word between: "minister of foreign".
        "The minister of foreign affairs and the foreign office disagreed with a minister.",
        // Reversed: "minister foreign".
        "Minister Foreign Lavrov: the foreign press asked the minister.",
    ];
    let articles = (0..120)
        .map(|i| {
            let day = 1 + (i % 28) as u8;
            article(
                &format!("a{i:03}"),
                (2020 + (i / 28) as i16, 1, day),
                "Moscow talks",
                &[bodies[i % bodies.len()]],
            )
        })
        .collect();
    Corpus::new(articles, Vec::new())
}

fn hits(searcher: &Searcher<'_>, query: &str) -> Vec<(u32, f32)> {
    searcher
        .search(query)
        .hits
        .iter()
        .map(|h| (h.doc, h.score))
        .collect()
}

#[test]
fn next_word_lists_answer_phrases_of_common_words_as_the_text_does() {
    use dateline_core::search::pairs::Budget;
    let corpus = dense_corpus();
    let with_lists = SearchIndex::build_within(&corpus, Some(Budget(usize::MAX)));
    let (pairs, listed) = with_lists.pairs().counts();
    assert!(
        listed > 0 && pairs > listed,
        "lists and dense pairs: {pairs} pairs, {listed} listed"
    );
    let without = SearchIndex::build_within(&corpus, Some(Budget(0)));
    assert_eq!(without.pairs().counts(), (0, 0));
    let (fast, slow) = (
        Searcher::new(&corpus, &with_lists),
        Searcher::new(&corpus, &without),
    );
    let every_fourth = |from: usize| (from..120).step_by(4).map(|i| i as u32).collect::<Vec<_>>();
    for (query, expected) in [
        ("\"foreign minister\"", every_fourth(0)),
        ("\"foreign ministers\"", every_fourth(0)),
        ("\"minister foreign\"", every_fourth(3)),
        ("\"minister of foreign\"", every_fourth(2)),
        ("\"minister of foreign affairs\"", every_fourth(2)),
        ("\"foreign office\"", [0, 2].map(every_fourth).concat()),
        ("\"foreign aid said\"", every_fourth(1)),
        ("\"foreign trade aid\"", Vec::new()),
        // A sentence's end does not part two words.
        ("\"trade foreign\"", every_fourth(1)),
        ("\"aid foreign\"", Vec::new()),
        ("\"of foreign\"", [1, 2].map(every_fourth).concat()),
        ("\"moscow talks\"", (0..120).collect()),
        ("\"talks moscow\"", Vec::new()),
        (
            "\"minister\" -\"foreign minister\"",
            [1, 2, 3].map(every_fourth).concat(),
        ),
    ] {
        let found = hits(&fast, query);
        assert_eq!(found, hits(&slow, query), "{query}: with and without lists");
        let mut docs: Vec<u32> = found.iter().map(|h| h.0).collect();
        docs.sort_unstable();
        let mut expected = expected;
        expected.sort_unstable();
        assert_eq!(docs, expected, "{query}");
    }
}

#[test]
fn next_word_lists_and_stop_words_agree_with_the_text_on_every_phrase_of_a_random_corpus() {
    use dateline_core::search::pairs::Budget;
    // Eight words (two of them inflections of one stem) and three stop words, drawn at random
    // with a fixed seed into 100 articles of two paragraphs.
    let words = [
        "sanctions",
        "sanction",
        "railway",
        "port",
        "talks",
        "summit",
        "of",
        "the",
        "and",
        "visit",
        "Rason",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut paragraph = |len: usize| {
        (0..len)
            .map(|_| words[next(words.len())])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let bodies: Vec<[String; 2]> = (0..100).map(|_| [paragraph(12), paragraph(9)]).collect();
    let articles = bodies
        .iter()
        .enumerate()
        .map(|(i, [a, b])| {
            article(
                &format!("r{i:03}"),
                (2021, 1 + (i / 28) as u8, 1 + (i % 28) as u8),
                "Report",
                &[a, b],
            )
        })
        .collect();
    let corpus = Corpus::new(articles, Vec::new());
    let with_lists = SearchIndex::build_within(&corpus, Some(Budget(usize::MAX)));
    assert!(with_lists.pairs().counts().0 > 10, "{with_lists:?}");
    let without = SearchIndex::build_within(&corpus, Some(Budget(0)));
    let (fast, slow) = (
        Searcher::new(&corpus, &with_lists),
        Searcher::new(&corpus, &without),
    );
    let mut phrases: Vec<String> = Vec::new();
    for a in words {
        phrases.push(format!("\"{a}\""));
        for b in words {
            phrases.push(format!("\"{a} {b}\""));
            for c in ["railway", "of", "summit"] {
                phrases.push(format!("\"{a} {b} {c}\""));
            }
        }
    }
    let mut found = 0;
    for query in &phrases {
        let listed = hits(&fast, query);
        assert_eq!(listed, hits(&slow, query), "{query}");
        // And both find what reading every article's text finds.
        let words = dateline_core::search::analyse::folded_words(query);
        let phrase = dateline_core::search::highlight::Phrase::new(words);
        let read: Vec<u32> = (0..corpus.len() as u32)
            .filter(|&d| phrase.occurs_in(&corpus.articles()[d as usize]))
            .collect();
        let docs: Vec<u32> = listed.iter().map(|h| h.0).collect();
        assert_eq!(docs, read, "{query}");
        found += usize::from(!listed.is_empty());
    }
    assert!(
        found > phrases.len() / 4,
        "only {found} phrases found anything"
    );
}
