//! Events pasted as lines (`0:45 Ben moves in — Sera asks him to stay`),
//! added to the timeline in film order.

use std::rc::Rc;
use yew::prelude::*;

use crate::doc;
use crate::state::Action;

/// Props of [`PasteEvents`].
#[derive(Properties, PartialEq)]
pub struct PasteEventsProps {
    /// The studio's actions.
    pub on_action: Callback<Action>,
    /// The studio's words.
    pub words: Rc<crate::words::Words>,
}

/// A box for lines of events, and the button that adds them.
#[component]
pub fn PasteEvents(props: &PasteEventsProps) -> Html {
    let text = use_state(String::new);
    let refused = use_state(|| None::<String>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let w = &*props.words;
    let onclick = {
        let (text, refused, on_action, words) = (
            text.clone(),
            refused.clone(),
            props.on_action.clone(),
            props.words.clone(),
        );
        Callback::from(move |_| match doc::pasted_events(&text) {
            Ok(events) if events.is_empty() => {}
            Ok(events) => {
                on_action.emit(Action::AddEvents(events));
                text.set(String::new());
                refused.set(None);
            }
            Err((line, content)) => refused.set(Some(words.f(
                "Line {line} does not start with a minute (45, 0:45 or 1h05): {content}",
                &[("line", &line.to_string()), ("content", &content)],
            ))),
        })
    };
    html! {
        <div class="paste">
            <label for="f-paste-events">{ w.t("Paste events, one a line") }</label>
            <textarea id="f-paste-events" data-own-undo="" rows="3" value={(*text).clone()} {oninput}
                placeholder={w.t("0:45 Ben moves in — Sera asks him to stay").to_owned()} aria-describedby="f-paste-events-hint" />
            <p class="hint" id="f-paste-events-hint">{ w.t("A minute, a title, a dash, then what happens.") }</p>
            if let Some(why) = &*refused { <p class="problem error" role="alert">{ why }</p> }
            <button type="button" {onclick}>{ w.t("Add these events") }</button>
        </div>
    }
}
