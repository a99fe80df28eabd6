//! A generic JSON value tree, read from JSON text by [`crate::json::parse`]
//! (the card, the CLI and the build's locale step). A property test and the
//! fuzzer hold that reader to serde_json (`tests/support/serde_oracle.rs`).
//!
//! Validation walks this tree instead of deserialising straight into the
//! typed model: serde stops at the first error, and we want every problem
//! with its path, worded identically in the checker and in the card.

use std::borrow::Cow;

/// Deepest nesting accepted. Real movie files nest four levels; the limit
/// keeps a hostile document from exhausting the (small) wasm stack.
pub const MAX_DEPTH: usize = 32;
/// Most values (strings, numbers, objects, …) in one document.
pub const MAX_VALUES: usize = 250_000;

/// One JSON value. Objects keep their keys in document order. Text may
/// borrow from the document it was read from (`'t`): the browser's reader
/// copies only what the movie keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number; JSON has one number type.
    Number(f64),
    /// A string.
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Value<'t>>),
    /// An object, keys in document order (duplicates kept: validation
    /// reports them).
    Object(Vec<(Cow<'t, str>, Value<'t>)>),
}

impl<'t> Value<'t> {
    /// Plain-language name of this value's type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

impl Value<'_> {
    /// The same value, owning its text (no longer borrowing its document).
    pub fn to_static(&self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Number(*n),
            Value::String(s) => Value::String(Cow::Owned(s.to_string())),
            Value::Array(items) => Value::Array(items.iter().map(Value::to_static).collect()),
            Value::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (Cow::Owned(k.to_string()), v.to_static()))
                    .collect(),
            ),
        }
    }
}

/// Why a document over [`MAX_VALUES`] is refused.
pub fn too_many_values() -> String {
    format!("the document has more than {MAX_VALUES} values; it is too large")
}

/// Why a document nesting past [`MAX_DEPTH`] is refused.
pub fn too_deep() -> String {
    format!("the document nests deeper than {MAX_DEPTH} levels")
}
