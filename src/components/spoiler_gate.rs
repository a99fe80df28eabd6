//! The full plot, ending and post-credit scene, behind one gate.

use std::rc::Rc;

use yew::prelude::*;

use crate::card_state::Action;
use crate::components::placeholder::{placeholder, PlaceholderArgs};
use crate::components::Drawn;
use crate::locale::{Key, Words};
use crate::model::Movie;

/// What [`spoiler_gate`] shows.
pub struct SpoilerGateArgs<'a> {
    /// The movie.
    pub movie: Rc<Movie>,
    /// Is the plot visible (revealed by hand, or progress at the end)?
    pub visible: bool,
    /// Was it revealed by hand (so "Hide again" can hide it)?
    pub revealed_by_hand: bool,
    /// The section's heading, which takes focus after a reveal (the card's
    /// effect moves it there).
    pub heading: NodeRef,
    /// Receives reveal and hide.
    pub on_action: Callback<Action>,
    /// Heading level of the card's title.
    pub heading_level: u8,
    /// The card's words.
    pub words: &'a Words,
    /// Live (a button), or into a page's HTML: a `<details>` that keeps a
    /// press with no script running (see [`pending`]), or, on a static
    /// card, no control.
    pub drawn: Drawn,
}

/// What a pressed `<summary>` of a prerendered card shows, drawn by the
/// stylesheet alone (`details[open]`): "Opening…" until the live card takes
/// over, or after 10 s (at once without JavaScript) that revealing needs
/// JavaScript. No word of a spoiler: the live card reveals.
pub fn pending(words: &Words) -> Html {
    html! {
        <span class="pending">
            <span class="opening">{ words.text(Key::Opening) }</span>
            <span class="needs-script">{ words.text(Key::NeedsScript) }</span>
        </span>
    }
}

/// The spoiler gate: placeholder shapes until the reader asks.
pub fn spoiler_gate(args: &SpoilerGateArgs) -> Html {
    let (spoilers, words) = (&args.movie.spoilers, args.words);
    let h = crate::components::heading_tag(args.heading_level, 1);
    let h_sub = crate::components::heading_tag(args.heading_level, 2);
    let emit = |action: Action| args.on_action.reform(move |_: MouseEvent| action.clone());

    let body = if args.visible {
        let paragraphs = |list: &Vec<String>| -> Html {
            list.iter()
                .map(|p| html! { <p dir="auto">{ p }</p> })
                .collect()
        };
        html! {
            <div id="sc-plot" class="plot-body revealed" role="region" aria-labelledby="sc-plot-heading sc-title">
                { paragraphs(&spoilers.summary) }
                if !spoilers.ending.is_empty() {
                    <@{h_sub} class="sub-title">{ words.text(Key::Ending) }</@>
                    { paragraphs(&spoilers.ending) }
                }
                if !spoilers.post_credits.is_empty() {
                    <@{h_sub} class="sub-title">{ words.text(Key::PostCredits) }</@>
                    { paragraphs(&spoilers.post_credits) }
                }
                if args.revealed_by_hand {
                    <button type="button" class="button hide" aria-expanded="true" aria-controls="sc-plot" onclick={emit(Action::HidePlot)}>
                        { words.text(Key::HideAgain) }
                    </button>
                }
            </div>
        }
    } else {
        let lengths: Vec<usize> = spoilers
            .summary
            .iter()
            .chain(&spoilers.ending)
            .chain(&spoilers.post_credits)
            .map(|p| p.chars().count())
            .collect();
        // The author's own warning, if any, is shown under the standard label.
        let hint = spoilers
            .warning
            .as_deref()
            .unwrap_or(words.text(Key::PlotGateHint));
        let gate = html! {
            <button type="button" id="sc-gate" class="gate" part="gate" aria-expanded="false" aria-controls="sc-plot" onclick={emit(Action::RevealPlot)}>
                <span class="gate-icon" aria-hidden="true"></span>
                <span class="gate-label">{ words.text(Key::PlotGate) }</span>
                <span class="gate-hint" dir="auto">{ hint }</span>
            </button>
        };
        // (The same id every way: the live card finds the gate by it.)
        let gate = match args.drawn.here() {
            Drawn::Live => gate,
            Drawn::ForTakeOver => html! {
                <details class="gate-box">
                    <summary id="sc-gate" class="gate" part="gate">
                        <span class="gate-icon" aria-hidden="true"></span>
                        <span class="gate-label">{ words.text(Key::PlotGate) }</span>
                        { pending(words) }
                        <span class="gate-hint" dir="auto">{ hint }</span>
                    </summary>
                </details>
            },
            Drawn::Static => html! {
                <div id="sc-gate" class="gate static" part="gate">
                    <span class="gate-icon" aria-hidden="true"></span>
                    <span class="gate-hint" dir="auto">{ hint }</span>
                </div>
            },
        };
        html! {
            <div class="veil">
                <div id="sc-plot" class="plot-body veiled">
                    { placeholder(&PlaceholderArgs { lengths }) }
                </div>
                { gate }
            </div>
        }
    };

    html! {
        <section class="plot">
            <@{h} id="sc-plot-heading" class="section-title" tabindex="-1" ref={args.heading.clone()}>{ words.text(Key::PlotHeading) }</@>
            { body }
        </section>
    }
}
