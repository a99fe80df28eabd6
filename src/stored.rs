//! The text form of what a card remembers: the values it keeps in
//! `localStorage`, and the snapshot of a live card kept for a restart of the
//! card engine. Plain Rust, no web dependency: every value read here is
//! untrusted (any script of the blog's origin, an extension or a damaged
//! profile can write any string), so decoding never fails loudly: what
//! makes no sense is ignored.
//!
//! Formats (documented in the README):
//! - progress: minutes watched, `45`;
//! - reveals: `2:` then comma-separated tokens, `plot` (the full plot),
//!   `all` ("Show everything"), `e:<key>` (a timeline event) and `a:<key>`
//!   (a character's arc), where `<key>` is the item's stable key (its `id`, or
//!   `#` and 16 hex digits derived from its content). The `2:` names the
//!   format: values of the first format (`e3` for "the fourth event") named
//!   items by position and are dropped.
//! - snapshot: the movie id, `;`, progress, `;`, the `progress` attribute
//!   it was taken under (empty without one), `;`, then a reveals value.

use crate::gate::{ItemKey, Reveals};
use crate::model::limits;

/// The tag that starts a reveals value of the current format.
pub const REVEALS_FORMAT: &str = "2:";

/// Longest value read at all: the tag, `plot,all,` and a token (`e:`, the
/// longest id, `,`) for every event and arc of the largest movie fit;
/// anything longer is not ours.
pub const MAX_VALUE_BYTES: usize = REVEALS_FORMAT.len()
    + "plot,all,".len()
    + (limits::TIMELINE + limits::CHARACTERS) * (limits::ID + 3);

/// Remembered progress, in minutes, from its stored text.
pub fn decode_progress(text: &str) -> Option<u16> {
    let text = text.trim();
    // Digits only: `parse` would also take a sign.
    if text.is_empty() || text.len() > 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The stored text of a progress.
pub fn encode_progress(minutes: u16) -> String {
    minutes.to_string()
}

/// What the value says was revealed; `None` when it is not a value of the
/// current format (an older one, or anything else).
pub fn decode_reveals(text: &str) -> Option<Reveals> {
    if text.len() > MAX_VALUE_BYTES {
        return None;
    }
    let tokens = text.strip_prefix(REVEALS_FORMAT)?;
    let mut reveals = Reveals::default();
    for token in tokens.split(',') {
        match token {
            "plot" => reveals.plot = true,
            "all" => reveals.everything = true,
            _ => {
                // Any key is taken: one the movie does not have reveals
                // nothing (the card keeps only keys of its items).
                let item = match token.split_once(':') {
                    Some(("e", key)) if !key.is_empty() => ItemKey::Event(key.into()),
                    Some(("a", key)) if !key.is_empty() => ItemKey::Arc(key.into()),
                    _ => continue,
                };
                reveals.items.push(item);
            }
        }
    }
    Some(reveals)
}

/// The stored text of `reveals`; `None` when nothing is revealed (the key
/// is then removed).
pub fn encode_reveals(reveals: &Reveals) -> Option<String> {
    if !reveals.plot && !reveals.everything && reveals.items.is_empty() {
        return None;
    }
    let mut text = String::from(REVEALS_FORMAT);
    let mut add = |kind: &str, key: &str| {
        if text.len() > REVEALS_FORMAT.len() {
            text.push(',');
        }
        text.push_str(kind);
        text.push_str(key);
    };
    if reveals.plot {
        add("plot", "");
    }
    if reveals.everything {
        add("all", "");
    }
    for item in &reveals.items {
        match item {
            ItemKey::Event(key) => add("e:", key),
            ItemKey::Arc(key) => add("a:", key),
        }
    }
    Some(text)
}

/// A live card's state, for the element to keep while the engine runs and
/// hand back when the card mounts again (after a move, or a restart of the
/// engine): its progress, the `progress` attribute it had then, its reveals.
pub fn encode_snapshot(
    id: &str,
    progress: u16,
    attribute: Option<u16>,
    reveals: &Reveals,
) -> String {
    let mut text = String::from(id);
    text.push(';');
    text.push_str(&encode_progress(progress));
    text.push(';');
    if let Some(attribute) = attribute {
        text.push_str(&encode_progress(attribute));
    }
    text.push(';');
    text.push_str(&encode_reveals(reveals).unwrap_or_default());
    text
}

/// The progress and reveals of a snapshot of the movie `id`; `None` when it
/// is of another movie (or not a snapshot at all). The progress is left out
/// when the `progress` attribute is no longer the one it was taken under:
/// the page's later change applies.
pub fn decode_snapshot(
    text: &str,
    id: &str,
    attribute: Option<u16>,
) -> Option<(Option<u16>, Reveals)> {
    let rest = text.strip_prefix(id)?.strip_prefix(';')?;
    let mut fields = rest.splitn(3, ';');
    let progress = fields.next().and_then(decode_progress);
    let taken_under = fields.next().and_then(decode_progress);
    let reveals = fields.next().and_then(decode_reveals).unwrap_or_default();
    Some((progress.filter(|_| taken_under == attribute), reveals))
}
