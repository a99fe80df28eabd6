//! Spoiler gating: what a reader sees for a given watch progress and the
//! reveals they chose. Plain Rust; every component asks these functions.

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

/// How many timeline events, or characters, a list shows at first and
/// adds per "Show more": a film's 1,000-event timeline costs what 50 do
/// until the reader asks for more.
pub const LIST_PAGE: usize = 50;

/// A list the card shows a page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The timeline's events.
    Events,
    /// The characters.
    Characters,
}

/// The card's tabs, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// Timeline events.
    Timeline,
    /// Characters, settings and themes.
    Characters,
    /// Similar titles.
    Similar,
    /// Box office, cast and crew, production, links.
    More,
}

impl Tab {
    /// The tabs this movie has (More only when it has "more" facts).
    pub fn available(movie: &Movie) -> Vec<Tab> {
        let mut tabs = vec![Tab::Timeline, Tab::Characters, Tab::Similar];
        if movie.more.is_some() {
            tabs.push(Tab::More);
        }
        tabs
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The tab button's id, unique within one card.
    pub fn tab_id(self) -> &'static str {
        match self {
            Tab::Timeline => "sc-tab-timeline",
            Tab::Characters => "sc-tab-characters",
            Tab::Similar => "sc-tab-similar",
            Tab::More => "sc-tab-more",
        }
    }

    /// The tab panel's id.
    pub fn panel_id(self) -> &'static str {
        match self {
            Tab::Timeline => "sc-panel-timeline",
            Tab::Characters => "sc-panel-characters",
            Tab::Similar => "sc-panel-similar",
            Tab::More => "sc-panel-more",
        }
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
        if let Err(at) = self.revealed.binary_search(&key) {
            self.revealed.insert(at, key);
        }
    }

    /// What was revealed by hand, to remember.
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

/// A short message for the card's polite live region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    /// Nothing to say.
    None,
    /// The plot was revealed.
    PlotRevealed,
    /// The plot was hidden again.
    PlotHidden,
    /// One item was revealed.
    ItemRevealed,
    /// Everything in the tabs was revealed.
    EverythingRevealed,
    /// Everything was hidden again.
    EverythingHidden,
}

/// The card's whole interactive state, minus the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardState {
    /// What is revealed.
    pub gate: Gate,
    /// The selected tab.
    pub tab: Tab,
    /// What the live region says.
    pub announcement: Announcement,
    /// Bumped when focus should move to the revealed plot's heading.
    pub focus_plot: u32,
    /// Bumped by every reader action that changes what is revealed or the
    /// progress: those, and only those, are remembered.
    pub reader_changes: u32,
    /// How many timeline events are listed (a multiple of [`LIST_PAGE`]).
    pub shown_events: usize,
    /// How many characters are listed (a multiple of [`LIST_PAGE`]).
    pub shown_characters: usize,
    /// The tabs the reader has opened (a bit per [`Tab`]): their panels
    /// stay rendered, hidden, so going back to one is a style change.
    pub opened_tabs: u8,
}

/// Everything a reader can do to a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Reveal the full plot.
    RevealPlot,
    /// Hide the full plot again.
    HidePlot,
    /// Reveal one timeline event or arc.
    RevealItem(ItemKey),
    /// Reveal every event and arc.
    ShowEverything,
    /// Hide every hand-revealed event and arc again.
    HideEverything,
    /// The reader sets the watch progress, in minutes.
    SetProgress(u16),
    /// The page's `progress` attribute changed: applied, not remembered.
    FollowAttribute(u16),
    /// Restore a remembered state (progress and, if remembered, reveals).
    Restore {
        /// Remembered progress.
        progress: Option<u16>,
        /// Remembered reveals (of items the movie has).
        reveals: Reveals,
    },
    /// Select a tab.
    SelectTab(Tab),
    /// The reader's pointer or focus reached the tab list: build every
    /// panel now, hidden and inert, so that the press that follows only
    /// shows one (its first layout still comes with the press).
    PrepareTabs,
    /// List the next page of a list.
    ShowMore(List),
}

impl CardState {
    /// Has the reader opened `tab` (its panel is rendered)?
    pub fn opened(&self, tab: Tab) -> bool {
        self.opened_tabs & tab.bit() != 0
    }

    /// The state of a fresh card.
    pub fn new(runtime: u16, progress: u16) -> CardState {
        CardState {
            gate: Gate::new(runtime, progress),
            tab: Tab::Timeline,
            announcement: Announcement::None,
            focus_plot: 0,
            reader_changes: 0,
            shown_events: LIST_PAGE,
            shown_characters: LIST_PAGE,
            opened_tabs: Tab::Timeline.bit(),
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> CardState {
        let mut next = self.clone();
        if action == Action::PrepareTabs {
            // Nothing the reader sees changes, so neither does what the
            // live region says.
            next.opened_tabs = u8::MAX;
            return next;
        }
        next.announcement = Announcement::None;
        if !matches!(
            action,
            Action::FollowAttribute(_)
                | Action::Restore { .. }
                | Action::SelectTab(_)
                | Action::ShowMore(_)
        ) {
            next.reader_changes = self.reader_changes.wrapping_add(1);
        }
        match action {
            Action::RevealPlot => {
                next.gate.plot_revealed = true;
                next.announcement = Announcement::PlotRevealed;
                next.focus_plot = self.focus_plot.wrapping_add(1);
            }
            Action::HidePlot => {
                next.gate.plot_revealed = false;
                next.announcement = Announcement::PlotHidden;
            }
            Action::RevealItem(key) => {
                next.gate.reveal(key);
                next.announcement = Announcement::ItemRevealed;
            }
            Action::ShowEverything => {
                next.gate.show_all = true;
                next.announcement = Announcement::EverythingRevealed;
            }
            Action::HideEverything => {
                next.gate.show_all = false;
                next.gate.revealed.clear();
                next.announcement = Announcement::EverythingHidden;
            }
            Action::SetProgress(minutes) | Action::FollowAttribute(minutes) => {
                next.gate.set_progress(minutes)
            }
            Action::Restore { progress, reveals } => {
                if let Some(p) = progress {
                    next.gate.set_progress(p);
                }
                for key in reveals.items {
                    next.gate.reveal(key);
                }
                next.gate.plot_revealed |= reveals.plot;
                next.gate.show_all |= reveals.everything;
            }
            Action::PrepareTabs => {} // returned above
            Action::SelectTab(tab) => {
                next.tab = tab;
                next.opened_tabs |= tab.bit();
            }
            Action::ShowMore(List::Events) => next.shown_events += LIST_PAGE,
            Action::ShowMore(List::Characters) => next.shown_characters += LIST_PAGE,
        }
        next
    }
}
