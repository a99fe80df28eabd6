//! [`ObjectReader`]: one object of the document read against its shape
//! (`fields`), so that the per-object readers (`readers`) read a field as
//! one line, `o.text(movie::TITLE)`.

use super::checker::{Checker, Entries, Field, Path};
use super::fields::{field, FieldDef, Presence, Shape};
use super::Date;
use crate::value::Value;

/// Where a list item's name is, for [`ObjectReader::unique`]'s messages.
#[derive(Clone, Copy)]
pub(super) enum Named {
    /// The item is the name (a genre).
    Itself,
    /// This field of the item (a character's `name`, an `id`).
    ByField(&'static FieldDef),
}

/// One object of the document, read against its [`Shape`]: each field
/// reads as one line (`o.text(movie::TITLE)`), through the field's handle,
/// which carries the presence and limits the table gives it. Every reader returns `None` for a field that is absent
/// (or null) and for one it found invalid: that reported an error, and a
/// report with errors holds no movie, so the two need no telling apart.
pub(super) struct ObjectReader<'c, 'a> {
    pub(super) checker: &'c mut Checker,
    entries: &'a Entries<'a>,
    pub(super) path: &'a Path<'a>,
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
        })
    }

    /// The field as it is in the document, present or not (and null kept),
    /// for the one reader the table's presence cannot state: `$schema`, which
    /// may be absent but not null.
    pub(super) fn raw(&self, field: field::AnyText) -> Field<'a> {
        self.checker.field(self.entries, self.path, field.def.key)
    }

    /// The field's path and value: no value when it is absent or null,
    /// which is reported if the table says the field is required.
    pub(super) fn take(&mut self, def: &'static FieldDef) -> (Path<'a>, Option<&'a Value<'a>>) {
        let field = self.checker.field(self.entries, self.path, def.key);
        let value = match def.presence {
            Presence::Required => self.checker.required(&field),
            Presence::Optional => field.value.filter(|v| !matches!(v, Value::Null)),
        };
        (field.path, value)
    }

    /// The schema version's field, as it is (the reader is `readers`').
    pub(super) fn version(&mut self, field: field::Version) -> (Path<'a>, Option<&'a Value<'a>>) {
        self.take(field.def)
    }

    /// A text field.
    pub(super) fn text(&mut self, field: field::Text) -> Option<String> {
        let (path, value) = self.take(field.def);
        self.checker.text(value?, &path, field.max.into())
    }

    /// An id field.
    pub(super) fn slug(&mut self, field: field::Slug) -> Option<String> {
        let (path, value) = self.take(field.def);
        self.checker.slug(value?, &path)
    }

    /// A whole-number field, within the table's range.
    pub(super) fn integer(&mut self, field: field::Integer) -> Option<i64> {
        let (path, value) = self.take(field.def);
        let whole = field.whole;
        (self.checker).integer(value?, &path, whole.min, whole.max, whole.what)
    }

    /// A minute of the film, within `runtime` if that is known.
    pub(super) fn minute(&mut self, field: field::Minute, runtime: Option<u16>) -> Option<u16> {
        let (path, value) = self.take(field.def);
        self.checker.minute(value?, &path, runtime)
    }

    /// An http(s) link.
    pub(super) fn http_url(&mut self, field: field::HttpUrl) -> Option<String> {
        let (path, value) = self.take(field.def);
        self.checker.http_url(value?, &path)
    }

    /// An image's address.
    pub(super) fn image_url(&mut self, field: field::ImageUrl) -> Option<String> {
        let (path, value) = self.take(field.def);
        self.checker.image_url(value?, &path)
    }

    /// A date.
    pub(super) fn date(&mut self, field: field::Date) -> Option<Date> {
        let (path, value) = self.take(field.def);
        self.checker.date(value?, &path)
    }

    /// A list of texts, each by its position: `None` where an item is not
    /// valid text, so that later checks still name items by their real
    /// index. A required list needs one entry.
    pub(super) fn texts(&mut self, field: field::Texts) -> Vec<Option<String>> {
        let (path, value) = self.take(field.def);
        let Some(items) = value.and_then(|v| self.checker.list(v, &path, field.items.into()))
        else {
            return Vec::new();
        };
        if field.def.presence == Presence::Required && items.is_empty() {
            self.checker.error(&path, "must have at least one entry");
        }
        items
            .iter()
            .enumerate()
            .map(|(i, v)| self.checker.text(v, &path.index(i), field.chars.into()))
            .collect()
    }

    /// An object field, read by `read`.
    pub(super) fn object<T>(
        &mut self,
        field: field::Object,
        read: impl FnOnce(&mut ObjectReader<'_, '_>) -> Option<T>,
    ) -> Option<T> {
        let (path, value) = self.take(field.def);
        let mut object = ObjectReader::open(self.checker, value?, &path, field.shape)?;
        read(&mut object)
    }

    /// A list of objects: `read` is called once per item, in order, with
    /// `None` for an item that is not an object (it is reported), so that
    /// later checks still name items by their real index. (A `dyn`
    /// callback: one copy of the loop for every list.)
    pub(super) fn each(
        &mut self,
        field: field::List,
        read: &mut dyn FnMut(Option<&mut ObjectReader<'_, '_>>),
    ) {
        let (path, value) = self.take(field.def);
        let Some(items) = value.and_then(|v| self.checker.list(v, &path, field.items.into()))
        else {
            return;
        };
        if field.def.presence == Presence::Required && items.is_empty() {
            self.checker.error(&path, "must have at least one entry");
        }
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match ObjectReader::open(self.checker, item, &item_path, field.of) {
                Some(mut object) => read(Some(&mut object)),
                None => read(None),
            }
        }
    }

    /// Reports the names (or ids) of the list `list` (a field of this
    /// object) that are used twice.
    pub(super) fn unique(&mut self, list: &'static FieldDef, names: &[Option<&str>], named: Named) {
        let path = self.path.key(list.key);
        self.checker.unique(names, &path, named);
    }
}
