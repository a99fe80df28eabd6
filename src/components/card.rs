//! The card for one loaded movie: owns the reader's state, tells the page
//! what the reader does (`spoiler-card:*` events) and takes the page's
//! calls through its [`CardLink`](crate::card_link::CardLink).

use std::rc::Rc;

use yew::prelude::*;

use crate::card_link::CardLink;
use crate::card_state::{Action, Announcement, CardState, Kept};
use crate::components::header::{header, HeaderArgs};
use crate::components::progress::{progress, ProgressArgs};
use crate::components::spoiler_gate::{spoiler_gate, SpoilerGateArgs};
use crate::components::tabs::{tabs, TabsArgs};
use crate::components::Drawn;
use crate::events::{self, Detail, Kind};
use crate::gate::known_items;
use crate::locale::{Key, Words};
use crate::model::Movie;
use crate::storage::{self, Remember};
use crate::stored;

/// Props of [`Card`].
#[derive(Properties, Clone)]
pub struct CardProps {
    /// The validated movie.
    pub movie: Rc<Movie>,
    /// What the card says, in its language.
    pub words: Rc<Words>,
    /// URL relative poster paths resolve against.
    #[prop_or_default]
    pub base_url: AttrValue,
    /// Starting progress from the `progress` attribute; later changes apply.
    #[prop_or_default]
    pub progress: Option<u16>,
    /// What to remember between visits.
    #[prop_or_default]
    pub remember: Remember,
    /// Heading level of the title (1-6); sections use the next level.
    #[prop_or(2)]
    pub heading_level: u8,
    /// The live state the element keeps (see [`stored::encode_snapshot`]),
    /// as it is when this card is created: it wins over storage and the
    /// attribute (its progress only while the attribute is the one it was
    /// kept under).
    #[prop_or_default]
    pub resume: Option<AttrValue>,
    /// Receives the live state after every render, for the element to keep
    /// for a later mount.
    #[prop_or_default]
    pub on_state: Callback<AttrValue>,
    /// The page's hold on the card (`el.progress`, `el.reveal(…)`).
    #[prop_or_default]
    pub link: Rc<CardLink>,
    /// Receives the events the element dispatches: `ready`, and what the
    /// reader (never the page) did.
    #[prop_or_default]
    pub on_event: Callback<(Kind, Detail)>,
    /// Live, or into a page's HTML by `spoiler-card render` (see
    /// [`Drawn`]; only with the `ssr` feature).
    #[prop_or_default]
    pub drawn: Drawn,
}

impl PartialEq for CardProps {
    /// The movie by identity: new data comes as a new `Rc` (and the same
    /// data again as the same one), so nothing walks the whole movie.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.movie, &other.movie)
            && Rc::ptr_eq(&self.words, &other.words)
            && self.base_url == other.base_url
            && self.progress == other.progress
            && self.remember == other.remember
            && self.heading_level == other.heading_level
            && self.resume == other.resume
            && self.on_state == other.on_state
            && self.link == other.link
            && self.on_event == other.on_event
            && self.drawn == other.drawn
    }
}

/// The whole card for one movie.
#[component]
pub fn Card(props: &CardProps) -> Html {
    let movie = props.movie.clone();
    let state = {
        let runtime = movie.runtime_minutes;
        let progress = props.progress.unwrap_or(0);
        use_reducer(move || CardState::new(runtime, progress))
    };

    // The reader's stored choice wins over the attribute, and a live state
    // kept from an earlier mount wins over both (read once, at start);
    // reveals of items this movie does not have are dropped.
    {
        let state = state.clone();
        let movie = movie.clone();
        let remember = props.remember;
        let resume = props.resume.clone();
        let attribute = props.progress;
        let (link, on_event) = (props.link.clone(), props.on_event.clone());
        use_effect_with((), move |_| {
            let attached = link.attach(movie.clone(), state.clone());
            // The reader's choice from storage, then the card as it was shown
            // before a move or a restart (page calls included), which is
            // not the reader's choice and is never saved as theirs.
            let mut stored = storage::load(&movie.id, remember);
            stored.reveals.items = known_items(&movie, stored.reveals.items);
            if stored != storage::Stored::default() {
                state.dispatch(Action::Restore {
                    progress: stored.progress,
                    reveals: stored.reveals,
                    from: Kept::Storage,
                });
            }
            // (The snapshot's keys are the ones this card showed; one of
            // another movie id is not read.)
            if let Some((progress, reveals)) =
                resume.and_then(|kept| stored::decode_snapshot(&kept, &movie.id, attribute))
            {
                state.dispatch(Action::Restore {
                    progress,
                    reveals,
                    from: Kept::Snapshot,
                });
            }
            if let Some(minutes) = link.take_pending_progress() {
                state.dispatch(Action::PageProgress(minutes));
            }
            // The dispatches above have updated the state already.
            on_event.emit((Kind::Ready, events::ready(&movie.id, &state.gate)));
            move || link.detach(attached)
        });
    }

    // What the reader changed is remembered (never what the page or the
    // attribute set), and told to the page (`apply` worked out the events).
    {
        let state = state.clone();
        let (movie, remember, on_event) = (movie.clone(), props.remember, props.on_event.clone());
        use_effect_with(state.reader_changes, move |changes| {
            if *changes > 0 {
                storage::save(
                    &movie.id,
                    remember,
                    state.reader_progress,
                    &state.reader_reveals,
                );
                for (kind, detail) in state.told.iter().cloned() {
                    let id = Some(movie.id.clone());
                    on_event.emit((kind, Detail { id, ..detail }));
                }
            }
        });
    }

    // After every render: the live state, for the element to keep.
    {
        let on_state = props.on_state.clone();
        let live = stored::encode_snapshot(
            &movie.id,
            state.gate.progress,
            props.progress,
            &state.gate.reveals(),
        );
        use_effect(move || on_state.emit(live.into()));
    }

    // A later change of the `progress` attribute applies.
    {
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.progress, move |progress| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            if let Some(p) = progress {
                state.dispatch(Action::PageProgress(*p));
            }
        });
    }

    // After a reveal, focus moves to the revealed plot's heading.
    let plot_heading = use_node_ref();
    {
        let heading = plot_heading.clone();
        use_effect_with(state.focus_plot, move |token| {
            if *token > 0 {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }

    // What the views that act are given: each sends an `Action` to this
    // card's reducer. (The views are plain functions, run again on every
    // render of the card; nothing compares their arguments.)
    let on_action = state.dispatcher().to_callback();

    let level = props.heading_level;
    let sub = crate::components::heading_tag(level, 1);
    let words = &*props.words;
    let announcement = match state.announcement {
        Announcement::None => "",
        Announcement::PlotRevealed => words.text(Key::AnnouncePlotRevealed),
        Announcement::PlotHidden => words.text(Key::AnnouncePlotHidden),
        Announcement::ItemRevealed => words.text(Key::AnnounceItemRevealed),
        Announcement::EverythingRevealed => words.text(Key::AnnounceAllRevealed),
        Announcement::EverythingHidden => words.text(Key::AnnounceAllHidden),
    };

    html! {
        <article class="card" aria-labelledby="sc-title" part="card" dir={words.direction.attribute()}>
            { header(&HeaderArgs { movie: movie.clone(), base_url: props.base_url.clone(), heading_level: level, words }) }
            <section class="synopsis">
                <@{sub} id="sc-synopsis" class="section-title">{ words.text(Key::Synopsis) }</@>
                <p dir="auto">{ &movie.synopsis }</p>
            </section>
            { progress(&ProgressArgs { runtime: movie.runtime_minutes, progress: state.gate.progress, on_action: on_action.clone(), words }) }
            { spoiler_gate(&SpoilerGateArgs {
                movie: movie.clone(),
                visible: state.gate.shows_plot(),
                revealed_by_hand: state.gate.plot_revealed,
                heading: plot_heading,
                on_action: on_action.clone(),
                heading_level: level,
                words,
                drawn: props.drawn,
            }) }
            { tabs(&TabsArgs { movie: movie.clone(), state: &state, on_action, heading_level: level, words, drawn: props.drawn }) }
            if let Some(updated) = movie.updated {
                <p class="updated">{ words.text(Key::Updated) }{ " " }{ words.date(updated) }</p>
            }
            <div class="sr-only" role="status" aria-live="polite">{ announcement }</div>
        </article>
    }
}
