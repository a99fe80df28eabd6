//! The page's hold on a card (`el.progress`, `el.revealed`, `el.reveal(…)`,
//! `el.hide()`): `embed` keeps one per element, the card attaches to it while
//! it shows a movie. The page's calls are [`Action`]s of their own, which are
//! never remembered and fire no event.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::UseReducerHandle;

use crate::card_state::{Action, CardState};
use crate::events;
use crate::model::Movie;

/// The card a link talks to.
struct Attached {
    number: u32,
    movie: Rc<Movie>,
    /// Yew's handle reads the state as dispatches leave it, so a read right
    /// after a call sees the call.
    state: UseReducerHandle<CardState>,
}

/// The page's hold on a card: the element's `progress`, `revealed`,
/// `reveal(…)` and `hide()` go through it. Between cards (loading, an
/// error) it holds nothing, and keeps a progress the page set for the card
/// to come.
#[derive(Default)]
pub struct CardLink {
    /// The card showing a movie.
    live: RefCell<Option<Attached>>,
    /// Numbers the cards that attach, so that an old card's detach (after
    /// the next one attached) lets the new one be.
    attached: Cell<u32>,
    /// A progress the page set while no card showed a movie.
    pending_progress: Cell<Option<u16>>,
}

/// One link is one element's: compared by identity.
impl PartialEq for CardLink {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl CardLink {
    /// The card showing `movie` is the one the page now talks to; the
    /// number to detach it with.
    pub fn attach(&self, movie: Rc<Movie>, state: UseReducerHandle<CardState>) -> u32 {
        let number = self.attached.get().wrapping_add(1);
        self.attached.set(number);
        *self.live.borrow_mut() = Some(Attached {
            number,
            movie,
            state,
        });
        number
    }

    /// The card of this number is gone (unless another took its place).
    pub fn detach(&self, number: u32) {
        let mut live = self.live.borrow_mut();
        if live.as_ref().is_some_and(|a| a.number == number) {
            *live = None;
        }
    }

    /// The element's data changed (another movie, an error, loading): the
    /// page's calls wait for the card of what comes next.
    pub fn release(&self) {
        *self.live.borrow_mut() = None;
    }

    /// A progress the page set before the card showed its movie, once.
    pub fn take_pending_progress(&self) -> Option<u16> {
        self.pending_progress.take()
    }

    fn with<T>(&self, read: impl FnOnce(&Movie, &UseReducerHandle<CardState>) -> T) -> Option<T> {
        let live = self.live.borrow();
        live.as_ref().map(|a| read(&a.movie, &a.state))
    }

    /// The progress in minutes: the card's, else what the page set for it.
    pub fn progress(&self) -> Option<u16> {
        self.with(|_, state| state.gate.progress)
            .or(self.pending_progress.get())
    }

    /// Everything revealed by hand, by name (see [`events`]).
    pub fn revealed(&self) -> Vec<String> {
        self.with(|_, state| events::revealed_names(&state.gate))
            .unwrap_or_default()
    }

    /// The page sets the progress: applied, not remembered, no event.
    pub fn set_progress(&self, minutes: u16) {
        let dispatch = self.with(|_, state| state.dispatcher());
        match dispatch {
            Some(dispatch) => dispatch.dispatch(Action::PageProgress(minutes)),
            None => self.pending_progress.set(Some(minutes)),
        }
    }

    /// The page reveals `name` (`plot`, `everything`, `event:<key>`,
    /// `arc:<key>`); false if the card has no such thing (or no movie yet).
    pub fn reveal(&self, name: &str) -> bool {
        let call = self.with(|movie, state| (events::target(name, movie), state.dispatcher()));
        match call {
            Some((Some(target), dispatch)) => {
                dispatch.dispatch(Action::PageReveal(target));
                true
            }
            _ => false,
        }
    }

    /// The page hides everything revealed by hand.
    pub fn hide(&self) {
        if let Some(dispatch) = self.with(|_, state| state.dispatcher()) {
            dispatch.dispatch(Action::PageHide);
        }
    }
}
