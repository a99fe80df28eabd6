//! The preview: the real `<spoiler-card>` of the embed bundle, given the
//! movie through `el.movie` as the author types, with the controls to look
//! as a reader would (progress, the plot revealed, theme, language, a phone's, the column's or
//! a desktop's width).
//! New data starts a card afresh (`remember="none"`): the author's choices
//! are applied again through `el.progress` and `el.reveal()` once it is
//! ready.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::state::{Action, PreviewChoices};

/// The languages the card ships, by their own names (empty: the studio's).
const LANGUAGES: &[(&str, &str)] = &[
    ("", ""),
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ar", "العربية"),
];

/// The widths the preview shows the card at.
const WIDTHS: &[&str] = &["phone", "column", "desktop"];

/// Props of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The movie as compact JSON text.
    pub json: Rc<String>,
    /// How the author wants to see it.
    pub choices: PreviewChoices,
    /// The runtime, for the progress slider (0 when unknown).
    pub runtime: u16,
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

fn set_property(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// The author's choices, applied to a card that shows its movie.
fn apply(card: &JsValue, choices: &PreviewChoices) {
    set_property(card, "progress", &JsValue::from(choices.progress));
    // `el.reveal('plot')`, or `el.hide()` (which hides what was revealed by
    // hand: the preview reveals nothing else).
    let (method, argument) = if choices.plot_revealed {
        ("reveal", JsValue::from_str("plot"))
    } else {
        ("hide", JsValue::UNDEFINED)
    };
    if let Ok(function) = js_sys::Reflect::get(card, &JsValue::from_str(method)) {
        if let Some(function) = function.dyn_ref::<js_sys::Function>() {
            let _ = function.call1(card, &argument);
        }
    }
}

/// The preview and its controls.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let card = use_node_ref();
    let latest = use_mut_ref(PreviewChoices::default);
    *latest.borrow_mut() = props.choices.clone();
    // Once: the card's ready event applies the latest choices.
    {
        let (card, latest) = (card.clone(), latest.clone());
        use_effect_with((), move |()| {
            let listener = card.get().map(|node| {
                let target: JsValue = node.clone().into();
                let latest: Rc<RefCell<PreviewChoices>> = latest;
                let closure = Closure::<dyn Fn()>::new(move || apply(&target, &latest.borrow()));
                let _ = node.add_event_listener_with_callback(
                    "spoiler-card:ready",
                    closure.as_ref().unchecked_ref(),
                );
                (node, closure)
            });
            move || {
                if let Some((node, closure)) = listener {
                    let _ = node.remove_event_listener_with_callback(
                        "spoiler-card:ready",
                        closure.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // The movie, each time it changes: never a stale one.
    {
        let card = card.clone();
        use_effect_with(props.json.clone(), move |json| {
            if let (Some(node), Ok(movie)) = (card.get(), js_sys::JSON::parse(json)) {
                set_property(&node.into(), "movie", &movie);
            }
        });
    }
    // A choice changed: applied to the card as it is.
    {
        let card = card.clone();
        use_effect_with(props.choices.clone(), move |choices| {
            if let Some(node) = card.get() {
                apply(&node.into(), choices);
            }
        });
    }
    let choices = props.choices.clone();
    let on_action = props.on_action.clone();
    let change = move |f: &dyn Fn(&mut PreviewChoices)| {
        let mut next = choices.clone();
        f(&mut next);
        on_action.emit(Action::Preview(next));
    };
    let on_progress = {
        let change = change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let minutes = input.value().parse().unwrap_or(0);
            change(&|c| c.progress = minutes);
        })
    };
    let on_plot = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let checked = input.checked();
            change(&|c| c.plot_revealed = checked);
        })
    };
    let on_theme = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let theme = match select.value().as_str() {
                "light" => "light",
                "dark" => "dark",
                _ => "auto",
            };
            change(&|c| c.theme = theme);
        })
    };
    let on_lang = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let lang = LANGUAGES
                .iter()
                .map(|(code, _)| *code)
                .find(|c| *c == select.value())
                .unwrap_or("");
            change(&|c| c.lang = lang);
        })
    };
    let on_width = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let width = WIDTHS
            .iter()
            .copied()
            .find(|w| *w == select.value())
            .unwrap_or("column");
        change(&|c| c.width = width);
    });
    let c = &props.choices;
    let w = &*props.words;
    html! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{ w.t("Preview") }</h2>
            <div class="preview-controls">
                <label class="inline">{ w.t("Watched up to") }{ " " }<output>{ crate::doc::format_minutes(c.progress) }</output>
                    <input type="range" min="0" max={props.runtime.to_string()} value={c.progress.to_string()} oninput={on_progress}
                        disabled={props.runtime == 0} aria-describedby={(props.runtime == 0).then_some("preview-progress-hint")} />
                </label>
                if props.runtime == 0 {
                    <p class="hint" id="preview-progress-hint">{ w.t("Give the runtime to look at a watch progress.") }</p>
                }
                <label class="inline"><input type="checkbox" checked={c.plot_revealed} onchange={on_plot} />{ " " }{ w.t("Plot revealed") }</label>
                <label class="inline">{ w.t("Theme") }{ " " }
                    <select onchange={on_theme}>
                        <option value="auto" selected={c.theme == "auto"}>{ w.t("Auto") }</option>
                        <option value="light" selected={c.theme == "light"}>{ w.t("Light") }</option>
                        <option value="dark" selected={c.theme == "dark"}>{ w.t("Dark") }</option>
                    </select>
                </label>
                <label class="inline">{ w.t("Language") }{ " " }
                    <select onchange={on_lang}>
                        { for LANGUAGES.iter().map(|(code, name)| html! {
                            <option value={*code} selected={c.lang == *code}>{ if code.is_empty() { w.t("The studio's") } else { name } }</option>
                        }) }
                    </select>
                </label>
                <label class="inline">{ w.t("Width") }{ " " }
                    <select onchange={on_width}>
                        <option value="phone" selected={c.width == "phone"}>{ w.t("Phone (360 px)") }</option>
                        <option value="column" selected={c.width == "column"}>{ w.t("This column") }</option>
                        <option value="desktop" selected={c.width == "desktop"}>{ w.t("Desktop (720 px)") }</option>
                    </select>
                </label>
            </div>
            <div class={classes!("preview-frame", c.width)}>
                <spoiler-card ref={card} remember="none" eager="" theme={c.theme} lang={(!c.lang.is_empty()).then_some(c.lang)}></spoiler-card>
            </div>
        </section>
    }
}
