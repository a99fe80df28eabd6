//! "I've watched up to …": the reader's place in the film.

use yew::prelude::*;

use crate::card_state::Action;
use crate::locale::{Key, Words};

/// What [`progress`] shows.
pub struct ProgressArgs<'a> {
    /// Runtime, the slider's maximum.
    pub runtime: u16,
    /// Current progress in minutes.
    pub progress: u16,
    /// Receives [`Action::SetProgress`].
    pub on_action: Callback<Action>,
    /// The card's words.
    pub words: &'a Words,
}

/// The spoken and shown value: "Not started", "0:45 of 1:51", "Finished".
pub fn progress_text(progress: u16, runtime: u16, words: &Words) -> String {
    if progress == 0 {
        words.text(Key::NotStarted).to_owned()
    } else if progress >= runtime {
        words.text(Key::Finished).to_owned()
    } else {
        let (at, of) = (words.clock(progress), words.clock(runtime));
        words.say(Key::ProgressText, &[("at", &at), ("of", &of)])
    }
}

/// The watch-progress slider.
pub fn progress(args: &ProgressArgs) -> Html {
    let runtime = args.runtime;
    let oninput = {
        let on_action = args.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(minutes) = input.value().parse::<u16>() {
                on_action.emit(Action::SetProgress(minutes));
            }
        })
    };
    // Page Up/Down move by ten minutes (a range input's own step is 10%).
    let onkeydown = {
        let on_action = args.on_action.clone();
        let progress = args.progress;
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "PageUp" => progress.saturating_add(10).min(runtime),
                "PageDown" => progress.saturating_sub(10),
                _ => return,
            };
            e.prevent_default();
            on_action.emit(Action::SetProgress(next));
        })
    };
    let words = args.words;
    let text = progress_text(args.progress, runtime, words);
    html! {
        <div class="progress" part="progress">
            <div class="progress-row">
                <label for="sc-progress" class="progress-label">{ words.text(Key::ProgressLabel) }</label>
                <span id="sc-progress-text" class="progress-value">{ text.clone() }</span>
            </div>
            <input
                type="range"
                id="sc-progress"
                class="slider"
                min="0"
                max={runtime.to_string()}
                step="1"
                value={args.progress.to_string()}
                aria-valuetext={text}
                // Chromium ignores aria-valuetext on a native range input;
                // the description carries the time for it.
                aria-describedby="sc-progress-text"
                {oninput}
                {onkeydown}
            />
            <div class="progress-ends" aria-hidden="true">
                <span>{ words.text(Key::NotStarted) }</span>
                <span>{ words.text(Key::Finished) }</span>
            </div>
        </div>
    }
}
