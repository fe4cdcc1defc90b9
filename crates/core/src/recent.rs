//! The views a reader opened lately in this browser, newest first, and the text they are kept
//! as in the browser's storage.
//!
//! A view is its link's query (what [`crate::url_state::encode`] writes, without an open
//! article), so reopening one is following its link. The stored text is versioned and
//! form-encoded like the stars' (`dateline-recent=1&v=<query>&…`).

use crate::stars::SET_ASIDE;
use std::fmt;

/// How many views are kept.
pub const RECENT_LIMIT: usize = 20;

/// The first pair of the stored text, naming its format and version.
const FORMAT_KEY: &str = "dateline-recent";
/// The version this code writes and reads.
const FORMAT_VERSION: &str = "1";
/// The key of each view in the stored text.
const VIEW_KEY: &str = "v";

/// The storage key of a corpus's recent views.
pub fn storage_key(corpus_name: &str) -> String {
    format!("dateline:recent:{corpus_name}")
}

/// Views opened lately, newest first, at most [`RECENT_LIMIT`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecentViews {
    queries: Vec<String>,
}

impl RecentViews {
    /// Notes that the view `query` was opened: it moves to the front (once), and the oldest
    /// beyond the limit is forgotten. Returns whether anything changed.
    pub fn opened(&mut self, query: &str) -> bool {
        if self.queries.first().is_some_and(|q| q == query) {
            return false;
        }
        self.queries.retain(|q| q != query);
        self.queries.insert(0, query.to_owned());
        self.queries.truncate(RECENT_LIMIT);
        true
    }

    /// The views' queries, newest first.
    pub fn queries(&self) -> &[String] {
        &self.queries
    }

    /// The text the views are stored as.
    pub fn encode(&self) -> String {
        let mut text = form_urlencoded::Serializer::new(String::new());
        text.append_pair(FORMAT_KEY, FORMAT_VERSION);
        for query in &self.queries {
            text.append_pair(VIEW_KEY, query);
        }
        text.finish()
    }

    /// Reads stored views; anything but what [`RecentViews::encode`] writes is an error.
    pub fn decode(text: &str) -> Result<RecentViews, UnreadableRecent> {
        let mut pairs = form_urlencoded::parse(text.trim().as_bytes());
        match pairs.next() {
            Some((key, version)) if key == FORMAT_KEY && version == FORMAT_VERSION => {}
            _ => return Err(UnreadableRecent),
        }
        let mut recent = RecentViews::default();
        for (key, query) in pairs {
            if key != VIEW_KEY || !query.starts_with('?') {
                return Err(UnreadableRecent);
            }
            if recent.queries.len() < RECENT_LIMIT && !recent.queries.iter().any(|q| *q == query) {
                recent.queries.push(query.into_owned());
            }
        }
        Ok(recent)
    }
}

/// Stored recent views this version cannot read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnreadableRecent;

impl fmt::Display for UnreadableRecent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The recent views kept in this browser could not be read, so the list starts afresh. {SET_ASIDE}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_opened_again_moves_to_the_front_once() {
        let mut recent = RecentViews::default();
        assert!(recent.opened("?q=visa"));
        assert!(recent.opened("?person=kim-jong-un"));
        assert!(
            !recent.opened("?person=kim-jong-un"),
            "the newest again changes nothing"
        );
        assert!(recent.opened("?q=visa"));
        assert_eq!(recent.queries(), ["?q=visa", "?person=kim-jong-un"]);
    }

    #[test]
    fn only_the_newest_twenty_are_kept() {
        let mut recent = RecentViews::default();
        for i in 0..25 {
            recent.opened(&format!("?q=w{i}"));
        }
        assert_eq!(recent.queries().len(), RECENT_LIMIT);
        assert_eq!(recent.queries()[0], "?q=w24");
        assert_eq!(recent.queries()[RECENT_LIMIT - 1], "?q=w5");
    }

    #[test]
    fn views_survive_storage_and_foreign_text_is_refused() {
        let mut recent = RecentViews::default();
        recent.opened("?q=%22far+east%22&from=2019-01");
        recent.opened("?starred=1");
        let text = recent.encode();
        assert!(text.starts_with("dateline-recent=1&v="), "{text}");
        assert_eq!(RecentViews::decode(&text), Ok(recent));
        assert_eq!(
            RecentViews::decode("dateline-recent=1"),
            Ok(RecentViews::default())
        );
        for foreign in [
            "",
            "[1,2]",
            "dateline-recent=2&v=%3Fq",
            "dateline-recent=1&x=%3Fq",
            "dateline-recent=1&v=q",
        ] {
            assert_eq!(
                RecentViews::decode(foreign),
                Err(UnreadableRecent),
                "{foreign}"
            );
        }
        assert!(UnreadableRecent.to_string().contains(":unreadable"));
        assert_ne!(storage_key("corpus"), crate::stars::storage_key("corpus"));
    }
}
