//! Native tests of the spoiler lint (`model::lint`): a text readers see
//! before any reveal that repeats four or more words of a spoiler is a
//! warning naming both fields; stop words alone, shorter phrases and the
//! shipped examples stay quiet.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value as Json};
use spoiler_card::document::check_text;
use spoiler_card::model::lint::spoiler_lint;
use spoiler_card::model::Movie;

/// A valid movie with nothing repeated between what is seen and what is
/// hidden.
fn base() -> Json {
    json!({
        "schema": 1, "id": "lint-test", "title": "Quiet Harbour", "year": 2001,
        "runtime_minutes": 100, "language": "English", "directors": ["A Director"],
        "synopsis": "A ferry captain meets a stranger in a fog-bound port.",
        "spoilers": { "summary": ["The stranger steals the ferry at dawn."] },
        "timeline": [{ "at_minute": 10, "title": "Arrival", "text": "The stranger walks off the night boat." }],
        "characters": [{ "name": "Ada", "intro": "The captain.", "arc": { "text": "Ada sails away alone at last." } }]
    })
}

fn movie(doc: &Json) -> Movie {
    let report = check_text(&doc.to_string()).unwrap();
    assert_eq!(report.errors().count(), 0, "{:?}", report.problems);
    report.movie.unwrap()
}

fn lint(doc: &Json) -> Vec<String> {
    spoiler_lint(&movie(doc))
        .iter()
        .map(|p| p.to_string())
        .collect()
}

/// `doc` with `value` at the path of keys and indexes.
fn with(mut doc: Json, path: &[&str], value: Json) -> Json {
    let mut cursor = &mut doc;
    for key in &path[..path.len() - 1] {
        cursor = match key.parse::<usize>() {
            Ok(i) => &mut cursor[i],
            Err(_) => &mut cursor[*key],
        };
    }
    cursor[*path.last().unwrap()] = value;
    doc
}

#[test]
fn the_base_movie_is_quiet() {
    assert_eq!(lint(&base()), Vec::<String>::new());
}

#[test]
fn a_repeated_phrase_is_a_warning_naming_both_fields_quoted_as_written() {
    let doc = with(
        base(),
        &["synopsis"],
        json!("A ferry captain meets a stranger. Later, the Stranger STEALS the ferry — at dawn!"),
    );
    assert_eq!(
        lint(&doc),
        ["synopsis: repeats \"Stranger STEALS the ferry — at dawn\" from spoilers.summary[0], which readers see only when they reveal it"]
    );
    let problem = &spoiler_lint(&movie(&doc))[0];
    assert_eq!(problem.severity, spoiler_card::model::Severity::Warning);
}

#[test]
fn three_words_or_stop_words_do_not_count() {
    // "stranger steals the ferry" is three words that count.
    let doc = with(
        base(),
        &["synopsis"],
        json!("A stranger steals the ferry, maybe."),
    );
    assert_eq!(lint(&doc), Vec::<String>::new());
    // "and then he was in the" is only stop words; "his friends and
    // finally" two words (the setup of leaving-las-vegas.json, which the
    // intro and the plot share).
    let doc = with(
        base(),
        &["spoilers", "summary"],
        json!(["And then he was in the water. It cost his friends and finally his job."]),
    );
    let doc = with(
        doc,
        &["synopsis"],
        json!("Later and then he was in the story, without his friends and finally alone."),
    );
    assert_eq!(lint(&doc), Vec::<String>::new());
}

#[test]
fn stop_words_between_do_not_break_a_phrase() {
    let doc = with(
        base(),
        &["spoilers", "summary"],
        json!(["Ada stole the silver bell at night."]),
    );
    let doc = with(
        doc,
        &["synopsis"],
        json!("Somebody stole a silver bell by night."),
    );
    assert_eq!(
        lint(&doc),
        ["synopsis: repeats \"stole a silver bell by night\" from spoilers.summary[0], which readers see only when they reveal it"]
    );
}

#[test]
fn every_field_seen_first_is_checked_against_every_gated_field() {
    let secret = "the lighthouse keeper stole the silver bell";
    let seen: &[(&[&str], &str)] = &[
        (&["title"], "title"),
        (&["synopsis"], "synopsis"),
        (&["poster"], "poster.alt"),
        (&["characters", "0", "name"], "characters[0].name"),
        (&["characters", "0", "actor"], "characters[0].actor"),
        (&["characters", "0", "intro"], "characters[0].intro"),
        (&["spoilers", "warning"], "spoilers.warning"),
        (&["settings"], "settings[0].name"),
        (&["settings"], "settings[0].description"),
        (&["themes"], "themes[0].name"),
        (&["themes"], "themes[0].description"),
        (&["similar"], "similar[0].title"),
        (&["similar"], "similar[0].reason"),
        (&["more"], "more.box_office"),
        (&["more"], "more.cast_and_crew"),
        (&["more"], "more.production"),
        (&["more"], "more.links[0].label"),
    ];
    let gated: &[(&[&str], Json, &str)] = &[
        (
            &["spoilers", "summary"],
            json!([secret]),
            "spoilers.summary[0]",
        ),
        (
            &["spoilers", "ending"],
            json!([secret]),
            "spoilers.ending[0]",
        ),
        (
            &["spoilers", "post_credits"],
            json!([secret]),
            "spoilers.post_credits[0]",
        ),
        (
            &["characters", "0", "arc", "text"],
            json!(secret),
            "characters[0].arc.text",
        ),
        (
            &["timeline", "0", "title"],
            json!(secret),
            "timeline[0].title",
        ),
        (
            &["timeline", "0", "text"],
            json!(secret),
            "timeline[0].text",
        ),
    ];
    for (seen_path, seen_name) in seen {
        for (gated_path, gated_value, gated_name) in gated {
            let doc = with(base(), gated_path, gated_value.clone());
            let value = match *seen_name {
                "poster.alt" => json!({ "src": "p.jpg", "alt": secret }),
                "settings[0].name" => json!([{ "name": secret, "description": "A port." }]),
                "settings[0].description" => json!([{ "name": "Port", "description": secret }]),
                "themes[0].name" => json!([{ "name": secret, "description": "Theft." }]),
                "themes[0].description" => json!([{ "name": "Theft", "description": secret }]),
                "similar[0].title" => json!([{ "title": secret }]),
                "similar[0].reason" => json!([{ "title": "Other", "reason": secret }]),
                "more.box_office" => json!({ "box_office": secret }),
                "more.cast_and_crew" => json!({ "cast_and_crew": secret }),
                "more.production" => json!({ "production": secret }),
                "more.links[0].label" => {
                    json!({ "links": [{ "label": secret, "url": "https://example.org" }] })
                }
                _ => json!(secret),
            };
            let doc = with(doc, seen_path, value);
            assert_eq!(
                lint(&doc),
                [format!(
                    "{seen_name}: repeats \"{}\" from {gated_name}, which readers see only when they reveal it",
                    &secret[4..]
                )],
                "{seen_name} from {gated_name}"
            );
        }
    }
}

#[test]
fn one_warning_per_pair_of_fields() {
    // The whole phrase twice in one text: one warning, quoting the first.
    let doc = with(
        base(),
        &["synopsis"],
        json!("The stranger steals the ferry at dawn. Later the stranger steals the ferry at dawn again."),
    );
    assert_eq!(
        lint(&doc),
        ["synopsis: repeats \"stranger steals the ferry at dawn\" from spoilers.summary[0], which readers see only when they reveal it"]
    );
}

#[test]
fn the_shipped_examples_are_quiet() {
    for name in ["leaving-las-vegas", "the-sixth-sense"] {
        let text = std::fs::read_to_string(format!("assets/movies/{name}.json")).unwrap();
        let movie = check_text(&text).unwrap().movie.unwrap();
        let warnings: Vec<String> = spoiler_lint(&movie).iter().map(|p| p.to_string()).collect();
        assert_eq!(warnings, Vec::<String>::new(), "{name}");
    }
}
