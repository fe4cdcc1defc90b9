//! Articles related to the one open in the reader, by the entities and words they share.
//!
//! Each shared entity and each shared term of the open article's headline and lead counts its
//! inverse document frequency, so sharing "Vladivostok" says more than sharing "Russia". Terms
//! come from the search index's posting lists, so nothing is re-read from the text.

use crate::model::{Corpus, EntityIndex};
use crate::order;
use crate::search::analyse::{is_stop_word, term_in, tokens, Stemming};
use crate::search::SearchIndex;

/// How many lead paragraphs, besides the headline, give the terms compared.
const LEAD_PARAGRAPHS: usize = 2;
/// A shared term counts this much of what a shared entity of the same rarity does.
const TERM_WEIGHT: f32 = 0.5;

/// One related article.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    /// Its corpus index.
    pub doc: u32,
    /// How related it is.
    pub score: f32,
    /// The entities it shares with the open article, most telling first.
    pub shared: Vec<EntityIndex>,
}

fn idf(n: usize, df: usize) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

/// Up to `limit` articles most related to `doc`, most related first (ties in timeline order).
pub fn related(corpus: &Corpus, index: &SearchIndex, doc: u32, limit: usize) -> Vec<Related> {
    let articles = corpus.articles();
    let Some(open) = articles.get(doc as usize) else {
        return Vec::new();
    };
    let n = articles.len();
    let mut score = vec![0f32; n];
    // Entities: document frequency, then each shared one.
    let mut df = vec![0usize; corpus.entities().len()];
    for article in articles {
        for &e in &article.entities {
            if let Some(count) = df.get_mut(e as usize) {
                *count += 1;
            }
        }
    }
    let weight = |e: EntityIndex| idf(n, df.get(e as usize).copied().unwrap_or(0));
    for (other, article) in articles.iter().enumerate() {
        for e in article
            .entities
            .iter()
            .filter(|e| open.entities.contains(e))
        {
            score[other] += weight(*e);
        }
    }
    // Terms of the headline and lead, each once, in the index's order (its terms' order), so the sums are the same on every run.
    let language = Stemming::of_language(open.language.as_deref());
    let mut lead: Vec<_> = std::iter::once(open.headline.as_str())
        .chain(open.paragraphs.iter().take(LEAD_PARAGRAPHS).map(|p| &**p))
        .flat_map(tokens)
        .filter(|t| !is_stop_word(&t.folded) && !index.is_stop_word_in(language.name(), &t.folded))
        .filter_map(|t| index.lookup(&term_in(language, &t.folded)))
        .collect();
    order::sort_by_key(&mut lead, |entry| entry.offset as u64);
    lead.dedup_by_key(|entry| entry.offset);
    for entry in lead {
        let w = TERM_WEIGHT * idf(n, entry.doc_frequency as usize);
        for posting in index.postings(&entry) {
            if let Some(s) = score.get_mut(posting.doc as usize) {
                *s += w;
            }
        }
    }
    let mut ranked: Vec<(u32, f32)> = score
        .iter()
        .enumerate()
        .filter(|&(other, &s)| other != doc as usize && s > 0.0)
        .map(|(other, &s)| (other as u32, s))
        .collect();
    // Only the best `limit` are sorted: every article that shares a word with the open one has a
    // score, which at 10,000 articles is most of them.
    order::smallest_by_key(&mut ranked, limit, |&(other, score)| {
        order::pair(order::descending(score), other)
    });
    ranked
        .into_iter()
        .map(|(other, score)| {
            let mut shared: Vec<EntityIndex> = articles[other as usize]
                .entities
                .iter()
                .copied()
                .filter(|e| open.entities.contains(e))
                .collect();
            order::sort_by_key(&mut shared, |&e| {
                order::pair(order::descending(weight(e)), e)
            });
            Related {
                doc: other,
                score,
                shared,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    #[test]
    fn ranks_by_shared_rare_entities_and_words() {
        let mut open = article("open", Some((2019, 4, 25)));
        open.headline = "Kim meets Putin in Vladivostok".into();
        open.entities = vec![0, 1, 2];
        let mut close = article("close", Some((2019, 4, 26)));
        close.headline = "After Vladivostok, Kim heads home".into();
        close.entities = vec![0, 2];
        let mut far = article("far", Some((2014, 1, 1)));
        far.headline = "Russia and North Korea talk trade".into();
        far.entities = vec![1];
        let mut none = article("none", Some((2015, 1, 1)));
        none.headline = "Weather".into();
        none.paragraphs = vec!["Rain.".into()];
        let mut common = article("common", Some((2016, 1, 1)));
        common.entities = vec![1];
        let corpus = Corpus::new(vec![open, close, far, none, common], Vec::new());
        let index = SearchIndex::build(&corpus);
        let doc = |slug: &str| {
            corpus
                .articles()
                .iter()
                .position(|a| a.slug == slug)
                .unwrap() as u32
        };
        let found = related(&corpus, &index, doc("open"), 10);
        let slugs: Vec<&str> = found
            .iter()
            .map(|r| corpus.articles()[r.doc as usize].slug.as_str())
            .collect();
        assert_eq!(slugs[0], "close");
        assert!(!slugs.contains(&"open"));
        assert!(!slugs.contains(&"none"), "nothing shared: {slugs:?}");
        assert_eq!(found[0].shared, [0, 2]);
        assert_eq!(related(&corpus, &index, doc("open"), 1).len(), 1);
        assert!(related(&corpus, &index, 99, 3).is_empty());
    }

    #[test]
    fn the_best_few_are_the_head_of_the_whole_ranking() {
        // Many articles share words and entities with the first, some with equal scores.
        let articles: Vec<_> = (0..40u8)
            .map(|i| {
                let mut a = article(&format!("a{i}"), Some((2019, 1, 1 + i % 28)));
                a.headline = ["Kim meets Putin", "Kim in Vladivostok", "Putin and trade"]
                    [usize::from(i % 3)]
                .into();
                a.entities = (0..u32::from(i % 4)).collect();
                a
            })
            .collect();
        let corpus = Corpus::new(articles, Vec::new());
        let index = SearchIndex::build(&corpus);
        let all = related(&corpus, &index, 0, usize::MAX);
        assert!(all.len() > 20);
        for limit in [0, 1, 3, 7, 20, all.len(), all.len() + 5] {
            assert_eq!(
                related(&corpus, &index, 0, limit),
                all[..limit.min(all.len())]
            );
        }
    }
}
