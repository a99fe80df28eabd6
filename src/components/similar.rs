//! Similar titles, with links that open safely.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::{Key, Words};
use crate::model::{is_http_url, Movie};

/// What [`similar_titles`] shows.
pub struct SimilarArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// The card's words.
    pub words: &'a Words,
}

/// An external link: http(s) only (checked again here, whatever validated
/// it), new tab, no opener, no referrer.
pub fn external_link(url: &str, text: Html, words: &Words) -> Html {
    if !is_http_url(url) {
        return text;
    }
    html! {
        <a href={url.to_owned()} target="_blank" rel="noopener noreferrer">
            { text }<span class="sr-only">{ " " }{ words.text(Key::OpensNewTab) }</span>
        </a>
    }
}

/// The similar-titles panel.
pub fn similar_titles(args: &SimilarArgs) -> Html {
    let words = args.words;
    if args.movie.similar.is_empty() {
        return html! { <p class="empty">{ words.text(Key::NothingListed) }</p> };
    }
    html! {
        <ul class="similar">
            { for args.movie.similar.iter().map(|s| {
                let title = html! { <span class="similar-title" dir="auto">{ &s.title }</span> };
                html! {
                    <li>
                        <p class="similar-head">
                            { match &s.url { Some(url) => external_link(url, title, words), None => title } }
                            if let Some(year) = s.year { <span class="year">{ format!(" ({})", words.digits_in(&year.to_string())) }</span> }
                        </p>
                        if let Some(reason) = &s.reason { <p class="reason" dir="auto">{ reason }</p> }
                    </li>
                }
            }) }
        </ul>
    }
}
