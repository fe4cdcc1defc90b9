//! The articles a reader has starred, each with an optional short note, and the text they are
//! kept as in the browser's storage.
//!
//! Stars belong to one reader in one browser; the app keeps them under a key of the corpus
//! ([`storage_key`]) so that two collections opened from one host never share them. The stored
//! text is a versioned form-encoded list (`dateline-stars=1&<slug>=<note>&…`): readable, tolerant
//! of any note, and decoded with the URL codec's parser instead of a JSON one. Reading it never
//! panics: a value this version cannot read is an [`UnreadableStars`], which the app reports and
//! sets aside without losing it.
//!
//! A star names its article by slug, so stars outlive rebuilds of the corpus: an article that a
//! rebuild left out keeps its star, unseen, until it returns.

use crate::model::Corpus;
use std::fmt;

/// The first pair of the stored text, naming its format and version.
const FORMAT_KEY: &str = "dateline-stars";
/// The version this code writes and reads.
const FORMAT_VERSION: u32 = 1;

/// The longest note kept, in characters: a note is a line or two for a colleague, not a copy of
/// the article. The note field stops there; a longer stored note is cut to it.
pub const NOTE_LIMIT: usize = 1000;

/// The longest slug accepted from storage (ingestion's slugs are far shorter).
const SLUG_LIMIT: usize = 300;

/// The storage key of a corpus's stars: `dateline:stars:` and the corpus's name.
pub fn storage_key(corpus_name: &str) -> String {
    format!("dateline:stars:{corpus_name}")
}

/// Starred articles (by slug) and their notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stars {
    /// (slug, note) in slug order; the note is empty for none. (A sorted vector rather than a
    /// `BTreeMap`: the same lookups, and 7 KB less code in the wasm.)
    notes: Vec<(String, String)>,
}

impl Stars {
    /// Where `slug` is in `notes`, or where it would go.
    fn position(&self, slug: &str) -> Result<usize, usize> {
        self.notes.binary_search_by(|(s, _)| s.as_str().cmp(slug))
    }

    /// Whether the article `slug` is starred.
    pub fn is_starred(&self, slug: &str) -> bool {
        self.position(slug).is_ok()
    }

    /// The note on a starred article; `None` when it is not starred or has no note.
    pub fn note(&self, slug: &str) -> Option<&str> {
        let at = self.position(slug).ok()?;
        Some(self.notes[at].1.as_str()).filter(|n| !n.is_empty())
    }

    /// Stars `slug` if it was not, and removes its star (and note) if it was. Returns whether it
    /// is starred now.
    pub fn toggle(&mut self, slug: &str) -> bool {
        match self.position(slug) {
            Ok(at) => {
                self.notes.remove(at);
                false
            }
            Err(at) => {
                self.notes.insert(at, (slug.to_owned(), String::new()));
                true
            }
        }
    }

    /// Sets the note on `slug` (starring it: a note is kept only on a starred article), cut to
    /// [`NOTE_LIMIT`] characters.
    pub fn set_note(&mut self, slug: &str, note: &str) {
        let note = cut(note, NOTE_LIMIT).to_owned();
        match self.position(slug) {
            Ok(at) => self.notes[at].1 = note,
            Err(at) => self.notes.insert(at, (slug.to_owned(), note)),
        }
    }

    /// How many articles are starred, in this corpus or not.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether nothing is starred.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// The corpus indices of the starred articles this corpus holds, in timeline order.
    pub fn docs(&self, corpus: &Corpus) -> Vec<u32> {
        if self.notes.is_empty() {
            return Vec::new();
        }
        (0u32..)
            .zip(corpus.articles())
            .filter(|(_, a)| self.is_starred(&a.slug))
            .map(|(doc, _)| doc)
            .collect()
    }

    /// Merges stars and notes from elsewhere (a collection file another copy exported, or a
    /// shared link): each article is starred here; a note is added to the note already here
    /// unless that holds it already.
    pub fn merge<'a>(
        &mut self,
        entries: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
        corpus: &Corpus,
    ) -> Merged {
        let mut merged = Merged::default();
        for (slug, note) in entries {
            if !is_plausible_slug(slug) {
                continue;
            }
            if corpus.find(slug).is_none() {
                merged.elsewhere += 1;
            }
            let note = note.map(str::trim).filter(|n| !n.is_empty());
            let at = match self.position(slug) {
                Ok(at) => at,
                Err(at) => {
                    self.notes.insert(at, (slug.to_owned(), String::new()));
                    merged.starred += 1;
                    at
                }
            };
            let Some(note) = note else { continue };
            let mine = &mut self.notes[at].1;
            if mine.contains(note) {
                continue;
            }
            let joined = if mine.is_empty() {
                note.to_owned()
            } else {
                format!("{mine}\n{note}")
            };
            *mine = cut(&joined, NOTE_LIMIT).to_owned();
            merged.notes += 1;
        }
        merged
    }

    /// The text the stars are stored as.
    pub fn encode(&self) -> String {
        let mut text = form_urlencoded::Serializer::new(String::new());
        text.append_pair(FORMAT_KEY, &FORMAT_VERSION.to_string());
        for (slug, note) in &self.notes {
            text.append_pair(slug, note);
        }
        text.finish()
    }

    /// Reads stored stars. Anything but the text [`Stars::encode`] writes (or wrote in an
    /// earlier version) is an error saying why, and nothing is half-read.
    pub fn decode(text: &str) -> Result<Stars, UnreadableStars> {
        let mut pairs = form_urlencoded::parse(text.trim().as_bytes());
        match pairs.next() {
            Some((key, version)) if key == FORMAT_KEY => match version.parse::<u32>() {
                Ok(FORMAT_VERSION) => {}
                Ok(newer) if newer > FORMAT_VERSION => {
                    return Err(UnreadableStars::Newer(newer));
                }
                _ => return Err(UnreadableStars::Damaged(format!("version “{version}”"))),
            },
            _ => return Err(UnreadableStars::Foreign),
        }
        let mut stars = Stars::default();
        for (slug, note) in pairs {
            if !is_plausible_slug(&slug) {
                return Err(UnreadableStars::Damaged(format!(
                    "“{}” does not name an article",
                    cut(&slug, 40)
                )));
            }
            // A slug given twice: the first note is kept, as a link's first value is.
            if let Err(at) = stars.position(&slug) {
                let note = cut(&note, NOTE_LIMIT).to_owned();
                stars.notes.insert(at, (slug.into_owned(), note));
            }
        }
        Ok(stars)
    }
}

/// Whether a stored key can be an article's slug: ingestion writes lowercase letters, digits and
/// hyphens, and older slugs or other scripts may hold any letter, but never white space, control
/// characters or the separators of a URL.
fn is_plausible_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= SLUG_LIMIT
        && !slug
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '?' | '#' | '&'))
}

/// The first `limit` characters of `text`.
fn cut(text: &str, limit: usize) -> &str {
    match text.char_indices().nth(limit) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// What a [`Stars::merge`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Articles starred that were not.
    pub starred: usize,
    /// Notes added (to a new star or to a note already here).
    pub notes: usize,
    /// Articles named that this collection does not hold (starred all the same, for a rebuild
    /// that brings them).
    pub elsewhere: usize,
}

impl fmt::Display for Merged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        write!(
            f,
            "{} starred, {} added",
            plural(self.starred, "article", "articles"),
            plural(self.notes, "note", "notes")
        )?;
        if self.elsewhere > 0 {
            write!(
                f,
                "; {} not in this collection",
                plural(self.elsewhere, "article is", "articles are")
            )?;
        }
        write!(f, ".")
    }
}

/// The short id a shared link names an article by: 8 characters (40 bits of an FNV-1a hash of
/// its slug, in Crockford's base 32), a seventh of a slug's length, stable across rebuilds as the
/// slug is. Two of a corpus's articles share one with odds of about 1 in 20,000 at 10,000
/// articles; a link then names both.
pub fn short_id(slug: &str) -> String {
    short_id_bytes(slug).into_iter().map(char::from).collect()
}

/// Crockford's base 32: digits and lowercase letters but i, l, o and u.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The [`short_id`] of `slug` as its 8 bytes, without allocating.
fn short_id_bytes(slug: &str) -> [u8; 8] {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in slug.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    std::array::from_fn(|i| ALPHABET[((hash >> (i * 5)) & 31) as usize])
}

/// Whether `id` can be a [`short_id`]: 8 characters of its alphabet.
pub fn is_short_id(id: &str) -> bool {
    id.len() == 8 && id.bytes().all(|b| ALPHABET.contains(&b))
}

/// The articles whose [`short_id`] is among `ids`, in timeline order: each article's corpus index
/// and the position of its id in `ids`. One pass over the corpus, allocating nothing per article
/// (a link's collection is checked on every keystroke).
pub fn find_ids<'a>(
    corpus: &'a Corpus,
    ids: &'a [String],
) -> impl Iterator<Item = (u32, usize)> + 'a {
    (0u32..)
        .zip(corpus.articles())
        .take_while(|_| !ids.is_empty())
        .filter_map(|(doc, a)| {
            let id = short_id_bytes(&a.slug);
            let at = ids.iter().position(|i| i.as_bytes() == id)?;
            Some((doc, at))
        })
}

/// The corpus indices of the articles whose [`short_id`] is among `ids`, ascending.
pub fn docs_of_ids(corpus: &Corpus, ids: &[String]) -> Vec<u32> {
    find_ids(corpus, ids).map(|(doc, _)| doc).collect()
}

/// How the app's notice about an unreadable stored value ends: what became of it (the app's
/// storage module sets it aside, never overwriting it).
pub(crate) const SET_ASIDE: &str =
    "The unreadable copy is kept aside under the same name with “:unreadable” added.";

/// Why stored stars could not be read. The app ignores them, says so, and keeps the text aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnreadableStars {
    /// The value is not Dateline's (another app wrote under the key, or it was edited by hand).
    Foreign,
    /// A newer Dateline wrote it, in a format this one does not know.
    Newer(u32),
    /// It is Dateline's, but damaged: what is wrong.
    Damaged(String),
}

impl fmt::Display for UnreadableStars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self {
            UnreadableStars::Foreign => "they are not in Dateline's format".to_owned(),
            UnreadableStars::Newer(version) => {
                format!("a newer Dateline kept them (format {version})")
            }
            UnreadableStars::Damaged(what) => format!("they are damaged: {what}"),
        };
        write!(
            f,
            "The starred articles kept in this browser could not be read ({why}), so none is shown as starred. {SET_ASIDE}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::article;

    #[test]
    fn toggling_stars_and_unstars_and_drops_the_note() {
        let mut stars = Stars::default();
        assert!(stars.toggle("a"));
        assert!(stars.is_starred("a"));
        assert_eq!(stars.note("a"), None);
        stars.set_note("a", "ask the embassy");
        assert_eq!(stars.note("a"), Some("ask the embassy"));
        assert!(!stars.toggle("a"));
        assert!(!stars.is_starred("a"));
        assert!(stars.toggle("a"));
        assert_eq!(
            stars.note("a"),
            None,
            "a star given again starts without the old note"
        );
    }

    #[test]
    fn a_note_stars_its_article_and_is_cut_to_the_limit() {
        let mut stars = Stars::default();
        let long = "é".repeat(NOTE_LIMIT + 10);
        stars.set_note("b", &long);
        assert!(stars.is_starred("b"));
        assert_eq!(stars.note("b").map(|n| n.chars().count()), Some(NOTE_LIMIT));
    }

    #[test]
    fn notes_of_any_text_survive_storage() {
        let mut stars = Stars::default();
        stars.set_note(
            "2019-04-25-putin-meets-kim",
            "Line one\nline two & a=b, 100% \t “quoted” 김정은",
        );
        stars.toggle("без-заметки");
        stars.set_note("c", "");
        let text = stars.encode();
        assert!(text.starts_with("dateline-stars=1&"), "{text}");
        assert_eq!(Stars::decode(&text), Ok(stars));
    }

    #[test]
    fn nothing_starred_is_stored_as_the_header_alone() {
        let text = Stars::default().encode();
        assert_eq!(text, "dateline-stars=1");
        assert_eq!(Stars::decode(&text), Ok(Stars::default()));
    }

    #[test]
    fn unreadable_values_say_why() {
        assert_eq!(Stars::decode(""), Err(UnreadableStars::Foreign));
        assert_eq!(
            Stars::decode("[\"a\",\"b\"]"),
            Err(UnreadableStars::Foreign)
        );
        assert_eq!(
            Stars::decode("a=1&dateline-stars=1"),
            Err(UnreadableStars::Foreign)
        );
        assert_eq!(
            Stars::decode("dateline-stars=7&a="),
            Err(UnreadableStars::Newer(7))
        );
        assert!(matches!(
            Stars::decode("dateline-stars=one"),
            Err(UnreadableStars::Damaged(_))
        ));
        assert!(matches!(
            Stars::decode("dateline-stars=1&a%20b=note"),
            Err(UnreadableStars::Damaged(w)) if w.contains("a b")
        ));
        assert!(matches!(
            Stars::decode("dateline-stars=1&=note"),
            Err(UnreadableStars::Damaged(_))
        ));
        let message = UnreadableStars::Newer(7).to_string();
        assert!(
            message.contains("newer Dateline") && message.contains(":unreadable"),
            "{message}"
        );
    }

    #[test]
    fn a_slug_given_twice_keeps_its_first_note() {
        let stars = Stars::decode("dateline-stars=1&a=first&a=second").unwrap();
        assert_eq!(stars.note("a"), Some("first"));
        assert_eq!(stars.len(), 1);
    }

    #[test]
    fn docs_are_the_starred_articles_this_corpus_holds_in_timeline_order() {
        let corpus = Corpus::new(
            vec![
                article("late", Some((2020, 1, 1))),
                article("early", Some((2015, 1, 1))),
                article("middle", Some((2018, 1, 1))),
            ],
            Vec::new(),
        );
        let mut stars = Stars::default();
        for slug in ["late", "gone-in-a-rebuild", "early"] {
            stars.toggle(slug);
        }
        assert_eq!(stars.docs(&corpus), vec![0, 2]);
        assert_eq!(
            stars.len(),
            3,
            "the star of an article not in the corpus is kept"
        );
    }

    #[test]
    fn merging_stars_new_articles_and_adds_new_notes_only() {
        let corpus = Corpus::new(
            vec![
                article("a", Some((2019, 1, 1))),
                article("b", Some((2020, 1, 1))),
            ],
            Vec::new(),
        );
        let mut stars = Stars::default();
        stars.set_note("a", "mine");
        let merged = stars.merge(
            [
                ("a", Some("theirs")),
                ("b", None),
                ("gone", Some("far away")),
                ("not a slug", Some("x")),
            ],
            &corpus,
        );
        assert_eq!(
            merged,
            Merged {
                starred: 2,
                notes: 2,
                elsewhere: 1
            }
        );
        assert_eq!(stars.note("a"), Some("mine\ntheirs"));
        assert!(stars.is_starred("b") && stars.is_starred("gone"));
        assert!(!stars.is_starred("not a slug"));
        assert_eq!(
            merged.to_string(),
            "2 articles starred, 2 notes added; 1 article is not in this collection."
        );
        // The same file again changes nothing.
        let again = stars.merge([("a", Some("theirs")), ("b", None)], &corpus);
        assert_eq!(again, Merged::default());
        assert_eq!(stars.note("a"), Some("mine\ntheirs"));
    }

    #[test]
    fn short_ids_are_short_stable_and_tell_articles_apart() {
        let id = short_id("2019-03-25-north-koreas-kim-may-visit-russia-to-meet");
        assert_eq!(id.len(), 8);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        assert_eq!(
            id,
            short_id("2019-03-25-north-koreas-kim-may-visit-russia-to-meet")
        );
        let ids: std::collections::HashSet<String> = (0..20_000)
            .map(|i| short_id(&format!("2019-01-01-article-{i}")))
            .collect();
        assert_eq!(ids.len(), 20_000);
        let corpus = Corpus::new(
            vec![
                article("x", Some((2019, 1, 1))),
                article("y", Some((2020, 1, 1))),
            ],
            Vec::new(),
        );
        assert_eq!(
            docs_of_ids(&corpus, &[short_id("y"), "zzzzzzzz".into()]),
            vec![1]
        );
    }

    #[test]
    fn each_corpus_has_its_own_key() {
        assert_ne!(storage_key("corpus"), storage_key("own-articles"));
        assert_eq!(storage_key("corpus"), "dateline:stars:corpus");
    }
}
