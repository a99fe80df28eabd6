//! "More": box office, cast and crew, production, links.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::similar::external_link;
use crate::locale::{Key, Words};
use crate::model::Movie;

/// What [`more_about`] shows.
pub struct MoreArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// Heading level of the card's title.
    pub heading_level: u8,
    /// The card's words.
    pub words: &'a Words,
}

/// The "More" panel.
pub fn more_about(args: &MoreArgs) -> Html {
    let Some(more) = args.movie.more.as_ref() else {
        return html! {};
    };
    let words = args.words;
    let facts = [
        (words.text(Key::BoxOffice), &more.box_office),
        (words.text(Key::CastAndCrew), &more.cast_and_crew),
        (words.text(Key::Production), &more.production),
    ];
    let sub = crate::components::heading_tag(args.heading_level, 2);
    html! {
        <>
            <dl class="facts-list">
                { for facts.iter().filter_map(|(label, value)| value.as_ref().map(|v| html! {
                    <div class="topic"><dt>{ *label }</dt><dd dir="auto">{ v }</dd></div>
                })) }
            </dl>
            if !more.links.is_empty() {
                <@{sub} class="sub-title">{ words.text(Key::Links) }</@>
                <ul class="links">
                    { for more.links.iter().map(|l| html! {
                        <li>{ external_link(&l.url, html! { <span dir="auto">{ &l.label }</span> }, words) }</li>
                    }) }
                </ul>
            }
        </>
    }
}
