//! Getting a movie into the card: from JSON text (inline, or fetched from a
//! URL with a 10 s timeout and shared by every card with the same URL), or
//! from a JS value (the `movie` property, turned into text by the
//! browser's `JSON.stringify`). The text is read by [`json::parse`] into
//! the same [`Value`](crate::value::Value) tree the native checker reads, so both report the
//! same problems with the same paths.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::json::{self, ParseError};
use crate::model::{self, limits, Movie, Problem, Report};
use crate::strings;

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
    /// No answer within 10 s (`TIMEOUT_MS` in embed.js).
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

#[wasm_bindgen(module = "/src/embed.js")]
extern "C" {
    /// The answer for `url`: `[code, text]` when it is already there (the
    /// loader asks for the data of the cards in view while the wasm
    /// loads), else a promise of it. Code 0 is success, a positive code an
    /// HTTP status, -1 the timeout and -2 a network failure.
    #[wasm_bindgen(js_name = fetchMovie)]
    fn fetch_movie(url: &str) -> JsValue;
}

/// The movie at `url` (already absolute), if it has been fetched and read.
pub fn cached(url: &str) -> Option<Rc<Loaded>> {
    BY_URL.with(|by_url| {
        by_url.borrow().iter().find_map(|(u, slot)| match slot {
            Shared::Done(loaded) if u == url => Some(loaded.clone()),
            _ => None,
        })
    })
}

/// Calls `then` with the movie at `url` (already absolute), now if it is
/// there, or once the request on its way, or started here, settles. A new
/// request starts if there is none, or if `again` and the last attempt
/// failed in a way retrying can mend.
pub fn load_shared(url: &str, again: bool, then: impl FnOnce(Rc<Loaded>) + 'static) {
    enum Next {
        Call(Rc<Loaded>, Box<dyn FnOnce(Rc<Loaded>)>),
        Wait,
        Start,
    }
    let next = BY_URL.with(|by_url| {
        let mut by_url = by_url.borrow_mut();
        let Some(i) = by_url.iter().position(|(u, _)| u == url) else {
            by_url.push((url.to_owned(), Shared::Pending(vec![Box::new(then)])));
            return Next::Start;
        };
        let slot = &mut by_url[i].1;
        match slot {
            Shared::Pending(waiters) => {
                waiters.push(Box::new(then));
                Next::Wait
            }
            Shared::Done(loaded)
                if again && loaded.as_ref().as_ref().is_err_and(LoadError::retryable) =>
            {
                *slot = Shared::Pending(vec![Box::new(then)]);
                Next::Start
            }
            Shared::Done(loaded) => Next::Call(loaded.clone(), Box::new(then)),
        }
    });
    // Outside the borrow: `then` may load again, and an answer already
    // there settles at once.
    match next {
        Next::Call(loaded, then) => then(loaded),
        Next::Wait => {}
        Next::Start => start_fetch(url),
    }
}

/// Starts fetching `url` for a card that is mounting, before its first
/// render, so the request is not held up by rendering; joins a request on
/// its way and reuses data already fetched. When the loader had already
/// fetched it, the movie is read here and the card's first render shows it.
pub fn prefetch(url: &str) {
    load_shared(url, true, |_| {});
}

fn start_fetch(url: &str) {
    let answer = fetch_movie(url);
    if answer.is_instance_of::<js_sys::Promise>() {
        let url = url.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = JsFuture::from(js_sys::Promise::from(answer)).await;
            settle(&url, read_answer(answer.unwrap_or(JsValue::UNDEFINED)));
        });
    } else {
        settle(url, read_answer(answer));
    }
}

/// The movie, or why there is none, from `fetchMovie`'s `[code, text]`.
fn read_answer(answer: JsValue) -> Loaded {
    let answer: js_sys::Array = answer.unchecked_into();
    match answer.get(0).as_f64().unwrap_or(-2.0) as i32 {
        0 => from_json_text(&answer.get(1).as_string().unwrap_or_default()),
        -1 => Err(LoadError::Timeout),
        status @ 1..=999 => Err(LoadError::Http(status as u16)),
        _ => Err(LoadError::Network),
    }
}

/// Stores the result for `url` and hands it to every card waiting for it.
fn settle(url: &str, loaded: Loaded) {
    let loaded = Rc::new(loaded);
    let waiters = BY_URL.with(|by_url| {
        let mut by_url = by_url.borrow_mut();
        let slot = by_url.iter_mut().find(|(u, _)| u == url).map(|(_, s)| s);
        match slot.map(|s| std::mem::replace(s, Shared::Done(loaded.clone()))) {
            Some(Shared::Pending(waiters)) => waiters,
            _ => Vec::new(),
        }
    });
    for then in waiters {
        then(loaded.clone());
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
