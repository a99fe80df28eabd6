//! The movie data contract (schema version 1): typed model, limits and the
//! validation that builds the model from a [`Value`] tree.
//!
//! Every problem is collected with its JSON path (`timeline[3].at_minute`)
//! and a plain reason; unknown fields are warnings, so a newer file still
//! renders. No web or Yew imports: this compiles and is tested natively.

use std::borrow::Cow;
use std::fmt;

use crate::value::Value;

/// The schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Limits, documented in the README's data-format table.
pub mod limits {
    /// Largest JSON document, in bytes of text.
    pub const DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
    /// Earliest film year accepted (the first motion pictures).
    pub const YEAR_MIN: i64 = 1878;
    /// Latest year accepted (announced films).
    pub const YEAR_MAX: i64 = 2100;
    /// Longest runtime, in minutes (24 hours).
    pub const RUNTIME_MAX: i64 = 1440;
    /// Short labels: id, names, titles, language, genres, link labels.
    pub const SHORT_TEXT: usize = 300;
    /// One paragraph, synopsis, description, event text.
    pub const LONG_TEXT: usize = 10_000;
    /// A URL.
    pub const URL: usize = 2048;
    /// Directors, genres, links.
    pub const SMALL_LIST: usize = 50;
    /// Paragraphs in one spoiler section.
    pub const PARAGRAPHS: usize = 200;
    /// Timeline events.
    pub const TIMELINE: usize = 5000;
    /// Characters.
    pub const CHARACTERS: usize = 1000;
    /// Settings, themes, similar titles.
    pub const TOPICS: usize = 500;
    /// Errors, and warnings, listed in a report (each up to this many, so
    /// that warnings never crowd errors out); the rest are only counted (a
    /// document of 200,000 unknown fields would otherwise make 200,000 lines).
    pub const PROBLEMS: usize = 1000;
    /// Longest `id` of a movie, an event or a character.
    pub const ID: usize = 100;
}

/// A movie, validated. (The card compares movies by `Rc` identity; the
/// derived equality is for tests.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movie {
    /// Stable key (lowercase letters, digits, `-`) for remembered progress.
    pub id: String,
    /// Title as released.
    pub title: String,
    /// Release year.
    pub year: u16,
    /// Runtime in minutes (at least 1).
    pub runtime_minutes: u16,
    /// Display name of the original language ("English").
    pub language: String,
    /// Directors, at least one.
    pub directors: Vec<String>,
    /// Genres, shown as chips.
    pub genres: Vec<String>,
    /// Spoiler-free synopsis, always visible.
    pub synopsis: String,
    /// Optional poster.
    pub poster: Option<Poster>,
    /// The gated plot, ending and post-credit scene.
    pub spoilers: Spoilers,
    /// Events in film order.
    pub timeline: Vec<Event>,
    /// Characters; intros are safe, arcs are spoilers.
    pub characters: Vec<Character>,
    /// Places the film is set in.
    pub settings: Vec<Topic>,
    /// Themes of the film.
    pub themes: Vec<Topic>,
    /// Similar titles.
    pub similar: Vec<Similar>,
    /// "More about": box office, cast and crew, production, links.
    pub more: Option<More>,
    /// When the data was last updated.
    pub updated: Option<Date>,
}

/// A poster image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poster {
    /// Image URL: http(s), or relative to the JSON file.
    pub src: String,
    /// Alternative text.
    pub alt: String,
}

/// Everything that gives the plot away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoilers {
    /// An extra warning shown on the gate, under the standard label. It is
    /// visible before reveal: keep it free of spoilers.
    pub warning: Option<String>,
    /// The full plot, paragraph by paragraph.
    pub summary: Vec<String>,
    /// The ending explained.
    pub ending: Vec<String>,
    /// What happens during or after the credits.
    pub post_credits: Vec<String>,
}

/// A stable name for a timeline event or a character, which remembered
/// reveals point at: the author's `id`, or else `#` and 16 hex digits
/// derived from the item's own content (an `id` cannot start with `#`).
/// It never depends on the item's position in its list.
pub type ItemId = std::rc::Rc<str>;

/// One timeline event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable key: the author's `id`, or derived from minute, title and text.
    pub key: ItemId,
    /// Minute into the film (0 ..= runtime).
    pub at_minute: u16,
    /// Short title.
    pub title: String,
    /// What happens.
    pub text: String,
}

/// One character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Character {
    /// Stable key of the character's arc: the author's `id`, or derived
    /// from the name and the arc.
    pub key: ItemId,
    /// Name in the film.
    pub name: String,
    /// Who plays them.
    pub actor: Option<String>,
    /// Spoiler-free introduction.
    pub intro: String,
    /// What becomes of them: a spoiler.
    pub arc: Option<Arc>,
}

/// A character's arc; without a minute it counts as the end of the film.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arc {
    /// What becomes of the character.
    pub text: String,
    /// When it becomes true.
    pub at_minute: Option<u16>,
}

/// A named setting or theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}

/// A similar title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Similar {
    /// Title.
    pub title: String,
    /// Release year.
    pub year: Option<u16>,
    /// Why it is similar.
    pub reason: Option<String>,
    /// An http(s) link about it.
    pub url: Option<String>,
}

/// The "more about" facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct More {
    /// Box office, as text.
    pub box_office: Option<String>,
    /// Cast and crew, as text.
    pub cast_and_crew: Option<String>,
    /// Production notes, as text.
    pub production: Option<String>,
    /// External links.
    pub links: Vec<Link>,
}

/// An external link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Link text.
    pub label: String,
    /// Absolute http(s) URL.
    pub url: String,
}

/// A calendar date (from `YYYY-MM-DD` or an RFC 3339 date-time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month, 1-31.
    pub day: u8,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The document is rejected.
    Error,
    /// Reported, the document still renders.
    Warning,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// JSON path, e.g. `timeline[3].at_minute`; empty for the whole document.
    pub path: String,
    /// Plain reason.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The outcome of checking one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The movie, when there were no errors.
    pub movie: Option<Movie>,
    /// The errors and warnings, in document order: the first
    /// [`limits::PROBLEMS`] errors and the first [`limits::PROBLEMS`] warnings.
    pub problems: Vec<Problem>,
    /// Errors found in all, listed or not.
    pub error_count: usize,
    /// Warnings found in all, listed or not.
    pub warning_count: usize,
}

impl Report {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// Only the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    /// Problems found but not listed (past [`limits::PROBLEMS`] of a kind).
    pub fn unlisted(&self) -> usize {
        self.error_count + self.warning_count - self.problems.len()
    }

    /// A report for a document that could not be read at all.
    pub fn unreadable(message: impl Into<String>) -> Report {
        Report {
            movie: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: String::new(),
                message: message.into(),
            }],
            error_count: 1,
            warning_count: 0,
        }
    }
}

/// Validates a document tree and builds the movie.
pub fn validate(document: &Value<'_>) -> Report {
    let mut checker = Checker::default();
    let movie = checker.movie(document);
    Report {
        movie: if checker.errors > 0 { None } else { movie },
        problems: checker.problems,
        error_count: checker.errors,
        warning_count: checker.warnings,
    }
}

/// For each item, the index of the first earlier item equal to it, if any.
/// One sort of (item, index) pairs: n·log n for any input, where comparing
/// each item with every earlier one froze the page on an object of 200,000
/// keys. (A heap sort: the standard sorts cost the bundle 2-5 KB more for
/// the same result.)
pub fn first_uses<T: Ord>(items: &[T]) -> Vec<Option<usize>> {
    let order: Vec<usize> =
        std::collections::BinaryHeap::from_iter(items.iter().enumerate().map(|(i, x)| (x, i)))
            .into_sorted_vec()
            .into_iter()
            .map(|(_, i)| i)
            .collect();
    let mut first_use = vec![None; items.len()];
    let mut first = 0;
    for pos in 1..order.len() {
        if items[order[pos]] == items[order[first]] {
            first_use[order[pos]] = Some(order[first]);
        } else {
            first = pos;
        }
    }
    first_use
}

/// A 64-bit hash of a text (FNV-1a): names a document (the prerendered
/// card's stamp, the element's cache) without keeping it.
pub fn hash_text(text: &str) -> u64 {
    fnv1a(&[text.as_bytes()])
}

/// 64-bit FNV-1a over the parts, each closed by a byte UTF-8 never uses.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&[0xFF]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    hash
}

/// [`first_uses`] for texts, faster: each text sorts by its hash first, so
/// most comparisons are of two numbers (texts are compared only where
/// hashes are equal; colliding texts still sort by text, so the worst case
/// stays n·log n).
pub fn first_uses_of_texts(texts: &[&str]) -> Vec<Option<usize>> {
    // (hash, text) pairs: the sort compares two numbers, and two texts only
    // when their hashes are equal.
    let keyed: Vec<(u64, &str)> = texts.iter().map(|t| (fnv1a(&[t.as_bytes()]), *t)).collect();
    first_uses(&keyed)
}

/// A key derived from an item's own content: `#` and 16 hex digits of a
/// hash of its parts. The same content always gives the same key, wherever
/// the item moves in its list.
fn derived_key(parts: &[&[u8]]) -> ItemId {
    let hash = fnv1a(parts);
    // Hex by hand: `{:016x}` brings integer formatting code into the bundle.
    let mut key = String::with_capacity(17);
    key.push('#');
    for shift in (0..16).rev() {
        key.push(char::from(
            b"0123456789abcdef"[(hash >> (shift * 4)) as usize & 0xF],
        ));
    }
    key.into()
}

/// Is this an absolute http(s) URL with a host, and nothing a browser
/// would strip or reinterpret (whitespace, control characters, backslashes)?
pub fn is_http_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    !rest[..host_end].is_empty() && !has_reinterpreted_chars(url)
}

/// Characters a browser strips or reinterprets inside a URL
/// (`java\tscript:`, `https:\\host`): never allowed.
fn has_reinterpreted_chars(url: &str) -> bool {
    url.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// Is this a relative reference (no scheme, not protocol-relative)?
pub fn is_plain_relative(url: &str) -> bool {
    !url.starts_with("//") && !has_reinterpreted_chars(url) && !has_scheme(url)
}

/// A poster's `src` resolved against the URL of the JSON it came from (an
/// absolute http(s) URL, a protocol-relative one, or a path when the page
/// gives one). In plain Rust, so that the card resolves it while rendering,
/// natively (prerendering) as in the browser. `None` unless the reference is
/// what validation allows (an http(s) URL, or a relative reference without a
/// scheme) and the base is one of those. Dot segments are left for the
/// browser, which removes them when it loads the image.
pub fn resolve_url(base: &str, reference: &str) -> Option<String> {
    if is_http_url(reference) {
        return Some(reference.to_owned());
    }
    if !is_plain_relative(reference) {
        return None;
    }
    // Where the base's path starts: after `scheme://host` or `//host`, or
    // at once for a path. Any other scheme (`data:`, `javascript:`) has no
    // place a path could be resolved in.
    let authority = if is_http_url(base) {
        base.find("://").map(|i| i + 3)
    } else if base.starts_with("//") {
        Some(2)
    } else if has_scheme(base) {
        return None;
    } else {
        None
    };
    let path_start = authority.map_or(0, |a| {
        base[a..]
            .find(['/', '?', '#'])
            .map_or(base.len(), |i| a + i)
    });
    let without_fragment = &base[..base.find('#').unwrap_or(base.len())];
    let path_end = base[path_start..]
        .find(['?', '#'])
        .map_or(base.len(), |i| path_start + i);
    let prefix = match reference.as_bytes().first() {
        Some(b'/') => &base[..path_start],
        Some(b'?') => &base[..path_end],
        Some(b'#') => without_fragment,
        // The base's folder: up to the last `/` of its path.
        _ => {
            &base[..base[path_start..path_end]
                .rfind('/')
                .map_or(path_start, |i| path_start + i + 1)]
        }
    };
    // `https://host` + `p.jpg`: the empty path is `/`.
    let slash = authority.is_some()
        && prefix.len() == path_start
        && !matches!(reference.as_bytes().first(), Some(b'/' | b'?' | b'#'));
    Some(format!(
        "{prefix}{}{reference}",
        if slash { "/" } else { "" }
    ))
}

/// Does `url` start with a scheme? Counted as one: anything before a `:`
/// that comes before any `/`, `?` or `#` (stricter than a browser, which
/// wants letters, digits and `+-.`, starting with a letter).
fn has_scheme(url: &str) -> bool {
    matches!(url.find([':', '/', '?', '#']), Some(i) if url.as_bytes()[i] == b':')
}

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time's date part.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    let rest = &text[10..];
    if !rest.is_empty() && !is_rfc3339_time(rest) {
        return None;
    }
    Some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

/// `Thh:mm:ss[.frac](Z|±hh:mm)`
fn is_rfc3339_time(rest: &str) -> bool {
    let b = rest.as_bytes();
    let two = |i: usize, max: u8| {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && (b[i] - b'0') * 10 + (b[i + 1] - b'0') <= max
    };
    if b.len() < 9 || !(b[0] == b'T' || b[0] == b't' || b[0] == b' ') {
        return false;
    }
    if !(two(1, 23) && b[3] == b':' && two(4, 59) && b[6] == b':' && two(7, 60)) {
        return false;
    }
    let mut i = 9;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [b'Z'] | [b'z'] => true,
        [sign, _, _, b':', _, _] if *sign == b'+' || *sign == b'-' => {
            two(i + 1, 23) && two(i + 4, 59)
        }
        _ => false,
    }
}

const TOP_FIELDS: &[&str] = &[
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

type Entries<'a> = [(Cow<'a, str>, Value<'a>)];

/// Where a value sits in the document. Built into text (`timeline[3].title`)
/// only when a problem is reported: a valid 1,000-event movie formats no
/// path at all.
#[derive(Clone, Copy)]
enum Path<'a> {
    /// The document itself.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, i: usize) -> Path<'a> {
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

const ROOT: Path<'static> = Path::Root;

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    errors: usize,
    warnings: usize,
}

/// A field of an object being read: its path and its value if present.
struct Field<'a> {
    path: Path<'a>,
    value: Option<&'a Value<'a>>,
}

impl Checker {
    /// Counts a problem, and lists it while its kind has room. (A problem
    /// with a fixed message that is only counted allocates nothing: a
    /// document of 250,000 unknown fields makes 250,000 of them.)
    fn report(&mut self, severity: Severity, path: &Path, message: Cow<'static, str>) {
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

    fn error(&mut self, path: &Path, message: impl Into<Cow<'static, str>>) {
        self.report(Severity::Error, path, message.into());
    }

    fn warn(&mut self, path: &Path, message: &'static str) {
        self.report(Severity::Warning, path, Cow::Borrowed(message));
    }

    /// Reads an object, warning about unknown and erroring on duplicate keys.
    fn object<'a>(
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

    fn field<'a>(&self, entries: &'a Entries<'a>, path: &'a Path<'a>, key: &'a str) -> Field<'a> {
        Field {
            path: path.key(key),
            value: entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        }
    }

    fn required<'a>(&mut self, field: &Field<'a>) -> Option<&'a Value<'a>> {
        match field.value {
            None | Some(Value::Null) => {
                self.error(&field.path, "required");
                None
            }
            Some(v) => Some(v),
        }
    }

    fn text(&mut self, value: &Value<'_>, path: &Path, max: usize) -> Option<String> {
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

    fn required_text(
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

    /// `Ok(None)` when absent, `Err(())` when present but invalid.
    fn optional_text(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max: usize,
    ) -> Result<Option<String>, ()> {
        let field = self.field(entries, path, key);
        self.optional(&field, |c, v, p| c.text(v, p, max))
    }

    fn integer(
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

    fn list<'a>(&mut self, field: &Field<'a>, max: usize) -> Option<&'a [Value<'a>]> {
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
    fn text_list(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max_items: usize,
        max_chars: usize,
        required: bool,
    ) -> Vec<String> {
        let items = self.text_items(entries, path, key, max_items, max_chars, required);
        items.into_iter().flatten().collect()
    }

    /// A list of texts, each by its position: `None` where an item is not
    /// valid text (so later checks still name items by their real index).
    fn text_items(
        &mut self,
        entries: &Entries<'_>,
        path: &Path,
        key: &str,
        max_items: usize,
        max_chars: usize,
        required: bool,
    ) -> Vec<Option<String>> {
        let field = self.field(entries, path, key);
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

    fn http_url(&mut self, value: &Value<'_>, path: &Path) -> Option<String> {
        let url = self.text(value, path, limits::URL)?;
        if is_http_url(&url) {
            Some(url)
        } else {
            self.error(path, "only http and https links are allowed");
            None
        }
    }

    /// A field that may be absent (or null), read by `read` when present:
    /// `Ok(None)` when absent, `Err(())` when present but invalid.
    fn optional<T>(
        &mut self,
        field: &Field,
        read: impl FnOnce(&mut Self, &Value<'_>, &Path) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        match field.value {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(self, v, &field.path).map(Some).ok_or(()),
        }
    }

    fn movie(&mut self, document: &Value<'_>) -> Option<Movie> {
        let entries = self.object(document, &ROOT, TOP_FIELDS)?;
        let root = &ROOT;

        let schema_field = self.field(entries, root, "schema");
        let schema_ok = match self.required(&schema_field) {
            Some(Value::Number(n)) if *n == SCHEMA_VERSION as f64 => true,
            Some(Value::Number(n)) => {
                let n = whole(*n);
                self.error(
                    &schema_field.path,
                    format!(
                        "version {n} is not supported (this card reads version {SCHEMA_VERSION})"
                    ),
                );
                false
            }
            Some(other) => {
                self.error(
                    &schema_field.path,
                    format!(
                        "expected the number {SCHEMA_VERSION}, found {}",
                        other.kind()
                    ),
                );
                false
            }
            None => false,
        };
        if !schema_ok {
            // A document of another version may mean anything: stop here.
            return None;
        }
        let schema_url = self.field(entries, root, "$schema");
        if let Some(Value::String(_)) | None = schema_url.value {
        } else {
            self.error(
                &schema_url.path,
                "expected text (the URL of the JSON Schema)",
            );
        }

        let id_field = self.field(entries, root, "id");
        let id = self
            .required(&id_field)
            .and_then(|v| self.slug(v, &id_field.path));
        let title = self.required_text(entries, root, "title", limits::SHORT_TEXT);
        let year = {
            let f = self.field(entries, root, "year");
            self.required(&f).and_then(|v| {
                self.integer(v, &f.path, limits::YEAR_MIN, limits::YEAR_MAX, "a year")
            })
        };
        let runtime = {
            let f = self.field(entries, root, "runtime_minutes");
            self.required(&f).and_then(|v| {
                self.integer(v, &f.path, 1, limits::RUNTIME_MAX, "a runtime in minutes")
            })
        };
        let language = self.required_text(entries, root, "language", limits::SHORT_TEXT);
        let directors = self.text_list(
            entries,
            root,
            "directors",
            limits::SMALL_LIST,
            limits::SHORT_TEXT,
            true,
        );
        let genres = self.text_items(
            entries,
            root,
            "genres",
            limits::SMALL_LIST,
            limits::SHORT_TEXT,
            false,
        );
        self.unique(
            &genres.iter().map(Option::as_deref).collect::<Vec<_>>(),
            &root.key("genres"),
            None,
        );
        let genres = genres.into_iter().flatten().collect();
        let synopsis = self.required_text(entries, root, "synopsis", limits::LONG_TEXT);
        let poster = self.poster(entries);
        let spoilers = self.spoilers(entries);
        let runtime_for_minutes = runtime.map(|r| r as u16);
        let timeline = self.timeline(entries, runtime_for_minutes);
        let characters = self.characters(entries, runtime_for_minutes);
        let settings = self.topics(entries, "settings");
        let themes = self.topics(entries, "themes");
        let similar = self.similar(entries);
        let more = self.more(entries);
        let updated = self.updated(entries);

        Some(Movie {
            id: id?,
            title: title?,
            year: year? as u16,
            runtime_minutes: runtime? as u16,
            language: language?,
            directors,
            genres,
            synopsis: synopsis?,
            poster: poster.ok()?,
            spoilers: spoilers?,
            timeline,
            characters,
            settings,
            themes,
            similar,
            more: more.ok()?,
            updated: updated.ok()?,
        })
    }

    /// Reports every name (or id) used again in a list (ASCII case and
    /// outer spaces aside), naming the first use. `None` stands for an item whose
    /// name is missing or invalid: it is skipped, and the others keep their
    /// real index.
    fn unique(&mut self, names: &[Option<&str>], list_path: &Path, key: Option<&str>) {
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
            match key {
                Some(key) => self.error(&item.key(key), message),
                None => self.error(&item, message),
            }
        }
    }

    /// An optional `id` of a list item: a slug, unique in its list (the
    /// list's checks collect them, by position).
    fn item_id(&mut self, obj: &Entries<'_>, path: &Path) -> Option<String> {
        let field = self.field(obj, path, "id");
        self.optional(&field, |c, v, p| c.slug(v, p)).ok().flatten()
    }

    /// Text of lowercase letters, digits and `-` (ids).
    fn slug(&mut self, value: &Value<'_>, path: &Path) -> Option<String> {
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

    fn poster(&mut self, entries: &Entries<'_>) -> Result<Option<Poster>, ()> {
        let field = self.field(entries, &ROOT, "poster");
        let Some(value) = field.value.filter(|v| !matches!(v, Value::Null)) else {
            return Ok(None);
        };
        let path = &field.path;
        let obj = self.object(value, path, &["src", "alt"]).ok_or(())?;
        let src = self
            .required_text(obj, path, "src", limits::URL)
            .and_then(|src| {
                if is_http_url(&src) || is_plain_relative(&src) {
                    Some(src)
                } else {
                    self.error(
                        &path.key("src"),
                        "use an http(s) URL or a path relative to the JSON file",
                    );
                    None
                }
            });
        let alt = self.required_text(obj, path, "alt", limits::SHORT_TEXT);
        Ok(Some(Poster {
            src: src.ok_or(())?,
            alt: alt.ok_or(())?,
        }))
    }

    fn spoilers(&mut self, entries: &Entries<'_>) -> Option<Spoilers> {
        let field = self.field(entries, &ROOT, "spoilers");
        let value = self.required(&field)?;
        let path = &field.path;
        let obj = self.object(
            value,
            path,
            &["warning", "summary", "ending", "post_credits"],
        )?;
        let warning = self.optional_text(obj, path, "warning", limits::SHORT_TEXT);
        let summary = self.text_list(
            obj,
            path,
            "summary",
            limits::PARAGRAPHS,
            limits::LONG_TEXT,
            true,
        );
        let ending = self.text_list(
            obj,
            path,
            "ending",
            limits::PARAGRAPHS,
            limits::LONG_TEXT,
            false,
        );
        let post_credits = self.text_list(
            obj,
            path,
            "post_credits",
            limits::PARAGRAPHS,
            limits::LONG_TEXT,
            false,
        );
        Some(Spoilers {
            warning: warning.ok()?,
            summary,
            ending,
            post_credits,
        })
    }

    fn minute(&mut self, value: &Value<'_>, path: &Path, runtime: Option<u16>) -> Option<u16> {
        let minute = self.integer(value, path, 0, limits::RUNTIME_MAX, "a minute")? as u16;
        if let Some(runtime) = runtime {
            if minute > runtime {
                self.error(path, format!("{minute} is past the runtime ({runtime})"));
                return None;
            }
        }
        Some(minute)
    }

    fn timeline(&mut self, entries: &Entries<'_>, runtime: Option<u16>) -> Vec<Event> {
        let field = self.field(entries, &ROOT, "timeline");
        let Some(items) = self.list(&field, limits::TIMELINE) else {
            return Vec::new();
        };
        let mut events = Vec::with_capacity(items.len());
        let mut ids = Vec::with_capacity(items.len());
        let mut previous: Option<u16> = None;
        for (i, item) in items.iter().enumerate() {
            let path = field.path.index(i);
            let Some(obj) = self.object(item, &path, &["id", "at_minute", "title", "text"]) else {
                ids.push(None);
                continue;
            };
            let id = self.item_id(obj, &path);
            let minute_field = self.field(obj, &path, "at_minute");
            let minute = self
                .required(&minute_field)
                .and_then(|v| self.minute(v, &minute_field.path, runtime));
            if let (Some(m), Some(p)) = (minute, previous) {
                if m < p {
                    self.error(&minute_field.path, format!("{m} comes before the previous event ({p}); keep the timeline in film order"));
                }
            }
            previous = minute.or(previous);
            let title = self.required_text(obj, &path, "title", limits::SHORT_TEXT);
            let text = self.required_text(obj, &path, "text", limits::LONG_TEXT);
            if let (Some(at_minute), Some(title), Some(text)) = (minute, title, text) {
                let key = match &id {
                    Some(id) => id.as_str().into(),
                    None => derived_key(&[
                        at_minute.to_string().as_bytes(),
                        title.as_bytes(),
                        text.as_bytes(),
                    ]),
                };
                events.push(Event {
                    key,
                    at_minute,
                    title,
                    text,
                });
            }
            ids.push(id);
        }
        let ids: Vec<Option<&str>> = ids.iter().map(Option::as_deref).collect();
        self.unique(&ids, &field.path, Some("id"));
        events
    }

    fn characters(&mut self, entries: &Entries<'_>, runtime: Option<u16>) -> Vec<Character> {
        let field = self.field(entries, &ROOT, "characters");
        let Some(items) = self.list(&field, limits::CHARACTERS) else {
            return Vec::new();
        };
        let mut characters = Vec::with_capacity(items.len());
        let mut names = Vec::with_capacity(items.len());
        let mut ids = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = field.path.index(i);
            let Some(obj) = self.object(item, &path, &["id", "name", "actor", "intro", "arc"])
            else {
                names.push(None);
                ids.push(None);
                continue;
            };
            let id = self.item_id(obj, &path);
            let name = self.required_text(obj, &path, "name", limits::SHORT_TEXT);
            names.push(name.clone());
            let actor = self.optional_text(obj, &path, "actor", limits::SHORT_TEXT);
            let intro = self.required_text(obj, &path, "intro", limits::LONG_TEXT);
            let arc = self.arc(obj, &path, runtime);
            if let (Some(name), Ok(actor), Some(intro), Ok(arc)) = (name, actor, intro, arc) {
                // Without an id, the arc's key comes from the name (unique in
                // the list) and the arc itself: a changed arc is a new spoiler.
                let key = match &id {
                    Some(id) => id.as_str().into(),
                    None => derived_key(&[
                        name.trim().to_ascii_lowercase().as_bytes(),
                        arc.as_ref().map_or("", |a| a.text.as_str()).as_bytes(),
                        arc.as_ref()
                            .and_then(|a| a.at_minute)
                            .map(|m| m.to_string())
                            .unwrap_or_default()
                            .as_bytes(),
                    ]),
                };
                characters.push(Character {
                    key,
                    name,
                    actor,
                    intro,
                    arc,
                });
            }
            ids.push(id);
        }
        let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
        self.unique(&names, &field.path, Some("name"));
        let ids: Vec<Option<&str>> = ids.iter().map(Option::as_deref).collect();
        self.unique(&ids, &field.path, Some("id"));
        characters
    }

    fn arc(
        &mut self,
        obj: &Entries<'_>,
        path: &Path,
        runtime: Option<u16>,
    ) -> Result<Option<Arc>, ()> {
        let field = self.field(obj, path, "arc");
        let Some(value) = field.value.filter(|v| !matches!(v, Value::Null)) else {
            return Ok(None);
        };
        let arc_obj = self
            .object(value, &field.path, &["text", "at_minute"])
            .ok_or(())?;
        let text = self.required_text(arc_obj, &field.path, "text", limits::LONG_TEXT);
        let minute_field = self.field(arc_obj, &field.path, "at_minute");
        let at_minute = self.optional(&minute_field, |c, v, p| c.minute(v, p, runtime));
        Ok(Some(Arc {
            text: text.ok_or(())?,
            at_minute: at_minute?,
        }))
    }

    fn topics(&mut self, entries: &Entries<'_>, key: &str) -> Vec<Topic> {
        let field = self.field(entries, &ROOT, key);
        let Some(items) = self.list(&field, limits::TOPICS) else {
            return Vec::new();
        };
        let mut topics = Vec::with_capacity(items.len());
        let mut names = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = field.path.index(i);
            let Some(obj) = self.object(item, &path, &["name", "description"]) else {
                names.push(None);
                continue;
            };
            let name = self.required_text(obj, &path, "name", limits::SHORT_TEXT);
            names.push(name.clone());
            let description = self.required_text(obj, &path, "description", limits::LONG_TEXT);
            if let (Some(name), Some(description)) = (name, description) {
                topics.push(Topic { name, description });
            }
        }
        let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
        self.unique(&names, &field.path, Some("name"));
        topics
    }

    fn similar(&mut self, entries: &Entries<'_>) -> Vec<Similar> {
        let field = self.field(entries, &ROOT, "similar");
        let Some(items) = self.list(&field, limits::TOPICS) else {
            return Vec::new();
        };
        let mut similar = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = field.path.index(i);
            let Some(obj) = self.object(item, &path, &["title", "year", "reason", "url"]) else {
                continue;
            };
            let title = self.required_text(obj, &path, "title", limits::SHORT_TEXT);
            let year_field = self.field(obj, &path, "year");
            let year = self.optional(&year_field, |c, v, p| {
                c.integer(v, p, limits::YEAR_MIN, limits::YEAR_MAX, "a year")
                    .map(|y| y as u16)
            });
            let reason = self.optional_text(obj, &path, "reason", limits::LONG_TEXT);
            let url_field = self.field(obj, &path, "url");
            let url = self.optional(&url_field, Self::http_url);
            if let (Some(title), Ok(year), Ok(reason), Ok(url)) = (title, year, reason, url) {
                similar.push(Similar {
                    title,
                    year,
                    reason,
                    url,
                });
            }
        }
        similar
    }

    fn more(&mut self, entries: &Entries<'_>) -> Result<Option<More>, ()> {
        let field = self.field(entries, &ROOT, "more");
        let Some(value) = field.value.filter(|v| !matches!(v, Value::Null)) else {
            return Ok(None);
        };
        let path = &field.path;
        let obj = self
            .object(
                value,
                path,
                &["box_office", "cast_and_crew", "production", "links"],
            )
            .ok_or(())?;
        let box_office = self.optional_text(obj, path, "box_office", limits::LONG_TEXT);
        let cast_and_crew = self.optional_text(obj, path, "cast_and_crew", limits::LONG_TEXT);
        let production = self.optional_text(obj, path, "production", limits::LONG_TEXT);
        let links_field = self.field(obj, path, "links");
        let mut links = Vec::new();
        let mut links_ok = true;
        if let Some(items) = self.list(&links_field, limits::SMALL_LIST) {
            for (i, item) in items.iter().enumerate() {
                let item_path = links_field.path.index(i);
                let Some(link) = self.object(item, &item_path, &["label", "url"]) else {
                    links_ok = false;
                    continue;
                };
                let label = self.required_text(link, &item_path, "label", limits::SHORT_TEXT);
                let url_field = self.field(link, &item_path, "url");
                let url = self
                    .required(&url_field)
                    .and_then(|v| self.http_url(v, &url_field.path));
                match (label, url) {
                    (Some(label), Some(url)) => links.push(Link { label, url }),
                    _ => links_ok = false,
                }
            }
        }
        if !links_ok {
            return Err(());
        }
        Ok(Some(More {
            box_office: box_office?,
            cast_and_crew: cast_and_crew?,
            production: production?,
            links,
        }))
    }

    fn updated(&mut self, entries: &Entries<'_>) -> Result<Option<Date>, ()> {
        let field = self.field(entries, &ROOT, "updated");
        let Some(value) = field.value.filter(|v| !matches!(v, Value::Null)) else {
            return Ok(None);
        };
        let text = self.text(value, &field.path, 64).ok_or(())?;
        match parse_date(&text) {
            Some(date) => Ok(Some(date)),
            None => {
                self.error(
                    &field.path,
                    format!("\"{text}\" is not a date (use YYYY-MM-DD or an RFC 3339 date-time)"),
                );
                Err(())
            }
        }
    }
}

/// A number as shown in messages: integers only (see `integer`).
fn whole(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        "that number".to_owned()
    }
}
