//! Formatting of runtimes, minutes and dates for display.

use crate::model::Date;
use crate::strings;

/// `111` → `1h 51m`; `45` → `45m`; `120` → `2h`.
pub fn runtime(minutes: u16) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// `45` → `0:45`; `111` → `1:51`.
pub fn clock(minutes: u16) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// An estimated minute as shown on the timeline: `~0:45`.
pub fn approx_clock(minutes: u16) -> String {
    format!("~{}", clock(minutes))
}

/// `16 November 2024`.
pub fn date(date: Date) -> String {
    let month = strings::MONTHS
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", date.day, month, date.year)
}

/// Minutes from the `progress` attribute: `45`, or `1:05` as h:mm.
pub fn parse_minutes(text: &str) -> Option<u16> {
    let text = text.trim();
    match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => {
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (m < 60)
                .then(|| h.checked_mul(60)?.checked_add(m))
                .flatten()
        }
        Some(_) => None,
        None => text.parse().ok(),
    }
}

/// `["Ann", "Bo"]` → `Ann, Bo`.
pub fn names(list: &[String]) -> String {
    let mut out = String::new();
    for (i, name) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}
