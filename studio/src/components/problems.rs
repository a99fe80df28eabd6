//! Every problem of the movie in one list, each a button that takes the
//! author to its field.

use std::rc::Rc;

use spoiler_card::model::{Problem, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{field_id, reveal_and_focus};

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// Every problem, errors first.
    pub problems: Rc<Vec<Problem>>,
    /// Problems found but not listed.
    pub unlisted: usize,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

/// Focuses the control of `path` (or of the nearest field above it),
/// opening the folded item it is in.
fn go_to(path: &str, from: &web_sys::Element) {
    let Some(root) = from.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok() else {
        return;
    };
    let mut path = path.to_owned();
    loop {
        let id = field_id(&path);
        let target = root
            .get_element_by_id(&id)
            .or_else(|| root.get_element_by_id(&format!("{id}-new")))
            .or_else(|| root.get_element_by_id(&format!("{id}-0")));
        if let Some(target) = target {
            reveal_and_focus(&target);
            return;
        }
        match path.rfind(['.', '[']) {
            Some(at) => path.truncate(at),
            None => {
                // No control for it: the list above the form, where it is.
                if let Some(top) = root.get_element_by_id("top-problems") {
                    reveal_and_focus(&top);
                }
                return;
            }
        }
    }
}

/// The list of problems.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let w = &*props.words;
    let errors = props
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = props.problems.len() - errors;
    if props.problems.is_empty() {
        return html! { <p class="summary ok" role="status">{ w.t("No problems: ready to publish.") }</p> };
    }
    html! {
        <section class="summary" aria-labelledby="problems-title">
            <h2 id="problems-title">{ format!("{}, {}",
                if errors == 1 { w.t("1 error").to_owned() } else { w.f("{n} errors", &[("n", &errors.to_string())]) },
                if warnings == 1 { w.t("1 warning").to_owned() } else { w.f("{n} warnings", &[("n", &warnings.to_string())]) }) }</h2>
            <ul>
                { for props.problems.iter().map(|p| {
                    let path = p.path.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        if let Some(from) = e.target_dyn_into::<web_sys::Element>() {
                            go_to(&path, &from);
                        }
                    });
                    let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
                    html! { <li class={class}><button type="button" class="link" {onclick}>{ p.to_string() }</button></li> }
                }) }
                if props.unlisted > 0 { <li>{ w.f("… and {n} more", &[("n", &props.unlisted.to_string())]) }</li> }
            </ul>
        </section>
    }
}

/// The problems of the whole document (no path): shown above the form.
pub fn problems_at_top(problems: &[Problem]) -> Vec<Problem> {
    use spoiler_card::model::fields::MOVIE;
    // Of the whole movie, or of a field the form has no control for (an
    // unknown field, kept and written back): shown above the form.
    let placed = |path: &str| {
        let key = path.split(['.', '[']).next().unwrap_or_default();
        key == "$schema" || MOVIE.get(key).is_some()
    };
    problems
        .iter()
        .filter(|p| p.path.is_empty() || !placed(&p.path))
        .cloned()
        .collect()
}
