//! The studio's reducer: an optional object emptied goes (no "required"
//! left about fields the author removed), leaving a field ends its step of
//! undo, and a move (by the buttons, or by a minute that re-sorts the
//! timeline) says where the item went, for the focus to follow.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use spoiler_card::value::Value;
use spoiler_card_studio::doc::{self, Step};
use spoiler_card_studio::state::{Action, Moved, State};
use yew::Reducible;

fn start() -> Rc<State> {
    let movie = std::fs::read_to_string("../assets/movies/leaving-las-vegas.json").unwrap();
    let tree = spoiler_card::json::parse(&movie).unwrap().to_static();
    Rc::new(State::new(tree))
}

fn arc(i: usize, key: &'static str) -> Vec<Step> {
    vec![
        Step::Key("characters"),
        Step::Index(i),
        Step::Key("arc"),
        Step::Key(key),
    ]
}

#[test]
fn an_arc_emptied_goes_and_the_character_stays() {
    let state = start();
    // Ben's arc has a text and a minute.
    let state = state.reduce(Action::Set(arc(0, "text"), None));
    assert!(
        doc::get(&state.tree, &arc(0, "at_minute")).is_some(),
        "the minute is still there"
    );
    let state = state.reduce(Action::Set(arc(0, "at_minute"), None));
    let character = [Step::Key("characters"), Step::Index(0)];
    assert_eq!(
        doc::get(
            &state.tree,
            &[character[0].clone(), character[1].clone(), Step::Key("arc")]
        ),
        None,
        "no empty arc left"
    );
    assert_eq!(
        doc::text_at(
            &state.tree,
            &[
                character[0].clone(),
                character[1].clone(),
                Step::Key("name")
            ]
        ),
        "Ben Sanderson"
    );
    // The poster too; the spoilers (required) never go.
    let state = state.reduce(Action::Set(
        vec![Step::Key("poster"), Step::Key("src")],
        Some(doc::text("https://example.org/p.jpg")),
    ));
    let state = state.reduce(Action::Set(
        vec![Step::Key("poster"), Step::Key("src")],
        None,
    ));
    assert_eq!(doc::get(&state.tree, &[Step::Key("poster")]), None);
    let state = state.reduce(Action::Set(
        vec![Step::Key("spoilers"), Step::Key("summary")],
        None,
    ));
    let state = state.reduce(Action::Set(
        vec![Step::Key("spoilers"), Step::Key("warning")],
        None,
    ));
    let state = state.reduce(Action::Set(
        vec![Step::Key("spoilers"), Step::Key("ending")],
        None,
    ));
    assert_eq!(
        doc::get(&state.tree, &[Step::Key("spoilers")]),
        Some(&Value::Object(Vec::new()))
    );
}

#[test]
fn typing_again_after_leaving_a_field_is_a_new_step_of_undo() {
    let title = vec![Step::Key("title")];
    let state = start();
    let state = state.reduce(Action::Set(title.clone(), Some(doc::text("Leaving"))));
    let state = state.reduce(Action::Set(title.clone(), Some(doc::text("Leaving L"))));
    let state = state.reduce(Action::Pause);
    let state = state.reduce(Action::Set(title.clone(), Some(doc::text("Leaving LA"))));
    let state = state.reduce(Action::Undo);
    assert_eq!(
        doc::text_at(&state.tree, &title),
        "Leaving L",
        "the second stretch of typing is undone alone"
    );
    let state = state.reduce(Action::Undo);
    assert_eq!(doc::text_at(&state.tree, &title), "Leaving Las Vegas");
    // A pause with nothing typed changes nothing (no new state to render).
    let same = state.clone().reduce(Action::Pause);
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn a_move_says_where_the_item_went() {
    let state = start();
    let state = state.reduce(Action::Move(vec![Step::Key("characters")], 1, 2));
    assert_eq!(
        state
            .moved
            .as_ref()
            .map(|m| (m.list.as_str(), m.from, m.to)),
        Some(("characters", 1, 2))
    );
    assert_eq!(
        doc::text_at(
            &state.tree,
            &[Step::Key("characters"), Step::Index(2), Step::Key("name")]
        ),
        "Sera"
    );
    // An event whose new minute puts it elsewhere in film order.
    let minute = vec![
        Step::Key("timeline"),
        Step::Index(1),
        Step::Key("at_minute"),
    ];
    let state = state.reduce(Action::Set(minute, Some(Value::Number(40.0))));
    let Some(Moved { list, from, to, .. }) = state.moved.clone() else {
        panic!("no move")
    };
    assert_eq!((list.as_str(), from, to), ("timeline", 1, 7));
    assert_eq!(
        doc::text_at(
            &state.tree,
            &[Step::Key("timeline"), Step::Index(7), Step::Key("title")]
        ),
        "Fired from the studio"
    );
    // An edit that moves nothing says so.
    let state = state.reduce(Action::Set(vec![Step::Key("title")], Some(doc::text("x"))));
    assert_eq!(state.moved, None);
}

#[test]
fn a_re_sorted_event_is_followed_even_beside_its_twin() {
    // A copy of the first event (a duplicate keeps no id) placed at 0:50,
    // then given the first one's minute: now the two are alike, and it is
    // the copy that is followed (to just after the first), not its twin.
    let timeline = [Step::Key("timeline")];
    let state = start();
    let mut copy = doc::get(&state.tree, &[timeline[0].clone(), Step::Index(0)])
        .cloned()
        .unwrap();
    doc::set(
        &mut copy,
        &[Step::Key("at_minute")],
        Some(Value::Number(50.0)),
    );
    let state = state.reduce(Action::Insert(timeline.to_vec(), 20, copy));
    let at = (0..doc::len_at(&state.tree, &timeline))
        .find(|i| {
            doc::text_at(
                &state.tree,
                &[timeline[0].clone(), Step::Index(*i), Step::Key("at_minute")],
            ) == "50"
                && doc::text_at(
                    &state.tree,
                    &[timeline[0].clone(), Step::Index(*i), Step::Key("title")],
                ) == "Last rounds in Los Angeles"
        })
        .unwrap();
    let minute = vec![
        Step::Key("timeline"),
        Step::Index(at),
        Step::Key("at_minute"),
    ];
    let state = state.reduce(Action::Set(minute, Some(Value::Number(0.0))));
    let Some(Moved { from, to, .. }) = state.moved.clone() else {
        panic!("no move")
    };
    assert_eq!((from, to), (at, 1));
}
