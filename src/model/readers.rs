//! One reader per object of the document: the movie, its poster, spoilers,
//! events, characters, topics, similar titles and "more". Each reads its
//! fields through an [`ObjectReader`], which takes presence and limits from
//! the shape table (`fields`); what stays here is what the table cannot say:
//! how the fields combine into the model, item keys, order and uniqueness.

use super::checker::{whole, Checker, ROOT};
use super::fields::MOVIE;
use super::keys::derived_key;
use super::object_reader::{Named, ObjectReader};
use super::*;
use crate::value::Value;

impl Checker {
    pub(super) fn movie(&mut self, document: &Value<'_>) -> Option<Movie> {
        let mut o = ObjectReader::open(self, document, &ROOT, &MOVIE)?;
        if !schema_version(&mut o) {
            // A document of another version may mean anything: stop here.
            return None;
        }
        let schema_url = o.raw("$schema");
        if !matches!(schema_url.value, Some(Value::String(_)) | None) {
            o.checker.error(
                &schema_url.path,
                "expected text (the URL of the JSON Schema)",
            );
        }

        let id = o.slug("id");
        let title = o.text("title");
        let year = o.integer("year");
        let runtime = o.integer("runtime_minutes");
        let language = o.text("language");
        let directors = o.texts("directors").into_iter().flatten().collect();
        let genres = o.texts("genres");
        o.unique("genres", &as_names(&genres), Named::Itself);
        let genres = genres.into_iter().flatten().collect();
        let synopsis = o.text("synopsis");
        let poster = o.object("poster", |p| {
            let src = p.image_url("src");
            let alt = p.text("alt");
            Some(Poster {
                src: src?,
                alt: alt?,
            })
        });
        let spoilers = o.object("spoilers", |s| {
            let warning = s.text("warning");
            let summary = texts(s, "summary");
            let ending = texts(s, "ending");
            let post_credits = texts(s, "post_credits");
            Some(Spoilers {
                warning,
                summary,
                ending,
                post_credits,
            })
        });
        let runtime_for_minutes = runtime.map(|r| r as u16);
        let timeline = timeline(&mut o, runtime_for_minutes);
        let characters = characters(&mut o, runtime_for_minutes);
        let settings = topics(&mut o, "settings");
        let themes = topics(&mut o, "themes");
        let similar = similar(&mut o);
        let more = o.object("more", more);
        let updated = o.date("updated");

        Some(Movie {
            id: id?,
            title: title?,
            year: year? as u16,
            runtime_minutes: runtime? as u16,
            language: language?,
            directors,
            genres,
            synopsis: synopsis?,
            poster,
            spoilers: spoilers?,
            timeline,
            characters,
            settings,
            themes,
            similar,
            more,
            updated,
        })
    }
}

/// Is the document of the version this card reads? (Reported if not.)
fn schema_version(o: &mut ObjectReader<'_, '_>) -> bool {
    let (_, path, value) = o.take("schema");
    match value {
        Some(Value::Number(n)) if *n == SCHEMA_VERSION as f64 => true,
        Some(Value::Number(n)) => {
            let n = whole(*n);
            o.checker.error(
                &path,
                format!("version {n} is not supported (this card reads version {SCHEMA_VERSION})"),
            );
            false
        }
        Some(other) => {
            o.checker.error(
                &path,
                format!(
                    "expected the number {SCHEMA_VERSION}, found {}",
                    other.kind()
                ),
            );
            false
        }
        None => false,
    }
}

/// A list of texts; the invalid ones are reported and left out.
fn texts(o: &mut ObjectReader<'_, '_>, key: &'static str) -> Vec<String> {
    o.texts(key).into_iter().flatten().collect()
}

fn as_names(names: &[Option<String>]) -> Vec<Option<&str>> {
    names.iter().map(Option::as_deref).collect()
}

fn timeline(o: &mut ObjectReader<'_, '_>, runtime: Option<u16>) -> Vec<Event> {
    let mut events = Vec::new();
    let mut ids = Vec::new();
    let mut previous: Option<u16> = None;
    o.each("timeline", &mut |item| {
        let Some(e) = item else {
            ids.push(None);
            return;
        };
        let id = e.slug("id");
        let minute = e.minute("at_minute", runtime);
        if let (Some(m), Some(p)) = (minute, previous) {
            if m < p {
                let path = e.path.key("at_minute");
                e.checker.error(
                    &path,
                    format!("{m} comes before the previous event ({p}); keep the timeline in film order"),
                );
            }
        }
        previous = minute.or(previous);
        let title = e.text("title");
        let text = e.text("text");
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
    });
    o.unique("timeline", &as_names(&ids), Named::ByField("id"));
    events
}

fn characters(o: &mut ObjectReader<'_, '_>, runtime: Option<u16>) -> Vec<Character> {
    let mut characters = Vec::new();
    let mut names = Vec::new();
    let mut ids = Vec::new();
    o.each("characters", &mut |item| {
        let Some(c) = item else {
            names.push(None);
            ids.push(None);
            return;
        };
        let id = c.slug("id");
        let name = c.text("name");
        names.push(name.clone());
        let actor = c.text("actor");
        let intro = c.text("intro");
        let arc = c.object("arc", |a| {
            let text = a.text("text");
            let at_minute = a.minute("at_minute", runtime);
            Some(Arc {
                text: text?,
                at_minute,
            })
        });
        if let (Some(name), Some(intro)) = (name, intro) {
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
    });
    o.unique("characters", &as_names(&names), Named::ByField("name"));
    o.unique("characters", &as_names(&ids), Named::ByField("id"));
    characters
}

fn topics(o: &mut ObjectReader<'_, '_>, key: &'static str) -> Vec<Topic> {
    let mut topics = Vec::new();
    let mut names = Vec::new();
    o.each(key, &mut |item| {
        let Some(t) = item else {
            names.push(None);
            return;
        };
        let name = t.text("name");
        names.push(name.clone());
        let description = t.text("description");
        if let (Some(name), Some(description)) = (name, description) {
            topics.push(Topic { name, description });
        }
    });
    o.unique(key, &as_names(&names), Named::ByField("name"));
    topics
}

fn similar(o: &mut ObjectReader<'_, '_>) -> Vec<Similar> {
    let mut similar = Vec::new();
    o.each("similar", &mut |item| {
        let Some(s) = item else { return };
        let title = s.text("title");
        let year = s.integer("year").map(|y| y as u16);
        let reason = s.text("reason");
        let url = s.http_url("url");
        if let Some(title) = title {
            similar.push(Similar {
                title,
                year,
                reason,
                url,
            });
        }
    });
    similar
}

fn more(o: &mut ObjectReader<'_, '_>) -> Option<More> {
    let box_office = o.text("box_office");
    let cast_and_crew = o.text("cast_and_crew");
    let production = o.text("production");
    let mut links = Vec::new();
    let mut links_ok = true;
    o.each("links", &mut |item| {
        let Some(l) = item else {
            links_ok = false;
            return;
        };
        let label = l.text("label");
        let url = l.http_url("url");
        match (label, url) {
            (Some(label), Some(url)) => links.push(Link { label, url }),
            _ => links_ok = false,
        }
    });
    // One broken link drops the section: it has errors, so no movie anyway.
    links_ok.then_some(More {
        box_office,
        cast_and_crew,
        production,
        links,
    })
}
