//! "4 later events hidden" and the show/hide-everything control, above the
//! timeline and the characters.

use yew::prelude::*;

use crate::card_state::Action;
use crate::locale::{Key, Words};

/// What [`reveal_bar`] shows.
pub struct RevealBarArgs<'a> {
    /// How many items of the list are still hidden.
    pub hidden: usize,
    /// The message for that count ("4 later events hidden").
    pub describe: Key,
    /// Is anything revealed by hand (so "Hide revealed" makes sense)?
    pub any_revealed: bool,
    /// Receives show/hide everything.
    pub on_action: Callback<Action>,
    /// The card's words.
    pub words: &'a Words,
}

/// The bar above a gated list.
pub fn reveal_bar(args: &RevealBarArgs) -> Html {
    let words = args.words;
    let emit = |action: Action| args.on_action.reform(move |_: MouseEvent| action.clone());
    html! {
        <div class="reveal-bar">
            <p class="hidden-count">{ if args.hidden > 0 { words.count(args.describe, args.hidden, &[]) } else { String::new() } }</p>
            if args.hidden > 0 {
                <button type="button" class="button small" onclick={emit(Action::ShowEverything)}>{ words.text(Key::ShowEverything) }</button>
            } else if args.any_revealed {
                <button type="button" class="button small" onclick={emit(Action::HideEverything)}>{ words.text(Key::HideEverything) }</button>
            }
        </div>
    }
}
