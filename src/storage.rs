//! Remembered progress and reveals, per movie id, in `localStorage`.
//!
//! Keys (documented in the README; the values' formats are in
//! [`crate::stored`]):
//! - `spoiler-card:v1:<id>:progress` — minutes watched, e.g. `45`
//! - `spoiler-card:v1:<id>:revealed` — with `remember="all"`: what was
//!   revealed by hand, by stable key
//!
//! Storage is untrusted and may fail: it can throw on get, set or remove
//! (private mode, third-party contexts, quota, a page that replaced it), or
//! hold anything. Every failure means "not remembered", silently, and a
//! value that makes no sense is ignored.

use crate::gate::Reveals;
use crate::stored;

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
    /// Remembered reveals.
    pub reveals: Reveals,
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

/// Reads what is remembered for `id`, as far as `remember` allows. A
/// reveals value of an older format is removed.
pub fn load(id: &str, remember: Remember) -> Stored {
    if remember == Remember::None {
        return Stored::default();
    }
    let mut stored = Stored {
        progress: get(&key(id, "progress")).and_then(|v| stored::decode_progress(&v)),
        ..Stored::default()
    };
    if remember == Remember::All {
        let revealed = key(id, "revealed");
        if let Some(value) = get(&revealed) {
            match stored::decode_reveals(&value) {
                Some(reveals) => stored.reveals = reveals,
                None => set(&revealed, None),
            }
        }
    }
    stored
}

/// Writes what `remember` allows of the reader's own choice for `id`: the
/// progress (if the reader chose one) and what they revealed.
pub fn save(id: &str, remember: Remember, progress: Option<u16>, reveals: &Reveals) {
    if remember == Remember::None {
        return;
    }
    if let Some(progress) = progress {
        set(
            &key(id, "progress"),
            Some(&stored::encode_progress(progress)),
        );
    }
    if remember == Remember::All {
        let value = stored::encode_reveals(reveals);
        set(&key(id, "revealed"), value.as_deref());
    }
}
