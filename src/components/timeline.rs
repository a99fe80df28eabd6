//! The timeline: each event gated on its own unless within progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_state::{Action, CardState, List};
use crate::components::reveal_bar::{reveal_bar, RevealBarProps};
use crate::components::show_more::{page_start_tabindex, show_more, ShowMoreProps};
use crate::format;
use crate::gate::ItemKey;
use crate::model::Movie;
use crate::strings;

/// What [`timeline`] shows.
pub struct TimelineProps<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// What is revealed.
    pub state: &'a CardState,
    /// Receives reveals and "I'm here".
    pub on_action: Callback<Action>,
}

/// The timeline panel: the first events, a page at a time.
pub fn timeline(props: &TimelineProps) -> Html {
    let gate = &props.state.gate;
    let shown = props.state.shown_events;
    let hidden = gate.hidden_events(&props.movie);
    if props.movie.timeline.is_empty() {
        return html! { <p class="empty">{ strings::NOTHING_LISTED }</p> };
    }
    let items = props.movie.timeline.iter().take(shown).enumerate().map(|(i, event)| {
        let key = ItemKey::Event(event.key.clone());
        let tabindex = page_start_tabindex(i);
        let clock = format::approx_clock(event.at_minute);
        if gate.shows(&key, Some(event.at_minute)) {
            let minute = event.at_minute;
            let here = props.on_action.reform(move |_: MouseEvent| Action::SetProgress(minute));
            html! {
                <li class="event" key={i} {tabindex}>
                    <span class="minute">{ clock.clone() }</span>
                    <div class="event-body">
                        <p class="event-title" dir="auto">{ &event.title }</p>
                        <p class="event-text" dir="auto">{ &event.text }</p>
                        <button type="button" class="link-button" onclick={here}>
                            { strings::IM_HERE }<span class="sr-only">{ strings::im_here_suffix(&clock) }</span>
                        </button>
                    </div>
                </li>
            }
        } else {
            let reveal = props.on_action.reform(move |_: MouseEvent| Action::RevealItem(key.clone()));
            html! {
                <li class="event gated" key={i} {tabindex}>
                    <span class="minute">{ clock.clone() }</span>
                    <div class="event-body">
                        <span class="shape" aria-hidden="true"></span>
                        <button type="button" class="reveal" onclick={reveal}>
                            { strings::REVEAL_ITEM }<span class="sr-only">{ strings::reveal_event_suffix(&clock) }</span>
                        </button>
                    </div>
                </li>
            }
        }
    });
    html! {
        <>
            { reveal_bar(&RevealBarProps { hidden, describe: strings::hidden_events, any_revealed: gate.any_revealed(), on_action: props.on_action.clone() }) }
            <ol class="timeline">{ for items }</ol>
            { show_more(&ShowMoreProps { list: List::Events, shown, total: props.movie.timeline.len(), on_action: props.on_action.clone() }) }
        </>
    }
}
