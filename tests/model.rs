//! Native tests of the data contract: every validation rule with a bad
//! document and the exact message, the examples, hostile strings, and a
//! bounded property test.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use spoiler_card::document::check_text;
use spoiler_card::model::{self, limits, parse_date, Date, Report, Severity};
use spoiler_card::value;

/// The report `spoiler-card check` and the card give for this document:
/// its JSON text through the one reader the card and the CLI use.
fn check(json: &Json) -> Report {
    spoiler_card_check(&json.to_string())
}

fn spoiler_card_check(text: &str) -> Report {
    check_text(text).expect("the test's document is JSON")
}

fn errors(json: &Json) -> Vec<String> {
    check(json).errors().map(|p| p.to_string()).collect()
}

fn warnings(json: &Json) -> Vec<String> {
    check(json).warnings().map(|p| p.to_string()).collect()
}

/// A small valid movie to break one field at a time.
fn base() -> Json {
    json!({
        "schema": 1,
        "id": "test-movie-2000",
        "title": "Test Movie",
        "year": 2000,
        "runtime_minutes": 111,
        "language": "English",
        "directors": ["A Director"],
        "genres": ["Drama"],
        "synopsis": "Someone does something.",
        "spoilers": { "summary": ["It all ends."] },
        "timeline": [
            { "at_minute": 0, "title": "Start", "text": "It starts." },
            { "at_minute": 30, "title": "Middle", "text": "It goes on." }
        ],
        "characters": [
            { "name": "Ann", "actor": "An Actor", "intro": "A person.", "arc": { "text": "She leaves.", "at_minute": 90 } },
            { "name": "Bob", "intro": "Another person." }
        ],
        "settings": [{ "name": "A town", "description": "Small." }],
        "themes": [{ "name": "Loss", "description": "Of things." }],
        "similar": [{ "title": "Other Movie", "year": 1999, "reason": "Also sad.", "url": "https://example.org/other" }],
        "more": { "box_office": "$1", "links": [{ "label": "Site", "url": "https://example.org" }] },
        "updated": "2024-11-16"
    })
}

fn with(path: &[&str], value: Json) -> Json {
    let mut doc = base();
    let mut cursor = &mut doc;
    for (i, key) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let next = match key.parse::<usize>() {
            Ok(index) => &mut cursor[index],
            Err(_) => &mut cursor[*key],
        };
        if last {
            *next = value.clone();
            break;
        }
        cursor = next;
    }
    doc
}

fn without(key: &str) -> Json {
    let mut doc = base();
    doc.as_object_mut().unwrap().remove(key);
    doc
}

#[test]
fn base_document_is_valid() {
    let report = check(&base());
    assert_eq!(report.problems, vec![]);
    let movie = report.movie.unwrap();
    assert_eq!(movie.title, "Test Movie");
    assert_eq!(movie.runtime_minutes, 111);
    assert_eq!(
        movie.characters[0].arc.as_ref().unwrap().at_minute,
        Some(90)
    );
    assert_eq!(
        movie.updated,
        Some(Date {
            year: 2024,
            month: 11,
            day: 16
        })
    );
}

#[test]
fn examples_are_valid_and_complete() {
    for file in [
        "assets/movies/leaving-las-vegas.json",
        "assets/movies/the-sixth-sense.json",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let report = spoiler_card_check(&text);
        assert_eq!(report.problems, vec![], "{file}");
        let movie = report.movie.unwrap();
        assert!(movie.timeline.len() >= 10, "{file}: at least 10 events");
        assert!(
            movie.similar.len() >= 5,
            "{file}: at least 5 similar titles"
        );
        assert!(!movie.spoilers.ending.is_empty(), "{file}: an ending");
        let arcs: Vec<_> = movie
            .characters
            .iter()
            .filter_map(|c| c.arc.as_ref())
            .collect();
        assert!(arcs.len() >= 3, "{file}: character arcs to gate");
        assert!(
            arcs.iter().any(|a| a.at_minute.is_some()),
            "{file}: an arc with a minute"
        );
        assert!(
            movie.more.is_some() && movie.updated.is_some(),
            "{file}: more and updated"
        );
    }
    let llv = spoiler_card_check(
        &std::fs::read_to_string("assets/movies/leaving-las-vegas.json").unwrap(),
    )
    .movie
    .unwrap();
    let actors: Vec<_> = llv
        .characters
        .iter()
        .filter_map(|c| c.actor.as_deref())
        .collect();
    assert!(actors.contains(&"Nicolas Cage") && actors.contains(&"Elisabeth Shue"));
    assert_eq!(
        (llv.year, llv.runtime_minutes, llv.language.as_str()),
        (1995, 111, "English")
    );
}

#[test]
fn required_fields() {
    for key in [
        "schema",
        "id",
        "title",
        "year",
        "runtime_minutes",
        "language",
        "directors",
        "synopsis",
        "spoilers",
    ] {
        let errs = errors(&without(key));
        assert_eq!(errs, vec![format!("{key}: required")], "without {key}");
    }
    assert_eq!(
        errors(&with(&["spoilers", "summary"], Json::Null)),
        vec!["spoilers.summary: required"]
    );
    assert_eq!(
        errors(&with(&["timeline", "1", "title"], Json::Null)),
        vec!["timeline[1].title: required"]
    );
}

#[test]
fn mistyped_fields() {
    assert_eq!(
        errors(&with(&["title"], json!(42))),
        vec!["title: expected text, found a number"]
    );
    assert_eq!(
        errors(&with(&["year"], json!("1995"))),
        vec!["year: expected a whole number, found text"]
    );
    assert_eq!(
        errors(&with(&["directors"], json!("Someone"))),
        vec!["directors: expected a list, found text"]
    );
    assert_eq!(
        errors(&with(&["timeline", "0"], json!([]))),
        vec!["timeline[0]: expected an object, found a list"]
    );
    assert_eq!(
        errors(&with(&["runtime_minutes"], json!(111.5))),
        vec!["runtime_minutes: must be a whole number, not a fraction"]
    );
    assert_eq!(
        errors(&json!([1, 2])),
        vec!["expected an object, found a list"]
    );
}

#[test]
fn empty_text_is_an_error() {
    assert_eq!(
        errors(&with(&["title"], json!("   "))),
        vec!["title: must not be empty"]
    );
    assert_eq!(
        errors(&with(&["directors"], json!([]))),
        vec!["directors: must have at least one entry"]
    );
    assert_eq!(
        errors(&with(&["spoilers", "summary"], json!([]))),
        vec!["spoilers.summary: must have at least one entry"]
    );
    assert_eq!(
        errors(&with(&["characters", "0", "intro"], json!(""))),
        vec!["characters[0].intro: must not be empty"]
    );
}

#[test]
fn numbers_out_of_range() {
    assert_eq!(
        errors(&with(&["year"], json!(1700))),
        vec!["year: 1700 is out of range for a year (1878 to 2100)"]
    );
    assert_eq!(
        errors(&with(&["runtime_minutes"], json!(0))),
        vec!["runtime_minutes: 0 is out of range for a runtime in minutes (1 to 1440)"]
    );
    assert_eq!(
        errors(&with(&["timeline", "1", "at_minute"], json!(140))),
        vec!["timeline[1].at_minute: 140 is past the runtime (111)"]
    );
    assert_eq!(
        errors(&with(&["timeline", "1", "at_minute"], json!(-1))),
        vec!["timeline[1].at_minute: -1 is out of range for a minute (0 to 1440)"]
    );
    assert_eq!(
        errors(&with(&["characters", "0", "arc", "at_minute"], json!(112))),
        vec!["characters[0].arc.at_minute: 112 is past the runtime (111)"]
    );
    assert_eq!(
        errors(&with(&["similar", "0", "year"], json!(3000))),
        vec!["similar[0].year: 3000 is out of range for a year (1878 to 2100)"]
    );
}

#[test]
fn unknown_schema_version_stops_validation() {
    assert_eq!(
        errors(&with(&["schema"], json!(2))),
        vec!["schema: version 2 is not supported (this card reads version 1)"]
    );
    assert_eq!(
        errors(&with(&["schema"], json!("1"))),
        vec!["schema: expected the number 1, found text"]
    );
}

#[test]
fn only_http_urls() {
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https:/one-slash",
        "https://",
        "https://ex ample.org",
        "https:\\\\evil.example",
        "ftp://example.org",
    ] {
        assert_eq!(
            errors(&with(&["similar", "0", "url"], json!(bad))),
            vec!["similar[0].url: only http and https links are allowed"],
            "{bad:?}"
        );
        assert_eq!(
            errors(&with(&["more", "links", "0", "url"], json!(bad))),
            vec!["more.links[0].url: only http and https links are allowed"],
            "{bad:?}"
        );
    }
    assert!(errors(&with(
        &["similar", "0", "url"],
        json!("HTTP://Example.org/a?b#c")
    ))
    .is_empty());
}

#[test]
fn poster_may_be_relative_but_never_another_scheme() {
    let ok = with(
        &["poster"],
        json!({ "src": "posters/test.jpg", "alt": "Poster" }),
    );
    assert!(errors(&ok).is_empty());
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "//evil.example/x.png",
    ] {
        let doc = with(&["poster"], json!({ "src": bad, "alt": "Poster" }));
        assert_eq!(
            errors(&doc),
            vec!["poster.src: use an http(s) URL or a path relative to the JSON file"],
            "{bad}"
        );
    }
    assert_eq!(
        errors(&with(&["poster"], json!({ "src": "a.jpg" }))),
        vec!["poster.alt: required"]
    );
}

/// The message for a title of `chars` characters, over the limit.
fn title_too_long(chars: usize) -> String {
    format!(
        "title: {chars} characters is too long (at most {})",
        limits::SHORT_TEXT
    )
}

#[test]
fn sizes_are_limited() {
    let long = "x".repeat(limits::SHORT_TEXT + 1);
    assert_eq!(
        errors(&with(&["title"], json!(long))),
        vec![title_too_long(limits::SHORT_TEXT + 1)]
    );
    let events: Vec<Json> = (0..=limits::TIMELINE)
        .map(|i| json!({ "at_minute": 1, "title": format!("E{i}"), "text": "t" }))
        .collect();
    assert_eq!(
        errors(&with(&["timeline"], Json::Array(events))),
        vec![format!(
            "timeline: {} items is too many (at most {})",
            limits::TIMELINE + 1,
            limits::TIMELINE
        )]
    );
    let genres: Vec<Json> = (0..=limits::SMALL_LIST)
        .map(|i| json!(format!("G{i}")))
        .collect();
    assert_eq!(errors(&with(&["genres"], Json::Array(genres))).len(), 1);
}

#[test]
fn generous_limits_accept_big_synthetic_movies() {
    let events: Vec<Json> = (0..2000).map(|i| json!({ "at_minute": i * 111 / 2000, "title": format!("Event {i}"), "text": "Something happens." })).collect();
    let people: Vec<Json> = (0..500).map(|i| json!({ "name": format!("Person {i}"), "intro": "Someone.", "arc": { "text": "Changes." } })).collect();
    let mut doc = with(&["timeline"], Json::Array(events));
    doc["characters"] = Json::Array(people);
    let report = check(&doc);
    assert_eq!(report.problems, vec![]);
    assert_eq!(report.movie.unwrap().timeline.len(), 2000);
}

#[test]
fn whole_document_and_nesting_limits() {
    // Each limit is one problem of the report, as `spoiler-card check` and
    // the card show it (the reader's own limit tests are in tests/json.rs).
    let mut deep = json!("x");
    for _ in 0..(value::MAX_DEPTH + 2) {
        deep = json!([deep]);
    }
    assert_eq!(
        errors(&deep),
        vec!["the document nests deeper than 32 levels"]
    );
    let huge = Json::Array((0..value::MAX_VALUES).map(|_| json!(0)).collect());
    assert_eq!(
        errors(&huge),
        vec!["the document has more than 250000 values; it is too large"]
    );
    let big = format!("\"{}\"", "x".repeat(limits::DOCUMENT_BYTES));
    assert_eq!(
        spoiler_card_check(&big)
            .errors()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        vec![format!(
            "the document is {} bytes, more than the limit of {}",
            limits::DOCUMENT_BYTES + 2,
            limits::DOCUMENT_BYTES
        )]
    );
}

#[test]
fn duplicates_are_errors() {
    let doc = with(&["characters", "1", "name"], json!("ann"));
    assert_eq!(
        errors(&doc),
        vec!["characters[1].name: \"ann\" is already used by characters[0]"]
    );
    let doc = with(
        &["themes"],
        json!([{ "name": "Loss", "description": "a" }, { "name": "Loss", "description": "b" }]),
    );
    assert_eq!(
        errors(&doc),
        vec!["themes[1].name: \"Loss\" is already used by themes[0]"]
    );
    let doc = with(&["genres"], json!(["Drama", "Drama"]));
    assert_eq!(
        errors(&doc),
        vec!["genres[1]: \"Drama\" is already used by genres[0]"]
    );
    // Several names, each repeated out of order, case and spaces aside:
    // every later use names the first, in document order.
    let doc = with(&["genres"], json!(["B", "a", "b", " A ", "c", "A"]));
    assert_eq!(
        errors(&doc),
        vec![
            "genres[2]: \"b\" is already used by genres[0]",
            "genres[3]: \" A \" is already used by genres[1]",
            "genres[5]: \"A\" is already used by genres[1]",
        ]
    );
    // (serde_json's objects cannot hold a key twice: the text can.)
    let report = spoiler_card_check(r#"{"schema": 1, "title": "a", "title": "b"}"#);
    assert!(report
        .errors()
        .any(|p| p.to_string() == "title: appears twice in the same object"));
}

#[test]
fn id_is_a_slug() {
    assert_eq!(
        errors(&with(&["id"], json!("Has Spaces"))),
        vec!["id: use lowercase letters, digits and '-' only"]
    );
}

#[test]
fn timeline_must_be_in_order() {
    let doc = with(
        &["timeline"],
        json!([
            { "at_minute": 30, "title": "A", "text": "a" },
            { "at_minute": 20, "title": "B", "text": "b" }
        ]),
    );
    assert_eq!(errors(&doc), vec!["timeline[1].at_minute: 20 comes before the previous event (30); keep the timeline in film order"]);
}

#[test]
fn dates() {
    assert_eq!(
        errors(&with(&["updated"], json!("2024-13-01"))),
        vec!["updated: \"2024-13-01\" is not a date (use YYYY-MM-DD or an RFC 3339 date-time)"]
    );
    assert_eq!(
        parse_date("2024-02-29"),
        Some(Date {
            year: 2024,
            month: 2,
            day: 29
        })
    );
    assert_eq!(parse_date("2023-02-29"), None);
    assert_eq!(
        parse_date("2024-11-16T10:20:30Z"),
        Some(Date {
            year: 2024,
            month: 11,
            day: 16
        })
    );
    assert_eq!(
        parse_date("2024-11-16T10:20:30.5+01:00"),
        Some(Date {
            year: 2024,
            month: 11,
            day: 16
        })
    );
    assert_eq!(parse_date("2024-11-16T25:00:00Z"), None);
    assert_eq!(parse_date("2024-11-16 trailing"), None);
    assert_eq!(parse_date("16/11/2024"), None);
}

#[test]
fn unknown_fields_are_warnings_and_schema_key_is_allowed() {
    let mut doc = base();
    doc["$schema"] = json!("https://example.org/movie.schema.json");
    doc["rating"] = json!(5);
    doc["timeline"][0]["mood"] = json!("calm");
    assert_eq!(errors(&doc), Vec::<String>::new());
    assert_eq!(
        warnings(&doc),
        vec![
            "rating: unknown field, ignored",
            "timeline[0].mood: unknown field, ignored"
        ]
    );
    assert!(
        check(&doc).movie.is_some(),
        "a document with only warnings renders"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let mut doc = base();
    doc["title"] = json!("");
    doc["year"] = json!(1);
    doc["similar"][0]["url"] = json!("javascript:void(0)");
    doc["timeline"][1]["at_minute"] = json!(500);
    let errs = errors(&doc);
    assert_eq!(
        errs,
        vec![
            "title: must not be empty",
            "year: 1 is out of range for a year (1878 to 2100)",
            "timeline[1].at_minute: 500 is past the runtime (111)",
            "similar[0].url: only http and https links are allowed",
        ]
    );
    assert!(check(&doc).movie.is_none());
}

/// The document tests/browser.rs also reads through the browser path: both
/// must report exactly these problems.
#[test]
fn shared_fixture_reports_every_problem() {
    let text = std::fs::read_to_string("tests/fixtures/every-problem.json").unwrap();
    let expected = std::fs::read_to_string("tests/fixtures/every-problem.expected").unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(expected.len(), 4, "the fixture lists its problems");
    assert_eq!(errors(&serde_json::from_str(&text).unwrap()), expected);
}

#[test]
fn control_characters_are_rejected_with_a_reason() {
    assert_eq!(
        errors(&with(&["title"], json!("a\u{0}b"))),
        vec!["title: contains the control character U+0000"]
    );
    assert_eq!(
        errors(&with(&["synopsis"], json!("bell\u{7}"))),
        vec!["synopsis: contains the control character U+0007"]
    );
    assert!(errors(&with(&["synopsis"], json!("line one\nline two\ttabbed"))).is_empty());
    // DEL and the C1 controls (two bytes in UTF-8) too; their neighbours
    // (no-break space, Latin letters) are text.
    for (c, code) in [('\u{7f}', "007F"), ('\u{85}', "0085"), ('\u{9f}', "009F")] {
        assert_eq!(
            errors(&with(&["title"], json!(format!("x{c}y")))),
            vec![format!("title: contains the control character U+{code}")]
        );
    }
    assert!(errors(&with(&["title"], json!("\u{a0}é\u{100}\u{7e}ÿ"))).is_empty());
}

#[test]
fn lengths_count_characters_not_bytes() {
    let at_limit = "é".repeat(limits::SHORT_TEXT);
    assert!(errors(&with(&["title"], json!(at_limit))).is_empty());
    let over = "🎬".repeat(limits::SHORT_TEXT + 1);
    assert_eq!(
        errors(&with(&["title"], json!(over))),
        vec![title_too_long(limits::SHORT_TEXT + 1)]
    );
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</p><b>unbalanced",
    "\u{202E}RTL override\u{202C}",
    "\u{2066}isolate",
    "emoji 🎬🍿👩‍👩‍👧",
    "NUL \u{0} in the middle",
    "a very long word: Pneumonoultramicroscopicsilicovolcanoconiosis_Pneumonoultramicroscopicsilicovolcanoconiosis",
    "\u{FEFF}BOM and zero\u{200B}width",
    "\"quotes\" & 'apostrophes' <>",
];

/// Every text field, as a path to set.
const TEXT_FIELDS: &[&[&str]] = &[
    &["id"],
    &["title"],
    &["language"],
    &["directors", "0"],
    &["genres", "0"],
    &["synopsis"],
    &["spoilers", "summary", "0"],
    &["spoilers", "warning"],
    &["timeline", "0", "title"],
    &["timeline", "0", "text"],
    &["characters", "0", "name"],
    &["characters", "0", "actor"],
    &["characters", "0", "intro"],
    &["characters", "0", "arc", "text"],
    &["settings", "0", "name"],
    &["themes", "0", "description"],
    &["similar", "0", "title"],
    &["similar", "0", "reason"],
    &["similar", "0", "url"],
    &["more", "box_office"],
    &["more", "links", "0", "label"],
    &["more", "links", "0", "url"],
    &["updated"],
];

#[test]
fn hostile_strings_are_plain_text_or_clear_errors() {
    let huge = "x".repeat(1_000_000);
    for path in TEXT_FIELDS {
        for text in HOSTILE.iter().copied().chain([huge.as_str()]) {
            let report = check(&with(path, json!(text)));
            let errs: Vec<_> = report.errors().collect();
            match &report.movie {
                // Accepted: the text is kept exactly, as plain text.
                Some(_) => assert!(errs.is_empty()),
                None => {
                    assert!(!errs.is_empty());
                    let field = path
                        .iter()
                        .map(|k| {
                            if k.parse::<usize>().is_ok() {
                                format!("[{k}]")
                            } else {
                                format!(".{k}")
                            }
                        })
                        .collect::<String>();
                    let field = field.trim_start_matches('.');
                    assert!(
                        errs.iter()
                            .all(|p| p.path == field && !p.message.is_empty()),
                        "{field}: {errs:?}"
                    );
                }
            }
        }
    }
    // Markup in text fields is accepted and kept verbatim (the card never
    // renders it as HTML).
    let report = check(&with(&["synopsis"], json!("<img src=x onerror=alert(1)>")));
    assert_eq!(
        report.movie.unwrap().synopsis,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn problems_display_as_path_colon_reason() {
    let p = model::Problem {
        severity: Severity::Error,
        path: "a.b".into(),
        message: "bad".into(),
    };
    assert_eq!(p.to_string(), "a.b: bad");
}

fn arbitrary_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Json::String),
        prop_oneof![
            Just("javascript:x"),
            Just("https://e.org"),
            Just("1995"),
            Just("")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("title".to_owned()),
                        Just("at_minute".to_owned()),
                        Just("timeline".to_owned()),
                        Just("url".to_owned()),
                        Just("arc".to_owned()),
                        "[a-z_$]{1,10}"
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|entries| Json::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, max_shrink_time: 10_000, ..ProptestConfig::default() })]

    /// Any JSON at all: the validator never panics, and a movie comes back
    /// exactly when there are no errors.
    #[test]
    fn validator_never_panics(doc in arbitrary_json()) {
        let report = check(&doc);
        prop_assert_eq!(report.movie.is_some(), report.errors().next().is_none());
        for p in &report.problems {
            prop_assert!(!p.message.is_empty());
        }
    }

    /// Any title: rejected exactly when it is blank, too long or holds a
    /// control character other than line breaks and tabs (as `char`
    /// defines them), with the first such character named.
    #[test]
    fn text_checks_agree_with_char_definitions(title in any::<String>()) {
        let blank = title.trim().is_empty();
        let long = title.chars().count() > limits::SHORT_TEXT;
        let control = title.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'));
        let expected: Vec<String> = if blank {
            vec!["title: must not be empty".into()]
        } else if long {
            vec![title_too_long(title.chars().count())]
        } else if let Some(c) = control {
            vec![format!("title: contains the control character U+{:04X}", c as u32)]
        } else {
            vec![]
        };
        prop_assert_eq!(errors(&with(&["title"], json!(title))), expected);
    }

    /// Breaking one field of a valid movie with any JSON: never a panic,
    /// and every error names a path.
    #[test]
    fn mutated_movies_report_paths(field in 0..TEXT_FIELDS.len(), replacement in arbitrary_json()) {
        let report = check(&with(TEXT_FIELDS[field], replacement));
        for p in report.errors() {
            prop_assert!(!p.path.is_empty());
        }
    }
}

// ---- hardening: worst cases within the limits, stable item keys ----------

/// Counts comparisons, to show how much work finding duplicates takes.
#[derive(Debug)]
struct Counted<'a>(u32, &'a std::cell::Cell<u64>);

impl PartialEq for Counted<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Counted<'_> {}
impl PartialOrd for Counted<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Counted<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.1.set(self.1.get() + 1);
        self.0.cmp(&other.0)
    }
}

#[test]
fn finding_duplicates_takes_n_log_n_comparisons() {
    // Comparing every key with every earlier one (the old duplicate-key
    // check) made 2·10^10 comparisons for 200,000 keys and froze the page
    // for minutes. One sort makes about n·log2(n).
    let n = 200_000u32;
    let comparisons = std::cell::Cell::new(0);
    let items: Vec<Counted> = (0..n).map(|i| Counted(i % 150_000, &comparisons)).collect();
    let first = model::first_uses(&items);
    assert_eq!(first[150_000], Some(0));
    assert_eq!(first[149_999], None);
    assert_eq!(first.iter().filter(|f| f.is_some()).count(), 50_000);
    let log2 = f64::from(n).log2();
    assert!(
        (comparisons.get() as f64) < 3.0 * f64::from(n) * log2,
        "{} comparisons for {n} items",
        comparisons.get()
    );
}

/// `{"schema": 1, "k0": 0, "k1": 0, …}` with `keys` keys, as text.
fn many_keys(keys: usize, same: bool) -> String {
    let mut text = String::from("{\"schema\": 1");
    for i in 0..keys {
        let key = if same { 0 } else { i };
        text.push_str(&format!(",\"k{key}\":0"));
    }
    text.push('}');
    text
}

#[test]
fn an_object_of_200000_keys_is_validated_and_its_problems_are_capped() {
    // The document that froze the page: every key unknown (warnings), or
    // every key the same (errors). Both finish, list the first problems and
    // count the rest.
    let report = spoiler_card_check(&many_keys(200_000, false));
    assert_eq!(report.warning_count, 200_000);
    assert_eq!(report.warnings().count(), limits::PROBLEMS);
    // The required fields are missing: those errors come after 200,000
    // warnings in the document, and are all listed still.
    assert!(report.error_count > 0);
    assert_eq!(report.errors().count(), report.error_count);
    assert!(report.errors().any(|p| p.to_string() == "id: required"));
    assert_eq!(report.unlisted(), 200_000 - limits::PROBLEMS);
    let report = spoiler_card_check(&many_keys(200_000, true));
    assert_eq!(
        report.errors().nth(1).unwrap().to_string(),
        "k0: appears twice in the same object"
    );
    assert!(report.error_count >= 199_999);
}

#[test]
fn duplicate_genres_are_named_by_their_real_position() {
    // genres[1] is not text: the repeated "Drama" is genres[3], not [2].
    let doc = with(&["genres"], json!(["Drama", 7, "War", "drama"]));
    assert_eq!(
        errors(&doc),
        vec![
            "genres[1]: expected text, found a number",
            "genres[3]: \"drama\" is already used by genres[0]",
        ]
    );
    // The same for characters and topics: a broken item does not hide the
    // duplicates after it, nor shift their positions.
    let doc = with(
        &["characters"],
        json!([{ "name": "Ann", "intro": "x" }, { "intro": "no name" }, { "name": "ann", "intro": "y" }]),
    );
    assert_eq!(
        errors(&doc),
        vec![
            "characters[1].name: required",
            "characters[2].name: \"ann\" is already used by characters[0]",
        ]
    );
}

#[test]
fn events_and_characters_have_stable_keys() {
    let movie = check(&base()).movie.unwrap();
    let keys: Vec<String> = movie.timeline.iter().map(|e| e.key.to_string()).collect();
    assert!(
        keys.iter().all(|k| k.len() == 17 && k.starts_with('#')),
        "derived keys: {keys:?}"
    );
    // Inserting, removing or reordering other items keeps an item's key.
    let mut doc = base();
    doc["timeline"] = json!([
        { "at_minute": 0, "title": "Cold open", "text": "New first event." },
        { "at_minute": 0, "title": "Start", "text": "It starts." },
        { "at_minute": 30, "title": "Middle", "text": "It goes on." }
    ]);
    doc["characters"] = json!([
        { "name": "Bob", "intro": "Another person." },
        { "name": "Ann", "actor": "An Actor", "intro": "A person.", "arc": { "text": "She leaves.", "at_minute": 90 } }
    ]);
    let moved = check(&doc).movie.unwrap();
    assert_eq!(moved.timeline[1].key, movie.timeline[0].key);
    assert_eq!(moved.timeline[2].key, movie.timeline[1].key);
    assert!(!keys.contains(&moved.timeline[0].key.to_string()));
    assert_eq!(moved.characters[1].key, movie.characters[0].key);
    // A changed event or arc is a new spoiler: a new key.
    let edited = check(&with(
        &["timeline", "1", "text"],
        json!("It goes elsewhere."),
    ))
    .movie
    .unwrap();
    assert_ne!(edited.timeline[1].key, movie.timeline[1].key);
    // The author's id is the key, and survives edits.
    let doc = with(&["timeline", "1", "id"], json!("the-middle"));
    let mut doc2 = doc.clone();
    doc2["timeline"][1]["text"] = json!("Rewritten.");
    assert_eq!(&*check(&doc).movie.unwrap().timeline[1].key, "the-middle");
    assert_eq!(&*check(&doc2).movie.unwrap().timeline[1].key, "the-middle");
}

#[test]
fn item_ids_are_slugs_unique_in_their_list() {
    let mut doc = base();
    doc["timeline"][0]["id"] = json!("same");
    doc["timeline"][1]["id"] = json!("same");
    doc["characters"][0]["id"] = json!("Ann!");
    doc["characters"][1]["id"] = json!("same");
    assert_eq!(
        errors(&doc),
        vec![
            "timeline[1].id: \"same\" is already used by timeline[0]",
            "characters[0].id: use lowercase letters, digits and '-' only",
        ]
    );
    assert_eq!(
        errors(&with(&["timeline", "0", "id"], json!("x".repeat(101)))),
        vec!["timeline[0].id: 101 characters is too long (at most 100)"]
    );
    assert_eq!(
        warnings(&with(&["timeline", "0", "id"], json!("ok"))),
        Vec::<String>::new()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The hashed texts' duplicate finder agrees with the plain one.
    #[test]
    fn duplicate_texts_found_by_hash_are_the_duplicates(texts in prop::collection::vec("[ab]{0,3}", 0..60)) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        prop_assert_eq!(model::first_uses_of_texts(&texts), model::first_uses(&texts));
    }
}

#[test]
fn poster_paths_resolve_against_the_json_url_as_a_browser_would() {
    use spoiler_card::model::resolve_url;
    // (Dot segments stay: the browser removes them when it loads the image.)
    let cases = [
        (
            "https://e.org/movies/x.json",
            "poster.jpg",
            "https://e.org/movies/poster.jpg",
        ),
        (
            "https://e.org/movies/x.json",
            "../img/p.jpg",
            "https://e.org/movies/../img/p.jpg",
        ),
        (
            "https://e.org/movies/x.json?cache=1",
            "/p.jpg",
            "https://e.org/p.jpg",
        ),
        (
            "https://e.org/movies/x.json?cache=1#top",
            "?v=2",
            "https://e.org/movies/x.json?v=2",
        ),
        ("https://e.org", "p.jpg", "https://e.org/p.jpg"),
        ("https://e.org?q", "p.jpg", "https://e.org/p.jpg"),
        (
            "https://e.org/movies/x.json",
            "https://cdn.example/p.jpg",
            "https://cdn.example/p.jpg",
        ),
        ("/movies/x.json", "p.jpg", "/movies/p.jpg"),
        ("/movies/x.json", "/p.jpg", "/p.jpg"),
        ("movies/x.json", "p.jpg", "movies/p.jpg"),
        ("", "p.jpg", "p.jpg"),
        // A fragment keeps the base's query; a query replaces it.
        (
            "https://e.org/m/x.json?v=1#top",
            "#poster",
            "https://e.org/m/x.json?v=1#poster",
        ),
        // Protocol-relative: the path stays on the base's host.
        ("//cdn.example/m/x.json", "/p.jpg", "//cdn.example/p.jpg"),
        ("//cdn.example/m/x.json", "p.jpg", "//cdn.example/m/p.jpg"),
        ("//cdn.example", "p.jpg", "//cdn.example/p.jpg"),
        // A `://` in a relative base's query is no scheme; nor in an
        // absolute one's.
        ("/proxy?u=https://x.example/m.json", "p.jpg", "/p.jpg"),
        (
            "https://e.org/m/x.json?u=https://x.example/a/b",
            "p.jpg",
            "https://e.org/m/p.jpg",
        ),
    ];
    for (base, reference, expected) in cases {
        assert_eq!(
            resolve_url(base, reference).as_deref(),
            Some(expected),
            "{base} + {reference}"
        );
    }
    for bad in [
        "javascript:alert(1)",
        "//evil.example/p.jpg",
        "data:image/png,x",
        "p\\q.jpg",
    ] {
        assert_eq!(resolve_url("https://e.org/x.json", bad), None, "{bad}");
    }
    // Bases where no path can be resolved: other schemes, with or without
    // `//` (a `data:` src, a `javascript:` one given to the CLI).
    for base in [
        "ftp://e.org/x.json",
        "javascript:alert(1)//",
        "data:application/json,{}",
        "mailto:a@e.org",
    ] {
        assert_eq!(resolve_url(base, "p.jpg"), None, "{base}");
        assert_eq!(resolve_url(base, "/p.jpg"), None, "{base}");
    }
}
