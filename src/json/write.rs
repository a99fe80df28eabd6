//! A [`Value`] tree back to JSON text: compact ([`write`]), for people
//! ([`write_pretty`]), and one string safe inside HTML ([`write_string`]).

use std::fmt::Write;

use crate::value::Value;

/// Writes `value` as JSON text without whitespace, keys in their order.
/// (Numbers as Rust writes an `f64`: the shortest digits that read back the
/// same, never an exponent; the reader never gives a non-finite one.)
pub fn write(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, item);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write(out, item);
            }
            out.push('}');
        }
    }
}

/// Writes `value` as JSON text for people to read and edit: two spaces a
/// level, one value a line, `[]` and `{}` when empty, text escaped only
/// where JSON must (quotes, backslashes, control characters).
pub fn write_pretty(out: &mut String, value: &Value) {
    write_pretty_at(out, value, 0);
}

fn write_pretty_at(out: &mut String, value: &Value, depth: usize) {
    let line = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    match value {
        Value::String(text) => string_into(out, text, false),
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                line(out, depth + 1);
                write_pretty_at(out, item, depth + 1);
            }
            line(out, depth);
            out.push(']');
        }
        Value::Object(entries) if !entries.is_empty() => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                line(out, depth + 1);
                string_into(out, key, false);
                out.push_str(": ");
                write_pretty_at(out, item, depth + 1);
            }
            line(out, depth);
            out.push('}');
        }
        other => write(out, other),
    }
}

/// Writes `text` as a JSON string literal, with `<`, `>` and `&` escaped
/// too, so that it is safe inside an HTML `<script>` (prerendered JSON-LD).
pub fn write_string(out: &mut String, text: &str) {
    string_into(out, text, true);
}

/// `text` as a JSON string literal: escaped where JSON must, and with
/// `html_safe` also where an HTML `<script>` would read it (`<`, `>`, `&`,
/// and the line separators old JavaScript refuses).
fn string_into(out: &mut String, text: &str, html_safe: bool) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' if html_safe => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
