//! The studio: the author's document and its history (a `Reducible`), its
//! report by the card's own validator, the form beside the preview.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use spoiler_card::json;
use spoiler_card::model::Severity;
use yew::prelude::*;

use super::export::Export;
use super::field::FieldInput;
use super::list::ObjectList;
use super::open::OpenMovie;
use super::paste::PasteEvents;
use super::preview::Preview;
use super::problems::{problems_at_top, ProblemList};
use super::problems_at;
use super::wikidata::FromWikidata;
use crate::doc::{self, Step};
use crate::draft;
use crate::element::Shared;
use crate::spec::{self, SECTIONS};
use crate::state::{Action, State};

/// How long the author pauses before the validator runs (ms).
const CHECK_AFTER_MS: u32 = 150;

/// Props of [`Studio`].
#[derive(Properties, PartialEq)]
pub struct StudioProps {
    /// What the studio shares with its element.
    pub shared: Rc<Shared>,
}

/// The studio.
#[component]
pub fn Studio(props: &StudioProps) -> Html {
    let state = use_reducer(|| State::new(doc::new_movie()));
    let words = props.shared.words.clone();
    let w = &*words;
    let on_action = state.dispatcher().to_callback();
    // The element's way in (a movie the page sets).
    {
        let (shared, on_action) = (props.shared.clone(), on_action.clone());
        use_effect_with((), move |()| {
            if let Some(tree) = shared.waiting.borrow_mut().take() {
                on_action.emit(Action::Load(tree));
            }
            *shared.dispatch.borrow_mut() = Some(on_action);
        });
    }
    let json_text = use_memo(state.tree.clone(), |tree| {
        let mut out = String::new();
        json::write(&mut out, tree);
        out
    });
    // While the author types, the validator runs once they pause, not on
    // every keystroke: typing in a long movie stays smooth. Any other
    // change (a movie opened, undo, a button) is checked at once, so that
    // its problems are never the movie's before. The preview is not held
    // back either way.
    let checked = use_state_eq(|| json_text.clone());
    {
        let checked = checked.clone();
        let typing = state.typing();
        use_effect_with(json_text.clone(), move |text| {
            let text = text.clone();
            let pending = if **checked == *text {
                None
            } else if typing {
                Some(Timeout::new(CHECK_AFTER_MS, move || checked.set(text)))
            } else {
                checked.set(text);
                None
            };
            move || drop(pending)
        });
    }
    let report = use_memo((*checked).clone(), |text| crate::check(text));
    // A draft kept from before, offered until the author says what to do
    // with it (or the movie on screen is that draft).
    let offer = {
        let key = props.shared.draft_key.clone();
        let empty = json_text.clone();
        use_state(move || draft::load(&key).filter(|d| json::parse(d).is_ok() && **d != *empty))
    };
    // The page hears of every change (not of the first, empty movie), and
    // the draft keeps it once no older draft waits for an answer.
    {
        let (shared, offer) = (props.shared.clone(), offer.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(json_text.clone(), move |text| {
            *shared.json.borrow_mut() = (**text).clone();
            if offer.as_deref() == Some(text.as_str()) {
                offer.set(None);
            }
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if offer.is_none() {
                draft::save(&shared.draft_key, text);
            }
            if let Some(on_change) = &*shared.on_change.borrow() {
                on_change.emit((**text).clone());
            }
        });
    }
    let draft_offer = offer.as_ref().map(|kept| {
        let restore = {
            let (offer, on_action, kept) = (offer.clone(), on_action.clone(), kept.clone());
            Callback::from(move |_| {
                if let Ok(tree) = json::parse(&kept) {
                    on_action.emit(Action::Replace(tree.to_static()));
                }
                offer.set(None);
            })
        };
        let discard = {
            let (offer, key) = (offer.clone(), props.shared.draft_key.clone());
            Callback::from(move |_| {
                draft::clear(&key);
                offer.set(None);
            })
        };
        html! {
            <div class="draft-offer" role="region" aria-label={w.t("Draft").to_owned()}>
                <p>{ w.t("A draft you were writing is kept in this browser.") }</p>
                <button type="button" class="primary" onclick={restore}>{ w.t("Restore the draft") }</button>
                <button type="button" onclick={discard}>{ w.t("Discard it") }</button>
            </div>
        }
    });
    let mut problems = report.problems.clone();
    problems.sort_by_key(|p| p.severity != Severity::Error);
    let problems = Rc::new(problems);
    let runtime = match doc::get(&state.tree, &[Step::Key("runtime_minutes")]) {
        Some(spoiler_card::value::Value::Number(n)) if *n > 0.0 && *n < 10_000.0 => *n as u16,
        _ => 0,
    };
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            // The paste boxes are not the document: their own undo (each is
            // marked `data-own-undo`).
            let in_paste_box = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|t| t.has_attribute("data-own-undo"));
            if in_paste_box {
                return;
            }
            match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => on_action.emit(Action::Undo),
                ("z", true) | ("y", false) => on_action.emit(Action::Redo),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let sections = SECTIONS.iter().enumerate().map(|(n, section)| {
        let fields = section.fields.iter().map(|field| {
            let path = spec::steps(field.key);
            let value = doc::get(&state.tree, &path).cloned();
            let field_problems = shown(problems_at(&problems, &doc::path_text(&path)), value.as_ref(), state.show_all_problems);
            html! {
                <FieldInput path={path} label={w.t(field.label).to_owned()} hint={w.t(field.hint).to_owned()} kind={field.kind}
                    {value} problems={field_problems} on_action={on_action.clone()} words={words.clone()} />
            }
        });
        let lists = section.lists.iter().map(|list| html! {
            <ObjectList spec={list} tree={state.tree.clone()} problems={problems.clone()} show_all={state.show_all_problems} on_action={on_action.clone()} words={words.clone()} moved={state.moved.clone()} />
        });
        let timeline = section.lists.iter().any(|l| l.key == "timeline");
        let id = format!("section-{n}");
        html! {
            <section class="group" aria-labelledby={id.clone()}>
                <h2 {id}>{ w.t(section.title) }</h2>
                <p class="hint">{ w.t(section.hint) }</p>
                { for fields }
                { for lists }
                if timeline { <PasteEvents on_action={on_action.clone()} words={words.clone()} /> }
            </section>
        }
    });
    let top = problems_at_top(&problems);
    html! {
        <div class={classes!("studio", (state.preview.width == "desktop").then_some("wide-preview"))} {onkeydown} lang={w.lang.clone()}>
            <header class="bar">
                <h1>{ w.t("Card studio") }</h1>
                <div class="bar-actions">
                    <button type="button" disabled={!state.can_undo()} onclick={let a = on_action.clone(); move |_| a.emit(Action::Undo)} aria-keyshortcuts="Control+Z">{ w.t("Undo") }</button>
                    <button type="button" disabled={!state.can_redo()} onclick={let a = on_action.clone(); move |_| a.emit(Action::Redo)} aria-keyshortcuts="Control+Shift+Z">{ w.t("Redo") }</button>
                </div>
            </header>
            <div class="columns">
                <form class="form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { for draft_offer }
                    <OpenMovie on_action={on_action.clone()} words={words.clone()} />
                    <FromWikidata tree={state.tree.clone()} on_action={on_action.clone()} words={words.clone()} />
                    if !top.is_empty() {
                        <ul class="field-problems" id="top-problems" tabindex="-1">{ for top.iter().map(|p| {
                            let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
                            html! { <li class={class}>{ p.to_string() }</li> }
                        }) }</ul>
                    }
                    { for sections }
                </form>
                <aside class="side">
                    <ProblemList problems={problems.clone()} unlisted={report.unlisted()} words={words.clone()} />
                    <Preview json={json_text.clone()} choices={state.preview.clone()} {runtime} on_action={on_action.clone()} words={words.clone()} />
                    <Export json={json_text.clone()} tree={state.tree.clone()} on_action={on_action.clone()} words={words.clone()} />
                </aside>
            </div>
        </div>
    }
}

/// A field's problems as the form shows them: all of them once the author
/// asked (or opened a movie); before, none for a field left empty.
pub fn shown(
    problems: Vec<spoiler_card::model::Problem>,
    value: Option<&spoiler_card::value::Value<'static>>,
    show_all: bool,
) -> Vec<spoiler_card::model::Problem> {
    use spoiler_card::value::Value;
    let empty = match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        _ => false,
    };
    if empty && !show_all {
        Vec::new()
    } else {
        problems
    }
}
