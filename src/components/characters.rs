//! Characters (name, actor and intro always; the arc gated), then the
//! settings and themes.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_state::{Action, CardState, List};
use crate::components::reveal_bar::{reveal_bar, RevealBarArgs};
use crate::components::show_more::{page_start_tabindex, show_more, ShowMoreArgs};
use crate::gate::ItemKey;
use crate::locale::{Key, Words};
use crate::model::{Movie, Topic};

/// What [`characters`] shows.
pub struct CharactersArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// What is revealed.
    pub state: &'a CardState,
    /// Receives reveals.
    pub on_action: Callback<Action>,
    /// Heading level of the card's title.
    pub heading_level: u8,
    /// The card's words.
    pub words: &'a Words,
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
pub fn characters(args: &CharactersArgs) -> Html {
    let (gate, words) = (&args.state.gate, args.words);
    let hidden = gate.hidden_arcs(&args.movie);
    let sub = crate::components::heading_tag(args.heading_level, 2);
    let shown = args.state.shown_characters;
    let people = args.movie.characters.iter().take(shown).enumerate().map(|(i, c)| {
        let arc = c.arc.as_ref().map(|arc| {
            let key = ItemKey::Arc(c.key.clone());
            if gate.shows(&key, arc.at_minute) {
                html! { <p class="arc"><span class="arc-label">{ words.text(Key::Arc) }</span><span dir="auto">{ &arc.text }</span></p> }
            } else {
                let reveal = args.on_action.reform(move |_: MouseEvent| Action::RevealItem(key.clone()));
                html! {
                    <div class="arc gated">
                        <span class="shape" aria-hidden="true"></span>
                        <button type="button" class="reveal" onclick={reveal}>
                            { words.text(Key::RevealItem) }<span class="sr-only">{ " " }{ words.say(Key::RevealArc, &[("name", &c.name)]) }</span>
                        </button>
                    </div>
                }
            }
        });
        html! {
            <li class="character" tabindex={page_start_tabindex(i)}>
                <p class="name">
                    <span dir="auto">{ &c.name }</span>
                    if let Some(actor) = &c.actor {
                        <span class="actor">{ " — " }{ words.text(Key::PlayedBy) }{ " " }<span dir="auto">{ actor }</span></span>
                    }
                </p>
                <p class="intro" dir="auto">{ &c.intro }</p>
                { for arc }
            </li>
        }
    });
    html! {
        <>
            if args.movie.characters.is_empty() {
                <p class="empty">{ words.text(Key::NothingListed) }</p>
            } else {
                { reveal_bar(&RevealBarArgs { hidden, describe: Key::HiddenArcs, any_revealed: gate.any_revealed(), on_action: args.on_action.clone(), words }) }
                <ul class="characters">{ for people }</ul>
                { show_more(&ShowMoreArgs { list: List::Characters, shown, total: args.movie.characters.len(), on_action: args.on_action.clone(), words }) }
            }
            { topics(words.text(Key::Settings), sub, &args.movie.settings) }
            { topics(words.text(Key::Themes), sub, &args.movie.themes) }
        </>
    }
}
