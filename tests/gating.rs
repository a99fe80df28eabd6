//! Native tests of the spoiler gating and the card's state machine, and of
//! the `progress` attribute's minutes.
#![cfg(not(target_arch = "wasm32"))]

use spoiler_card::card_state::{Action, Announcement, CardState, Kept, List, Tab, LIST_PAGE};
use spoiler_card::events::{Kind, Target};
use spoiler_card::format;
use spoiler_card::gate::{is_plot_visible, is_visible, Gate, ItemKey, Reveals};

/// The timeline event keyed `e<i>`.
fn ev(i: usize) -> ItemKey {
    ItemKey::Event(format!("e{i}").into())
}

/// The arc keyed `a<i>`.
fn arc(i: usize) -> ItemKey {
    ItemKey::Arc(format!("a{i}").into())
}

#[test]
fn visibility_table() {
    // (at_minute, runtime, progress, hand_revealed) -> visible
    let cases: &[(Option<u16>, u16, u16, bool, bool)] = &[
        (Some(30), 111, 0, false, false), // not started: nothing by progress
        (Some(0), 111, 0, false, false),  // even minute 0
        (Some(0), 111, 1, false, true),   // started: minute 0 shows
        (Some(30), 111, 29, false, false), // one minute before
        (Some(30), 111, 30, false, true), // minute equal to progress
        (Some(30), 111, 31, false, true), // after
        (None, 111, 110, false, false),   // no minute = the end of the film
        (None, 111, 111, false, true),    // progress = runtime
        (Some(111), 111, 111, false, true), // last minute at the end
        (Some(90), 111, 500, false, true), // progress past the runtime is clamped
        (None, 111, 500, false, true),
        (Some(90), 111, 0, true, true), // revealed by hand, whatever the progress
        (None, 111, 10, true, true),
    ];
    for &(at, runtime, progress, hand, expected) in cases {
        assert_eq!(
            is_visible(at, runtime, progress, hand),
            expected,
            "{at:?} {runtime} {progress} {hand}"
        );
    }
}

#[test]
fn plot_visibility() {
    assert!(!is_plot_visible(111, 0, false));
    assert!(!is_plot_visible(111, 110, false));
    assert!(is_plot_visible(111, 111, false));
    assert!(is_plot_visible(111, 0, true));
}

#[test]
fn gate_clamps_progress_and_counts_hidden_items() {
    let mut gate = Gate::new(111, 500);
    assert_eq!(gate.progress, 111);
    gate.set_progress(40);
    assert_eq!(gate.progress, 40);
    assert!(gate.shows(&ev(0), Some(40)));
    assert!(!gate.shows(&ev(1), Some(41)));
    gate.reveal(ev(1));
    gate.reveal(ev(1));
    assert_eq!(gate.revealed, vec![ev(1)], "no duplicates");
    assert!(gate.shows(&ev(1), Some(41)));
    assert!(
        !gate.shows(&arc(1), Some(41)),
        "keys of another kind stay hidden"
    );
}

fn state() -> CardState {
    CardState::new(111, 0)
}

#[test]
fn reveal_and_hide_the_plot() {
    let s = state().apply(Action::RevealPlot);
    assert!(s.gate.shows_plot());
    assert_eq!(s.announcement, Announcement::PlotRevealed);
    assert_eq!(s.focus_plot, 1, "focus moves to the plot heading");
    let s = s.apply(Action::HidePlot);
    assert!(!s.gate.shows_plot());
    assert_eq!(s.announcement, Announcement::PlotHidden);
    let s = s.apply(Action::RevealPlot);
    assert_eq!(s.focus_plot, 2, "each reveal moves focus again");
}

#[test]
fn items_one_by_one_then_everything_then_hide_again() {
    let s = state().apply(Action::RevealItem(ev(3)));
    assert!(s.gate.shows(&ev(3), Some(80)));
    assert!(!s.gate.shows(&ev(4), Some(85)));
    assert_eq!(s.announcement, Announcement::ItemRevealed);
    let s = s.apply(Action::ShowEverything);
    assert!(s.gate.shows(&ev(4), Some(85)) && s.gate.shows(&arc(0), None));
    assert!(
        !s.gate.shows_plot(),
        "show everything is for the tabs, not the plot"
    );
    let s = s.apply(Action::HideEverything);
    assert!(!s.gate.shows(&ev(3), Some(80)) && !s.gate.shows(&ev(4), Some(85)));
    assert_eq!(s.announcement, Announcement::EverythingHidden);
}

#[test]
fn moving_progress_back_hides_again_except_hand_reveals() {
    let s = state()
        .apply(Action::SetProgress(90))
        .apply(Action::RevealItem(arc(2)));
    assert!(s.gate.shows(&ev(5), Some(60)));
    let s = s.apply(Action::SetProgress(30));
    assert!(!s.gate.shows(&ev(5), Some(60)), "progress back hides again");
    assert!(s.gate.shows(&arc(2), Some(100)), "a hand reveal stays");
    assert_eq!(
        s.apply(Action::SetProgress(1000)).gate.progress,
        111,
        "clamped"
    );
}

#[test]
fn only_reader_actions_count_as_changes_to_remember() {
    let s = state();
    assert_eq!(s.apply(Action::SetProgress(10)).reader_changes, 1);
    assert_eq!(s.apply(Action::RevealPlot).reader_changes, 1);
    assert_eq!(s.apply(Action::RevealItem(ev(0))).reader_changes, 1);
    let attribute = s.apply(Action::PageProgress(10));
    assert_eq!((attribute.gate.progress, attribute.reader_changes), (10, 0));
    assert_eq!(s.apply(Action::SelectTab(Tab::More)).reader_changes, 0);
    let restored = s.apply(Action::Restore {
        progress: Some(5),
        reveals: Reveals::default(),
        from: Kept::Storage,
    });
    assert_eq!(restored.reader_changes, 0);
}

#[test]
fn the_page_reveals_and_hides_without_a_change_to_remember_an_announcement_or_focus() {
    // After one reader action, so that "told nothing new" can fail.
    let s = state().apply(Action::SetProgress(5));
    assert!(!s.told.is_empty());
    for target in [Target::Plot, Target::Everything, Target::Item(ev(2))] {
        let revealed = s.apply(Action::PageReveal(target.clone()));
        assert_eq!(
            (
                revealed.reader_changes,
                revealed.announcement,
                revealed.focus_plot
            ),
            (s.reader_changes, Announcement::None, 0),
            "{target:?}"
        );
        assert_ne!(revealed.gate, s.gate, "{target:?} revealed something");
        assert_eq!(revealed.reader_reveals, Reveals::default(), "{target:?}");
        assert_eq!(revealed.told, s.told, "{target:?} told nothing new");
        let hidden = revealed.apply(Action::PageHide);
        assert_eq!(
            (hidden.gate, hidden.reader_changes),
            (s.gate.clone(), s.reader_changes)
        );
    }
}

#[test]
fn what_is_remembered_and_told_is_the_readers_own_whatever_the_page_did_between() {
    // The page moves the progress and reveals the plot; then the reader
    // reveals one event.
    let s = state()
        .apply(Action::SetProgress(10))
        .apply(Action::PageProgress(90))
        .apply(Action::PageReveal(Target::Plot))
        .apply(Action::RevealItem(ev(3)));
    assert_eq!(
        s.reader_progress,
        Some(10),
        "the reader's minute, not the page's"
    );
    assert_eq!(
        s.reader_reveals,
        Reveals {
            items: vec![ev(3)],
            ..Reveals::default()
        }
    );
    // The last reader action's events: the page's calls before it are not
    // in them.
    let told: Vec<_> = s
        .told
        .iter()
        .map(|(kind, d)| (*kind, d.changed.clone(), d.progress))
        .collect();
    assert_eq!(
        told,
        [(Kind::Reveal, vec!["event:e3".to_owned()], Some(90))]
    );
    // A restore is the reader's earlier choice; it is not told.
    let restored = state().apply(Action::Restore {
        progress: Some(40),
        reveals: Reveals {
            plot: true,
            everything: false,
            items: vec![arc(1), ev(2)],
        },
        from: Kept::Storage,
    });
    assert_eq!(restored.reader_progress, Some(40));
    assert_eq!(restored.reader_reveals.items, vec![ev(2), arc(1)], "sorted");
    // (Told only when `reader_changes` moves, which a restore never does.)
    assert_eq!((restored.reader_changes, restored.told.len()), (0, 0));
    let hidden = restored.apply(Action::HideEverything);
    assert_eq!(hidden.reader_reveals.items, vec![]);
    assert!(hidden.reader_reveals.plot, "the plot is hidden on its own");
    // The card as it was shown before a move (page calls included) is
    // shown again, but is not the reader's choice.
    let resumed = state().apply(Action::Restore {
        progress: Some(90),
        reveals: Reveals {
            plot: true,
            everything: true,
            items: vec![ev(1)],
        },
        from: Kept::Snapshot,
    });
    assert_eq!(
        (resumed.gate.progress, resumed.gate.shows_plot()),
        (90, true)
    );
    assert_eq!(
        (resumed.reader_progress, resumed.reader_reveals.clone()),
        (None, Reveals::default())
    );
}

#[test]
fn long_lists_grow_a_page_at_a_time_each_on_its_own_and_are_not_remembered() {
    let s = state();
    assert_eq!((s.shown_events, s.shown_characters), (LIST_PAGE, LIST_PAGE));
    let more = s
        .apply(Action::ShowMore(List::Events))
        .apply(Action::ShowMore(List::Events));
    assert_eq!(
        (more.shown_events, more.shown_characters),
        (3 * LIST_PAGE, LIST_PAGE)
    );
    let more = more.apply(Action::ShowMore(List::Characters));
    assert_eq!(
        (more.shown_events, more.shown_characters),
        (3 * LIST_PAGE, 2 * LIST_PAGE)
    );
    assert_eq!(more.reader_changes, 0, "paging is not a change to remember");
    assert_eq!(more.gate, s.gate, "paging reveals nothing");
}

#[test]
fn restore_and_tabs() {
    let s = state().apply(Action::Restore {
        progress: Some(50),
        reveals: Reveals {
            plot: true,
            everything: false,
            items: vec![ev(9)],
        },
        from: Kept::Storage,
    });
    assert_eq!(s.gate.progress, 50);
    assert!(s.gate.shows(&ev(9), Some(100)) && s.gate.shows_plot());
    assert_eq!(s.tab, Tab::Timeline);
    let s = s.apply(Action::SelectTab(Tab::Characters));
    assert_eq!(s.tab, Tab::Characters);
    assert_eq!(s.announcement, Announcement::None);
}

#[test]
fn progress_attribute_parsing() {
    assert_eq!(format::parse_minutes("45"), Some(45));
    assert_eq!(format::parse_minutes(" 45 "), Some(45));
    assert_eq!(format::parse_minutes("1:05"), Some(65));
    assert_eq!(format::parse_minutes("0:45"), Some(45));
    assert_eq!(format::parse_minutes("1:75"), None);
    assert_eq!(format::parse_minutes("1:5"), None);
    assert_eq!(format::parse_minutes("-3"), None);
    assert_eq!(format::parse_minutes("abc"), None);
    assert_eq!(format::parse_minutes(""), None);
}

#[test]
fn opened_tabs_are_kept_and_only_those() {
    let s = state();
    assert!(
        s.opened(Tab::Timeline),
        "the first tab is open from the start"
    );
    assert!(!s.opened(Tab::Characters));
    let s = s
        .apply(Action::SelectTab(Tab::Characters))
        .apply(Action::SelectTab(Tab::Timeline));
    assert_eq!(s.tab, Tab::Timeline);
    assert!(s.opened(Tab::Characters), "left, but still rendered");
    assert!(!s.opened(Tab::Similar) && !s.opened(Tab::More));
}

#[test]
fn preparing_the_tabs_builds_every_panel_and_changes_nothing_else() {
    let revealed = state().apply(Action::RevealPlot);
    let prepared = revealed.apply(Action::PrepareTabs);
    for tab in [Tab::Timeline, Tab::Characters, Tab::Similar, Tab::More] {
        assert!(prepared.opened(tab), "{tab:?} is built");
    }
    // The selected tab, what the live region says and what is remembered
    // stay as they were.
    assert_eq!(
        CardState {
            opened_tabs: revealed.opened_tabs,
            ..prepared.clone()
        },
        revealed
    );
    // A second time changes nothing at all.
    assert_eq!(prepared.apply(Action::PrepareTabs), prepared);
}
