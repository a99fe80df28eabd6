//! The values that cross between data.js and Rust, named on this side as
//! data.js names them on its own (each side defines them once; the browser
//! tests drive every kind through the real glue, `tests/browser.rs`
//! `the_seam_…`): a request's [`Answer`], and which [`CardSource`] a card
//! reads. embed.js's own calls (`place`, `keepWords`, the facts at start)
//! are named in `embed/`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// What a request for movie data or a file came to (`answer` in
    /// data.js): `{ outcome, text, status, later }`.
    pub type Answer;
    #[wasm_bindgen(method, getter)]
    fn outcome(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn text(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Answer) -> Option<u16>;
    #[wasm_bindgen(method, getter)]
    fn later(this: &Answer) -> JsValue;

    /// Which source a card reads, and what Rust needs of it (`cardSource`
    /// in data.js): `{ kind, base, version, json, error, text, url, src }`.
    /// The data itself (`json`, `text`: up to 5 MB) is read only when its
    /// `version` is new ([`CardSource::data`]).
    pub type CardSource;
    #[wasm_bindgen(method, getter)]
    fn kind(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn base(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn version(this: &CardSource) -> Option<f64>;
    #[wasm_bindgen(method, getter)]
    fn json(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn error(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = text)]
    fn inline_text(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn url(this: &CardSource) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn src(this: &CardSource) -> Option<String>;
}

/// An [`Answer`], read.
#[derive(Debug)]
pub enum Outcome {
    /// `'ok'`: the body.
    Ok(String),
    /// `'http'`: an HTTP error status.
    Http(u16),
    /// `'timeout'`: no answer in time.
    Timeout,
    /// `'network'` (and anything unknown): the request failed.
    Network,
    /// `'too-big'`: a locale or strings file over its limit.
    TooBig,
    /// `'late'`: a file still on its way past its wait, and the promise of
    /// its answer.
    Late(Option<js_sys::Promise>),
}

impl Answer {
    /// The outcome, by its tag.
    pub fn read(&self) -> Outcome {
        match self.outcome().as_deref() {
            Some("ok") => Outcome::Ok(self.text().unwrap_or_default()),
            Some("http") => Outcome::Http(self.status().unwrap_or(0)),
            Some("timeout") => Outcome::Timeout,
            Some("too-big") => Outcome::TooBig,
            Some("late") => Outcome::Late(self.later().dyn_into().ok()),
            _ => Outcome::Network,
        }
    }
}

/// A [`CardSource`], read.
#[derive(Debug, PartialEq)]
pub enum Source {
    /// `'property'`: the `movie` property, by the version data.js gave it
    /// (its JSON text, or why it is not data: [`CardSource::data`]).
    Property(u64),
    /// `'inline'`: the card's inline JSON, by the version data.js gave its
    /// text ([`CardSource::data`]).
    Inline(u64),
    /// `'src'`: the absolute URL, and the attribute as written (a label).
    Src {
        /// Resolved against the page.
        url: String,
        /// As written.
        src: String,
    },
    /// `'none'`.
    None,
}

impl CardSource {
    /// The source, by its tag, and the URL its data's relative URLs
    /// resolve against.
    pub fn read(&self) -> (Source, String) {
        let source = match self.kind().as_deref() {
            Some("property") => Source::Property(self.version().unwrap_or(0.0) as u64),
            Some("inline") => Source::Inline(self.version().unwrap_or(0.0) as u64),
            Some("src") => Source::Src {
                url: self.url().unwrap_or_default(),
                src: self.src().unwrap_or_default(),
            },
            _ => Source::None,
        };
        (source, self.base().unwrap_or_default())
    }

    /// The data of a `'property'` or `'inline'` source: the JSON text, or
    /// why the property is not data JSON can hold.
    pub fn data(&self) -> Result<String, String> {
        self.json()
            .or_else(|| self.inline_text())
            .ok_or_else(|| self.error().unwrap_or_default())
    }
}
