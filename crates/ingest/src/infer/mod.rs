//! Inferring what the metadata does not state, from the article text itself: the headline, the
//! publication date, the outlet and the dateline's place. Every value comes with its provenance
//! (which line, quoting the evidence) and a confidence; where the evidence is not enough the
//! value is left unknown rather than guessed.

pub mod date;
pub mod dateline;
pub mod headline;
pub mod outlet;

/// How many lines from the top count as the opening, where banners, headline, standfirst,
/// captions and the date stand.
pub const OPENING: usize = 15;
