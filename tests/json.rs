//! Native tests of the card's JSON reader (`json::parse`): it reads what
//! `serde_json` reads into the same tree, refuses what is not JSON with a
//! position, and keeps the document limits.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use spoiler_card::json::{parse, ParseError};
use spoiler_card::model;
use spoiler_card::value::{self, Value};

#[path = "support/serde_oracle.rs"]
mod serde_oracle;

/// The tree serde_json reads from `text` (it reads every text the tests
/// give it).
fn serde_tree(text: &str) -> Value<'static> {
    serde_oracle::serde_tree(text).unwrap()
}

fn syntax(text: &str) -> String {
    match parse(text) {
        Err(ParseError::Syntax(message)) => message,
        other => panic!("expected a syntax error for {text:?}, got {other:?}"),
    }
}

#[test]
fn examples_read_the_same_as_serde_json() {
    for path in [
        "assets/movies/leaving-las-vegas.json",
        "assets/movies/the-sixth-sense.json",
        "tests/fixtures/every-problem.json",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(parse(&text).unwrap(), serde_tree(&text), "{path}");
    }
}

#[test]
fn shared_fixture_reports_the_same_problems_through_this_reader() {
    let text = std::fs::read_to_string("tests/fixtures/every-problem.json").unwrap();
    let expected = std::fs::read_to_string("tests/fixtures/every-problem.expected").unwrap();
    let report = model::validate(&parse(&text).unwrap());
    let got: Vec<String> = report.errors().map(|p| p.to_string()).collect();
    assert_eq!(got, expected.lines().collect::<Vec<_>>());
}

#[test]
fn scalars_and_whitespace() {
    assert_eq!(parse(" \t\r\n null \n").unwrap(), Value::Null);
    assert_eq!(parse("true").unwrap(), Value::Bool(true));
    assert_eq!(parse("false").unwrap(), Value::Bool(false));
    assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    assert_eq!(parse("{ }").unwrap(), Value::Object(vec![]));
    assert_eq!(
        parse(r#"{"a": [1, {"b": null}], "a": "x"}"#).unwrap(),
        Value::Object(vec![
            (
                "a".into(),
                Value::Array(vec![
                    Value::Number(1.0),
                    Value::Object(vec![("b".into(), Value::Null)])
                ])
            ),
            // Duplicate keys are kept, in order: validation reports them.
            ("a".into(), Value::String("x".into())),
        ])
    );
}

#[test]
fn numbers_are_exact_where_validation_needs_them() {
    let number = |text: &str| match parse(text).unwrap() {
        Value::Number(n) => n,
        other => panic!("{other:?}"),
    };
    assert_eq!(number("0"), 0.0);
    assert_eq!(number("-0"), 0.0);
    assert_eq!(number("1995"), 1995.0);
    assert_eq!(number("-17"), -17.0);
    assert_eq!(number("1.0"), 1.0);
    assert_eq!(number("1.5e1"), 15.0);
    assert_eq!(number("100e-2"), 1.0);
    assert_eq!(number("2E3"), 2000.0);
    assert_eq!(number("9007199254740993"), 9007199254740992.0);
    assert_eq!(number("0.5"), 0.5);
    assert_eq!(number("0.05"), 0.05);
    assert_eq!(number("1e-1"), 0.1);
    assert_ne!(number("45.5").fract(), 0.0);
    assert_ne!(number("1.0000001").fract(), 0.0);
    // The largest f64 reads (JSON.stringify writes Number.MAX_VALUE so), and
    // so does what still rounds to it; past that, an error, as in serde_json
    // (not an infinity).
    let near_max = number("1.797693134862315e308");
    assert!(
        (near_max / 1.797693134862315e308 - 1.0).abs() < 1e-15,
        "{near_max}"
    );
    // (serde_json reads the first as f64::MAX; the second still rounds to
    // it, though serde_json's own fast parsing refuses it.)
    assert_eq!(
        serde_json::from_str::<f64>("1.7976931348623157e308").unwrap(),
        f64::MAX
    );
    for text in ["1.7976931348623157e308", "17976931348623158e292"] {
        assert_eq!(number(text), f64::MAX, "{text}");
    }
    assert_eq!(number("-1.7976931348623157e308"), -f64::MAX);
    assert!(number("1e308").is_finite());
    for text in ["1.7976931348623159e308", "2e308", "1e309"] {
        assert!(
            serde_json::from_str::<f64>(text).is_err(),
            "{text}: serde_json refuses it"
        );
        assert!(parse(text).is_err(), "{text}");
    }
    for text in ["1e400", "-1e400", &"9".repeat(400)] {
        let err = parse(text).expect_err(text);
        assert!(
            matches!(&err, ParseError::Syntax(m) if m.starts_with("number out of range at line 1, column")),
            "{text}: {err:?}"
        );
    }
    assert_eq!(number("0e999"), 0.0);
    assert_eq!(number("1e-400"), 0.0);
    // Past 19 digits, the rest scales the value instead of being kept.
    assert_eq!(
        number("123456789012345678901234567890"),
        1.2345678901234568e29
    );
}

#[test]
fn text_without_escapes_borrows_from_the_document() {
    let document = r#"{"title": "plain", "text": "a\nb"}"#;
    let Value::Object(entries) = parse(document).unwrap() else {
        panic!("object")
    };
    assert!(matches!(entries[0].0, std::borrow::Cow::Borrowed("title")));
    assert!(matches!(
        entries[0].1,
        Value::String(std::borrow::Cow::Borrowed("plain"))
    ));
    assert_eq!(entries[1].1, Value::String("a\nb".into()));
}

#[test]
fn strings_and_escapes() {
    let text = |json: &str| match parse(json).unwrap() {
        Value::String(s) => s.into_owned(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(r#""plain""#), "plain");
    assert_eq!(
        text(r#""a\"b\\c\/d\b\f\n\r\t""#),
        "a\"b\\c/d\u{8}\u{c}\n\r\t"
    );
    assert_eq!(text(r#""\u00e9t\u00C9""#), "étÉ");
    assert_eq!(text(r#""\ud83c\udfac""#), "🎬");
    assert_eq!(text("\"caf\u{e9} \u{1f3ac}\""), "café 🎬");
    // Lone surrogates become U+FFFD, as the browser's text encoding does.
    assert_eq!(text(r#""\ud83c""#), "\u{fffd}");
    assert_eq!(text(r#""\udfac x""#), "\u{fffd} x");
    assert_eq!(text(r#""\ud83c\u0041""#), "\u{fffd}A");
}

#[test]
fn syntax_errors_say_what_and_where() {
    assert_eq!(
        syntax("{ \"schema\": 1,, }"),
        "expected a key in double quotes at line 1, column 15"
    );
    assert_eq!(
        syntax("{\n  \"a\": 1\n  \"b\": 2\n}"),
        "expected ',' or '}' at line 3, column 3"
    );
    assert_eq!(
        syntax("[1, 2"),
        "expected ',' or ']': the text ends too early (line 1, column 6)"
    );
    assert_eq!(
        syntax("{\"é\" 1}"),
        "expected ':' after the key at line 1, column 6"
    );
    assert_eq!(
        syntax(""),
        "expected a value: the text ends too early (line 1, column 1)"
    );
    assert_eq!(syntax("[tru]"), "expected a value at line 1, column 2");
    assert_eq!(
        syntax("{} x"),
        "unexpected text after the end of the data at line 1, column 4"
    );
    assert_eq!(
        syntax("01"),
        "unexpected text after the end of the data at line 1, column 2"
    );
    assert_eq!(
        syntax("1."),
        "expected a digit after the decimal point: the text ends too early (line 1, column 3)"
    );
    assert_eq!(
        syntax("-"),
        "expected a digit: the text ends too early (line 1, column 2)"
    );
    assert_eq!(
        syntax("1e+"),
        "expected a digit in the exponent: the text ends too early (line 1, column 4)"
    );
    assert_eq!(
        syntax("\"a\u{1}b\""),
        "a control character must be escaped in text at line 1, column 3"
    );
    assert_eq!(
        syntax(r#""\x""#),
        "unknown escape in text at line 1, column 3"
    );
    assert_eq!(
        syntax(r#""\u12g4""#),
        "expected four hex digits after \\u at line 1, column 6"
    );
    assert_eq!(
        syntax("\"open"),
        "unterminated text: the text ends too early (line 1, column 6)"
    );
    assert_eq!(
        syntax("{'a': 1}"),
        "expected a key in double quotes at line 1, column 2"
    );
    assert_eq!(syntax("\u{feff}{}"), "expected a value at line 1, column 1");
    assert_eq!(syntax("NaN"), "expected a value at line 1, column 1");
}

#[test]
fn depth_and_size_limits() {
    let deep = |levels: usize| "[".repeat(levels) + &"]".repeat(levels);
    assert!(parse(&deep(value::MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&deep(value::MAX_DEPTH + 1)),
        Err(ParseError::Limit(value::too_deep()))
    );
    // A hostile depth far past the limit stops at the limit: no stack
    // overflow.
    assert_eq!(
        parse(&deep(100_000)),
        Err(ParseError::Limit(value::too_deep()))
    );
    let many = |n: usize| format!("[{}]", vec!["0"; n].join(","));
    assert!(parse(&many(value::MAX_VALUES - 1)).is_ok());
    assert_eq!(
        parse(&many(value::MAX_VALUES)),
        Err(ParseError::Limit(value::too_many_values()))
    );
}

/// Any JSON document, as serde_json writes it (compact and pretty).
fn arbitrary_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1_000_000i64..1_000_000, 0u32..8)
            .prop_map(|(m, places)| json!(m as f64 / 10f64.powi(places as i32))),
        any::<String>().prop_map(Json::String),
        "[\"\\\\\\n\\t\\u{1}-\\u{1f}é🎬]{0,12}".prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|entries| Json::Object(entries.into_iter().collect())),
        ]
    })
}

/// Numbers equal, or (for fractions serde_json rounds its own way) within
/// a few units in the last place; everything else exactly equal.
fn same_tree(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y || (x.fract() != 0.0 && ((x - y) / y).abs() < 1e-15)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_tree(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same_tree(v1, v2))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, max_shrink_time: 10_000, ..ProptestConfig::default() })]

    /// Whatever serde_json writes, this reader reads into the tree
    /// serde_json reads: the card's reader held to a well-tried one.
    #[test]
    fn reads_what_serde_json_writes(doc in arbitrary_json()) {
        for text in [serde_json::to_string(&doc).unwrap(), serde_json::to_string_pretty(&doc).unwrap()] {
            let ours = parse(&text).unwrap();
            let theirs = serde_tree(&text);
            prop_assert!(same_tree(&ours, &theirs), "{text}\nours {ours:?}\ntheirs {theirs:?}");
        }
    }

    /// `write` gives text that reads back as the same tree, without
    /// whitespace, and a second pass changes nothing.
    #[test]
    fn writes_what_it_reads(doc in arbitrary_json()) {
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let tree = parse(&text).unwrap();
        let mut written = String::new();
        spoiler_card::json::write(&mut written, &tree);
        let again = parse(&written).unwrap();
        prop_assert!(same_tree(&again, &tree), "{written}");
        let mut twice = String::new();
        spoiler_card::json::write(&mut twice, &again);
        prop_assert_eq!(&twice, &written);
        prop_assert!(!written.contains(['\n', '<']), "{}", written);
    }

    /// Any text at all: an answer, never a panic; and what serde_json
    /// refuses, this reader refuses too.
    #[test]
    fn never_panics_and_refuses_what_serde_json_refuses(text in ".{0,40}", cut in 0usize..60, doc in arbitrary_json()) {
        let _ = parse(&text);
        let written = serde_json::to_string(&doc).unwrap();
        let cut = written.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(written.len());
        let truncated = &written[..cut];
        let serde_ok = serde_json::from_str::<Json>(truncated).is_ok();
        prop_assert_eq!(parse(truncated).is_ok(), serde_ok, "{}", truncated);
    }
}
