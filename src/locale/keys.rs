//! The card's messages, by key: the [`Key`] enum and the keys' names in a
//! locale file (`assets/locales/en.json` has one text per key).

macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident = $name:literal,)*) => {
        /// One message of the card, by its key in a locale file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        /// The keys' names in a locale file, in [`Key`] order.
        pub const KEY_NAMES: &[&str] = &[$($name,)*];

        impl Key {
            /// Every key, in the order of [`KEY_NAMES`].
            pub const ALL: &[Key] = &[$(Key::$key,)*];
        }
    };
}

keys! {
    /// `{day} {month} {year}`.
    Date = "date",
    /// `{h}h {m}m`.
    RuntimeHoursMinutes = "runtime_hours_minutes",
    /// `{h}h`.
    RuntimeHours = "runtime_hours",
    /// `{m}m`.
    RuntimeMinutes = "runtime_minutes",
    /// `~{clock}`: an estimated minute on the timeline.
    ApproxClock = "approx_clock",
    /// Between names in a list: `, `.
    ListSeparator = "list_separator",
    /// Shown while the data loads.
    Loading = "loading",
    /// Before the directors.
    DirectedBy = "directed_by",
    /// The runtime, for screen readers.
    Runtime = "runtime",
    /// The film's language, for screen readers.
    Language = "language",
    /// The genre list.
    Genres = "genres",
    /// Before the updated date.
    Updated = "updated",
    /// The synopsis heading.
    Synopsis = "synopsis",
    /// The spoiler section's heading.
    PlotHeading = "plot_heading",
    /// The spoiler gate's label.
    PlotGate = "plot_gate",
    /// The gate's hint when the data gives none.
    PlotGateHint = "plot_gate_hint",
    /// A prerendered card's gate or reveal pressed before the card is live:
    /// shown at once, by the stylesheet, until the live card takes over.
    Opening = "opening",
    /// What that press says after 10 s, or at once without JavaScript.
    NeedsScript = "needs_script",
    /// The ending's sub-heading.
    Ending = "ending",
    /// The post-credits sub-heading.
    PostCredits = "post_credits",
    /// Hides the revealed plot.
    HideAgain = "hide_again",
    /// The progress slider's label.
    ProgressLabel = "progress_label",
    /// `{at} of {of}`.
    ProgressText = "progress_text",
    /// The slider's start.
    NotStarted = "not_started",
    /// The slider's end.
    Finished = "finished",
    /// The tab list's label.
    TabsLabel = "tabs_label",
    /// A tab.
    TabTimeline = "tab_timeline",
    /// A tab.
    TabCharacters = "tab_characters",
    /// A tab.
    TabSimilar = "tab_similar",
    /// A tab.
    TabMore = "tab_more",
    /// A gated item's button.
    RevealItem = "reveal_item",
    /// Completes it for screen readers: `(event at {clock})`.
    RevealEvent = "reveal_event",
    /// Completes it for screen readers: `({name}'s arc)`.
    RevealArc = "reveal_arc",
    /// Sets the progress to an event.
    ImHere = "im_here",
    /// Completes it for screen readers: `(set my progress to {clock})`.
    ImHereDetail = "im_here_detail",
    /// Reveals every event and arc.
    ShowEverything = "show_everything",
    /// Hides what was revealed by hand.
    HideEverything = "hide_everything",
    /// `{n} later events hidden` (plural).
    HiddenEvents = "hidden_events",
    /// `{n} character arcs hidden` (plural).
    HiddenArcs = "hidden_arcs",
    /// `Show {n} more` (plural).
    ShowMore = "show_more",
    /// `Showing {shown} of {n} events` (plural).
    ShowingEvents = "showing_events",
    /// `Showing {shown} of {n} characters` (plural).
    ShowingCharacters = "showing_characters",
    /// A character's arc.
    Arc = "arc",
    /// Before an actor.
    PlayedBy = "played_by",
    /// A heading of the characters tab.
    Settings = "settings",
    /// A heading of the characters tab.
    Themes = "themes",
    /// An empty list.
    NothingListed = "nothing_listed",
    /// A heading of the More tab.
    BoxOffice = "box_office",
    /// A heading of the More tab.
    CastAndCrew = "cast_and_crew",
    /// A heading of the More tab.
    Production = "production",
    /// A heading of the More tab.
    Links = "links",
    /// After a link that opens a new tab, for screen readers.
    OpensNewTab = "opens_new_tab",
    /// Live-region message.
    AnnouncePlotRevealed = "announce_plot_revealed",
    /// Live-region message.
    AnnouncePlotHidden = "announce_plot_hidden",
    /// Live-region message.
    AnnounceItemRevealed = "announce_item_revealed",
    /// Live-region message.
    AnnounceAllRevealed = "announce_all_revealed",
    /// Live-region message.
    AnnounceAllHidden = "announce_all_hidden",
    /// The error box's heading.
    ErrorHeading = "error_heading",
    /// The error box's button.
    Retry = "retry",
    /// No answer in `{n}` seconds (plural).
    ErrorTimeout = "error_timeout",
    /// The request failed.
    ErrorNetwork = "error_network",
    /// `(HTTP {status})`.
    ErrorHttp = "error_http",
    /// Not JSON: `{detail}`.
    ErrorJson = "error_json",
    /// No source at all.
    ErrorNoData = "error_no_data",
    /// Before the list of problems.
    ErrorInvalid = "error_invalid",
    /// `and {n} more problems` (plural).
    MoreProblems = "more_problems",
    /// The box a card shows when the card engine stopped (drawn by
    /// embed.js, which keeps these for each card).
    StoppedHeading = "stopped_heading",
    /// Under it.
    StoppedSummary = "stopped_summary",
    /// Its button.
    Restart = "restart",
}
