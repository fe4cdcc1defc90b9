//! The facets a timeline can be narrowed by (outlet, people, places, organisations, year, tags),
//! the values each one takes in a corpus, and which values each article has.
//!
//! A value has a stable id for URLs (`vladimir-putin`, `the-moscow-times`, `2019`) and a label for
//! people. The [`Catalogue`] is worked out from the corpus in one pass; it is what the URL codec
//! checks facet ids against and what [`crate::listing`] counts.

use crate::model::{Corpus, EntityKind};
use crate::search::analyse::folded_words;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One dimension of the facet panel. The order here is the order of the panel and of the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// The publisher.
    Outlet,
    /// People the article mentions.
    Person,
    /// Places the article mentions.
    Place,
    /// Organisations the article mentions.
    Org,
    /// The year of publication.
    Year,
    /// Tags from the metadata.
    Tag,
    /// The language the article is written in.
    Language,
}

/// How many facets there are.
pub const FACETS: usize = 7;

impl Facet {
    /// Every facet, in panel order.
    pub const ALL: [Facet; FACETS] = [
        Facet::Outlet,
        Facet::Person,
        Facet::Place,
        Facet::Org,
        Facet::Year,
        Facet::Tag,
        Facet::Language,
    ];

    /// The URL parameter, e.g. `person`.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Person => "person",
            Facet::Place => "place",
            Facet::Org => "org",
            Facet::Year => "year",
            Facet::Tag => "tag",
            Facet::Language => "language",
        }
    }

    /// The panel heading, e.g. "People".
    pub fn title(self) -> &'static str {
        match self {
            Facet::Outlet => "Outlets",
            Facet::Person => "People",
            Facet::Place => "Places",
            Facet::Org => "Organisations",
            Facet::Year => "Years",
            Facet::Tag => "Tags",
            Facet::Language => "Languages",
        }
    }

    /// The facet a URL parameter names.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    fn slot(self) -> usize {
        self as usize
    }

    /// The facet of an entity kind.
    pub fn of_entity(kind: EntityKind) -> Facet {
        match kind {
            EntityKind::Person => Facet::Person,
            EntityKind::Place => Facet::Place,
            EntityKind::Organisation => Facet::Org,
        }
    }
}

/// One value a facet takes, e.g. the person Vladimir Putin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The id in URLs, e.g. `vladimir-putin`.
    pub id: String,
    /// The name shown, e.g. "Vladimir Putin".
    pub label: String,
}

/// Index of a value within its facet's [`Catalogue::values`].
pub type ValueIndex = u32;

/// Every facet value of a corpus, and the values of each article. Built at build time and
/// carried in the corpus blob.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    values: [Vec<FacetValue>; FACETS],
    ids: [HashMap<String, ValueIndex>; FACETS],
    /// Every article's values, article by article (corpus order), facet by facet within one: two
    /// flat arrays, so counting walks memory in order and decoding allocates twice, not per article.
    article_values: Vec<ValueIndex>,
    /// Where each article's values of each facet start in `article_values`: the values of
    /// article `d`, facet `f` are `article_starts[d * FACETS + f]..article_starts[d * FACETS + f + 1]`.
    article_starts: Vec<u32>,
}

/// The values of one article, every facet: [`Catalogue::article`].
#[derive(Clone, Copy, Debug)]
pub struct ArticleValues<'c> {
    /// Where each facet's values start in `values`, and where the last ends.
    starts: &'c [u32],
    values: &'c [ValueIndex],
}

impl<'c> ArticleValues<'c> {
    /// The article's values of one facet.
    pub fn of(&self, facet: Facet) -> &'c [ValueIndex] {
        let f = facet.slot();
        let (from, to) = (self.starts[f] as usize, self.starts[f + 1] as usize);
        self.values.get(from..to).unwrap_or_default()
    }
}

/// A label as an id: its folded words joined by hyphens ("The Moscow Times" → `the-moscow-times`).
pub fn id_of(label: &str) -> String {
    folded_words(label).join("-")
}

impl Catalogue {
    /// Collects the facet values of a corpus. Entities keep their ids; outlets and tags get ids
    /// from their names; years are their own ids.
    pub fn new(corpus: &Corpus) -> Catalogue {
        let mut catalogue = Catalogue {
            article_starts: vec![0],
            ..Catalogue::default()
        };
        // Entities first, in corpus order, so an entity's value index is stable for a corpus.
        let mut entity_value = Vec::with_capacity(corpus.entities().len());
        for entity in corpus.entities() {
            let facet = Facet::of_entity(entity.kind);
            entity_value.push((
                facet,
                catalogue.intern(facet, entity.id.clone(), &entity.name),
            ));
        }
        for article in corpus.articles() {
            let mut own: [Vec<ValueIndex>; FACETS] = Default::default();
            if let Some(outlet) = &article.outlet {
                own[Facet::Outlet.slot()].push(catalogue.intern(
                    Facet::Outlet,
                    id_of(outlet),
                    outlet,
                ));
            }
            for &e in &article.entities {
                if let Some(&(facet, value)) = entity_value.get(e as usize) {
                    own[facet.slot()].push(value);
                }
            }
            if let Some(date) = article.date {
                let year = date.year.to_string();
                own[Facet::Year.slot()].push(catalogue.intern(Facet::Year, year.clone(), &year));
            }
            for tag in &article.tags {
                let value = catalogue.intern(Facet::Tag, id_of(tag), tag);
                own[Facet::Tag.slot()].push(value);
            }
            if let Some(language) = &article.language {
                let value = catalogue.intern(Facet::Language, id_of(language), language);
                own[Facet::Language.slot()].push(value);
            }
            for mut values in own {
                values.sort_unstable();
                values.dedup();
                catalogue.article_values.extend(values);
                let end = u32::try_from(catalogue.article_values.len()).unwrap_or(u32::MAX);
                catalogue.article_starts.push(end);
            }
        }
        catalogue.put_in_label_order();
        catalogue
    }

    /// Orders each facet's values by label (ties by id) and renumbers the articles' values to
    /// match. The browser then lists values in label order by their index, with no sort of text
    /// (each sort of text would be another copy of the standard sort in the wasm: see `order`).
    fn put_in_label_order(&mut self) {
        let mut renumbered: [Vec<ValueIndex>; FACETS] = Default::default();
        for (slot, new_index) in renumbered.iter_mut().enumerate() {
            let values = std::mem::take(&mut self.values[slot]);
            let mut by_label: Vec<usize> = (0..values.len()).collect();
            by_label.sort_by(|&a, &b| {
                (&values[a].label, &values[a].id).cmp(&(&values[b].label, &values[b].id))
            });
            *new_index = vec![0; values.len()];
            for (new, &old) in by_label.iter().enumerate() {
                new_index[old] = ValueIndex::try_from(new).unwrap_or(ValueIndex::MAX);
            }
            let mut taken: Vec<Option<FacetValue>> = values.into_iter().map(Some).collect();
            self.values[slot] = by_label
                .iter()
                .filter_map(|&old| taken[old].take())
                .collect();
            for index in self.ids[slot].values_mut() {
                *index = new_index[*index as usize];
            }
        }
        for (at, range) in self.article_starts.windows(2).enumerate() {
            let own = &mut self.article_values[range[0] as usize..range[1] as usize];
            for value in own.iter_mut() {
                *value = renumbered[at % FACETS][*value as usize];
            }
            own.sort_unstable();
        }
    }

    fn intern(&mut self, facet: Facet, id: String, label: &str) -> ValueIndex {
        let slot = facet.slot();
        if let Some(&index) = self.ids[slot].get(&id) {
            return index;
        }
        let index = ValueIndex::try_from(self.values[slot].len()).unwrap_or(ValueIndex::MAX);
        self.ids[slot].insert(id.clone(), index);
        self.values[slot].push(FacetValue {
            id,
            label: label.to_owned(),
        });
        index
    }

    /// The values a facet takes in this corpus.
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        &self.values[facet.slot()]
    }

    /// The value with this id, if the facet has it.
    pub fn find(&self, facet: Facet, id: &str) -> Option<ValueIndex> {
        self.ids[facet.slot()].get(id).copied()
    }

    /// The value at an index.
    pub fn value(&self, facet: Facet, index: ValueIndex) -> Option<&FacetValue> {
        self.values[facet.slot()].get(index as usize)
    }

    /// The label of the value with this id, or the id itself when the facet has no such value.
    pub fn label<'a>(&'a self, facet: Facet, id: &'a str) -> &'a str {
        self.find(facet, id)
            .and_then(|v| self.value(facet, v))
            .map_or(id, |v| v.label.as_str())
    }

    /// The values an article (by corpus index) has for a facet.
    pub fn of_article(&self, doc: u32, facet: Facet) -> &[ValueIndex] {
        self.article(doc).map_or(&[][..], |own| own.of(facet))
    }

    /// The values an article (by corpus index) has, every facet; `None` past the last article.
    pub fn article(&self, doc: u32) -> Option<ArticleValues<'_>> {
        let at = (doc as usize).checked_mul(FACETS)?;
        Some(ArticleValues {
            starts: self.article_starts.get(at..at.checked_add(FACETS + 1)?)?,
            values: &self.article_values,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;
    use crate::model::Entity;

    pub(crate) fn corpus() -> Corpus {
        let mut a = article("a", Some((2014, 10, 29)));
        a.outlet = Some("The Moscow Times".into());
        a.entities = vec![0, 1];
        a.tags = vec!["Visas".into()];
        let mut b = article("b", Some((2019, 3, 25)));
        b.outlet = Some("WIC News".into());
        b.entities = vec![1];
        let mut c = article("c", None);
        c.outlet = None;
        let entity = |id: &str, name: &str, kind| Entity {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            kind,
        };
        Corpus::new(
            vec![a, b, c],
            vec![
                entity("vladimir-putin", "Vladimir Putin", EntityKind::Person),
                entity("pyongyang", "Pyongyang", EntityKind::Place),
            ],
        )
    }

    #[test]
    fn collects_values_with_ids_and_labels() {
        let catalogue = Catalogue::new(&corpus());
        let ids = |f| {
            catalogue
                .values(f)
                .iter()
                .map(|v| v.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Facet::Outlet), ["the-moscow-times", "wic-news"]);
        assert_eq!(ids(Facet::Person), ["vladimir-putin"]);
        assert_eq!(ids(Facet::Place), ["pyongyang"]);
        assert_eq!(ids(Facet::Year), ["2014", "2019"]);
        assert_eq!(ids(Facet::Tag), ["visas"]);
        assert_eq!(catalogue.values(Facet::Tag)[0].label, "Visas");
        assert_eq!(catalogue.find(Facet::Person, "vladimir-putin"), Some(0));
        assert_eq!(catalogue.find(Facet::Place, "vladimir-putin"), None);
        assert_eq!(
            catalogue.label(Facet::Person, "vladimir-putin"),
            "Vladimir Putin"
        );
        assert_eq!(catalogue.label(Facet::Person, "nobody"), "nobody");
    }

    #[test]
    fn knows_each_articles_values() {
        let catalogue = Catalogue::new(&corpus());
        assert_eq!(catalogue.of_article(0, Facet::Person), [0]);
        assert_eq!(catalogue.of_article(1, Facet::Person), [] as [u32; 0]);
        assert_eq!(catalogue.of_article(1, Facet::Place), [0]);
        assert!(catalogue.of_article(2, Facet::Outlet).is_empty());
        assert!(catalogue.of_article(9, Facet::Outlet).is_empty());
    }

    #[test]
    fn values_are_in_label_order_whatever_order_articles_name_them() {
        let mut a = article("a", Some((2019, 1, 1)));
        a.outlet = Some("Izvestia".into());
        a.tags = vec!["Visas".into(), "Arms".into()];
        let mut b = article("b", Some((2014, 1, 1)));
        b.outlet = Some("Yonhap".into());
        let catalogue = Catalogue::new(&Corpus::new(vec![a, b], Vec::new()));
        let labels = |f| {
            catalogue
                .values(f)
                .iter()
                .map(|v| v.label.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(Facet::Outlet), ["Izvestia", "Yonhap"]);
        assert_eq!(labels(Facet::Tag), ["Arms", "Visas"]);
        assert_eq!(labels(Facet::Year), ["2014", "2019"]);
        // Corpus order puts b (2014) first; each article's values follow the renumbering.
        assert_eq!(catalogue.of_article(0, Facet::Outlet), [1]);
        assert_eq!(catalogue.of_article(1, Facet::Outlet), [0]);
        assert_eq!(catalogue.of_article(1, Facet::Tag), [0, 1]);
        assert_eq!(catalogue.find(Facet::Outlet, "yonhap"), Some(1));
    }

    #[test]
    fn keys_round_trip() {
        for facet in Facet::ALL {
            assert_eq!(Facet::from_key(facet.key()), Some(facet));
        }
        assert_eq!(Facet::from_key("colour"), None);
    }
}
