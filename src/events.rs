//! What a card tells its page, and how the page names what it reveals.
//! Plain Rust: the element's JS API (`el.revealed`, `el.reveal(…)`) and its
//! `spoiler-card:*` events use these names and details; `embed` turns them
//! into plain JS values and dispatches them.
//!
//! Names: `plot` (the full plot), `everything` ("Show everything"),
//! `event:<key>` (a timeline event) and `arc:<key>` (a character's arc),
//! where `<key>` is the item's stable key: its `id`, or `#` and 16 hex
//! digits derived from its content.

use crate::gate::{Gate, ItemKey};
use crate::model::Movie;

/// The full plot's name.
pub const PLOT: &str = "plot";
/// "Show everything"'s name.
pub const EVERYTHING: &str = "everything";

/// The events a card dispatches (as `spoiler-card:<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The card shows its movie (after restoring what the reader chose).
    Ready,
    /// The card shows an error instead of a movie.
    Error,
    /// The reader moved the progress.
    Progress,
    /// The reader revealed something.
    Reveal,
    /// The reader hid something again.
    Hide,
}

impl Kind {
    /// The event's type, as dispatched.
    pub fn event_type(self) -> &'static str {
        match self {
            Kind::Ready => "spoiler-card:ready",
            Kind::Error => "spoiler-card:error",
            Kind::Progress => "spoiler-card:progress",
            Kind::Reveal => "spoiler-card:reveal",
            Kind::Hide => "spoiler-card:hide",
        }
    }
}

/// An event's `detail`. Absent fields are left out of the JS object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    /// The movie's id.
    pub id: Option<String>,
    /// The watch progress, in minutes.
    pub progress: Option<u16>,
    /// What this event revealed (`reveal`) or hid (`hide`), by name.
    pub changed: Vec<String>,
    /// Everything revealed by hand now, by name (all but `error`).
    pub revealed: Option<Vec<String>>,
    /// Why there is no movie (`error`): the card's one-line summary.
    pub message: Option<String>,
    /// The problems behind it, a line each (`error`).
    pub details: Option<String>,
}

/// One field of a detail, as the page gets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    /// A string.
    Text(&'a str),
    /// A number.
    Number(u16),
    /// An array of strings.
    Names(&'a [String]),
}

impl Detail {
    /// The fields of the page's `event.detail`, in this order, the absent
    /// ones left out (`embed` makes a plain JS object of them).
    pub fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        let mut fields = Vec::new();
        if let Some(id) = &self.id {
            fields.push(("id", Field::Text(id)));
        }
        if let Some(progress) = self.progress {
            fields.push(("progress", Field::Number(progress)));
        }
        if !self.changed.is_empty() {
            fields.push(("changed", Field::Names(&self.changed)));
        }
        if let Some(revealed) = &self.revealed {
            fields.push(("revealed", Field::Names(revealed)));
        }
        if let Some(message) = &self.message {
            fields.push(("message", Field::Text(message)));
        }
        if let Some(details) = &self.details {
            fields.push(("details", Field::Text(details)));
        }
        fields
    }
}

/// An item's name (`event:<key>`, `arc:<key>`).
pub fn item_name(key: &ItemKey) -> String {
    match key {
        ItemKey::Event(k) => format!("event:{k}"),
        ItemKey::Arc(k) => format!("arc:{k}"),
    }
}

/// Everything revealed by hand, by name: `plot`, `everything`, then the
/// items in key order.
pub fn revealed_names(gate: &Gate) -> Vec<String> {
    let mut names = Vec::new();
    if gate.plot_revealed {
        names.push(PLOT.to_owned());
    }
    if gate.show_all {
        names.push(EVERYTHING.to_owned());
    }
    names.extend(gate.revealed.iter().map(item_name));
    names
}

/// What the page can ask a card to reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The full plot.
    Plot,
    /// Every event and arc.
    Everything,
    /// One event or arc that the movie has.
    Item(ItemKey),
}

/// The target a page names, if `movie` has it: `None` for anything else.
pub fn target(name: &str, movie: &Movie) -> Option<Target> {
    match name {
        PLOT => return Some(Target::Plot),
        EVERYTHING => return Some(Target::Everything),
        _ => {}
    }
    if let Some(key) = name.strip_prefix("event:") {
        return movie
            .timeline
            .iter()
            .find(|e| &*e.key == key)
            .map(|e| Target::Item(ItemKey::Event(e.key.clone())));
    }
    let key = name.strip_prefix("arc:")?;
    movie
        .characters
        .iter()
        .find(|c| c.arc.is_some() && &*c.key == key)
        .map(|c| Target::Item(ItemKey::Arc(c.key.clone())))
}

/// The events one reader action makes, from the gate just before it and
/// just after (`CardState::apply`, action by action, so that a page's call
/// in between is never counted as the reader's): a progress event if the
/// progress moved, a reveal event for what became revealed by hand and a
/// hide event for what stopped being. The card fills in the movie's id.
pub fn reader_events(before: &Gate, after: &Gate) -> Vec<(Kind, Detail)> {
    let gained = changed_names(after, before);
    let lost = changed_names(before, after);
    let detail = |changed: Vec<String>| Detail {
        progress: Some(after.progress),
        revealed: Some(revealed_names(after)),
        changed,
        ..Detail::default()
    };
    let mut events = Vec::new();
    if before.progress != after.progress {
        events.push((Kind::Progress, detail(Vec::new())));
    }
    if !gained.is_empty() {
        events.push((Kind::Reveal, detail(gained)));
    }
    if !lost.is_empty() {
        events.push((Kind::Hide, detail(lost)));
    }
    events
}

/// The names revealed by hand in `gate` and not in `other` (the item lists
/// are sorted: a binary search each, for a reveal among thousands).
fn changed_names(gate: &Gate, other: &Gate) -> Vec<String> {
    let mut names = Vec::new();
    if gate.plot_revealed && !other.plot_revealed {
        names.push(PLOT.to_owned());
    }
    if gate.show_all && !other.show_all {
        names.push(EVERYTHING.to_owned());
    }
    names.extend(
        gate.revealed
            .iter()
            .filter(|key| other.revealed.binary_search(key).is_err())
            .map(item_name),
    );
    names
}

/// The `ready` event's detail.
pub fn ready(id: &str, gate: &Gate) -> Detail {
    Detail {
        id: Some(id.to_owned()),
        progress: Some(gate.progress),
        revealed: Some(revealed_names(gate)),
        ..Detail::default()
    }
}
