//! The card's Yew components, one per file. State lives in [`crate::card_state`];
//! what is visible is decided by [`crate::gate`].

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

/// `h2` … `h6` for a heading `offset` levels below the card's title.
pub fn heading_tag(level: u8, offset: u8) -> &'static str {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    TAGS[usize::from(level.saturating_add(offset).clamp(1, 6) - 1)]
}
