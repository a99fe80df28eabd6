//! One field of the form: its label, its control (fitting its kind), a
//! hint, and the problems the validator finds at its path.

use spoiler_card::model::{Problem, Severity};
use spoiler_card::value::Value;
use std::rc::Rc;
use yew::prelude::*;

use super::field_id;
use crate::doc::{self, Step};
use crate::spec::Kind;
use crate::state::Action;

/// Props of [`FieldInput`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Where the field is in the movie.
    pub path: Vec<Step>,
    /// Its label.
    pub label: AttrValue,
    /// Its hint.
    pub hint: AttrValue,
    /// Its control.
    pub kind: Kind,
    /// Its value as the document holds it.
    pub value: Option<Value<'static>>,
    /// The problems at its path.
    pub problems: Vec<Problem>,
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

/// The new value for what the author typed, by the field's kind: a number
/// where one reads, else the text as typed (the validator then says what
/// is wrong); nothing for an empty box.
fn typed(kind: Kind, input: &str) -> Option<Value<'static>> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    match kind {
        Kind::Number => Some(match trimmed.parse::<i64>() {
            Ok(n) => Value::Number(n as f64),
            Err(_) => doc::text(input),
        }),
        Kind::Minute => Some(match doc::parse_minutes(trimmed) {
            Some(m) => Value::Number(f64::from(m)),
            None => doc::text(input),
        }),
        _ => Some(doc::text(input)),
    }
}

fn texts_of(value: &Option<Value<'static>>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => s.to_string(),
                _ => String::new(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn text_of(value: &Option<Value<'static>>) -> String {
    match value {
        Some(Value::String(s)) => s.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// One field of the form.
#[component]
pub fn FieldInput(props: &FieldProps) -> Html {
    let path_text = doc::path_text(&props.path);
    let id = field_id(&path_text);
    let hint_id = format!("{id}-hint");
    let errors = props.problems.iter().any(|p| p.severity == Severity::Error);
    let describedby = if props.hint.is_empty() {
        format!("{id}-problems")
    } else {
        format!("{hint_id} {id}-problems")
    };
    let problems = html! {
        <ul class="field-problems" id={format!("{id}-problems")}>
            { for props.problems.iter().map(|p| {
                let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
                html! { <li class={class}>{ p.to_string() }</li> }
            }) }
        </ul>
    };
    let control = match props.kind {
        Kind::Chips => chips(props, &id, &describedby),
        Kind::Paragraphs => paragraphs(props, &id, &describedby),
        kind => {
            let path = props.path.clone();
            let on_action = props.on_action.clone();
            // Leaving the box ends its step of undo: typing there again later
            // is a step of its own.
            let onblur = {
                let on_action = props.on_action.clone();
                Callback::from(move |_: FocusEvent| on_action.emit(Action::Pause))
            };
            let set =
                move |text: String| on_action.emit(Action::Set(path.clone(), typed(kind, &text)));
            let value = text_of(&props.value);
            if kind == Kind::Paragraph {
                let oninput = Callback::from(move |e: InputEvent| {
                    let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                    set(area.value());
                });
                html! { <textarea id={id.clone()} rows="4" {value} {oninput} {onblur} aria-describedby={describedby} aria-invalid={errors.to_string()} /> }
            } else {
                // Numbers and minutes are read when the author is done with
                // the box, so that `0:4` on the way to `0:45` is not rewritten.
                let commit_on_change = matches!(kind, Kind::Number | Kind::Minute);
                let set2 = set.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    if !commit_on_change {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        set2(input.value());
                    }
                });
                let onchange = Callback::from(move |e: Event| {
                    if commit_on_change {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        set(input.value());
                    }
                });
                let (input_type, inputmode) = match kind {
                    Kind::Number => ("text", Some("numeric")),
                    Kind::Url => ("url", None),
                    _ => ("text", None),
                };
                html! { <input id={id.clone()} type={input_type} {inputmode} {value} {oninput} {onchange} {onblur} aria-describedby={describedby} aria-invalid={errors.to_string()} /> }
            }
        }
    };
    let hint = (!props.hint.is_empty())
        .then(|| html! { <p class="hint" id={hint_id}>{ &props.hint }</p> });
    // The poster, as readers will see it (an http(s) address; a path is
    // relative to the JSON file, which the studio does not know).
    // Its box is always there, so that the image coming and going does not
    // move the input (which would lose the author's focus).
    let poster = (path_text == "poster.src").then(|| {
        let image = match &props.value {
            Some(Value::String(src))
                if src.starts_with("https://") || src.starts_with("http://") =>
            {
                html! { <img class="poster-preview" src={src.to_string()} alt="" loading="lazy" /> }
            }
            _ => html! {},
        };
        html! { <div class="poster-box">{ image }</div> }
    });
    let class = classes!("field", errors.then_some("has-error"));
    if props.kind == Kind::Paragraphs {
        // A group of boxes (maybe none yet): a fieldset, named by its legend.
        return html! {
            <fieldset {class} data-path={path_text}>
                <legend>{ &props.label }</legend>
                { control }
                { for hint }
                { problems }
            </fieldset>
        };
    }
    let label_for = if props.kind == Kind::Chips {
        format!("{id}-new")
    } else {
        id.clone()
    };
    html! {
        <div {class} data-path={path_text}>
            <label for={label_for}>{ &props.label }</label>
            { control }
            { for poster }
            { for hint }
            { problems }
        </div>
    }
}

/// A list of short texts as chips: a chip each, removed by its button, and
/// a box that adds one on Enter (or a comma).
fn chips(props: &FieldProps, id: &str, describedby: &str) -> Html {
    let items = texts_of(&props.value);
    let path = props.path.clone();
    let on_action = props.on_action.clone();
    let items_for_add = items.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == "," {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            if !text.trim().is_empty() {
                e.prevent_default();
                let mut next: Vec<Value<'static>> =
                    items_for_add.iter().map(|s| doc::text(s)).collect();
                next.push(doc::text(text.trim()));
                input.set_value("");
                on_action.emit(Action::Set(path.clone(), Some(Value::Array(next))));
            }
        }
    });
    html! {
        <div class="chips">
            <ul class="chip-list">
                { for items.iter().enumerate().map(|(i, item)| {
                    let path = props.path.clone();
                    let on_action = props.on_action.clone();
                    let rest: Vec<Value<'static>> = items.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, s)| doc::text(s)).collect();
                    let onclick = Callback::from(move |_| {
                        let value = (!rest.is_empty()).then(|| Value::Array(rest.clone()));
                        on_action.emit(Action::Set(path.clone(), value));
                    });
                    html! {
                        <li class="chip">
                            <span>{ item }</span>
                            <button type="button" class="chip-remove" aria-label={props.words.f("Remove {item}", &[("item", item)])} {onclick}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            <input id={format!("{id}-new")} type="text" {onkeydown} aria-describedby={describedby.to_owned()} placeholder={props.words.t("Add, then Enter").to_owned()} />
        </div>
    }
}

/// A list of paragraphs: a box each, one more added by a button, each
/// removed by its own (an emptied box stays, and the validator says it is
/// empty: removing it while the author types would move the next
/// paragraph under the cursor).
fn paragraphs(props: &FieldProps, id: &str, describedby: &str) -> Html {
    let items = texts_of(&props.value);
    let add = {
        let path = props.path.clone();
        let on_action = props.on_action.clone();
        let count = items.len();
        Callback::from(move |_| on_action.emit(Action::Insert(path.clone(), count, doc::text(""))))
    };
    html! {
        <div class="paragraphs">
            { for items.iter().enumerate().map(|(i, item)| {
                let mut path = props.path.clone();
                path.push(Step::Index(i));
                let on_action = props.on_action.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                    let text = area.value();
                    on_action.emit(Action::Set(path.clone(), Some(doc::text(&text))));
                });
                let remove = {
                    let mut path = props.path.clone();
                    path.push(Step::Index(i));
                    let on_action = props.on_action.clone();
                    Callback::from(move |_| on_action.emit(Action::Set(path.clone(), None)))
                };
                let name = props.words.f("Paragraph {n}", &[("n", &(i + 1).to_string())]);
                html! {
                    <div class="paragraph">
                        <textarea id={format!("{id}-{i}")} rows="4" value={item.clone()} {oninput}
                            aria-label={name.clone()} aria-describedby={describedby.to_owned()} />
                        <button type="button" class="danger small" onclick={remove}>{ props.words.f("Remove {item}", &[("item", &name)]) }</button>
                    </div>
                }
            }) }
            <button type="button" class="add" onclick={add}>{ props.words.t("Add a paragraph") }</button>
        </div>
    }
}
