//! A card's words, as its element asks for them: its language (its own
//! `lang`, else the nearest ancestor's, else the page's), the shipped file
//! for that language (`locales/<lang>.json` in the embed folder, fetched
//! once per page) and the blogger's strings file (the `strings`
//! attribute), read over the built-in English. Each combination is read
//! once per page and shared by its cards; a file that is missing or broken
//! leaves the card in the words below it (English at the bottom), with one
//! console line that says why.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::locale::{Language, Words};
use crate::seam::{Answer, Outcome};

#[wasm_bindgen(module = "/src/data.js")]
extern "C" {
    /// The [`Answer`] for the file at `url`, or a promise of it (fetched
    /// once per page: see `fetchFile`).
    #[wasm_bindgen(js_name = fetchFile)]
    fn fetch_file(url: &str) -> JsValue;

    /// The language tag that applies to `host` (own `lang`, ancestors'
    /// through shadow hosts, the page's): see `languageTag`.
    #[wasm_bindgen(js_name = languageTag)]
    fn language_tag(host: &HtmlElement) -> String;

    /// The URL of a shipped locale file in the embed folder.
    #[wasm_bindgen(js_name = localeUrl)]
    fn locale_url(lang: &str) -> String;

    /// The `strings` attribute resolved against the page (`None` without one).
    #[wasm_bindgen(js_name = stringsUrl)]
    fn strings_url(host: &HtmlElement) -> Option<String>;
}

/// A file as a card asks for it.
enum Got {
    /// Its text.
    Text(Rc<str>),
    /// Why there is none, for good (for the console, after its URL).
    Failed(&'static str),
    /// Still on its way after the wait: the card shows in the words below
    /// it meanwhile, and is told when it arrives.
    Slow,
    /// On its way: the card waits (it is told when the file arrives or the
    /// wait is over).
    Waiting,
}

/// Which words a card has: its language (`None`: English) and its
/// strings file.
#[derive(PartialEq)]
struct Choice {
    lang: Option<String>,
    strings: Option<String>,
}

thread_local! {
    /// The words read for each choice.
    static READ: RefCell<Vec<(Choice, Rc<Words>)>> = const { RefCell::new(Vec::new()) };
}

/// The words for `host` as its attributes and ancestors say now; `None`
/// while a file they need is on its way (`then` is called once it is, or
/// once the card has waited long enough).
pub fn words_for(host: &HtmlElement, then: impl Fn() + Clone + 'static) -> Option<Rc<Words>> {
    let language = Language::of(&language_tag(host));
    let choice = Choice {
        lang: match &language {
            Language::English => None,
            Language::Shipped(code) => Some((*code).to_owned()),
            Language::Other(code) => Some(code.clone()),
        },
        strings: strings_url(host),
    };
    if let Some(words) = READ.with(|read| {
        read.borrow()
            .iter()
            .find(|(c, _)| *c == choice)
            .map(|(_, w)| w.clone())
    }) {
        return Some(words);
    }
    // Both files asked for at once.
    let locale = match &language {
        Language::Shipped(code) => Some((*code, file(&locale_url(code), then.clone()))),
        _ => None,
    };
    let overrides = choice.strings.as_deref().map(|url| (url, file(url, then)));
    let got = [
        locale.as_ref().map(|l| &l.1),
        overrides.as_ref().map(|o| &o.1),
    ];
    if got.iter().flatten().any(|g| matches!(g, Got::Waiting)) {
        return None;
    }
    let slow = got.iter().flatten().any(|g| matches!(g, Got::Slow));

    let mut words = Words::english();
    if let Some((code, got)) = locale {
        words = over(&words, code, &locale_url(code), got);
    }
    if let Some((url, got)) = overrides {
        // A language without a file speaks as the strings file has it.
        let lang = match &language {
            Language::Other(code) => code.clone(),
            _ => words.lang.to_string(),
        };
        words = over(&words, &lang, url, got);
    }
    if slow {
        // Not kept: the file that is late replaces these when it arrives.
        return Some(words);
    }
    if let Language::Other(code) = &language {
        if words.lang.as_ref() != code.as_str() {
            gloo_console::info!(format!(
                "[spoiler-card] no {code} strings ship with the card: English is shown \
                 (a strings file, the `strings` attribute, can translate it)"
            ));
        }
    }
    READ.with(|read| read.borrow_mut().push((choice, words.clone())));
    Some(words)
}

/// `base` with the file over it; or `base`, and for a file that failed
/// one console line that says why.
fn over(base: &Rc<Words>, lang: &str, url: &str, got: Got) -> Rc<Words> {
    let problems = match got {
        Got::Text(text) => match base.read(lang, &text) {
            Ok(words) => return Rc::new(words),
            Err(problems) => {
                let mut all = String::new();
                for problem in problems {
                    if !all.is_empty() {
                        all.push_str("; ");
                    }
                    all.push_str(&problem);
                }
                all
            }
        },
        Got::Failed(why) => why.to_owned(),
        Got::Slow | Got::Waiting => return base.clone(),
    };
    gloo_console::warn!(format!(
        "[spoiler-card] the strings at {url} could not be used ({problems}): the card speaks {} instead",
        if base.lang.as_ref() == "en" {
            "English"
        } else {
            &base.lang
        }
    ));
    base.clone()
}

/// The file at `url` as far as it has come; `then` is called when more
/// of it is known (it arrived, or the wait is over).
fn file(url: &str, then: impl FnOnce() + 'static) -> Got {
    let tell_when = |promise: js_sys::Promise| {
        wasm_bindgen_futures::spawn_local(async move {
            // `request` in data.js turns every failure into an answer.
            let _ = JsFuture::from(promise).await;
            then();
        });
    };
    let answer = match fetch_file(url).dyn_into::<js_sys::Promise>() {
        Ok(promise) => {
            tell_when(promise);
            return Got::Waiting;
        }
        Err(answer) => answer.unchecked_into::<Answer>(),
    };
    match answer.read() {
        Outcome::Ok(text) => Got::Text(text.into()),
        Outcome::Late(later) => {
            if let Some(promise) = later {
                tell_when(promise);
            }
            Got::Slow
        }
        Outcome::TooBig => Got::Failed("is larger than 64 KB"),
        Outcome::Timeout => Got::Failed("took too long to arrive"),
        Outcome::Http(404) => Got::Failed("is not there (HTTP 404)"),
        Outcome::Http(_) => Got::Failed("could not be fetched (an HTTP error)"),
        Outcome::Network => Got::Failed("could not be fetched (a network error)"),
    }
}
