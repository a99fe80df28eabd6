//! The movie data contract (schema version 1): typed model, limits and the
//! validation that builds the model from a [`Value`] tree.
//!
//! Every problem is collected with its JSON path (`timeline[3].at_minute`)
//! and a plain reason; unknown fields are warnings, so a newer file still
//! renders. No web or Yew imports: this compiles and is tested natively.
//!
//! - `types`: the model ([`Movie`] and its parts) and the [`Report`];
//! - `keys`: stable item keys and duplicates, by hash;
//! - `urls`, `dates`: the URL and date rules;
//! - `fields`: the document's shape, one table of every object's fields;
//! - `checker`: the [`Value`] walker with its paths and value readers;
//! - `object_reader`: one object read against its shape, a field a line;
//! - `readers`: one reader per object of the document;
//! - `schema` (native only): the JSON Schema, generated from `fields`.
//! - `writer`: a movie back to JSON text, unknown fields kept;
//! - `lint`: the spoiler lint (`spoiler-card check` and the studio; the
//!   card never runs it).

mod checker;
mod dates;
pub mod fields;
mod keys;
pub mod lint;
mod object_reader;
mod readers;
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
mod schema;
mod types;
mod urls;
pub mod writer;

pub use dates::parse_date;
pub use keys::{first_uses, first_uses_of_texts, hash_text, is_derived_key};
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub use schema::json_schema;
pub use types::*;
pub use urls::{is_http_url, is_plain_relative, resolve_url};

use crate::value::Value;
use checker::Checker;

/// The schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;
/// The JSON Schema's `$id`: the `$schema` a written movie names when the
/// movie it was read from named none.
pub const SCHEMA_ID: &str = "https://spoiler-card.example/schema/movie.schema.json";

/// Limits, documented in the README's data-format table.
pub mod limits {
    /// Largest JSON document, in bytes of text.
    pub const DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
    /// Earliest film year accepted (the first motion pictures).
    pub const YEAR_MIN: i64 = 1878;
    /// Latest year accepted (announced films).
    pub const YEAR_MAX: i64 = 2100;
    /// Longest runtime, in minutes (24 hours).
    pub const RUNTIME_MAX: i64 = 1440;
    /// Short labels: id, names, titles, language, genres, link labels.
    pub const SHORT_TEXT: usize = 300;
    /// One paragraph, synopsis, description, event text.
    pub const LONG_TEXT: usize = 10_000;
    /// A URL.
    pub const URL: usize = 2048;
    /// Directors, genres, links.
    pub const SMALL_LIST: usize = 50;
    /// Paragraphs in one spoiler section.
    pub const PARAGRAPHS: usize = 200;
    /// Timeline events.
    pub const TIMELINE: usize = 5000;
    /// Characters.
    pub const CHARACTERS: usize = 1000;
    /// Settings, themes, similar titles.
    pub const TOPICS: usize = 500;
    /// Errors, and warnings, listed in a report (each up to this many, so
    /// that warnings never crowd errors out); the rest are only counted (a
    /// document of 200,000 unknown fields would otherwise make 200,000 lines).
    pub const PROBLEMS: usize = 1000;
    /// Longest `id` of a movie, an event or a character.
    pub const ID: usize = 100;
    /// Longest date text (`updated`).
    pub const DATE_TEXT: usize = 64;
}

/// Validates a document tree and builds the movie.
pub fn validate(document: &Value<'_>) -> Report {
    let mut checker = Checker::default();
    let movie = checker.movie(document);
    Report {
        movie: if checker.errors > 0 { None } else { movie },
        problems: checker.problems,
        error_count: checker.errors,
        warning_count: checker.warnings,
    }
}
