//! The JSON Schema for editors (`assets/schema/movie.schema.json`),
//! generated from the shape table (`fields`) that the validator reads: the
//! fields, their presence and limits come from one place. The patterns
//! below spell the validator's text and URL rules in JSON Schema's regular
//! expressions (the e2e schema test runs both on the same documents; the
//! calendar and the order of the timeline, for example, are the
//! validator's alone). Native only: `spoiler-card schema` prints it, and
//! `tests/schema.rs` checks the committed file against it.

use super::fields::{FieldDef, Presence, Rule, Shape, MOVIE};
use super::{limits, SCHEMA_VERSION};
use crate::json::write_string;

/// Where the schema says it lives, for editors that resolve `$schema`.
use super::SCHEMA_ID as ID;

/// Rust's whitespace (`char::is_whitespace`, which `trim` and the URL
/// rules use), spelled out: JSON Schema's `\s` is JavaScript's, which also
/// holds U+FEFF.
macro_rules! whitespace {
    () => {
        r"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
    };
}
/// What no URL may hold (`has_reinterpreted_chars`): whitespace, control
/// characters, backslashes.
macro_rules! not_in_url {
    () => {
        concat!(whitespace!(), r"\u0000-\u001F\u007F-\u009F\\")
    };
}
/// `Checker::text`: something besides whitespace, and no control character
/// but tab and line breaks.
const TEXT: &str = concat!(
    r"^(?=[\s\S]*[^",
    whitespace!(),
    r"])[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"
);
const SLUG: &str = "^[a-z0-9-]+$";
/// `is_http_url`: http or https (any case), a host, nothing a URL may not
/// hold.
const HTTP_URL: &str = concat!(
    r"^[Hh][Tt][Tt][Pp][Ss]?://[^",
    not_in_url!(),
    r"/?#]+[^",
    not_in_url!(),
    r"]*$"
);
/// An image (`is_http_url`, or `is_plain_relative`: no scheme, not `//`).
const IMAGE_URL: &str = concat!(
    r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^",
    not_in_url!(),
    r"/?#]+[^",
    not_in_url!(),
    r"]*|(?!//)(?![^:/?#]*:)[^",
    not_in_url!(),
    r"]+)$"
);
/// `parse_date`'s forms (it checks the calendar too).
const DATE: &str =
    "^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2}))?$";

/// A JSON value being built, in the order it is printed.
enum Json {
    Object(Vec<(&'static str, Json)>),
    List(Vec<Json>),
    Text(String),
    Number(i64),
    Bool(bool),
}

fn text(s: &str) -> Json {
    Json::Text(s.to_owned())
}

/// The JSON Schema (draft 2020-12) of a movie document, as pretty-printed
/// JSON text ending in a newline.
pub fn json_schema() -> String {
    let mut schema = vec![
        (
            "$schema",
            text("https://json-schema.org/draft/2020-12/schema"),
        ),
        ("$id", text(ID)),
        (
            "title",
            Json::Text(format!(
                "spoiler-card movie, schema version {SCHEMA_VERSION}"
            )),
        ),
    ];
    schema.extend(object(&MOVIE, MOVIE.about));
    let mut out = String::new();
    print(&mut out, &Json::Object(schema), 0);
    out.push('\n');
    out
}

fn object(shape: &Shape, about: &'static str) -> Vec<(&'static str, Json)> {
    let mut schema = vec![("type", text("object"))];
    if !about.is_empty() {
        schema.push(("description", text(about)));
    }
    let required: Vec<Json> = shape
        .fields
        .iter()
        .filter(|f| f.presence == Presence::Required)
        .map(|f| text(f.key))
        .collect();
    if !required.is_empty() {
        schema.push(("required", Json::List(required)));
    }
    // Unknown fields are warnings in the card, so that newer data renders.
    schema.push(("additionalProperties", Json::Bool(true)));
    let properties = shape.fields.iter().map(|f| (f.key, field(f))).collect();
    schema.push(("properties", Json::Object(properties)));
    schema
}

fn field(def: &FieldDef) -> Json {
    if let Rule::Object(shape) = def.rule {
        // The field's description, else the shape's.
        let about = if def.about.is_empty() {
            shape.about
        } else {
            def.about
        };
        return Json::Object(nullable(def, object(shape, about)));
    }
    let mut schema = rule(def.rule, def.presence);
    if !def.about.is_empty() {
        schema.push(("description", text(def.about)));
    }
    Json::Object(nullable(def, schema))
}

/// An optional field may be `null` too (the card reads it as absent); the
/// `$schema` URL may not (the card says so).
fn nullable(def: &FieldDef, mut schema: Vec<(&'static str, Json)>) -> Vec<(&'static str, Json)> {
    if def.presence == Presence::Optional && !matches!(def.rule, Rule::AnyText) {
        for (key, value) in &mut schema {
            if let (&mut "type", Json::Text(kind)) = (key, &*value) {
                *value = Json::List(vec![text(kind), text("null")]);
            }
        }
    }
    schema
}

fn rule(rule: Rule, presence: Presence) -> Vec<(&'static str, Json)> {
    let string = |max: usize, pattern: &str| {
        vec![
            ("type", text("string")),
            ("minLength", Json::Number(1)),
            ("maxLength", Json::Number(max as i64)),
            ("pattern", text(pattern)),
        ]
    };
    let integer = |min: i64, max: i64| {
        vec![
            ("type", text("integer")),
            ("minimum", Json::Number(min)),
            ("maximum", Json::Number(max)),
        ]
    };
    let list = |max: usize, items: Json| {
        let mut schema = vec![("type", text("array"))];
        if presence == Presence::Required {
            schema.push(("minItems", Json::Number(1)));
        }
        schema.push(("maxItems", Json::Number(max as i64)));
        schema.push(("items", items));
        schema
    };
    match rule {
        Rule::Version => vec![("const", Json::Number(SCHEMA_VERSION.into()))],
        Rule::AnyText => vec![("type", text("string"))],
        Rule::Text(max) => string(max.into(), TEXT),
        Rule::Slug => string(limits::ID, SLUG),
        Rule::Integer(whole) => integer(whole.min, whole.max),
        Rule::Minute => integer(0, limits::RUNTIME_MAX),
        Rule::Texts { items, chars } => {
            list(items.into(), Json::Object(string(chars.into(), TEXT)))
        }
        Rule::HttpUrl => string(limits::URL, HTTP_URL),
        Rule::ImageUrl => string(limits::URL, IMAGE_URL),
        Rule::Date => string(limits::DATE_TEXT, DATE),
        Rule::Object(shape) => object(shape, shape.about),
        Rule::List { items, of } => list(items.into(), Json::Object(object(of, of.about))),
    }
}

/// Two spaces per level; a list of plain values stays on one line.
fn print(out: &mut String, value: &Json, depth: usize) {
    let indent = |out: &mut String, depth: usize| out.push_str(&"  ".repeat(depth));
    match value {
        Json::Object(fields) => {
            out.push_str("{\n");
            for (i, (key, value)) in fields.iter().enumerate() {
                indent(out, depth + 1);
                write_string(out, key);
                out.push_str(": ");
                print(out, value, depth + 1);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        Json::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                print(out, item, depth);
            }
            out.push(']');
        }
        Json::Text(s) => write_string(out, s),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
    }
}
