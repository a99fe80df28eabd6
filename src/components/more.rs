//! "More": box office, cast and crew, production, links.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::similar::external_link;
use crate::model::Movie;
use crate::strings;

/// What [`more_about`] shows.
pub struct MoreProps {
    /// The movie.
    pub movie: Rc<Movie>,
    /// Heading level of the card's title.
    pub heading_level: u8,
}

/// The "More" panel.
pub fn more_about(props: &MoreProps) -> Html {
    let Some(more) = props.movie.more.as_ref() else {
        return html! {};
    };
    let facts = [
        (strings::BOX_OFFICE, &more.box_office),
        (strings::CAST_AND_CREW, &more.cast_and_crew),
        (strings::PRODUCTION, &more.production),
    ];
    let sub = crate::components::heading_tag(props.heading_level, 2);
    html! {
        <>
            <dl class="facts-list">
                { for facts.iter().filter_map(|(label, value)| value.as_ref().map(|v| html! {
                    <div class="topic"><dt>{ *label }</dt><dd dir="auto">{ v }</dd></div>
                })) }
            </dl>
            if !more.links.is_empty() {
                <@{sub} class="sub-title">{ strings::LINKS }</@>
                <ul class="links">
                    { for more.links.iter().map(|l| html! {
                        <li>{ external_link(&l.url, html! { <span dir="auto">{ &l.label }</span> }) }</li>
                    }) }
                </ul>
            }
        </>
    }
}
