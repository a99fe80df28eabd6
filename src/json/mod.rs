//! Reads JSON text into a [`Value`] tree, in one pass over the bytes.
//!
//! The card reads its data with this instead of the browser's `JSON.parse`
//! followed by a walk over the JS object: that walk crossed from wasm into
//! JS several times per value, which cost more than the whole validation
//! (a 1,000-event movie: ~3.5 ms of ~18). It also keeps `serde_json` out of
//! the wasm bundle. It is the one reader, natively too (the CLI's checker);
//! `serde_json` is only the oracle of a property test and of the fuzzer,
//! which check that both give the same tree.
//!
//! A number beyond f64's range (`1e400`) is an error, "number out of range",
//! as it is for `serde_json` (to 19 significant digits: near `f64::MAX` a
//! number that still rounds to it reads as `f64::MAX`).
//!
//! Numbers are read as far as validation needs them: whole numbers up to
//! 2^53 are exact, and a fraction within 19 significant digits stays a
//! fraction (past that, like f64 itself, `1.0000000000000000001` reads as
//! 1). Float parsing from `core` would cost the bundle ~10 KB of tables.
//!
//! The way back, a tree to text, is [`write`] (compact), [`write_pretty`]
//! (for files people edit) and [`write_string`] (one string, safe in HTML).

use std::borrow::Cow;

use crate::value::{self, Value};

mod write;
pub use write::{write, write_pretty, write_string};

/// Why a text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON: what is wrong and where, e.g.
    /// `expected ',' or '}' at line 3, column 7`.
    Syntax(String),
    /// JSON, but deeper or larger than [`value::MAX_DEPTH`] or
    /// [`value::MAX_VALUES`] allow.
    Limit(String),
}

/// Parses `text` (one JSON value, surrounded by optional whitespace), with
/// the depth and size limits of [`value`].
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        count: 0,
    };
    reader.skip_whitespace();
    let value = reader.value()?;
    reader.skip_whitespace();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the data"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    count: usize,
}

impl<'t> Reader<'t> {
    /// A syntax error at the current position.
    fn error(&self, what: &str) -> ParseError {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters, not bytes (the text is valid UTF-8).
        let column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        ParseError::Syntax(if self.pos >= self.bytes.len() {
            format!("{what}: the text ends too early (line {line}, column {column})")
        } else {
            format!("{what} at line {line}, column {column}")
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn counted(&mut self) -> Result<(), ParseError> {
        self.count += 1;
        if self.count > value::MAX_VALUES {
            return Err(ParseError::Limit(value::too_many_values()));
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Value<'t>, ParseError> {
        self.counted()?;
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.error("expected a value")),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value<'t>, ParseError>,
    ) -> Result<Value<'t>, ParseError> {
        if self.depth >= value::MAX_DEPTH {
            return Err(ParseError::Limit(value::too_deep()));
        }
        self.depth += 1;
        self.pos += 1; // the opening bracket
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value<'t>) -> Result<Value<'t>, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn array(&mut self) -> Result<Value<'t>, ParseError> {
        let mut items = Vec::new();
        if !self.closes_empty(b']') {
            loop {
                self.skip_whitespace();
                items.push(self.value()?);
                if self.item_ends(b']', "expected ',' or ']'")? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Result<Value<'t>, ParseError> {
        let mut entries = Vec::new();
        if !self.closes_empty(b'}') {
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.error("expected a key in double quotes"));
                }
                let key = self.string()?;
                self.skip_whitespace();
                if self.peek() != Some(b':') {
                    return Err(self.error("expected ':' after the key"));
                }
                self.pos += 1;
                self.skip_whitespace();
                entries.push((key, self.value()?));
                if self.item_ends(b'}', "expected ',' or '}'")? {
                    break;
                }
            }
        }
        Ok(Value::Object(entries))
    }

    /// Right after an opening bracket: is the container empty (and now
    /// closed)?
    fn closes_empty(&mut self, close: u8) -> bool {
        self.skip_whitespace();
        let empty = self.peek() == Some(close);
        if empty {
            self.pos += 1;
        }
        empty
    }

    /// After an item: a comma (another item follows: false) or the closing
    /// bracket (true).
    fn item_ends(&mut self, close: u8, expected: &str) -> Result<bool, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.error(expected)),
        }
    }

    /// A string; `pos` is at its opening quote. Text without escapes
    /// borrows from the document.
    fn string(&mut self) -> Result<Cow<'t, str>, ParseError> {
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run_start = self.pos;
        loop {
            // Plain characters in one tight scan, up to the next special byte.
            self.pos += self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len() - self.pos);
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated text"));
            };
            match b {
                b'"' => {
                    let end = self.pos;
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(&self.text[start..end]),
                        Some(mut out) => {
                            out.push_str(&self.text[run_start..end]);
                            Cow::Owned(out)
                        }
                    });
                }
                b'\\' => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[run_start..self.pos]);
                    self.pos += 1;
                    self.escape(out)?;
                    run_start = self.pos;
                }
                _ => return Err(self.error("a control character must be escaped in text")),
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&unit)
                    && self.bytes[self.pos..].starts_with(b"\\u")
                {
                    let resume = self.pos;
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        // A lone high surrogate; the next escape stands alone.
                        self.pos = resume;
                        None
                    }
                } else {
                    char::from_u32(unit)
                };
                // Lone surrogates become U+FFFD, as the browser's own
                // text encoding does.
                out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => return Err(self.error("unknown escape in text")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits after \\u")),
            };
            unit = unit * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }

    /// A number in JSON's grammar. Up to 19 significant digits are kept
    /// (later ones are dropped, or scale a whole number); the value is exact
    /// for whole numbers to 2^53.
    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut mantissa: u64 = 0;
        let mut exponent: i32 = 0;
        fn keep(mantissa: &mut u64, exponent: &mut i32, digit: u8, fraction: bool) {
            if *mantissa < 1_000_000_000_000_000_000 {
                *mantissa = *mantissa * 10 + u64::from(digit);
                if fraction {
                    *exponent -= 1;
                }
            } else if !fraction {
                *exponent += 1; // too many digits to keep: scale instead
            }
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    keep(&mut mantissa, &mut exponent, b - b'0', false);
                    self.pos += 1;
                }
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let mut digits = 0;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                keep(&mut mantissa, &mut exponent, b - b'0', true);
                self.pos += 1;
                digits += 1;
            }
            if digits == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let mut power: i32 = 0;
            let mut any = false;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                power = (power * 10 + i32::from(b - b'0')).min(100_000);
                self.pos += 1;
                any = true;
            }
            if !any {
                return Err(self.error("expected a digit in the exponent"));
            }
            exponent = exponent.saturating_add(sign * power);
        }
        let magnitude = if mantissa == 0 {
            0.0
        } else if exponent >= 0 {
            mantissa as f64 * 10f64.powi(exponent)
        } else if exponent >= -22 {
            // Dividing by an exact power of ten keeps whole results exact.
            mantissa as f64 / 10f64.powi(-exponent)
        } else {
            mantissa as f64 / 1e22 / 10f64.powi(-exponent - 22)
        };
        if magnitude.is_infinite() {
            // `powi` is not correctly rounded: near f64::MAX (up to
            // 1.7976931348623158e308, which still rounds to it) it can
            // overflow where the true value does not. The 19 kept digits
            // tell.
            if !fits_below_f64_max(mantissa, exponent) {
                self.pos = start; // (told where the number starts)
                return Err(self.error("number out of range"));
            }
            return Ok(if negative { -f64::MAX } else { f64::MAX });
        }
        Ok(if negative { -magnitude } else { magnitude })
    }
}

/// Is `mantissa` × 10^`exponent` (mantissa not 0) below the smallest number
/// that no longer rounds to `f64::MAX` (1.797693134862315808e308, to 19
/// digits)?
fn fits_below_f64_max(mantissa: u64, exponent: i32) -> bool {
    let digits = mantissa.ilog10() as i32 + 1;
    if digits - 1 + exponent != 308 {
        return digits - 1 + exponent < 308;
    }
    // The mantissa as 19 digits (it has at most 19).
    let normalized = mantissa * 10u64.pow((19 - digits) as u32);
    normalized < 1_797_693_134_862_315_808
}
