//! The form has a control for every field of the table (`model::fields`):
//! a field added to the schema and not to `spec.rs` fails here.
#![cfg(not(target_arch = "wasm32"))]

use spoiler_card::model::fields::MOVIE;
use spoiler_card_studio::spec::SECTIONS;

#[test]
fn every_field_of_the_table_has_its_control() {
    let table = MOVIE.leaf_paths();
    let mut form: Vec<String> = Vec::new();
    for section in SECTIONS {
        form.extend(section.fields.iter().map(|f| f.key.to_owned()));
        for list in section.lists {
            form.extend(
                list.fields
                    .iter()
                    .map(|f| format!("{}[].{}", list.key, f.key)),
            );
        }
    }
    // The two the studio writes itself: the schema's URL and version.
    let missing: Vec<&String> = table
        .iter()
        .filter(|p| !form.contains(p) && !["$schema", "schema"].contains(&p.as_str()))
        .collect();
    assert!(missing.is_empty(), "no control for {missing:?}");
    let unknown: Vec<&String> = form.iter().filter(|p| !table.contains(p)).collect();
    assert!(
        unknown.is_empty(),
        "controls for fields the table lacks: {unknown:?}"
    );
}

#[test]
fn every_control_has_a_label_and_a_hint() {
    let mut bare = Vec::new();
    for section in SECTIONS {
        let fields = section.fields.iter().map(|f| (section.title, f)).chain(
            section
                .lists
                .iter()
                .flat_map(|l| l.fields.iter().map(move |f| (l.label, f))),
        );
        for (place, field) in fields {
            if field.label.trim().is_empty() || field.hint.trim().is_empty() {
                bare.push(format!("{place}: {}", field.key));
            }
        }
    }
    assert!(
        bare.is_empty(),
        "controls without a label or a hint: {bare:?}"
    );
}
