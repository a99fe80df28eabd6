//! One document's text to its report: the size limit, the one JSON reader
//! ([`json::parse`]), then validation. The card (`load`) and the CLI's
//! checker both call [`check_text`], so a document gets the same problem
//! lines in both.

use crate::json::{self, ParseError};
use crate::model::{self, limits, Report};

/// Why a text is not JSON at all, where: `expected ',' or '}' at line 3,
/// column 7`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotJson(pub String);

/// Why a document of `bytes` is not read: over the size limit.
pub fn too_big(bytes: u64) -> String {
    format!(
        "the document is {bytes} bytes, more than the limit of {}",
        limits::DOCUMENT_BYTES
    )
}

/// Reads and validates one document's text: its report, or why it is not
/// JSON. A document over the limits (size, depth, values) is JSON the card
/// will not read: a report with that one problem.
pub fn check_text(text: &str) -> Result<Report, NotJson> {
    if text.len() > limits::DOCUMENT_BYTES {
        return Ok(Report::unreadable(too_big(text.len() as u64)));
    }
    match json::parse(text) {
        Ok(tree) => Ok(model::validate(&tree)),
        Err(ParseError::Syntax(message)) => Err(NotJson(message)),
        Err(ParseError::Limit(message)) => Ok(Report::unreadable(message)),
    }
}

/// What `spoiler-card check` and the card studio report for a text: the
/// card's report, a text that is not JSON as its one problem ("not valid
/// JSON: …"), and for a valid movie the spoiler lint's warnings
/// ([`model::lint`]), which the card itself does not run.
pub fn check_and_lint(text: &str) -> Report {
    let mut report = check_text(text)
        .unwrap_or_else(|NotJson(why)| Report::unreadable(format!("not valid JSON: {why}")));
    if let Some(movie) = &report.movie {
        let warnings = model::lint::spoiler_lint(movie);
        report.add_warnings(warnings);
    }
    report
}
