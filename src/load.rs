//! Getting a movie into the card: from JSON text (inline, or fetched from a
//! URL with a 10 s timeout and shared by every card with the same URL), or
//! from a JS value (the `movie` property, turned into text by the
//! browser's `JSON.stringify`). The text is read by [`json::parse`] into
//! the same [`Value`](crate::value::Value) tree the native checker reads, so both report the
//! same problems with the same paths.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::json::{self, ParseError};
use crate::model::{self, limits, Movie, Problem, Report};
use crate::strings;

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
            LoadError::Invalid(problems) => self.summary() + &problem_lines(problems),
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

/// Validates a JS value (an object from a page's script): the browser's
/// `JSON.stringify` turns it into text in one call, which is then read
/// like any other JSON.
pub fn from_js(data: &JsValue) -> Loaded {
    match js_sys::JSON::stringify(data) {
        Ok(text) => match text.as_string() {
            Some(text) => from_json_text(&text),
            None => from_report(Report::unreadable(NOT_DATA)),
        },
        // A cycle or a BigInt: the browser's message says which.
        Err(err) => from_report(Report::unreadable(format!(
            "{NOT_DATA}: {}",
            err.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        ))),
    }
}

/// Why a `movie` property that JSON cannot hold is refused.
const NOT_DATA: &str = "the movie property is not plain data that JSON can hold";

/// Reads and validates JSON text.
pub fn from_json_text(text: &str) -> Loaded {
    if text.len() > limits::DOCUMENT_BYTES {
        return from_report(Report::unreadable(format!(
            "the document is {} bytes, more than the limit of {}",
            text.len(),
            limits::DOCUMENT_BYTES
        )));
    }
    match json::parse(text) {
        Ok(tree) => from_report(model::validate(&tree)),
        Err(ParseError::Syntax(message)) => Err(LoadError::NotJson(message)),
        Err(ParseError::Limit(message)) => from_report(Report::unreadable(message)),
    }
}

/// Receives a URL's data once it is there.
type Waiter = Box<dyn FnOnce(Rc<Loaded>)>;

/// A URL's data: on its way (with the cards waiting for it), or fetched
/// and validated once for all the cards that show it.
enum Shared {
    Pending(Vec<Waiter>),
    Done(Rc<Loaded>),
}

thread_local! {
    /// Cards with the same `src` share one request and one parsed movie:
    /// a page of many cards of one film fetches, parses and validates once.
    /// (A page holds a few distinct URLs: a list is enough, and smaller.)
    static BY_URL: RefCell<Vec<(String, Shared)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `then` with the movie at `url` (already absolute), now if it is
/// there, or once the request on its way, or started here, settles. A new
/// request starts if there is none, or if `again` and the last attempt
/// failed in a way retrying can mend.
pub fn load_shared(url: &str, again: bool, then: impl FnOnce(Rc<Loaded>) + 'static) {
    let done = BY_URL.with(|by_url| {
        let mut by_url = by_url.borrow_mut();
        let index = by_url.iter().position(|(u, _)| u == url);
        let slot = match index {
            Some(i) => &mut by_url[i].1,
            None => {
                by_url.push((url.to_owned(), Shared::Pending(Vec::new())));
                start_fetch(url);
                &mut by_url.last_mut().expect("just pushed").1
            }
        };
        match slot {
            Shared::Done(loaded)
                if again && loaded.as_ref().as_ref().is_err_and(LoadError::retryable) =>
            {
                *slot = Shared::Pending(vec![Box::new(then)]);
                start_fetch(url);
                None
            }
            Shared::Done(loaded) => Some((loaded.clone(), then)),
            Shared::Pending(waiters) => {
                waiters.push(Box::new(then));
                None
            }
        }
    });
    // Outside the borrow: `then` may load again.
    if let Some((loaded, then)) = done {
        then(loaded);
    }
}

/// Starts fetching `url` for a card that is mounting, before its first
/// render, so the request is not held up by rendering; joins a request on
/// its way and reuses data already fetched.
pub fn prefetch(url: &str) {
    load_shared(url, true, |_| {});
}

fn start_fetch(url: &str) {
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = Rc::new(fetch_movie(&url).await);
        let waiters = BY_URL.with(|by_url| {
            let mut by_url = by_url.borrow_mut();
            let slot = by_url.iter_mut().find(|(u, _)| *u == url).map(|(_, s)| s);
            match slot.map(|s| std::mem::replace(s, Shared::Done(loaded.clone()))) {
                Some(Shared::Pending(waiters)) => waiters,
                _ => Vec::new(),
            }
        });
        for then in waiters {
            then(loaded.clone());
        }
    });
}

/// Fetches `url` (already absolute) and validates what comes back.
async fn fetch_movie(url: &str) -> Loaded {
    let Some(window) = web_sys::window() else {
        return Err(LoadError::Unsupported);
    };
    // The browser's own timer aborts the request and the body read (no
    // timer of ours to keep or cancel). A browser without
    // `AbortSignal.timeout` (before 2022) waits as long as it takes.
    let signal =
        has_timeout_signal().then(|| web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS));
    let init = web_sys::RequestInit::new();
    init.set_signal(signal.as_ref());
    let timed_out = || signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);

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

fn has_timeout_signal() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into())
        .and_then(|signal| js_sys::Reflect::has(&signal, &"timeout".into()))
        .unwrap_or(false)
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
    web_sys::console::warn_1(
        &format!(
            "[spoiler-card {label}] warnings in the movie data:{}",
            problem_lines(warnings)
        )
        .into(),
    );
}

/// One indented line per problem, each after a line break.
fn problem_lines(problems: &[Problem]) -> String {
    use std::fmt::Write;
    let mut lines = String::new();
    for problem in problems {
        let _ = write!(lines, "\n  {problem}");
    }
    lines
}
