//! The card's stylesheet: all component stylesheets (assets/css/),
//! concatenated and minified by build.rs, and the content-hashed name of
//! the file it is served as from the embed folder. The live card loads that
//! file (embed.js adopts it into each shadow root as one constructable
//! stylesheet: a strict CSP blocks `<style>`); a prerendered card links it.

/// The stylesheet's text.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.css"));

/// The stylesheet's file name in the embed folder:
/// `spoiler-card-<16 hex digits of its hash>.css`.
pub const CSS_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/card-css-file.txt"));
