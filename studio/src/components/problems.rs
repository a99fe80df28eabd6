//! Every problem of the movie in one list, each a button that takes the
//! author to its field.

use std::rc::Rc;

use spoiler_card::model::{Problem, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::field_id;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// Every problem, errors first.
    pub problems: Rc<Vec<Problem>>,
    /// Problems found but not listed.
    pub unlisted: usize,
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
            let mut parent = target.parent_element();
            while let Some(element) = parent {
                if element.tag_name() == "DETAILS" {
                    let _ = element.set_attribute("open", "");
                }
                parent = element.parent_element();
            }
            if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
                let _ = target.focus();
            }
            return;
        }
        match path.rfind(['.', '[']) {
            Some(at) => path.truncate(at),
            None => return,
        }
    }
}

/// The list of problems.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let errors = props
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = props.problems.len() - errors;
    if props.problems.is_empty() {
        return html! { <p class="summary ok" role="status">{ "No problems: ready to publish." }</p> };
    }
    html! {
        <section class="summary" aria-labelledby="problems-title">
            <h2 id="problems-title">{ format!("{errors} error{}, {warnings} warning{}", if errors == 1 { "" } else { "s" }, if warnings == 1 { "" } else { "s" }) }</h2>
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
                if props.unlisted > 0 { <li>{ format!("… and {} more", props.unlisted) }</li> }
            </ul>
        </section>
    }
}

/// The problems of the whole document (no path): shown above the form.
pub fn problems_at_top(problems: &[Problem]) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| p.path.is_empty())
        .cloned()
        .collect()
}
