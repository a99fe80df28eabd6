//! "Show 50 more" under a long list (the timeline, the characters): the
//! card lists a page at a time, so a 1,000-item list costs what 50 do
//! until the reader asks for more.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::card_state::{Action, List, LIST_PAGE};
use crate::locale::{Key, Words};

/// What [`show_more`] shows.
pub struct ShowMoreArgs<'a> {
    /// Which list.
    pub list: List,
    /// How many items are listed now.
    pub shown: usize,
    /// How many the list has.
    pub total: usize,
    /// Receives [`Action::ShowMore`].
    pub on_action: Callback<Action>,
    /// The card's words.
    pub words: &'a Words,
}

/// The control, or nothing once the whole list is shown.
pub fn show_more(args: &ShowMoreArgs) -> Html {
    if args.shown >= args.total {
        return html! {};
    }
    let next = (args.total - args.shown).min(LIST_PAGE);
    let first_new = args.shown as u32;
    let list = args.list;
    let on_action = args.on_action.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // The list is the element just before this control.
        let items = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.parent_element())
            .and_then(|bar| bar.previous_element_sibling());
        on_action.emit(Action::ShowMore(list));
        // Focus goes to the first new item once it is rendered (the
        // button itself may be gone, and focus with it). Yew renders in a
        // task queued by the action above; this one runs after it.
        if let Some(items) = items {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(item) = items.children().item(first_new) {
                    if let Ok(item) = item.dyn_into::<web_sys::HtmlElement>() {
                        let _ = item.focus();
                    }
                }
            });
        }
    });
    let words = args.words;
    let showing = match list {
        List::Events => Key::ShowingEvents,
        List::Characters => Key::ShowingCharacters,
    };
    let shown = words.number(args.shown);
    let showing = words.count(showing, args.total, &[("shown", &shown)]);
    html! {
        <div class="show-more">
            <button type="button" class="button small" {onclick}>{ words.count(Key::ShowMore, next, &[]) }</button>
            <span class="shown-count">{ showing }</span>
        </div>
    }
}

/// `tabindex` for item `index` of a paged list: the first item of each
/// later page takes focus after "Show more"; the rest need none.
pub fn page_start_tabindex(index: usize) -> Option<AttrValue> {
    (index > 0 && index % LIST_PAGE == 0).then_some(AttrValue::Static("-1"))
}
