//! One reader per object of the document: the movie, its poster, spoilers,
//! events, characters, topics, similar titles, "more" and its date.

use super::checker::{whole, Checker, Entries, Path, Presence, ROOT, TOP_FIELDS};
use super::keys::{derived_key, first_uses_of_texts};
use super::*;
use crate::value::Value;

/// Where a list item's name is, for [`Checker::unique`]'s messages.
#[derive(Clone, Copy)]
enum Named {
    /// The item is the name (a genre).
    Itself,
    /// The item's field of this key (a character's `name`, an `id`).
    ByField(&'static str),
}

impl Checker {
    pub(super) fn movie(&mut self, document: &Value<'_>) -> Option<Movie> {
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
            Presence::Required,
        );
        let genres = self.text_items(
            entries,
            root,
            "genres",
            limits::SMALL_LIST,
            limits::SHORT_TEXT,
            Presence::Optional,
        );
        self.unique(
            &genres.iter().map(Option::as_deref).collect::<Vec<_>>(),
            &root.key("genres"),
            Named::Itself,
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

    /// Reports every name (or id) used again in a list (ASCII case and
    /// outer spaces aside), naming the first use. `None` stands for an item whose
    /// name is missing or invalid: it is skipped, and the others keep their
    /// real index.
    fn unique(&mut self, names: &[Option<&str>], list_path: &Path, named: Named) {
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
                Named::ByField(key) => self.error(&item.key(key), message),
                Named::Itself => self.error(&item, message),
            }
        }
    }

    /// An optional `id` of a list item: a slug, unique in its list (the
    /// list's checks collect them, by position).
    fn item_id(&mut self, obj: &Entries<'_>, path: &Path) -> Option<String> {
        let field = self.field(obj, path, "id");
        self.optional(&field, |c, v, p| c.slug(v, p))
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

    fn poster(&mut self, entries: &Entries<'_>) -> Option<Poster> {
        let field = self.field(entries, &ROOT, "poster");
        self.optional(&field, |c, value, path| {
            let obj = c.object(value, path, &["src", "alt"])?;
            let src = c
                .required_text(obj, path, "src", limits::URL)
                .and_then(|src| {
                    if is_http_url(&src) || is_plain_relative(&src) {
                        Some(src)
                    } else {
                        c.error(
                            &path.key("src"),
                            "use an http(s) URL or a path relative to the JSON file",
                        );
                        None
                    }
                });
            let alt = c.required_text(obj, path, "alt", limits::SHORT_TEXT);
            Some(Poster {
                src: src?,
                alt: alt?,
            })
        })
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
            Presence::Required,
        );
        let ending = self.text_list(
            obj,
            path,
            "ending",
            limits::PARAGRAPHS,
            limits::LONG_TEXT,
            Presence::Optional,
        );
        let post_credits = self.text_list(
            obj,
            path,
            "post_credits",
            limits::PARAGRAPHS,
            limits::LONG_TEXT,
            Presence::Optional,
        );
        Some(Spoilers {
            warning,
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
        self.unique(&ids, &field.path, Named::ByField("id"));
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
        }
        let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
        self.unique(&names, &field.path, Named::ByField("name"));
        let ids: Vec<Option<&str>> = ids.iter().map(Option::as_deref).collect();
        self.unique(&ids, &field.path, Named::ByField("id"));
        characters
    }

    fn arc(&mut self, obj: &Entries<'_>, path: &Path, runtime: Option<u16>) -> Option<Arc> {
        let field = self.field(obj, path, "arc");
        self.optional(&field, |c, value, path| {
            let arc_obj = c.object(value, path, &["text", "at_minute"])?;
            let text = c.required_text(arc_obj, path, "text", limits::LONG_TEXT);
            let minute_field = c.field(arc_obj, path, "at_minute");
            let at_minute = c.optional(&minute_field, |c, v, p| c.minute(v, p, runtime));
            Some(Arc {
                text: text?,
                at_minute,
            })
        })
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
        self.unique(&names, &field.path, Named::ByField("name"));
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
            if let Some(title) = title {
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

    fn more(&mut self, entries: &Entries<'_>) -> Option<More> {
        let field = self.field(entries, &ROOT, "more");
        self.optional(&field, Self::more_object)
    }

    fn more_object(&mut self, value: &Value<'_>, path: &Path) -> Option<More> {
        let obj = self.object(
            value,
            path,
            &["box_office", "cast_and_crew", "production", "links"],
        )?;
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
        links_ok.then_some(More {
            box_office,
            cast_and_crew,
            production,
            links,
        })
    }

    fn updated(&mut self, entries: &Entries<'_>) -> Option<Date> {
        let field = self.field(entries, &ROOT, "updated");
        self.optional(&field, |c, value, path| {
            let text = c.text(value, path, 64)?;
            let date = parse_date(&text);
            if date.is_none() {
                c.error(
                    path,
                    format!("\"{text}\" is not a date (use YYYY-MM-DD or an RFC 3339 date-time)"),
                );
            }
            date
        })
    }
}
