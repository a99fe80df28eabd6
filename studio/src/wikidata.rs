//! A movie's facts from Wikidata (CC0): a film's entity, as
//! `Special:EntityData/Q….json` or `wbgetentities` gives it, gives the
//! title, the year, the runtime and a link; the items it refers to (the
//! directors, the genres, the cast and their roles) give the names. Plain
//! Rust, tested natively on real entities (`tests/fixtures/wikidata/`).
//!
//! What is read becomes a list of [`Change`]s to the author's document:
//! a field the author left empty is filled, one they wrote is replaced only
//! if they say so ([`Change::asks`]), and lists only grow.

use std::borrow::Cow;

use spoiler_card::json;
use spoiler_card::value::Value;

use crate::doc::{self, Step};

/// Wikidata's units of time (P2047's unit), in minutes.
const UNITS: &[(&str, f64)] = &[
    ("http://www.wikidata.org/entity/Q7727", 1.0),
    ("http://www.wikidata.org/entity/Q11574", 1.0 / 60.0),
    ("http://www.wikidata.org/entity/Q25235", 60.0),
];

/// The most items `wbgetentities` gives at once.
pub const IDS_PER_REQUEST: usize = 50;

/// An item's labels: (language code, label). A list, not a map: the
/// studio's bundle carries no map type for them (and floats are read by
/// the card's JSON reader, not `str::parse`), which measured ~30 KB.
pub type Labels = Vec<(String, String)>;

/// A cast member: the actor's item and the role they play.
#[derive(Debug, Clone, PartialEq)]
pub struct CastMember {
    /// The actor's Q-id.
    pub actor: String,
    /// The role: a character's item (P453) or its name as text (P4633).
    pub role: Option<Role>,
}

/// A character role.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The character's own item (P453), named by its label.
    Item(String),
    /// The role's name as text (P4633).
    Named(String),
}

/// What a film's entity says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Film {
    /// The film's Q-id.
    pub id: String,
    /// Its labels: (language code, label).
    pub labels: Labels,
    /// The year of its earliest publication date (P577).
    pub year: Option<u16>,
    /// Its duration (P2047), in minutes.
    pub runtime_minutes: Option<u16>,
    /// The directors' Q-ids (P57).
    pub directors: Vec<String>,
    /// The genres' Q-ids (P136).
    pub genres: Vec<String>,
    /// The cast (P161).
    pub cast: Vec<CastMember>,
}

/// Why a pasted text gave nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not JSON; the reader's reason.
    NotJson(String),
    /// JSON, but no Wikidata entity in it.
    NoEntity,
    /// Entities, but none is a film and no film was read before.
    NoFilm,
}

/// A Wikidata import being put together: the film, and the labels of every
/// item read so far (from the film's own paste, later pastes, or a fetch).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// The film.
    pub film: Film,
    /// The labels of the items read: (Q-id, its labels).
    labels: Vec<(String, Labels)>,
}

impl Import {
    /// Reads pasted or fetched JSON into `previous` (or a new import): the
    /// first film it holds, else the labels it holds for the film already
    /// read.
    pub fn read(text: &str, previous: Option<&Import>) -> Result<Import, ReadError> {
        let tree = json::parse(text).map_err(|e| match e {
            json::ParseError::Syntax(why) | json::ParseError::Limit(why) => ReadError::NotJson(why),
        })?;
        let entities = entities(&tree);
        if entities.is_empty() {
            return Err(ReadError::NoEntity);
        }
        let film = entities.iter().find_map(|e| read_film(e));
        let mut import = match (film, previous) {
            // Another film starts afresh; the same film read again keeps
            // the names already known.
            (Some(film), Some(previous)) if film.id == previous.film.id => Import {
                film,
                labels: previous.labels.clone(),
            },
            (Some(film), _) => Import {
                film,
                labels: Vec::new(),
            },
            (None, Some(previous)) => previous.clone(),
            (None, None) => return Err(ReadError::NoFilm),
        };
        for entity in entities {
            if let Some(id) = text_of(entity, "id") {
                let labels = labels_of(entity);
                if !labels.is_empty() {
                    import.labels.retain(|(known, _)| known != id);
                    import.labels.push((id.to_owned(), labels));
                }
            }
        }
        Ok(import)
    }

    /// The items the film refers to whose names are not known yet, each
    /// once, in the film's order.
    pub fn missing(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let referred = self.film.directors.iter().chain(&self.film.genres).chain(
            self.film.cast.iter().flat_map(|c| {
                let role = match &c.role {
                    Some(Role::Item(id)) => Some(id),
                    _ => None,
                };
                std::iter::once(&c.actor).chain(role)
            }),
        );
        for id in referred {
            if self.labels_of(id).is_none() && !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// The name of item `id` in `lang`, else English.
    pub fn label(&self, id: &str, lang: &str) -> Option<String> {
        pick(self.labels_of(id)?, lang)
    }

    fn labels_of(&self, id: &str) -> Option<&Labels> {
        self.labels
            .iter()
            .find(|(known, _)| known == id)
            .map(|(_, l)| l)
    }

    /// The film's title in `lang`, else English.
    pub fn title(&self, lang: &str) -> Option<String> {
        pick(&self.film.labels, lang)
    }

    /// The changes this import makes to `tree`, for the studio's language
    /// `lang`; what the document already says is no change.
    pub fn changes(&self, tree: &Value<'static>, lang: &str) -> Vec<Change> {
        let mut changes = Vec::new();
        let mut scalar = |field: Field, value: Option<Value<'static>>| {
            let Some(value) = value else { return };
            let path = field.path();
            let current = doc::get(tree, &path);
            let written = current.is_some_and(|v| !is_empty(v));
            if current != Some(&value) {
                changes.push(Change {
                    field,
                    value,
                    asks: written,
                });
            }
        };
        scalar(Field::Title, self.title(lang).map(|t| doc::text(&t)));
        scalar(
            Field::Year,
            self.film.year.map(|y| Value::Number(f64::from(y))),
        );
        scalar(
            Field::Runtime,
            self.film
                .runtime_minutes
                .map(|m| Value::Number(f64::from(m))),
        );
        let names = |ids: &[String]| -> Option<Value<'static>> {
            let names: Vec<Value<'static>> = ids
                .iter()
                .filter_map(|id| self.label(id, lang))
                .map(|name| doc::text(&name))
                .collect();
            (!names.is_empty()).then_some(Value::Array(names))
        };
        scalar(Field::Directors, names(&self.film.directors));
        scalar(Field::Genres, names(&self.film.genres));
        // Characters and the link are added, never replaced: a character of
        // that name (ignoring ASCII case) already there stays as written.
        let mut present: Vec<String> = (0..doc::len_at(tree, &[Step::Key("characters")]))
            .map(|i| {
                doc::text_at(
                    tree,
                    &[Step::Key("characters"), Step::Index(i), Step::Key("name")],
                )
            })
            .collect();
        for member in &self.film.cast {
            let role = match &member.role {
                Some(Role::Item(id)) => self.label(id, lang),
                Some(Role::Named(name)) => Some(name.clone()),
                None => None,
            };
            let (Some(name), Some(actor)) = (role, self.label(&member.actor, lang)) else {
                continue;
            };
            if present.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
                continue;
            }
            present.push(name.clone());
            changes.push(Change {
                field: Field::Character,
                value: Value::Object(vec![
                    (Cow::Borrowed("name"), doc::text(&name)),
                    (Cow::Borrowed("actor"), doc::text(&actor)),
                    (Cow::Borrowed("intro"), doc::text("")),
                ]),
                asks: false,
            });
        }
        let url = self.url();
        let links = [Step::Key("more"), Step::Key("links")];
        let linked = (0..doc::len_at(tree, &links)).any(|i| {
            let mut path = links.to_vec();
            path.extend([Step::Index(i), Step::Key("url")]);
            doc::text_at(tree, &path) == url
        });
        if !linked {
            changes.push(Change {
                field: Field::Link,
                value: Value::Object(vec![
                    (Cow::Borrowed("label"), doc::text("Wikidata")),
                    (Cow::Borrowed("url"), doc::text(&url)),
                ]),
                asks: false,
            });
        }
        changes
    }

    /// The film's page on Wikidata.
    pub fn url(&self) -> String {
        format!("https://www.wikidata.org/wiki/{}", self.film.id)
    }

    /// The cast members with no character role on Wikidata (not made
    /// characters: a character needs a name), as the actors' names or ids.
    pub fn cast_without_role(&self, lang: &str) -> Vec<String> {
        self.film
            .cast
            .iter()
            .filter(|c| c.role.is_none())
            .map(|c| {
                self.label(&c.actor, lang)
                    .unwrap_or_else(|| c.actor.clone())
            })
            .collect()
    }
}

/// A field an import changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `title`
    Title,
    /// `year`
    Year,
    /// `runtime_minutes`
    Runtime,
    /// `directors`
    Directors,
    /// `genres`
    Genres,
    /// A new item of `characters`.
    Character,
    /// A new item of `more.links`.
    Link,
}

impl Field {
    /// Where the field is in the document (a list, for an added item).
    pub fn path(self) -> Vec<Step> {
        match self {
            Field::Title => vec![Step::Key("title")],
            Field::Year => vec![Step::Key("year")],
            Field::Runtime => vec![Step::Key("runtime_minutes")],
            Field::Directors => vec![Step::Key("directors")],
            Field::Genres => vec![Step::Key("genres")],
            Field::Character => vec![Step::Key("characters")],
            Field::Link => vec![Step::Key("more"), Step::Key("links")],
        }
    }
}

/// One change an import makes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The field.
    pub field: Field,
    /// Its new value (the item added, for a list that grows).
    pub value: Value<'static>,
    /// It replaces what the author wrote: made only if they say so.
    pub asks: bool,
}

impl Change {
    /// The value as the studio shows it: text, a number, names joined by
    /// commas, a character as `name (actor)`.
    pub fn shown(&self) -> String {
        shown(&self.value)
    }
}

/// A value as the import panel shows it.
pub fn shown(value: &Value<'_>) -> String {
    match value {
        Value::String(s) => s.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(_) => {
            let get = |key: &str| field(value, key).map(shown);
            match (get("name"), get("actor"), get("label"), get("url")) {
                (Some(name), Some(actor), _, _) => format!("{name} ({actor})"),
                (_, _, Some(label), Some(url)) => format!("{label}: {url}"),
                _ => String::new(),
            }
        }
        Value::Null | Value::Bool(_) => String::new(),
    }
}

/// `tree` with `changes` made; `allowed(field)` says whether the author let
/// the change of `field` replace what they wrote. The id follows the new
/// title and year as when the author types them ([`doc::follow_id`]).
pub fn apply(
    tree: &Value<'static>,
    changes: &[Change],
    allowed: impl Fn(Field) -> bool,
) -> Value<'static> {
    let mut next = tree.clone();
    for change in changes {
        if change.asks && !allowed(change.field) {
            continue;
        }
        let path = change.field.path();
        match change.field {
            Field::Character | Field::Link => {
                let at = doc::len_at(&next, &path);
                doc::insert(&mut next, &path, at, change.value.clone());
            }
            _ => doc::set(&mut next, &path, Some(change.value.clone())),
        }
    }
    doc::follow_id(tree, &mut next);
    next
}

/// A Q-id from what an author may type: `Q2262932`, `q2262932`, or a link
/// to the item (`https://www.wikidata.org/wiki/Q2262932`,
/// `…/Special:EntityData/Q2262932.json`).
pub fn qid(input: &str) -> Option<String> {
    let input = input.trim().trim_end_matches('/');
    let last = input.rsplit(['/', ':', '=']).next()?;
    let last = last.strip_suffix(".json").unwrap_or(last);
    let digits = last.strip_prefix(['Q', 'q'])?;
    let valid = !digits.is_empty()
        && digits.len() <= 12
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| format!("Q{digits}"))
}

/// The `wbgetentities` URL for a film: its labels and its statements.
pub fn film_url(id: &str) -> String {
    format!(
        "https://www.wikidata.org/w/api.php?action=wbgetentities&format=json&origin=*&props=labels%7Cclaims&ids={id}"
    )
}

/// The `wbgetentities` URLs for the labels of `ids` in `lang` and English,
/// [`IDS_PER_REQUEST`] ids each.
pub fn labels_urls(ids: &[String], lang: &str) -> Vec<String> {
    let languages = if lang == "en" || lang.is_empty() {
        "en".to_owned()
    } else {
        format!("{lang}%7Cen")
    };
    ids.chunks(IDS_PER_REQUEST)
        .map(|chunk| {
            format!(
                "https://www.wikidata.org/w/api.php?action=wbgetentities&format=json&origin=*&props=labels&languages={languages}&ids={}",
                chunk.join("%7C")
            )
        })
        .collect()
}

/// Is `value` what the author has not written (no value, empty text, an
/// empty list)?
fn is_empty(value: &Value<'_>) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// The label in `lang` (or its primary language: `de` for `de-at`), else
/// in English.
fn pick(labels: &Labels, lang: &str) -> Option<String> {
    let lang = lang.to_ascii_lowercase();
    let primary = lang.split('-').next().unwrap_or_default();
    [lang.as_str(), primary, "en"].iter().find_map(|code| {
        labels
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, label)| label.clone())
    })
}

/// The entities of a document: `{"entities": {"Q1": {…}, …}}` (what
/// `Special:EntityData` and `wbgetentities` give), or one entity.
fn entities<'v, 't>(tree: &'v Value<'t>) -> Vec<&'v Value<'t>> {
    if let Some(Value::Object(entries)) = field(tree, "entities") {
        return entries
            .iter()
            .map(|(_, e)| e)
            .filter(|e| text_of(e, "id").is_some_and(|id| qid(id).as_deref() == Some(id)))
            .collect();
    }
    if text_of(tree, "id").is_some_and(|id| qid(id).as_deref() == Some(id)) {
        return vec![tree];
    }
    Vec::new()
}

/// The film an entity is: an item with any of the statements a film's
/// facts come from (a person or a genre has none of them).
fn read_film(entity: &Value<'_>) -> Option<Film> {
    let id = text_of(entity, "id")?.to_owned();
    let claims = field(entity, "claims")?;
    let is_film = ["P57", "P161", "P577", "P2047"]
        .iter()
        .any(|p| field(claims, p).is_some());
    if !is_film {
        return None;
    }
    let year = statements(claims, "P577", false)
        .filter_map(|s| {
            let value = field(field(s, "mainsnak")?, "datavalue")?;
            year_of(field(value, "value")?)
        })
        .min();
    let runtime_minutes = statements(claims, "P2047", true).find_map(|s| {
        let value = field(field(field(s, "mainsnak")?, "datavalue")?, "value")?;
        // A decimal string (`+82`, `+1.5`), read as JSON reads a number.
        let amount = match json::parse(text_of(value, "amount")?.trim_start_matches('+')) {
            Ok(Value::Number(n)) => n,
            _ => return None,
        };
        let unit = text_of(value, "unit")?;
        let per = UNITS.iter().find(|(u, _)| *u == unit)?.1;
        let minutes = (amount * per).round();
        (1.0..=f64::from(u16::MAX))
            .contains(&minutes)
            .then_some(minutes as u16)
    });
    let items = |property: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for id in statements(claims, property, false).filter_map(item_of_statement) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    };
    let cast = statements(claims, "P161", false)
        .filter_map(|s| {
            let actor = item_of_statement(s)?;
            let qualifiers = field(s, "qualifiers");
            let role = qualifiers
                .and_then(|q| snaks(q, "P453").find_map(item_of_snak))
                .map(Role::Item)
                .or_else(|| {
                    qualifiers
                        .and_then(|q| {
                            snaks(q, "P4633").find_map(|snak| {
                                let name = text_of(field(snak, "datavalue")?, "value")?.trim();
                                (!name.is_empty()).then(|| name.to_owned())
                            })
                        })
                        .map(Role::Named)
                });
            Some(CastMember { actor, role })
        })
        .collect();
    Some(Film {
        id,
        labels: labels_of(entity),
        year,
        runtime_minutes,
        directors: items("P57"),
        genres: items("P136"),
        cast,
    })
}

/// An entity's labels, by language.
fn labels_of(entity: &Value<'_>) -> Labels {
    let mut out = Labels::new();
    if let Some(Value::Object(entries)) = field(entity, "labels") {
        for (code, label) in entries {
            if let Some(value) = text_of(label, "value") {
                let value = value.trim();
                if !value.is_empty() {
                    out.push((code.to_ascii_lowercase(), value.to_owned()));
                }
            }
        }
    }
    out
}

/// A property's statements that stand (not deprecated), in the entity's
/// order; with `preferred_first`, the preferred ones alone if there are any
/// (for a fact with one value, such as the runtime).
fn statements<'v, 't>(
    claims: &'v Value<'t>,
    property: &str,
    preferred_first: bool,
) -> impl Iterator<Item = &'v Value<'t>> {
    let all: &[Value<'t>] = match field(claims, property) {
        Some(Value::Array(items)) => items,
        _ => &[],
    };
    fn rank<'v>(statement: &'v Value<'_>) -> &'v str {
        text_of(statement, "rank").unwrap_or("normal")
    }
    let only_preferred = preferred_first && all.iter().any(|s| rank(s) == "preferred");
    all.iter().filter(move |s| match rank(s) {
        "deprecated" => false,
        "preferred" => true,
        _ => !only_preferred,
    })
}

/// A qualifier's snaks.
fn snaks<'v, 't>(qualifiers: &'v Value<'t>, property: &str) -> impl Iterator<Item = &'v Value<'t>> {
    match field(qualifiers, property) {
        Some(Value::Array(items)) => items.iter(),
        _ => [].iter(),
    }
}

/// The item a statement's main value is.
fn item_of_statement(statement: &Value<'_>) -> Option<String> {
    item_of_snak(field(statement, "mainsnak")?)
}

/// The item a snak's value is (none for "no value" or "unknown value").
fn item_of_snak(snak: &Value<'_>) -> Option<String> {
    if text_of(snak, "snaktype") != Some("value") {
        return None;
    }
    let id = text_of(field(field(snak, "datavalue")?, "value")?, "id")?;
    qid(id).filter(|q| q == id)
}

/// The year of a Wikidata time value (`+1931-01-01T00:00:00Z`), if it
/// says one (its precision is a year or finer) the card accepts.
fn year_of(time: &Value<'_>) -> Option<u16> {
    let precision = match field(time, "precision") {
        Some(Value::Number(n)) => *n,
        _ => return None,
    };
    if precision < 9.0 {
        return None;
    }
    let digits = text_of(time, "time")?.strip_prefix('+')?;
    let year: u16 = digits.split('-').next()?.parse().ok()?;
    (1..=9999).contains(&year).then_some(year)
}

/// The field `key` of an object (`doc::get` takes only the form's own,
/// static keys; Wikidata's are the entity's).
fn field<'v, 't>(value: &'v Value<'t>, key: &str) -> Option<&'v Value<'t>> {
    match value {
        Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn text_of<'v>(value: &'v Value<'_>, key: &str) -> Option<&'v str> {
    match field(value, key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}
