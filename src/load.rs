//! Getting a movie into the card: from a JS value (the `movie` property,
//! or JSON text parsed by the browser's `JSON.parse`), or fetched from a URL
//! with a 10 s timeout. Parsing goes through serde-wasm-bindgen into the
//! same [`Value`] tree the native checker uses, so both report the same
//! problems with the same paths.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{self, limits, Movie, Problem, Report};
use crate::strings;
use crate::value;

/// How long a fetch may take before the card gives up.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// Why a card has no movie to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The data was read but is not a valid movie.
    Invalid(Vec<Problem>),
    /// The text is not JSON.
    NotJson(String),
    /// The server answered with an error status.
    Http(u16),
    /// The request failed (offline, CORS, DNS, …).
    Network,
    /// No answer within [`FETCH_TIMEOUT_MS`].
    Timeout,
    /// Neither `src`, inline JSON nor a `movie` property.
    NoData,
    /// The browser lacks something the card needs.
    Unsupported,
}

impl LoadError {
    /// Would trying again possibly help?
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadError::Http(_) | LoadError::Network | LoadError::Timeout
        )
    }

    /// One-line summary for the error box.
    pub fn summary(&self) -> String {
        match self {
            LoadError::Invalid(_) => strings::ERROR_INVALID.to_owned(),
            LoadError::NotJson(detail) => strings::error_json(detail),
            LoadError::Http(status) => strings::error_http(*status),
            LoadError::Network => strings::ERROR_NETWORK.to_owned(),
            LoadError::Timeout => strings::ERROR_TIMEOUT.to_owned(),
            LoadError::NoData => strings::ERROR_NO_DATA.to_owned(),
            LoadError::Unsupported => strings::ERROR_UNSUPPORTED.to_owned(),
        }
    }

    /// The full text logged to the console.
    pub fn details(&self) -> String {
        match self {
            LoadError::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
                format!("{}\n{}", self.summary(), lines.join("\n"))
            }
            _ => self.summary(),
        }
    }
}

/// A loaded movie, or why there is none; warnings go with the movie.
pub type Loaded = Result<(Rc<Movie>, Vec<Problem>), LoadError>;

fn from_report(report: Report) -> Loaded {
    let Report { movie, problems } = report;
    match movie {
        Some(movie) => Ok((Rc::new(movie), problems)),
        None => Err(LoadError::Invalid(
            problems
                .into_iter()
                .filter(|p| p.severity == model::Severity::Error)
                .collect(),
        )),
    }
}

/// Validates a JS value (an object from `JSON.parse` or from a page's script).
pub fn from_js(data: &JsValue) -> Loaded {
    let deserializer = serde_wasm_bindgen::Deserializer::from(data.clone());
    match value::read_document(deserializer) {
        Ok(tree) => from_report(model::validate(&tree)),
        Err(err) => from_report(Report::unreadable(err.to_string())),
    }
}

/// Parses JSON text with the browser's parser, then validates it.
pub fn from_json_text(text: &str) -> Loaded {
    if text.len() > limits::DOCUMENT_BYTES {
        return from_report(Report::unreadable(format!(
            "the document is {} bytes, more than the limit of {}",
            text.len(),
            limits::DOCUMENT_BYTES
        )));
    }
    match js_sys::JSON::parse(text) {
        Ok(data) => from_js(&data),
        Err(err) => {
            let message = err
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "syntax error".to_owned());
            Err(LoadError::NotJson(message))
        }
    }
}

/// Fetches `url` (already absolute) and validates what comes back.
pub async fn fetch_movie(url: &str) -> Loaded {
    let Some(window) = web_sys::window() else {
        return Err(LoadError::Unsupported);
    };
    let controller = web_sys::AbortController::new().map_err(|_| LoadError::Unsupported)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    // The timer aborts the request and the body read; dropping it on the
    // way out cancels it.
    let abort = controller.clone();
    let _timeout = gloo_timers::callback::Timeout::new(FETCH_TIMEOUT_MS, move || abort.abort());
    let timed_out = || controller.signal().aborted();

    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(r) => r.unchecked_into::<web_sys::Response>(),
        Err(_) if timed_out() => return Err(LoadError::Timeout),
        Err(_) => return Err(LoadError::Network),
    };
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    match text {
        Ok(text) => from_json_text(&text.as_string().unwrap_or_default()),
        Err(_) if timed_out() => Err(LoadError::Timeout),
        Err(_) => Err(LoadError::Network),
    }
}

/// Logs a failure once to the console as `[spoiler-card <label>] …`.
pub fn log_error(label: &str, error: &LoadError) {
    web_sys::console::error_1(&format!("[spoiler-card {label}] {}", error.details()).into());
}

/// Logs validation warnings once as `[spoiler-card <label>] …`.
pub fn log_warnings(label: &str, warnings: &[Problem]) {
    if warnings.is_empty() {
        return;
    }
    let lines: Vec<String> = warnings.iter().map(|p| format!("  {p}")).collect();
    web_sys::console::warn_1(
        &format!(
            "[spoiler-card {label}] warnings in the movie data:\n{}",
            lines.join("\n")
        )
        .into(),
    );
}
