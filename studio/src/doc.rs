//! The document the author edits: the movie's JSON value tree, changed one
//! field at a time by path. Plain Rust (no Yew, no browser): the studio's
//! components call it, and it is tested natively.
//!
//! The studio edits the tree rather than the typed movie, so that what the
//! author has not written yet (an empty title, a minute past the runtime)
//! and the fields the card does not know stay in the document, and the
//! card's own validator says what is wrong, with the paths it always uses.

use std::borrow::Cow;

use spoiler_card::format;
use spoiler_card::model::{limits, SCHEMA_VERSION};
use spoiler_card::value::Value;

/// One step of a path: an object's key or a list's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object.
    Key(&'static str),
    /// An item of a list.
    Index(usize),
}

/// A field's path, written as the validator writes it
/// (`timeline[3].at_minute`): the key that ties a problem to its field.
pub fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The value at `path`, if there is one.
pub fn get<'v, 't>(tree: &'v Value<'t>, path: &[Step]) -> Option<&'v Value<'t>> {
    let mut cursor = tree;
    for step in path {
        cursor = match (step, cursor) {
            (Step::Key(key), Value::Object(entries)) => &entries.iter().find(|(k, _)| k == key)?.1,
            (Step::Index(i), Value::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(cursor)
}

/// The text at `path` (empty if it is not text).
pub fn text_at(tree: &Value<'static>, path: &[Step]) -> String {
    match get(tree, path) {
        Some(Value::String(s)) => s.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The items of the list at `path` (none if it is not a list).
pub fn len_at(tree: &Value<'static>, path: &[Step]) -> usize {
    match get(tree, path) {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    }
}

/// Sets the value at `path`, making the objects on the way; `None` removes
/// the field (an index past a list's end is left alone).
pub fn set(tree: &mut Value<'static>, path: &[Step], value: Option<Value<'static>>) {
    let Some((last, parents)) = path.split_last() else {
        if let Some(value) = value {
            *tree = value;
        }
        return;
    };
    let mut cursor = tree;
    for step in parents {
        cursor = match step {
            Step::Key(key) => {
                if !matches!(cursor, Value::Object(_)) {
                    *cursor = Value::Object(Vec::new());
                }
                let Value::Object(entries) = cursor else {
                    return;
                };
                let at = match entries.iter().position(|(k, _)| k == key) {
                    Some(at) => at,
                    None => {
                        entries.push((Cow::Borrowed(key), Value::Object(Vec::new())));
                        entries.len() - 1
                    }
                };
                &mut entries[at].1
            }
            Step::Index(i) => match cursor {
                Value::Array(items) if *i < items.len() => &mut items[*i],
                _ => return,
            },
        };
    }
    match (last, cursor) {
        (Step::Key(key), cursor) => {
            if !matches!(cursor, Value::Object(_)) {
                *cursor = Value::Object(Vec::new());
            }
            let Value::Object(entries) = cursor else {
                return;
            };
            let at = entries.iter().position(|(k, _)| k == key);
            match (at, value) {
                (Some(at), Some(value)) => entries[at].1 = value,
                (Some(at), None) => {
                    entries.remove(at);
                }
                (None, Some(value)) => entries.push((Cow::Borrowed(key), value)),
                (None, None) => {}
            }
        }
        (Step::Index(i), Value::Array(items)) if *i < items.len() => match value {
            Some(value) => items[*i] = value,
            None => {
                items.remove(*i);
            }
        },
        _ => {}
    }
}

/// The list at `path`, made if it is not one yet.
fn list_mut<'v>(
    tree: &'v mut Value<'static>,
    path: &[Step],
) -> Option<&'v mut Vec<Value<'static>>> {
    if !matches!(get(tree, path), Some(Value::Array(_))) {
        set(tree, path, Some(Value::Array(Vec::new())));
    }
    let mut cursor = tree;
    for step in path {
        cursor = match (step, cursor) {
            (Step::Key(key), Value::Object(entries)) => {
                &mut entries.iter_mut().find(|(k, _)| k == key)?.1
            }
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    match cursor {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

/// Inserts `item` at `index` (at most the end) of the list at `path`.
pub fn insert(tree: &mut Value<'static>, path: &[Step], index: usize, item: Value<'static>) {
    if let Some(items) = list_mut(tree, path) {
        items.insert(index.min(items.len()), item);
    }
}

/// Moves the item at `from` of the list at `path` to `to`.
pub fn move_item(tree: &mut Value<'static>, path: &[Step], from: usize, to: usize) {
    if let Some(items) = list_mut(tree, path) {
        if from < items.len() && to < items.len() {
            let item = items.remove(from);
            items.insert(to, item);
        }
    }
}

/// The list at `path` with an empty list left out (an optional list the
/// author emptied is no field at all).
pub fn drop_if_empty(tree: &mut Value<'static>, path: &[Step]) {
    if matches!(get(tree, path), Some(Value::Array(items)) if items.is_empty()) {
        set(tree, path, None);
    }
}

/// Text as a value.
pub fn text(s: &str) -> Value<'static> {
    Value::String(Cow::Owned(s.to_owned()))
}

/// The timeline kept in film order: events sorted by their minute (stable:
/// events of the same minute keep their order). While an event has no
/// minute that reads as one (being written, or mistyped), nothing moves:
/// the validator says what is wrong where the author is. Gives where each
/// event went (`[old index] = new index`), for the focus to follow.
pub fn sort_timeline(tree: &mut Value<'static>) -> Vec<usize> {
    let path = [Step::Key("timeline")];
    let minute = |event: &Value<'static>| match event {
        Value::Object(entries) => entries.iter().find_map(|(k, v)| match v {
            Value::Number(n) if k == "at_minute" => Some(*n as i64),
            _ => None,
        }),
        _ => None,
    };
    let mut moved_to = Vec::new();
    if let Some(items) = list_mut(tree, &path) {
        moved_to = (0..items.len()).collect();
        let minutes: Option<Vec<i64>> = items.iter().map(minute).collect();
        if let Some(minutes) = minutes {
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by_key(|i| minutes[*i]);
            let mut old: Vec<Option<Value<'static>>> = items.drain(..).map(Some).collect();
            for (to, from) in order.into_iter().enumerate() {
                moved_to[from] = to;
                items.extend(old[from].take());
            }
        }
    }
    drop_if_empty(tree, &path);
    moved_to
}

/// A minute as the author may type it: what the card's `progress` reads
/// (`45`, `1:05`), or `1h05`, `1h 5m`, `90m`. `None` if it is none of those.
pub fn parse_minutes(input: &str) -> Option<u16> {
    let input = input.trim();
    if let Some(minutes) = format::parse_minutes(input) {
        return Some(minutes);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match input.split_once(['h', 'H']) {
        Some((hours, rest)) => {
            let minutes = rest.trim().trim_end_matches(['m', 'M']).trim();
            let minutes = if minutes.is_empty() { "0" } else { minutes };
            (digits(hours.trim()) && digits(minutes) && minutes.len() <= 2)
                .then(|| format::parse_minutes(&format!("{}:{minutes:0>2}", hours.trim())))
                .flatten()
        }
        None => {
            let minutes = input.trim_end_matches(['m', 'M']).trim();
            digits(minutes)
                .then(|| format::parse_minutes(minutes))
                .flatten()
        }
    }
}

/// A minute as the studio shows it: `0:45`, `1:05`.
pub fn format_minutes(minutes: u16) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Timeline events from pasted lines, one an event: a minute, the title,
/// then a dash and the text (`0:45 Ben moves in — Sera asks him to stay`).
/// The dash may be `—`, `–` or ` - `; without one the line is the title and
/// the text is left for the author (the validator says it is missing).
/// Blank lines are skipped; a line that does not start with a minute is
/// refused, with its number (from 1).
pub fn pasted_events(lines: &str) -> Result<Vec<Value<'static>>, (usize, String)> {
    let mut events = Vec::new();
    for (n, line) in lines.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (time, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some(minute) = parse_minutes(time) else {
            return Err((n + 1, line.to_owned()));
        };
        let rest = rest.trim();
        let (title, body) = ["—", "–", " - "]
            .iter()
            .find_map(|dash| rest.split_once(dash))
            .map_or((rest, ""), |(t, b)| (t.trim(), b.trim()));
        let mut event = vec![
            (Cow::Borrowed("at_minute"), Value::Number(f64::from(minute))),
            (Cow::Borrowed("title"), text(title)),
        ];
        if !body.is_empty() {
            event.push((Cow::Borrowed("text"), text(body)));
        }
        events.push(Value::Object(event));
    }
    Ok(events)
}

/// A new movie: the fields every movie needs, empty, for the author to
/// fill (the validator lists what is missing).
pub fn new_movie() -> Value<'static> {
    Value::Object(vec![
        (
            Cow::Borrowed("schema"),
            Value::Number(f64::from(SCHEMA_VERSION)),
        ),
        (Cow::Borrowed("id"), text("")),
        (Cow::Borrowed("title"), text("")),
        (Cow::Borrowed("year"), Value::Null),
        (Cow::Borrowed("runtime_minutes"), Value::Null),
        (Cow::Borrowed("language"), text("English")),
        (Cow::Borrowed("directors"), Value::Array(Vec::new())),
        (Cow::Borrowed("synopsis"), text("")),
        (
            Cow::Borrowed("spoilers"),
            Value::Object(vec![(Cow::Borrowed("summary"), Value::Array(Vec::new()))]),
        ),
    ])
}

/// An id made from a title and year, as the examples name theirs
/// (`leaving-las-vegas-1995`).
pub fn slug(title: &str, year: Option<u16>) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    if let Some(year) = year {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&year.to_string());
    }
    out.truncate(limits::ID);
    out.trim_end_matches('-').to_owned()
}

/// The id follows the title and year (`leaving-las-vegas-1995`) while the
/// author has not written one of their own: while it is empty, or still
/// the one made from the title and year of `before` (the document before
/// this edit; `after` is the one after it).
pub fn follow_id(before: &Value<'static>, after: &mut Value<'static>) {
    let made = |tree: &Value<'static>| {
        let year = match get(tree, &[Step::Key("year")]) {
            Some(Value::Number(n)) if (1.0..=9999.0).contains(n) => Some(*n as u16),
            _ => None,
        };
        slug(&text_at(tree, &[Step::Key("title")]), year)
    };
    let id = text_at(before, &[Step::Key("id")]);
    if id.is_empty() || id == made(before) {
        let new = made(after);
        set(after, &[Step::Key("id")], Some(text(&new)));
    }
}
