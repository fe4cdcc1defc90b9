//! The reader's stars and notes, kept in this browser ([`crate::storage`]): read once, followed
//! across the page's tabs, written on every change. A stored value this version cannot read is
//! set aside and reported; a browser that keeps nothing keeps the stars for as long as the page
//! is open, and says so.

use crate::corpus::corpus;
use crate::storage::{self, corpus_name};
use dateline_core::stars::{storage_key, Merged, Stars};
use dateline_core::url_state::ViewState;
use dateline_core::Article;
use leptos::prelude::*;

/// The stars, and the only way to change them.
#[derive(Clone, Copy)]
pub struct StarControl {
    stars: RwSignal<Stars>,
    /// Corpus indices of the starred articles of this corpus, ascending.
    pub docs: Memo<Vec<u32>>,
    /// What went wrong keeping them, worded for the user; `None` when all is well.
    pub problem: RwSignal<Option<String>>,
}

impl StarControl {
    /// Whether the article `slug` is starred (tracked).
    pub fn is_starred(&self, slug: &str) -> bool {
        self.stars.with(|s| s.is_starred(slug))
    }

    /// The note on the article `slug` (tracked); empty when there is none.
    pub fn note(&self, slug: &str) -> String {
        self.stars
            .with(|s| s.note(slug).unwrap_or_default().to_owned())
    }

    /// The note on an article in a view (untracked): the reader's own, else the one the view's
    /// shared link carries.
    pub fn note_of(&self, article: &Article, state: &ViewState) -> Option<String> {
        self.stars
            .with_untracked(|s| s.note(&article.slug).map(str::to_owned))
            .or_else(|| state.set_note(&article.slug).map(str::to_owned))
    }

    /// How many articles of this corpus are starred (tracked).
    pub fn count(&self) -> usize {
        self.docs.with(Vec::len)
    }

    /// Stars the article, or removes its star and note.
    pub fn toggle(&self, slug: &str) {
        self.stars.update(|s| {
            s.toggle(slug);
        });
        self.save();
    }

    /// Writes the note on a starred article.
    pub fn set_note(&self, slug: &str, note: &str) {
        self.stars.update(|s| s.set_note(slug, note));
        self.save();
    }

    /// Stars the articles (slug, note) of a collection from elsewhere: a file another copy
    /// exported, or a shared link.
    pub fn merge<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
    ) -> Merged {
        let merged = self
            .stars
            .try_update(|s| s.merge(entries, corpus()))
            .unwrap_or_default();
        self.save();
        merged
    }

    /// The starred articles of this corpus in timeline order, each with its note (untracked).
    pub fn starred_with_notes(&self) -> Vec<(&'static str, Option<String>)> {
        let articles = corpus().articles();
        self.stars.with_untracked(|stars| {
            self.docs
                .get_untracked()
                .into_iter()
                .filter_map(|d| articles.get(d as usize))
                .map(|a| (a.slug.as_str(), stars.note(&a.slug).map(str::to_owned)))
                .collect()
        })
    }

    fn save(&self) {
        if cfg!(feature = "ssr") {
            return;
        }
        let text = self.stars.with_untracked(Stars::encode);
        if let Err(why) = storage::write(&key(), &text) {
            self.problem.set(Some(unkept(why)));
        }
    }
}

/// The storage key of this corpus's stars.
fn key() -> String {
    storage_key(corpus_name())
}

/// Reads the stars kept in this browser and keeps them up to date. Call once, in the root
/// component; components find them with [`stars`].
pub fn use_stars() -> StarControl {
    let stars = RwSignal::new(Stars::default());
    let problem = RwSignal::new(None);
    let docs = Memo::new(move |_| stars.with(|s| s.docs(corpus())));
    let control = StarControl {
        stars,
        docs,
        problem,
    };
    provide_context(control);
    if cfg!(feature = "ssr") {
        return control;
    }
    let load = move || match read() {
        Ok(kept) => {
            stars.set(kept);
            problem.set(None);
        }
        Err(why) => problem.set(Some(why)),
    };
    load();
    // Another tab of this page starred something: show it here too.
    storage::on_change_elsewhere(key(), load);
    control
}

/// The stars of the page (from [`use_stars`]).
pub fn stars() -> StarControl {
    expect_context::<StarControl>()
}

/// The stars kept in this browser: none when there are none; an error worded for the user when
/// the storage cannot be used or holds what cannot be read (which is then set aside).
fn read() -> Result<Stars, String> {
    let key = key();
    let Some(text) = storage::read(&key).map_err(unkept)? else {
        return Ok(Stars::default());
    };
    Stars::decode(&text).map_err(|unreadable| {
        storage::set_aside(&key, &text);
        unreadable.to_string()
    })
}

/// The notice for stars that cannot be kept.
fn unkept(why: &str) -> String {
    format!(
        "Stars and notes cannot be kept in this browser ({why}); they last until this page is closed."
    )
}
