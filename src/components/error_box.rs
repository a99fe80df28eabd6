//! A short, clear error in the card's own box, with a retry where it helps.

use yew::prelude::*;

use crate::load::LoadError;
use crate::strings;

/// Problems listed in the box; the rest are in the console.
const SHOWN_PROBLEMS: usize = 6;

/// What [`error_box`] shows.
pub struct ErrorBoxProps<'a> {
    /// What went wrong.
    pub error: &'a LoadError,
    /// Offered when retrying could help (network, HTTP, timeout).
    pub on_retry: Option<Callback<()>>,
}

fn retry_button(on_retry: &Option<Callback<()>>) -> Option<Html> {
    on_retry.clone().map(|on_retry| {
        let onclick = Callback::from(move |_: MouseEvent| on_retry.emit(()));
        html! { <button type="button" class="button retry" {onclick}>{ strings::RETRY }</button> }
    })
}

/// The notice a prerendered card shows, inside itself, when its live data
/// cannot be had: the card stays readable as it was published.
pub fn error_notice(props: &ErrorBoxProps) -> Html {
    // Invalid data: its first problem, and how many more (all in the console).
    let (first, more) = match props.error {
        LoadError::Invalid(problems, count) => (problems.first(), count.saturating_sub(1)),
        _ => (None, 0),
    };
    html! {
        <div class="notice" role="status" part="error">
            <span>
                { props.error.summary() }
                if let Some(first) = first {
                    { " " }<code>{ first.to_string() }</code>
                    if more > 0 { { " " }{ strings::more_problems(more) } }
                }
            </span>
            { for retry_button(&props.on_retry) }
        </div>
    }
}

/// The error box.
pub fn error_box(props: &ErrorBoxProps) -> Html {
    let (problems, count) = match props.error {
        LoadError::Invalid(problems, count) => (problems.as_slice(), *count),
        _ => (&[][..], 0),
    };
    let retry = retry_button(&props.on_retry);
    html! {
        <div class="card error-box" role="alert" part="error">
            <p class="error-title">{ strings::ERROR_HEADING }</p>
            <p class="error-summary">{ props.error.summary() }</p>
            if !problems.is_empty() {
                <ul class="problems">
                    { for problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li><code>{ p.to_string() }</code></li> }) }
                </ul>
                if count > problems.len().min(SHOWN_PROBLEMS) {
                    <p class="more-problems">{ strings::more_problems(count - problems.len().min(SHOWN_PROBLEMS)) }</p>
                }
            }
            { for retry }
        </div>
    }
}
