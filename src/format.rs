//! Minutes as a page writes them (the `progress` attribute, `render
//! --progress`). Runtimes, clocks and dates as the card shows them are its
//! language's: see [`crate::locale::Words`].

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
