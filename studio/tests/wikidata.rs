//! The studio's Wikidata import: a real film entity and the labels of its
//! items (`tests/fixtures/wikidata/`, sources in its README), read into
//! changes that fill what the author left empty and ask before replacing
//! what they wrote. Character roles, which the real fixture lacks, are
//! tested on statements written in Wikibase's documented JSON format.
#![cfg(not(target_arch = "wasm32"))]

use spoiler_card::value::Value;
use spoiler_card_studio::doc::{self, Step};
use spoiler_card_studio::wikidata::{self, Field, Import, ReadError, Role};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("../tests/fixtures/wikidata/{name}")).unwrap()
}

/// City Streets, with the labels the fixtures know.
fn city_streets() -> Import {
    let film = Import::read(&fixture("Q2262932.json"), None).unwrap();
    Import::read(&fixture("Q2262932-labels.json"), Some(&film)).unwrap()
}

fn text(tree: &Value<'static>, key: &'static str) -> String {
    doc::text_at(tree, &[Step::Key(key)])
}

fn texts(tree: &Value<'static>, key: &'static str) -> Vec<String> {
    (0..doc::len_at(tree, &[Step::Key(key)]))
        .map(|i| doc::text_at(tree, &[Step::Key(key), Step::Index(i)]))
        .collect()
}

#[test]
fn the_real_entity_gives_the_films_facts() {
    let import = Import::read(&fixture("Q2262932.json"), None).unwrap();
    let film = &import.film;
    assert_eq!(film.id, "Q2262932");
    assert_eq!(import.title("en").as_deref(), Some("City Streets"));
    assert_eq!(film.year, Some(1931));
    assert_eq!(film.runtime_minutes, Some(82));
    assert_eq!(film.directors, ["Q51472"]);
    assert_eq!(film.genres, ["Q959790", "Q130232"]);
    assert_eq!(film.cast.len(), 9);
    assert!(film.cast.iter().all(|c| c.role.is_none()));
    // Every item it refers to still needs its name: 1 + 2 + 9.
    assert_eq!(import.missing().len(), 12);
    assert_eq!(import.url(), "https://www.wikidata.org/wiki/Q2262932");
}

#[test]
fn a_paste_of_the_items_fills_their_names_and_says_which_are_missing() {
    let import = city_streets();
    assert_eq!(
        import.label("Q51472", "en").as_deref(),
        Some("Rouben Mamoulian")
    );
    let missing = import.missing();
    assert_eq!(missing.len(), 8, "{missing:?}");
    assert!(!missing.contains(&"Q93957".to_owned()));
    assert_eq!(missing[0], "Q231595");
    assert_eq!(
        import.cast_without_role("en"),
        [
            "Gary Cooper",
            "Q231595",
            "Q182057",
            "Q554094",
            "Q3968233",
            "Q862090",
            "Q3229610",
            "Q2409726",
            "Q3568320"
        ]
    );
}

#[test]
fn an_empty_movie_is_filled_without_asking() {
    let empty = doc::new_movie();
    let import = city_streets();
    let changes = import.changes(&empty, "en");
    let fields: Vec<Field> = changes.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Field::Title,
            Field::Year,
            Field::Runtime,
            Field::Directors,
            Field::Genres,
            Field::Link
        ]
    );
    assert!(changes.iter().all(|c| !c.asks));
    let filled = wikidata::apply(&empty, &changes, |_| false);
    assert_eq!(text(&filled, "title"), "City Streets");
    assert_eq!(text(&filled, "year"), "1931");
    assert_eq!(text(&filled, "runtime_minutes"), "82");
    assert_eq!(texts(&filled, "directors"), ["Rouben Mamoulian"]);
    assert_eq!(texts(&filled, "genres"), ["crime film", "drama film"]);
    assert_eq!(text(&filled, "id"), "city-streets-1931");
    let link = [Step::Key("more"), Step::Key("links"), Step::Index(0)];
    let at = |key| {
        let mut path = link.to_vec();
        path.push(Step::Key(key));
        doc::text_at(&filled, &path)
    };
    assert_eq!(at("label"), "Wikidata");
    assert_eq!(at("url"), "https://www.wikidata.org/wiki/Q2262932");
    // The card's validator finds nothing wrong with what was filled.
    let mut json = String::new();
    spoiler_card::json::write(&mut json, &filled);
    let report = spoiler_card_studio::check(&json);
    let filled_paths = [
        "title",
        "year",
        "runtime_minutes",
        "directors",
        "genres",
        "more",
        "id",
    ];
    let wrong: Vec<_> = report
        .problems
        .iter()
        .filter(|p| filled_paths.iter().any(|f| p.path.starts_with(f)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    // Read again, it changes nothing: the link is not added twice.
    assert!(import.changes(&filled, "en").is_empty());
}

#[test]
fn the_title_is_in_the_studios_language_else_english() {
    let import = city_streets();
    let changes = import.changes(&doc::new_movie(), "de");
    assert_eq!(changes[0].shown(), "Straßen der Weltstadt");
    assert_eq!(
        import.title("de-AT").as_deref(),
        Some("Straßen der Weltstadt")
    );
    assert_eq!(import.title("ja").as_deref(), Some("City Streets"));
    // The genres have only English labels here.
    let genres = changes.iter().find(|c| c.field == Field::Genres).unwrap();
    assert_eq!(genres.shown(), "crime film, drama film");
}

#[test]
fn what_the_author_wrote_is_replaced_only_if_they_say_so() {
    let mut tree = doc::new_movie();
    doc::set(
        &mut tree,
        &[Step::Key("title")],
        Some(doc::text("Streets of the City")),
    );
    doc::set(&mut tree, &[Step::Key("id")], Some(doc::text("my-own-id")));
    doc::set(&mut tree, &[Step::Key("year")], Some(Value::Number(1931.0)));
    doc::set(
        &mut tree,
        &[Step::Key("genres")],
        Some(Value::Array(vec![doc::text("noir")])),
    );
    let import = city_streets();
    let changes = import.changes(&tree, "en");
    let asking: Vec<Field> = changes.iter().filter(|c| c.asks).map(|c| c.field).collect();
    // The year is the same: no change. Title and genres were written.
    assert_eq!(asking, [Field::Title, Field::Genres]);
    assert!(!changes.iter().any(|c| c.field == Field::Year));
    let kept = wikidata::apply(&tree, &changes, |_| false);
    assert_eq!(text(&kept, "title"), "Streets of the City");
    assert_eq!(texts(&kept, "genres"), ["noir"]);
    assert_eq!(text(&kept, "runtime_minutes"), "82");
    let replaced = wikidata::apply(&tree, &changes, |field| field == Field::Title);
    assert_eq!(text(&replaced, "title"), "City Streets");
    assert_eq!(texts(&replaced, "genres"), ["noir"]);
    // An id of the author's own stays.
    assert_eq!(text(&replaced, "id"), "my-own-id");
}

/// A film entity written in the documented format: a cast statement with
/// a P453 (character role, an item), one with P4633 (the role's name as
/// text), one with none, and one deprecated.
fn film_with_roles() -> String {
    let cast = |actor: &str, qualifiers: &str, rank: &str| {
        format!(
            r#"{{"mainsnak":{{"snaktype":"value","property":"P161","datavalue":{{"value":{{"entity-type":"item","id":"{actor}"}},"type":"wikibase-entityid"}}}},"type":"statement","rank":"{rank}"{qualifiers}}}"#
        )
    };
    let p453 = r#","qualifiers":{"P453":[{"snaktype":"value","property":"P453","datavalue":{"value":{"entity-type":"item","id":"Q900002"},"type":"wikibase-entityid"}}]}"#;
    let p4633 = r#","qualifiers":{"P4633":[{"snaktype":"value","property":"P4633","datavalue":{"value":"The Kid","type":"string"}}]}"#;
    let time = |t: &str, rank: &str| {
        format!(
            r#"{{"mainsnak":{{"snaktype":"value","property":"P577","datavalue":{{"value":{{"time":"{t}","precision":11}},"type":"time"}}}},"rank":"{rank}"}}"#
        )
    };
    let runtime = |amount: &str, unit: &str, rank: &str| {
        format!(
            r#"{{"mainsnak":{{"snaktype":"value","property":"P2047","datavalue":{{"value":{{"amount":"{amount}","unit":"http://www.wikidata.org/entity/{unit}"}},"type":"quantity"}}}},"rank":"{rank}"}}"#
        )
    };
    format!(
        r#"{{"entities":{{"Q900000":{{"type":"item","id":"Q900000","labels":{{"en":{{"language":"en","value":"A Constructed Film"}}}},"claims":{{
        "P161":[{},{},{},{}],
        "P577":[{},{},{}],
        "P2047":[{},{}]}}}},
        "Q900001":{{"type":"item","id":"Q900001","labels":{{"en":{{"language":"en","value":"Ada Actor"}}}}}},
        "Q900002":{{"type":"item","id":"Q900002","labels":{{"en":{{"language":"en","value":"Nora"}},"de":{{"language":"de","value":"Norа (de)"}}}}}},
        "Q900003":{{"type":"item","id":"Q900003","labels":{{"en":{{"language":"en","value":"Ben Actor"}}}}}},
        "Q900004":{{"type":"item","id":"Q900004","labels":{{"en":{{"language":"en","value":"Cal Actor"}}}}}}
        }}}}"#,
        cast("Q900001", p453, "normal"),
        cast("Q900003", p4633, "normal"),
        cast("Q900004", "", "normal"),
        cast("Q900005", p453, "deprecated"),
        time("+1999-05-01T00:00:00Z", "normal"),
        time("+1998-11-20T00:00:00Z", "normal"),
        time("+1990-01-01T00:00:00Z", "deprecated"),
        runtime("+5400", "Q11574", "normal"),
        runtime("+1.5", "Q25235", "preferred"),
    )
}

#[test]
fn character_roles_become_characters_with_their_actors() {
    let import = Import::read(&film_with_roles(), None).unwrap();
    let film = &import.film;
    // The earliest date that stands; the preferred runtime, in minutes.
    assert_eq!(film.year, Some(1998));
    assert_eq!(film.runtime_minutes, Some(90));
    assert_eq!(film.cast.len(), 3, "the deprecated statement is left out");
    assert_eq!(film.cast[0].role, Some(Role::Item("Q900002".into())));
    assert_eq!(film.cast[1].role, Some(Role::Named("The Kid".into())));
    assert!(import.missing().is_empty());
    assert_eq!(import.cast_without_role("en"), ["Cal Actor"]);

    let mut tree = doc::new_movie();
    // A character the author wrote already stays as written.
    doc::insert(
        &mut tree,
        &[Step::Key("characters")],
        0,
        Value::Object(vec![
            ("name".into(), doc::text("the kid")),
            ("intro".into(), doc::text("Mine.")),
        ]),
    );
    let changes = import.changes(&tree, "en");
    let characters: Vec<String> = changes
        .iter()
        .filter(|c| c.field == Field::Character)
        .map(|c| c.shown())
        .collect();
    assert_eq!(characters, ["Nora (Ada Actor)"]);
    let filled = wikidata::apply(&tree, &changes, |_| false);
    let at = |i, key| {
        doc::text_at(
            &filled,
            &[Step::Key("characters"), Step::Index(i), Step::Key(key)],
        )
    };
    assert_eq!(
        (at(0, "name"), at(0, "intro")),
        ("the kid".into(), "Mine.".into())
    );
    assert_eq!(
        (at(1, "name"), at(1, "actor")),
        ("Nora".into(), "Ada Actor".into())
    );
    // The intro is the author's to write: the validator asks for it.
    assert_eq!(at(1, "intro"), "");
}

#[test]
fn another_film_starts_afresh_and_the_same_film_keeps_its_names() {
    let city = city_streets();
    let again = Import::read(&fixture("Q2262932.json"), Some(&city)).unwrap();
    assert_eq!(again.missing().len(), 8);
    let other = Import::read(&film_with_roles(), Some(&city)).unwrap();
    assert_eq!(other.film.id, "Q900000");
    assert_eq!(other.label("Q51472", "en"), None);
}

#[test]
fn what_is_not_an_entity_is_refused_with_its_reason() {
    assert!(matches!(
        Import::read("{", None),
        Err(ReadError::NotJson(_))
    ));
    assert_eq!(
        Import::read(r#"{"title":"x"}"#, None),
        Err(ReadError::NoEntity)
    );
    assert_eq!(
        Import::read(r#"{"entities":{}}"#, None),
        Err(ReadError::NoEntity)
    );
    assert_eq!(
        Import::read(&fixture("Q2262932-labels.json"), None),
        Err(ReadError::NoFilm)
    );
    // An entity whose id is not an item's is no entity here.
    assert_eq!(
        Import::read(
            r#"{"entities":{"x":{"id":"<b>","claims":{"P577":[]}}}}"#,
            None
        ),
        Err(ReadError::NoEntity)
    );
}

#[test]
fn odd_values_are_passed_over() {
    // No value, an unknown unit, a year-less precision, a date before the
    // common era, and year 0 (a year, but none the card accepts).
    let film = r#"{"id":"Q5","claims":{
        "P57":[{"mainsnak":{"snaktype":"novalue","property":"P57"}}],
        "P2047":[{"mainsnak":{"snaktype":"value","datavalue":{"value":{"amount":"+82","unit":"1"}}}}],
        "P577":[{"mainsnak":{"snaktype":"value","datavalue":{"value":{"time":"+1930-00-00T00:00:00Z","precision":8}}}},
                {"mainsnak":{"snaktype":"value","datavalue":{"value":{"time":"-0044-03-15T00:00:00Z","precision":11}}}},
                {"mainsnak":{"snaktype":"value","datavalue":{"value":{"time":"+0000-01-01T00:00:00Z","precision":9}}}}]}}"#;
    let import = Import::read(film, None).unwrap();
    assert_eq!(import.film.directors, Vec::<String>::new());
    assert_eq!(import.film.runtime_minutes, None);
    assert_eq!(import.film.year, None);
    // Only the link is left to add.
    let changes = import.changes(&doc::new_movie(), "en");
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [Field::Link]
    );
}

#[test]
fn q_ids_are_read_from_what_an_author_types() {
    for (input, id) in [
        ("Q2262932", Some("Q2262932")),
        (" q2262932 ", Some("Q2262932")),
        ("https://www.wikidata.org/wiki/Q2262932", Some("Q2262932")),
        ("https://www.wikidata.org/wiki/Q2262932/", Some("Q2262932")),
        (
            "https://www.wikidata.org/wiki/Special:EntityData/Q2262932.json",
            Some("Q2262932"),
        ),
        ("wd:Q42", Some("Q42")),
        ("Q", None),
        ("Q0", None),
        ("Q012", None),
        ("P31", None),
        ("Q12abc", None),
        ("Q1234567890123", None),
        ("City Streets", None),
        ("", None),
    ] {
        assert_eq!(wikidata::qid(input).as_deref(), id, "{input:?}");
    }
}

#[test]
fn requests_ask_for_what_is_needed_fifty_ids_at_a_time() {
    assert_eq!(
        wikidata::film_url("Q2262932"),
        "https://www.wikidata.org/w/api.php?action=wbgetentities&format=json&origin=*&props=labels%7Cclaims&ids=Q2262932"
    );
    let ids: Vec<String> = (1..=120).map(|n| format!("Q{n}")).collect();
    let urls = wikidata::labels_urls(&ids, "de");
    assert_eq!(urls.len(), 3);
    assert!(urls[0].contains("props=labels&languages=de%7Cen&ids=Q1%7CQ2%7C"));
    assert!(urls[0].ends_with("%7CQ50"));
    assert!(urls[2].ends_with("ids=Q101%7CQ102%7CQ103%7CQ104%7CQ105%7CQ106%7CQ107%7CQ108%7CQ109%7CQ110%7CQ111%7CQ112%7CQ113%7CQ114%7CQ115%7CQ116%7CQ117%7CQ118%7CQ119%7CQ120"));
    assert!(wikidata::labels_urls(&ids[..1], "en")[0].contains("languages=en&ids=Q1"));
    assert!(wikidata::labels_urls(&[], "en").is_empty());
}
