//! Stable item keys, and finding repeated names or keys in n·log n.

use super::ItemId;

/// For each item, the index of the first earlier item equal to it, if any.
/// One sort of (item, index) pairs: n·log n for any input, where comparing
/// each item with every earlier one froze the page on an object of 200,000
/// keys. (A heap sort: the standard sorts cost the bundle 2-5 KB more for
/// the same result.)
pub fn first_uses<T: Ord>(items: &[T]) -> Vec<Option<usize>> {
    let order: Vec<usize> =
        std::collections::BinaryHeap::from_iter(items.iter().enumerate().map(|(i, x)| (x, i)))
            .into_sorted_vec()
            .into_iter()
            .map(|(_, i)| i)
            .collect();
    let mut first_use = vec![None; items.len()];
    let mut first = 0;
    for pos in 1..order.len() {
        if items[order[pos]] == items[order[first]] {
            first_use[order[pos]] = Some(order[first]);
        } else {
            first = pos;
        }
    }
    first_use
}

/// A 64-bit hash of a text (FNV-1a): names a document (the prerendered
/// card's stamp, the element's cache) without keeping it.
pub fn hash_text(text: &str) -> u64 {
    fnv1a(&[text.as_bytes()])
}

/// 64-bit FNV-1a over the parts, each closed by a byte UTF-8 never uses.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&[0xFF]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    hash
}

/// [`first_uses`] for texts, faster: each text sorts by its hash first, so
/// most comparisons are of two numbers (texts are compared only where
/// hashes are equal; colliding texts still sort by text, so the worst case
/// stays n·log n).
pub fn first_uses_of_texts(texts: &[&str]) -> Vec<Option<usize>> {
    // (hash, text) pairs: the sort compares two numbers, and two texts only
    // when their hashes are equal.
    let keyed: Vec<(u64, &str)> = texts.iter().map(|t| (hash_text(t), *t)).collect();
    first_uses(&keyed)
}

/// A key derived from an item's own content: `#` and 16 hex digits of a
/// hash of its parts. The same content always gives the same key, wherever
/// the item moves in its list.
/// Is `key` one [`derived_key`] made (not an item's own `id`)? An id is a
/// slug, which cannot start with `#`.
pub fn is_derived_key(key: &str) -> bool {
    key.starts_with('#')
}

pub(super) fn derived_key(parts: &[&[u8]]) -> ItemId {
    let hash = fnv1a(parts);
    // Hex by hand: `{:016x}` brings integer formatting code into the bundle.
    let mut key = String::with_capacity(17);
    key.push('#');
    for shift in (0..16).rev() {
        key.push(char::from(
            b"0123456789abcdef"[(hash >> (shift * 4)) as usize & 0xF],
        ));
    }
    key.into()
}
