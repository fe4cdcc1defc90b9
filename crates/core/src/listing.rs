//! From search results and the view's facets and date range to what the page lists: the
//! articles in display order, the facet counts and the histogram of articles over time.
//!
//! Counts follow the other active filters (disjunctive faceting): a facet's counts are taken over
//! the articles that pass the query and every *other* facet and the date range, so selecting a
//! second value of the same facet is always possible. The histogram follows the query and the
//! facets but not the date range, so the brushed range is seen in its context (or, when the
//! range is short, it is the histogram's whole axis, in weeks or days: [`Axis::choose`]).

use crate::axis::Axis;
use crate::facets::{ArticleValues, Catalogue, Facet, ValueIndex, FACETS};
use crate::model::{Corpus, Date};
use crate::search::searcher::rank;
use crate::search::{Hit, Results};
use crate::url_state::{Order, ViewState};

/// Articles per bar of the view's time [`Axis`] (months over the corpus's whole span, or a short
/// range's weeks or days), for the current query and facets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    /// The bars.
    pub axis: Axis,
    /// Count per bar.
    pub counts: Vec<u32>,
    /// Matching articles without a date (never inside a date range).
    pub undated: u32,
    /// The first and last dates of the corpus; `None` when no article has one.
    pub span: Option<(Date, Date)>,
}

impl Histogram {
    /// The tallest bar.
    pub fn max(&self) -> u32 {
        self.counts.iter().copied().max().unwrap_or(0)
    }
}

/// What the page lists for a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The articles shown (corpus indices), in the view's order.
    pub docs: Vec<u32>,
    /// Per facet (in [`Facet::ALL`] order), a count per value index.
    pub counts: [Vec<u32>; FACETS],
    /// Articles per month.
    pub histogram: Histogram,
    /// The articles that pass everything but the date range (those the histogram counts), in
    /// timeline order: what a comparison of periods splits ([`crate::compare::sides`]).
    pub unranged: Vec<u32>,
}

impl Listing {
    /// How many shown articles have each value of a facet, given the other filters.
    pub fn counts(&self, facet: Facet) -> &[u32] {
        &self.counts[facet as usize]
    }
}

/// A view's facet selection resolved to value indices; `None` for a facet with no selection.
struct Selection {
    facets: [Option<Vec<ValueIndex>>; FACETS],
    from: Option<Date>,
    to: Option<Date>,
}

/// Which constraints an article fails: bit `i` for facet `i`, the bit after the facets' for the
/// date range (all in a `u8`).
const RANGE_BIT: u8 = 1 << FACETS;
const _: () = assert!(
    FACETS < 8,
    "the failure bits of the facets and the range fit in a u8"
);

impl Selection {
    fn new(state: &ViewState, catalogue: &Catalogue) -> Selection {
        let mut facets: [Option<Vec<ValueIndex>>; FACETS] = Default::default();
        for (&facet, ids) in &state.filters {
            let values: Vec<ValueIndex> = ids
                .iter()
                .filter_map(|id| catalogue.find(facet, id))
                .collect();
            facets[facet as usize] = Some(values);
        }
        Selection {
            facets,
            from: state.from,
            to: state.to,
        }
    }

    /// Whether nothing but the query narrows the view: every hit is listed and counted.
    fn is_empty(&self) -> bool {
        self.facets.iter().all(Option::is_none) && self.from.is_none() && self.to.is_none()
    }

    fn failures(&self, own: Option<ArticleValues<'_>>, date: Option<Date>) -> u8 {
        let mut failed = 0;
        for facet in Facet::ALL {
            if let Some(wanted) = &self.facets[facet as usize] {
                let own = own.map_or(&[][..], |o| o.of(facet));
                if !own.iter().any(|v| wanted.contains(v)) {
                    failed |= 1 << (facet as u8);
                }
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let inside = date.is_some_and(|d| {
                self.from.is_none_or(|from| d >= from) && self.to.is_none_or(|to| d <= to)
            });
            if !inside {
                failed |= RANGE_BIT;
            }
        }
        failed
    }
}

/// Lists the articles of a view: those the search found that pass every facet and the date range
/// and, when the view keeps a set of articles (the starred ones, a shared collection), are
/// among `kept` (corpus indices in ascending order). One pass over the hits in timeline order,
/// which is the listing's order unless it is ranked.
///
/// A kept set narrows like the search: facet counts and the histogram count its articles only.
pub fn list(
    corpus: &Corpus,
    catalogue: &Catalogue,
    results: &Results,
    state: &ViewState,
    kept: Option<&[u32]>,
) -> Listing {
    let selection = Selection::new(state, catalogue);
    let unfiltered = selection.is_empty();
    let articles = corpus.articles();
    let first = articles.first().and_then(|a| a.date);
    let last = articles.iter().rev().find_map(|a| a.date);
    let span = first.zip(last);
    let axis = Axis::choose(span, state.from, state.to);
    let mut listing = Listing {
        counts: Facet::ALL.map(|f| vec![0; catalogue.values(f).len()]),
        histogram: Histogram {
            axis,
            counts: vec![0; axis.bars],
            undated: 0,
            span,
        },
        ..Listing::default()
    };
    let ranked = state.order == Order::Relevance && results.is_ranked();
    let mut scored: Vec<Hit> = Vec::new();
    for hit in &results.hits {
        let doc = hit.doc;
        if kept.is_some_and(|kept| kept.binary_search(&doc).is_err()) {
            continue;
        }
        let date = articles.get(doc as usize).and_then(|a| a.date);
        let own = catalogue.article(doc);
        let failed = if unfiltered {
            0
        } else {
            selection.failures(own, date)
        };
        if failed & !RANGE_BIT == 0 {
            listing.unranged.push(doc);
            match date {
                Some(date) => {
                    if let Some(bar) = axis.bar_of(date) {
                        listing.histogram.counts[bar] += 1;
                    }
                }
                None => listing.histogram.undated += 1,
            }
        }
        if let Some(own) = own {
            for facet in Facet::ALL {
                // Counted when the article passes everything but (perhaps) this facet.
                if failed & !(1 << (facet as u8)) == 0 {
                    let counts = &mut listing.counts[facet as usize];
                    for &value in own.of(facet) {
                        if let Some(count) = counts.get_mut(value as usize) {
                            *count += 1;
                        }
                    }
                }
            }
        }
        if failed == 0 {
            if ranked {
                scored.push(*hit);
            } else {
                listing.docs.push(doc);
            }
        }
    }
    match state.order {
        _ if ranked => {
            rank(&mut scored);
            listing.docs = scored.into_iter().map(|h| h.doc).collect();
        }
        Order::Newest => {
            // Dated articles newest first; undated ones stay last.
            let dated = listing
                .docs
                .partition_point(|&d| articles.get(d as usize).is_some_and(|a| a.date.is_some()));
            listing.docs[..dated].reverse();
        }
        _ => {}
    }
    listing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::model::{Entity, EntityKind};
    use crate::search::{SearchIndex, Searcher};

    fn corpus() -> Corpus {
        let mut articles = Vec::new();
        let dated = [
            ("a", (2014, 10, 29), "The Moscow Times", vec![0]),
            ("b", (2014, 12, 1), "WIC News", vec![0, 1]),
            ("c", (2015, 2, 4), "The Moscow Times", vec![1]),
            ("d", (2015, 2, 20), "NationPress", vec![]),
        ];
        for (slug, date, outlet, entities) in dated {
            let mut a = article(slug, Some(date));
            a.outlet = Some(outlet.into());
            a.entities = entities;
            // "b" is in German, the others in English.
            a.language = Some(if slug == "b" { "German" } else { "English" }.into());
            articles.push(a);
        }
        articles.push(article("undated", None));
        let person = |id: &str| Entity {
            id: id.into(),
            name: id.into(),
            aliases: Vec::new(),
            kind: EntityKind::Person,
        };
        Corpus::new(articles, vec![person("putin"), person("kim")])
    }

    fn listed(query: &str) -> (Listing, Catalogue, Corpus) {
        let corpus = corpus();
        let catalogue = Catalogue::new(&corpus);
        let index = SearchIndex::build(&corpus);
        let state = crate::url_state::parse(query).state;
        let results = Searcher::new(&corpus, &index).search(&state.query);
        let listing = list(&corpus, &catalogue, &results, &state, None);
        (listing, catalogue, corpus)
    }

    fn slugs(listing: &Listing, corpus: &Corpus) -> Vec<String> {
        listing
            .docs
            .iter()
            .map(|&d| corpus.articles()[d as usize].slug.clone())
            .collect()
    }

    fn count(listing: &Listing, catalogue: &Catalogue, facet: Facet, id: &str) -> u32 {
        listing.counts(facet)[catalogue.find(facet, id).unwrap() as usize]
    }

    #[test]
    fn no_filter_lists_everything_with_counts_and_histogram() {
        let (listing, catalogue, corpus) = listed("");
        assert_eq!(slugs(&listing, &corpus), ["a", "b", "c", "d", "undated"]);
        assert_eq!(
            count(&listing, &catalogue, Facet::Outlet, "the-moscow-times"),
            2
        );
        assert_eq!(count(&listing, &catalogue, Facet::Person, "putin"), 2);
        assert_eq!(count(&listing, &catalogue, Facet::Year, "2015"), 2);
        let h = &listing.histogram;
        assert_eq!(h.axis.first.to_string(), "2014-10-01");
        assert_eq!(h.counts, [1, 0, 1, 0, 2]);
        assert_eq!(h.undated, 1);
        assert_eq!(h.axis.label(4), "February 2015");
        assert_eq!(h.span.unwrap().1.to_string(), "2015-02-20");
        assert_eq!(Histogram::default().axis.bars, 0);
    }

    #[test]
    fn counts_follow_the_other_filters() {
        let (listing, catalogue, corpus) = listed("?outlet=the-moscow-times&person=kim");
        assert_eq!(slugs(&listing, &corpus), ["c"]);
        // Outlet counts ignore the outlet selection but honour the person one.
        assert_eq!(
            count(&listing, &catalogue, Facet::Outlet, "the-moscow-times"),
            1
        );
        assert_eq!(count(&listing, &catalogue, Facet::Outlet, "wic-news"), 1);
        // Person counts honour the outlet selection.
        assert_eq!(count(&listing, &catalogue, Facet::Person, "putin"), 1);
        assert_eq!(count(&listing, &catalogue, Facet::Person, "kim"), 1);
        assert_eq!(listing.histogram.counts, [0, 0, 0, 0, 1]);
    }

    #[test]
    fn values_of_one_facet_are_alternatives() {
        let (listing, _, corpus) = listed("?outlet=wic-news,nationpress");
        assert_eq!(slugs(&listing, &corpus), ["b", "d"]);
    }

    #[test]
    fn the_date_range_narrows_the_list_and_a_short_one_is_the_histogram_in_days() {
        let (listing, catalogue, corpus) = listed("?from=2014-11&to=2015-01");
        assert_eq!(slugs(&listing, &corpus), ["b"]);
        // 92 days, shown day by day: "b", of 1 December 2014, is the 31st.
        let h = &listing.histogram;
        assert_eq!((h.axis.unit, h.counts.len()), (crate::axis::Unit::Day, 92));
        assert_eq!(h.counts[30], 1);
        assert_eq!(h.counts.iter().sum::<u32>(), 1);
        assert_eq!(listing.histogram.undated, 1);
        assert_eq!(count(&listing, &catalogue, Facet::Outlet, "wic-news"), 1);
        assert_eq!(
            count(&listing, &catalogue, Facet::Outlet, "the-moscow-times"),
            0
        );
        // Days in the link narrow to the day.
        let (listing, _, corpus) = listed("?from=2015-02-05&to=2015-02-20");
        assert_eq!(slugs(&listing, &corpus), ["d"]);
        let (open_ended, _, corpus) = listed("?from=2015-02");
        assert_eq!(slugs(&open_ended, &corpus), ["c", "d"]);
    }

    #[test]
    fn the_articles_outside_the_range_are_kept_for_a_comparison() {
        // a 2014-10, b 2014-12, c 2015-02, d 2015-02, then the undated one.
        let (listing, _, corpus) = listed("?from=2015-01&to=2015-02&person=putin,kim");
        assert_eq!(slugs(&listing, &corpus), ["c"]);
        // "d" mentions neither person.
        assert_eq!(listing.unranged, [0, 1, 2]);
        let (listing, _, _) = listed("?q=nothing-like-it");
        assert!(listing.unranged.is_empty());
        let (listing, _, _) = listed("?to=2014-12");
        assert_eq!(listing.unranged, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn the_language_filter_and_the_date_range_are_separate_constraints() {
        let (listing, catalogue, corpus) = listed("?language=english");
        assert_eq!(slugs(&listing, &corpus), ["a", "c", "d"]);
        // Its own counts ignore it; the others follow it.
        assert_eq!(count(&listing, &catalogue, Facet::Language, "german"), 1);
        assert_eq!(count(&listing, &catalogue, Facet::Outlet, "wic-news"), 0);
        // With a range that leaves out every English article: none listed, and the language
        // counts follow the range, not the language.
        let (listing, catalogue, corpus) = listed("?language=english&from=2014-11&to=2015-01");
        assert!(slugs(&listing, &corpus).is_empty());
        assert_eq!(count(&listing, &catalogue, Facet::Language, "english"), 0);
        assert_eq!(count(&listing, &catalogue, Facet::Language, "german"), 1);
    }

    #[test]
    fn a_kept_set_keeps_its_articles_and_counts_them_only() {
        let corpus = corpus();
        let catalogue = Catalogue::new(&corpus);
        let index = SearchIndex::build(&corpus);
        let state = crate::url_state::parse("starred=1&outlet=the-moscow-times").state;
        let results = Searcher::new(&corpus, &index).search("");
        let mut stars = crate::stars::Stars::default();
        for slug in ["b", "c", "undated", "not-in-this-corpus"] {
            stars.toggle(slug);
        }
        let starred = stars.docs(&corpus);
        let listing = list(&corpus, &catalogue, &results, &state, Some(&starred));
        assert_eq!(slugs(&listing, &corpus), ["c"]);
        // The outlet's own counts follow the stars and not the outlet: b and c.
        assert_eq!(count(&listing, &catalogue, Facet::Outlet, "wic-news"), 1);
        assert_eq!(
            count(&listing, &catalogue, Facet::Outlet, "the-moscow-times"),
            1
        );
        assert_eq!(listing.histogram.counts.iter().sum::<u32>(), 1);
        // Nothing kept lists nothing.
        let only = crate::url_state::parse("starred=1").state;
        assert!(list(&corpus, &catalogue, &results, &only, Some(&[]))
            .docs
            .is_empty());
    }

    #[test]
    fn newest_first_keeps_undated_last() {
        let (listing, _, corpus) = listed("?sort=newest");
        assert_eq!(slugs(&listing, &corpus), ["d", "c", "b", "a", "undated"]);
    }

    #[test]
    fn best_match_lists_the_best_first_and_filters_still_apply() {
        let mut corpus = corpus();
        let mut articles = corpus.articles().to_vec();
        // "c" says "visa" three times, "a" once, "b" twice: relevance reverses their dates.
        for (slug, times) in [("a", 1), ("b", 2), ("c", 3)] {
            let a = articles.iter_mut().find(|a| a.slug == slug).unwrap();
            a.paragraphs = vec![crate::text::Text::from("visa ".repeat(times))];
        }
        corpus = Corpus::new(articles, corpus.entities().to_vec());
        let catalogue = Catalogue::new(&corpus);
        let index = SearchIndex::build(&corpus);
        let results = Searcher::new(&corpus, &index).search("visa");
        // The search gives its hits in timeline order; the listing ranks them.
        let docs: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        assert_eq!(docs, [0, 1, 2]);
        let listed = |query: &str| {
            let state = crate::url_state::parse(query).state;
            slugs(&list(&corpus, &catalogue, &results, &state, None), &corpus)
        };
        assert_eq!(listed("?q=visa&sort=relevance"), ["c", "b", "a"]);
        assert_eq!(listed("?q=visa"), ["a", "b", "c"]);
        assert_eq!(listed("?q=visa&sort=newest"), ["c", "b", "a"]);
        assert_eq!(
            listed("?q=visa&sort=relevance&outlet=the-moscow-times"),
            ["c", "a"]
        );
    }
}
