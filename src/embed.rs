//! The `<spoiler-card>` element's Rust side: reads its attributes and the
//! data of the source data.js chose (`cardSource`: the `movie` property,
//! inline JSON or `src`), and mounts the Yew card into its shadow root. The element itself, start-up and trap containment are in
//! embed.js, whose header documents the seam between the two.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::{AppHandle, AttrValue, Callback};

use crate::card_link::CardLink;
use crate::components::loader::{Data, Loader, LoaderProps};
use crate::events::{Detail, Kind};
use crate::load::{self, LoadError, Loaded};
use crate::locale::{Key, Words};
use crate::model::{hash_text, limits, Movie};
use crate::storage::Remember;
use crate::{locale_files, value};

#[wasm_bindgen(module = "/src/embed.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineSpoilerCard)]
    fn define_spoiler_card(mount: &JsValue, words: js_sys::Array, facts: js_sys::Array) -> bool;

    /// The live state last kept on the element, if any.
    #[wasm_bindgen(js_name = keptState)]
    fn kept_state(host: &HtmlElement) -> Option<String>;

    /// Puts the live card (`container`) where it belongs in a prerendered
    /// card's shadow root: [`NOTICE`] inside it, [`TAKE_OVER`] in its place.
    /// `engine`, the number the card was mounted with: a stopped
    /// instance's late call is ignored (here and in [`keep_state`]).
    #[wasm_bindgen(js_name = place)]
    fn place(host: &HtmlElement, container: &Element, how: u8, engine: u32);

    /// Keeps the card's live state (see [`crate::stored`]) on its element.
    #[wasm_bindgen(js_name = keepState)]
    fn keep_state(host: &HtmlElement, state: &str, engine: u32);

    /// Dispatches `spoiler-card:…` (`event_type`) with `detail` from the
    /// element, in a microtask (a listener's error never runs on the card's
    /// stack).
    #[wasm_bindgen(js_name = emit)]
    fn emit(host: &HtmlElement, event_type: &str, detail: &JsValue, engine: u32);

    /// Keeps the texts of the box the card shows if the engine stops, in
    /// its words (see [`stopped_words`]).
    #[wasm_bindgen(js_name = keepWords)]
    fn keep_words(host: &HtmlElement, words: js_sys::Array, engine: u32);
}

#[wasm_bindgen(module = "/src/takeover.js")]
extern "C" {
    /// The prerendered card in a shadow root, if any.
    #[wasm_bindgen(js_name = prerenderedIn)]
    fn prerendered_in(root: &ShadowRoot) -> Option<Element>;
}

#[wasm_bindgen(module = "/src/data.js")]
extern "C" {
    /// Which source the card reads (the `movie` property, inline JSON,
    /// `src`, none), chosen by data.js for both sides, with what Rust
    /// needs of it: see `cardSource` there, and [`Source`].
    #[wasm_bindgen(js_name = cardSource)]
    fn card_source(host: &HtmlElement) -> js_sys::Array;
}

/// The kinds of [`card_source`]'s answer (0: none).
struct Source;

impl Source {
    const PROPERTY: u8 = 1;
    const INLINE: u8 = 2;
    const SRC: u8 = 3;
}

/// [`place`]: the live card's notice goes inside the prerendered card.
const NOTICE: u8 = 1;
/// [`place`]: the live card takes the prerendered card's place.
const TAKE_OVER: u8 = 2;

/// Defines `<spoiler-card>` (once per page, whatever loads the bundle), or
/// hands a restarted instance to the element defined before.
pub fn register() {
    let mount = Closure::<dyn FnMut(HtmlElement, ShadowRoot, u32) -> CardHandle>::new(mount);
    let words = stopped_words(&Words::english());
    let facts = js_sys::Array::of3(
        &(value::MAX_VALUES as f64).into(),
        &(limits::DOCUMENT_BYTES as f64).into(),
        &crate::facts::RESERVED_HEIGHT_REM.into(),
    );
    define_spoiler_card(mount.as_ref(), words, facts);
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// Data read from one source of the element, kept with what it was read
/// from (the property's version, or a hash of the text), so that unrelated
/// attribute changes do not read (and reset) the movie again.
type Cache = Option<(u64, Rc<Loaded>)>;

/// One mounted card, owned by its element.
#[wasm_bindgen]
pub struct CardHandle {
    card: Rc<RefCell<Mounted>>,
}

/// What a mounted card holds: its app, and the data of its `movie` property
/// and its inline JSON (a fetched `src`'s is held by the app's props).
struct Mounted {
    host: HtmlElement,
    /// The number embed.js gave the instance that mounted it.
    engine: u32,
    app: Option<AppHandle<Loader>>,
    /// The `movie` property's data, by the version embed.js gave it.
    from_property: Cache,
    /// The inline JSON's data, by a hash of its text (an edit that keeps
    /// the hash, which only a crafted text could, is not read again).
    from_inline: Cache,
    /// "No data", once.
    no_data: Cache,
    /// The movie last shown (weakly: new data frees the old movie; the
    /// allocation it was in stays while this points at it, so no other
    /// movie can take its address), and how many different ones were shown.
    last_movie: (Weak<Movie>, u32),
    /// The reader asked to fetch a failed `src` again.
    retry: bool,
    on_retry: Callback<()>,
    on_state: Callback<AttrValue>,
    /// The page's hold on the card (`el.progress`, `el.reveal(…)`).
    link: Rc<CardLink>,
    /// Dispatches the card's events from the element.
    on_event: Callback<(Kind, Detail)>,
    /// The error last told to the page, until a movie shows.
    told_error: Option<Rc<Loaded>>,
    /// Where the card renders (apart from the shadow root while a
    /// prerendered card is there).
    container: Option<Element>,
    /// The words last handed to embed.js for the stopped box.
    kept_words: Option<Rc<Words>>,
}

#[wasm_bindgen]
impl CardHandle {
    /// Re-reads attributes, inline data and the `movie` property.
    pub fn update(&mut self) {
        render(&self.card);
    }

    /// `el.progress`: the card's progress in minutes (or the one the page
    /// set for it before it showed a movie).
    pub fn progress(&self) -> Option<u16> {
        self.link().progress()
    }

    /// `el.progress = minutes`: applied (clamped to the runtime), never
    /// remembered, no event.
    #[wasm_bindgen(js_name = setProgress)]
    pub fn set_progress(&self, minutes: u16) {
        self.link().set_progress(minutes);
    }

    /// `el.revealed`: what is revealed by hand, by name (an array).
    pub fn revealed(&self) -> JsValue {
        to_js(&self.link().revealed())
    }

    /// `el.reveal(name)`: false if the card has no such thing.
    pub fn reveal(&self, name: &str) -> bool {
        self.link().reveal(name)
    }

    /// `el.hide()`: hides everything revealed by hand.
    pub fn hide(&self) {
        self.link().hide();
    }

    fn link(&self) -> Rc<CardLink> {
        self.card.borrow().link.clone()
    }

    /// Unmounts the Yew app and frees what it holds.
    pub fn unmount(&mut self) {
        if let Some(app) = self.card.borrow_mut().app.take() {
            app.destroy();
        }
    }
}

/// Mounts a card into `root`, the shadow root of `host`, resuming the
/// state the element kept (after a move, or a restart of the engine). A
/// prerendered card (`spoiler-card render`) stays as it is: the live card
/// renders apart, and takeover.js puts it in its place (through `place`)
/// once it shows the movie.
/// `engine` is the number embed.js gave the instance (see its header).
pub fn mount(host: HtmlElement, root: ShadowRoot, engine: u32) -> CardHandle {
    let prerendered = prerendered_in(&root).is_some();
    // Yew needs an element to render into; the shadow root is a fragment.
    let container = create_container(&root, prerendered);
    let card = Rc::new_cyclic(|weak: &Weak<RefCell<Mounted>>| {
        let on_retry = {
            let weak = weak.clone();
            Callback::from(move |()| {
                if let Some(card) = weak.upgrade() {
                    card.borrow_mut().retry = true;
                    render(&card);
                }
            })
        };
        // The card rendered (and keeps its state here): a prerendered card
        // it replaces now.
        let on_state = {
            let (host, container) = (host.clone(), container.clone());
            Callback::from(move |state: AttrValue| {
                keep_state(&host, &state, engine);
                if let (true, Some(container)) = (prerendered, &container) {
                    place(&host, container, TAKE_OVER, engine);
                }
            })
        };
        let on_event = {
            let host = host.clone();
            Callback::from(move |(kind, detail): (Kind, Detail)| {
                emit(&host, kind.event_type(), &to_js(&detail), engine);
            })
        };
        RefCell::new(Mounted {
            link: Rc::default(),
            on_event,
            told_error: None,
            kept_words: None,
            container: container.clone(),
            host,
            engine,
            app: None,
            from_property: None,
            from_inline: None,
            no_data: None,
            last_movie: (Weak::new(), 0),
            retry: false,
            on_retry,
            on_state,
        })
    });
    let props = card.borrow_mut().read(&card);
    if let Some(container) = container {
        let app = yew::Renderer::<Loader>::with_root_and_props(container, props).render();
        card.borrow_mut().app = Some(app);
    }
    CardHandle { card }
}

/// Renders the card again from what its element says now.
fn render(card: &Rc<RefCell<Mounted>>) {
    // Never borrowed here (data that arrives calls back in a task of its
    // own); were it, the render under way reads the same element anyway.
    let Ok(mut mounted) = card.try_borrow_mut() else {
        return;
    };
    let props = mounted.read(card);
    if let Some(app) = mounted.app.as_mut() {
        app.update(props);
    }
}

/// Does the element's shadow root still hold a prerendered card (stamped
/// with the version and data it was rendered from)? takeover.js's
/// `prerenderedIn` answers, for both sides.
fn is_prerendered(host: &HtmlElement) -> bool {
    host.shadow_root()
        .is_some_and(|root| prerendered_in(&root).is_some())
}

fn create_container(root: &ShadowRoot, prerendered: bool) -> Option<Element> {
    let container = gloo_utils::document().create_element("div").ok()?;
    container.set_class_name("root");
    if !prerendered {
        // A re-mount (element removed, then added again) reuses the root.
        // (Emptied through `textContent`: `innerHTML` is an HTML sink, which
        // a page that requires Trusted Types blocks.)
        root.set_text_content(None);
        root.append_child(&container).ok()?;
    }
    Some(container)
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
    fn read(&mut self, card: &Rc<RefCell<Mounted>>) -> LoaderProps {
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
        let source = card_source(host);
        let text = |i: u32| source.get(i).as_string();
        let base_url = text(1).unwrap_or_default();
        let data = match source.get(0).as_f64().unwrap_or(0.0) as u8 {
            Source::PROPERTY => Some(cached(
                &mut self.from_property,
                source.get(2).as_f64().unwrap_or(0.0) as u64,
                "movie property",
                || match (text(3), text(4)) {
                    (Some(json), _) => load::from_property(Ok(&json)),
                    (None, why) => load::from_property(Err(why.as_deref().unwrap_or(""))),
                },
            )),
            Source::INLINE => {
                let json = text(2).unwrap_or_default();
                Some(cached(
                    &mut self.from_inline,
                    hash_text(&json),
                    "inline data",
                    || load::from_json_text(&json),
                ))
            }
            Source::SRC => {
                let (url, src) = (text(2).unwrap_or_default(), text(3).unwrap_or_default());
                self.fetch(card, &url, &src)
            }
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

/// A Rust value as the JS value the page gets (serde-wasm-bindgen: maps
/// as plain objects, lists as arrays); `null` if it cannot be one, which
/// these values always can.
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// Renders the card again in a task of its own: what it waited for may
/// arrive at once, while it is still reading its element. `data`, movie
/// data that arrived for it, is held until then (the card's props hold it
/// from then on; a removed card lets it go).
fn rerender(card: &Weak<RefCell<Mounted>>, data: Option<Rc<Loaded>>) {
    let card = card.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(card) = card.upgrade() {
            render(&card);
        }
        drop(data);
    });
}

/// The texts of the box a stopped card shows, with their direction, for
/// embed.js.
fn stopped_words(words: &Words) -> js_sys::Array {
    let array = js_sys::Array::of3(
        &words.text(Key::StoppedHeading).into(),
        &words.text(Key::StoppedSummary).into(),
        &words.text(Key::Restart).into(),
    );
    array.push(&words.direction.attribute().into());
    array
}

fn same_words(kept: &Option<Rc<Words>>, words: &Rc<Words>) -> bool {
    kept.as_ref().is_some_and(|kept| Rc::ptr_eq(kept, words))
}

/// The same data (by identity)?
fn same(a: &Option<Rc<Loaded>>, b: &Option<Rc<Loaded>>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
}
