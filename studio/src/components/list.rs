//! A list of objects (events, characters, settings, …): one folded line an
//! item, with its count, opened to edit its fields; items added, inserted,
//! duplicated, deleted and moved by buttons (so by keyboard too).

use std::rc::Rc;

use spoiler_card::model::Problem;
use spoiler_card::value::Value;
use yew::prelude::*;

use wasm_bindgen::JsCast;

use super::field::FieldInput;
use super::{field_id, problems_at, reveal_and_focus};
use crate::doc::{self, Step};
use crate::spec::{self, List};
use crate::state::{Action, Moved};
use crate::words::Words;

/// Props of [`ObjectList`].
#[derive(Properties, PartialEq)]
pub struct ObjectListProps {
    /// What the list holds.
    pub spec: &'static List,
    /// The movie.
    pub tree: Rc<Value<'static>>,
    /// Every problem of the movie.
    pub problems: Rc<Vec<Problem>>,
    /// Show the problems of empty fields too.
    pub show_all: bool,
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
    /// The item the last edit moved, if any (the focus follows it).
    pub moved: Option<Moved>,
}

/// After an item of the list `root` holds moved from `from` to `to`: the
/// control that had the focus in the old place gets it in the new one (its
/// folded item opened), so that Move up, Move down and a re-sorted minute
/// leave the author with the item they were working on.
fn follow(root: &web_sys::ShadowRoot, list: &str, moved: &Moved) {
    let from = format!("{}-", field_id(&format!("{list}[{}]", moved.from)));
    let to = format!("{}-", field_id(&format!("{list}[{}]", moved.to)));
    let Some(active) = root.active_element() else {
        return;
    };
    let Some(rest) = active.id().strip_prefix(&from).map(str::to_owned) else {
        return;
    };
    // At the list's end, Move up or down is disabled: its other one then.
    let other = match rest.as_str() {
        "up" => "down",
        "down" => "up",
        _ => "",
    };
    let target = [rest.as_str(), other]
        .iter()
        .filter(|r| !r.is_empty())
        .filter_map(|r| root.get_element_by_id(&format!("{to}{r}")))
        .find(|e| !e.has_attribute("disabled"));
    let Some(target) = target else {
        return;
    };
    reveal_and_focus(&target);
}

/// Lists up to this long show their items open; a longer one is folded,
/// but for the items with a problem.
const OPEN_UP_TO: usize = 5;

/// The line an item shows folded: its minute (for an event) and title.
fn summary(spec: &List, item: Option<&Value<'static>>, index: usize, words: &Words) -> String {
    let numbered = words.f(
        "{item} {n}",
        &[
            ("item", words.t(spec.item)),
            ("n", &(index + 1).to_string()),
        ],
    );
    let Some(item) = item else {
        return numbered;
    };
    let name = doc::text_at(item, &spec::steps(spec.summary));
    let minute = match doc::get(item, &[Step::Key("at_minute")]) {
        Some(Value::Number(n)) if *n >= 0.0 => format!("{} ", doc::format_minutes(*n as u16)),
        _ => String::new(),
    };
    if name.trim().is_empty() {
        format!("{minute}{numbered} {}", words.t("(untitled)"))
    } else {
        format!("{minute}{name}")
    }
}

/// One list of the movie.
#[component]
pub fn ObjectList(props: &ObjectListProps) -> Html {
    let spec = props.spec;
    let w = &*props.words;
    let list_path = spec::steps(spec.key);
    let list_text = doc::path_text(&list_path);
    let count = doc::len_at(&props.tree, &list_path);
    let list_problems = problems_at(&props.problems, &list_text);
    let node = use_node_ref();
    // Items the author opened (or that opened for a problem) stay open
    // until the author folds them: fixing an item's last problem does not
    // fold it under them.
    let opened = use_state(Vec::<usize>::new);
    {
        let (node, list_text) = (node.clone(), list_text.clone());
        use_effect_with(props.moved.clone(), move |moved| {
            if let Some(moved) = moved.as_ref().filter(|m| m.list == list_text) {
                let root = node
                    .get()
                    .and_then(|n| n.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
                if let Some(root) = root {
                    // After the task that moved it: a Tab that committed a
                    // minute has moved the focus on by then.
                    let (moved, list_text) = (moved.clone(), list_text.clone());
                    gloo_timers::callback::Timeout::new(0, move || {
                        follow(&root, &list_text, &moved)
                    })
                    .forget();
                }
            }
        });
    }
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    // A new item is empty: a new event has no minute until the author gives
    // one (a default of 0 would show it from the film's start), except one
    // inserted after an event, which takes that event's minute and so stays
    // where it was put.
    let new_item = |after: Option<usize>| {
        let mut item = Value::Object(Vec::new());
        if let Some(after) = after {
            let mut at = list_path.clone();
            at.extend([Step::Index(after), Step::Key("at_minute")]);
            if let (Some(Value::Number(n)), true) =
                (doc::get(&props.tree, &at), spec.key == "timeline")
            {
                doc::set(
                    &mut item,
                    &[Step::Key("at_minute")],
                    Some(Value::Number(*n)),
                );
            }
        }
        item
    };
    let items = (0..count).map(|i| {
        let mut item_path = list_path.clone();
        item_path.push(Step::Index(i));
        let item = doc::get(&props.tree, &item_path).cloned();
        let item_text = doc::path_text(&item_path);
        let item_problems = problems_at(&props.problems, &item_text);
        let flagged = !item_problems.is_empty();
        let line = summary(spec, item.as_ref(), i, w);
        let fields = spec.fields.iter().map(|field| {
            let mut path = item_path.clone();
            path.extend(spec::steps(field.key));
            let value = doc::get(&props.tree, &path).cloned();
            let problems = super::studio::shown(
                problems_at(&props.problems, &doc::path_text(&path)),
                value.as_ref(),
                props.show_all,
            );
            html! {
                <FieldInput path={path} label={w.t(field.label).to_owned()} hint={w.t(field.hint).to_owned()} kind={field.kind}
                    {value} {problems} on_action={props.on_action.clone()} words={props.words.clone()} />
            }
        });
        let duplicate = item.clone().map(|item| {
            // A copy's id would be a duplicate: it gets none.
            let mut copy = item;
            doc::set(&mut copy, &[Step::Key("id")], None);
            copy
        });
        let item_id = field_id(&item_text);
        let open = count <= OPEN_UP_TO || flagged || opened.contains(&i);
        let ontoggle = {
            let opened = opened.clone();
            Callback::from(move |e: Event| {
                let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
                let mut next = (*opened).clone();
                next.retain(|n| *n != i);
                if details.open() {
                    next.push(i);
                }
                if next != *opened {
                    opened.set(next);
                }
            })
        };
        html! {
            <li class="item">
                <details {open} {ontoggle}>
                    <summary>
                        <span class="item-line">{ line }</span>
                        if flagged { <span class="badge">{ if item_problems.len() == 1 { w.t("1 problem").to_owned() } else { w.f("{n} problems", &[("n", &item_problems.len().to_string())]) } }</span> }
                    </summary>
                    <div class="item-fields">{ for fields }</div>
                    <div class="item-actions" role="group" aria-label={w.f("{item} {n}", &[("item", w.t(spec.item)), ("n", &(i + 1).to_string())])}>
                        <button type="button" id={format!("{item_id}-up")} disabled={i == 0} onclick={emit(Action::Move(list_path.clone(), i, i.saturating_sub(1)))}>{ w.t("Move up") }</button>
                        <button type="button" id={format!("{item_id}-down")} disabled={i + 1 == count} onclick={emit(Action::Move(list_path.clone(), i, i + 1))}>{ w.t("Move down") }</button>
                        <button type="button" id={format!("{item_id}-insert")} onclick={emit(Action::Insert(list_path.clone(), i + 1, new_item(Some(i))))}>{ w.t("Insert after") }</button>
                        if let Some(copy) = duplicate {
                            <button type="button" id={format!("{item_id}-duplicate")} onclick={emit(Action::Insert(list_path.clone(), i + 1, copy))}>{ w.t("Duplicate") }</button>
                        }
                        <button type="button" id={format!("{item_id}-delete")} class="danger" onclick={emit(Action::Set(item_path.clone(), None))}>{ w.t("Delete") }</button>
                    </div>
                </details>
            </li>
        }
    });
    html! {
        <div class="object-list" data-path={list_text.clone()} ref={node}>
            <h3>{ w.t(spec.label) }<span class="count">{ count }</span></h3>
            <ul class="field-problems">
                { for list_problems.iter().filter(|p| p.path == list_text).map(|p| html! { <li class="problem">{ p.to_string() }</li> }) }
            </ul>
            <ol class="items">{ for items }</ol>
            <button type="button" class="add" onclick={emit(Action::Insert(list_path.clone(), count, new_item(None)))}>
                { w.f("Add {item}", &[("item", w.t(spec.item))]) }
            </button>
        </div>
    }
}
