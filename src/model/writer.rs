//! A movie back to its JSON text: what the card studio exports and saves.
//! Pretty (two spaces, one value a line), keys in the order of the shape
//! table (`fields`), `$schema` first; a field the model leaves out (absent,
//! or an empty optional list) is left out. The fields the card does not
//! know are kept: [`write_movie`] takes the value tree the movie was read
//! from and writes each object's unknown fields back after its own, in
//! their order (list items by position). Reading the text gives the same
//! movie (property-tested in `tests/writer.rs`).

use std::borrow::Cow;

use super::fields::{Rule, Shape, MOVIE};
use super::{is_derived_key, Date, Movie, SCHEMA_ID, SCHEMA_VERSION};
use crate::json;
use crate::value::Value;

type Entries = Vec<(Cow<'static, str>, Value<'static>)>;

/// The movie as JSON text, with `original`'s unknown fields (the tree it
/// was read from, if any) kept. `$schema` is `original`'s if it has one,
/// else [`SCHEMA_ID`].
pub fn write_movie(movie: &Movie, original: Option<&Value<'_>>) -> String {
    let mut tree = movie_tree(movie, original);
    if let Some(original) = original {
        keep_unknown(&mut tree, original, &MOVIE);
    }
    let mut out = String::new();
    json::write_pretty(&mut out, &tree);
    out.push('\n');
    out
}

fn text(s: &str) -> Value<'static> {
    Value::String(Cow::Owned(s.to_owned()))
}

fn number(n: u16) -> Value<'static> {
    Value::Number(f64::from(n))
}

fn texts(list: &[String]) -> Value<'static> {
    Value::Array(list.iter().map(|s| text(s)).collect())
}

fn push(entries: &mut Entries, key: &'static str, value: Value<'static>) {
    entries.push((Cow::Borrowed(key), value));
}

fn push_some(entries: &mut Entries, key: &'static str, value: Option<&str>) {
    if let Some(value) = value {
        push(entries, key, text(value));
    }
}

/// A list of texts, left out when empty.
fn push_texts(entries: &mut Entries, key: &'static str, list: &[String]) {
    push_list(entries, key, list.iter().map(|s| text(s)).collect());
}

fn push_list(entries: &mut Entries, key: &'static str, items: Vec<Value<'static>>) {
    if !items.is_empty() {
        push(entries, key, Value::Array(items));
    }
}

/// `YYYY-MM-DD`.
fn date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// An item's `id`, if it has one of its own (not a key derived from its
/// content).
fn own_id(entries: &mut Entries, key: &str) {
    if !is_derived_key(key) {
        push(entries, "id", text(key));
    }
}

fn movie_tree(movie: &Movie, original: Option<&Value<'_>>) -> Value<'static> {
    let schema_url = match original {
        Some(Value::Object(entries)) => entries.iter().find_map(|(k, v)| match v {
            Value::String(url) if k == "$schema" => Some(url.as_ref()),
            _ => None,
        }),
        _ => None,
    };
    let mut m = Entries::new();
    push(&mut m, "$schema", text(schema_url.unwrap_or(SCHEMA_ID)));
    push(&mut m, "schema", Value::Number(f64::from(SCHEMA_VERSION)));
    push(&mut m, "id", text(&movie.id));
    push(&mut m, "title", text(&movie.title));
    push(&mut m, "year", number(movie.year));
    push(&mut m, "runtime_minutes", number(movie.runtime_minutes));
    push(&mut m, "language", text(&movie.language));
    push(&mut m, "directors", texts(&movie.directors));
    push_texts(&mut m, "genres", &movie.genres);
    push(&mut m, "synopsis", text(&movie.synopsis));
    if let Some(poster) = &movie.poster {
        let mut p = Entries::new();
        push(&mut p, "src", text(&poster.src));
        push(&mut p, "alt", text(&poster.alt));
        push(&mut m, "poster", Value::Object(p));
    }
    let spoilers = &movie.spoilers;
    let mut s = Entries::new();
    push_some(&mut s, "warning", spoilers.warning.as_deref());
    push(&mut s, "summary", texts(&spoilers.summary));
    push_texts(&mut s, "ending", &spoilers.ending);
    push_texts(&mut s, "post_credits", &spoilers.post_credits);
    push(&mut m, "spoilers", Value::Object(s));
    let events = movie.timeline.iter().map(|e| {
        let mut o = Entries::new();
        own_id(&mut o, &e.key);
        push(&mut o, "at_minute", number(e.at_minute));
        push(&mut o, "title", text(&e.title));
        push(&mut o, "text", text(&e.text));
        Value::Object(o)
    });
    push_list(&mut m, "timeline", events.collect());
    let characters = movie.characters.iter().map(|c| {
        let mut o = Entries::new();
        own_id(&mut o, &c.key);
        push(&mut o, "name", text(&c.name));
        push_some(&mut o, "actor", c.actor.as_deref());
        push(&mut o, "intro", text(&c.intro));
        if let Some(arc) = &c.arc {
            let mut a = Entries::new();
            push(&mut a, "text", text(&arc.text));
            if let Some(minute) = arc.at_minute {
                push(&mut a, "at_minute", number(minute));
            }
            push(&mut o, "arc", Value::Object(a));
        }
        Value::Object(o)
    });
    push_list(&mut m, "characters", characters.collect());
    for (key, topics) in [("settings", &movie.settings), ("themes", &movie.themes)] {
        let topics = topics.iter().map(|t| {
            let mut o = Entries::new();
            push(&mut o, "name", text(&t.name));
            push(&mut o, "description", text(&t.description));
            Value::Object(o)
        });
        push_list(&mut m, key, topics.collect());
    }
    let similar = movie.similar.iter().map(|s| {
        let mut o = Entries::new();
        push(&mut o, "title", text(&s.title));
        if let Some(year) = s.year {
            push(&mut o, "year", number(year));
        }
        push_some(&mut o, "reason", s.reason.as_deref());
        push_some(&mut o, "url", s.url.as_deref());
        Value::Object(o)
    });
    push_list(&mut m, "similar", similar.collect());
    if let Some(more) = &movie.more {
        let mut o = Entries::new();
        push_some(&mut o, "box_office", more.box_office.as_deref());
        push_some(&mut o, "cast_and_crew", more.cast_and_crew.as_deref());
        push_some(&mut o, "production", more.production.as_deref());
        let links = more.links.iter().map(|l| {
            let mut o = Entries::new();
            push(&mut o, "label", text(&l.label));
            push(&mut o, "url", text(&l.url));
            Value::Object(o)
        });
        push_list(&mut o, "links", links.collect());
        push(&mut m, "more", Value::Object(o));
    }
    if let Some(updated) = movie.updated {
        push(&mut m, "updated", text(&date(updated)));
    }
    Value::Object(m)
}

/// Appends to each object of `tree` the fields of the same object in
/// `original` that its shape does not list, in their order; objects inside
/// by their key, list items by their position.
fn keep_unknown(tree: &mut Value<'static>, original: &Value<'_>, shape: &'static Shape) {
    let (Value::Object(entries), Value::Object(originals)) = (tree, original) else {
        return;
    };
    for (key, value) in originals {
        let Some(def) = shape.fields.iter().find(|f| f.key == key.as_ref()) else {
            entries.push((Cow::Owned(key.to_string()), value.to_static()));
            continue;
        };
        let Some((_, written)) = entries.iter_mut().find(|(k, _)| k == key) else {
            continue;
        };
        match def.rule {
            Rule::Object(inner) => keep_unknown(written, value, inner),
            Rule::List { of, .. } => {
                if let (Value::Array(items), Value::Array(originals)) = (written, value) {
                    for (item, original) in items.iter_mut().zip(originals) {
                        keep_unknown(item, original, of);
                    }
                }
            }
            _ => {}
        }
    }
}
