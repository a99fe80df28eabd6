//! The studio's state: the document, its undo and redo history, and what
//! the author chose for the preview. Changed only through [`Action`]s.

use std::rc::Rc;

use spoiler_card::value::Value;
use yew::Reducible;

use crate::doc::{self, Step};

/// Edits kept for undo.
const HISTORY: usize = 200;

/// How the preview shows the card.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewChoices {
    /// The reader's watch progress, in minutes.
    pub progress: u16,
    /// The plot revealed.
    pub plot_revealed: bool,
    /// `light`, `dark` or `auto`.
    pub theme: &'static str,
    /// The width the card is shown at: `phone` (360 px), `column` (the
    /// side column's) or `desktop` (720 px, the side column widened).
    pub width: &'static str,
    /// The card's language: a shipped one's code, or empty for the
    /// studio's own.
    pub lang: &'static str,
}

impl Default for PreviewChoices {
    fn default() -> Self {
        Self {
            progress: 0,
            plot_revealed: false,
            theme: "auto",
            width: "column",
            lang: "",
        }
    }
}

/// The studio's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The movie as the author has written it so far.
    pub tree: Rc<Value<'static>>,
    undo: Vec<Rc<Value<'static>>>,
    redo: Vec<Rc<Value<'static>>>,
    /// The field the author last typed in, so that typing in one field is
    /// one step of undo.
    last_edited: Option<String>,
    /// The preview's choices.
    pub preview: PreviewChoices,
    /// Problems of fields the author has not written yet are shown (after
    /// an export was refused, or a movie opened); before, a new movie's
    /// empty fields do not all say "required" at once.
    pub show_all_problems: bool,
    /// The item the last edit moved within its list (a Move, or an event
    /// put back in film order by its new minute): the focus follows it.
    pub moved: Option<Moved>,
}

/// An item that moved within its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The list's path (`timeline`).
    pub list: String,
    /// Where it was.
    pub from: usize,
    /// Where it is now.
    pub to: usize,
    /// Counts moves, so that two alike are two.
    pub seq: u64,
}

/// Optional objects that go when their last field is cleared: left as
/// `{}`, they would say "required" about fields the author just removed.
const OPTIONAL_OBJECTS: &[&str] = &["arc", "poster", "more"];

impl State {
    /// A studio on `tree`.
    pub fn new(tree: Value<'static>) -> Self {
        Self {
            tree: Rc::new(tree),
            undo: Vec::new(),
            redo: Vec::new(),
            last_edited: None,
            preview: PreviewChoices::default(),
            show_all_problems: false,
            moved: None,
        }
    }

    /// Is there an edit to undo?
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Is the author typing (the last edit was text typed in a field)?
    pub fn typing(&self) -> bool {
        self.last_edited.is_some()
    }

    /// Is there an edit to redo?
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// What the author does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A field's new value (`None`: removed).
    Set(Vec<Step>, Option<Value<'static>>),
    /// A new item at an index of a list.
    Insert(Vec<Step>, usize, Value<'static>),
    /// An item moved within a list.
    Move(Vec<Step>, usize, usize),
    /// Events pasted at the end of the timeline.
    AddEvents(Vec<Value<'static>>),
    /// A whole new document the author opened (a file, a paste, the
    /// draft): undo brings the one before back.
    Replace(Value<'static>),
    /// A whole new document the page set (`el.movie`): the history starts
    /// there, so that undo never goes back past what the page loaded.
    Load(Value<'static>),
    /// Back one edit.
    Undo,
    /// Forward one edit.
    Redo,
    /// A choice of the preview.
    Preview(PreviewChoices),
    /// Show every problem, of empty fields too.
    ShowAllProblems,
    /// The author left a field: typing there again is a new step of undo.
    Pause,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // The tree is copied only for an edit (below), not for a move of the
        // preview's slider or an undo.
        let mut tree;
        let mut moved: Option<(String, usize, usize)> = None;
        let edited = match action {
            Action::Undo => {
                if let Some(previous) = next.undo.pop() {
                    next.redo.push(Rc::clone(&next.tree));
                    next.tree = previous;
                }
                next.last_edited = None;
                return Rc::new(next);
            }
            Action::Redo => {
                if let Some(later) = next.redo.pop() {
                    next.undo.push(Rc::clone(&next.tree));
                    next.tree = later;
                }
                next.last_edited = None;
                return Rc::new(next);
            }
            Action::Preview(choices) => {
                next.preview = choices;
                return Rc::new(next);
            }
            Action::ShowAllProblems => {
                next.show_all_problems = true;
                return Rc::new(next);
            }
            Action::Pause => {
                if self.last_edited.is_none() {
                    return self;
                }
                next.last_edited = None;
                return Rc::new(next);
            }
            Action::Set(path, value) => {
                tree = (*self.tree).clone();
                // Typing (text in a field) is what joins into one step.
                let typing = matches!(value, Some(Value::String(_)));
                let key = typing.then(|| doc::path_text(&path));
                let names_the_movie = matches!(path.as_slice(), [Step::Key("title" | "year")]);
                let minute = matches!(path.last(), Some(Step::Key("at_minute")));
                let removed = value.is_none();
                doc::set(&mut tree, &path, value);
                if removed {
                    drop_empty_objects(&mut tree, &path);
                }
                if let Some(Step::Key(list)) = path.first() {
                    if path.len() > 1 {
                        doc::drop_if_empty(&mut tree, &[Step::Key(list)]);
                    }
                }
                if minute && path.first() == Some(&Step::Key("timeline")) {
                    let moved_to = doc::sort_timeline(&mut tree);
                    if let [_, Step::Index(from), ..] = path.as_slice() {
                        moved = moved_to
                            .get(*from)
                            .filter(|to| *to != from)
                            .map(|to| (String::from("timeline"), *from, *to));
                    }
                }
                if names_the_movie {
                    doc::follow_id(&self.tree, &mut tree);
                }
                key
            }
            Action::Insert(path, index, item) => {
                tree = (*self.tree).clone();
                doc::insert(&mut tree, &path, index, item);
                if path.first() == Some(&Step::Key("timeline")) {
                    doc::sort_timeline(&mut tree);
                }
                None
            }
            Action::Move(path, from, to) => {
                tree = (*self.tree).clone();
                doc::move_item(&mut tree, &path, from, to);
                moved = Some((doc::path_text(&path), from, to));
                None
            }
            Action::AddEvents(events) => {
                tree = (*self.tree).clone();
                let at = doc::len_at(&tree, &[Step::Key("timeline")]);
                for (i, event) in events.into_iter().enumerate() {
                    doc::insert(&mut tree, &[Step::Key("timeline")], at + i, event);
                }
                doc::sort_timeline(&mut tree);
                None
            }
            Action::Replace(new) => {
                tree = new;
                next.show_all_problems = true;
                None
            }
            Action::Load(new) => {
                let mut next = State::new(new);
                next.preview = self.preview.clone();
                next.show_all_problems = true;
                return Rc::new(next);
            }
        };
        if tree == *self.tree {
            return self;
        }
        // Typing on in the same field replaces its last step of undo.
        let same_field = edited.is_some() && edited == next.last_edited;
        if !same_field {
            next.undo.push(Rc::clone(&self.tree));
            if next.undo.len() > HISTORY {
                next.undo.remove(0);
            }
        }
        next.redo.clear();
        next.last_edited = edited;
        next.tree = Rc::new(tree);
        let seq = self.moved.as_ref().map_or(0, |m| m.seq + 1);
        next.moved = moved.map(|(list, from, to)| Moved {
            list,
            from,
            to,
            seq,
        });
        Rc::new(next)
    }
}

/// After a field at `path` was removed: its optional parent objects
/// (`arc`, `poster`, `more`) that are now empty go too.
fn drop_empty_objects(tree: &mut Value<'static>, path: &[Step]) {
    for end in (1..path.len()).rev() {
        let parent = &path[..end];
        let optional =
            matches!(parent.last(), Some(Step::Key(key)) if OPTIONAL_OBJECTS.contains(key));
        if optional
            && matches!(doc::get(tree, parent), Some(Value::Object(entries)) if entries.is_empty())
        {
            doc::set(tree, parent, None);
        } else {
            break;
        }
    }
}
