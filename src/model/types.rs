//! The typed model a valid document becomes, and what validation reports.

use std::fmt;

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

    /// Adds warnings found after validation (the spoiler lint), listed
    /// while warnings have room, counted in all.
    pub fn add_warnings(&mut self, warnings: impl IntoIterator<Item = Problem>) {
        for warning in warnings {
            if self.warnings().count() < super::limits::PROBLEMS {
                self.problems.push(warning);
            }
            self.warning_count += 1;
        }
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

/// "… and `n` more problems not listed": the last line of a list of
/// problems cut short, in the checker's English.
pub fn unlisted_problems(n: usize) -> String {
    match n {
        1 => "… and 1 more problem not listed".to_owned(),
        n => format!("… and {n} more problems not listed"),
    }
}
