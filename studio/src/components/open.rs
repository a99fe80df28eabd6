//! Opening a movie: a JSON file by the file picker or dropped on the
//! studio, or JSON text pasted. Any JSON the card's reader reads opens (the
//! form then says what is wrong with it as a movie); what is not JSON is
//! refused with its reason, and the movie on screen stays. Unknown fields are kept (and written back on export).

use spoiler_card::json;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::Action;
use crate::words::Words;

/// Props of [`OpenMovie`].
#[derive(Properties, PartialEq)]
pub struct OpenMovieProps {
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

/// Opens `text` as the movie, or says why it cannot: whether it opened.
fn open_text(
    text: &str,
    on_action: &Callback<Action>,
    refused: &UseStateHandle<Option<String>>,
    words: &Words,
) -> bool {
    match json::parse(text) {
        Ok(tree) => {
            on_action.emit(Action::Replace(tree.to_static()));
            refused.set(None);
            true
        }
        Err(json::ParseError::Syntax(why) | json::ParseError::Limit(why)) => {
            refused.set(Some(
                words.f("Not opened: not valid JSON: {why}", &[("why", &why)]),
            ));
            false
        }
    }
}

/// Reads a file the author picked or dropped, then opens it.
fn open_file(
    file: web_sys::File,
    on_action: Callback<Action>,
    refused: UseStateHandle<Option<String>>,
    words: Rc<Words>,
) {
    if file.size() > spoiler_card::model::limits::DOCUMENT_BYTES as f64 {
        refused.set(Some(words.f(
            "Not opened: {file} is larger than the card reads (5 MB).",
            &[("file", &file.name())],
        )));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
        {
            Some(text) => {
                open_text(&text, &on_action, &refused, &words);
            }
            None => refused.set(Some(words.f(
                "Not opened: {file} could not be read.",
                &[("file", &file.name())],
            ))),
        }
    });
}

/// The ways to open a movie.
#[component]
pub fn OpenMovie(props: &OpenMovieProps) -> Html {
    let refused = use_state(|| None::<String>);
    let pasted = use_state(String::new);
    let onchange = {
        let (on_action, refused, words) = (
            props.on_action.clone(),
            refused.clone(),
            props.words.clone(),
        );
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file(file, on_action.clone(), refused.clone(), words.clone());
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (on_action, refused, words) = (
            props.on_action.clone(),
            refused.clone(),
            props.words.clone(),
        );
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                open_file(file, on_action.clone(), refused.clone(), words.clone());
            }
        })
    };
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let open_pasted = {
        let (on_action, refused, pasted, words) = (
            props.on_action.clone(),
            refused.clone(),
            pasted.clone(),
            props.words.clone(),
        );
        Callback::from(move |_| {
            if !pasted.trim().is_empty() && open_text(&pasted, &on_action, &refused, &words) {
                pasted.set(String::new());
            }
        })
    };
    let w = &*props.words;
    html! {
        <details class="open" {ondragover} {ondrop}>
            <summary>{ w.t("Open a movie") }</summary>
            <div class="open-body">
                <label for="open-file">{ w.t("A JSON file (or drop one here)") }</label>
                <input id="open-file" type="file" accept=".json,application/json" {onchange} />
                <label for="open-paste">{ w.t("Or paste its JSON") }</label>
                <textarea id="open-paste" data-own-undo="" rows="3" value={(*pasted).clone()} {oninput} />
                <button type="button" onclick={open_pasted}>{ w.t("Open the pasted JSON") }</button>
                if let Some(why) = &*refused { <p class="problem error" role="alert">{ why }</p> }
                <p class="hint">{ w.t("Opening replaces the movie in the form; Undo brings it back.") }</p>
            </div>
        </details>
    }
}
