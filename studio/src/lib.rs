//! The card studio: `<spoiler-card-studio>`, a form for every field of a
//! movie beside the live card. It validates with the card's own validator
//! (the words of `spoiler-card check`, the spoiler lint included), previews
//! with the real `<spoiler-card>` of the embed bundle (fed through
//! `el.movie`), and exports the JSON (the model's writer) and the
//! prerendered fragment (the same renderer as `spoiler-card render`).
//!
//! - `doc`: the document edited by path, minutes, pasted events (plain
//!   Rust, tested natively);
//! - `spec`: the form as a table;
//! - `state`: the studio's state and its actions (undo, redo);
//! - `words`: the studio's own words, English and German;
//! - `components/`: the form, the preview, problems, opening and export;
//! - `draft`: the draft kept in `localStorage`, offered back, never
//!   restored unasked;
//! - `studio.js`: the element (the class, `movie`, `render()`, the change
//!   event).

#![warn(missing_docs)]

pub mod doc;
pub mod spec;
pub mod state;
pub mod wikidata;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod draft;
#[cfg(target_arch = "wasm32")]
mod element;

/// What the studio shows for a document's JSON text: the report of
/// `spoiler-card check`, the spoiler lint included.
pub use spoiler_card::document::check_and_lint as check;
