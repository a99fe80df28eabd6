//! Native tests of what a card tells its page (`events`): the names of what
//! is revealed, the targets a page may name, the events one reader action
//! makes, and the details as the page gets them.
#![cfg(not(target_arch = "wasm32"))]

use spoiler_card::events::{self, Detail, Field, Kind, Target};
use spoiler_card::gate::{Gate, ItemKey};
use spoiler_card::model::Movie;

fn movie() -> Movie {
    let text = std::fs::read_to_string("assets/movies/leaving-las-vegas.json").unwrap();
    spoiler_card::document::check_text(&text)
        .unwrap()
        .movie
        .expect("the example is valid")
}

fn event(movie: &Movie, i: usize) -> ItemKey {
    ItemKey::Event(movie.timeline[i].key.clone())
}

#[test]
fn names_say_plot_everything_then_items_by_stable_key() {
    let movie = movie();
    let mut gate = Gate::new(111, 0);
    assert!(events::revealed_names(&gate).is_empty());
    gate.plot_revealed = true;
    gate.show_all = true;
    gate.reveal(ItemKey::Arc(movie.characters[0].key.clone()));
    gate.reveal(event(&movie, 3));
    let names = events::revealed_names(&gate);
    assert_eq!(names[..2], ["plot", "everything"]);
    assert_eq!(names[2], format!("event:{}", movie.timeline[3].key));
    assert_eq!(names[3], format!("arc:{}", movie.characters[0].key));
}

#[test]
fn a_page_may_name_only_what_the_movie_has() {
    let movie = movie();
    assert_eq!(events::target("plot", &movie), Some(Target::Plot));
    assert_eq!(
        events::target("everything", &movie),
        Some(Target::Everything)
    );
    let key = &movie.timeline[5].key;
    assert_eq!(
        events::target(&format!("event:{key}"), &movie),
        Some(Target::Item(event(&movie, 5)))
    );
    let with_arc = &movie.characters[0].key;
    assert_eq!(
        events::target(&format!("arc:{with_arc}"), &movie),
        Some(Target::Item(ItemKey::Arc(with_arc.clone())))
    );
    let without_arc = movie.characters.iter().find(|c| c.arc.is_none()).unwrap();
    for name in [
        "",
        "Plot",
        " plot",
        "event:",
        "event:nope",
        &format!("arc:{}", without_arc.key),
        &format!("arc:{key}"),
        &format!("event:{with_arc}"),
        "e:#0000000000000000",
    ] {
        assert_eq!(events::target(name, &movie), None, "{name:?}");
    }
}

#[test]
fn one_reader_action_makes_the_events_of_what_it_changed() {
    let movie = movie();
    let before = Gate::new(111, 20);

    let mut moved = before.clone();
    moved.set_progress(21);
    let events = events::reader_events(&before, &moved);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, Kind::Progress);
    assert_eq!(
        events[0].1,
        Detail {
            progress: Some(21),
            revealed: Some(vec![]),
            ..Detail::default()
        }
    );

    let mut revealed = before.clone();
    revealed.reveal(event(&movie, 2));
    revealed.reveal(event(&movie, 9));
    let reveal = events::reader_events(&before, &revealed);
    assert_eq!(reveal.len(), 1);
    assert_eq!(reveal[0].0, Kind::Reveal);
    assert_eq!(reveal[0].1.changed, events::revealed_names(&revealed));

    let mut all = revealed.clone();
    all.show_all = true;
    let more = events::reader_events(&revealed, &all);
    assert_eq!(more[0].1.changed, ["everything"]);
    assert_eq!(more[0].1.revealed.as_ref().unwrap().len(), 3);

    let hidden = events::reader_events(&all, &before);
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0].0, Kind::Hide);
    assert_eq!(hidden[0].1.changed.len(), 3);
    assert_eq!(hidden[0].1.revealed, Some(vec![]));

    assert!(events::reader_events(&before, &before).is_empty());
}

#[test]
fn a_reveal_among_thousands_names_only_the_new_one() {
    let mut before = Gate::new(5000, 0);
    for i in 0..5000 {
        before.reveal(ItemKey::Event(format!("k{i}").into()));
    }
    let mut after = before.clone();
    after.reveal(ItemKey::Event("new".into()));
    let events = events::reader_events(&before, &after);
    assert_eq!(events[0].1.changed, ["event:new"]);
}

#[test]
fn details_leave_out_what_an_event_does_not_have() {
    let ready = events::ready("m", &Gate::new(111, 7));
    assert_eq!(
        ready.fields(),
        [
            ("id", Field::Text("m")),
            ("progress", Field::Number(7)),
            ("revealed", Field::Names(&[]))
        ]
    );
    let error = Detail {
        message: Some("The movie data has problems:".into()),
        details: Some("title: required".into()),
        ..Detail::default()
    };
    assert_eq!(
        error.fields(),
        [
            ("message", Field::Text("The movie data has problems:")),
            ("details", Field::Text("title: required"))
        ]
    );
    let reveal = Detail {
        changed: vec!["plot".into()],
        ..Detail::default()
    };
    assert_eq!(
        reveal.fields(),
        [("changed", Field::Names(&["plot".into()]))]
    );
    assert_eq!(
        [
            Kind::Ready,
            Kind::Error,
            Kind::Progress,
            Kind::Reveal,
            Kind::Hide
        ]
        .map(Kind::event_type),
        [
            "spoiler-card:ready",
            "spoiler-card:error",
            "spoiler-card:progress",
            "spoiler-card:reveal",
            "spoiler-card:hide"
        ]
    );
}
