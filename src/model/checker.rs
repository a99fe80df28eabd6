//! The walker over a document's [`Value`] tree: problems with their paths,
//! and the readers of one field (text, integer, list, URL) that the
//! per-object readers (`readers`) are made of.

use std::borrow::Cow;
use std::fmt;

use super::keys::first_uses_of_texts;
use super::urls::is_http_url;
use super::{limits, Problem, Severity};
use crate::value::Value;

pub(super) const TOP_FIELDS: &[&str] = &[
    "$schema",
    "schema",
    "id",
    "title",
    "year",
    "runtime_minutes",
    "language",
    "directors",
    "genres",
    "synopsis",
    "poster",
    "spoilers",
    "timeline",
    "characters",
    "settings",
    "themes",
    "similar",
    "more",
    "updated",
];

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

/// Must a field be there (and a list hold at least one entry)?
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Presence {
    Required,
    Optional,
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

    /// Reads an object, warning about unknown and erroring on duplicate keys.
    pub(super) fn object<'a>(
        &mut self,
        value: &'a Value<'a>,
        path: &Path,
        known: &[&str],
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
            } else if !known.contains(&key.as_ref()) {
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

    pub(super) fn required_text(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max: usize,
    ) -> Option<String> {
        let field = self.field(entries, path, key);
        let value = self.required(&field)?;
        self.text(value, &field.path, max)
    }

    /// A text field that may be absent (see [`Checker::optional`]).
    pub(super) fn optional_text(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max: usize,
    ) -> Option<String> {
        let field = self.field(entries, path, key);
        self.optional(&field, |c, v, p| c.text(v, p, max))
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

    pub(super) fn list<'a>(&mut self, field: &Field<'a>, max: usize) -> Option<&'a [Value<'a>]> {
        let value = field.value?;
        let Value::Array(items) = value else {
            if !matches!(value, Value::Null) {
                self.error(
                    &field.path,
                    format!("expected a list, found {}", value.kind()),
                );
            }
            return None;
        };
        if items.len() > max {
            self.error(
                &field.path,
                format!("{} items is too many (at most {max})", items.len()),
            );
            return None;
        }
        Some(items)
    }

    /// A list of texts; the invalid ones are reported and left out.
    pub(super) fn text_list(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max_items: usize,
        max_chars: usize,
        presence: Presence,
    ) -> Vec<String> {
        let items = self.text_items(entries, path, key, max_items, max_chars, presence);
        items.into_iter().flatten().collect()
    }

    /// A list of texts, each by its position: `None` where an item is not
    /// valid text (so later checks still name items by their real index).
    pub(super) fn text_items(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max_items: usize,
        max_chars: usize,
        presence: Presence,
    ) -> Vec<Option<String>> {
        let field = self.field(entries, path, key);
        let required = presence == Presence::Required;
        if required && self.required(&field).is_none() {
            return Vec::new();
        }
        let Some(items) = self.list(&field, max_items) else {
            return Vec::new();
        };
        if required && items.is_empty() {
            self.error(&field.path, "must have at least one entry");
        }
        items
            .iter()
            .enumerate()
            .map(|(i, v)| self.text(v, &field.path.index(i), max_chars))
            .collect()
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

    /// A field that may be absent (or null), read by `read` when present.
    /// `None` when absent, and when `read` found it invalid: that reported
    /// an error, and a report with errors holds no movie, so the two need
    /// no telling apart.
    pub(super) fn optional<T>(
        &mut self,
        field: &Field,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path) -> Option<T>,
    ) -> Option<T> {
        match field.value {
            None | Some(Value::Null) => None,
            Some(v) => read(self, v, &field.path),
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
