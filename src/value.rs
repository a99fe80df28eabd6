//! A generic JSON value tree, read from JSON text by [`crate::json::parse`]
//! (the card and the CLI), and from `serde_json` by [`read_document`] for
//! tests, where serde_json is the oracle: a property test and the fuzzer
//! check that both give the same tree.
//!
//! Validation walks this tree instead of deserialising straight into the
//! typed model: serde stops at the first error, and we want every problem
//! with its path, worded identically in the checker and in the card.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Deepest nesting accepted. Real movie files nest four levels; the limit
/// keeps a hostile document from exhausting the (small) wasm stack.
pub const MAX_DEPTH: usize = 32;
/// Most values (strings, numbers, objects, …) in one document.
pub const MAX_VALUES: usize = 250_000;

/// One JSON value. Objects keep their keys in document order. Text may
/// borrow from the document it was read from (`'t`): the browser's reader
/// copies only what the movie keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number; JSON has one number type.
    Number(f64),
    /// A string.
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Value<'t>>),
    /// An object, keys in document order (duplicates kept: validation
    /// reports them).
    Object(Vec<(Cow<'t, str>, Value<'t>)>),
}

impl<'t> Value<'t> {
    /// Plain-language name of this value's type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

/// Reads a whole document: resets the value counter first.
pub fn read_document<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Value<'static>, D::Error> {
    COUNT.with(|c| c.set(0));
    DEPTH.with(|d| d.set(0));
    let result = Value::deserialize(deserializer);
    DEPTH.with(|d| d.set(0));
    result
}

/// Why a document over [`MAX_VALUES`] is refused (both readers).
pub fn too_many_values() -> String {
    format!("the document has more than {MAX_VALUES} values; it is too large")
}

/// Why a document nesting past [`MAX_DEPTH`] is refused (both readers).
pub fn too_deep() -> String {
    format!("the document nests deeper than {MAX_DEPTH} levels")
}

fn count_one<E: de::Error>() -> Result<(), E> {
    COUNT.with(|c| {
        let n = c.get() + 1;
        c.set(n);
        if n > MAX_VALUES {
            Err(E::custom(too_many_values()))
        } else {
            Ok(())
        }
    })
}

struct Nested;

impl Nested {
    fn enter<E: de::Error>() -> Result<Nested, E> {
        DEPTH.with(|d| {
            let n = d.get() + 1;
            d.set(n);
            if n > MAX_DEPTH {
                d.set(n - 1);
                Err(E::custom(too_deep()))
            } else {
                Ok(Nested)
            }
        })
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value<'static>, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::String(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value<'static>, E> {
        count_one()?;
        Ok(Value::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'static>, A::Error> {
        count_one()?;
        let _nested = Nested::enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value<'static>>()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'static>, A::Error> {
        count_one()?;
        let _nested = Nested::enter()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value::<Value<'static>>()?;
            entries.push((Cow::Owned(key), value));
        }
        Ok(Value::Object(entries))
    }
}

/// Reads an object key. Our own visitor rather than `String`'s: serde's
/// default error paths format floats, which costs the wasm ~15 KB.
struct KeySeed;

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<String, E> {
        Err(E::custom("object keys must be text"))
    }
}

impl<'de> Deserialize<'de> for Value<'static> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value<'static>, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}
