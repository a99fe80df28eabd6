//! The `<spoiler-card>` element's Rust side: mounts the Yew card into its
//! shadow root (one `Mounted` per card, behind the `CardHandle` embed.js
//! holds), renders it again from what the element says (`read.rs`: its
//! attributes and the data of the source data.js chose), and calls back
//! into embed.js. The element itself, start-up and trap containment are in
//! embed.js, whose header documents the seam between the two.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::{AppHandle, AttrValue, Callback};

use crate::card_link::CardLink;
use crate::components::loader::Loader;
use crate::events::{Detail, Field, Kind};
use crate::load::Loaded;
use crate::locale::{Key, Words};
use crate::model::{limits, Movie};
use crate::value;

mod read;

#[wasm_bindgen(module = "/src/embed.js")]
extern "C" {
    /// Defines the element (or hands it a restarted instance's `mount`),
    /// with the stopped box's English words (as [`keep_words`] has them)
    /// and `facts`: `{ maxValues, documentBytes, reservedHeightRem }`.
    #[wasm_bindgen(js_name = defineSpoilerCard)]
    fn define_spoiler_card(mount: &JsValue, words: js_sys::Object, facts: js_sys::Object) -> bool;

    /// Puts the live card (`container`) where it belongs in a prerendered
    /// card's shadow root: [`NOTICE`] inside it, [`TAKE_OVER`] in its place.
    /// `engine`, the number the card was mounted with: a stopped
    /// instance's late call is ignored (here and in [`keep_state`]).
    #[wasm_bindgen(js_name = place)]
    fn place(host: &HtmlElement, container: &Element, how: &str, engine: u32);

    /// Dispatches `spoiler-card:…` (`event_type`) with `detail` from the
    /// element, in a microtask (a listener's error never runs on the card's
    /// stack).
    #[wasm_bindgen(js_name = emit)]
    fn emit(host: &HtmlElement, event_type: &str, detail: &JsValue, engine: u32);

}

// Each card's own state, kept by the element's module (nothing on the
// element).
#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    /// The live state last kept on the element, if any.
    #[wasm_bindgen(js_name = keptState)]
    fn kept_state(host: &HtmlElement) -> Option<String>;

    /// Keeps the card's live state (see [`crate::stored`]) on its element.
    #[wasm_bindgen(js_name = keepState)]
    fn keep_state(host: &HtmlElement, state: &str, engine: u32);

    /// Keeps the texts of the box the card shows if the engine stops, in
    /// its words: `{ heading, summary, button, dir }` ([`stopped_words`]).
    #[wasm_bindgen(js_name = keepWords)]
    fn keep_words(host: &HtmlElement, words: js_sys::Object, engine: u32);
}

#[wasm_bindgen(module = "/src/takeover.js")]
extern "C" {
    /// The prerendered card in a shadow root, if any.
    #[wasm_bindgen(js_name = prerenderedIn)]
    fn prerendered_in(root: &ShadowRoot) -> Option<Element>;
}

/// [`place`]: the live card's notice goes inside the prerendered card.
const NOTICE: &str = "notice";
/// [`place`]: the live card takes the prerendered card's place.
const TAKE_OVER: &str = "take-over";

/// Defines `<spoiler-card>` (once per page, whatever loads the bundle), or
/// hands a restarted instance to the element defined before.
pub fn register() {
    let mount = Closure::<dyn FnMut(HtmlElement, ShadowRoot, u32) -> CardHandle>::new(mount);
    let words = stopped_words(&Words::english());
    let facts = object(&[
        ("maxValues", (value::MAX_VALUES as f64).into()),
        ("documentBytes", (limits::DOCUMENT_BYTES as f64).into()),
        (
            "reservedHeightRem",
            crate::facts::RESERVED_HEIGHT_REM.into(),
        ),
    ]);
    define_spoiler_card(mount.as_ref(), words, facts);
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// Data read from one source of the element, kept with what it was read
/// from (the version data.js gave the property's or the inline text's data), so that unrelated
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
    /// The `movie` property's data, by the version data.js gave it.
    from_property: Cache,
    /// The inline JSON's data, by the version data.js gave its text (a new
    /// one only when the text changed).
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
        names_to_js(&self.link().revealed())
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
                emit(&host, kind.event_type(), &detail_to_js(&detail), engine);
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

/// An event's detail as the page gets it: a plain object of its fields.
fn detail_to_js(detail: &Detail) -> JsValue {
    let object = js_sys::Object::new();
    for (key, field) in detail.fields() {
        let value = match field {
            Field::Text(text) => JsValue::from_str(text),
            Field::Number(n) => JsValue::from(n),
            Field::Names(names) => names_to_js(names),
        };
        // (Setting a property of a new plain object cannot fail.)
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    }
    object.into()
}

/// Names as a JS array of strings.
fn names_to_js(names: &[String]) -> JsValue {
    names
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect::<js_sys::Array>()
        .into()
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
fn stopped_words(words: &Words) -> js_sys::Object {
    object(&[
        ("heading", words.text(Key::StoppedHeading).into()),
        ("summary", words.text(Key::StoppedSummary).into()),
        ("button", words.text(Key::Restart).into()),
        ("dir", words.direction.attribute().into()),
    ])
}

/// A plain object of named fields, for embed.js.
fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}
