//! The document's shape, in one table: every object's fields, with whether
//! each must be there and the rule its value follows.
//!
//! The readers (`readers`) take each field's presence and limits from here
//! and warn about any key not listed; the JSON Schema for editors is
//! generated from here (`schema`, native only). Changing a limit or adding
//! a field is one edit, and the schema test says when the committed schema
//! needs regenerating.

use super::limits::*;

/// Must a field be there (and a list hold at least one entry)?
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Presence {
    /// Must be there (and not null); a required list needs one entry.
    Required,
    /// May be absent or null.
    Optional,
}

/// What a field's value must be.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// The number [`SCHEMA_VERSION`](super::SCHEMA_VERSION).
    Version,
    /// Any text (the `$schema` URL, which the card does not follow).
    AnyText,
    /// Text of at most this many characters: not blank, no control
    /// characters.
    Text(u16),
    /// An id: lowercase letters, digits and `-`, at most [`ID`] characters.
    Slug,
    /// A whole number in `min..=max`; `what` names it in messages.
    Integer(&'static Whole),
    /// A minute of the film: 0 to the movie's runtime.
    Minute,
    /// A list of texts.
    Texts {
        /// At most this many texts.
        items: u16,
        /// Each of at most this many characters.
        chars: u16,
    },
    /// An http(s) URL.
    HttpUrl,
    /// An http(s) URL or a path relative to the JSON file (an image).
    ImageUrl,
    /// A date, or an RFC 3339 date-time.
    Date,
    /// An object of this shape.
    Object(&'static Shape),
    /// A list of objects of this shape.
    List {
        /// At most this many objects.
        items: u16,
        /// The shape of each.
        of: &'static Shape,
    },
}

/// The range of a whole number (limits are small: the table stays small in
/// the bundle).
#[derive(Debug)]
pub struct Whole {
    /// The smallest value allowed.
    pub min: i64,
    /// The largest value allowed.
    pub max: i64,
    /// What the number is, for messages ("a year").
    pub what: &'static str,
}

/// A limit as the table keeps it; a limit that does not fit stops the build.
const fn small(limit: usize) -> u16 {
    assert!(
        limit <= u16::MAX as usize,
        "a limit of the table is over 65535"
    );
    limit as u16
}

/// One field of an object.
#[derive(Debug)]
pub struct FieldDef {
    /// The field's name in the JSON object.
    pub key: &'static str,
    /// Must it be there?
    pub presence: Presence,
    /// What its value must be.
    pub rule: Rule,
    /// For the JSON Schema only: the card never shows it, so the browser's
    /// wasm build leaves it out (the CLI's, with `ssr`, prints the schema).
    #[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
    pub about: &'static str,
}

/// The fields of one kind of object.
#[derive(Debug)]
pub struct Shape {
    /// Its fields, in the order the schema lists them.
    pub fields: &'static [FieldDef],
    /// For the JSON Schema only, like [`FieldDef::about`].
    #[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
    pub about: &'static str,
}

impl Shape {
    /// The field of this key, if the shape lists it.
    pub fn get(&'static self, key: &str) -> Option<&'static FieldDef> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// `field!(key, Required, rule)`, with an optional description last.
macro_rules! field {
    ($key:literal, $presence:ident, $rule:expr) => {
        field!($key, $presence, $rule, "")
    };
    ($key:literal, $presence:ident, $rule:expr, $about:expr) => {
        FieldDef {
            key: $key,
            presence: Presence::$presence,
            rule: $rule,
            #[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
            about: $about,
        }
    };
}

macro_rules! shape {
    ($about:expr, [$($field:expr),* $(,)?]) => {
        Shape {
            fields: &[$($field),*],
            #[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
            about: $about,
        }
    };
}

/// What a reader asking for a key its shape does not list gets (a bug
/// that debug builds catch): an optional field of any text.
pub(super) static UNLISTED: FieldDef = field!("", Optional, Rule::AnyText);

const SHORT: Rule = Rule::Text(small(SHORT_TEXT));
const LONG: Rule = Rule::Text(small(LONG_TEXT));
const YEAR: Rule = Rule::Integer(&Whole {
    min: YEAR_MIN,
    max: YEAR_MAX,
    what: "a year",
});
const NAMES: Rule = Rule::Texts {
    items: small(SMALL_LIST),
    chars: small(SHORT_TEXT),
};
const PARAGRAPH_LIST: Rule = Rule::Texts {
    items: small(PARAGRAPHS),
    chars: small(LONG_TEXT),
};
const fn list(items: usize, of: &'static Shape) -> Rule {
    Rule::List {
        items: small(items),
        of,
    }
}
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
const ITEM_ID: &str = "Optional stable key of the item, unique in its list: a remembered reveal stays with it. Without one, a key is derived from the item's content.";

/// The document: one movie.
pub static MOVIE: Shape = shape!(
    "Data for one spoiler-card element. The card's own validator (and `spoiler-card check`) adds the rules JSON Schema cannot express: minutes within the runtime, timeline order, unique names and ids.",
    [
        field!("$schema", Optional, Rule::AnyText, "URL of this schema, for editors."),
        field!("schema", Required, Rule::Version, "Version of the data contract."),
        field!("id", Required, Rule::Slug, "Stable key for remembered progress, e.g. leaving-las-vegas-1995."),
        field!("title", Required, SHORT),
        field!("year", Required, YEAR),
        field!(
            "runtime_minutes",
            Required,
            Rule::Integer(&Whole { min: 1, max: RUNTIME_MAX, what: "a runtime in minutes" })
        ),
        field!("language", Required, SHORT, "Display name, e.g. English."),
        field!("directors", Required, NAMES),
        field!("genres", Optional, NAMES, "Unique, ignoring ASCII case."),
        field!("synopsis", Required, LONG, "Spoiler-free; always visible."),
        field!("poster", Optional, Rule::Object(&POSTER)),
        field!("spoilers", Required, Rule::Object(&SPOILERS)),
        field!(
            "timeline",
            Optional,
            list(TIMELINE, &EVENT),
            "In film order; each event is a spoiler until the reader's progress reaches it."
        ),
        field!("characters", Optional, list(CHARACTERS, &CHARACTER)),
        field!("settings", Optional, list(TOPICS, &TOPIC)),
        field!("themes", Optional, list(TOPICS, &TOPIC)),
        field!("similar", Optional, list(TOPICS, &SIMILAR)),
        field!("more", Optional, Rule::Object(&MORE)),
        field!("updated", Optional, Rule::Date),
    ]
);

/// The poster image.
pub static POSTER: Shape = shape!(
    "The poster image.",
    [
        field!(
            "src",
            Required,
            Rule::ImageUrl,
            "http(s) URL, or a path relative to the JSON file."
        ),
        field!("alt", Required, SHORT),
    ]
);

/// The plot and the ending.
pub static SPOILERS: Shape = shape!(
    "Never rendered before the reader asks.",
    [
        field!(
            "warning",
            Optional,
            SHORT,
            "Extra warning shown on the gate before reveal: keep it spoiler-free."
        ),
        field!("summary", Required, PARAGRAPH_LIST),
        field!("ending", Optional, PARAGRAPH_LIST),
        field!("post_credits", Optional, PARAGRAPH_LIST),
    ]
);

/// One event of the timeline.
pub static EVENT: Shape = shape!(
    "One event of the timeline.",
    [
        field!("id", Optional, Rule::Slug, ITEM_ID),
        field!("at_minute", Required, Rule::Minute),
        field!("title", Required, SHORT),
        field!("text", Required, LONG),
    ]
);

/// One character.
pub static CHARACTER: Shape = shape!(
    "One character; the name is unique in the list, ignoring ASCII case.",
    [
        field!("id", Optional, Rule::Slug, ITEM_ID),
        field!("name", Required, SHORT),
        field!("actor", Optional, SHORT),
        field!("intro", Required, LONG, "Spoiler-free; always visible."),
        field!("arc", Optional, Rule::Object(&ARC)),
    ]
);

/// A character's arc.
pub static ARC: Shape = shape!(
    "A spoiler; without at_minute it counts as the end of the film.",
    [
        field!("text", Required, LONG),
        field!("at_minute", Optional, Rule::Minute),
    ]
);

/// A setting or a theme.
pub static TOPIC: Shape = shape!(
    "A setting or a theme; the name is unique in its list, ignoring ASCII case.",
    [
        field!("name", Required, SHORT),
        field!("description", Required, LONG),
    ]
);

/// A similar title.
pub static SIMILAR: Shape = shape!(
    "A similar title.",
    [
        field!("title", Required, SHORT),
        field!("year", Optional, YEAR),
        field!("reason", Optional, LONG),
        field!("url", Optional, Rule::HttpUrl),
    ]
);

/// The "More" section.
pub static MORE: Shape = shape!(
    "The \"More\" section.",
    [
        field!("box_office", Optional, LONG),
        field!("cast_and_crew", Optional, LONG),
        field!("production", Optional, LONG),
        field!("links", Optional, list(SMALL_LIST, &LINK)),
    ]
);

/// A link of "More".
pub static LINK: Shape = shape!(
    "A link.",
    [
        field!("label", Required, SHORT),
        field!("url", Required, Rule::HttpUrl),
    ]
);
