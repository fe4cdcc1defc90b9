//! One sort for everything the browser orders: by a 64-bit key.
//!
//! Every `sort_by` with its own element type or closure compiles to its own copy of the standard
//! library's sort, 2–9 KB of wasm each: the app had fourteen, 63 KB of code before wasm-opt.
//! Here each order is a key (`u64`: a count, an offset, a [`descending`] score, two of them
//! [`pair`]ed), and one sort of `(key, position)` pairs serves them all. The position breaks ties,
//! so the sort is stable, and the items are then moved into place by a permutation, which is the
//! only code per element type and is a few dozen bytes. Measured with `dateline-size`: code
//! 839 → 795 KB, app shell 342,627 → 328,924 bytes gzip. (Facet values are put in label order at
//! build time for the same reason: `facets::Catalogue`.)

/// Sorts `items` by `key`, smallest first; items with equal keys keep their order.
pub fn sort_by_key<T>(items: &mut [T], key: impl FnMut(&T) -> u64) {
    let keyed = keyed(items, key);
    arrange(items, &keyed);
}

/// Keeps the `limit` items with the smallest keys, sorted by key (ties in their order). Cheaper
/// than a full sort when `limit` is much smaller than the items.
pub fn smallest_by_key<T>(items: &mut Vec<T>, limit: usize, key: impl FnMut(&T) -> u64) {
    let mut keyed = unsorted_keys(items, key);
    if limit < keyed.len() {
        // (key, position) pairs are all distinct: the selected ones are exactly the smallest.
        keyed.select_nth_unstable(limit);
        keyed.truncate(limit);
    }
    keyed.sort_unstable();
    arrange(items, &keyed);
    items.truncate(limit);
}

/// Sorts and removes repeated values: `keys.sort_unstable(); keys.dedup()` for any small
/// unsigned type, through the one sort.
pub fn sort_dedup<T: Copy + Into<u64> + PartialEq>(keys: &mut Vec<T>) {
    sort_by_key(keys, |&k| k.into());
    keys.dedup();
}

/// A key that sorts larger scores first, ties between equal scores by what follows in the key:
/// the `u32` that orders `f32`s as [`f32::total_cmp`] does, inverted.
pub fn descending(score: f32) -> u32 {
    let bits = score.to_bits();
    // total_cmp's order as unsigned integers: negative numbers flipped whole, positive ones
    // with the sign bit set so they follow every negative one.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    !ascending
}

/// A key that orders by `first`, then by `second`.
pub fn pair(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

fn unsorted_keys<T>(items: &[T], mut key: impl FnMut(&T) -> u64) -> Vec<(u64, u32)> {
    // Positions fit in 32 bits: nothing the app sorts comes near four billion items.
    items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item), at as u32))
        .collect()
}

fn keyed<T>(items: &[T], key: impl FnMut(&T) -> u64) -> Vec<(u64, u32)> {
    let mut keyed = unsorted_keys(items, key);
    keyed.sort_unstable();
    keyed
}

/// Puts the item that stood at `keyed[i].1` at position `i`, for every `i` of `keyed`. The items
/// not named in `keyed` end up after them, in no particular order.
fn arrange<T>(items: &mut [T], keyed: &[(u64, u32)]) {
    // `source[i]`: where the item that belongs at `i` stands now. Positions not in `keyed` take
    // the items not named, so the whole is a permutation.
    let mut named = vec![false; items.len()];
    let mut source: Vec<usize> = Vec::with_capacity(items.len());
    for &(_, at) in keyed {
        named[at as usize] = true;
        source.push(at as usize);
    }
    source.extend((0..items.len()).filter(|&at| !named[at]));
    // Walk each cycle of the permutation once, swapping the item that belongs next into place.
    let mut done = named;
    done.fill(false);
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        let mut at = start;
        loop {
            done[at] = true;
            let from = source[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = ["bb", "a", "cc", "d", "ee"];
        sort_by_key(&mut words, |w| w.len() as u64);
        assert_eq!(words, ["a", "d", "bb", "cc", "ee"]);
    }

    #[test]
    fn descending_scores_order_as_total_cmp_reversed() {
        let scores = [
            0.5f32,
            -1.0,
            3.0,
            0.0,
            -0.0,
            f32::INFINITY,
            2.5,
            f32::NEG_INFINITY,
        ];
        let mut by_key = scores.to_vec();
        sort_by_key(&mut by_key, |&s| u64::from(descending(s)));
        let mut by_cmp = scores.to_vec();
        by_cmp.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(by_key, by_cmp);
    }

    #[test]
    fn the_smallest_are_kept_in_order() {
        let mut v: Vec<u32> = vec![9, 3, 7, 1, 8, 3, 0];
        smallest_by_key(&mut v, 3, |&x| u64::from(x));
        assert_eq!(v, [0, 1, 3]);
        let mut all: Vec<u32> = vec![2, 1];
        smallest_by_key(&mut all, 5, |&x| u64::from(x));
        assert_eq!(all, [1, 2]);
    }

    #[test]
    fn sort_dedup_leaves_each_value_once() {
        let mut v: Vec<u8> = vec![b'k', b'a', b'k', b'z', b'a'];
        sort_dedup(&mut v);
        assert_eq!(v, b"akz");
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u64..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items.clone();
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn smallest_agrees_with_sort_and_truncate(items in proptest::collection::vec((0u64..6, any::<u16>()), 0..100), limit in 0usize..120) {
            let mut ours = items.clone();
            smallest_by_key(&mut ours, limit, |&(k, _)| k);
            let mut std = items.clone();
            std.sort_by_key(|&(k, _)| k);
            std.truncate(limit);
            prop_assert_eq!(ours, std);
        }
    }
}
