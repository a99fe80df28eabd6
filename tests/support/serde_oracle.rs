//! `serde_json`'s reading of a text as the card's [`Value`] tree: the
//! oracle that `tests/json.rs` and the fuzzer hold `json::parse` to. Keys
//! stay in document order and a key given twice stays twice, as in the
//! card's reader (`serde_json::Value` would sort and merge them). Test code
//! only: the card and the CLI read JSON with `json::parse` alone.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use spoiler_card::value::Value;

/// The tree serde_json reads from `text`, or its error (trailing text
/// included).
pub fn serde_tree(text: &str) -> Result<Value<'static>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let tree = AnyValue.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(tree)
}

struct AnyValue;

impl<'de> DeserializeSeed<'de> for AnyValue {
    type Value = Value<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnyValue {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Value::String(Cow::Owned(v.to_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(AnyValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            entries.push((Cow::Owned(key), map.next_value_seed(AnyValue)?));
        }
        Ok(Value::Object(entries))
    }
}
