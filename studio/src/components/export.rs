//! Export: the movie's JSON, written by the model's writer (the fields the
//! card does not know kept), and the embed snippet. Refused while the movie
//! has errors, naming the first; warnings do not stop it.

use std::rc::Rc;

use spoiler_card::model::writer::write_movie;
use spoiler_card::prerender;
use spoiler_card::value::Value;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`Export`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The movie's JSON text as written (checked afresh on export: the
    /// studio's report may wait for the author to pause).
    pub json: Rc<String>,
    /// The document as written.
    pub tree: Rc<Value<'static>>,
    /// The studio's actions (a refusal shows every problem).
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

/// What an export gives, or why it is refused.
#[derive(Clone, PartialEq)]
enum Exported {
    Nothing,
    Refused(String),
    Ready {
        json: String,
        snippet: String,
        file: String,
    },
}

/// The export buttons and what they give.
#[component]
pub fn Export(props: &ExportProps) -> Html {
    let exported = use_state(|| Exported::Nothing);
    let fragment = use_state(String::new);
    // Counts edits: a render that finishes after the next edit is dropped.
    let edits = use_mut_ref(|| 0_u64);
    // An edit makes what was exported stale: it goes, until exported again.
    {
        let (exported, fragment, edits) = (exported.clone(), fragment.clone(), edits.clone());
        use_effect_with(props.tree.clone(), move |_| {
            *edits.borrow_mut() += 1;
            exported.set(Exported::Nothing);
            fragment.set(String::new());
        });
    }
    let onclick = {
        let (exported, text, tree) = (exported.clone(), props.json.clone(), props.tree.clone());
        let (fragment, edits) = (fragment.clone(), edits.clone());
        let on_action = props.on_action.clone();
        let words = props.words.clone();
        Callback::from(move |_| {
            let report = crate::check(&text);
            if report.error_count > 0 {
                on_action.emit(Action::ShowAllProblems);
            }
            exported.set(match (&report.movie, report.errors().next()) {
                (Some(movie), None) => {
                    let json = write_movie(movie, Some(&tree));
                    let snippet = format!(
                        "<script type=\"module\" src=\"/embed/spoiler-card.js\"></script>\n\
                         <spoiler-card src=\"/movies/{}.json\"></spoiler-card>",
                        movie.id
                    );
                    // The prerendered fragment, from the renderer of
                    // `spoiler-card render` (in a later task: Yew's server
                    // renderer runs in the browser's).
                    let src = format!("/movies/{}.json", movie.id);
                    let (text, fragment_out, edits) =
                        (json.clone(), fragment.clone(), edits.clone());
                    let started = *edits.borrow();
                    wasm_bindgen_futures::spawn_local(async move {
                        let options = prerender::Options::new(Some(src), "/embed/");
                        // The movie passed the check just now, so the renderer
                        // takes it; were it to refuse, the box says nothing.
                        let html = prerender::render_async(&text, &options)
                            .await
                            .map(|rendered| rendered.html)
                            .unwrap_or_default();
                        if *edits.borrow() == started {
                            fragment_out.set(html);
                        }
                    });
                    let file = format!("{}.json", movie.id);
                    Exported::Ready {
                        json,
                        snippet,
                        file,
                    }
                }
                (_, first) => {
                    let count = if report.error_count == 1 {
                        words.t("1 error").to_owned()
                    } else {
                        words.f("{n} errors", &[("n", &report.error_count.to_string())])
                    };
                    let first = first.map_or_else(String::new, |p| p.to_string());
                    Exported::Refused(words.f(
                        "Not exported: {count} to fix first. The first: {first}",
                        &[("count", &count), ("first", &first)],
                    ))
                }
            });
        })
    };
    let w = &*props.words;
    let body = match &*exported {
        Exported::Nothing => html! {},
        Exported::Refused(why) => html! { <p class="problem error" role="alert">{ why }</p> },
        Exported::Ready {
            json,
            snippet,
            file,
        } => {
            let href = format!(
                "data:application/json;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(json))
            );
            html! {
                <div class="exported">
                    <label for="export-json">{ w.t("The movie's JSON") }</label>
                    <textarea id="export-json" readonly=true rows="8" value={json.clone()} />
                    <a class="button" {href} download={file.clone()}>{ w.f("Download {file}", &[("file", file)]) }</a>
                    <label for="export-snippet">{ w.t("The embed snippet") }</label>
                    <textarea id="export-snippet" readonly=true rows="3" value={snippet.clone()} />
                    <label for="export-fragment">{ w.t("The prerendered card, for a page that serves the JSON at /movies/") }</label>
                    <textarea id="export-fragment" readonly=true rows="4" value={(*fragment).clone()} />
                </div>
            }
        }
    };
    html! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{ w.t("Export") }</h2>
            <button type="button" class="primary" {onclick}>{ w.t("Export the JSON") }</button>
            { body }
        </section>
    }
}
