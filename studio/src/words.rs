//! The studio's own words, apart from the card's (the card's wasm does not
//! carry them): English is the text in the code; another language is a
//! table from that English to its own, `locales/<lang>.json`, read with the
//! card's JSON reader. The language is chosen by the card's own rule
//! (`locale::Language::of`: `de-AT` is German); a language without a table,
//! or a text the table lacks, stays English.

use spoiler_card::json;
use spoiler_card::locale::Language;
use spoiler_card::value::Value;

/// The studio's translations, by language.
const TABLES: &[(&str, &str)] = &[("de", include_str!("../locales/de.json"))];

/// The studio's words in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Words {
    /// The language's code (`en`, `de`).
    pub lang: String,
    table: Vec<(String, String)>,
}

impl Words {
    /// The words for the language tag `lang` (English when there is no
    /// table for it).
    pub fn for_tag(lang: &str) -> Words {
        let Language::Shipped(code) = Language::of(lang) else {
            return Words::english();
        };
        let Some((_, text)) = TABLES.iter().find(|(c, _)| *c == code) else {
            return Words::english();
        };
        let table = match json::parse(text) {
            Ok(Value::Object(entries)) => entries
                .into_iter()
                .filter_map(|(k, v)| match v {
                    Value::String(s) if !k.starts_with('$') => {
                        Some((k.into_owned(), s.into_owned()))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Words {
            lang: code.to_owned(),
            table,
        }
    }

    /// English.
    pub fn english() -> Words {
        Words {
            lang: "en".to_owned(),
            table: Vec::new(),
        }
    }

    /// `english` in this language.
    pub fn t<'a>(&'a self, english: &'a str) -> &'a str {
        self.table
            .iter()
            .find(|(k, _)| k == english)
            .map_or(english, |(_, v)| v.as_str())
    }

    /// `english` in this language, its `{name}`s filled in.
    pub fn f(&self, english: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.t(english).to_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The English texts this language's table holds.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.table.iter().map(|(k, _)| k.as_str())
    }
}
