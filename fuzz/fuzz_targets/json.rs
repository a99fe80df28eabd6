//! The card's JSON reader on any text: never a panic, and where it and
//! serde_json both read the text, the same tree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spoiler_card::value::Value;

#[path = "../../tests/support/serde_oracle.rs"]
mod serde_oracle;

/// Numbers equal, or within a few units in the last place (serde_json
/// rounds fractions its own way); everything else exactly equal.
fn same_tree(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y
                || (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
                || (x - y).abs() < 1e-300
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

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = spoiler_card::json::parse(text);
    let theirs = serde_oracle::serde_tree(text);
    // Where both read the text, they read the same tree (they differ only on
    // what one of them refuses: lone surrogates; and a number within a
    // unit of the 19th digit of the largest f64).
    if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
        assert!(
            same_tree(&ours, &theirs),
            "the readers disagree on {text:?}"
        );
    }
});
