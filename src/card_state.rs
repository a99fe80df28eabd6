//! The card's interactive state: [`CardState`], everything a reader can do
//! to it ([`Action`]), and the pure [`CardState::apply`]. Plain Rust; with
//! the `web` feature Yew's `use_reducer` drives it (the `yew::Reducible`
//! impl at the end). Saving what the reader chose happens in the card's effect,
//! never here.

use crate::events::{self, Detail, Kind, Target};
use crate::gate::{insert_key, Gate, ItemKey, Reveals};
use crate::model::Movie;

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
    /// progress: those, and only those, are remembered and told.
    pub reader_changes: u32,
    /// The progress the reader chose (this visit, or restored from
    /// storage): what is remembered, whatever the page or the attribute set.
    pub reader_progress: Option<u16>,
    /// What the reader revealed by hand (this visit, or restored from
    /// storage): what is remembered, without what the page revealed.
    pub reader_reveals: Reveals,
    /// The events of the last reader action (see [`events::reader_events`]),
    /// which the card tells after it renders. (Two reader actions in one
    /// task would tell only the second: takeover.js replays a take-over's
    /// early press and slider a task apart, and a reader cannot act twice in
    /// one.)
    pub told: Vec<(Kind, Detail)>,
    /// How many timeline events are listed (a multiple of [`LIST_PAGE`]).
    pub shown_events: usize,
    /// How many characters are listed (a multiple of [`LIST_PAGE`]).
    pub shown_characters: usize,
    /// The tabs the reader has opened (a bit per [`Tab`]): their panels
    /// stay rendered, hidden, so going back to one is a style change.
    pub opened_tabs: u8,
}

/// Where a restored state was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// In storage: the reader's own choice (what they may change next and
    /// what is saved then).
    Storage,
    /// In the element's snapshot of the card it showed (after a move or a
    /// restart): shown again as it was, page calls included, but not the
    /// reader's choice.
    Snapshot,
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
    /// The page set the progress (its `progress` attribute changed, or
    /// `el.progress = …`): applied, not remembered, no event.
    PageProgress(u16),
    /// The page revealed something (`el.reveal(…)`): applied, not
    /// remembered, no event, no announcement and focus stays put.
    PageReveal(Target),
    /// The page hid everything revealed by hand (`el.hide()`), like
    /// [`Action::PageReveal`].
    PageHide,
    /// Restore a remembered state (progress and, if remembered, reveals).
    Restore {
        /// Remembered progress.
        progress: Option<u16>,
        /// Remembered reveals (of items the movie has).
        reveals: Reveals,
        /// Where it was kept: only what storage kept is the reader's own.
        from: Kept,
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
            reader_progress: None,
            reader_reveals: Reveals::default(),
            told: Vec::new(),
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
            Action::PageProgress(_)
                | Action::PageReveal(_)
                | Action::PageHide
                | Action::Restore { .. }
                | Action::SelectTab(_)
                | Action::ShowMore(_)
        ) {
            next.reader_changes = self.reader_changes.wrapping_add(1);
        }
        match action {
            Action::RevealPlot => {
                next.gate.plot_revealed = true;
                next.reader_reveals.plot = true;
                next.announcement = Announcement::PlotRevealed;
                next.focus_plot = self.focus_plot.wrapping_add(1);
            }
            Action::HidePlot => {
                next.gate.plot_revealed = false;
                next.reader_reveals.plot = false;
                next.announcement = Announcement::PlotHidden;
            }
            Action::RevealItem(key) => {
                insert_key(&mut next.reader_reveals.items, key.clone());
                next.gate.reveal(key);
                next.announcement = Announcement::ItemRevealed;
            }
            Action::ShowEverything => {
                next.gate.show_all = true;
                next.reader_reveals.everything = true;
                next.announcement = Announcement::EverythingRevealed;
            }
            Action::HideEverything => {
                next.gate.show_all = false;
                next.gate.revealed.clear();
                next.reader_reveals.everything = false;
                next.reader_reveals.items.clear();
                next.announcement = Announcement::EverythingHidden;
            }
            Action::SetProgress(minutes) => {
                next.gate.set_progress(minutes);
                next.reader_progress = Some(next.gate.progress);
            }
            Action::PageProgress(minutes) => next.gate.set_progress(minutes),
            Action::PageReveal(Target::Plot) => next.gate.plot_revealed = true,
            Action::PageReveal(Target::Everything) => next.gate.show_all = true,
            Action::PageReveal(Target::Item(key)) => next.gate.reveal(key),
            Action::PageHide => {
                next.gate.plot_revealed = false;
                next.gate.show_all = false;
                next.gate.revealed.clear();
            }
            Action::Restore {
                progress,
                reveals,
                from,
            } => {
                if let Some(p) = progress {
                    next.gate.set_progress(p);
                }
                next.gate.plot_revealed |= reveals.plot;
                next.gate.show_all |= reveals.everything;
                if from == Kept::Storage {
                    next.reader_progress = progress.map(|_| next.gate.progress);
                    next.reader_reveals.plot |= reveals.plot;
                    next.reader_reveals.everything |= reveals.everything;
                }
                for key in reveals.items {
                    if from == Kept::Storage {
                        insert_key(&mut next.reader_reveals.items, key.clone());
                    }
                    next.gate.reveal(key);
                }
            }
            Action::PrepareTabs => {} // returned above
            Action::SelectTab(tab) => {
                next.tab = tab;
                next.opened_tabs |= tab.bit();
            }
            Action::ShowMore(List::Events) => next.shown_events += LIST_PAGE,
            Action::ShowMore(List::Characters) => next.shown_characters += LIST_PAGE,
        }
        if next.reader_changes != self.reader_changes {
            next.told = events::reader_events(&self.gate, &next.gate);
        }
        next
    }
}

#[cfg(feature = "web")]
mod reducible {
    use std::rc::Rc;

    use yew::Reducible;

    use super::{Action, CardState};

    impl Reducible for CardState {
        type Action = Action;

        fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
            let next = self.apply(action);
            // An action that changes nothing (the tabs prepared again, the
            // selected tab selected again) returns the same state: Yew skips
            // the render. (A reveal always counts as a reader change, so it
            // renders.)
            if next == *self {
                self
            } else {
                Rc::new(next)
            }
        }
    }
}
