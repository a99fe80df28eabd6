//! The card's words in the reader's language: every string it shows or
//! announces, its number, runtime and date formats, its writing direction
//! and its plural rules, for the card and for `spoiler-card render` alike.
//!
//! English is built in (`assets/locales/en.json`, read at start); the other
//! languages are files of the same shape (`assets/locales/<lang>.json`),
//! which the card fetches from its embed folder and the CLI compiles in,
//! and a blogger's strings file (the `strings` attribute, `render
//! --strings`) overrides any of them. Every file is untrusted text, read
//! with the data's JSON reader and checked key by key: a broken one is not
//! used at all, and [`Words::read`] says why, path by path.
//! `Intl` is not used: it cannot run during render, natively or in Node.

mod keys;
mod messages;
pub mod plural;

use std::rc::Rc;

use crate::json;
use crate::model::Date;
use crate::value::Value;
pub use keys::{Key, KEY_NAMES};
use messages::{fill, message_of, text_of, Message};

/// The languages whose files ship in the embed folder (`locales/`), besides
/// the built-in English.
pub const SHIPPED: [&str; 5] = ["ar", "de", "es", "fr", "pt"];

/// The built-in English (assets/locales/en.json, compacted by build.rs).
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en.json"));

/// Most bytes in a locale file, and in one of its texts.
pub const FILE_BYTES: usize = 64 * 1024;
const TEXT_BYTES: usize = 2000;
/// Most problems of a file listed (the console line stays readable).
const PROBLEMS: usize = 20;

/// What a card says, and how, in one language.
#[derive(Debug, Clone)]
pub struct Words {
    /// The language whose plural rules the counts follow (a primary
    /// subtag: `en`). The card's `lang` is its element's, inherited: the
    /// data's text is in the page's language, whatever words it has.
    pub lang: Box<str>,
    /// Which way its words are written.
    pub direction: Direction,
    digits: [char; 10],
    group: Box<str>,
    /// Numbers of fewer digits are not grouped (Spanish: 5).
    group_from: u8,
    months: Vec<Box<str>>,
    messages: Vec<Message>,
}

/// Words are the same when they are the same words: a card's props
/// compare them by identity (each language is read once per page), never
/// text by text.
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Which way a language is written (the card root's `dir`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// The `dir` attribute's value.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Which words a language tag (`lang`) gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Language {
    /// English, built in (also for no language, or `en-GB`).
    English,
    /// A language that ships (`de`).
    Shipped(&'static str),
    /// A language without a file (`ja`): English, unless a strings file
    /// translates it.
    Other(String),
}

impl Language {
    /// The language of the tag `lang` (`de-AT` is `de`).
    pub fn of(tag: &str) -> Language {
        let tag = tag.trim();
        let primary = tag[..tag.find(['-', '_']).unwrap_or(tag.len())].to_ascii_lowercase();
        if let Some(code) = SHIPPED.iter().find(|code| **code == primary) {
            return Language::Shipped(code);
        }
        match primary.as_str() {
            "" | "en" => Language::English,
            _ if primary.len() <= 8 && primary.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Language::Other(primary)
            }
            _ => Language::English,
        }
    }
}

thread_local! {
    static BUILT_IN: Rc<Words> = Rc::new(Words::read_english());
}

/// A problem of a locale file: where, and why.
fn problem(problems: &mut Vec<String>, path: &str, why: &str) {
    problems.push(format!("{path}: {why}"));
}

impl Words {
    /// The built-in English (read once per thread).
    pub fn english() -> Rc<Words> {
        BUILT_IN.with(Rc::clone)
    }

    fn read_english() -> Words {
        let empty = Words {
            lang: "en".into(),
            direction: Direction::Ltr,
            digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
            group: ",".into(),
            group_from: 4,
            months: Vec::new(),
            messages: vec![Message::default(); KEY_NAMES.len()],
        };
        // A test proves the file complete and valid; were it not, the card
        // would show what it read, never panic.
        empty.read("en", ENGLISH).unwrap_or_else(|_| empty.clone())
    }

    /// These words with those of the locale file or strings file `text`
    /// over them, as `lang` speaks (its plurals): every key is optional.
    /// `Err` lists every problem as `path: reason`, and nothing is taken.
    pub fn read(&self, lang: &str, text: &str) -> Result<Words, Vec<String>> {
        let mut problems = Vec::new();
        if text.len() > FILE_BYTES {
            problem(&mut problems, "(the file)", "more than 64 KB");
            return Err(problems);
        }
        let members = match json::parse(text) {
            Ok(Value::Object(members)) => members,
            Ok(other) => {
                problem(
                    &mut problems,
                    "(the file)",
                    &format!("must be an object, not {}", other.kind()),
                );
                return Err(problems);
            }
            Err(json::ParseError::Limit(why)) => {
                problem(&mut problems, "(the file)", &why);
                return Err(problems);
            }
            Err(json::ParseError::Syntax(why)) => {
                problem(
                    &mut problems,
                    "(the file)",
                    &format!("not valid JSON: {why}"),
                );
                return Err(problems);
            }
        };
        let mut words = self.clone();
        words.lang = lang.into();
        // The members taken, by name: each may come once (a file of
        // unknown names is refused without comparing them all).
        let mut seen: Vec<&str> = Vec::new();
        let mut more = 0;
        for (name, value) in &members {
            // "$comment", "$schema": notes for translators.
            if name.starts_with('$') {
                continue;
            }
            let why = if seen.contains(&name.as_ref()) {
                Some("appears twice".into())
            } else {
                let taken = words.take(name, value);
                if taken.is_ok() {
                    seen.push(name);
                }
                taken.err()
            };
            match why {
                Some(_) if problems.len() == PROBLEMS => more += 1,
                Some(why) => problem(&mut problems, name, &why),
                None => {}
            }
        }
        if more > 0 {
            problems.push(format!("… and {more} more problems"));
        }
        if problems.is_empty() {
            Ok(words)
        } else {
            Err(problems)
        }
    }

    /// Takes one member of a locale file.
    fn take(&mut self, name: &str, value: &Value) -> Result<(), String> {
        let text = text_of(value);
        match name {
            "dir" => match text? {
                "ltr" => self.direction = Direction::Ltr,
                "rtl" => self.direction = Direction::Rtl,
                _ => return Err("must be \"ltr\" or \"rtl\"".into()),
            },
            "digits" => {
                let mut digits = ['0'; 10];
                let mut count = 0;
                for c in text?.chars() {
                    if let Some(slot) = digits.get_mut(count) {
                        *slot = c;
                    }
                    count += 1;
                }
                if count != 10 {
                    return Err("must be the ten digits, 0 to 9".into());
                }
                self.digits = digits;
            }
            "group" => match value {
                Value::String(group) if group.len() <= 8 => self.group = group.as_ref().into(),
                _ => return Err("must be a text of at most 8 bytes".into()),
            },
            "group_from" => match value {
                Value::Number(n) if (1.0..=9.0).contains(n) && n.fract() == 0.0 => {
                    self.group_from = *n as u8;
                }
                _ => return Err("must be a whole number from 1 to 9".into()),
            },
            "months" => match value {
                Value::Array(months) if months.len() == 12 => {
                    let mut names = Vec::with_capacity(12);
                    for month in months {
                        names.push(text_of(month)?.into());
                    }
                    self.months = names;
                }
                _ => return Err("must be a list of the 12 month names".into()),
            },
            _ => {
                let i = KEY_NAMES
                    .iter()
                    .position(|known| *known == name)
                    .ok_or("not a text of the card (a typo?)")?;
                self.messages[i] = message_of(value, &self.messages[i])?;
            }
        }
        Ok(())
    }

    /// The message `key`, as it reads without a number.
    // Not inlined: the card asks at some seventy places.
    #[inline(never)]
    pub fn text(&self, key: Key) -> &str {
        self.messages.get(key as usize).map_or("", |m| &m.other)
    }

    /// The message `key` with its placeholders filled (`("clock", "0:45")`
    /// fills `{clock}`).
    #[inline(never)]
    pub fn say(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.text(key), "", args)
    }

    /// The form of `key` for the number `n` (which fills `{n}`), with the
    /// other placeholders filled.
    #[inline(never)]
    pub fn count(&self, key: Key, n: usize, args: &[(&str, &str)]) -> String {
        let Some(message) = self.messages.get(key as usize) else {
            return String::new();
        };
        let category = plural::category(&self.lang, n);
        let form = message
            .forms
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(&message.other, |(_, text)| text);
        fill(form, &self.number(n), args)
    }

    /// `n` in this language's digits, grouped from `group_from` digits.
    pub fn number(&self, n: usize) -> String {
        let plain = n.to_string();
        let grouped = plain.len() >= usize::from(self.group_from);
        let mut out = String::with_capacity(plain.len() * 2);
        for (i, digit) in plain.bytes().enumerate() {
            if grouped && i > 0 && (plain.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(self.digits[usize::from(digit - b'0')]);
        }
        out
    }

    /// `111` → `1h 51m`; `45` → `45m`; `120` → `2h` (in English).
    pub fn runtime(&self, minutes: u16) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        let (hours, mins) = (self.number(usize::from(h)), self.number(usize::from(m)));
        let key = match (h, m) {
            (0, _) => Key::RuntimeMinutes,
            (_, 0) => Key::RuntimeHours,
            _ => Key::RuntimeHoursMinutes,
        };
        self.say(key, &[("h", &hours), ("m", &mins)])
    }

    /// `45` → `0:45`; `111` → `1:51`, in this language's digits.
    pub fn clock(&self, minutes: u16) -> String {
        let minute = minutes % 60;
        let mut out = self.number(usize::from(minutes / 60));
        out.push(':');
        out.push(self.digits[usize::from(minute / 10)]);
        out.push(self.digits[usize::from(minute % 10)]);
        out
    }

    /// An estimated minute as the timeline shows it: `~0:45`.
    pub fn approx_clock(&self, minutes: u16) -> String {
        self.say(Key::ApproxClock, &[("clock", &self.clock(minutes))])
    }

    /// `16 November 2024` (in English).
    pub fn date(&self, date: Date) -> String {
        let month = self
            .months
            .get(usize::from(date.month).saturating_sub(1))
            .map_or("", |m| m);
        let (day, year) = (
            self.number(usize::from(date.day)),
            self.digits_in(&date.year.to_string()),
        );
        self.say(
            Key::Date,
            &[("day", &day), ("month", month), ("year", &year)],
        )
    }

    /// `["Ann", "Bo"]` → `Ann, Bo`.
    pub fn names(&self, list: &[String]) -> String {
        let mut out = String::new();
        for (i, name) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(self.text(Key::ListSeparator));
            }
            out.push_str(name);
        }
        out
    }

    /// `text` with its Western digits as this language writes them (a
    /// year, which is never grouped).
    pub fn digits_in(&self, text: &str) -> String {
        text.chars()
            .map(|c| c.to_digit(10).map_or(c, |d| self.digits[d as usize]))
            .collect()
    }
}

/// The text of a shipped locale file, compiled into the CLI (the card
/// fetches it from its embed folder instead).
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub fn shipped_file(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "ar" => include_str!("../../assets/locales/ar.json"),
        "de" => include_str!("../../assets/locales/de.json"),
        "es" => include_str!("../../assets/locales/es.json"),
        "fr" => include_str!("../../assets/locales/fr.json"),
        "pt" => include_str!("../../assets/locales/pt.json"),
        _ => return None,
    })
}
