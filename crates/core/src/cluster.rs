//! Same-event clustering: articles from different outlets that report one event, so the timeline
//! can show them as one node ("3 outlets").
//!
//! Two articles report the same event when they are at most [`MAX_DAYS`] apart, come from
//! different outlets, and share at least [`MIN_ENTITIES`] entities and [`MIN_TERMS`] words of
//! their headline and lead paragraph. Clusters are the connected groups of such pairs, with two
//! caps that keep a chain of near pairs from gluing several events into one on a dense corpus:
//! a cluster spans at most [`MAX_SPAN_DAYS`] from its first report to its last and holds at most
//! [`MAX_SIZE`] reports; a pair that would break either is not joined. Articles without a date
//! or an outlet are never clustered: the evidence would be too thin.

use crate::model::{Article, Corpus, Date};
use crate::search::analyse::{is_stop_word, tokens};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Articles further apart than this many days are different events.
pub const MAX_DAYS: i32 = 2;
/// Entities two reports of one event share at least.
pub const MIN_ENTITIES: usize = 2;
/// Headline and lead terms two reports of one event share at least.
pub const MIN_TERMS: usize = 3;

/// The most days from a cluster's first report to its last.
pub const MAX_SPAN_DAYS: i32 = 3;
/// The most reports one cluster holds.
pub const MAX_SIZE: u32 = 12;

/// Words of the first paragraph compared, besides the headline.
const LEAD_WORDS: usize = 40;

/// Which cluster each article belongs to. Worked out at build time and carried in the corpus blob.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clusters {
    /// Per article (corpus order), the first article of its cluster (itself when alone).
    root: Vec<u32>,
    /// Per article, how many articles its cluster has.
    size: Vec<u32>,
}

impl Clusters {
    /// Finds the clusters of a corpus (already in timeline order, so neighbours in time are
    /// neighbours in the list and each article is only compared within its window).
    pub fn new(corpus: &Corpus) -> Clusters {
        let articles = corpus.articles();
        let n = articles.len();
        let mut parent: Vec<u32> = (0..n as u32).collect();
        let days: Vec<Option<i32>> = articles
            .iter()
            .map(|a| a.date.map(Date::day_number))
            .collect();
        let mut lead_terms: Vec<Option<BTreeSet<u64>>> = vec![None; n];
        // Per root: its cluster's size and first and last day.
        let mut groups: Vec<Group> = days
            .iter()
            .map(|d| Group {
                size: 1,
                first: d.unwrap_or(0),
                last: d.unwrap_or(0),
            })
            .collect();
        for i in 0..n {
            let (Some(day), Some(_)) = (days[i], &articles[i].outlet) else {
                continue;
            };
            for j in i + 1..n {
                let Some(other) = days[j] else { break };
                if other - day > MAX_DAYS {
                    break;
                }
                if !same_event(&articles[i], &articles[j]) {
                    continue;
                }
                for k in [i, j] {
                    if lead_terms[k].is_none() {
                        lead_terms[k] = Some(lead(&articles[k]));
                    }
                }
                let shared = match (&lead_terms[i], &lead_terms[j]) {
                    (Some(a), Some(b)) => a.intersection(b).count(),
                    _ => 0,
                };
                if shared >= MIN_TERMS {
                    union(&mut parent, &mut groups, i as u32, j as u32);
                }
            }
        }
        let root: Vec<u32> = (0..n as u32).map(|i| find(&mut parent, i)).collect();
        let mut size = vec![0u32; n];
        for &r in &root {
            size[r as usize] += 1;
        }
        let size = root.iter().map(|&r| size[r as usize]).collect();
        Clusters { root, size }
    }

    /// The first article of a document's cluster (itself when it stands alone).
    pub fn root(&self, doc: u32) -> u32 {
        self.root.get(doc as usize).copied().unwrap_or(doc)
    }

    /// How many articles of the corpus are in a document's cluster.
    pub fn size(&self, doc: u32) -> u32 {
        self.size.get(doc as usize).copied().unwrap_or(1)
    }
}

/// Different known outlets, and enough shared entities.
fn same_event(a: &Article, b: &Article) -> bool {
    let different_outlets = matches!((&a.outlet, &b.outlet), (Some(x), Some(y)) if x != y);
    different_outlets
        && a.entities.iter().filter(|e| b.entities.contains(e)).count() >= MIN_ENTITIES
}

/// The words of the headline and the start of the first paragraph (where a news report says
/// what happened), folded but not stemmed (names and places, which carry an event, do not
/// inflect much in English, and stemming is most of the cost), stop words left out.
fn lead(article: &Article) -> BTreeSet<u64> {
    let first = article.paragraphs.first().map_or("", |p| p.as_str());
    let words = |text| {
        tokens(text)
            .filter(|t| !is_stop_word(&t.folded))
            .map(|t| hash(&t.folded))
    };
    words(&article.headline)
        .chain(words(first).take(LEAD_WORDS))
        .collect()
}

/// FNV-1a: a word as a number, so comparing leads allocates nothing.
fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// What a cluster spans, kept at its root while clusters are joined.
#[derive(Clone, Copy)]
struct Group {
    size: u32,
    first: i32,
    last: i32,
}

/// Joins two clusters under the smaller index, so a cluster's root is its earliest article,
/// unless the joined cluster would be over [`MAX_SIZE`] or span over [`MAX_SPAN_DAYS`].
fn union(parent: &mut [u32], groups: &mut [Group], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra == rb {
        return;
    }
    let (ga, gb) = (groups[ra as usize], groups[rb as usize]);
    let joined = Group {
        size: ga.size + gb.size,
        first: ga.first.min(gb.first),
        last: ga.last.max(gb.last),
    };
    if joined.size > MAX_SIZE || joined.last - joined.first > MAX_SPAN_DAYS {
        return;
    }
    let (low, high) = (ra.min(rb), ra.max(rb));
    parent[high as usize] = low;
    groups[low as usize] = joined;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    fn report(slug: &str, day: u8, outlet: &str, headline: &str, entities: &[u32]) -> Article {
        let mut a = article(slug, Some((2019, 4, day)));
        a.outlet = Some(outlet.into());
        a.headline = headline.into();
        a.entities = entities.to_vec();
        a.paragraphs = vec!["Talks in Vladivostok.".into()];
        a
    }

    #[test]
    fn groups_reports_of_one_event_from_different_outlets() {
        let corpus = Corpus::new(
            vec![
                report(
                    "a",
                    24,
                    "TASS",
                    "Kim arrives in Vladivostok for summit",
                    &[0, 1, 2],
                ),
                report(
                    "b",
                    25,
                    "Reuters",
                    "Putin and Kim hold Vladivostok summit",
                    &[0, 1],
                ),
                report(
                    "c",
                    26,
                    "Yonhap",
                    "Kim leaves Vladivostok after summit",
                    &[0, 1],
                ),
                // Same outlet as "a": a second report, not a second outlet; not linked to "a"
                // directly, but linked to "b" and "c".
                report("d", 24, "TASS", "Unrelated grain prices", &[0, 1]),
                // Too far apart.
                report(
                    "e",
                    29,
                    "NK News",
                    "Kim back home after Vladivostok summit",
                    &[0, 1],
                ),
                // Shares words but not entities.
                report("f", 25, "AP", "Kim Vladivostok summit", &[3]),
            ],
            Vec::new(),
        );
        let clusters = Clusters::new(&corpus);
        let slug = |doc: u32| corpus.articles()[doc as usize].slug.as_str();
        let members = |of: &str| {
            let doc = corpus.articles().iter().position(|a| a.slug == of).unwrap() as u32;
            let mut m: Vec<&str> = (0..corpus.len() as u32)
                .filter(|&d| clusters.root(d) == clusters.root(doc))
                .map(slug)
                .collect();
            m.sort_unstable();
            m
        };
        assert_eq!(members("a"), ["a", "b", "c"]);
        assert_eq!(
            members("d"),
            ["d"],
            "shares entities but not the lead's words"
        );
        assert_eq!(members("e"), ["e"]);
        assert_eq!(members("f"), ["f"]);
        let a = corpus
            .articles()
            .iter()
            .position(|x| x.slug == "a")
            .unwrap() as u32;
        assert_eq!(clusters.size(a), 3);
        assert_eq!(clusters.root(a), a, "the root is the earliest article");
    }

    /// The members of each cluster of more than one report, by slug.
    fn clustered(corpus: &Corpus) -> Vec<Vec<String>> {
        let clusters = Clusters::new(corpus);
        let mut groups: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
        for (d, a) in corpus.articles().iter().enumerate() {
            groups
                .entry(clusters.root(d as u32))
                .or_default()
                .push(a.slug.clone());
        }
        groups.into_values().filter(|g| g.len() > 1).collect()
    }

    #[test]
    fn a_chain_of_near_pairs_stops_at_the_span_cap() {
        // One report a day for ten days, each close to the next: single linkage would make one
        // ten-day "event" of them.
        let outlets = ["TASS", "Reuters", "Yonhap"];
        let reports: Vec<Article> = (0..10u8)
            .map(|i| {
                report(
                    &format!("r{i}"),
                    1 + i,
                    outlets[usize::from(i) % 3],
                    "Kim and Putin Vladivostok summit",
                    &[0, 1],
                )
            })
            .collect();
        let groups = clustered(&Corpus::new(reports, Vec::new()));
        assert!(groups.len() >= 3, "{groups:?}");
        for g in &groups {
            let days: Vec<u8> = g.iter().map(|s| s[1..].parse().unwrap()).collect();
            let span = i32::from(days.iter().max().unwrap() - days.iter().min().unwrap());
            assert!(span <= MAX_SPAN_DAYS, "{g:?} spans {span} days");
        }
    }

    #[test]
    fn a_cluster_holds_at_most_max_size_reports() {
        // Thirty reports of one day from thirty outlets.
        let reports: Vec<Article> = (0..30)
            .map(|i| {
                let outlet = format!("Outlet {i}");
                report(
                    &format!("r{i}"),
                    24,
                    &outlet,
                    "Kim and Putin Vladivostok summit",
                    &[0, 1],
                )
            })
            .collect();
        let groups = clustered(&Corpus::new(reports, Vec::new()));
        assert!(
            groups.iter().all(|g| g.len() <= MAX_SIZE as usize),
            "{groups:?}"
        );
        assert_eq!(
            groups.iter().map(Vec::len).sum::<usize>(),
            30,
            "every report is still in a cluster"
        );
    }

    #[test]
    fn day_numbers_count_calendar_days() {
        let d = |year, month, day| Date { year, month, day }.day_number();
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2, "leap year");
        assert_eq!(d(2023, 3, 1) - d(2023, 2, 28), 1);
        assert_eq!(d(2020, 1, 1) - d(2019, 12, 31), 1);
    }
}
