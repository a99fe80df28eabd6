//! What draws the card, one file per part. Two are Yew components, with
//! props and hooks: [`loader::Loader`] (Loading, the card or the error box)
//! and [`card::Card`] (the reader's state, effects, the layout). The rest
//! are view functions that `Card` calls on each of its renders: each takes
//! its `…Args` (borrowed data, the card's words, and the card's
//! `Callback<Action>` if it acts), holds no state and runs no effect, so it
//! renders the same natively (the prerenderer) and in the browser. State
//! lives in [`crate::card_state`]; what is visible is decided by
//! [`crate::gate`].

pub mod card;
pub mod characters;
pub mod error_box;
pub mod header;
pub mod loader;
pub mod more;
pub mod placeholder;
pub mod progress;
pub mod reveal_bar;
pub mod show_more;
pub mod similar;
pub mod spoiler_gate;
pub mod tabs;
pub mod timeline;

/// Where a card is drawn, which decides what its gate and the events'
/// reveals are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Drawn {
    /// In the browser, live: buttons.
    #[default]
    Live,
    /// Into a page's HTML by `spoiler-card render`, for a live card to take
    /// over: `<details>`, which keep a press with no script running (see
    /// [`spoiler_gate::pending`]).
    ForTakeOver,
    /// Into a page's HTML by `render --static`: never live, so nothing can
    /// open them, and they are no controls, only the veil and its hint.
    Static,
}

impl Drawn {
    /// What this build can draw: the page's markup is compiled only with
    /// `ssr` (the CLI); the browser bundle leaves it out.
    pub fn here(self) -> Drawn {
        if cfg!(feature = "ssr") {
            self
        } else {
            Drawn::Live
        }
    }
}

/// `h2` … `h6` for a heading `offset` levels below the card's title.
pub fn heading_tag(level: u8, offset: u8) -> &'static str {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    TAGS[usize::from(level.saturating_add(offset).clamp(1, 6) - 1)]
}
