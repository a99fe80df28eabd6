//! Checks spoiler-card movie JSON text natively, with the same model code
//! the card runs in the browser.
#![deny(missing_docs)]

use spoiler_card::model::{self, limits, Report};
use spoiler_card::value;

/// Parses and validates one document's text.
pub fn check_text(text: &str) -> Report {
    if text.len() > limits::DOCUMENT_BYTES {
        return Report::unreadable(format!(
            "the document is {} bytes, more than the limit of {}",
            text.len(),
            limits::DOCUMENT_BYTES
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // Our own depth limit (32 levels) applies first: serde_json's (128) is
    // never reached.
    let tree =
        match value::read_document(&mut deserializer).and_then(|v| deserializer.end().map(|_| v)) {
            Ok(tree) => tree,
            Err(err) => {
                return Report::unreadable(format!(
                    "not valid JSON: {} at line {}, column {}",
                    strip_position(&err.to_string()),
                    err.line(),
                    err.column()
                ))
            }
        };
    model::validate(&tree)
}

/// serde_json appends " at line L column C"; we say it our own way.
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}
