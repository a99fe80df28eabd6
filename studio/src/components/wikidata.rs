//! A movie's facts from Wikidata: fetched by Q-id when the studio is
//! online (`wbgetentities`, the film's statements, then its items' labels),
//! or read from pasted JSON (the film's `Special:EntityData`, then the
//! items it names). The author sees what would change, and a field they
//! wrote is replaced only if they tick it.

use std::rc::Rc;

use spoiler_card::value::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::Action;
use crate::wikidata::{self, Change, Field, Import, ReadError};
use crate::words::Words;

/// Props of [`FromWikidata`].
#[derive(Properties, PartialEq)]
pub struct FromWikidataProps {
    /// The document as written (what an import would change).
    pub tree: Rc<Value<'static>>,
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<Words>,
}

/// Why reading a paste or a fetch gave nothing, in the author's words.
fn refusal(why: &ReadError, w: &Words) -> String {
    match why {
        ReadError::NotJson(why) => w.f("Not read: not valid JSON: {why}", &[("why", why)]),
        ReadError::NoEntity => w
            .t("Not read: this JSON holds no Wikidata entity (Special:EntityData/Q….json).")
            .to_owned(),
        ReadError::NoFilm => w
            .t("Not read: none of these entities is a film. Paste the film's JSON first.")
            .to_owned(),
    }
}

/// GETs `url`, the body as text.
async fn get(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let reason = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>().map_or_else(
            || "the request failed".to_owned(),
            |e| String::from(e.message()),
        )
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(reason)?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(reason)?)
        .await
        .map_err(reason)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Fetches the film `id` and its items' labels in `lang`.
async fn fetch(id: String, lang: String, words: Rc<Words>) -> Result<Import, String> {
    let unreachable = |why: String| {
        words.f(
            "Wikidata could not be reached ({why}). Paste the JSON instead: open {url} and copy it here.",
            &[
                ("why", &why),
                ("url", &format!("https://www.wikidata.org/wiki/Special:EntityData/{id}.json")),
            ],
        )
    };
    let text = get(&wikidata::film_url(&id)).await.map_err(unreachable)?;
    let mut import = Import::read(&text, None).map_err(|why| refusal(&why, &words))?;
    for url in wikidata::labels_urls(&import.missing(), &lang) {
        let text = get(&url).await.map_err(unreachable)?;
        import = Import::read(&text, Some(&import)).map_err(|why| refusal(&why, &words))?;
    }
    Ok(import)
}

/// A field's name in the import panel.
fn field_name(field: Field, w: &Words) -> &str {
    match field {
        Field::Title => w.t("Title"),
        Field::Year => w.t("Year"),
        Field::Runtime => w.t("Runtime"),
        Field::Directors => w.t("Directors"),
        Field::Genres => w.t("Genres"),
        Field::Character => w.t("Characters"),
        Field::Link => w.t("Links"),
    }
}

/// The "From Wikidata" panel.
#[component]
pub fn FromWikidata(props: &FromWikidataProps) -> Html {
    let import = use_state(|| None::<Rc<Import>>);
    let refused = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let wanted = use_state(String::new);
    let pasted = use_state(String::new);
    // The fields the author lets the import replace.
    let allowed = use_state(Vec::<Field>::new);
    let w = &*props.words;
    let lang = w.lang.clone();

    let on_wanted = {
        let wanted = wanted.clone();
        Callback::from(move |e: InputEvent| {
            wanted.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_pasted = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        })
    };
    let on_fetch = {
        let (import, refused, busy, wanted, allowed) = (
            import.clone(),
            refused.clone(),
            busy.clone(),
            wanted.clone(),
            allowed.clone(),
        );
        let (words, lang) = (props.words.clone(), lang.clone());
        Callback::from(move |_| {
            let Some(id) = wikidata::qid(&wanted) else {
                refused.set(Some(
                    words
                        .t("Not fetched: give the film's Q-id (Q2262932) or its Wikidata link.")
                        .to_owned(),
                ));
                return;
            };
            busy.set(true);
            refused.set(None);
            let (import, refused, busy, allowed) = (
                import.clone(),
                refused.clone(),
                busy.clone(),
                allowed.clone(),
            );
            let (words, lang) = (words.clone(), lang.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fetch(id, lang, words).await {
                    Ok(read) => {
                        import.set(Some(Rc::new(read)));
                        allowed.set(Vec::new());
                    }
                    Err(why) => refused.set(Some(why)),
                }
                busy.set(false);
            });
        })
    };
    let on_read = {
        let (import, refused, pasted, allowed, words) = (
            import.clone(),
            refused.clone(),
            pasted.clone(),
            allowed.clone(),
            props.words.clone(),
        );
        Callback::from(move |_| {
            if pasted.trim().is_empty() {
                return;
            }
            match Import::read(&pasted, import.as_deref()) {
                Ok(read) => {
                    if import.as_ref().map(|i| &i.film.id) != Some(&read.film.id) {
                        allowed.set(Vec::new());
                    }
                    import.set(Some(Rc::new(read)));
                    refused.set(None);
                    pasted.set(String::new());
                }
                Err(why) => refused.set(Some(refusal(&why, &words))),
            }
        })
    };

    // What the import would do, worked out again only when the import or
    // the document changes (not on every render of the panel).
    let summary = use_memo(
        ((*import).clone(), props.tree.clone(), lang.clone()),
        |(import, tree, lang)| {
            import.as_ref().map(|read| {
                (
                    read.changes(tree, lang),
                    read.title(lang).unwrap_or_else(|| read.film.id.clone()),
                    read.missing(),
                    read.cast_without_role(lang),
                )
            })
        },
    );
    let panel = import.as_ref().zip(summary.as_ref().as_ref()).map(|(read, summary)| {
        let (changes, title, missing, roleless) = summary.clone();
        let on_apply = {
            let (tree, changes, allowed, on_action) = (
                props.tree.clone(),
                changes.clone(),
                allowed.clone(),
                props.on_action.clone(),
            );
            Callback::from(move |_| {
                let next = wikidata::apply(&tree, &changes, |field| allowed.contains(&field));
                on_action.emit(Action::Replace(next));
            })
        };
        let items = changes.iter().map(|change: &Change| {
            let name = field_name(change.field, w);
            if !change.asks {
                let what = match change.field {
                    Field::Character | Field::Link => w.f("Add to {field}: {value}", &[("field", name), ("value", &change.shown())]),
                    _ => format!("{name}: {}", change.shown()),
                };
                return html! { <li>{ what }</li> };
            }
            let field = change.field;
            let current = crate::doc::get(&props.tree, &field.path()).map(wikidata::shown).unwrap_or_default();
            let checked = allowed.contains(&field);
            let onchange = {
                let allowed = allowed.clone();
                Callback::from(move |_| {
                    let mut next = (*allowed).clone();
                    match next.iter().position(|f| *f == field) {
                        Some(at) => { next.remove(at); }
                        None => next.push(field),
                    }
                    allowed.set(next);
                })
            };
            let id = format!("wd-replace-{}", crate::doc::path_text(&field.path()));
            html! {
                <li class="asks">
                    <input type="checkbox" id={id.clone()} {checked} {onchange} />
                    <label for={id}>{ w.f("Replace {field} “{current}” with “{value}”", &[("field", name), ("current", &current), ("value", &change.shown())]) }</label>
                </li>
            }
        });
        let nothing = changes.is_empty();
        html! {
            <div class="wikidata-read" role="region" aria-label={w.t("Read from Wikidata").to_owned()}>
                <p>{ w.t("Read from Wikidata:") }{" "}<a href={read.url()} target="_blank" rel="noopener noreferrer">{ format!("{title} ({})", read.film.id) }</a></p>
                if !missing.is_empty() {
                    <p class="hint missing">{ w.f("{n} names are not known yet ({ids}): paste the JSON of those items, or fetch the film while online.", &[("n", &missing.len().to_string()), ("ids", &missing.join(", "))]) }</p>
                }
                if !roleless.is_empty() {
                    <p class="hint">{ w.f("Cast without a character role on Wikidata, not added: {names}", &[("names", &roleless.join(", "))]) }</p>
                }
                if nothing {
                    <p>{ w.t("The form already says all this.") }</p>
                } else {
                    <ul class="wikidata-changes">{ for items }</ul>
                    <button type="button" class="primary" onclick={on_apply}>{ w.t("Fill the form") }</button>
                    <p class="hint">{ w.t("Fields you wrote change only where ticked; Undo takes it all back.") }</p>
                }
            </div>
        }
    });

    html! {
        <details class="wikidata">
            <summary>{ w.t("From Wikidata") }</summary>
            <div class="open-body">
                <label for="wd-id">{ w.t("The film on Wikidata (Q-id or link)") }</label>
                <div class="row">
                    <input id="wd-id" data-own-undo="" type="text" spellcheck="false" value={(*wanted).clone()} oninput={on_wanted} placeholder="Q2262932" />
                    <button type="button" onclick={on_fetch} disabled={*busy}>{ if *busy { w.t("Fetching…") } else { w.t("Fetch") } }</button>
                </div>
                <label for="wd-paste">{ w.t("Or paste its JSON (Special:EntityData/Q….json), then the JSON of the items it names") }</label>
                <textarea id="wd-paste" data-own-undo="" rows="3" value={(*pasted).clone()} oninput={on_pasted} />
                <button type="button" onclick={on_read}>{ w.t("Read the pasted JSON") }</button>
                if let Some(why) = &*refused { <p class="problem error" role="alert">{ why }</p> }
                { for panel }
                <p class="hint">{ w.t("Wikidata's data is CC0: free to use, no credit needed.") }</p>
            </div>
        </details>
    }
}
