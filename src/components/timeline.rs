//! The timeline: each event gated on its own unless within progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::model::Movie;
use crate::spoiler::{Action, ItemKey};
use crate::state::StateHandle;
use crate::strings;

/// What [`timeline`] shows.
#[derive(Clone, PartialEq)]
pub struct TimelineProps {
    /// The movie.
    pub movie: Rc<Movie>,
    /// What is revealed.
    pub state: StateHandle,
    /// Receives reveals and "I'm here".
    pub on_action: Callback<Action>,
}

/// "4 later events hidden" and the show/hide-everything control.
#[derive(Clone, PartialEq)]
pub struct RevealBarProps {
    /// The message about hidden items ("" when none).
    pub hidden: AttrValue,
    /// Is anything revealed by hand (so "Hide revealed" makes sense)?
    pub any_revealed: bool,
    /// Are there items still hidden?
    pub any_hidden: bool,
    /// Receives show/hide everything.
    pub on_action: Callback<Action>,
}

/// The bar above a gated list.
pub fn reveal_bar(props: &RevealBarProps) -> Html {
    let on_action = props.on_action.clone();
    let show = Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowEverything));
    let on_action = props.on_action.clone();
    let hide = Callback::from(move |_: MouseEvent| on_action.emit(Action::HideEverything));
    html! {
        <div class="reveal-bar">
            <p class="hidden-count">{ props.hidden.clone() }</p>
            if props.any_hidden {
                <button type="button" class="button small" onclick={show}>{ strings::SHOW_EVERYTHING }</button>
            } else if props.any_revealed {
                <button type="button" class="button small" onclick={hide}>{ strings::HIDE_EVERYTHING }</button>
            }
        </div>
    }
}

/// The timeline panel.
pub fn timeline(props: &TimelineProps) -> Html {
    let gate = &props.state.gate;
    let hidden = gate.hidden_events(&props.movie);
    let any_revealed = gate.show_all || !gate.revealed.is_empty();
    if props.movie.timeline.is_empty() {
        return html! { <p class="empty">{ strings::NOTHING_LISTED }</p> };
    }
    let items = props.movie.timeline.iter().enumerate().map(|(i, event)| {
        let key = ItemKey::Event(i);
        let clock = format::approx_clock(event.at_minute);
        if gate.shows(key, Some(event.at_minute)) {
            let on_action = props.on_action.clone();
            let minute = event.at_minute;
            let here = Callback::from(move |_: MouseEvent| on_action.emit(Action::SetProgress(minute)));
            html! {
                <li class="event" key={i}>
                    <span class="minute">{ clock.clone() }</span>
                    <div class="event-body">
                        <p class="event-title">{ &event.title }</p>
                        <p class="event-text">{ &event.text }</p>
                        <button type="button" class="link-button" onclick={here}>
                            { strings::IM_HERE }<span class="sr-only">{ strings::im_here_suffix(&clock) }</span>
                        </button>
                    </div>
                </li>
            }
        } else {
            let on_action = props.on_action.clone();
            let reveal = Callback::from(move |_: MouseEvent| on_action.emit(Action::RevealItem(key)));
            html! {
                <li class="event gated" key={i}>
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
            { reveal_bar(&RevealBarProps { hidden: AttrValue::from(if hidden > 0 { strings::hidden_events(hidden) } else { String::new() }), any_hidden: hidden > 0, any_revealed, on_action: props.on_action.clone() }) }
            <ol class="timeline">{ for items }</ol>
        </>
    }
}
