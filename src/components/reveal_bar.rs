//! "4 later events hidden" and the show/hide-everything control, above the
//! timeline and the characters.

use yew::prelude::*;

use crate::card_state::Action;
use crate::strings;

/// What [`reveal_bar`] shows.
pub struct RevealBarProps {
    /// How many items of the list are still hidden.
    pub hidden: usize,
    /// Words for that count ("4 later events hidden").
    pub describe: fn(usize) -> String,
    /// Is anything revealed by hand (so "Hide revealed" makes sense)?
    pub any_revealed: bool,
    /// Receives show/hide everything.
    pub on_action: Callback<Action>,
}

/// The bar above a gated list.
pub fn reveal_bar(props: &RevealBarProps) -> Html {
    let emit = |action: Action| props.on_action.reform(move |_: MouseEvent| action.clone());
    html! {
        <div class="reveal-bar">
            <p class="hidden-count">{ if props.hidden > 0 { (props.describe)(props.hidden) } else { String::new() } }</p>
            if props.hidden > 0 {
                <button type="button" class="button small" onclick={emit(Action::ShowEverything)}>{ strings::SHOW_EVERYTHING }</button>
            } else if props.any_revealed {
                <button type="button" class="button small" onclick={emit(Action::HideEverything)}>{ strings::HIDE_EVERYTHING }</button>
            }
        </div>
    }
}
