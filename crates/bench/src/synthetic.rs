//! A deterministic synthetic news corpus built in memory: a Zipf-distributed vocabulary of
//! 40,000 words (the commonest English words first, then pronounceable made-up words), about
//! 450 words an article in 4–9 paragraphs, headlines, 12 outlets, dates over 2014–2025, and
//! people, places and organisations with aliases, mentioned in the text and tagged as entities.
//! The same size and seed always give the same corpus.

use dateline_core::{Article, Corpus, Date, Entity, EntityKind, Sourced};
use dateline_ingest::synth::WORDS;

pub use dateline_ingest::synth::Rng;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sto", "va", "dri", "pel", "nor", "tis", "gra", "ul", "bek", "san",
    "tor", "mun", "ves", "pra", "li", "don", "cha", "rim", "ost", "fel", "zan", "ko", "pe", "tru",
    "ber", "gan", "shi", "mol", "ta", "vin", "cor", "del", "hu", "jas", "nek", "ri",
];

/// The vocabulary: the ingestion benchmark's common news words, then made-up words of 2–4
/// syllables, all distinct.
fn vocabulary(size: usize, rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
    let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
    while words.len() < size {
        let syllables = 2 + rng.below(3);
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

const OUTLETS: &[&str] = &[
    "The Moscow Times",
    "NK News",
    "Yonhap",
    "TASS",
    "Reuters",
    "KCNA Watch",
    "The Korea Herald",
    "Meduza",
    "NationPress",
    "WIC News",
    "Daily NK",
    "RIA Novosti",
];

const ENTITIES: &[(EntityKind, &str, &[&str])] = &[
    (EntityKind::Person, "Vladimir Putin", &["Putin"]),
    (EntityKind::Person, "Kim Jong Un", &["Kim Jong-un"]),
    (
        EntityKind::Person,
        "Sergei Lavrov",
        &["Sergey Lavrov", "Lavrov"],
    ),
    (EntityKind::Person, "Choe Son Hui", &["Choe Son-hui"]),
    (EntityKind::Person, "Sergei Shoigu", &["Shoigu"]),
    (EntityKind::Person, "Kim Yo Jong", &["Kim Yo-jong"]),
    (EntityKind::Person, "Alexander Kozlov", &["Kozlov"]),
    (EntityKind::Person, "Dmitry Peskov", &["Peskov"]),
    (EntityKind::Person, "Yoon Suk Yeol", &["Yoon"]),
    (EntityKind::Person, "Xi Jinping", &["Xi"]),
    (EntityKind::Place, "North Korea", &["DPRK", "North Korean"]),
    (EntityKind::Place, "Pyongyang", &[]),
    (EntityKind::Place, "Vladivostok", &[]),
    (EntityKind::Place, "Moscow", &[]),
    (EntityKind::Place, "Seoul", &[]),
    (EntityKind::Place, "Rason", &["Rajin"]),
    (EntityKind::Place, "Khasan", &[]),
    (EntityKind::Place, "Far East", &["Russian Far East"]),
    (EntityKind::Place, "Ukraine", &[]),
    (EntityKind::Place, "Kursk", &[]),
    (
        EntityKind::Organisation,
        "KCNA",
        &["Korean Central News Agency"],
    ),
    (
        EntityKind::Organisation,
        "United Nations",
        &["UN Security Council"],
    ),
    (EntityKind::Organisation, "Kremlin", &[]),
    (EntityKind::Organisation, "Rosatom", &[]),
    (EntityKind::Organisation, "Russian Railways", &["RZD"]),
];

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Generates a corpus of `count` articles.
pub fn corpus(count: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let vocab = vocabulary(40_000, &mut rng);
    let entities: Vec<Entity> = ENTITIES
        .iter()
        .map(|(kind, name, aliases)| Entity {
            id: name.to_lowercase().replace(' ', "-"),
            name: (*name).to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: *kind,
        })
        .collect();
    let articles = (0..count).map(|n| article(n, &vocab, &mut rng)).collect();
    Corpus::new(articles, entities)
}

fn article(n: usize, vocab: &[String], rng: &mut Rng) -> Article {
    // Each article is about a few entities, the first mentioned most.
    let mut about: Vec<u32> = Vec::new();
    for _ in 0..(2 + rng.below(4)) {
        let e = rng.zipf(ENTITIES.len()) as u32;
        if !about.contains(&e) {
            about.push(e);
        }
    }
    // Each article also leans on a few topic words from the mid-frequency vocabulary.
    let topic: Vec<&str> = (0..4)
        .map(|_| vocab[100 + rng.below(3000)].as_str())
        .collect();
    let word = |rng: &mut Rng| -> String {
        match rng.below(40) {
            0..=2 => {
                let (_, name, aliases) = ENTITIES[about[rng.below(about.len())] as usize];
                match rng.below(1 + aliases.len()) {
                    0 => name.to_owned(),
                    i => aliases[i - 1].to_owned(),
                }
            }
            3..=5 => topic[rng.below(topic.len())].to_owned(),
            _ => vocab[rng.zipf(vocab.len())].clone(),
        }
    };
    let headline_words = 6 + rng.below(6);
    let headline = (0..headline_words)
        .map(|i| {
            let w = if i < 2 {
                topic[i].to_owned()
            } else {
                word(rng)
            };
            capitalised(&w)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let paragraphs = (0..(4 + rng.below(6)))
        .map(|_| {
            let mut p = String::new();
            for _ in 0..(2 + rng.below(3)) {
                let len = 10 + rng.below(20);
                for i in 0..len {
                    let w = word(rng);
                    if i == 0 {
                        p.push_str(&capitalised(&w));
                    } else {
                        p.push(' ');
                        p.push_str(&w);
                    }
                }
                p.push_str(". ");
            }
            p.truncate(p.trim_end().len());
            dateline_core::model::Text::from(p)
        })
        .collect();
    let date = Date {
        year: 2014 + rng.below(12) as i16,
        month: 1 + rng.below(12) as u8,
        day: 1 + rng.below(28) as u8,
    };
    let outlet = OUTLETS[rng.zipf(OUTLETS.len())];
    Article {
        slug: format!("{date}-synthetic-{n:06}"),
        headline,
        headline_source: Sourced::METADATA,
        outlet: Some(outlet.to_owned()),
        outlet_source: Sourced::METADATA,
        date: Some(date),
        date_source: Sourced::METADATA,
        place: None,
        url: None,
        tags: Vec::new(),
        language: Some("English".to_owned()),
        source: format!("{n:06}.txt"),
        paragraphs,
        captions: Vec::new(),
        entities: about,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        assert_eq!(corpus(50, 7), corpus(50, 7));
        assert_ne!(corpus(50, 7), corpus(50, 8));
    }

    #[test]
    fn articles_look_like_news() {
        let c = corpus(200, 1);
        let words: usize = c
            .articles()
            .iter()
            .flat_map(|a| &a.paragraphs)
            .map(|p| p.split_whitespace().count())
            .sum();
        let mean = words / c.len();
        assert!((200..800).contains(&mean), "mean words {mean}");
        assert!(c.articles().iter().all(|a| !a.entities.is_empty()));
    }
}
