//! `spoiler-card`, the command line for data authors and static sites:
//! `check` prints every problem of movie JSON files with its path, `render`
//! prints a prerendered card for a page, `css` writes the card's stylesheet
//! into an embed folder. The same model code the card runs in the browser.
#![deny(missing_docs)]

use std::io::Write;

use spoiler_card::model::{self, limits, Report, Severity};
use spoiler_card::prerender::{self, Options, Theme};
use spoiler_card::{format, styles, value};

/// Parses and validates one document's text.
pub fn check_text(text: &str) -> Report {
    if text.len() > limits::DOCUMENT_BYTES {
        return Report::unreadable(format!(
            "the document is {} bytes, more than the limit of {}",
            text.len(),
            limits::DOCUMENT_BYTES
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // Our own depth limit (32 levels) applies first: serde_json's (128) is
    // never reached.
    let tree =
        match value::read_document(&mut deserializer).and_then(|v| deserializer.end().map(|_| v)) {
            Ok(tree) => tree,
            Err(err) => {
                return Report::unreadable(format!(
                    "not valid JSON: {} at line {}, column {}",
                    strip_position(&err.to_string()),
                    err.line(),
                    err.column()
                ))
            }
        };
    model::validate(&tree)
}

/// serde_json appends " at line L column C"; we say it our own way.
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// The usage text.
pub const USAGE: &str = "\
usage: spoiler-card check FILE.json [FILE.json ...]
       spoiler-card render FILE.json --src URL [--embed URL] [--progress MIN]
                           [--theme light|dark|auto] [--heading-level N] [--no-json-ld]
       spoiler-card render FILE.json --static [...]
       spoiler-card css --out DIR

check    prints OK or every problem as `path: reason`; exits 1 on errors
render   prints the card's first render as declarative shadow DOM, for a page:
         --src          the URL the page serves the JSON at (the live card takes over from it)
         --static       no src: a card that never goes live
         --embed        the URL of the embed folder (default /embed/)
         --no-json-ld   without the schema.org Movie JSON-LD
css      writes the card's stylesheet (spoiler-card-<hash>.css) into DIR and prints its name
";

/// Runs the command line `args` (without the program name); returns the
/// exit code: 0 done, 1 the data has errors, 2 bad usage.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..], out),
        Some("render") => render(&args[1..], out, err),
        Some("css") => css(&args[1..], out, err),
        Some("--version") => {
            let _ = writeln!(out, "spoiler-card {}", prerender::VERSION);
            0
        }
        _ => usage(err, None),
    }
}

fn usage(err: &mut impl Write, problem: Option<&str>) -> i32 {
    if let Some(problem) = problem {
        let _ = writeln!(err, "spoiler-card: {problem}");
    }
    let _ = write!(err, "{USAGE}");
    2
}

/// `check FILE...`.
fn check(files: &[String], out: &mut impl Write) -> i32 {
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        let _ = write!(out, "{USAGE}");
        return 2;
    }
    let mut any_errors = false;
    for file in files {
        let report = match std::fs::read_to_string(file) {
            Ok(text) => check_text(&text),
            Err(error) => {
                let _ = writeln!(out, "{file}: cannot read: {error}");
                any_errors = true;
                continue;
            }
        };
        let (errors, warnings) = (report.error_count, report.warning_count);
        if errors == 0 && warnings == 0 {
            let _ = writeln!(out, "{file}: OK");
            continue;
        }
        print_problems(out, file, &report);
        if errors > 0 {
            any_errors = true;
            let _ = writeln!(out, "{file}: {errors} error(s), {warnings} warning(s)");
        } else {
            let _ = writeln!(out, "{file}: OK with {warnings} warning(s)");
        }
    }
    i32::from(any_errors)
}

fn print_problems(out: &mut impl Write, file: &str, report: &Report) {
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
            spoiler_card::strings::unlisted_problems(report.unlisted())
        );
    }
}

/// `render FILE --src URL ...`.
fn render(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    let mut file = None;
    let mut options = Options {
        src: None,
        embed: "/embed/".to_owned(),
        progress: None,
        theme: None,
        heading_level: 2,
        json_ld: true,
    };
    let mut is_static = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| match args.next() {
            Some(v) => Ok(v.clone()),
            None => Err(format!("{name} needs a value")),
        };
        let parsed = match arg.as_str() {
            "--src" => value("--src").map(|v| options.src = Some(v)),
            "--embed" => value("--embed").map(|v| {
                options.embed = if v.ends_with('/') { v } else { format!("{v}/") };
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
            "--no-json-ld" => {
                options.json_ld = false;
                Ok(())
            }
            "--static" => {
                is_static = true;
                Ok(())
            }
            "-h" | "--help" => Err(String::new()),
            other if other.starts_with('-') => Err(format!("unknown option {other}")),
            other if file.is_none() => {
                file = Some(other.to_owned());
                Ok(())
            }
            other => Err(format!("one file only ({other}?)")),
        };
        if let Err(problem) = parsed {
            return usage(
                err,
                Some(&problem).filter(|p| !p.is_empty()).map(|p| p.as_str()),
            );
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
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) => {
            let _ = writeln!(err, "{file}: cannot read: {error}");
            return 1;
        }
    };
    match prerender::render(&text, &options) {
        Ok(fragment) => {
            let _ = out.write_all(fragment.as_bytes());
            0
        }
        Err(prerender::Invalid(problems)) => {
            for problem in problems {
                let _ = writeln!(err, "{file}: error: {problem}");
            }
            1
        }
    }
}

/// `css --out DIR`: the stylesheet the embed folder serves.
fn css(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    let [flag, dir] = args else {
        return usage(err, Some("css needs --out DIR"));
    };
    if flag != "--out" {
        return usage(err, Some("css needs --out DIR"));
    }
    if let Err(error) = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(format!("{dir}/{}", styles::CSS_FILE), styles::CSS))
    {
        let _ = writeln!(err, "{dir}: cannot write: {error}");
        return 1;
    }
    let _ = writeln!(out, "{}", styles::CSS_FILE);
    0
}
