//! The page's components, one visible thing per file.

pub(crate) mod comparison;
mod facet_panel;
mod histogram;
mod left_out;
mod marked;
mod notice_bar;
mod reader;
mod recent_menu;
mod search_box;
mod shared;
mod star;
mod stars_menu;
mod timeline;
mod view_actions;

pub use comparison::{compared_view, Comparison};
pub use facet_panel::FacetPanel;
pub use histogram::Histogram;
pub use left_out::LeftOutNote;
pub use marked::Marked;
pub use notice_bar::NoticeBar;
pub use reader::Reader;
pub use search_box::SearchBox;
pub use shared::SharedBar;
pub use star::{NoteField, StarToggle};
pub use timeline::{Timeline, TimelineRows};
pub use view_actions::{PrintHeader, ViewActions};

/// The outlet's name, or "Unknown outlet" when ingestion could not establish it.
pub fn outlet_name(article: &dateline_core::Article) -> &str {
    article.outlet.as_deref().unwrap_or("Unknown outlet")
}

/// Whether a click on a link is a plain left click, which the app handles itself; a modified
/// or middle click is left to the browser (open in a new tab, and so on).
pub fn is_plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
