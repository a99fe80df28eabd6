//! What the element says now, as the card's props: its attributes, its
//! words, and the data of the source data.js chose (`cardSource`: the
//! `movie` property, inline JSON or `src`, fetched through `load`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AttrValue;

use super::{
    keep_words, kept_state, place, prerendered_in, rerender, stopped_words, Cache, Mounted, NOTICE,
};
use crate::components::loader::{Data, LoaderProps};
use crate::components::Drawn;
use crate::events::{Detail, Kind};
use crate::load::{self, LoadError, Loaded};
use crate::locale::Words;
use crate::locale_files;
use crate::seam::{CardSource, Source};
use crate::storage::Remember;

#[wasm_bindgen(module = "/src/data.js")]
extern "C" {
    /// Which source the card reads (the `movie` property, inline JSON,
    /// `src`, none), chosen by data.js for both sides: see `cardSource`
    /// there, and [`Source`].
    #[wasm_bindgen(js_name = cardSource)]
    fn card_source(host: &HtmlElement) -> CardSource;
}

/// Does the element's shadow root still hold a prerendered card (stamped
/// with the version and data it was rendered from)? takeover.js's
/// `prerenderedIn` answers, for both sides.
fn is_prerendered(host: &HtmlElement) -> bool {
    host.shadow_root()
        .is_some_and(|root| prerendered_in(&root).is_some())
}

/// The cached data if it was read from `key`, else `read` it from `key`,
/// log what is wrong with it once (as `label`'s, or the movie id's), and
/// cache it.
fn cached(cache: &mut Cache, key: u64, label: &str, read: impl FnOnce() -> Loaded) -> Rc<Loaded> {
    match cache {
        Some((last, data)) if *last == key => data.clone(),
        _ => {
            let data = Rc::new(read());
            match data.as_ref() {
                Ok((movie, _)) => load::log(&movie.id, &data),
                Err(_) => load::log(label, &data),
            }
            *cache = Some((key, data.clone()));
            data
        }
    }
}

impl Mounted {
    /// The props for what the element says now: its attributes, and the
    /// data of the source that wins (the `movie` property, then inline
    /// JSON, then `src`, fetched here: `card` is told when it arrives).
    pub(super) fn read(&mut self, card: &Rc<RefCell<Mounted>>) -> LoaderProps {
        let host = &self.host;
        let attr = |name: &str| host.get_attribute(name);
        let progress = attr("progress").and_then(|p| crate::format::parse_minutes(&p));
        let remember = Remember::from_attribute(attr("remember").as_deref());
        let heading_level = attr("heading-level")
            .and_then(|h| h.trim().parse::<u8>().ok())
            .filter(|h| (1..=6).contains(h))
            .unwrap_or(2);
        let prerendered = is_prerendered(&self.host);
        // While other words load (after a `lang` change), the card keeps
        // the ones it has.
        let words = {
            let weak = Rc::downgrade(card);
            locale_files::words_for(host, move || rerender(&weak, None))
                .or_else(|| self.kept_words.clone())
        };
        if let Some(words) = words.as_ref().filter(|w| !same_words(&self.kept_words, w)) {
            keep_words(host, stopped_words(words), self.engine);
            self.kept_words = Some(words.clone());
        }

        // The `movie` property and inline JSON keep their own data, so that
        // dropping one falls back to the next with that one's data; `src`'s
        // is held by the card's props (and `load`'s cache while any card
        // holds it), so returning to `src` may fetch it again.
        let chosen = card_source(host);
        let (source, base_url) = chosen.read();
        let data = match source {
            Source::Property(version) => Some(cached(
                &mut self.from_property,
                version,
                "movie property",
                || load::from_property(chosen.data().as_deref().map_err(String::as_str)),
            )),
            Source::Inline(version) => Some(cached(
                &mut self.from_inline,
                version,
                "inline data",
                || load::from_json_text(&chosen.data().unwrap_or_default()),
            )),
            Source::Src { url, src } => self.fetch(card, &url, &src),
            // `spoiler-card render --static`: a card that never goes live
            // (until a page script gives it data).
            _ if prerendered => None,
            _ => Some(cached(&mut self.no_data, 0, "(no data)", || {
                Err(LoadError::NoData)
            })),
        };

        // Other data than the card showed starts a fresh card. (The same
        // data again is the same `Rc`: each source reads its text once, and
        // data.js keeps the version of a `movie` whose JSON is unchanged.)
        // A prerendered card stays until the card shows the movie (see
        // `on_state`); what keeps it from the movie shows inside it.
        if let (true, Some(Err(_)), Some(container)) =
            (prerendered, data.as_deref(), &self.container)
        {
            place(&self.host, container, NOTICE, self.engine);
        }
        match data.as_deref() {
            Some(Ok((movie, _))) => {
                let (shown, generation) = &mut self.last_movie;
                if !std::ptr::eq(shown.as_ptr(), Rc::as_ptr(movie)) {
                    *shown = Rc::downgrade(movie);
                    *generation += 1;
                    // The page's calls from now on are for the new card.
                    self.link.release();
                }
                self.told_error = None;
            }
            Some(Err(error)) => {
                self.link.release();
                // Told each time the card comes to show it (after a movie or
                // "Loading…"), not at every read of the same data.
                let loaded = data.clone();
                if !same(&self.told_error, &loaded) {
                    self.on_event.emit((
                        Kind::Error,
                        Detail {
                            message: Some(error.summary()),
                            details: Some(error.details()),
                            ..Detail::default()
                        },
                    ));
                    self.told_error = loaded;
                }
            }
            None => {
                self.link.release();
                self.told_error = None;
            }
        }

        LoaderProps {
            data: data.map(Data),
            words,
            generation: self.last_movie.1,
            base_url: base_url.into(),
            progress,
            remember,
            heading_level,
            // Read at every render: a card created later (after "Loading…"
            // or an error between) resumes the state its element kept last.
            resume: kept_state(&self.host).map(AttrValue::from),
            on_retry: Some(self.on_retry.clone()),
            on_state: self.on_state.clone(),
            prerendered,
            link: self.link.clone(),
            on_event: self.on_event.clone(),
            drawn: Drawn::Live,
        }
    }

    /// The data at `url` if it is there (fetched for this card or another
    /// with the same `src`); else `None`, and it is asked for: `card`
    /// renders again when it arrives. A failure the reader asked to retry
    /// is asked for again.
    fn fetch(&mut self, card: &Rc<RefCell<Mounted>>, url: &str, label: &str) -> Option<Rc<Loaded>> {
        let retry = std::mem::take(&mut self.retry);
        let data = load::cached(url);
        let mendable = data
            .as_deref()
            .is_some_and(|d| d.as_ref().is_err_and(LoadError::retryable));
        if data.is_some() && !(retry && mendable) {
            return data;
        }
        let weak = Rc::downgrade(card);
        let ask = if retry {
            load::Ask::Again
        } else {
            load::Ask::Once
        };
        // The data waits with the task that renders the card with it: the
        // shared cache holds it only while a card does.
        load::load_shared(url, label, ask, move |data| rerender(&weak, Some(data)));
        load::cached(url).filter(|_| !retry)
    }
}

fn same_words(kept: &Option<Rc<Words>>, words: &Rc<Words>) -> bool {
    kept.as_ref().is_some_and(|kept| Rc::ptr_eq(kept, words))
}

/// The same data (by identity)?
fn same(a: &Option<Rc<Loaded>>, b: &Option<Rc<Loaded>>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
}
