//! Title, facts, genres and poster.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::{Key, Words};
use crate::model::{resolve_url, Movie};

/// What [`header`] shows.
pub struct HeaderArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// URL a relative poster path resolves against.
    pub base_url: AttrValue,
    /// Heading level of the title.
    pub heading_level: u8,
    /// The card's words.
    pub words: &'a Words,
}

/// The card's header.
pub fn header(args: &HeaderArgs) -> Html {
    let (movie, words) = (&args.movie, args.words);
    let title_tag = crate::components::heading_tag(args.heading_level, 0);
    // Resolved here, in plain Rust: rendering calls no browser API (the
    // same components prerender natively).
    let poster = movie.poster.as_ref().and_then(|poster| {
        let src = resolve_url(&args.base_url, &poster.src)?;
        Some(html! {
            <img class="poster" part="poster" src={src} alt={poster.alt.clone()} loading="lazy" decoding="async" width="120" height="180" />
        })
    });
    html! {
        <header class="header">
            { for poster }
            <div class="header-text">
                <@{title_tag} id="sc-title" class="title" part="title" dir="auto">
                    { &movie.title }
                </@>
                <p class="facts">
                    <span>{ words.digits_in(&movie.year.to_string()) }</span>
                    <span aria-hidden="true" class="dot">{ "·" }</span>
                    <span><span class="sr-only">{ words.text(Key::Runtime) }{ " " }</span>{ words.runtime(movie.runtime_minutes) }</span>
                    <span aria-hidden="true" class="dot">{ "·" }</span>
                    <span><span class="sr-only">{ words.text(Key::Language) }{ " " }</span><span dir="auto">{ &movie.language }</span></span>
                </p>
                <p class="directors">{ words.text(Key::DirectedBy) }{ " " }<span class="names" dir="auto">{ words.names(&movie.directors) }</span></p>
                if !movie.genres.is_empty() {
                    <ul class="chips" aria-label={words.text(Key::Genres).to_owned()}>
                        { for movie.genres.iter().map(|g| html! { <li class="chip" part="chip" dir="auto">{ g }</li> }) }
                    </ul>
                }
            </div>
        </header>
    }
}
