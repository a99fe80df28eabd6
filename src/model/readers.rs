//! One reader per object of the document: the movie, its poster, spoilers,
//! events, characters, topics, similar titles and "more". Each reads its
//! fields through an [`ObjectReader`], which takes presence and limits from
//! the shape table (`fields`); what stays here is what the table cannot say:
//! how the fields combine into the model, item keys, order and uniqueness.

use super::checker::{whole, Checker, ROOT};
use super::fields::{
    arc, character, event, field, link, more, movie, poster, similar, spoilers, topic, MOVIE,
};
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
        let schema_url = o.raw(movie::SCHEMA_URL);
        if !matches!(schema_url.value, Some(Value::String(_)) | None) {
            o.checker.error(
                &schema_url.path,
                "expected text (the URL of the JSON Schema)",
            );
        }

        let id = o.slug(movie::ID);
        let title = o.text(movie::TITLE);
        let year = o.integer(movie::YEAR);
        let runtime = o.integer(movie::RUNTIME_MINUTES);
        let language = o.text(movie::LANGUAGE);
        let directors = o.texts(movie::DIRECTORS).into_iter().flatten().collect();
        let genres = o.texts(movie::GENRES);
        o.unique(movie::GENRES.def, &as_names(&genres), Named::Itself);
        let genres = genres.into_iter().flatten().collect();
        let synopsis = o.text(movie::SYNOPSIS);
        let poster = o.object(movie::POSTER, |p| {
            let src = p.image_url(poster::SRC);
            let alt = p.text(poster::ALT);
            Some(Poster {
                src: src?,
                alt: alt?,
            })
        });
        let spoilers = o.object(movie::SPOILERS, |s| {
            let warning = s.text(spoilers::WARNING);
            let summary = texts(s, spoilers::SUMMARY);
            let ending = texts(s, spoilers::ENDING);
            let post_credits = texts(s, spoilers::POST_CREDITS);
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
        let settings = topics(&mut o, movie::SETTINGS);
        let themes = topics(&mut o, movie::THEMES);
        let similar = similar(&mut o);
        let more = o.object(movie::MORE, more);
        let updated = o.date(movie::UPDATED);

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
    let (path, value) = o.version(movie::SCHEMA);
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
fn texts(o: &mut ObjectReader<'_, '_>, field: field::Texts) -> Vec<String> {
    o.texts(field).into_iter().flatten().collect()
}

fn as_names(names: &[Option<String>]) -> Vec<Option<&str>> {
    names.iter().map(Option::as_deref).collect()
}

fn timeline(o: &mut ObjectReader<'_, '_>, runtime: Option<u16>) -> Vec<Event> {
    let mut events = Vec::new();
    let mut ids = Vec::new();
    let mut previous: Option<u16> = None;
    o.each(movie::TIMELINE, &mut |item| {
        let Some(e) = item else {
            ids.push(None);
            return;
        };
        let id = e.slug(event::ID);
        let minute = e.minute(event::AT_MINUTE, runtime);
        if let (Some(m), Some(p)) = (minute, previous) {
            if m < p {
                let path = e.path.key(event::AT_MINUTE.def.key);
                e.checker.error(
                    &path,
                    format!("{m} comes before the previous event ({p}); keep the timeline in film order"),
                );
            }
        }
        previous = minute.or(previous);
        let title = e.text(event::TITLE);
        let text = e.text(event::TEXT);
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
    o.unique(
        movie::TIMELINE.def,
        &as_names(&ids),
        Named::ByField(event::ID.def),
    );
    events
}

fn characters(o: &mut ObjectReader<'_, '_>, runtime: Option<u16>) -> Vec<Character> {
    let mut characters = Vec::new();
    let mut names = Vec::new();
    let mut ids = Vec::new();
    o.each(movie::CHARACTERS, &mut |item| {
        let Some(c) = item else {
            names.push(None);
            ids.push(None);
            return;
        };
        let id = c.slug(character::ID);
        let name = c.text(character::NAME);
        names.push(name.clone());
        let actor = c.text(character::ACTOR);
        let intro = c.text(character::INTRO);
        let arc = c.object(character::ARC, |a| {
            let text = a.text(arc::TEXT);
            let at_minute = a.minute(arc::AT_MINUTE, runtime);
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
    o.unique(
        movie::CHARACTERS.def,
        &as_names(&names),
        Named::ByField(character::NAME.def),
    );
    o.unique(
        movie::CHARACTERS.def,
        &as_names(&ids),
        Named::ByField(character::ID.def),
    );
    characters
}

fn topics(o: &mut ObjectReader<'_, '_>, list: field::List) -> Vec<Topic> {
    let mut topics = Vec::new();
    let mut names = Vec::new();
    o.each(list, &mut |item| {
        let Some(t) = item else {
            names.push(None);
            return;
        };
        let name = t.text(topic::NAME);
        names.push(name.clone());
        let description = t.text(topic::DESCRIPTION);
        if let (Some(name), Some(description)) = (name, description) {
            topics.push(Topic { name, description });
        }
    });
    o.unique(list.def, &as_names(&names), Named::ByField(topic::NAME.def));
    topics
}

fn similar(o: &mut ObjectReader<'_, '_>) -> Vec<Similar> {
    let mut similar = Vec::new();
    o.each(movie::SIMILAR, &mut |item| {
        let Some(s) = item else { return };
        let title = s.text(similar::TITLE);
        let year = s.integer(similar::YEAR).map(|y| y as u16);
        let reason = s.text(similar::REASON);
        let url = s.http_url(similar::URL);
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
    let box_office = o.text(more::BOX_OFFICE);
    let cast_and_crew = o.text(more::CAST_AND_CREW);
    let production = o.text(more::PRODUCTION);
    let mut links = Vec::new();
    let mut links_ok = true;
    o.each(more::LINKS, &mut |item| {
        let Some(l) = item else {
            links_ok = false;
            return;
        };
        let label = l.text(link::LABEL);
        let url = l.http_url(link::URL);
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
