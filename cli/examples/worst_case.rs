//! The worst-case documents within the limits, and how long reading and
//! validating each takes natively (`make bench` runs this, then times the
//! same files in the browser).
//!
//! `cargo run --release -p spoiler-card-cli --example worst_case -- DIR`
//! writes each document to `DIR/<name>.json` and prints one JSON object:
//! per document, its size, and the medians (ms) of the card's reader
//! (`json::parse` + validation, as `load.rs` runs it in the browser), the
//! checker's (`check_text`: the same reader and validation, plus its
//! wording of "not JSON"), and serde_json parsing the same text into a
//! `serde_json::Value` (the native counterpart of `JSON.parse`).

use std::fmt::Write;
use std::time::Instant;

use spoiler_card::model::{self, limits};
use spoiler_card::{json, value};

/// Documents of every shape that could cost more than its size, each as
/// large as the limits allow: the most keys in one object, the longest
/// lists, the deepest nesting, the longest strings and numbers, the most
/// problems.
fn documents() -> Vec<(&'static str, &'static str, String)> {
    // Top-level values besides the filler: the object and `"schema": 1`.
    let room = value::MAX_VALUES - 2;
    let mut docs = Vec::new();
    let object = |entries: &mut dyn Iterator<Item = String>| {
        let mut text = String::from("{\"schema\":1");
        for entry in entries {
            text.push(',');
            text.push_str(&entry);
        }
        text.push('}');
        text
    };
    docs.push((
        "keys-unknown",
        "one object of 249,998 different unknown keys",
        object(&mut (0..room).map(|i| format!("\"k{i}\":0"))),
    ));
    docs.push((
        "keys-repeated",
        "one object of 249,998 keys, all the same",
        object(&mut (0..room).map(|_| "\"title\":0".to_owned())),
    ));
    docs.push((
        "keys-long",
        "2,000 keys of 2,500 characters, all the same",
        object(&mut (0..2000).map(|_| format!("\"{}\":0", "k".repeat(2500)))),
    ));
    docs.push((
        "event-keys",
        "one timeline event of 249,990 keys",
        format!(
            "{{\"schema\":1,\"timeline\":[{{{}}}]}}",
            (0..room - 8)
                .map(|i| format!("\"k{i}\":0"))
                .collect::<Vec<_>>()
                .join(",")
        ),
    ));
    docs.push((
        "list-long",
        "a list of 249,996 numbers",
        format!(
            "{{\"schema\":1,\"extra\":[{}]}}",
            vec!["0"; room - 2].join(",")
        ),
    ));
    docs.push((
        "timeline-long",
        "a timeline of 249,996 empty events",
        format!(
            "{{\"schema\":1,\"timeline\":[{}]}}",
            vec!["{}"; room - 2].join(",")
        ),
    ));
    docs.push((
        "movie-largest",
        "a valid movie of 5 MB: 5,000 events, 1,000 characters, 500 themes",
        largest_movie(),
    ));
    docs.push((
        "nesting",
        "7,500 lists nested 31 levels deep",
        format!(
            "{{\"schema\":1,\"extra\":[{}]}}",
            vec![format!("{}0{}", "[".repeat(30), "]".repeat(30)); 7500].join(",")
        ),
    ));
    let budget = limits::DOCUMENT_BYTES - 100;
    docs.push((
        "string-long",
        "a synopsis of 5 MB",
        format!("{{\"schema\":1,\"synopsis\":\"{}\"}}", "a".repeat(budget)),
    ));
    docs.push((
        "string-escapes",
        "a synopsis of 870,000 escapes",
        format!(
            "{{\"schema\":1,\"synopsis\":\"{}\"}}",
            "\\u00e9".repeat(budget / 6)
        ),
    ));
    docs.push((
        "number-long",
        "a number of 5 million digits",
        format!("{{\"schema\":1,\"year\":{}}}", "9".repeat(budget)),
    ));
    docs.push((
        "names-repeated",
        "1,000 characters and 500 themes, each list under one name",
        {
            let people = vec![r#"{"name":"Same","intro":"x"}"#; limits::CHARACTERS].join(",");
            let themes = vec![r#"{"name":"Same","description":"x"}"#; limits::TOPICS].join(",");
            format!("{{\"schema\":1,\"characters\":[{people}],\"themes\":[{themes}]}}")
        },
    ));
    docs.push((
        "problems-many",
        "5,000 events, each of three wrong fields",
        format!(
            "{{\"schema\":1,\"timeline\":[{}]}}",
            vec![r#"{"at_minute":"x","title":7,"text":null}"#; limits::TIMELINE].join(",")
        ),
    ));
    docs.push((
        "syntax-late",
        "4 MB of data, then a syntax error",
        format!(
            "{{\"schema\":1,\"extra\":[{}],}}",
            vec!["1"; 200_000].join(",")
        ),
    ));
    for (name, _, text) in &docs {
        assert!(
            text.len() <= limits::DOCUMENT_BYTES,
            "{name} is over the size limit"
        );
    }
    docs
}

/// A valid movie as large as the limits allow.
fn largest_movie() -> String {
    let text = |n: usize| "word ".repeat(n / 5);
    let mut out = String::from(
        r#"{"schema":1,"id":"largest","title":"Largest","year":2000,"runtime_minutes":1440,"language":"English","directors":["D"],"synopsis":"S","spoilers":{"summary":["P"]},"timeline":["#,
    );
    for i in 0..limits::TIMELINE {
        let _ = write!(
            out,
            "{}{{\"at_minute\":{},\"title\":\"Event {i}\",\"text\":\"{}\"}}",
            if i > 0 { "," } else { "" },
            i * 1440 / limits::TIMELINE,
            text(700)
        );
    }
    out.push_str("],\"characters\":[");
    for i in 0..limits::CHARACTERS {
        let _ = write!(
            out,
            "{}{{\"name\":\"Person {i}\",\"intro\":\"{}\",\"arc\":{{\"text\":\"{}\"}}}}",
            if i > 0 { "," } else { "" },
            text(400),
            text(300)
        );
    }
    out.push_str("],\"themes\":[");
    for i in 0..limits::TOPICS {
        let _ = write!(
            out,
            "{}{{\"name\":\"Theme {i}\",\"description\":\"{}\"}}",
            if i > 0 { "," } else { "" },
            text(100)
        );
    }
    out.push_str("]}");
    out
}

/// What the card does with a text (load.rs's `from_json_text`, without the
/// browser): the size check, the reader, validation. Its verdict: errors.
fn card_read(text: &str) -> usize {
    if text.len() > limits::DOCUMENT_BYTES {
        return 1;
    }
    match json::parse(text) {
        Ok(tree) => model::validate(&tree).error_count,
        Err(_) => 1,
    }
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2] * 100.0).round() / 100.0
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/worst".into());
    std::fs::create_dir_all(&dir).expect("the output folder");
    let runs = 7;
    let mut rows = Vec::new();
    for (name, what, text) in documents() {
        std::fs::write(format!("{dir}/{name}.json"), &text).expect("writing a document");
        let errors = card_read(&text);
        let card = median_ms(runs, || {
            std::hint::black_box(card_read(std::hint::black_box(&text)));
        });
        let checker = median_ms(runs, || {
            std::hint::black_box(spoiler_card_cli::check_text(std::hint::black_box(&text)));
        });
        let serde = median_ms(runs, || {
            let _ = std::hint::black_box(serde_json::from_str::<serde_json::Value>(
                std::hint::black_box(&text),
            ));
        });
        rows.push(format!(
            "{{\"name\":\"{name}\",\"what\":\"{what}\",\"bytes\":{},\"errors\":{errors},\"card_ms\":{card},\"checker_ms\":{checker},\"serde_json_ms\":{serde}}}",
            text.len()
        ));
        eprintln!("{name:16} {:>9} bytes  card {card:>8} ms  checker {checker:>8} ms  serde_json {serde:>8} ms", text.len());
    }
    println!("{{\"runs\":{runs},\"documents\":[{}]}}", rows.join(","));
}
