//! Getting a movie into the card: from JSON text, inline, fetched from a URL
//! (by `fetchMovie` in data.js, with its timeout; one request and one
//! parsed movie per URL while cards show it, shared by them), or the `movie` property
//! (turned into JSON text by data.js, inside a `try`). The text is read
//! and validated by [`document::check_text`], as the CLI's checker reads it,
//! so both report the same problems in the same words.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::document::{self, NotJson};
use crate::locale::{Key, Words};
use crate::model::{self, Movie, Problem, Report};
use crate::seam::{Answer, Outcome};

/// Why a card has no movie to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The data was read but is not a valid movie: its errors (the first
    /// [`model::limits::PROBLEMS`] of them) and how many it has in all.
    Invalid(Vec<Problem>, usize),
    /// The text is not JSON.
    NotJson(String),
    /// The server answered with an error status.
    Http(u16),
    /// The request failed (offline, CORS, DNS, …).
    Network,
    /// No answer in time (`TIMEOUT_MS` in data.js).
    Timeout,
    /// Neither `src`, inline JSON nor a `movie` property.
    NoData,
}

impl LoadError {
    /// Would trying again possibly help?
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadError::Http(_) | LoadError::Network | LoadError::Timeout
        )
    }

    /// One-line summary, in English: for the console, the error event and
    /// the CLI, whatever language the card speaks.
    pub fn summary(&self) -> String {
        self.summary_in(&Words::english())
    }

    /// One-line summary for the error box, in the card's words.
    pub fn summary_in(&self, words: &Words) -> String {
        match self {
            LoadError::Invalid(..) => words.text(Key::ErrorInvalid).to_owned(),
            LoadError::NotJson(detail) => words.say(Key::ErrorJson, &[("detail", detail)]),
            LoadError::Http(status) => {
                let status = words.digits_in(&status.to_string());
                words.say(Key::ErrorHttp, &[("status", &status)])
            }
            LoadError::Network => words.text(Key::ErrorNetwork).to_owned(),
            LoadError::Timeout => words.count(Key::ErrorTimeout, timeout_seconds() as usize, &[]),
            LoadError::NoData => words.text(Key::ErrorNoData).to_owned(),
        }
    }

    /// The full text logged to the console (English, like the problems).
    pub fn details(&self) -> String {
        match self {
            LoadError::Invalid(problems, count) => {
                let mut details = self.summary() + &problem_lines(problems);
                if *count > problems.len() {
                    details.push_str("\n  ");
                    details.push_str(&model::unlisted_problems(count - problems.len()));
                }
                details
            }
            _ => self.summary(),
        }
    }
}

/// A loaded movie, or why there is none; warnings go with the movie.
pub type Loaded = Result<(Rc<Movie>, Vec<Problem>), LoadError>;

fn from_report(report: Report) -> Loaded {
    let error_count = report.error_count;
    let Report {
        movie, problems, ..
    } = report;
    match movie {
        Some(movie) => Ok((Rc::new(movie), problems)),
        None => Err(LoadError::Invalid(
            problems
                .into_iter()
                .filter(|p| p.severity == model::Severity::Error)
                .collect(),
            error_count,
        )),
    }
}

/// Reads the `movie` property, as data.js hands it over: its JSON text,
/// or why the value is not data JSON can hold (a cycle, a BigInt, a getter
/// that throws, past the limits).
pub fn from_property(json: Result<&str, &str>) -> Loaded {
    match json {
        Ok(text) => from_json_text(text),
        Err(why) => from_report(Report::unreadable(format!("{NOT_DATA}: {why}"))),
    }
}

/// Why a `movie` property that JSON cannot hold is refused.
const NOT_DATA: &str = "the movie property is not plain data that JSON can hold";

/// Reads and validates JSON text, as the checker does.
pub fn from_json_text(text: &str) -> Loaded {
    match document::check_text(text) {
        Ok(report) => from_report(report),
        Err(NotJson(message)) => Err(LoadError::NotJson(message)),
    }
}

/// Receives a URL's data once it is there.
type Waiter = Box<dyn FnOnce(Rc<Loaded>)>;

/// A URL's data: on its way (with the label of the card that asked, for
/// the console, and the cards waiting for it), or fetched and validated
/// once for all the cards that show it. Done data is held by the cards
/// that show it (their props), not here: the last card that lets go of it
/// frees it, and a card that asks later fetches it again.
enum Shared {
    Pending(Rc<str>, Vec<Waiter>),
    Done(Weak<Loaded>),
}

impl Shared {
    /// Data no card holds any more.
    fn is_dropped(&self) -> bool {
        matches!(self, Shared::Done(loaded) if loaded.strong_count() == 0)
    }
}

thread_local! {
    /// Cards with the same `src` share one request and one parsed movie:
    /// a page of many cards of one film fetches, parses and validates once.
    /// (A page holds a few distinct URLs: a list is enough, and smaller.)
    static BY_URL: RefCell<Vec<(String, Shared)>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen(module = "/src/data.js")]
extern "C" {
    /// The [`Answer`] for `url` when it is already there (the loader asks
    /// for the data of the cards in view while the wasm loads), else a
    /// promise of it.
    #[wasm_bindgen(js_name = fetchMovie)]
    fn fetch_movie(url: &str) -> JsValue;

    /// The request timeout (`TIMEOUT_MS` in data.js), in seconds.
    #[wasm_bindgen(js_name = timeoutSeconds)]
    fn timeout_seconds() -> u32;
}

/// The movie at `url` (already absolute), if it has been fetched and read
/// and a card still holds it.
pub fn cached(url: &str) -> Option<Rc<Loaded>> {
    BY_URL.with(|by_url| {
        by_url.borrow().iter().find_map(|(u, slot)| match slot {
            Shared::Done(loaded) if u == url => loaded.upgrade(),
            _ => None,
        })
    })
}

/// Whether a card asks for what is known of a URL, or asks again.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// The answer known (or on its way) will do.
    Once,
    /// The reader pressed "Try again": a failure retrying can mend is
    /// fetched again.
    Again,
}

/// Calls `then` with the movie at `url` (already absolute), now if it is
/// there, or once the request on its way, or started here, settles. A new
/// request starts if there is none, or on [`Ask::Again`] when the last
/// attempt failed in a way retrying can mend; its outcome is logged once,
/// as `label`'s.
pub fn load_shared(url: &str, label: &str, ask: Ask, then: impl FnOnce(Rc<Loaded>) + 'static) {
    enum Next {
        Call(Rc<Loaded>, Box<dyn FnOnce(Rc<Loaded>)>),
        Wait,
        Start,
    }
    let next = BY_URL.with(|by_url| {
        let mut by_url = by_url.borrow_mut();
        by_url.retain(|(_, slot)| !slot.is_dropped());
        let Some(i) = by_url.iter().position(|(u, _)| u == url) else {
            by_url.push((
                url.to_owned(),
                Shared::Pending(label.into(), vec![Box::new(then)]),
            ));
            return Next::Start;
        };
        let slot = &mut by_url[i].1;
        match slot {
            Shared::Pending(_, waiters) => {
                waiters.push(Box::new(then));
                Next::Wait
            }
            Shared::Done(loaded) => match loaded.upgrade() {
                Some(loaded)
                    if !(ask == Ask::Again
                        && loaded.as_ref().as_ref().is_err_and(LoadError::retryable)) =>
                {
                    Next::Call(loaded, Box::new(then))
                }
                // (Dropped data was pruned above: only a retry gets here.)
                _ => {
                    *slot = Shared::Pending(label.into(), vec![Box::new(then)]);
                    Next::Start
                }
            },
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

fn start_fetch(url: &str) {
    let answer = fetch_movie(url);
    if answer.is_instance_of::<js_sys::Promise>() {
        let url = url.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            // `request` in data.js turns every failure into an answer, so
            // the promise never rejects; were it to, it is a network failure.
            let loaded = match JsFuture::from(js_sys::Promise::from(answer)).await {
                Ok(answer) => read_answer(answer),
                Err(_) => Err(LoadError::Network),
            };
            settle(&url, loaded);
        });
    } else {
        settle(url, read_answer(answer));
    }
}

/// The movie, or why there is none, from `fetchMovie`'s [`Answer`].
fn read_answer(answer: JsValue) -> Loaded {
    match answer.unchecked_into::<Answer>().read() {
        Outcome::Ok(text) => from_json_text(&text),
        Outcome::Timeout => Err(LoadError::Timeout),
        Outcome::Http(status) => Err(LoadError::Http(status)),
        _ => Err(LoadError::Network),
    }
}

/// Stores the result for `url`, logs it once, and hands it to every card
/// waiting for it (which hold it from then on).
fn settle(url: &str, loaded: Loaded) {
    let loaded = Rc::new(loaded);
    let waiters = BY_URL.with(|by_url| {
        let mut by_url = by_url.borrow_mut();
        let slot = by_url.iter_mut().find(|(u, _)| u == url).map(|(_, s)| s);
        match slot.map(|s| std::mem::replace(s, Shared::Done(Rc::downgrade(&loaded)))) {
            Some(Shared::Pending(label, waiters)) => {
                log(&label, &loaded);
                waiters
            }
            _ => Vec::new(),
        }
    });
    for then in waiters {
        then(loaded.clone());
    }
}

/// Logs a failure, or the warnings of a movie, to the console as
/// `[spoiler-card <label>] …` (once per load: the callers log data when they
/// read it).
pub fn log(label: &str, loaded: &Loaded) {
    match loaded {
        Err(error) => gloo_console::error!(format!("[spoiler-card {label}] {}", error.details())),
        Ok((_, warnings)) if !warnings.is_empty() => gloo_console::warn!(format!(
            "[spoiler-card {label}] warnings in the movie data:{}",
            problem_lines(warnings)
        )),
        Ok(_) => {}
    }
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
