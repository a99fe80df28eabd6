//! Native tests of the movie writer (`model::writer`): what it writes reads
//! back as the same movie, keeps the fields the card does not know, and
//! writes the shipped examples as they are.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use spoiler_card::document::check_text;
use spoiler_card::json;
use spoiler_card::model::writer::write_movie;
use spoiler_card::model::{Movie, SCHEMA_ID};

fn read(text: &str) -> Movie {
    let report = check_text(text).expect("JSON");
    assert_eq!(report.errors().count(), 0, "{:?}", report.problems);
    report.movie.expect("a movie")
}

/// Reads `text` and writes it back, its unknown fields kept.
fn round_trip(text: &str) -> String {
    let tree = json::parse(text).unwrap();
    write_movie(&read(text), Some(&tree))
}

fn warnings(text: &str) -> Vec<String> {
    check_text(text)
        .unwrap()
        .warnings()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn the_shipped_examples_are_written_as_they_are() {
    for name in ["leaving-las-vegas", "the-sixth-sense"] {
        let text = std::fs::read_to_string(format!("assets/movies/{name}.json")).unwrap();
        assert_eq!(round_trip(&text), text, "{name}");
    }
}

#[test]
fn unknown_fields_are_kept_where_they_were() {
    let doc = json!({
        "schema": 1, "id": "m", "title": "T", "year": 2000, "runtime_minutes": 90,
        "language": "English", "directors": ["D"], "synopsis": "S",
        "rating": { "stars": 4.5, "by": ["x", null, true] },
        "poster": { "src": "p.jpg", "alt": "A", "credit": "Studio" },
        "spoilers": { "summary": ["P"], "mood": "dark" },
        "timeline": [
            { "at_minute": 1, "title": "A", "text": "a" },
            { "at_minute": 2, "title": "B", "text": "b", "scene": 12 }
        ],
        "characters": [{ "name": "N", "intro": "I", "arc": { "text": "X", "hint": "h" } }],
        "more": { "links": [{ "label": "L", "url": "https://example.org", "lang": "en" }] },
        "zzz": "last"
    });
    let text = doc.to_string();
    let written = round_trip(&text);
    assert_eq!(warnings(&written), warnings(&text));
    assert_eq!(warnings(&written).len(), 7, "{written}");
    assert_eq!(read(&written), read(&text));
    let back: Json = serde_json::from_str(&written).unwrap();
    assert_eq!(back["rating"], doc["rating"]);
    assert_eq!(back["timeline"][1]["scene"], 12);
    assert_eq!(back["characters"][0]["arc"]["hint"], "h");
    assert_eq!(back["more"]["links"][0]["lang"], "en");
    // The card's fields first, in the table's order, then the unknown ones
    // in theirs.
    let keys: Vec<&String> = back.as_object().unwrap().keys().collect();
    assert_eq!(keys.first().map(|k| k.as_str()), Some("$schema"));
    assert!(written.find("\"rating\"").unwrap() > written.find("\"spoilers\"").unwrap());
    assert!(written.find("\"zzz\"").unwrap() > written.find("\"rating\"").unwrap());
    // Without the tree it was read from, only the card's fields.
    let bare = write_movie(&read(&text), None);
    assert_eq!(warnings(&bare), Vec::<String>::new());
    assert!(bare.starts_with(&format!(
        "{{\n  \"$schema\": \"{SCHEMA_ID}\",\n  \"schema\": 1,\n"
    )));
}

#[test]
fn text_is_escaped_only_where_json_must_and_dates_are_days() {
    let doc = json!({
        "schema": 1, "id": "m", "title": "Tom & \"Jerry\" <3 \\ \u{e9}t\u{e9} \u{1f600}", "year": 2000,
        "runtime_minutes": 90, "language": "English", "directors": ["D"],
        "synopsis": "Line one\nline two\ttab", "spoilers": { "summary": ["P"] },
        "updated": "2024-11-16T10:20:30Z"
    });
    let written = write_movie(&read(&doc.to_string()), None);
    assert!(
        written.contains(r#""title": "Tom & \"Jerry\" <3 \\ été 😀","#),
        "{written}"
    );
    assert!(
        written.contains(r#""synopsis": "Line one\nline two\ttab","#),
        "{written}"
    );
    assert!(
        written.contains("\"updated\": \"2024-11-16\"\n}"),
        "{written}"
    );
    assert_eq!(read(&written), read(&doc.to_string()));
}

/// Text a field may hold: not blank, no control characters but newlines.
fn field_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-zA-Z0-9 .,'\"\\\\<>&é😀\n-]{{0,{max}}}[a-z]"))
        .unwrap()
}

prop_compose! {
    fn event()(minute in 0u16..90, title in field_text(20), text in field_text(60), id in proptest::option::of("[a-z][a-z0-9-]{0,8}")) -> Json {
        let mut e = json!({ "at_minute": minute, "title": title, "text": text });
        if let Some(id) = id { e["id"] = json!(id); }
        e
    }
}

prop_compose! {
    fn character()(name in field_text(20), actor in proptest::option::of(field_text(20)), intro in field_text(60),
                   arc in proptest::option::of((field_text(40), proptest::option::of(0u16..90)))) -> Json {
        let mut c = json!({ "name": name, "intro": intro });
        if let Some(actor) = actor { c["actor"] = json!(actor); }
        if let Some((text, minute)) = arc {
            c["arc"] = json!({ "text": text });
            if let Some(m) = minute { c["arc"]["at_minute"] = json!(m); }
        }
        c
    }
}

prop_compose! {
    fn movie_doc()(title in field_text(40), synopsis in field_text(200),
                   summary in prop::collection::vec(field_text(100), 1..4),
                   ending in prop::collection::vec(field_text(100), 0..3),
                   warning in proptest::option::of(field_text(40)),
                   mut events in prop::collection::vec(event(), 0..8),
                   characters in prop::collection::vec(character(), 0..5),
                   genres in prop::collection::vec("[A-Z][a-z]{2,8}", 0..4),
                   similar in prop::collection::vec((field_text(20), proptest::option::of(1900u16..2030), proptest::option::of(field_text(40))), 0..3),
                   updated in proptest::option::of((1990u16..2030, 1u8..13, 1u8..29)),
                   unknown in proptest::option::of(any::<i32>()),
                   extras in (proptest::option::of((field_text(20), field_text(20))),
                              prop::collection::vec(field_text(60), 0..2),
                              prop::collection::vec(("[A-Z][a-z]{2,8}", field_text(40)), 0..3),
                              prop::collection::vec(("[A-Z][a-z]{2,8}", field_text(40)), 0..3),
                              proptest::option::of((proptest::option::of(field_text(30)), prop::collection::vec(field_text(15), 0..3))))) -> Json {
        let (poster, post_credits, settings, themes, more) = extras;
        events.sort_by_key(|e| e["at_minute"].as_u64());
        let mut doc = json!({
            "schema": 1, "id": "prop-movie", "title": title, "year": 1999, "runtime_minutes": 90,
            "language": "English", "directors": ["Someone"], "synopsis": synopsis,
            "spoilers": { "summary": summary, "ending": ending },
            "timeline": events, "characters": characters, "genres": genres,
            "similar": similar.into_iter().map(|(title, year, reason)| {
                let mut s = json!({ "title": title });
                if let Some(y) = year { s["year"] = json!(y); }
                if let Some(r) = reason { s["reason"] = json!(r); }
                s
            }).collect::<Vec<_>>(),
        });
        if let Some(w) = warning { doc["spoilers"]["warning"] = json!(w); }
        if let Some((y, m, d)) = updated { doc["updated"] = json!(format!("{y:04}-{m:02}-{d:02}")); }
        if let Some(n) = unknown { doc["x-unknown"] = json!(n); }
        if let Some((src, alt)) = poster {
            doc["poster"] = json!({ "src": format!("https://example.org/{}.jpg", src.len()), "alt": alt });
        }
        doc["spoilers"]["post_credits"] = json!(post_credits);
        let topics = |list: Vec<(String, String)>| list.into_iter().enumerate()
            .map(|(i, (name, description))| json!({ "name": format!("{name} {i}"), "description": description }))
            .collect::<Vec<_>>();
        doc["settings"] = json!(topics(settings));
        doc["themes"] = json!(topics(themes));
        if let Some((box_office, labels)) = more {
            let links: Vec<Json> = labels.into_iter().map(|label| json!({ "label": label, "url": "https://example.org/x" })).collect();
            doc["more"] = json!({ "links": links });
            if let Some(b) = box_office { doc["more"]["box_office"] = json!(b); }
        }
        doc
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// read(write(m)) = m, and writing again changes nothing.
    #[test]
    fn what_it_writes_reads_back_as_the_same_movie(doc in movie_doc()) {
        let text = doc.to_string();
        let report = check_text(&text).unwrap();
        // Generated names may repeat (a duplicate is an error): nothing to write.
        prop_assume!(report.movie.is_some());
        let movie = report.movie.unwrap();
        let tree = json::parse(&text).unwrap();
        let written = write_movie(&movie, Some(&tree));
        prop_assert_eq!(&read(&written), &movie);
        prop_assert_eq!(warnings(&written), warnings(&text));
        let again = round_trip(&written);
        prop_assert_eq!(again, written);
    }
}

/// The values at a `[]` path, in every item of the lists on the way.
fn values_at<'j>(doc: &'j Json, path: &str) -> Vec<&'j Json> {
    let mut here = vec![doc];
    for step in path.split('.') {
        let (key, list) = step.strip_suffix("[]").map_or((step, false), |k| (k, true));
        here = here.into_iter().filter_map(|v| v.get(key)).collect();
        if list {
            here = here
                .into_iter()
                .filter_map(Json::as_array)
                .flatten()
                .collect();
        }
    }
    here
}

/// A field added to the table and not to the writer would be dropped from
/// every export and every save: each one is written.
#[test]
fn every_field_of_the_table_is_written() {
    let paths = spoiler_card::model::fields::MOVIE.leaf_paths();
    let mut doc: Json = serde_json::from_str(
        &std::fs::read_to_string("assets/movies/leaving-las-vegas.json").unwrap(),
    )
    .unwrap();
    doc["poster"] = json!({ "src": "p.jpg", "alt": "The poster" });
    doc["spoilers"]["post_credits"] = json!(["After."]);
    doc["timeline"][0]["id"] = json!("first");
    doc["characters"][0]["id"] = json!("ben");
    doc["characters"][0]["arc"]["at_minute"] = json!(100);
    doc["similar"][0]["url"] = json!("https://example.org/similar");
    doc["more"]["cast_and_crew"] = json!("Everyone.");
    doc["more"]["production"] = json!("Made.");
    for path in &paths {
        assert!(
            !values_at(&doc, path).is_empty(),
            "the test's document lacks {path}"
        );
    }
    let written: Json = serde_json::from_str(&write_movie(&read(&doc.to_string()), None)).unwrap();
    for path in &paths {
        assert!(
            !values_at(&written, path).is_empty(),
            "the writer leaves out {path}"
        );
    }
}
