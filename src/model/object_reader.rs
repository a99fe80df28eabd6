//! [`ObjectReader`]: one object of the document read against its shape
//! (`fields`), so that the per-object readers (`readers`) read a field as
//! one line, `o.text("title")`.

use super::checker::{Checker, Entries, Field, Path};
use super::fields::{FieldDef, Presence, Rule, Shape, UNLISTED};
use super::{limits, Date};
use crate::value::Value;

/// Where a list item's name is, for [`ObjectReader::unique`]'s messages.
#[derive(Clone, Copy)]
pub(super) enum Named {
    /// The item is the name (a genre).
    Itself,
    /// The item's field of this key (a character's `name`, an `id`).
    ByField(&'static str),
}

/// One object of the document, read against its [`Shape`]: each field
/// reads as one line (`o.text("title")`), with the presence and limits the
/// shape gives it. Every reader returns `None` for a field that is absent
/// (or null) and for one it found invalid: that reported an error, and a
/// report with errors holds no movie, so the two need no telling apart.
pub(super) struct ObjectReader<'c, 'a> {
    pub(super) checker: &'c mut Checker,
    entries: &'a Entries<'a>,
    pub(super) path: &'a Path<'a>,
    shape: &'static Shape,
}

impl<'c, 'a> ObjectReader<'c, 'a> {
    /// Reads `value` as an object of `shape`; `None` (reported) if it is not
    /// one.
    pub(super) fn open(
        checker: &'c mut Checker,
        value: &'a Value<'a>,
        path: &'a Path<'a>,
        shape: &'static Shape,
    ) -> Option<Self> {
        let entries = checker.object(value, path, shape)?;
        Some(Self {
            checker,
            entries,
            path,
            shape,
        })
    }

    /// The field as it is in the document, present or not (and null kept),
    /// for the one reader the table's presence cannot state: `$schema`, which
    /// may be absent but not null.
    pub(super) fn raw(&self, key: &'static str) -> Field<'a> {
        self.checker.field(self.entries, self.path, key)
    }

    /// The field's definition, path and value: no value when it is absent
    /// or null, which is reported if the field is required.
    pub(super) fn take(
        &mut self,
        key: &'static str,
    ) -> (&'static FieldDef, Path<'a>, Option<&'a Value<'a>>) {
        let def = self.shape.get(key).unwrap_or_else(|| {
            debug_assert!(false, "{key} is not in its shape (model/fields.rs)");
            &UNLISTED
        });
        let field = self.raw(key);
        let value = match def.presence {
            Presence::Required => self.checker.required(&field),
            Presence::Optional => field.value.filter(|v| !matches!(v, Value::Null)),
        };
        (def, field.path, value)
    }

    /// A text field (rule [`Rule::Text`]).
    pub(super) fn text(&mut self, key: &'static str) -> Option<String> {
        let (def, path, value) = self.take(key);
        let max = match def.rule {
            Rule::Text(max) => max.into(),
            _ => mismatch(def, limits::URL),
        };
        self.checker.text(value?, &path, max)
    }

    /// The field, read by one of [`Checker`]'s value readers when present;
    /// `rule` is the rule that reader checks, which the table must give the
    /// field (a debug assertion: the table and the readers cannot part).
    fn read<T>(
        &mut self,
        key: &'static str,
        rule: Rule,
        read: impl FnOnce(&mut Checker, &Value<'_>, &Path) -> Option<T>,
    ) -> Option<T> {
        let (def, path, value) = self.take(key);
        debug_assert!(
            std::mem::discriminant(&def.rule) == std::mem::discriminant(&rule),
            "{key} is read as {rule:?}, the table says {:?}",
            def.rule
        );
        read(self.checker, value?, &path)
    }

    /// An id field (rule [`Rule::Slug`]).
    pub(super) fn slug(&mut self, key: &'static str) -> Option<String> {
        self.read(key, Rule::Slug, Checker::slug)
    }

    /// A whole-number field (rule [`Rule::Integer`]).
    pub(super) fn integer(&mut self, key: &'static str) -> Option<i64> {
        let (def, path, value) = self.take(key);
        let Rule::Integer(whole) = def.rule else {
            return mismatch(def, None);
        };
        (self.checker).integer(value?, &path, whole.min, whole.max, whole.what)
    }

    /// A minute of the film (rule [`Rule::Minute`]), within `runtime` if
    /// that is known.
    pub(super) fn minute(&mut self, key: &'static str, runtime: Option<u16>) -> Option<u16> {
        self.read(key, Rule::Minute, |c, v, p| c.minute(v, p, runtime))
    }

    /// An http(s) link (rule [`Rule::HttpUrl`]).
    pub(super) fn http_url(&mut self, key: &'static str) -> Option<String> {
        self.read(key, Rule::HttpUrl, Checker::http_url)
    }

    /// An image's address (rule [`Rule::ImageUrl`]).
    pub(super) fn image_url(&mut self, key: &'static str) -> Option<String> {
        self.read(key, Rule::ImageUrl, Checker::image_url)
    }

    /// A date (rule [`Rule::Date`]).
    pub(super) fn date(&mut self, key: &'static str) -> Option<Date> {
        self.read(key, Rule::Date, Checker::date)
    }

    /// A list of texts (rule [`Rule::Texts`]), each by its position: `None`
    /// where an item is not valid text, so that later checks still name
    /// items by their real index. A required list needs one entry.
    pub(super) fn texts(&mut self, key: &'static str) -> Vec<Option<String>> {
        let (def, path, value) = self.take(key);
        let (max_items, max_chars) = match def.rule {
            Rule::Texts { items, chars } => (items.into(), chars.into()),
            _ => mismatch(def, (0, 0)),
        };
        let Some(items) = value.and_then(|v| self.checker.list(v, &path, max_items)) else {
            return Vec::new();
        };
        if def.presence == Presence::Required && items.is_empty() {
            self.checker.error(&path, "must have at least one entry");
        }
        items
            .iter()
            .enumerate()
            .map(|(i, v)| self.checker.text(v, &path.index(i), max_chars))
            .collect()
    }

    /// An object field (rule [`Rule::Object`]), read by `read`.
    pub(super) fn object<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&mut ObjectReader<'_, '_>) -> Option<T>,
    ) -> Option<T> {
        let (def, path, value) = self.take(key);
        let Rule::Object(shape) = def.rule else {
            return mismatch(def, None);
        };
        let mut object = ObjectReader::open(self.checker, value?, &path, shape)?;
        read(&mut object)
    }

    /// A list of objects (rule [`Rule::List`]): `read` is called once per
    /// item, in order, with `None` for an item that is not an object (it is
    /// reported), so that later checks still name items by their real
    /// index. (A `dyn` callback: one copy of the loop for every list.)
    pub(super) fn each(
        &mut self,
        key: &'static str,
        read: &mut dyn FnMut(Option<&mut ObjectReader<'_, '_>>),
    ) {
        let (def, path, value) = self.take(key);
        let Rule::List { items: max, of } = def.rule else {
            return mismatch(def, ());
        };
        let Some(items) = value.and_then(|v| self.checker.list(v, &path, max.into())) else {
            return;
        };
        if def.presence == Presence::Required && items.is_empty() {
            self.checker.error(&path, "must have at least one entry");
        }
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match ObjectReader::open(self.checker, item, &item_path, of) {
                Some(mut object) => read(Some(&mut object)),
                None => read(None),
            }
        }
    }

    /// Reports the names (or ids) of the list `key` that are used twice.
    pub(super) fn unique(&mut self, key: &'static str, names: &[Option<&str>], named: Named) {
        let path = self.path.key(key);
        self.checker.unique(names, &path, named);
    }
}

/// What a reader gets when it reads a field with the wrong kind of reader
/// (a bug that debug builds catch).
fn mismatch<T>(def: &FieldDef, fallback: T) -> T {
    debug_assert!(false, "{} is read against its rule {:?}", def.key, def.rule);
    fallback
}
