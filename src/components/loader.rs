//! The card's root: "Loading…", the card for a movie, or the error box.
//! Getting the data is the element's work (`embed`), which hands it here
//! once it is there; this component holds no state of its own.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_link::CardLink;
use crate::components::card::Card;
use crate::components::error_box::{error_box, error_notice, ErrorBoxArgs};
use crate::components::Drawn;
use crate::events::{Detail, Kind};
use crate::load::Loaded;
use crate::locale::{Key, Words};
use crate::storage::Remember;

/// Data handed to the card, compared by identity: the same load renders
/// once.
#[derive(Clone, Debug)]
pub struct Data(pub Rc<Loaded>);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`Loader`], read from the element by `embed`.
#[derive(Properties, Clone, PartialEq)]
pub struct LoaderProps {
    /// The movie, or why there is none; `None` while it loads.
    pub data: Option<Data>,
    /// What the card says, in its language; `None` while its locale file
    /// or strings file loads (the card waits: no flash of English).
    pub words: Option<Rc<Words>>,
    /// Bumped by `embed` for data other than the card showed before: a
    /// fresh card, so that nothing revealed or unlocked by the old data
    /// carries over.
    #[prop_or_default]
    pub generation: u32,
    /// URL relative poster paths resolve against (the JSON's own URL).
    pub base_url: AttrValue,
    /// The `progress` attribute, in minutes.
    #[prop_or_default]
    pub progress: Option<u16>,
    /// The `remember` attribute.
    #[prop_or_default]
    pub remember: Remember,
    /// The `heading-level` attribute (1-6) of the card's title.
    #[prop_or(2)]
    pub heading_level: u8,
    /// The live state the element keeps (after a move, or a restart of the
    /// card engine), for a card of the first data shown.
    #[prop_or_default]
    pub resume: Option<AttrValue>,
    /// Offered in the error box when trying again could help.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
    /// The element holds a prerendered card, which stays until the card
    /// shows the movie: show nothing while loading, and a notice (inside
    /// the prerendered card) instead of the error box.
    #[prop_or_default]
    pub prerendered: bool,
    /// Receives the card's live state after every render, to keep.
    #[prop_or_default]
    pub on_state: Callback<AttrValue>,
    /// The page's hold on the card (see [`CardLink`]).
    #[prop_or_default]
    pub link: Rc<CardLink>,
    /// Receives the card's events (see [`Card`]).
    #[prop_or_default]
    pub on_event: Callback<(Kind, Detail)>,
    /// Live, or into a page's HTML by `spoiler-card render` (see [`Drawn`]).
    #[prop_or_default]
    pub drawn: Drawn,
}

/// Renders "Loading…", the card, or the error box.
#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    let Some(words) = props.words.as_ref() else {
        return loading(props, None);
    };
    match props.data.as_ref().map(|d| d.0.as_ref()) {
        None => loading(props, Some(words)),
        Some(Ok((movie, _))) => html! {
            <Card
                key={props.generation}
                movie={movie.clone()}
                words={words.clone()}
                base_url={props.base_url.clone()}
                progress={props.progress}
                remember={props.remember}
                heading_level={props.heading_level}
                resume={if props.generation <= 1 { props.resume.clone() } else { None }}
                on_state={props.on_state.clone()}
                link={props.link.clone()}
                on_event={props.on_event.clone()}
                drawn={props.drawn}
            />
        },
        Some(Err(error)) => {
            let error_args = ErrorBoxArgs {
                error,
                words,
                on_retry: props.on_retry.clone().filter(|_| error.retryable()),
            };
            if props.prerendered {
                error_notice(&error_args)
            } else {
                error_box(&error_args)
            }
        }
    }
}

/// "Loading…" (without a word while the words load); nothing over a
/// prerendered card, which stays until the card can show.
fn loading(props: &LoaderProps, words: Option<&Rc<Words>>) -> Html {
    if props.prerendered {
        return html! {};
    }
    html! {
        <div class="card loading" aria-busy="true">
            if let Some(words) = words {
                <p class="loading-text">{ words.text(Key::Loading) }</p>
            }
        </div>
    }
}
