//! Timeline, Characters, Similar titles and More: the WAI-ARIA tabs
//! pattern (automatic activation, roving tabindex, Left/Right/Home/End).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::card_state::{Action, CardState, Tab};
use crate::components::characters::{characters, CharactersArgs};
use crate::components::more::{more_about, MoreArgs};
use crate::components::similar::{similar_titles, SimilarArgs};
use crate::components::timeline::{timeline, TimelineArgs};
use crate::components::Drawn;
use crate::locale::{Direction, Key, Words};
use crate::model::Movie;

/// What [`tabs`] shows.
pub struct TabsArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// The card's state (selected tab, what is revealed).
    pub state: &'a CardState,
    /// Receives tab changes and reveals.
    pub on_action: Callback<Action>,
    /// Heading level of the card's title.
    pub heading_level: u8,
    /// The card's words.
    pub words: &'a Words,
    /// Live, or into a page's HTML (see [`Drawn`]).
    pub drawn: Drawn,
}

fn label(tab: Tab) -> Key {
    match tab {
        Tab::Timeline => Key::TabTimeline,
        Tab::Characters => Key::TabCharacters,
        Tab::Similar => Key::TabSimilar,
        Tab::More => Key::TabMore,
    }
}

/// Index of the tab a key moves to, if it is one of the pattern's keys.
/// Right to left, the arrows swap: the next tab is to the left.
pub fn next_index(key: &str, current: usize, count: usize, direction: Direction) -> Option<usize> {
    let (next, previous) = match direction {
        Direction::Rtl => ("ArrowLeft", "ArrowRight"),
        Direction::Ltr => ("ArrowRight", "ArrowLeft"),
    };
    match key {
        k if k == next => Some((current + 1) % count),
        k if k == previous => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// The tab list and the selected panel.
pub fn tabs(args: &TabsArgs) -> Html {
    let tabs = Tab::available(&args.movie);
    let selected = args.state.tab;
    let selected_index = tabs.iter().position(|t| *t == selected).unwrap_or(0);
    let words = args.words;
    let direction = words.direction;

    let onkeydown = {
        let tabs = tabs.clone();
        let on_action = args.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = next_index(&e.key(), selected_index, tabs.len(), direction) else {
                return;
            };
            e.prevent_default();
            on_action.emit(Action::SelectTab(tabs[next]));
            // Focus follows selection; the tab buttons always exist.
            let list = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[role=tablist]").ok().flatten());
            if let Some(button) = list
                .and_then(|l| l.children().item(next as u32))
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        })
    };

    let buttons = tabs.iter().map(|&tab| {
        let is_selected = tab == selected;
        let onclick = args
            .on_action
            .reform(move |_: MouseEvent| Action::SelectTab(tab));
        html! {
            <button
                type="button"
                role="tab"
                class="tab"
                part="tab"
                id={tab.tab_id()}
                aria-selected={if is_selected { "true" } else { "false" }}
                aria-controls={tab.panel_id()}
                tabindex={if is_selected { "0" } else { "-1" }}
                {onclick}
            >{ words.text(label(tab)) }</button>
        }
    });

    let panels = tabs.iter().map(|&tab| {
        let is_selected = tab == selected;
        // A panel is rendered once the reader opens it, and then kept,
        // hidden and inert, so that coming back costs no rebuild and no
        // layout. Nothing of a panel never opened sits in the tree.
        let content = if !args.state.opened(tab) {
            html! {}
        } else {
            match tab {
                Tab::Timeline => timeline(&TimelineArgs {
                    movie: args.movie.clone(),
                    state: args.state,
                    on_action: args.on_action.clone(),
                    words,
                    drawn: args.drawn,
                }),
                Tab::Characters => characters(&CharactersArgs {
                    movie: args.movie.clone(),
                    state: args.state,
                    on_action: args.on_action.clone(),
                    heading_level: args.heading_level,
                    words,
                }),
                Tab::Similar => similar_titles(&SimilarArgs {
                    movie: args.movie.clone(),
                    words,
                }),
                Tab::More => more_about(&MoreArgs {
                    movie: args.movie.clone(),
                    heading_level: args.heading_level,
                    words,
                }),
            }
        };
        html! {
            <div
                role="tabpanel"
                class="panel"
                id={tab.panel_id()}
                aria-labelledby={tab.tab_id()}
                tabindex="0"
                hidden={!is_selected}
                inert={!is_selected}
            >{ content }</div>
        }
    });

    // Before a press selects a tab, the pointer moves over the tab list or
    // focus enters it: every panel is built then, hidden. (Each later event
    // dispatches again and changes nothing, so nothing renders.)
    let onpointerover = args.on_action.reform(|_: PointerEvent| Action::PrepareTabs);
    let onfocusin = args.on_action.reform(|_: FocusEvent| Action::PrepareTabs);

    html! {
        <div class="tabs">
            <div role="tablist" class="tablist" aria-label={words.text(Key::TabsLabel).to_owned()} {onkeydown} {onpointerover} {onfocusin}>
                { for buttons }
            </div>
            { for panels }
        </div>
    }
}
