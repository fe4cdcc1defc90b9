//! Grouping listed articles into the sections of the timeline: years, months within them, and
//! same-event clusters within a month.

use crate::cluster::Clusters;
use crate::model::{Corpus, Month};
use std::collections::HashMap;

/// One year of the timeline, or the articles whose date is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSection {
    /// The year; `None` for the undated section.
    pub year: Option<i16>,
    /// Its months, in the order of the listing.
    pub months: Vec<MonthSection>,
}

/// One month of a year section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthSection {
    /// The month; `None` in the undated section.
    pub month: Option<Month>,
    /// Its entries.
    pub nodes: Vec<Node>,
}

/// One entry of the timeline: an article, or several outlets' reports of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Corpus indices; the first is the one shown, the others are the same event's other reports.
    pub docs: Vec<u32>,
}

/// Splits articles (corpus indices, in the order to show) into year and month sections, putting
/// the listed members of one cluster into one node where the first of them appears.
pub fn sections(corpus: &Corpus, clusters: &Clusters, docs: &[u32]) -> Vec<YearSection> {
    let mut years: Vec<YearSection> = Vec::new();
    // Where each cluster's node is: (year section, month section, node).
    let mut placed: HashMap<u32, (usize, usize, usize)> = HashMap::new();
    for &doc in docs {
        let Some(article) = corpus.articles().get(doc as usize) else {
            continue;
        };
        let root = clusters.root(doc);
        let clustered = clusters.size(doc) > 1;
        if clustered {
            if let Some(&(y, m, n)) = placed.get(&root) {
                years[y].months[m].nodes[n].docs.push(doc);
                continue;
            }
        }
        let month = article.date.map(Month::of);
        let year = month.map(|m| m.year);
        if years.last().is_none_or(|s| s.year != year) {
            years.push(YearSection {
                year,
                months: Vec::new(),
            });
        }
        let y = years.len() - 1;
        let section = &mut years[y];
        if section.months.last().is_none_or(|s| s.month != month) {
            section.months.push(MonthSection {
                month,
                nodes: Vec::new(),
            });
        }
        let m = section.months.len() - 1;
        let nodes = &mut section.months[m].nodes;
        nodes.push(Node { docs: vec![doc] });
        if clustered {
            placed.insert(root, (y, m, nodes.len() - 1));
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    fn corpus() -> Corpus {
        let mut articles = vec![
            article("a", Some((2014, 10, 29))),
            article("b", Some((2014, 10, 30))),
            article("c", Some((2014, 12, 1))),
            article("d", Some((2016, 2, 4))),
            article("z", None),
        ];
        // "a" and "b" are one event reported by two outlets.
        for (a, outlet) in articles.iter_mut().zip(["TASS", "Reuters"]) {
            a.outlet = Some(outlet.into());
            a.entities = vec![0, 1];
            a.headline = "Visa talks in Moscow".into();
        }
        Corpus::new(articles, Vec::new())
    }

    /// A month's label and its nodes' documents.
    type MonthShape = (Option<String>, Vec<Vec<u32>>);

    fn shape(years: &[YearSection]) -> Vec<(Option<i16>, Vec<MonthShape>)> {
        years
            .iter()
            .map(|y| {
                let months = y
                    .months
                    .iter()
                    .map(|m| {
                        let nodes = m.nodes.iter().map(|n| n.docs.clone()).collect();
                        (m.month.map(|m| m.to_string()), nodes)
                    })
                    .collect();
                (y.year, months)
            })
            .collect()
    }

    #[test]
    fn years_months_and_clusters() {
        let corpus = corpus();
        let clusters = Clusters::new(&corpus);
        let got = shape(&sections(&corpus, &clusters, &[0, 1, 2, 3, 4]));
        let s = |m: &str| Some(m.to_owned());
        assert_eq!(
            got,
            [
                (
                    Some(2014),
                    vec![
                        (s("2014-10"), vec![vec![0, 1]]),
                        (s("2014-12"), vec![vec![2]])
                    ]
                ),
                (Some(2016), vec![(s("2016-02"), vec![vec![3]])]),
                (None, vec![(None, vec![vec![4]])]),
            ]
        );
    }

    #[test]
    fn newest_first_and_a_lone_cluster_member() {
        let corpus = corpus();
        let clusters = Clusters::new(&corpus);
        let got = shape(&sections(&corpus, &clusters, &[3, 1]));
        assert_eq!(
            got,
            [
                (Some(2016), vec![(Some("2016-02".into()), vec![vec![3]])]),
                (Some(2014), vec![(Some("2014-10".into()), vec![vec![1]])]),
            ]
        );
        assert!(sections(&corpus, &clusters, &[]).is_empty());
    }
}
