//! The card's Yew state: [`CardState`] (plain Rust, in `spoiler`) driven
//! through a `use_reducer` with the [`Action`] enum.

use std::rc::Rc;

use yew::Reducible;

pub use crate::spoiler::{Action, CardState};

impl Reducible for CardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// The handle components receive: read the state, dispatch actions.
pub type StateHandle = yew::UseReducerHandle<CardState>;
