//! The shape table (`model::fields`) is the one source of the document's
//! shape: the committed JSON Schema is the one generated from it, and the
//! validator honours every field it lists (a required field left out is
//! "required" at its path, a value of the wrong kind is an error there).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value as Json;
use spoiler_card::model::fields::{Presence, Rule, Shape, MOVIE};
use spoiler_card::model::{json_schema, Severity};

const SCHEMA_FILE: &str = "assets/schema/movie.schema.json";

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_FILE, &generated).expect("the schema file is writable");
    }
    let committed = std::fs::read_to_string(SCHEMA_FILE).expect("the schema file is there");
    assert!(
        committed == generated,
        "{SCHEMA_FILE} is not the schema src/model/fields.rs describes: \
         regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
    let parsed: Json = serde_json::from_str(&generated).expect("the schema is JSON");
    assert_eq!(
        parsed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// Every field of every shape, and the one document that has it: the
/// examples, and a fixture with the fields they leave out.
fn documents() -> Vec<Json> {
    let mut documents: Vec<Json> = ["leaving-las-vegas", "the-sixth-sense"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(format!("assets/movies/{name}.json")).unwrap();
            serde_json::from_str(&text).unwrap()
        })
        .collect();
    let mut full = documents[0].clone();
    full["$schema"] = "https://spoiler-card.example/schema/movie.schema.json".into();
    full["poster"] = serde_json::json!({ "src": "poster.jpg", "alt": "The poster" });
    full["spoilers"]["warning"] = "Contains the ending".into();
    full["updated"] = "2024-11-16".into();
    full["timeline"][0]["id"] = "first".into();
    full["characters"][0]["id"] = "ben".into();
    full["characters"][0]["arc"]["at_minute"] = 100.into();
    documents.push(full);
    documents
}

fn problems_at(document: &Json, path: &str, severity: Severity) -> Vec<String> {
    spoiler_card::document::check_text(&document.to_string())
        .expect("the test's document is JSON")
        .problems
        .into_iter()
        .filter(|p| p.severity == severity && p.path == path)
        .map(|p| p.message)
        .collect()
}

/// The JSON pointer of a path made of keys and indexes.
fn pointer(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|step| match step {
            Step::Key(key) => format!("/{key}"),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The path as the validator writes it: `timeline[0].at_minute`.
fn problem_path(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => out.push_str(&format!(".{key}")),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[derive(Clone)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// Breaks each field of `shape` found at `at` in `document`, one at a
/// time, and records which fields it saw.
fn break_each_field(
    document: &Json,
    shape: &'static Shape,
    at: &[Step],
    seen: &mut BTreeSet<(usize, &'static str)>,
) {
    let object = document.pointer(&pointer(at)).expect("the path exists");
    for def in shape.fields {
        if object.get(def.key).is_none() {
            continue;
        }
        seen.insert((shape as *const Shape as usize, def.key));
        let mut steps = at.to_vec();
        steps.push(Step::Key(def.key));
        let path = problem_path(&steps);
        let field = pointer(&steps);

        if def.presence == Presence::Required {
            let mut broken = document.clone();
            let parent = broken.pointer_mut(&pointer(at)).unwrap();
            parent.as_object_mut().unwrap().remove(def.key);
            assert_eq!(
                problems_at(&broken, &path, Severity::Error),
                ["required"],
                "{path} is required in the table"
            );
        }
        let mut broken = document.clone();
        *broken.pointer_mut(&field).unwrap() = Json::Bool(true);
        assert!(
            !problems_at(&broken, &path, Severity::Error).is_empty(),
            "{path}: a boolean is an error"
        );
        assert!(
            problems_at(document, &path, Severity::Warning).is_empty(),
            "{path} is known"
        );

        match def.rule {
            Rule::Object(inner) => break_each_field(document, inner, &steps, seen),
            Rule::List { of, .. } if has_items(document, &field) => {
                steps.push(Step::Index(0));
                break_each_field(document, of, &steps, seen);
            }
            _ => {}
        }
    }
}

fn has_items(document: &Json, pointer: &str) -> bool {
    document
        .pointer(pointer)
        .and_then(Json::as_array)
        .is_some_and(|list| !list.is_empty())
}

fn all_fields(shape: &'static Shape, out: &mut BTreeSet<(usize, &'static str)>) {
    for def in shape.fields {
        if out.insert((shape as *const Shape as usize, def.key)) {
            match def.rule {
                Rule::Object(inner) | Rule::List { of: inner, .. } => all_fields(inner, out),
                _ => {}
            }
        }
    }
}

#[test]
fn the_validator_reads_every_field_of_the_table_as_the_table_says() {
    let mut seen = BTreeSet::new();
    for document in documents() {
        break_each_field(&document, &MOVIE, &[], &mut seen);
    }
    let mut every = BTreeSet::new();
    all_fields(&MOVIE, &mut every);
    let missed: Vec<_> = every.difference(&seen).map(|(_, key)| *key).collect();
    assert!(missed.is_empty(), "no test document has {missed:?}");
}
