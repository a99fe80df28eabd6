//! The element's Rust side: registering `<spoiler-card-studio>`, mounting a
//! studio into its shadow root, and the handle behind `el.movie` and
//! `el.render()`.

use std::cell::RefCell;
use std::rc::Rc;

use spoiler_card::json;
use spoiler_card::locale::{self, Language, Words};
use spoiler_card::prerender::{self, Options, Theme};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::components::studio::{Studio, StudioProps};
use crate::state::Action;

#[wasm_bindgen(module = "/src/studio.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineStudio)]
    fn define_studio(mount: &Closure<dyn Fn(HtmlElement, ShadowRoot) -> JsValue>, css: &str);
    #[wasm_bindgen(js_name = emitChange)]
    fn emit_change(host: &HtmlElement, json: &str);
}

/// The studio's stylesheet, adopted by each studio's shadow root.
const CSS: &str = include_str!("../assets/studio.css");

/// What a studio and its element share: the movie's JSON text as the
/// studio last wrote it, and the way in for a movie the page sets.
#[derive(Default)]
pub struct Shared {
    /// The movie as compact JSON text.
    pub json: RefCell<String>,
    /// The studio's actions, once it runs.
    pub dispatch: RefCell<Option<Callback<Action>>>,
    /// Tells the page about a change.
    pub on_change: RefCell<Option<Callback<String>>>,
    /// Whose draft this studio keeps (the element's `draft-key`).
    pub draft_key: String,
    /// A movie the page set before the studio first ran: opened then.
    pub waiting: RefCell<Option<spoiler_card::value::Value<'static>>>,
    /// The studio's words, in the language of its `lang` (or the nearest
    /// ancestor's, or the page's).
    pub words: Rc<crate::words::Words>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Registers `<spoiler-card-studio>` when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> JsValue>::new(|host, root| {
        JsValue::from(mount(host, root))
    });
    define_studio(&mount, CSS);
    // The element is defined once per page: its mount lives as long.
    mount.forget();
}

/// A studio in `root`, the shadow root of `host`.
fn mount(host: HtmlElement, root: ShadowRoot) -> StudioHandle {
    let document = gloo_document();
    let container = document
        .create_element("div")
        .expect("a div can always be made");
    container.set_class_name("studio-root");
    let _ = root.append_child(&container);
    let mut first = String::new();
    json::write(&mut first, &crate::doc::new_movie());
    let shared = Rc::new(Shared {
        json: RefCell::new(first),
        draft_key: host
            .get_attribute("draft-key")
            .unwrap_or_else(|| "default".to_owned()),
        words: Rc::new(crate::words::Words::for_tag(&language_of(&host))),
        ..Shared::default()
    });
    *shared.on_change.borrow_mut() = Some(Callback::from(move |json: String| {
        emit_change(&host, &json);
    }));
    let app = yew::Renderer::<Studio>::with_root_and_props(
        container,
        StudioProps {
            shared: Rc::clone(&shared),
        },
    )
    .render();
    StudioHandle { shared, _app: app }
}

/// The language the studio speaks: its own `lang`, the nearest
/// ancestor's, through the hosts of shadow roots it sits in (the card's
/// rule, `languageTag` in data.js), or none (English).
fn language_of(host: &HtmlElement) -> String {
    let mut at: web_sys::Element = host.clone().into();
    loop {
        if let Some(lang) = at
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
        {
            return lang;
        }
        match at.get_root_node().dyn_into::<ShadowRoot>() {
            Ok(root) => at = root.host(),
            Err(_) => return String::new(),
        }
    }
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page has a document")
}

/// One studio, as its element holds it.
#[wasm_bindgen]
pub struct StudioHandle {
    shared: Rc<Shared>,
    _app: AppHandle<Studio>,
}

#[wasm_bindgen]
impl StudioHandle {
    /// `el.movie`: the movie as compact JSON text.
    #[wasm_bindgen(js_name = movieJson)]
    pub fn movie_json(&self) -> String {
        self.shared.json.borrow().clone()
    }

    /// `el.jsonText()`: the movie as a file holds it: the model's writer for
    /// a valid movie (keys in order, unknown fields kept), else the document
    /// as written so far, pretty (work in progress is saved too).
    #[wasm_bindgen(js_name = jsonText)]
    pub fn json_text(&self) -> String {
        let text = self.shared.json.borrow().clone();
        match (crate::check(&text).movie, json::parse(&text)) {
            (Some(movie), Ok(tree)) => {
                spoiler_card::model::writer::write_movie(&movie, Some(&tree))
            }
            (None, Ok(tree)) => {
                let mut out = String::new();
                json::write_pretty(&mut out, &tree);
                out.push('\n');
                out
            }
            (_, Err(_)) => text,
        }
    }

    /// `el.movie = value`: opens this JSON text (the studio says what is
    /// wrong with it; the author can undo).
    #[wasm_bindgen(js_name = setMovieJson)]
    pub fn set_movie_json(&self, text: &str) {
        let tree = match json::parse(text) {
            Ok(tree) => tree.to_static(),
            Err(_) => return,
        };
        // At once: a `render()` right after sees this movie.
        let mut compact = String::new();
        json::write(&mut compact, &tree);
        *self.shared.json.borrow_mut() = compact;
        match &*self.shared.dispatch.borrow() {
            Some(dispatch) => dispatch.emit(Action::Load(tree)),
            None => *self.shared.waiting.borrow_mut() = Some(tree),
        }
    }

    /// `el.render(options)`: a promise of the prerendered fragment, or of
    /// the problems that stop it.
    pub fn render(&self, options: JsValue) -> js_sys::Promise {
        // The text the author exports (the model's writer), so that the
        // fragment's data hash is the served file's.
        let text = self.json_text();
        let options = render_options(&options);
        wasm_bindgen_futures::future_to_promise(async move {
            match prerender::render_async(&text, &options).await {
                Ok(rendered) => Ok(JsValue::from_str(&rendered.html)),
                Err(prerender::Invalid(problems)) => {
                    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                    Err(js_sys::Error::new(&lines.join("\n")).into())
                }
            }
        })
    }
}

fn string_of(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

fn number_of(options: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|n| n.is_finite())
}

/// The card's words for `lang`: a shipped language's, else English (as
/// `spoiler-card render --lang` gives them).
fn words_of(lang: Option<&str>) -> Words {
    let english = Words::english();
    match lang.map(Language::of) {
        Some(Language::Shipped(code)) => locale::shipped_file(code)
            .and_then(|text| english.read(code, text).ok())
            .unwrap_or_else(|| (*english).clone()),
        _ => (*english).clone(),
    }
}

/// `render()`'s options as the renderer's; what is missing or out of
/// range takes `spoiler-card render`'s default.
fn render_options(options: &JsValue) -> Options {
    // A language tag as `spoiler-card render --lang` takes one (else none).
    let lang = string_of(options, "lang").filter(|tag| {
        tag.len() <= 35
            && tag.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
            })
    });
    let embed = string_of(options, "embed").unwrap_or_else(|| "/embed/".to_owned());
    Options {
        progress: number_of(options, "progress")
            .filter(|p| (0.0..=f64::from(u16::MAX)).contains(p))
            .map(|p| p as u16),
        theme: match string_of(options, "theme").as_deref() {
            Some("light") => Some(Theme::Light),
            Some("dark") => Some(Theme::Dark),
            Some("auto") => Some(Theme::Auto),
            _ => None,
        },
        heading_level: number_of(options, "headingLevel")
            .filter(|l| (1.0..=6.0).contains(l))
            .map_or(2, |l| l as u8),
        words: words_of(lang.as_deref()),
        lang,
        ..Options::new(string_of(options, "src"), &embed)
    }
}
