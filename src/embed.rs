//! The `<spoiler-card>` element: reads its attributes, its inline JSON and
//! its `movie` property, and mounts the Yew card into its shadow root.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::AppHandle;

use crate::components::loader::{Loader, LoaderProps, Source};
use crate::load::{self, LoadError, Loaded};
use crate::storage::Remember;
use crate::styles;

#[wasm_bindgen(module = "/src/embed.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineSpoilerCard)]
    fn define_spoiler_card(mount: &JsValue) -> bool;
}

/// Defines `<spoiler-card>` (once per page, whatever loads the bundle).
pub fn register() {
    let mount = Closure::<dyn FnMut(HtmlElement, ShadowRoot) -> CardHandle>::new(mount);
    define_spoiler_card(mount.as_ref());
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// One mounted card, owned by its element.
#[wasm_bindgen]
pub struct CardHandle {
    host: HtmlElement,
    app: Option<AppHandle<Loader>>,
    /// The last data given, so that unrelated attribute changes do not
    /// re-parse (and reset) the movie.
    last_movie: JsValue,
    last_inline: Option<String>,
    last_data: Option<Rc<Loaded>>,
}

#[wasm_bindgen]
impl CardHandle {
    /// Re-reads attributes, inline data and the `movie` property.
    pub fn update(&mut self) {
        let props = self.read_props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the Yew app and frees what it holds.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a card into `root`, the shadow root of `host`.
pub fn mount(host: HtmlElement, root: ShadowRoot) -> CardHandle {
    let styled = styles::adopt(&root);
    // Yew needs an element to render into; the shadow root is a fragment.
    let container = create_container(&root);
    let mut handle = CardHandle {
        host,
        app: None,
        last_movie: JsValue::UNDEFINED,
        last_inline: None,
        last_data: None,
    };
    let mut props = handle.read_props();
    if let Source::Url(url) = &props.source {
        load::prefetch(url);
    }
    if !styled {
        props.source = Source::Data(Rc::new(Err(LoadError::Unsupported)));
    }
    if let Some(container) = container {
        handle.app = Some(yew::Renderer::<Loader>::with_root_and_props(container, props).render());
    }
    handle
}

fn create_container(root: &ShadowRoot) -> Option<Element> {
    let document = web_sys::window()?.document()?;
    // A re-mount (element removed, then added again) reuses the root.
    root.set_inner_html("");
    let container = document.create_element("div").ok()?;
    container.set_class_name("root");
    root.append_child(&container).ok()?;
    Some(container)
}

impl CardHandle {
    fn read_props(&mut self) -> LoaderProps {
        let host = &self.host;
        let attr = |name: &str| host.get_attribute(name);
        let progress = attr("progress").and_then(|p| crate::format::parse_minutes(&p));
        let remember = Remember::from_attribute(attr("remember").as_deref());
        let heading_level = attr("heading-level")
            .and_then(|h| h.trim().parse::<u8>().ok())
            .filter(|h| (1..=6).contains(h))
            .unwrap_or(2);
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();

        let movie = js_sys::Reflect::get(host, &"movie".into()).unwrap_or(JsValue::UNDEFINED);
        let inline = host
            .query_selector(":scope > script[type='application/json']")
            .ok()
            .flatten()
            .and_then(|s| s.text_content());
        let src = attr("src").filter(|s| !s.trim().is_empty());

        let (source, label, base_url) = if !movie.is_undefined() && !movie.is_null() {
            let data = if movie == self.last_movie {
                self.last_data.clone()
            } else {
                None
            };
            let data = data.unwrap_or_else(|| Rc::new(load::from_js(&movie)));
            self.last_movie = movie.clone();
            self.last_data = Some(data.clone());
            let label = js_sys::Reflect::get(&movie, &"id".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "movie property".to_owned());
            (Source::Data(data), label, base.clone())
        } else if let Some(text) = inline {
            let data = match (&self.last_inline, &self.last_data) {
                (Some(last), Some(data)) if *last == text => data.clone(),
                _ => Rc::new(load::from_json_text(&text)),
            };
            let label = match data.as_ref() {
                Ok((movie, _)) => movie.id.clone(),
                Err(_) => "inline data".to_owned(),
            };
            self.last_inline = Some(text);
            self.last_data = Some(data.clone());
            (Source::Data(data), label, base.clone())
        } else if let Some(src) = src {
            let absolute = web_sys::Url::new_with_base(src.trim(), &base)
                .map(|u| u.href())
                .unwrap_or(src.clone());
            (Source::Url(absolute.clone().into()), src, absolute)
        } else {
            (
                Source::Data(Rc::new(Err(LoadError::NoData))),
                "(no data)".to_owned(),
                base,
            )
        };

        LoaderProps {
            source,
            label: label.into(),
            base_url: base_url.into(),
            progress,
            remember,
            heading_level,
        }
    }
}
