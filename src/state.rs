//! The card's Yew state: [`CardState`] (plain Rust, in `spoiler`) driven
//! through a `use_reducer` with the [`Action`] enum.

use std::rc::Rc;

use yew::Reducible;

pub use crate::spoiler::{Action, CardState};

impl Reducible for CardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // An action that changes nothing (the tabs prepared again, the
        // selected tab selected again) returns the same state: Yew skips the
        // render. (A reveal always counts as a reader change, so it renders.)
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The handle components receive: read the state, dispatch actions.
pub type StateHandle = yew::UseReducerHandle<CardState>;
