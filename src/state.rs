//! The card's Yew state: [`CardState`] (plain Rust, in `spoiler`) driven
//! through a `use_reducer` with the [`Action`] enum.

use std::rc::Rc;

use yew::Reducible;

pub use crate::spoiler::{Action, CardState};

impl Reducible for CardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // An action that changes nothing (tabs already prepared, an item
        // revealed twice) returns the same state: Yew skips the render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The handle components receive: read the state, dispatch actions.
pub type StateHandle = yew::UseReducerHandle<CardState>;
