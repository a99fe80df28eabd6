//! One message of a locale file: read and checked against the message it
//! replaces (its placeholders, its plural forms), and filled in.

use super::plural::Category;
use super::TEXT_BYTES;
use crate::value::Value;

/// One message: its `other` form, and the plural forms it has besides.
#[derive(Debug, Clone, Default)]
pub(super) struct Message {
    pub(super) other: Box<str>,
    pub(super) forms: Vec<(Category, Box<str>)>,
    /// Written with plural forms in English: a translation may give them.
    pub(super) plural: bool,
}

/// A locale file's text: a string, not blank, not too long.
pub(super) fn text_of<'v>(value: &'v Value) -> Result<&'v str, String> {
    match value {
        Value::String(text) if text.trim().is_empty() => Err("must not be blank".into()),
        Value::String(text) if text.len() > TEXT_BYTES => Err("must be at most 2000 bytes".into()),
        Value::String(text) => Ok(text),
        other => Err(format!("must be text, not {}", other.kind())),
    }
}

/// A message from a locale file, checked against the one it replaces
/// (`base`: English, or the shipped language under a strings file): text
/// for text, text or plural forms for a plural message, and no placeholder
/// that one lacks.
pub(super) fn message_of(value: &Value, base: &Message) -> Result<Message, String> {
    let mut message = Message {
        plural: base.plural,
        ..Message::default()
    };
    match value {
        // (English itself is read over empty messages, which take anything.)
        Value::Object(_) if !base.plural && !base.other.is_empty() => {
            return Err("must be text (this text has no plural forms)".into());
        }
        Value::Object(forms) => {
            message.plural = true;
            for (name, form) in forms {
                let category = Category::named(name).ok_or_else(|| {
                    format!("{name}: not a plural form (zero, one, two, few, many, other)")
                })?;
                let text = checked(form, base).map_err(|why| format!("{name}: {why}"))?;
                match category {
                    Category::Other => message.other = text,
                    category => message.forms.push((category, text)),
                }
            }
            if message.other.is_empty() {
                return Err("needs an \"other\" form".into());
            }
        }
        value => message.other = checked(value, base)?,
    }
    Ok(message)
}

/// A text of a message, with no placeholder the message it replaces lacks.
fn checked(value: &Value, base: &Message) -> Result<Box<str>, String> {
    let text = text_of(value)?;
    if !base.other.is_empty() {
        if let Some(name) =
            placeholders(text).find(|name| !placeholders(&base.other).any(|known| known == *name))
        {
            return Err(format!(
                "{{{name}}} is not a placeholder of this text (see assets/locales/en.json)"
            ));
        }
    }
    Ok(text.into())
}

/// The `{name}`s of a text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let open = rest.find('{')?;
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        rest = &after[close + 1..];
        Some(&after[..close])
    })
}

/// `text` with `{n}` replaced by `n` and each `{name}` of `args` by its
/// value (any other braces left as they are).
pub(super) fn fill(text: &str, n: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.split_once('}').and_then(|(name, tail)| {
            let value = match name {
                "n" => n,
                name => args.iter().find(|(known, _)| *known == name)?.1,
            };
            Some((value, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
