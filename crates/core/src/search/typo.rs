//! Typo tolerance: how many edits a word may have, and the Levenshtein automata that find them.
//!
//! Short words get none (too many words are one edit from "visit"), longer ones one, long ones
//! two. The parametric automaton builders are costly to make and are made once, on first use.

use levenshtein_automata::{LevenshteinAutomatonBuilder, DFA};
use std::sync::LazyLock;

/// Edits allowed for a word of `chars` characters: 0 up to 4, 1 up to 8, then 2.
pub fn allowed_edits(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

static ONE: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(1, true));
static TWO: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(2, true));

/// An automaton matching words within `distance` (1 or 2; more is clamped) edits of `term`.
pub fn automaton(term: &str, distance: u8) -> DFA {
    if distance <= 1 {
        ONE.build_dfa(term)
    } else {
        TWO.build_dfa(term)
    }
}

/// An automaton matching words that start with a prefix within `distance` (1 or 2) edits of
/// `prefix`: "vladovo" starts "vladivostok" with one edit.
pub fn prefix_automaton(prefix: &str, distance: u8) -> DFA {
    if distance <= 1 {
        ONE.build_prefix_dfa(prefix)
    } else {
        TWO.build_prefix_dfa(prefix)
    }
}

/// Makes the automaton builders now, so the first typo query is as fast as the rest.
pub fn warm_up() {
    LazyLock::force(&ONE);
    LazyLock::force(&TWO);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_scale_with_length() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(9), 2);
    }

    #[test]
    fn transpositions_are_one_edit() {
        let dfa = automaton("sanction", 1);
        assert!(matches!(
            dfa.eval("snaction"),
            levenshtein_automata::Distance::Exact(1)
        ));
        assert!(matches!(
            dfa.eval("sanctoin"),
            levenshtein_automata::Distance::Exact(1)
        ));
    }

    #[test]
    fn a_prefix_with_a_typo_completes() {
        let dfa = prefix_automaton("vladovo", 1);
        assert!(matches!(
            dfa.eval("vladivostok"),
            levenshtein_automata::Distance::Exact(1)
        ));
        assert!(matches!(
            dfa.eval("valdai"),
            levenshtein_automata::Distance::AtLeast(_)
        ));
    }
}
