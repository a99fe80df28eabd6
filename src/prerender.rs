//! `spoiler-card render`: a card's first render as declarative shadow DOM,
//! from the same components the browser runs (Yew's server renderer), for
//! static sites. It paints at the speed of static HTML, reads without
//! JavaScript and holds no word of a spoiler: only what the live card shows
//! before any reveal at the given progress. The data stays behind `src`; the
//! live card takes over once it has it (see `place` in embed.js).

use std::fmt::Write;
use std::rc::Rc;

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use yew::{AttrValue, LocalServerRenderer};

use crate::components::loader::{Data, Loader, LoaderProps};
use crate::components::Drawn;
use crate::json::write_string;
use crate::load;
use crate::locale::Words;
use crate::model::{hash_text, resolve_url, Movie, Problem, Severity};
use crate::storage::Remember;
use crate::styles;

/// The version a prerendered card is stamped with: the package's, and the
/// stylesheet's hash (its markup and its CSS go together).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("SPOILER_CARD_CSS_HASH")
);

/// The `theme` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// The reader's colour scheme.
    Auto,
}

impl Theme {
    fn attribute(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Where the card comes from and how it looks, as `render`'s options say.
#[derive(Debug, Clone)]
pub struct Options {
    /// The URL the page serves the JSON at (the live card's `src`); `None`
    /// for a static card that never goes live.
    pub src: Option<String>,
    /// The URL of the embed folder (ends in `/`).
    pub embed: String,
    /// The `progress` attribute, in minutes.
    pub progress: Option<u16>,
    /// The `theme` attribute.
    pub theme: Option<Theme>,
    /// The `heading-level` attribute (1-6).
    pub heading_level: u8,
    /// Write the schema.org `Movie` JSON-LD beside the card.
    pub json_ld: bool,
    /// The words the card is rendered in (`--lang`, `--strings`).
    pub words: Words,
    /// The `lang` attribute (`--lang`; `en` without it), so that the live
    /// card speaks the fragment's language whatever the page's is.
    pub lang: Option<String>,
    /// The `strings` attribute (`--strings-src`): the URL the page serves
    /// the strings file at, for the live card.
    pub strings_src: Option<String>,
    /// The bundle whose downloads the fragment starts with the page
    /// (`--manifest`): `None` writes no hint for it.
    pub bundle: Option<Bundle>,
    /// The `eager` attribute (`--eager`): the card starts at once, wherever
    /// it is, so its JSON is preloaded with the page too.
    pub eager: bool,
}

impl Options {
    /// `spoiler-card render`'s defaults for a card that takes over from the
    /// JSON at `src` (`None`: a static card), its bundle at `embed`: no
    /// progress, theme or hints, heading level 2, JSON-LD, English.
    pub fn new(src: Option<String>, embed: &str) -> Options {
        Options {
            src,
            embed: embed.to_owned(),
            progress: None,
            theme: None,
            heading_level: 2,
            json_ld: true,
            words: (*Words::english()).clone(),
            lang: None,
            strings_src: None,
            bundle: None,
            eager: false,
        }
    }
}

/// What the preload hints name of a build's embed folder, from the
/// manifest the build writes there (`manifest.json`, read by the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The `.wasm`'s content-hashed file name.
    pub wasm: String,
}

/// The embed folder's one stable file, the loader a page's script tag names.
pub const LOADER_FILE: &str = "spoiler-card.js";

/// The hints that start the card's downloads with the page, after the
/// element (never inside it: the site generators read the fragment's first
/// lines), each matching the request it stands for, so that the browser
/// uses the preloaded response: the loader as a module; the `.wasm` and the
/// JSON as the `fetch` the loader and `data.js` make (cors mode, same-origin
/// credentials: `crossorigin`). The same two bundle hints are written by
/// the Eleventy plugin (`hints()`) and the Hugo partial (`hints.html`),
/// and the Hugo shortcode strips these from a fragment by their markup:
/// change them together.
fn preload_hints(out: &mut String, options: &Options) {
    let Some(src) = &options.src else { return };
    if let Some(bundle) = &options.bundle {
        out.push_str("\n<link rel=\"modulepreload\"");
        attribute(out, "href", &format!("{}{LOADER_FILE}", options.embed));
        out.push_str(">\n<link rel=\"preload\"");
        attribute(out, "href", &format!("{}{}", options.embed, bundle.wasm));
        out.push_str(" as=\"fetch\" type=\"application/wasm\" crossorigin>");
    }
    if options.eager {
        out.push_str("\n<link rel=\"preload\"");
        attribute(out, "href", src);
        out.push_str(" as=\"fetch\" type=\"application/json\" crossorigin>");
    }
}

/// Why a document cannot be prerendered: its problems, as the checker
/// words them (or why the options cannot be).
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid(pub Vec<Problem>);

/// A prerendered card, and what the author may want to mend.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The fragment for the page.
    pub html: String,
    /// The data's warnings, and what was left out.
    pub warnings: Vec<Problem>,
}

fn problem(severity: Severity, path: &str, message: String) -> Problem {
    Problem {
        severity,
        path: path.to_owned(),
        message,
    }
}

/// The base the poster resolves against: `src`, or, for a static card,
/// none (`about:` resolves nothing), since the page it lands on is unknown.
fn poster_base(options: &Options) -> &str {
    options.src.as_deref().unwrap_or("about:")
}
/// The fragment for the movie JSON `text`: the element, its declarative
/// shadow root, a spoiler-free fallback, and (if asked for) the JSON-LD. It
/// has no blank line, and its opening tag stands alone on its first line,
/// so that Markdown (markdown-it, Goldmark) keeps it one raw HTML block.
///
/// Synchronous: Yew's server renderer runs to its end on this thread
/// (natively, and in Node, where the scheduler is synchronous). In a
/// browser, use [`render_async`].
pub fn render(text: &str, options: &Options) -> Result<Rendered, Invalid> {
    let Prepared {
        loaded,
        movie,
        warnings,
    } = prepare(text, options)?;
    let card = run_to_end(card_html(loaded, options)).ok_or_else(did_not_finish)?;
    Ok(assemble(text, options, &movie, warnings, &card))
}

/// [`render`] for a browser (the card studio), where Yew's scheduler runs
/// its work in later tasks: the same fragment, once the renderer is done.
pub async fn render_async(text: &str, options: &Options) -> Result<Rendered, Invalid> {
    let Prepared {
        loaded,
        movie,
        warnings,
    } = prepare(text, options)?;
    let card = card_html(loaded, options).await;
    Ok(assemble(text, options, &movie, warnings, &card))
}

fn did_not_finish() -> Invalid {
    Invalid(vec![problem(
        Severity::Error,
        "",
        "the server renderer did not finish".to_owned(),
    )])
}

/// What a fragment is made of before the card is rendered: the data as
/// read, its movie and the warnings.
struct Prepared {
    loaded: load::Loaded,
    movie: Rc<Movie>,
    warnings: Vec<Problem>,
}

/// Reads `text` and checks `options` against it: what to render, or why
/// there is nothing to render.
fn prepare(text: &str, options: &Options) -> Result<Prepared, Invalid> {
    let loaded = load::from_json_text(text);
    let (movie, mut warnings) = match &loaded {
        Ok((movie, warnings)) => (Rc::clone(movie), warnings.clone()),
        Err(load::LoadError::Invalid(problems, _)) => return Err(Invalid(problems.clone())),
        Err(error) => return Err(Invalid(vec![problem(Severity::Error, "", error.summary())])),
    };
    // At the end of the film the live card shows the plot and the ending:
    // in a page's HTML that would reach every reader, feed and crawler.
    if let Some(progress) = options.progress.filter(|p| *p >= movie.runtime_minutes) {
        return Err(Invalid(vec![problem(
            Severity::Error,
            "",
            format!(
                "--progress {progress} is at or past the end of the film ({} minutes): \
                 the fragment would hold the plot and the ending; give less, or none",
                movie.runtime_minutes
            ),
        )]));
    }
    if let Some(poster) = movie.poster.as_ref() {
        if resolve_url(poster_base(options), &poster.src).is_none() {
            warnings.push(problem(
                Severity::Warning,
                "poster.src",
                format!(
                    "{} is relative, and a static card has no src to resolve it against: \
                     left out (give an absolute URL)",
                    poster.src
                ),
            ));
        }
    }
    Ok(Prepared {
        loaded,
        movie,
        warnings,
    })
}

/// The fragment around the card's first render, `card`.
fn assemble(
    text: &str,
    options: &Options,
    movie: &Movie,
    warnings: Vec<Problem>,
    card: &str,
) -> Rendered {
    let mut out = String::with_capacity(card.len() + 1024);
    // The element and its attributes: values escaped, on the first line.
    out.push_str("<spoiler-card");
    if let Some(src) = &options.src {
        attribute(&mut out, "src", src);
    }
    if let Some(progress) = options.progress {
        attribute(&mut out, "progress", &progress.to_string());
    }
    // Always: the fragment is in one language, and the live card that takes
    // it over must speak the same (whatever the page's language is).
    attribute(&mut out, "lang", options.lang.as_deref().unwrap_or("en"));
    if let Some(strings) = &options.strings_src {
        attribute(&mut out, "strings", strings);
    }
    if let Some(theme) = options.theme {
        attribute(&mut out, "theme", theme.attribute());
    }
    if options.eager && options.src.is_some() {
        out.push_str(" eager");
    }
    if options.heading_level != 2 {
        attribute(
            &mut out,
            "heading-level",
            &options.heading_level.to_string(),
        );
    }
    out.push_str(">\n<template shadowrootmode=\"open\">");
    out.push_str("<link rel=\"stylesheet\" href=\"");
    escape_into(&mut out, &format!("{}{}", options.embed, styles::CSS_FILE));
    out.push_str("\"><div class=\"root\"");
    attribute(&mut out, "data-sc-version", VERSION);
    attribute(
        &mut out,
        "data-sc-data",
        &format!("{:016x}", hash_text(text)),
    );
    out.push('>');
    // Line breaks in the data would be line breaks in the fragment (a blank
    // one ends Markdown's HTML block): as references they read the same.
    out.push_str(&card.replace('\r', "&#13;").replace('\n', "&#10;"));
    out.push_str("</div></template>\n");
    out.push_str(&fallback(movie));
    out.push_str("\n</spoiler-card>");
    preload_hints(&mut out, options);
    if options.json_ld {
        out.push_str("\n<script type=\"application/ld+json\">");
        out.push_str(&json_ld(movie, poster_base(options)));
        out.push_str("</script>");
    }
    out.push('\n');
    Rendered {
        html: out,
        warnings,
    }
}

/// The card's first render by Yew's server renderer, as the live card first
/// renders it: the attribute's progress, nothing revealed, no reader state.
async fn card_html(loaded: load::Loaded, options: &Options) -> String {
    let renderer = LocalServerRenderer::<Loader>::with_props(LoaderProps {
        data: Some(Data(Rc::new(loaded))),
        words: Some(Rc::new(options.words.clone())),
        generation: 1,
        base_url: AttrValue::from(poster_base(options).to_owned()),
        progress: options.progress,
        remember: Remember::None,
        heading_level: options.heading_level,
        resume: None,
        on_state: Default::default(),
        on_retry: None,
        prerendered: false,
        link: Default::default(),
        on_event: Default::default(),
        drawn: if options.src.is_some() {
            Drawn::ForTakeOver
        } else {
            Drawn::Static
        },
    })
    .hydratable(false);
    renderer.render().await
}

/// Polls `future` until it is done, on this thread, without an executor:
/// the server renderer never waits on anything here (no suspense, no
/// timers), and an executor that parks the thread cannot run in wasm (the
/// package's CLI for Node). `None` if it waits without having woken itself
/// (nothing else could wake it).
fn run_to_end<F: Future>(future: F) -> Option<F::Output> {
    let woken = Arc::new(Woken(AtomicBool::new(false)));
    let waker = Waker::from(Arc::clone(&woken));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return Some(output);
        }
        if !woken.0.swap(false, Ordering::Relaxed) {
            return None;
        }
    }
}

/// A waker that remembers it was woken.
struct Woken(AtomicBool);

impl Wake for Woken {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// What a reader without the card sees (RSS readers, email): the title, the
/// year and the spoiler-free synopsis.
fn fallback(movie: &Movie) -> String {
    let mut out = String::from("<p><strong>");
    escape_into(&mut out, &movie.title);
    let _ = write!(out, "</strong> ({}): ", movie.year);
    escape_into(&mut out, &movie.synopsis.replace(['\r', '\n'], " "));
    out.push_str("</p>");
    out
}

/// A spoiler-free schema.org `Movie`: the facts and the synopsis, never the
/// plot. `<`, `>` and `&` are written as `\u003c`-style escapes, so that
/// no text can end the script element.
fn json_ld(movie: &Movie, poster_base: &str) -> String {
    let mut out = String::from("{\"@context\":\"https://schema.org\",\"@type\":\"Movie\"");
    let field = |out: &mut String, key: &str, value: &str| {
        let _ = write!(out, ",\"{key}\":");
        write_string(out, value);
    };
    field(&mut out, "name", &movie.title);
    field(&mut out, "datePublished", &movie.year.to_string());
    let (h, m) = (movie.runtime_minutes / 60, movie.runtime_minutes % 60);
    field(&mut out, "duration", &format!("PT{h}H{m}M"));
    out.push_str(",\"inLanguage\":{\"@type\":\"Language\",\"name\":");
    write_string(&mut out, &movie.language);
    out.push('}');
    out.push_str(",\"director\":[");
    for (i, name) in movie.directors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"@type\":\"Person\",\"name\":");
        write_string(&mut out, name);
        out.push('}');
    }
    out.push(']');
    if !movie.genres.is_empty() {
        out.push_str(",\"genre\":[");
        for (i, genre) in movie.genres.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(&mut out, genre);
        }
        out.push(']');
    }
    field(&mut out, "description", &movie.synopsis);
    if let Some(image) = movie
        .poster
        .as_ref()
        .and_then(|p| resolve_url(poster_base, &p.src))
    {
        field(&mut out, "image", &image);
    }
    out.push('}');
    out
}

/// ` name="value"`, the value escaped.
fn attribute(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    escape_into(out, value);
    out.push('"');
}

/// Text escaped for HTML text and attribute values.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}
