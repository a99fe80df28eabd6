//! Every string the card shows or announces, in one place, so that a
//! translation is one file.

/// Month names for dates.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Shown while the data loads.
pub const LOADING: &str = "Loading movie…";
/// Directed by (label).
pub const DIRECTED_BY: &str = "Directed by";
/// Runtime label for screen readers.
pub const RUNTIME: &str = "Runtime";
/// Language label.
pub const LANGUAGE: &str = "Language";
/// Genres label.
pub const GENRES: &str = "Genres";
/// Before the updated date.
pub const UPDATED: &str = "Updated";
/// The synopsis heading.
pub const SYNOPSIS: &str = "Synopsis";
/// The spoiler section's heading.
pub const PLOT_HEADING: &str = "Full plot and ending";
/// The default label of the spoiler gate.
pub const PLOT_GATE: &str = "Full plot and ending — contains spoilers. Click to reveal";
/// Short hint under the gate label.
pub const PLOT_GATE_HINT: &str = "Nothing is shown until you ask.";
/// The ending's sub-heading.
pub const ENDING: &str = "The ending";
/// The post-credits sub-heading.
pub const POST_CREDITS: &str = "After the credits";
/// Hide the revealed plot.
pub const HIDE_AGAIN: &str = "Hide again";
/// The tab list's label.
pub const TABS_LABEL: &str = "More about this film";
/// Tab names.
pub const TAB_TIMELINE: &str = "Timeline";
/// Tab names.
pub const TAB_CHARACTERS: &str = "Characters";
/// Tab names.
pub const TAB_SIMILAR: &str = "Similar titles";
/// Tab names.
pub const TAB_MORE: &str = "More";
/// Per-item reveal button.
pub const REVEAL_ITEM: &str = "Spoiler — reveal";
/// Reveal every event and arc.
pub const SHOW_EVERYTHING: &str = "Show everything";
/// Hide everything revealed by hand.
pub const HIDE_EVERYTHING: &str = "Hide revealed";
/// Set progress to an event.
pub const IM_HERE: &str = "I'm here";
/// Arc label.
pub const ARC: &str = "Arc";
/// Played by.
pub const PLAYED_BY: &str = "played by";
/// Settings heading.
pub const SETTINGS: &str = "Settings";
/// Themes heading.
pub const THEMES: &str = "Themes";
/// Empty list.
pub const NOTHING_LISTED: &str = "Nothing listed yet.";
/// More tab headings.
pub const BOX_OFFICE: &str = "Box office";
/// More tab headings.
pub const CAST_AND_CREW: &str = "Cast and crew";
/// More tab headings.
pub const PRODUCTION: &str = "Production";
/// More tab headings.
pub const LINKS: &str = "Links";
/// Suffix for links that open in a new tab (screen readers).
pub const OPENS_NEW_TAB: &str = "(opens in a new tab)";
/// Progress slider label.
pub const PROGRESS_LABEL: &str = "I've watched up to";
/// Progress slider ends.
pub const NOT_STARTED: &str = "Not started";
/// Progress slider ends.
pub const FINISHED: &str = "Finished";
/// Live-region messages.
pub const ANNOUNCE_PLOT_REVEALED: &str = "Plot revealed";
/// Live-region messages.
pub const ANNOUNCE_PLOT_HIDDEN: &str = "Plot hidden again";
/// Live-region messages.
pub const ANNOUNCE_ITEM_REVEALED: &str = "Spoiler revealed";
/// Live-region messages.
pub const ANNOUNCE_ALL_REVEALED: &str = "Everything revealed";
/// Live-region messages.
pub const ANNOUNCE_ALL_HIDDEN: &str = "Spoilers hidden again";
/// Error box heading.
pub const ERROR_HEADING: &str = "This movie card could not load";
/// Retry button.
pub const RETRY: &str = "Try again";
/// Fetch failures: no answer within `seconds`.
pub fn error_timeout(seconds: u32) -> String {
    format!("The movie data took too long to arrive (over {seconds} seconds).")
}
/// Fetch failures: the request failed.
pub const ERROR_NETWORK: &str = "The movie data could not be fetched (network error).";
/// No data given at all.
pub const ERROR_NO_DATA: &str =
    "No movie data: give the card a src attribute, an inline JSON script or a movie property.";
/// Validation failed.
pub const ERROR_INVALID: &str = "The movie data has problems:";
/// The box every card shows when the card engine (the wasm) stopped; drawn
/// by embed.js, which receives these at start.
pub const STOPPED_HEADING: &str = "This card stopped working";
/// Under it.
pub const STOPPED_SUMMARY: &str =
    "Something went wrong inside the movie cards. The rest of the page is not affected.";
/// Its button: a fresh card engine, every card mounted again.
pub const RESTART: &str = "Restart the cards";

/// Completes a gated event's button for screen readers:
/// "Spoiler — reveal (event at ~0:45)".
pub fn reveal_event_suffix(clock: &str) -> String {
    format!(" (event at {clock})")
}

/// Completes a gated arc's button: "Spoiler — reveal (Sera's arc)".
pub fn reveal_arc_suffix(name: &str) -> String {
    format!(" ({name}'s arc)")
}

/// Completes "I'm here": "I'm here (set my progress to ~0:45)".
pub fn im_here_suffix(clock: &str) -> String {
    format!(" (set my progress to {clock})")
}

/// "4 later events hidden".
pub fn hidden_events(n: usize) -> String {
    match n {
        1 => "1 later event hidden".to_owned(),
        n => format!("{n} later events hidden"),
    }
}

/// "2 arcs hidden".
pub fn hidden_arcs(n: usize) -> String {
    match n {
        1 => "1 character arc hidden".to_owned(),
        n => format!("{n} character arcs hidden"),
    }
}

/// The "Show more" button under a long list: "Show 50 more".
pub fn show_more(n: usize) -> String {
    format!("Show {n} more")
}

/// Beside it: "Showing 50 of 1000 events" (`what`: "events", "characters").
pub fn showing(shown: usize, total: usize, what: &str) -> String {
    format!("Showing {shown} of {total} {what}")
}
/// The events of the timeline, for [`showing`].
pub const EVENTS: &str = "events";
/// The characters, for [`showing`].
pub const CHARACTERS: &str = "characters";

/// "0:45 of 1:51".
pub fn progress_text(at: &str, of: &str) -> String {
    format!("{at} of {of}")
}

/// HTTP failures.
pub fn error_http(status: u16) -> String {
    format!("The movie data could not be fetched (HTTP {status}).")
}

/// Malformed JSON.
pub fn error_json(detail: &str) -> String {
    format!("The movie data is not valid JSON: {detail}")
}

/// The last line of a list of problems cut short: "… and 3 more problems
/// not listed".
pub fn unlisted_problems(n: usize) -> String {
    format!("… and {n} more problems not listed")
}

/// "and 3 more problems".
pub fn more_problems(n: usize) -> String {
    match n {
        1 => "and 1 more problem (see the browser console)".to_owned(),
        n => format!("and {n} more problems (see the browser console)"),
    }
}
