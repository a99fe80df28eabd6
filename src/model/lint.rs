//! The spoiler lint: a text a reader sees before any reveal that repeats a
//! phrase of a spoiler, four or more words in a row, not counting stop
//! words ("his friends and finally" is two words: setup both may share).
//! Warnings only (the data is valid; the author decides), each naming both
//! fields: `synopsis: repeats "Ben drinks himself to death" from
//! spoilers.summary[0], …`. Run by `spoiler-card check` and the card
//! studio; the card itself never runs it.

use std::collections::HashMap;

use super::{Movie, Problem, Severity};

/// Words in a row, stop words not counted, that make a repeated phrase.
pub const PHRASE_WORDS: usize = 4;

/// English words that say nothing alone, not counted in a phrase (and
/// skipped in both texts: "stole the bell" and "stole a bell" are one
/// phrase). Sorted, for a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "back", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "he", "her", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "me", "more", "my", "no", "not", "now", "of", "off", "on", "one", "only",
    "or", "our", "out", "over", "own", "s", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "they", "this", "to", "too", "up", "us", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "will", "with", "would", "you", "your",
];

/// One text of the movie and where it is in the document.
struct Text<'m> {
    path: String,
    text: &'m str,
}

impl<'m> Text<'m> {
    fn new(path: impl Into<String>, text: &'m str) -> Self {
        Text {
            path: path.into(),
            text,
        }
    }
}

/// One word of a text: lowercased, with where it is in the text.
struct Word {
    lower: String,
    start: usize,
    end: usize,
}

/// The spoiler lint's warnings for a valid movie, in document order of the
/// fields readers see first.
pub fn spoiler_lint(movie: &Movie) -> Vec<Problem> {
    let gated = gated_texts(movie);
    let gated_words: Vec<Vec<Word>> = gated.iter().map(|t| content_words(t.text)).collect();
    // Each phrase of a spoiler, and the first field that holds it.
    let mut phrases: HashMap<Vec<&str>, usize> = HashMap::new();
    for (field, words) in gated_words.iter().enumerate() {
        for window in words.windows(PHRASE_WORDS) {
            phrases.entry(phrase(window)).or_insert(field);
        }
    }
    let mut problems = Vec::new();
    for seen in seen_before_reveal(movie) {
        let words = content_words(seen.text);
        let mut named = Vec::new();
        let mut i = 0;
        while i + PHRASE_WORDS <= words.len() {
            let found = phrases.get(&phrase(&words[i..i + PHRASE_WORDS])).copied();
            let Some(field) = found else {
                i += 1;
                continue;
            };
            // The longest run of phrases from the same field: quoted whole.
            let mut last = i + PHRASE_WORDS;
            while last < words.len()
                && phrases.get(&phrase(&words[last + 1 - PHRASE_WORDS..=last])) == Some(&field)
            {
                last += 1;
            }
            if !named.contains(&field) {
                named.push(field);
                let quoted = &seen.text[words[i].start..words[last - 1].end];
                problems.push(Problem {
                    severity: Severity::Warning,
                    path: seen.path.clone(),
                    message: format!(
                        "repeats \"{quoted}\" from {}, which readers see only when they reveal it",
                        gated[field].path
                    ),
                });
            }
            i = last;
        }
    }
    problems
}

/// These words as a phrase, the key of the map of phrases.
fn phrase(window: &[Word]) -> Vec<&str> {
    window.iter().map(|w| w.lower.as_str()).collect()
}

/// The words of a text that are not stop words: runs of letters and
/// digits, lowercased.
fn content_words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let lower = text[s..i].to_lowercase();
                if STOP_WORDS.binary_search(&lower.as_str()).is_err() {
                    words.push(Word {
                        lower,
                        start: s,
                        end: i,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// What a reader sees before revealing anything, in the card's order (the
/// synopsis is also the JSON-LD's description; the poster's description is
/// read aloud).
fn seen_before_reveal(movie: &Movie) -> Vec<Text<'_>> {
    let mut texts = vec![
        Text::new("title", &movie.title),
        Text::new("synopsis", &movie.synopsis),
    ];
    if let Some(poster) = &movie.poster {
        texts.push(Text::new("poster.alt", &poster.alt));
    }
    if let Some(warning) = &movie.spoilers.warning {
        texts.push(Text::new("spoilers.warning", warning));
    }
    for (i, c) in movie.characters.iter().enumerate() {
        texts.push(Text::new(format!("characters[{i}].name"), &c.name));
        if let Some(actor) = &c.actor {
            texts.push(Text::new(format!("characters[{i}].actor"), actor));
        }
        texts.push(Text::new(format!("characters[{i}].intro"), &c.intro));
    }
    for (list, topics) in [("settings", &movie.settings), ("themes", &movie.themes)] {
        for (i, t) in topics.iter().enumerate() {
            texts.push(Text::new(format!("{list}[{i}].name"), &t.name));
            texts.push(Text::new(
                format!("{list}[{i}].description"),
                &t.description,
            ));
        }
    }
    for (i, s) in movie.similar.iter().enumerate() {
        texts.push(Text::new(format!("similar[{i}].title"), &s.title));
        if let Some(reason) = &s.reason {
            texts.push(Text::new(format!("similar[{i}].reason"), reason));
        }
    }
    if let Some(more) = &movie.more {
        for (key, text) in [
            ("box_office", &more.box_office),
            ("cast_and_crew", &more.cast_and_crew),
            ("production", &more.production),
        ] {
            if let Some(text) = text {
                texts.push(Text::new(format!("more.{key}"), text));
            }
        }
        for (i, link) in more.links.iter().enumerate() {
            texts.push(Text::new(format!("more.links[{i}].label"), &link.label));
        }
    }
    texts
}

/// What stays hidden until the reader reveals it.
fn gated_texts(movie: &Movie) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    let spoilers = &movie.spoilers;
    for (key, paragraphs) in [
        ("summary", &spoilers.summary),
        ("ending", &spoilers.ending),
        ("post_credits", &spoilers.post_credits),
    ] {
        for (i, text) in paragraphs.iter().enumerate() {
            texts.push(Text::new(format!("spoilers.{key}[{i}]"), text));
        }
    }
    for (i, c) in movie.characters.iter().enumerate() {
        if let Some(arc) = &c.arc {
            texts.push(Text::new(format!("characters[{i}].arc.text"), &arc.text));
        }
    }
    for (i, e) in movie.timeline.iter().enumerate() {
        texts.push(Text::new(format!("timeline[{i}].title"), &e.title));
        texts.push(Text::new(format!("timeline[{i}].text"), &e.text));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::STOP_WORDS;

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
