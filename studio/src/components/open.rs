//! Opening a movie: a JSON file by the file picker or dropped on the
//! studio, or JSON text pasted. Whatever the card's reader accepts opens;
//! what it does not is refused with its reason, and the movie on screen
//! stays. Unknown fields are kept (and written back on export).

use spoiler_card::json;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`OpenMovie`].
#[derive(Properties, PartialEq)]
pub struct OpenMovieProps {
    /// The studio's actions.
    pub on_action: Callback<Action>,
}

/// Opens `text` as the movie, or says why it cannot.
fn open_text(text: &str, on_action: &Callback<Action>, refused: &UseStateHandle<Option<String>>) {
    match json::parse(text) {
        Ok(tree) => {
            on_action.emit(Action::Replace(tree.to_static()));
            refused.set(None);
        }
        Err(json::ParseError::Syntax(why) | json::ParseError::Limit(why)) => {
            refused.set(Some(format!("Not opened: not valid JSON: {why}")));
        }
    }
}

/// Reads a file the author picked or dropped, then opens it.
fn open_file(
    file: web_sys::File,
    on_action: Callback<Action>,
    refused: UseStateHandle<Option<String>>,
) {
    if file.size() > spoiler_card::model::limits::DOCUMENT_BYTES as f64 {
        refused.set(Some(format!(
            "Not opened: {} is larger than the card reads (5 MB).",
            file.name()
        )));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
        {
            Some(text) => open_text(&text, &on_action, &refused),
            None => refused.set(Some(format!(
                "Not opened: {} could not be read.",
                file.name()
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
        let (on_action, refused) = (props.on_action.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file(file, on_action.clone(), refused.clone());
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (on_action, refused) = (props.on_action.clone(), refused.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                open_file(file, on_action.clone(), refused.clone());
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
        let (on_action, refused, pasted) =
            (props.on_action.clone(), refused.clone(), pasted.clone());
        Callback::from(move |_| {
            if !pasted.trim().is_empty() {
                open_text(&pasted, &on_action, &refused);
                if refused.is_none() {
                    pasted.set(String::new());
                }
            }
        })
    };
    html! {
        <details class="open" {ondragover} {ondrop}>
            <summary>{ "Open a movie" }</summary>
            <div class="open-body">
                <label for="open-file">{ "A JSON file (or drop one here)" }</label>
                <input id="open-file" type="file" accept=".json,application/json" {onchange} />
                <label for="open-paste">{ "Or paste its JSON" }</label>
                <textarea id="open-paste" rows="3" value={(*pasted).clone()} {oninput} />
                <button type="button" onclick={open_pasted}>{ "Open the pasted JSON" }</button>
                if let Some(why) = &*refused { <p class="problem error" role="alert">{ why }</p> }
                <p class="hint">{ "Opening replaces the movie in the form; Undo brings it back." }</p>
            </div>
        </details>
    }
}
