//! The form, as a table: every field of schema 1 with the control that
//! fits it, its label and a hint, grouped as the card shows them. The
//! components draw whatever this lists; a field added to the schema is a
//! line here.

/// The control a field gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// A paragraph.
    Paragraph,
    /// A whole number (a year, a runtime).
    Number,
    /// A minute of the film, typed `45` or `1:05`.
    Minute,
    /// An http(s) address, or for a poster a path.
    Url,
    /// A list of short texts, as chips (directors, genres).
    Chips,
    /// A list of paragraphs, one a box (the plot, the ending).
    Paragraphs,
    /// A date, `YYYY-MM-DD`.
    Date,
}

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// Its path within the object, keys joined by `.` (`arc.text`).
    pub key: &'static str,
    /// What the form calls it.
    pub label: &'static str,
    /// A line under it: what goes there.
    pub hint: &'static str,
    /// Its control.
    pub kind: Kind,
}

/// A list of objects (events, characters, …).
#[derive(Debug)]
pub struct List {
    /// Its key in the movie (or in `more`, `more.links`).
    pub key: &'static str,
    /// What the form calls the list.
    pub label: &'static str,
    /// What it calls one item ("Event").
    pub item: &'static str,
    /// The field an item's folded line shows.
    pub summary: &'static str,
    /// The fields of an item.
    pub fields: &'static [Field],
}

/// One group of the form.
#[derive(Debug)]
pub struct Section {
    /// Its heading.
    pub title: &'static str,
    /// A line under the heading.
    pub hint: &'static str,
    /// Its fields, paths from the movie.
    pub fields: &'static [Field],
    /// Its lists.
    pub lists: &'static [List],
}

const fn field(key: &'static str, label: &'static str, hint: &'static str, kind: Kind) -> Field {
    Field {
        key,
        label,
        hint,
        kind,
    }
}

/// A setting's or a theme's fields.
const TOPIC: &[Field] = &[
    field(
        "name",
        "Name",
        "A place, a time or an idea, in a few words.",
        Kind::Line,
    ),
    field(
        "description",
        "Description",
        "A sentence or two, spoiler-free: readers see it at once.",
        Kind::Paragraph,
    ),
];

/// The whole form.
pub static SECTIONS: &[Section] = &[
    Section {
        title: "Facts",
        hint: "What every reader sees at once.",
        fields: &[
            field("title", "Title", "As the film is released in your readers' language.", Kind::Line),
            field("year", "Year", "Of the first release.", Kind::Number),
            field("runtime_minutes", "Runtime", "In minutes, or h:mm.", Kind::Minute),
            field("language", "Language", "Its display name, for example English.", Kind::Line),
            field("directors", "Directors", "Type a name and press Enter.", Kind::Chips),
            field("genres", "Genres", "Type a genre and press Enter.", Kind::Chips),
            field("id", "Id", "Keys the reader's remembered progress: lowercase letters, digits and -. Keep it once published.", Kind::Line),
        ],
        lists: &[],
    },
    Section {
        title: "Synopsis and poster",
        hint: "Spoiler-free: shown before anything is revealed, and in search results.",
        fields: &[
            field("synopsis", "Synopsis", "The setup only: nothing a reader should discover.", Kind::Paragraph),
            field("poster.src", "Poster", "An https address, or a path next to the JSON file.", Kind::Url),
            field("poster.alt", "Poster description", "What the poster shows, for readers who cannot see it.", Kind::Line),
        ],
        lists: &[],
    },
    Section {
        title: "Spoilers",
        hint: "Hidden behind the gate until the reader asks.",
        fields: &[
            field("spoilers.warning", "Warning line", "Shown on the gate: keep it spoiler-free.", Kind::Line),
            field("spoilers.summary", "The plot", "One paragraph a box.", Kind::Paragraphs),
            field("spoilers.ending", "The ending", "One paragraph a box.", Kind::Paragraphs),
            field("spoilers.post_credits", "After the credits", "One paragraph a box.", Kind::Paragraphs),
        ],
        lists: &[],
    },
    Section {
        title: "Timeline",
        hint: "Each event stays hidden until the reader's progress reaches its minute. Kept in film order.",
        fields: &[],
        lists: &[List {
            key: "timeline",
            label: "Events",
            item: "Event",
            summary: "title",
            fields: &[
                field("at_minute", "Minute", "When it happens: 45 or 0:45.", Kind::Minute),
                field("title", "Title", "A few words.", Kind::Line),
                field("text", "What happens", "A sentence or two: shown once the reader is past this minute.", Kind::Paragraph),
                field("id", "Id", "Optional: keeps a reader's reveal when you edit the event.", Kind::Line),
            ],
        }],
    },
    Section {
        title: "Characters",
        hint: "Names and intros are seen at once; an arc is a spoiler.",
        fields: &[],
        lists: &[List {
            key: "characters",
            label: "Characters",
            item: "Character",
            summary: "name",
            fields: &[
                field("name", "Name", "As the film calls them; unique in the list.", Kind::Line),
                field("actor", "Actor", "Optional: who plays them.", Kind::Line),
                field("intro", "Intro", "Spoiler-free: who they are at the start.", Kind::Paragraph),
                field("arc.text", "Arc", "What becomes of them: hidden until revealed.", Kind::Paragraph),
                field("arc.at_minute", "Arc at minute", "Empty: the end of the film.", Kind::Minute),
                field("id", "Id", "Optional: keeps a reader's reveal when you edit the arc.", Kind::Line),
            ],
        }],
    },
    Section {
        title: "Settings, themes and similar titles",
        hint: "Seen at once.",
        fields: &[],
        lists: &[
            List {
                key: "settings",
                label: "Settings",
                item: "Setting",
                summary: "name",
                fields: TOPIC,
            },
            List {
                key: "themes",
                label: "Themes",
                item: "Theme",
                summary: "name",
                fields: TOPIC,
            },
            List {
                key: "similar",
                label: "Similar titles",
                item: "Title",
                summary: "title",
                fields: &[
                    field("title", "Title", "The other film's title.", Kind::Line),
                    field("year", "Year", "Optional: its year, to tell remakes apart.", Kind::Number),
                    field("reason", "Why", "Spoiler-free.", Kind::Paragraph),
                    field("url", "Link", "An https address.", Kind::Url),
                ],
            },
        ],
    },
    Section {
        title: "More",
        hint: "Box office, cast and crew, production, links.",
        fields: &[
            field("more.box_office", "Box office", "Optional: budget and takings, in plain words.", Kind::Paragraph),
            field("more.cast_and_crew", "Cast and crew", "Optional: who made it and who is in it.", Kind::Paragraph),
            field("more.production", "Production", "Optional: how it was made.", Kind::Paragraph),
            field("updated", "Updated", "The day you last checked these facts: YYYY-MM-DD.", Kind::Date),
        ],
        lists: &[List {
            key: "more.links",
            label: "Links",
            item: "Link",
            summary: "label",
            fields: &[
                field("label", "Label", "What the link says (Wikipedia, IMDb).", Kind::Line),
                field("url", "Address", "An https address.", Kind::Url),
            ],
        }],
    },
];

/// A dotted key as path steps.
pub fn steps(key: &'static str) -> Vec<crate::doc::Step> {
    key.split('.').map(crate::doc::Step::Key).collect()
}

impl PartialEq for List {
    /// The table's lists are statics: one is itself only.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
