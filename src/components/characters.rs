//! Characters (name, actor and intro always; the arc gated), then the
//! settings and themes.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_state::{Action, CardState, List};
use crate::components::reveal_bar::{reveal_bar, RevealBarProps};
use crate::components::show_more::{page_start_tabindex, show_more, ShowMoreProps};
use crate::gate::ItemKey;
use crate::model::{Movie, Topic};
use crate::strings;

/// What [`characters`] shows.
pub struct CharactersProps<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// What is revealed.
    pub state: &'a CardState,
    /// Receives reveals.
    pub on_action: Callback<Action>,
    /// Heading level of the card's title.
    pub heading_level: u8,
}

fn topics(title: &str, tag: &str, list: &[Topic]) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <>
            <@{tag.to_owned()} class="sub-title">{ title }</@>
            <dl class="topics">
                { for list.iter().map(|t| html! {
                    <div class="topic">
                        <dt dir="auto">{ &t.name }</dt>
                        <dd dir="auto">{ &t.description }</dd>
                    </div>
                }) }
            </dl>
        </>
    }
}

/// The characters panel.
pub fn characters(props: &CharactersProps) -> Html {
    let gate = &props.state.gate;
    let hidden = gate.hidden_arcs(&props.movie);
    let sub = crate::components::heading_tag(props.heading_level, 2);
    let shown = props.state.shown_characters;
    let people = props.movie.characters.iter().take(shown).enumerate().map(|(i, c)| {
        let arc = c.arc.as_ref().map(|arc| {
            let key = ItemKey::Arc(c.key.clone());
            if gate.shows(&key, arc.at_minute) {
                html! { <p class="arc"><span class="arc-label">{ strings::ARC }</span><span dir="auto">{ &arc.text }</span></p> }
            } else {
                let reveal = props.on_action.reform(move |_: MouseEvent| Action::RevealItem(key.clone()));
                html! {
                    <div class="arc gated">
                        <span class="shape" aria-hidden="true"></span>
                        <button type="button" class="reveal" onclick={reveal}>
                            { strings::REVEAL_ITEM }<span class="sr-only">{ strings::reveal_arc_suffix(&c.name) }</span>
                        </button>
                    </div>
                }
            }
        });
        html! {
            <li class="character" key={i} tabindex={page_start_tabindex(i)}>
                <p class="name">
                    <span dir="auto">{ &c.name }</span>
                    if let Some(actor) = &c.actor {
                        <span class="actor">{ " — " }{ strings::PLAYED_BY }{ " " }<span dir="auto">{ actor }</span></span>
                    }
                </p>
                <p class="intro" dir="auto">{ &c.intro }</p>
                { for arc }
            </li>
        }
    });
    html! {
        <>
            if props.movie.characters.is_empty() {
                <p class="empty">{ strings::NOTHING_LISTED }</p>
            } else {
                { reveal_bar(&RevealBarProps { hidden, describe: strings::hidden_arcs, any_revealed: gate.any_revealed(), on_action: props.on_action.clone() }) }
                <ul class="characters">{ for people }</ul>
                { show_more(&ShowMoreProps { list: List::Characters, shown, total: props.movie.characters.len(), on_action: props.on_action.clone() }) }
            }
            { topics(strings::SETTINGS, &sub, &props.movie.settings) }
            { topics(strings::THEMES, &sub, &props.movie.themes) }
        </>
    }
}
