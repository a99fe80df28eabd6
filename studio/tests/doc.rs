//! Native tests of the studio's document and state: edits by path,
//! minutes, pasted events, the id that follows the title, undo and redo.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use spoiler_card::json;
use spoiler_card::value::Value;
use spoiler_card_studio::doc::{self, Step};
use spoiler_card_studio::state::{Action, State};
use yew::Reducible;

fn tree(text: &str) -> Value<'static> {
    json::parse(text).unwrap().to_static()
}

fn text_of(tree: &Value<'static>) -> String {
    let mut out = String::new();
    json::write(&mut out, tree);
    out
}

#[test]
fn minutes_read_as_authors_type_them() {
    for (input, minutes) in [
        ("45", Some(45)),
        ("0:45", Some(45)),
        ("1:05", Some(65)),
        (" 2:00 ", Some(120)),
        ("1h05", Some(65)),
        ("1h 5m", Some(65)),
        ("90m", Some(90)),
        ("1h", Some(60)),
        ("1:60", None),
        ("", None),
        ("-5", None),
        ("1.5", None),
        ("abc", None),
        ("999999", None),
        ("1:5:0", None),
    ] {
        assert_eq!(doc::parse_minutes(input), minutes, "{input:?}");
    }
    assert_eq!(doc::format_minutes(65), "1:05");
    assert_eq!(doc::format_minutes(0), "0:00");
}

#[test]
fn pasted_lines_become_events() {
    let events = doc::pasted_events(
        "0:45 Ben moves in — Sera asks him to stay\n\n1:30 The desert – A motel pool\n7 Opening\n",
    )
    .unwrap();
    assert_eq!(
        events.iter().map(text_of).collect::<Vec<_>>(),
        [
            r#"{"at_minute":45,"title":"Ben moves in","text":"Sera asks him to stay"}"#,
            r#"{"at_minute":90,"title":"The desert","text":"A motel pool"}"#,
            r#"{"at_minute":7,"title":"Opening"}"#,
        ]
    );
    assert_eq!(
        doc::pasted_events("0:10 A - b\nno minute here").unwrap_err(),
        (2, "no minute here".to_owned())
    );
}

#[test]
fn edits_by_path_make_what_is_missing_and_remove_what_is_emptied() {
    let mut t = tree(r#"{"schema":1}"#);
    doc::set(
        &mut t,
        &[Step::Key("poster"), Step::Key("src")],
        Some(doc::text("p.jpg")),
    );
    doc::insert(
        &mut t,
        &[Step::Key("timeline")],
        0,
        tree(r#"{"at_minute":5}"#),
    );
    doc::insert(
        &mut t,
        &[Step::Key("timeline")],
        0,
        tree(r#"{"at_minute":9}"#),
    );
    doc::sort_timeline(&mut t);
    assert_eq!(
        text_of(&t),
        r#"{"schema":1,"poster":{"src":"p.jpg"},"timeline":[{"at_minute":5},{"at_minute":9}]}"#
    );
    doc::move_item(&mut t, &[Step::Key("timeline")], 0, 1);
    assert_eq!(
        doc::text_at(
            &t,
            &[
                Step::Key("timeline"),
                Step::Index(0),
                Step::Key("at_minute")
            ]
        ),
        "9"
    );
    doc::set(&mut t, &[Step::Key("timeline"), Step::Index(0)], None);
    doc::set(&mut t, &[Step::Key("timeline"), Step::Index(0)], None);
    doc::drop_if_empty(&mut t, &[Step::Key("timeline")]);
    assert_eq!(text_of(&t), r#"{"schema":1,"poster":{"src":"p.jpg"}}"#);
    assert_eq!(
        doc::path_text(&[
            Step::Key("timeline"),
            Step::Index(3),
            Step::Key("at_minute")
        ]),
        "timeline[3].at_minute"
    );
}

#[test]
fn ids_are_made_from_title_and_year() {
    assert_eq!(
        doc::slug("Leaving Las Vegas", Some(1995)),
        "leaving-las-vegas-1995"
    );
    assert_eq!(
        doc::slug("  Amélie: the Movie!! ", None),
        "am-lie-the-movie"
    );
    assert_eq!(doc::slug("", Some(2000)), "2000");
}

fn act(state: Rc<State>, action: Action) -> Rc<State> {
    state.reduce(action)
}

/// The timeline's titles, in order.
fn event_titles(state: &State) -> Vec<String> {
    (0..doc::len_at(&state.tree, &[Step::Key("timeline")]))
        .map(|i| {
            doc::text_at(
                &state.tree,
                &[Step::Key("timeline"), Step::Index(i), Step::Key("title")],
            )
        })
        .collect()
}

/// `timeline[0].at_minute`.
fn first_event_minute() -> Vec<Step> {
    vec![
        Step::Key("timeline"),
        Step::Index(0),
        Step::Key("at_minute"),
    ]
}

#[test]
fn the_id_follows_the_title_until_the_author_writes_one_and_typing_is_one_undo_step() {
    let mut s = Rc::new(State::new(doc::new_movie()));
    let title = vec![Step::Key("title")];
    for typed in ["L", "Le", "Leaving Las Vegas"] {
        s = act(s, Action::Set(title.clone(), Some(doc::text(typed))));
    }
    s = act(
        s,
        Action::Set(vec![Step::Key("year")], Some(Value::Number(1995.0))),
    );
    assert_eq!(
        doc::text_at(&s.tree, &[Step::Key("id")]),
        "leaving-las-vegas-1995"
    );
    s = act(
        s,
        Action::Set(vec![Step::Key("id")], Some(doc::text("llv"))),
    );
    s = act(s, Action::Set(title.clone(), Some(doc::text("Leaving"))));
    assert_eq!(
        doc::text_at(&s.tree, &[Step::Key("id")]),
        "llv",
        "the author's own id stays"
    );
    // Undo: the title's last edit, the id, the year, then the whole typing.
    for expected in [
        "Leaving Las Vegas",
        "Leaving Las Vegas",
        "Leaving Las Vegas",
        "",
    ] {
        s = act(s, Action::Undo);
        assert_eq!(doc::text_at(&s.tree, &title), expected);
    }
    assert!(!s.can_undo());
    s = act(s, Action::Redo);
    assert_eq!(doc::text_at(&s.tree, &title), "Leaving Las Vegas");
    assert!(s.can_redo());
    // A new edit forgets what could be redone.
    s = act(
        s,
        Action::Set(vec![Step::Key("language")], Some(doc::text("French"))),
    );
    assert!(!s.can_redo());
}

#[test]
fn a_minute_edited_keeps_the_timeline_in_film_order() {
    let mut s = Rc::new(State::new(doc::new_movie()));
    s = act(
        s,
        Action::AddEvents(doc::pasted_events("0:10 A — a\n0:20 B — b\n0:30 C — c").unwrap()),
    );
    s = act(
        s,
        Action::Set(first_event_minute(), Some(Value::Number(25.0))),
    );
    let titles = event_titles(&s);
    assert_eq!(titles, ["B", "A", "C"]);
}

#[test]
fn a_movie_written_in_the_studio_passes_the_check() {
    let mut s = Rc::new(State::new(doc::new_movie()));
    for (key, value) in [
        ("title", doc::text("Test")),
        ("year", Value::Number(2001.0)),
        ("runtime_minutes", Value::Number(100.0)),
        ("synopsis", doc::text("Someone arrives.")),
    ] {
        s = act(s, Action::Set(vec![Step::Key(key)], Some(value)));
    }
    s = act(
        s,
        Action::Set(
            vec![Step::Key("directors")],
            Some(Value::Array(vec![doc::text("A Director")])),
        ),
    );
    s = act(
        s,
        Action::Insert(
            vec![Step::Key("spoilers"), Step::Key("summary")],
            0,
            doc::text("It ends."),
        ),
    );
    let report = spoiler_card_studio::check(&text_of(&s.tree));
    assert_eq!(report.problems, vec![]);
    assert_eq!(report.movie.unwrap().id, "test-2001");
}

#[test]
fn a_movie_the_page_loads_starts_the_history_and_deletes_are_steps_of_their_own() {
    let mut s = Rc::new(State::new(doc::new_movie()));
    s = act(
        s,
        Action::Set(vec![Step::Key("title")], Some(doc::text("Before"))),
    );
    s = act(
        s,
        Action::Load(tree(
            r#"{"schema":1,"title":"Loaded","timeline":[{"at_minute":1},{"at_minute":2},{"at_minute":3}]}"#,
        )),
    );
    assert!(
        !s.can_undo(),
        "undo never goes back past what the page loaded"
    );
    let first = vec![Step::Key("timeline"), Step::Index(0)];
    s = act(s, Action::Set(first.clone(), None));
    s = act(s, Action::Set(first.clone(), None));
    assert_eq!(doc::len_at(&s.tree, &[Step::Key("timeline")]), 1);
    s = act(s, Action::Undo);
    assert_eq!(
        doc::len_at(&s.tree, &[Step::Key("timeline")]),
        2,
        "each delete is a step"
    );
    // A movie the author opens is undoable.
    s = act(s, Action::Replace(tree(r#"{"schema":1,"title":"Opened"}"#)));
    s = act(s, Action::Undo);
    assert_eq!(doc::text_at(&s.tree, &[Step::Key("title")]), "Loaded");
}

#[test]
fn an_event_without_a_minute_keeps_the_timeline_where_it_is() {
    let mut s = Rc::new(State::new(doc::new_movie()));
    s = act(
        s,
        Action::AddEvents(doc::pasted_events("0:10 A — a\n0:20 B — b").unwrap()),
    );
    s = act(
        s,
        Action::Insert(vec![Step::Key("timeline")], 2, tree(r#"{"title":"New"}"#)),
    );
    s = act(
        s,
        Action::Set(first_event_minute(), Some(doc::text("0:7x"))),
    );
    let titles = event_titles(&s);
    assert_eq!(
        titles,
        ["A", "B", "New"],
        "nothing moves while a minute is missing or mistyped"
    );
}
