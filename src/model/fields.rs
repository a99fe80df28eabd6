//! The document's shape, in one table: every object's fields, with whether
//! each must be there and the rule its value follows.
//!
//! Each shape also gets a module of typed handles, one per field
//! ([`movie::TITLE`] is a [`field::Text`]): the readers (`readers`) read a
//! field only through its handle, which carries the table's own rule, so a
//! reader cannot read a field against another rule, nor a field the table
//! does not list (both stop the build). The readers warn about any key not
//! listed; the JSON Schema for editors is generated from here (`schema`,
//! native only). Changing a limit is one edit here; adding a field is the
//! recipe in ARCHITECTURE.md ("Adding a field"), and the schema test says
//! when the committed schema needs regenerating.

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

    /// Every leaf field under this shape, as `timeline[].at_minute`: what
    /// the tests hold the writer and the studio's form to.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn leaf_paths(&'static self) -> Vec<String> {
        fn walk(shape: &'static Shape, prefix: &str, out: &mut Vec<String>) {
            for def in shape.fields {
                let path = format!("{prefix}{}", def.key);
                match def.rule {
                    Rule::Object(inner) => walk(inner, &format!("{path}."), out),
                    Rule::List { of, .. } => walk(of, &format!("{path}[]."), out),
                    _ => out.push(path),
                }
            }
        }
        let mut out = Vec::new();
        walk(self, "", &mut out);
        out
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

/// A shape's table and its module of typed handles, from one line per
/// field: `HANDLE: Kind = "key", Presence, rule[, "about"];`, where `Kind`
/// is the [`field`] type the rule must be (checked while compiling).
macro_rules! shape {
    (
        $(#[$meta:meta])*
        static $name:ident, mod $module:ident, $about:expr;
        $($handle:ident: $kind:ident = $key:literal, $presence:ident, $rule:expr $(, $field_about:expr)?;)*
    ) => {
        $(#[$meta])*
        pub static $name: Shape = Shape {
            fields: &[$(field!($key, $presence, $rule $(, $field_about)?)),*],
            #[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
            about: $about,
        };

        #[doc = concat!("The fields of [`", stringify!($name), "`](super::", stringify!($name), "), one handle each.")]
        pub mod $module {
            $(
                #[doc = concat!("`", $key, "`")]
                pub const $handle: super::field::$kind = super::field::$kind::of(&super::$name, $key);
            )*
        }
    };
}

/// The handles by which the readers read a field: one type per kind of
/// rule, made only by its `of`, which finds the key in the shape while
/// compiling and stops the build if the shape does not list it or gives it
/// a rule of another kind. Each carries its rule's limits, so the reader
/// takes them from the table itself.
///
/// ```
/// use spoiler_card::model::fields::{field, MOVIE};
/// const YEAR: field::Integer = field::Integer::of(&MOVIE, "year");
/// assert_eq!(YEAR.whole.what, "a year");
/// ```
///
/// A year read as text does not build:
///
/// ```compile_fail
/// use spoiler_card::model::fields::{field, MOVIE};
/// const YEAR: field::Text = field::Text::of(&MOVIE, "year");
/// ```
///
/// nor does a field the table does not list:
///
/// ```compile_fail
/// use spoiler_card::model::fields::{field, MOVIE};
/// const YEAR: field::Integer = field::Integer::of(&MOVIE, "yaer");
/// ```
pub mod field {
    use super::{FieldDef, Rule, Shape, Whole};

    /// The table's entry for `key` (a const fn: called only in consts).
    const fn find(shape: &'static Shape, key: &str) -> &'static FieldDef {
        let mut i = 0;
        while i < shape.fields.len() {
            let def = &shape.fields[i];
            if same(def.key, key) {
                return def;
            }
            i += 1;
        }
        panic!("the shape does not list this key")
    }

    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// A handle type for each kind of rule, with what that rule holds.
    macro_rules! kinds {
        ($($(#[$meta:meta])* $kind:ident { $($part:ident: $type:ty),* } = ($pattern:pat);)*) => {
            $(
                $(#[$meta])*
                #[derive(Clone, Copy, Debug)]
                pub struct $kind {
                    /// The table's entry.
                    pub def: &'static FieldDef,
                    $(#[allow(missing_docs)] pub $part: $type,)*
                }

                impl $kind {
                    /// The handle of `key` in `shape` (a compile error if the
                    /// table says otherwise).
                    pub const fn of(shape: &'static Shape, key: &str) -> Self {
                        let def = find(shape, key);
                        let $pattern = def.rule else {
                            panic!("the table gives this field a rule of another kind");
                        };
                        Self { def, $($part: *$part),* }
                    }
                }
            )*
        };
    }

    kinds! {
        /// [`Rule::Version`]
        Version {} = (Rule::Version);
        /// [`Rule::AnyText`]
        AnyText {} = (Rule::AnyText);
        /// [`Rule::Text`]: at most `max` characters.
        Text { max: u16 } = (Rule::Text(ref max));
        /// [`Rule::Slug`]
        Slug {} = (Rule::Slug);
        /// [`Rule::Integer`]
        Integer { whole: &'static Whole } = (Rule::Integer(ref whole));
        /// [`Rule::Minute`]
        Minute {} = (Rule::Minute);
        /// [`Rule::Texts`]
        Texts { items: u16, chars: u16 } = (Rule::Texts { ref items, ref chars });
        /// [`Rule::HttpUrl`]
        HttpUrl {} = (Rule::HttpUrl);
        /// [`Rule::ImageUrl`]
        ImageUrl {} = (Rule::ImageUrl);
        /// [`Rule::Date`]
        Date {} = (Rule::Date);
        /// [`Rule::Object`]
        Object { shape: &'static Shape } = (Rule::Object(ref shape));
        /// [`Rule::List`]
        List { items: u16, of: &'static Shape } = (Rule::List { ref items, ref of });
    }
}

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

shape! {
    /// The document: one movie.
    static MOVIE, mod movie, "Data for one spoiler-card element. The card's own validator (and `spoiler-card check`) adds the rules JSON Schema cannot express: minutes within the runtime, timeline order, unique names and ids.";
    SCHEMA_URL: AnyText = "$schema", Optional, Rule::AnyText, "URL of this schema, for editors.";
    SCHEMA: Version = "schema", Required, Rule::Version, "Version of the data contract.";
    ID: Slug = "id", Required, Rule::Slug, "Stable key for remembered progress, e.g. leaving-las-vegas-1995.";
    TITLE: Text = "title", Required, SHORT;
    YEAR: Integer = "year", Required, YEAR;
    RUNTIME_MINUTES: Integer = "runtime_minutes", Required, Rule::Integer(&Whole { min: 1, max: RUNTIME_MAX, what: "a runtime in minutes" });
    LANGUAGE: Text = "language", Required, SHORT, "Display name, e.g. English.";
    DIRECTORS: Texts = "directors", Required, NAMES;
    GENRES: Texts = "genres", Optional, NAMES, "Unique, ignoring ASCII case.";
    SYNOPSIS: Text = "synopsis", Required, LONG, "Spoiler-free; always visible.";
    POSTER: Object = "poster", Optional, Rule::Object(&POSTER);
    SPOILERS: Object = "spoilers", Required, Rule::Object(&SPOILERS);
    TIMELINE: List = "timeline", Optional, list(TIMELINE, &EVENT), "In film order; each event is a spoiler until the reader's progress reaches it.";
    CHARACTERS: List = "characters", Optional, list(CHARACTERS, &CHARACTER);
    SETTINGS: List = "settings", Optional, list(TOPICS, &TOPIC);
    THEMES: List = "themes", Optional, list(TOPICS, &TOPIC);
    SIMILAR: List = "similar", Optional, list(TOPICS, &SIMILAR);
    MORE: Object = "more", Optional, Rule::Object(&MORE);
    UPDATED: Date = "updated", Optional, Rule::Date;
}

shape! {
    /// The poster image.
    static POSTER, mod poster, "The poster image.";
    SRC: ImageUrl = "src", Required, Rule::ImageUrl, "http(s) URL, or a path relative to the JSON file.";
    ALT: Text = "alt", Required, SHORT;
}

shape! {
    /// The plot and the ending.
    static SPOILERS, mod spoilers, "Never rendered before the reader asks.";
    WARNING: Text = "warning", Optional, SHORT, "Extra warning shown on the gate before reveal: keep it spoiler-free.";
    SUMMARY: Texts = "summary", Required, PARAGRAPH_LIST;
    ENDING: Texts = "ending", Optional, PARAGRAPH_LIST;
    POST_CREDITS: Texts = "post_credits", Optional, PARAGRAPH_LIST;
}

shape! {
    /// One event of the timeline.
    static EVENT, mod event, "One event of the timeline.";
    ID: Slug = "id", Optional, Rule::Slug, ITEM_ID;
    AT_MINUTE: Minute = "at_minute", Required, Rule::Minute;
    TITLE: Text = "title", Required, SHORT;
    TEXT: Text = "text", Required, LONG;
}

shape! {
    /// One character.
    static CHARACTER, mod character, "One character; the name is unique in the list, ignoring ASCII case.";
    ID: Slug = "id", Optional, Rule::Slug, ITEM_ID;
    NAME: Text = "name", Required, SHORT;
    ACTOR: Text = "actor", Optional, SHORT;
    INTRO: Text = "intro", Required, LONG, "Spoiler-free; always visible.";
    ARC: Object = "arc", Optional, Rule::Object(&ARC);
}

shape! {
    /// A character's arc.
    static ARC, mod arc, "A spoiler; without at_minute it counts as the end of the film.";
    TEXT: Text = "text", Required, LONG;
    AT_MINUTE: Minute = "at_minute", Optional, Rule::Minute;
}

shape! {
    /// A setting or a theme.
    static TOPIC, mod topic, "A setting or a theme; the name is unique in its list, ignoring ASCII case.";
    NAME: Text = "name", Required, SHORT;
    DESCRIPTION: Text = "description", Required, LONG;
}

shape! {
    /// A similar title.
    static SIMILAR, mod similar, "A similar title.";
    TITLE: Text = "title", Required, SHORT;
    YEAR: Integer = "year", Optional, YEAR;
    REASON: Text = "reason", Optional, LONG;
    URL: HttpUrl = "url", Optional, Rule::HttpUrl;
}

shape! {
    /// The "More" section.
    static MORE, mod more, "The \"More\" section.";
    BOX_OFFICE: Text = "box_office", Optional, LONG;
    CAST_AND_CREW: Text = "cast_and_crew", Optional, LONG;
    PRODUCTION: Text = "production", Optional, LONG;
    LINKS: List = "links", Optional, list(SMALL_LIST, &LINK);
}

shape! {
    /// A link of "More".
    static LINK, mod link, "A link.";
    LABEL: Text = "label", Required, SHORT;
    URL: HttpUrl = "url", Required, Rule::HttpUrl;
}
