//! spoiler-card: a spoiler-safe movie card for blogs, as one custom
//! element, `<spoiler-card>`.
//!
//! The model, validation, gating and formatting modules are plain Rust and
//! build without the `web` feature (the `spoiler-card` CLI's checker uses them);
//! the components need it, and the element (`start`, `embed`) needs
//! `element`. With `ssr` the same components render on a server:
//! `prerender` writes the declarative shadow DOM of `spoiler-card render`,
//! natively, or in wasm for Node with `node` (the npm package's CLI).
#![deny(missing_docs)]

#[cfg(feature = "web")]
pub mod card_link;
pub mod card_state;
pub mod document;
pub mod events;
/// Facts that Rust, the stylesheet and the JS side share, each defined once.
pub mod facts;
pub mod format;
pub mod gate;
pub mod json;
pub mod locale;
pub mod model;
pub mod stored;
pub mod value;

#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "element")]
pub mod embed;
#[cfg(feature = "web")]
pub mod load;
#[cfg(feature = "web")]
pub mod locale_files;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "web")]
pub mod seam;
#[cfg(feature = "web")]
pub mod storage;
pub mod styles;

// The browser's element on a synchronous scheduler would be broken: the
// two go into different builds (cargo unifies features across the
// packages of one build, so never build `-p spoiler-card-node` with the
// card for the browser).
#[cfg(all(target_arch = "wasm32", feature = "element", feature = "node"))]
compile_error!("the `element` and `node` features exclude each other in a wasm build");

// Talc instead of dlmalloc: a few KB less wasm, and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Registers `<spoiler-card>` when the module loads.
#[cfg(all(feature = "element", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    embed::register();
}
