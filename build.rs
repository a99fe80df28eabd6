//! Concatenates and minifies the card's CSS (assets/css/) into one
//! stylesheet, and names it by its content: `spoiler-card-<hash>.css`.
//! The CLI writes that file into the embed folder (`spoiler-card css`) and
//! links it from prerendered cards; the live cards load the same file.
//! Comments and layout whitespace cost bytes and nothing else.

use std::{env, fs, path::Path};

// RESERVED_HEIGHT_REM, shared with the card and embed.js.
include!("src/facts.rs");

// The card's JSON reader and writer, src/json/ (they use nothing but
// `crate::value`).
#[allow(dead_code, unused_imports)]
#[path = "src/json/mod.rs"]
mod json;
#[allow(dead_code)]
#[path = "src/value.rs"]
mod value;

/// Component stylesheets, in cascade order.
const SHEETS: &[&str] = &[
    "base",
    "header",
    "progress",
    "spoiler_gate",
    "tabs",
    "timeline",
    "characters",
    "similar",
    "error_box",
];

fn main() {
    println!("cargo:rerun-if-changed=src/facts.rs");
    let mut css = format!(":host{{--sc-reserve:{RESERVED_HEIGHT_REM}rem}}");
    for sheet in SHEETS {
        let path = format!("assets/css/{sheet}.css");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        css.push_str(&minify(&text));
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_owned();
    // 64-bit FNV-1a of the stylesheet: a new file name for every change, so
    // that an old prerendered page keeps the file it links. (Plain FNV-1a:
    // model::hash_text closes each part with 0xFF, so the two differ, and
    // the file names must stay what they were.)
    let hash = css.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    });
    println!("cargo:rustc-env=SPOILER_CARD_CSS_HASH={hash:016x}");
    fs::write(out.join("card.css"), &css).unwrap();
    // The built-in English, as the card carries it: without the whitespace
    // between tokens.
    println!("cargo:rerun-if-changed=assets/locales/en.json");
    println!("cargo:rerun-if-changed=src/json");
    println!("cargo:rerun-if-changed=src/value.rs");
    let english = fs::read_to_string("assets/locales/en.json").unwrap();
    fs::write(out.join("en.json"), compact_json(&english)).unwrap();
    fs::write(
        out.join("card-css-file.txt"),
        format!("spoiler-card-{hash:016x}.css"),
    )
    .unwrap();
}

/// Drops comments, collapses whitespace, and removes it around `{};,` and
/// after `:`.
/// Conservative on purpose: nothing inside a declaration value changes
/// except runs of whitespace.
fn minify(text: &str) -> String {
    let mut without_comments = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    // Inside a quoted string every space stays.
    let mut quote = None;
    for (i, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, ' ') => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let tight = |ch: Option<char>| matches!(ch, Some('{' | '}' | ';' | ','));
                // (After a `:`, never before: `a :hover` is not `a:hover`.)
                if tight(prev) || tight(next) || prev == Some(':') {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out.replace(";}", "}")
}

/// The locale file as the card carries it: without whitespace and without
/// its `"$…"` notes, which are for translators. Read and written by the
/// card's own JSON code, so that the build and the card read one way.
fn compact_json(text: &str) -> String {
    let mut tree = json::parse(text).unwrap_or_else(|e| panic!("assets/locales/en.json: {e:?}"));
    if let value::Value::Object(entries) = &mut tree {
        entries.retain(|(key, _)| !key.starts_with('$'));
    }
    let mut out = String::with_capacity(text.len());
    json::write(&mut out, &tree);
    out
}
