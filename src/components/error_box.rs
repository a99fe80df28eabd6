//! A short, clear error in the card's own box, with a retry where it helps.

use yew::prelude::*;

use crate::load::LoadError;
use crate::locale::{Key, Words};

/// Problems listed in the box; the rest are in the console.
const SHOWN_PROBLEMS: usize = 6;

/// What [`error_box`] shows.
pub struct ErrorBoxArgs<'a> {
    /// What went wrong.
    pub error: &'a LoadError,
    /// Offered when retrying could help (network, HTTP, timeout).
    pub on_retry: Option<Callback<()>>,
    /// The card's words.
    pub words: &'a Words,
}

fn retry_button(args: &ErrorBoxArgs) -> Option<Html> {
    args.on_retry.clone().map(|on_retry| {
        let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
        html! { <button type="button" class="button retry" {onclick}>{ args.words.text(Key::Retry) }</button> }
    })
}

/// The notice a prerendered card shows, inside itself, when its live data
/// cannot be had: the card stays readable as it was published.
pub fn error_notice(args: &ErrorBoxArgs) -> Html {
    // Invalid data: its first problem, and how many more (all in the console).
    let (first, more) = match args.error {
        LoadError::Invalid(problems, count) => (problems.first(), count.saturating_sub(1)),
        _ => (None, 0),
    };
    html! {
        <div class="notice" role="status" part="error" dir={args.words.direction.attribute()}>
            <span>
                { args.error.summary_in(args.words) }
                if let Some(first) = first {
                    { " " }<code dir="ltr">{ first.to_string() }</code>
                    if more > 0 { { " " }{ args.words.count(Key::MoreProblems, more, &[]) } }
                }
            </span>
            { for retry_button(args) }
        </div>
    }
}

/// The error box.
pub fn error_box(args: &ErrorBoxArgs) -> Html {
    let (problems, count) = match args.error {
        LoadError::Invalid(problems, count) => (problems.as_slice(), *count),
        _ => (&[][..], 0),
    };
    let (words, retry) = (args.words, retry_button(args));
    html! {
        <div class="card error-box" role="alert" part="error" dir={words.direction.attribute()}>
            <p class="error-title">{ words.text(Key::ErrorHeading) }</p>
            <p class="error-summary">{ args.error.summary_in(words) }</p>
            if !problems.is_empty() {
                <ul class="problems">
                    // Paths and reasons are the data's English (as the CLI prints them).
                    { for problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li><code dir="ltr" lang="en">{ p.to_string() }</code></li> }) }
                </ul>
                if count > problems.len().min(SHOWN_PROBLEMS) {
                    <p class="more-problems">{ words.count(Key::MoreProblems, count - problems.len().min(SHOWN_PROBLEMS), &[]) }</p>
                }
            }
            { for retry }
        </div>
    }
}
