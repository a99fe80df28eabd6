//! Spoiler gating: what a reader sees for a given watch progress and the
//! reveals they chose. Plain Rust; every view asks [`Gate`] (or
//! [`is_visible`]) before it renders a gated text, and renders nothing of
//! what it keeps back.

use crate::model::{ItemId, Movie};

/// A gated item that can be revealed on its own, named by its stable key
/// (never by its position, so a remembered reveal stays with its item when
/// the author inserts, removes or reorders others).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKey {
    /// A timeline event, by [`Event::key`](crate::model::Event::key).
    Event(ItemId),
    /// A character's arc, by [`Character::key`](crate::model::Character::key).
    Arc(ItemId),
}

/// What the reader revealed by hand, as remembered (and restored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reveals {
    /// The full plot.
    pub plot: bool,
    /// "Show everything" in the tabs.
    pub everything: bool,
    /// Items revealed one by one.
    pub items: Vec<ItemKey>,
}

/// The keys of `items` that `movie` has: remembered keys of items the
/// author has since removed (or changed) reveal nothing.
pub fn known_items(movie: &Movie, items: Vec<ItemKey>) -> Vec<ItemKey> {
    let keys: Vec<ItemKey> = movie
        .timeline
        .iter()
        .map(|e| ItemKey::Event(e.key.clone()))
        .chain(
            movie
                .characters
                .iter()
                .filter(|c| c.arc.is_some())
                .map(|c| ItemKey::Arc(c.key.clone())),
        )
        .collect();
    // A heap sort: the standard sorts cost the bundle KBs (see `first_uses`).
    let keys = std::collections::BinaryHeap::from(keys).into_sorted_vec();
    items
        .into_iter()
        .filter(|k| keys.binary_search(k).is_ok())
        .collect()
}

/// Adds `key` to a sorted list of keys, once.
pub fn insert_key(keys: &mut Vec<ItemKey>, key: ItemKey) {
    if let Err(at) = keys.binary_search(&key) {
        keys.insert(at, key);
    }
}

/// Is an item that becomes true at `at_minute` visible?
///
/// - `progress` 0 means "not started": nothing is shown by progress.
/// - An item without a minute counts as the end of the film.
/// - Progress past the runtime counts as the end.
/// - A hand-revealed item is visible whatever the progress.
pub fn is_visible(
    at_minute: Option<u16>,
    runtime: u16,
    progress: u16,
    hand_revealed: bool,
) -> bool {
    if hand_revealed {
        return true;
    }
    let progress = progress.min(runtime);
    progress > 0 && at_minute.unwrap_or(runtime).min(runtime) <= progress
}

/// Is the full plot (summary, ending, post-credits) visible?
pub fn is_plot_visible(runtime: u16, progress: u16, revealed: bool) -> bool {
    revealed || progress >= runtime
}

/// What the reader has chosen to see, for one card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    /// Runtime of the movie, in minutes.
    pub runtime: u16,
    /// Watch progress in minutes, clamped to the runtime.
    pub progress: u16,
    /// The full plot was revealed by hand.
    pub plot_revealed: bool,
    /// "Show everything" is on.
    pub show_all: bool,
    /// Items revealed one by one, sorted, without duplicates. (A sorted
    /// `Vec` rather than a `BTreeSet`: same behaviour, less wasm.)
    pub revealed: Vec<ItemKey>,
}

impl Gate {
    /// A gate for a movie of `runtime` minutes at `progress`.
    pub fn new(runtime: u16, progress: u16) -> Gate {
        Gate {
            runtime,
            progress: progress.min(runtime),
            plot_revealed: false,
            show_all: false,
            revealed: Vec::new(),
        }
    }

    /// Is this item (at this minute) visible now?
    pub fn shows(&self, key: &ItemKey, at_minute: Option<u16>) -> bool {
        is_visible(
            at_minute,
            self.runtime,
            self.progress,
            self.show_all || self.revealed.binary_search(key).is_ok(),
        )
    }

    /// Is the full plot visible now?
    pub fn shows_plot(&self) -> bool {
        is_plot_visible(self.runtime, self.progress, self.plot_revealed)
    }

    /// Is anything revealed by hand ("Show everything" or one by one)?
    pub fn any_revealed(&self) -> bool {
        self.show_all || !self.revealed.is_empty()
    }

    /// Timeline events still hidden.
    pub fn hidden_events(&self, movie: &Movie) -> usize {
        movie
            .timeline
            .iter()
            .filter(|e| !self.shows(&ItemKey::Event(e.key.clone()), Some(e.at_minute)))
            .count()
    }

    /// Character arcs still hidden.
    pub fn hidden_arcs(&self, movie: &Movie) -> usize {
        movie
            .characters
            .iter()
            .filter_map(|c| c.arc.as_ref().map(|a| (c, a)))
            .filter(|(c, a)| !self.shows(&ItemKey::Arc(c.key.clone()), a.at_minute))
            .count()
    }

    /// Reveals one item by hand.
    pub fn reveal(&mut self, key: ItemKey) {
        insert_key(&mut self.revealed, key);
    }

    /// What is revealed by hand now, the page's calls included (the card's
    /// snapshot; what is remembered is `CardState::reader_reveals`).
    pub fn reveals(&self) -> Reveals {
        Reveals {
            plot: self.plot_revealed,
            everything: self.show_all,
            items: self.revealed.clone(),
        }
    }

    /// Sets progress (clamped to the runtime).
    pub fn set_progress(&mut self, minutes: u16) {
        self.progress = minutes.min(self.runtime);
    }
}
