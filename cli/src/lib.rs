//! `spoiler-card`, the command line for data authors and static sites:
//! `check` prints every problem of movie JSON files with its path, `render`
//! prints a prerendered card for a page, `css` writes the card's stylesheet
//! into an embed folder, `schema` prints the data's JSON Schema. The same
//! model code the card runs in the browser.
#![deny(missing_docs)]

use std::ffi::OsString;
use std::io::Write;

mod files;
pub use files::{Files, OsFiles};

use spoiler_card::document::{self, NotJson};
use spoiler_card::locale::{self, Language, Words};
use spoiler_card::model::{self, limits, Report, Severity};
use spoiler_card::prerender::{self, Bundle, Options, Theme};
use spoiler_card::{format, styles};

/// Parses and validates one document's text, as the card does
/// ([`document::check_text`]): not JSON is one problem, "not valid JSON: …".
pub fn check_text(text: &str) -> Report {
    document::check_text(text)
        .unwrap_or_else(|NotJson(why)| Report::unreadable(format!("not valid JSON: {why}")))
}

/// What `spoiler-card check` reports ([`document::check_and_lint`]): the
/// card's report, and for a valid movie the spoiler lint's warnings.
pub fn check_and_lint(text: &str) -> Report {
    document::check_and_lint(text)
}

/// The usage text.
pub const USAGE: &str = "\
usage: spoiler-card check FILE.json [FILE.json ...]
       spoiler-card render FILE.json --src URL [--embed URL] [--progress MIN]
                           [--theme light|dark|auto] [--heading-level N] [--no-json-ld]
                           [--lang LANG] [--strings FILE.json [--strings-src URL]]
                           [--manifest EMBED/manifest.json] [--eager]
       spoiler-card render FILE.json --static [...]
       spoiler-card css --out DIR
       spoiler-card schema

check    prints OK or every problem as `path: reason`; exits 1 on errors (warnings,
         such as a spoiler repeated in a text readers see first, do not fail it)
render   prints the card's first render as declarative shadow DOM, for a page:
         --src          the URL the page serves the JSON at (the live card takes over from it)
         --static       no src: a card that never goes live
         --embed        the URL of the embed folder (default /embed/)
         --no-json-ld   without the schema.org Movie JSON-LD
         --lang         the card's language (ar, de, es, fr, pt; en is built in), also
                        written as its lang attribute
         --strings      a strings file whose texts replace the card's (see the README)
         --strings-src  the URL the page serves that file at, for the live card
         --manifest     the build's manifest.json (in its embed folder): the fragment ends
                        with hints that start the loader and the .wasm with the page
         --eager        the card starts at once wherever it is (its eager attribute),
                        and its JSON is preloaded with the page too
css      writes the card's stylesheet (spoiler-card-<hash>.css) into DIR and prints its name
schema   prints the JSON Schema of the data, for editors
";

/// Runs the process's arguments (without the program name): an argument
/// that is not UTF-8 is bad usage, not a panic.
pub fn run_os(
    args: impl Iterator<Item = OsString>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let mut texts = Vec::new();
    for arg in args {
        match arg.into_string() {
            Ok(text) => texts.push(text),
            Err(arg) => return not_utf8(&arg.to_string_lossy(), err),
        }
    }
    run(&texts, out, err)
}

/// Bad usage: an argument that is not UTF-8 (`lossy`: as decoded with
/// U+FFFD for what is not). Node hands the package's CLI its arguments
/// decoded that way, so it says the same.
pub fn not_utf8(lossy: &str, err: &mut impl Write) -> i32 {
    usage(err, Some(&format!("{lossy}: arguments must be UTF-8")))
}

/// Runs the command line `args` (without the program name) on the
/// machine's files; returns the exit code: 0 done, 1 the data has errors
/// (or cannot be read or written), 2 bad usage.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    run_with(&OsFiles, args, out, err)
}

/// [`run`], with the files read and written through `files` (Node's, in
/// the package's CLI, where wasm has no file system of its own).
pub fn run_with(
    files: &impl Files,
    args: &[String],
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check(files, &args[1..], out, err),
        Some("render") => render(files, &args[1..], out, err),
        Some("css") => css(files, &args[1..], out, err),
        Some("schema") if args.len() == 1 => written(write!(out, "{}", model::json_schema()), err),
        Some("--version") => written(writeln!(out, "spoiler-card {}", prerender::VERSION), err),
        Some("-h" | "--help" | "help") => written(write!(out, "{USAGE}"), err),
        _ => usage(err, None),
    }
}

/// 0 if the output was written, else 1 with the reason (a full disk, a
/// closed pipe): a fragment cut short must not look done.
fn written(result: std::io::Result<()>, err: &mut impl Write) -> i32 {
    match result {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(err, "spoiler-card: cannot write the output: {error}");
            1
        }
    }
}

/// The text of `file`, read up to the document limit (`/dev/zero` is not
/// read for ever); `Err` says why not, as the checker reports it.
pub fn read_document(files: &impl Files, file: &str) -> Result<String, String> {
    let limit = limits::DOCUMENT_BYTES;
    let bytes = files
        .read(file, limit + 1)
        .map_err(|error| format!("cannot read: {error}"))?;
    if bytes.len() > limit {
        let size = files.size(file).unwrap_or(0);
        return Err(if size > limit as u64 {
            document::too_big(size)
        } else {
            format!("the document is more than the limit of {limit} bytes")
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid JSON: the text is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

fn usage(err: &mut impl Write, problem: Option<&str>) -> i32 {
    if let Some(problem) = problem {
        let _ = writeln!(err, "spoiler-card: {problem}");
    }
    let _ = write!(err, "{USAGE}");
    2
}

/// `check FILE...`.
fn check(fs: &impl Files, files: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    if files.iter().any(|f| f == "-h" || f == "--help") {
        return written(write!(out, "{USAGE}"), err);
    }
    if files.is_empty() {
        return usage(err, Some("check needs a movie JSON file"));
    }
    // Written at the end, in one go, so that a failed write is told.
    let mut buf = Vec::new();
    let mut any_errors = false;
    for file in files {
        let report = match read_document(fs, file) {
            Ok(text) => check_and_lint(&text),
            Err(why) if why.starts_with("cannot read") => {
                let _ = writeln!(&mut buf, "{file}: {why}");
                any_errors = true;
                continue;
            }
            Err(why) => Report::unreadable(why),
        };
        let (errors, warnings) = (report.error_count, report.warning_count);
        if errors == 0 && warnings == 0 {
            let _ = writeln!(&mut buf, "{file}: OK");
            continue;
        }
        print_problems(&mut buf, file, &report);
        if errors > 0 {
            any_errors = true;
            let _ = writeln!(&mut buf, "{file}: {errors} error(s), {warnings} warning(s)");
        } else {
            let _ = writeln!(&mut buf, "{file}: OK with {warnings} warning(s)");
        }
    }
    match written(out.write_all(&buf).and_then(|()| out.flush()), err) {
        0 => i32::from(any_errors),
        failed => failed,
    }
}

fn print_problems(out: &mut Vec<u8>, file: &str, report: &Report) {
    for problem in &report.problems {
        let kind = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{file}: {kind}: {problem}");
    }
    if report.unlisted() > 0 {
        let _ = writeln!(
            out,
            "{file}: {}",
            model::unlisted_problems(report.unlisted())
        );
    }
}

/// `render FILE --src URL ...`.
fn render(files: &impl Files, args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    let mut file = None;
    let mut options = Options::new(None, "/embed/");
    let mut is_static = false;
    let mut strings_file = None;
    let mut manifest_file = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        // An option's value: present, not empty, and not the next option
        // (`--src --static` is a missing URL, not a URL).
        let mut value = |name: &str| match args.next() {
            Some(v) if !v.trim().is_empty() && !v.starts_with("--") => Ok(v.clone()),
            _ => Err(format!("{name} needs a value")),
        };
        let parsed = match arg.as_str() {
            "--src" => value("--src").and_then(|v| {
                url_option("--src", &v)?;
                options.src = Some(v);
                Ok(())
            }),
            "--embed" => value("--embed").and_then(|v| {
                url_option("--embed", &v)?;
                options.embed = if v.ends_with('/') { v } else { format!("{v}/") };
                Ok(())
            }),
            "--progress" => value("--progress").and_then(|v| {
                format::parse_minutes(&v)
                    .map(|m| options.progress = Some(m))
                    .ok_or(format!("--progress {v}: use minutes (45) or h:mm (0:45)"))
            }),
            "--theme" => value("--theme").and_then(|v| {
                let theme = match v.as_str() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    "auto" => Theme::Auto,
                    _ => return Err(format!("--theme {v}: use light, dark or auto")),
                };
                options.theme = Some(theme);
                Ok(())
            }),
            "--heading-level" => value("--heading-level").and_then(|v| match v.parse::<u8>() {
                Ok(n @ 1..=6) => {
                    options.heading_level = n;
                    Ok(())
                }
                _ => Err(format!("--heading-level {v}: use 1 to 6")),
            }),
            "--lang" => value("--lang").and_then(|v| {
                let tag = v.trim();
                let well_formed = tag.len() <= 35
                    && tag.split('-').all(|part| {
                        (1..=8).contains(&part.len())
                            && part.bytes().all(|b| b.is_ascii_alphanumeric())
                    });
                if !well_formed {
                    return Err(format!("--lang {v}: use a language tag (de, pt-BR)"));
                }
                options.lang = Some(tag.to_owned());
                Ok(())
            }),
            "--strings" => value("--strings").map(|v| strings_file = Some(v)),
            "--strings-src" => value("--strings-src").and_then(|v| {
                url_option("--strings-src", &v)?;
                options.strings_src = Some(v);
                Ok(())
            }),
            "--manifest" => value("--manifest").map(|v| manifest_file = Some(v)),
            "--eager" => {
                options.eager = true;
                Ok(())
            }
            "--no-json-ld" => {
                options.json_ld = false;
                Ok(())
            }
            "--static" => {
                is_static = true;
                Ok(())
            }
            "-h" | "--help" => return written(write!(out, "{USAGE}"), err),
            other if other.starts_with('-') && other != "-" => {
                Err(format!("unknown option {other}"))
            }
            other if file.is_none() => {
                file = Some(other.to_owned());
                Ok(())
            }
            other => Err(format!("one file only ({other}?)")),
        };
        if let Err(problem) = parsed {
            return usage(err, Some(&problem));
        }
    }
    let Some(file) = file else {
        return usage(err, Some("render needs a movie JSON file"));
    };
    match (&options.src, is_static) {
        (None, false) => {
            return usage(
                err,
                Some("render needs --src URL (where the page serves the JSON, for the live card), or --static"),
            )
        }
        (Some(_), true) => return usage(err, Some("--src and --static exclude each other")),
        _ => {}
    }
    if is_static && (manifest_file.is_some() || options.eager) {
        let option = if options.eager {
            "--eager"
        } else {
            "--manifest"
        };
        return usage(
            err,
            Some(&format!(
                "{option} and --static exclude each other (a static card loads nothing)"
            )),
        );
    }
    for (name, url) in [
        ("--src", options.src.as_deref()),
        ("--embed", Some(options.embed.as_str())),
    ] {
        if let Some(url) = url.filter(|u| !u.starts_with('/') && !model::is_http_url(u)) {
            let _ = writeln!(
                err,
                "spoiler-card: warning: {name} {url} is relative: it resolves against each page \
                 that shows the fragment (a listing page, a feed); a path from the site's root \
                 (/…) or a full URL works on every page"
            );
        }
    }
    match card_words(files, options.lang.as_deref(), strings_file.as_deref()) {
        Ok(words) => options.words = words,
        Err(problems) => {
            for problem in problems {
                let _ = writeln!(err, "{problem}");
            }
            return 1;
        }
    }
    if strings_file.is_some() && options.strings_src.is_none() && !is_static {
        let _ = writeln!(
            err,
            "spoiler-card: warning: --strings without --strings-src: the live card speaks \
             without your strings once it takes over (give the URL the page serves them at)"
        );
    }
    if let Some(manifest) = &manifest_file {
        match read_manifest(files, manifest) {
            // Another version's build has another stylesheet: the fragment
            // would link one its embed folder does not hold.
            Ok((_, css)) if css != styles::CSS_FILE => {
                let _ = writeln!(
                    err,
                    "{manifest}: error: another version's build (its stylesheet is {css}, this \
                     renderer links {}): render with the spoiler-card of that build",
                    styles::CSS_FILE
                );
                return 1;
            }
            Ok((bundle, _)) => options.bundle = Some(bundle),
            Err(why) => {
                let _ = writeln!(err, "{manifest}: error: {why}");
                return 1;
            }
        }
    }
    let text = match read_document(files, &file) {
        Ok(text) => text,
        Err(why) => {
            let _ = writeln!(err, "{file}: error: {why}");
            return 1;
        }
    };
    match prerender::render(&text, &options) {
        Ok(rendered) => {
            for problem in &rendered.warnings {
                let _ = writeln!(err, "{file}: warning: {problem}");
            }
            written(
                out.write_all(rendered.html.as_bytes())
                    .and_then(|()| out.flush()),
                err,
            )
        }
        Err(prerender::Invalid(problems)) => {
            for problem in problems {
                let _ = writeln!(err, "{file}: error: {problem}");
            }
            1
        }
    }
}

/// The manifest a build writes into its embed folder: the `.wasm`'s hashed
/// name for the hints, and the stylesheet's (to tell another version's
/// build). Untrusted: a name is used only if it is one the build writes.
fn read_manifest(files: &impl Files, file: &str) -> Result<(Bundle, String), String> {
    const LIMIT: usize = 64 * 1024;
    let bytes = files
        .read(file, LIMIT + 1)
        .map_err(|error| format!("cannot read: {error}"))?;
    let not_one = |why: &str| format!("not a spoiler-card build manifest ({why})");
    if bytes.len() > LIMIT {
        return Err(not_one("more than 64 KB"));
    }
    let text = String::from_utf8(bytes).map_err(|_| not_one("not UTF-8"))?;
    let value = spoiler_card::json::parse(&text).map_err(|_| not_one("not JSON"))?;
    let spoiler_card::value::Value::Object(fields) = value else {
        return Err(not_one("not an object"));
    };
    // A content-hashed name the build writes: spoiler-card-<hex><suffix>, up
    // to 16 lowercase digits (Trunk writes its hash unpadded: 15 happen).
    let hashed = |name: &str, suffix: &str| {
        let found = fields.iter().find(|(key, _)| key == name).map(|(_, v)| v);
        let Some(spoiler_card::value::Value::String(text)) = found else {
            return Err(not_one(&format!("{name}: required, a file name")));
        };
        let hash = text
            .strip_prefix("spoiler-card-")
            .and_then(|rest| rest.strip_suffix(suffix));
        match hash {
            Some(h)
                if (1..=16).contains(&h.len())
                    && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) =>
            {
                Ok(text.to_string())
            }
            _ => Err(not_one(&format!(
                "{name}: not a file name the build writes"
            ))),
        }
    };
    let wasm = hashed("wasm", "_bg.wasm")?;
    let css = hashed("css", ".css")?;
    Ok((Bundle { wasm }, css))
}

/// The words of `render --lang LANG --strings FILE`: the shipped language
/// (English if none), the strings file over it. `Err` lists each problem
/// as `FILE: error: key: reason`.
fn card_words(
    files: &impl Files,
    lang: Option<&str>,
    strings: Option<&str>,
) -> Result<Words, Vec<String>> {
    let english = Words::english();
    let (mut words, code) = match lang.map(Language::of) {
        None | Some(Language::English) => ((*english).clone(), "en".to_owned()),
        Some(Language::Shipped(code)) => {
            let text = locale::shipped_file(code).unwrap_or("{}");
            let words = english.read(code, text).map_err(|problems| {
                let lines = problems
                    .iter()
                    .map(|p| format!("spoiler-card: error: the {code} strings: {p}"));
                lines.collect::<Vec<_>>()
            })?;
            (words, code.to_owned())
        }
        Some(Language::Other(code)) if strings.is_some() => ((*english).clone(), code),
        Some(Language::Other(code)) => {
            return Err(vec![format!(
                "spoiler-card: error: --lang {code}: no {code} strings ship with the card \
                 (it speaks {}); give them with --strings FILE",
                locale::SHIPPED.join(", ")
            )])
        }
    };
    if let Some(file) = strings {
        let text = files
            .read(file, locale::FILE_BYTES + 1)
            .and_then(|bytes| {
                String::from_utf8(bytes)
                    .map_err(|_| "stream did not contain valid UTF-8".to_owned())
            })
            .map_err(|error| vec![format!("{file}: error: cannot read: {error}")])?;
        words = words.read(&code, &text).map_err(|problems| {
            problems
                .iter()
                .map(|p| format!("{file}: error: {p}"))
                .collect::<Vec<_>>()
        })?;
    }
    Ok(words)
}

/// An http(s) URL or a path: what a page can serve the JSON and the embed
/// folder at (not `javascript:`, `data:`, or text a browser rewrites).
fn url_option(name: &str, url: &str) -> Result<(), String> {
    if model::is_http_url(url) || model::is_plain_relative(url) || url.starts_with("//") {
        Ok(())
    } else {
        Err(format!("{name} {url}: use an http(s) URL or a path"))
    }
}

/// `css --out DIR`: the stylesheet the embed folder serves.
fn css(files: &impl Files, args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return written(write!(out, "{USAGE}"), err);
    }
    // An empty DIR (an unset `$OUT`) would be the file system's root.
    let [flag, dir] = args else {
        return usage(err, Some("css needs --out DIR"));
    };
    if flag != "--out" || dir.trim().is_empty() {
        return usage(err, Some("css needs --out DIR"));
    }
    if let Err(error) = files.write(dir, styles::CSS_FILE, styles::CSS.as_bytes()) {
        let _ = writeln!(err, "{dir}: cannot write: {error}");
        return 1;
    }
    written(writeln!(out, "{}", styles::CSS_FILE), err)
}
