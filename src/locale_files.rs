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

#[wasm_bindgen(module = "/src/data.js")]
extern "C" {
    /// `[code, text]` for the file at `url`, or a promise of it (fetched
    /// once per page: see `fetchFile`).
    #[wasm_bindgen(js_name = fetchFile)]
    fn fetch_file(url: &str) -> JsValue;

    /// The URL of a shipped locale file in the embed folder.
    #[wasm_bindgen(js_name = localeUrl)]
    fn locale_url(lang: &str) -> String;

    /// The `strings` attribute resolved against the page (`None` without one).
    #[wasm_bindgen(js_name = stringsUrl)]
    fn strings_url(host: &HtmlElement) -> Option<String>;
}

/// A file's text, or why there is none (for the console).
type FileText = Result<Rc<str>, String>;

/// Which words: the language (`None`: English) and the strings file.
type Choice = (Option<String>, Option<String>);

thread_local! {
    /// The words read for each choice.
    static READ: RefCell<Vec<(Choice, Rc<Words>)>> = const { RefCell::new(Vec::new()) };
}

/// The words for `host` as its attributes and ancestors say now; `None`
/// while a file they need is on its way (`then` is called once it is).
pub fn words_for(host: &HtmlElement, then: impl Fn() + Clone + 'static) -> Option<Rc<Words>> {
    let language = Language::of(&language_tag(host));
    let strings = strings_url(host);
    let lang = match &language {
        Language::English => None,
        Language::Shipped(code) => Some((*code).to_owned()),
        Language::Other(code) => Some(code.clone()),
    };
    let choice: Choice = (lang, strings.clone());
    if let Some(words) = READ.with(|read| {
        read.borrow()
            .iter()
            .find(|(c, _)| *c == choice)
            .map(|(_, w)| w.clone())
    }) {
        return Some(words);
    }
    // Both files asked for at once; the card waits for what is on its way.
    let locale = match &language {
        Language::Shipped(code) => Some((code, file(&locale_url(code), then.clone()))),
        _ => None,
    };
    let overrides = strings.as_ref().map(|url| (url, file(url, then)));
    let locale = match locale {
        Some((code, Some(text))) => Some((code, text)),
        Some((_, None)) => return None,
        None => None,
    };
    let overrides = match overrides {
        Some((url, Some(text))) => Some((url, text)),
        Some((_, None)) => return None,
        None => None,
    };

    let mut words = Words::english();
    if let Some((code, text)) = locale {
        words = over(&words, code, &format!("the {code} strings"), text);
    }
    if let Some((url, text)) = overrides {
        // A language without a file speaks as the strings file has it.
        let lang = match &language {
            Language::Other(code) => code.as_str(),
            _ => &words.lang,
        };
        let lang = lang.to_owned();
        words = over(&words, &lang, &format!("the strings file {url}"), text);
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

/// `base` with the file `text` over it, or `base` and one console line.
fn over(base: &Rc<Words>, lang: &str, what: &str, text: FileText) -> Rc<Words> {
    let problems = match text.map(|text| base.read(lang, &text)) {
        Ok(Ok(words)) => return Rc::new(words),
        Ok(Err(problems)) => {
            let mut all = String::new();
            for problem in problems {
                if !all.is_empty() {
                    all.push_str("; ");
                }
                all.push_str(&problem);
            }
            all
        }
        Err(why) => why,
    };
    gloo_console::warn!(format!(
        "[spoiler-card] {what} could not be used ({problems}): the card speaks {} instead",
        if base.lang.as_ref() == "en" {
            "English"
        } else {
            &base.lang
        }
    ));
    base.clone()
}

/// The language tag that applies to `host`: its own `lang`, else its
/// nearest ancestor's (in its tree), else the page's.
fn language_tag(host: &HtmlElement) -> String {
    let from = |element: Option<web_sys::Element>| element?.get_attribute("lang");
    from(host.closest("[lang]").ok().flatten())
        .or_else(|| from(gloo_utils::document().document_element()))
        .unwrap_or_default()
}

/// The file at `url` if it is there; else `None`, and `then` is called
/// once it arrives.
fn file(url: &str, then: impl FnOnce() + 'static) -> Option<FileText> {
    let answer = match fetch_file(url).dyn_into::<js_sys::Promise>() {
        Ok(promise) => {
            wasm_bindgen_futures::spawn_local(async move {
                // `request` in data.js turns every failure into an answer.
                let _ = JsFuture::from(promise).await;
                then();
            });
            return None;
        }
        Err(answer) => answer.unchecked_into::<js_sys::Array>(),
    };
    Some(match answer.get(0).as_f64().unwrap_or(-2.0) as i32 {
        0 => Ok(answer.get(1).as_string().unwrap_or_default().into()),
        -1 => Err(format!("{url} took too long to arrive")),
        status @ 1..=999 => Err(format!("{url} could not be fetched: HTTP {status}")),
        _ => Err(format!("{url} could not be fetched: network error")),
    })
}
