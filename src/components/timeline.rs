//! The timeline: each event gated on its own unless within progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_state::{Action, CardState, List};
use crate::components::reveal_bar::{reveal_bar, RevealBarArgs};
use crate::components::show_more::{page_start_tabindex, show_more, ShowMoreArgs};
use crate::components::spoiler_gate::pending;
use crate::components::Drawn;
use crate::gate::ItemKey;
use crate::locale::{Key, Words};
use crate::model::Movie;

/// What [`timeline`] shows.
pub struct TimelineArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// What is revealed.
    pub state: &'a CardState,
    /// Receives reveals and "I'm here".
    pub on_action: Callback<Action>,
    /// The card's words.
    pub words: &'a Words,
    /// Live, or into a page's HTML: each event's reveal a `<details>` (see
    /// [`pending`]), or none on a static card.
    pub drawn: Drawn,
}

/// The timeline panel: the first events, a page at a time.
pub fn timeline(args: &TimelineArgs) -> Html {
    let (gate, words) = (&args.state.gate, args.words);
    let shown = args.state.shown_events;
    let hidden = gate.hidden_events(&args.movie);
    if args.movie.timeline.is_empty() {
        return html! { <p class="empty">{ words.text(Key::NothingListed) }</p> };
    }
    let items = args.movie.timeline.iter().take(shown).enumerate().map(|(i, event)| {
        let key = ItemKey::Event(event.key.clone());
        let tabindex = page_start_tabindex(i);
        let clock = words.approx_clock(event.at_minute);
        if gate.shows(&key, Some(event.at_minute)) {
            let minute = event.at_minute;
            let here = args.on_action.reform(move |_: MouseEvent| Action::SetProgress(minute));
            html! {
                <li class="event" {tabindex}>
                    <span class="minute">{ clock.clone() }</span>
                    <div class="event-body">
                        <p class="event-title" dir="auto">{ &event.title }</p>
                        <p class="event-text" dir="auto">{ &event.text }</p>
                        <button type="button" class="link-button" onclick={here}>
                            { words.text(Key::ImHere) }<span class="sr-only">{ " " }{ words.say(Key::ImHereDetail, &[("clock", &clock)]) }</span>
                        </button>
                    </div>
                </li>
            }
        } else {
            let reveal = match args.drawn.here() {
                Drawn::Live => {
                    let reveal = args.on_action.reform(move |_: MouseEvent| Action::RevealItem(key.clone()));
                    html! {
                        <button type="button" class="reveal" onclick={reveal}>
                            { words.text(Key::RevealItem) }<span class="sr-only">{ " " }{ words.say(Key::RevealEvent, &[("clock", &clock)]) }</span>
                        </button>
                    }
                }
                Drawn::ForTakeOver => html! {
                    <details class="reveal-box">
                        <summary class="reveal">
                            <span class="reveal-label">{ words.text(Key::RevealItem) }<span class="sr-only">{ " " }{ words.say(Key::RevealEvent, &[("clock", &clock)]) }</span></span>
                            { pending(words) }
                        </summary>
                    </details>
                },
                // (Nothing can open it: the shape alone says something is there.)
                Drawn::Static => html! {},
            };
            html! {
                <li class="event gated" {tabindex}>
                    <span class="minute">{ clock.clone() }</span>
                    <div class="event-body">
                        <span class="shape" aria-hidden="true"></span>
                        { reveal }
                    </div>
                </li>
            }
        }
    });
    html! {
        <>
            { reveal_bar(&RevealBarArgs { hidden, describe: Key::HiddenEvents, any_revealed: gate.any_revealed(), on_action: args.on_action.clone(), words }) }
            <ol class="timeline">{ for items }</ol>
            { show_more(&ShowMoreArgs { list: List::Events, shown, total: args.movie.timeline.len(), on_action: args.on_action.clone(), words }) }
        </>
    }
}
