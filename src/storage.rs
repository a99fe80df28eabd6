//! Remembered progress and reveals, per movie id, in `localStorage`.
//!
//! Keys (documented in the README):
//! - `spoiler-card:v1:<id>:progress` — minutes watched, e.g. `45`
//! - `spoiler-card:v1:<id>:revealed` — with `remember="all"`: `plot`,
//!   `e<index>` (timeline event) and `a<index>` (character arc), comma-separated
//!
//! Storage can throw (private mode, third-party contexts, quota, a page
//! that replaced it): every failure means "not remembered", silently.

use crate::spoiler::{Gate, ItemKey};
use std::fmt::Write;

/// What the `remember` attribute asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Remember {
    /// Remember nothing.
    None,
    /// Remember watch progress (the default).
    #[default]
    Progress,
    /// Remember progress and every reveal.
    All,
}

impl Remember {
    /// Reads the attribute; unknown values mean the default.
    pub fn from_attribute(value: Option<&str>) -> Remember {
        match value.map(str::trim) {
            Some("none") => Remember::None,
            Some("all") => Remember::All,
            _ => Remember::Progress,
        }
    }
}

/// What was remembered for one movie.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// Remembered progress in minutes.
    pub progress: Option<u16>,
    /// Remembered hand reveals.
    pub revealed: Vec<ItemKey>,
    /// The full plot was revealed.
    pub plot_revealed: bool,
}

/// The key for one movie's remembered value.
pub fn key(id: &str, what: &str) -> String {
    format!("spoiler-card:v1:{id}:{what}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: Option<&str>) {
    if let Some(storage) = local_storage() {
        // Quota and security errors only mean "not remembered".
        let _ = match value {
            Some(v) => storage.set_item(key, v),
            None => storage.remove_item(key),
        };
    }
}

/// Reads what is remembered for `id`, as far as `remember` allows.
pub fn load(id: &str, remember: Remember) -> Stored {
    if remember == Remember::None {
        return Stored::default();
    }
    let progress = get(&key(id, "progress")).and_then(|v| v.trim().parse().ok());
    let mut stored = Stored {
        progress,
        ..Stored::default()
    };
    if remember == Remember::All {
        for token in get(&key(id, "revealed")).unwrap_or_default().split(',') {
            match token.split_at(token.len().min(1)) {
                ("e", n) => stored.revealed.extend(n.parse().ok().map(ItemKey::Event)),
                ("a", n) => stored.revealed.extend(n.parse().ok().map(ItemKey::Arc)),
                _ if token == "plot" => stored.plot_revealed = true,
                _ => {}
            }
        }
    }
    stored
}

/// Writes what `remember` allows of `gate` for `id`.
pub fn save(id: &str, remember: Remember, gate: &Gate) {
    if remember == Remember::None {
        return;
    }
    set(&key(id, "progress"), Some(&gate.progress.to_string()));
    if remember == Remember::All {
        // "e3,a1,plot": written in place (no list of strings to join).
        let mut value = String::new();
        let tokens = gate.revealed.iter().map(|k| match k {
            ItemKey::Event(i) => ('e', *i),
            ItemKey::Arc(i) => ('a', *i),
        });
        for (kind, index) in tokens {
            let _ = write!(value, "{kind}{index},");
        }
        if gate.plot_revealed {
            value.push_str("plot");
        }
        let value = value.trim_end_matches(',');
        set(&key(id, "revealed"), (!value.is_empty()).then_some(value));
    }
}
