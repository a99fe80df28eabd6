//! The studio's German: every English text of the form (the spec table)
//! and of the components (`w.t("…")`, `w.f("…")`) has its German, with the
//! same placeholders, and the table holds nothing the studio no longer says.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use spoiler_card_studio::spec::SECTIONS;
use spoiler_card_studio::words::Words;

/// The texts the components give to `t` or `f` (the first argument, a
/// string literal).
fn component_texts() -> BTreeSet<String> {
    let mut texts = BTreeSet::new();
    for entry in std::fs::read_dir("src/components").unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for call in [".t(\"", ".f(\""] {
            for (at, _) in source.match_indices(call) {
                let rest = &source[at + call.len()..];
                let end = rest.find('"').unwrap();
                texts.insert(rest[..end].to_owned());
            }
            // The same call broken over lines by rustfmt.
            for (at, _) in source.match_indices(&call[..3]) {
                let rest = source[at + 3..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    texts.insert(rest[..rest.find('"').unwrap()].to_owned());
                }
            }
        }
    }
    texts
}

fn spec_texts() -> BTreeSet<String> {
    let mut texts = BTreeSet::new();
    for section in SECTIONS {
        texts.extend([section.title, section.hint].map(str::to_owned));
        let fields = section
            .fields
            .iter()
            .chain(section.lists.iter().flat_map(|l| l.fields));
        for field in fields {
            texts.extend([field.label, field.hint].map(str::to_owned));
        }
        for list in section.lists {
            texts.extend([list.label, list.item].map(str::to_owned));
        }
    }
    texts.remove("");
    texts
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.match_indices('{')
        .filter_map(|(at, _)| text[at..].find('}').map(|end| &text[at..at + end + 1]))
        .collect()
}

#[test]
fn every_text_has_its_german_with_the_same_placeholders() {
    let german = Words::for_tag("de-AT");
    assert_eq!(german.lang, "de");
    let mut texts = component_texts();
    texts.extend(spec_texts());
    let missing: Vec<&String> = texts
        .iter()
        .filter(|t| {
            german.t(t) == t.as_str()
                && ![
                    "Export",
                    "Spoilers",
                    "Links",
                    "Link",
                    "Genres",
                    "Name",
                    "Minute",
                    "{item} {n}",
                ]
                .contains(&t.as_str())
        })
        .collect();
    assert!(missing.is_empty(), "no German for {missing:?}");
    for text in &texts {
        assert_eq!(placeholders(german.t(text)), placeholders(text), "{text}");
    }
    let unused: Vec<&str> = german.keys().filter(|k| !texts.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "German for texts the studio no longer says: {unused:?}"
    );
}

#[test]
fn other_languages_are_english_and_placeholders_fill_in() {
    for tag in ["", "en", "en-GB", "fr", "ja", "x"] {
        let words = Words::for_tag(tag);
        assert_eq!(words.t("Undo"), "Undo", "{tag}");
    }
    let german = Words::for_tag("de");
    assert_eq!(german.t("Undo"), "Rückgängig");
    assert_eq!(
        german.f("Add {item}", &[("item", "Figur")]),
        "Figur hinzufügen"
    );
    assert_eq!(Words::english().f("{n} errors", &[("n", "3")]), "3 errors");
}
