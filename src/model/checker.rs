//! The walker over a document's [`Value`] tree: problems with their paths,
//! and the readers of one value (text, integer, list, URL, date) that the
//! [`ObjectReader`](super::object_reader::ObjectReader) applies to fields.

use std::borrow::Cow;
use std::fmt;

use super::fields::Shape;
use super::keys::first_uses_of_texts;
use super::object_reader::Named;
use super::urls::{is_http_url, is_plain_relative};
use super::{limits, parse_date, Date, Problem, Severity};
use crate::value::Value;

pub(super) type Entries<'a> = [(Cow<'a, str>, Value<'a>)];

/// Where a value sits in the document. Built into text (`timeline[3].title`)
/// only when a problem is reported: a valid 1,000-event movie formats no
/// path at all.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    /// The document itself.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(super) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub(super) fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

pub(super) const ROOT: Path<'static> = Path::Root;

#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    pub(super) errors: usize,
    pub(super) warnings: usize,
}

/// A field of an object being read: its path and its value if present.
pub(super) struct Field<'a> {
    pub(super) path: Path<'a>,
    pub(super) value: Option<&'a Value<'a>>,
}

impl Checker {
    /// Counts a problem, and lists it while its kind has room. (A problem
    /// with a fixed message that is only counted allocates nothing: a
    /// document of 250,000 unknown fields makes 250,000 of them.)
    pub(super) fn report(&mut self, severity: Severity, path: &Path, message: Cow<'static, str>) {
        let count = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        *count += 1;
        if *count <= limits::PROBLEMS {
            self.problems.push(Problem {
                severity,
                path: path.to_string(),
                message: message.into_owned(),
            });
        }
    }

    pub(super) fn error(&mut self, path: &Path, message: impl Into<Cow<'static, str>>) {
        self.report(Severity::Error, path, message.into());
    }

    pub(super) fn warn(&mut self, path: &Path, message: &'static str) {
        self.report(Severity::Warning, path, Cow::Borrowed(message));
    }

    /// Reads an object, warning about keys its shape does not list and
    /// erroring on duplicate keys.
    pub(super) fn object<'a>(
        &mut self,
        value: &'a Value<'a>,
        path: &Path,
        shape: &'static Shape,
    ) -> Option<&'a Entries<'a>> {
        let Value::Object(entries) = value else {
            self.error(path, format!("expected an object, found {}", value.kind()));
            return None;
        };
        // A movie's own objects have a few keys: comparing each with the
        // earlier ones is quickest there. Past that, one sort.
        let sorted = (entries.len() > 16).then(|| {
            let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
            first_uses_of_texts(&keys)
        });
        for (i, (key, _)) in entries.iter().enumerate() {
            let repeated = match &sorted {
                Some(first_uses) => first_uses[i].is_some(),
                None => entries[..i].iter().any(|(k, _)| k == key),
            };
            if repeated {
                self.error(&path.key(key), "appears twice in the same object");
            } else if shape.get(key).is_none() {
                self.warn(&path.key(key), "unknown field, ignored");
            }
        }
        Some(entries)
    }

    pub(super) fn field<'a>(
        &self,
        entries: &'a Entries<'a>,
        path: &'a Path<'a>,
        key: &'a str,
    ) -> Field<'a> {
        Field {
            path: path.key(key),
            value: entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        }
    }

    pub(super) fn required<'a>(&mut self, field: &Field<'a>) -> Option<&'a Value<'a>> {
        match field.value {
            None | Some(Value::Null) => {
                self.error(&field.path, "required");
                None
            }
            Some(v) => Some(v),
        }
    }

    pub(super) fn text(&mut self, value: &Value<'_>, path: &Path, max: usize) -> Option<String> {
        let Value::String(s) = value else {
            self.error(path, format!("expected text, found {}", value.kind()));
            return None;
        };
        if s.trim().is_empty() {
            self.error(path, "must not be empty");
            return None;
        }
        // One pass over the bytes (not chars: decoding each character cost
        // most of the validation of a long timeline): count the characters
        // and look for a control character.
        let bytes = s.as_bytes();
        let mut chars = 0;
        let mut control = None;
        for (i, &b) in bytes.iter().enumerate() {
            chars += usize::from(b & 0xC0 != 0x80);
            // C0 controls and DEL are one byte; C1 controls (U+0080-U+009F)
            // are 0xC2 followed by 0x80-0x9F.
            let is_control = (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r'))
                || b == 0x7F
                || (b == 0xC2 && matches!(bytes.get(i + 1), Some(0x80..=0x9F)));
            if is_control && control.is_none() {
                control = s[i..].chars().next();
            }
        }
        if chars > max {
            self.error(
                path,
                format!("{chars} characters is too long (at most {max})"),
            );
            return None;
        }
        if let Some(c) = control {
            self.error(
                path,
                format!("contains the control character U+{:04X}", c as u32),
            );
            return None;
        }
        Some(s.to_string())
    }

    pub(super) fn integer(
        &mut self,
        value: &Value<'_>,
        path: &Path,
        min: i64,
        max: i64,
        what: &str,
    ) -> Option<i64> {
        let Value::Number(n) = *value else {
            self.error(
                path,
                format!("expected a whole number, found {}", value.kind()),
            );
            return None;
        };
        // Numbers are printed as integers only: float formatting would cost
        // the wasm bundle ~15 KB for one rare message.
        if n.fract() != 0.0 || !n.is_finite() {
            self.error(path, "must be a whole number, not a fraction");
            return None;
        }
        if n < min as f64 || n > max as f64 {
            let shown = whole(n);
            self.error(
                path,
                format!("{shown} is out of range for {what} ({min} to {max})"),
            );
            return None;
        }
        Some(n as i64)
    }

    pub(super) fn list<'a>(
        &mut self,
        value: &'a Value<'a>,
        path: &Path,
        max: usize,
    ) -> Option<&'a [Value<'a>]> {
        let Value::Array(items) = value else {
            self.error(path, format!("expected a list, found {}", value.kind()));
            return None;
        };
        if items.len() > max {
            self.error(
                path,
                format!("{} items is too many (at most {max})", items.len()),
            );
            return None;
        }
        Some(items)
    }

    pub(super) fn http_url(&mut self, value: &Value<'_>, path: &Path) -> Option<String> {
        let url = self.text(value, path, limits::URL)?;
        if is_http_url(&url) {
            Some(url)
        } else {
            self.error(path, "only http and https links are allowed");
            None
        }
    }

    /// An image: an http(s) URL or a path relative to the JSON file.
    pub(super) fn image_url(&mut self, value: &Value<'_>, path: &Path) -> Option<String> {
        let src = self.text(value, path, limits::URL)?;
        if is_http_url(&src) || is_plain_relative(&src) {
            Some(src)
        } else {
            self.error(
                path,
                "use an http(s) URL or a path relative to the JSON file",
            );
            None
        }
    }

    /// Text of lowercase letters, digits and `-` (ids).
    pub(super) fn slug(&mut self, value: &Value<'_>, path: &Path) -> Option<String> {
        let id = self.text(value, path, limits::ID)?;
        if id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            Some(id)
        } else {
            self.error(path, "use lowercase letters, digits and '-' only");
            None
        }
    }

    pub(super) fn minute(
        &mut self,
        value: &Value<'_>,
        path: &Path,
        runtime: Option<u16>,
    ) -> Option<u16> {
        let minute = self.integer(value, path, 0, limits::RUNTIME_MAX, "a minute")? as u16;
        if let Some(runtime) = runtime {
            if minute > runtime {
                self.error(path, format!("{minute} is past the runtime ({runtime})"));
                return None;
            }
        }
        Some(minute)
    }

    pub(super) fn date(&mut self, value: &Value<'_>, path: &Path) -> Option<Date> {
        let text = self.text(value, path, limits::DATE_TEXT)?;
        let date = parse_date(&text);
        if date.is_none() {
            self.error(
                path,
                format!("\"{text}\" is not a date (use YYYY-MM-DD or an RFC 3339 date-time)"),
            );
        }
        date
    }

    /// Reports every name (or id) used again in a list (ASCII case and
    /// outer spaces aside), naming the first use. `None` stands for an item
    /// whose name is missing or invalid: it is skipped, and the others keep
    /// their real index.
    pub(super) fn unique(&mut self, names: &[Option<&str>], list_path: &Path, named: Named) {
        // ASCII case folding: full Unicode tables would cost the bundle ~8 KB.
        // A skipped item folds to "", which no valid name is.
        let folded: Vec<String> = names
            .iter()
            .map(|n| n.unwrap_or_default().trim().to_ascii_lowercase())
            .collect();
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        let duplicates = first_uses_of_texts(&folded)
            .into_iter()
            .enumerate()
            .filter_map(|(i, first)| Some((i, first?, names[i]?)));
        for (i, first, name) in duplicates {
            let item = list_path.index(i);
            let message = format!("\"{name}\" is already used by {}", list_path.index(first));
            match named {
                Named::ByField(field) => self.error(&item.key(field.key), message),
                Named::Itself => self.error(&item, message),
            }
        }
    }
}

/// A number as shown in messages: integers only (see `integer`).
pub(super) fn whole(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        "that number".to_owned()
    }
}
