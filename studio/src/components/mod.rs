//! The studio's Yew components, one per file: [`studio::Studio`] (the root:
//! state, validation, layout), [`field::FieldInput`] (one field with its
//! label, hint and problems), [`list::ObjectList`] (events, characters, …),
//! [`open::OpenMovie`], [`wikidata::FromWikidata`], [`paste::PasteEvents`],
//! [`problems::ProblemList`], [`preview::Preview`] and [`export::Export`].

pub mod export;
pub mod field;
pub mod list;
pub mod open;
pub mod paste;
pub mod preview;
pub mod problems;
pub mod studio;
pub mod wikidata;

use spoiler_card::model::Problem;

/// The problems at `path` or inside it (`directors[1]` is in `directors`).
pub fn problems_at(problems: &[Problem], path: &str) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| {
            p.path == path
                || p.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
        })
        .cloned()
        .collect()
}

/// The id of a field's control, from its path: `f-timeline-3-at_minute`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// Opens the folded items `target` is in, then focuses it: how the studio
/// takes the author to a control (a problem's field, an item that moved).
pub fn reveal_and_focus(target: &web_sys::Element) {
    use wasm_bindgen::JsCast;
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
}
