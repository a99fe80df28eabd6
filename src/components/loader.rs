//! Gets the movie (from data given, or fetched from `src`) and shows the
//! card, a loading state, or the error box.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::card::Card;
use crate::components::error_box::{error_box, ErrorBoxProps};
use crate::load::{self, Loaded};
use crate::storage::Remember;
use crate::strings;

/// Where the movie comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// Fetch this absolute URL.
    Url(AttrValue),
    /// Already parsed and validated (inline JSON or the `movie` property).
    Data(Rc<Loaded>),
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Source::Url(a), Source::Url(b)) => a == b,
            (Source::Data(a), Source::Data(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Props of [`Loader`], read from the element by `embed`.
#[derive(Properties, Clone, PartialEq, Debug)]
pub struct LoaderProps {
    /// Where the data comes from.
    pub source: Source,
    /// Names the card in console messages: the movie id or the `src`.
    pub label: AttrValue,
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
}

/// A loaded result compared by identity, so effects run, and the card
/// renders, once per load.
#[derive(Clone)]
struct Shared(Rc<Loaded>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Loads the movie and renders the card or the error box.
#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    // Data the page already fetched (another card with this `src`, or the
    // loader's early request) shows in the first render; the same data
    // handed over again by the effect below does not render again.
    let fetched = use_state_eq(|| match &props.source {
        Source::Url(url) => load::cached(url).map(|loaded| (url.clone(), Shared(loaded))),
        Source::Data(_) => None,
    });
    let attempt = use_state(|| 0u32);

    {
        let fetched = fetched.clone();
        use_effect_with(
            (props.source.clone(), *attempt),
            move |(source, attempt)| {
                let cancelled = Rc::new(std::cell::Cell::new(false));
                if let Source::Url(url) = source.clone() {
                    let retry = *attempt > 0;
                    if retry {
                        fetched.set(None); // "Loading…" while it tries again
                    }
                    let cancelled = cancelled.clone();
                    load::load_shared(&url.clone(), retry, move |loaded| {
                        if !cancelled.get() {
                            fetched.set(Some((url, Shared(loaded))));
                        }
                    });
                }
                move || cancelled.set(true)
            },
        );
    }

    let loaded: Option<Rc<Loaded>> = match &props.source {
        Source::Data(data) => Some(data.clone()),
        Source::Url(url) => fetched
            .as_ref()
            .filter(|(fetched_url, _)| fetched_url == url)
            .map(|(_, data)| data.0.clone()),
    };

    // Log each failure (and each set of warnings) once.
    {
        let label = props.label.clone();
        use_effect_with(loaded.clone().map(Shared), move |loaded| {
            match loaded.as_ref().map(|s| s.0.as_ref()) {
                Some(Err(error)) => load::log_error(&label, error),
                Some(Ok((_, warnings))) => load::log_warnings(&label, warnings),
                None => {}
            }
        });
    }

    match loaded.as_deref() {
        None => html! {
            <div class="card loading" aria-busy="true">
                <p class="loading-text">{ strings::LOADING }</p>
            </div>
        },
        Some(Ok((movie, _))) => html! {
            <Card
                key={movie.id.clone()}
                movie={movie.clone()}
                base_url={props.base_url.clone()}
                progress={props.progress}
                remember={props.remember}
                heading_level={props.heading_level}
            />
        },
        Some(Err(error)) => {
            let on_retry =
                (error.retryable() && matches!(props.source, Source::Url(_))).then(|| {
                    let attempt = attempt.clone();
                    Callback::from(move |_| attempt.set(*attempt + 1))
                });
            error_box(&ErrorBoxProps {
                error: Rc::new(error.clone()),
                on_retry,
            })
        }
    }
}
