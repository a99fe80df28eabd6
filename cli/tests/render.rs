//! `spoiler-card render` and `css`, as static sites run them.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value as Json;

mod common;

/// Runs `spoiler-card ARGS` in the project folder: exit code, stdout, stderr.
fn cli(args: &[&str]) -> (i32, String, String) {
    common::run_in_project(env!("CARGO_BIN_EXE_spoiler-card"), args)
}

fn render(args: &[&str]) -> String {
    let (code, out, err) = cli(&[&["render"], args].concat());
    assert_eq!(code, 0, "{err}");
    out
}

fn movie(file: &str) -> Json {
    let text =
        std::fs::read_to_string(format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Lowercased words of 4+ letters.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn texts(value: &Json) -> Vec<String> {
    match value {
        Json::String(s) => vec![s.clone()],
        Json::Array(items) => items.iter().flat_map(texts).collect(),
        Json::Object(map) => map.values().flat_map(texts).collect(),
        _ => vec![],
    }
}

/// The words only the plot, the events after `progress` and the arcs after
/// it hold: none may be in a prerendered card.
fn spoiler_words(movie: &Json, progress: u64) -> BTreeSet<String> {
    let mut gated = texts(&movie["spoilers"]["summary"]);
    gated.extend(texts(&movie["spoilers"]["ending"]));
    gated.extend(texts(&movie["spoilers"]["post_credits"]));
    let mut safe = vec![];
    for event in movie["timeline"].as_array().unwrap() {
        let shown = progress > 0 && event["at_minute"].as_u64().unwrap() <= progress;
        let list = if shown { &mut safe } else { &mut gated };
        list.extend([texts(&event["title"]), texts(&event["text"])].concat());
    }
    for c in movie["characters"].as_array().unwrap() {
        safe.extend(texts(&c["name"]));
        safe.extend(texts(&c["intro"]));
        safe.extend(texts(&c["actor"]));
        let at = c["arc"]["at_minute"].as_u64().unwrap_or(u64::MAX);
        let list = if progress > 0 && at <= progress {
            &mut safe
        } else {
            &mut gated
        };
        list.extend(texts(&c["arc"]["text"]));
    }
    for key in [
        "title",
        "synopsis",
        "language",
        "directors",
        "genres",
        "settings",
        "themes",
        "similar",
        "more",
    ] {
        safe.extend(texts(&movie[key]));
    }
    safe.extend(texts(&movie["spoilers"]["warning"]));
    let safe = words(&safe.join(" "));
    words(&gated.join(" ")).difference(&safe).cloned().collect()
}

#[test]
fn the_fragment_is_one_markdown_html_block_with_the_card_and_its_stylesheet() {
    let out = render(&[
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "/movies/leaving-las-vegas.json",
        "--heading-level",
        "3",
    ]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(r#"<spoiler-card src="/movies/leaving-las-vegas.json" lang="en" heading-level="3">"#),
        "the opening tag stands alone on the first line"
    );
    assert!(
        out.lines().all(|l| !l.trim().is_empty()),
        "no blank line:\n{out}"
    );
    assert!(out.contains(r#"<template shadowrootmode="open"><link rel="stylesheet" href="/embed/"#));
    assert!(
        out.contains(&format!("/embed/{}\"", spoiler_card::styles::CSS_FILE)),
        "links the built stylesheet"
    );
    // Stamped with the package version and the stylesheet's hash, and the
    // data's hash.
    let css_hash = spoiler_card::styles::CSS_FILE
        .trim_start_matches("spoiler-card-")
        .trim_end_matches(".css");
    let version = format!(
        "data-sc-version=\"{}+{css_hash}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(out.contains(&version), "{version}");
    assert!(out.contains("data-sc-data=\""));
    assert!(
        out.contains(
            "<h3 id=\"sc-title\" part=\"title\" dir=\"auto\" class=\"title\">Leaving Las Vegas</h3>"
        ),
        "the title, its text isolated (dir=auto)"
    );
    assert!(
        !out.contains("<style") && !out.contains(" style="),
        "nothing a strict CSP blocks"
    );
    assert!(!out.contains("<!--"), "no hydration markers");
    assert!(out.trim_end().ends_with("</script>"));
    // --embed takes a folder with or without its slash.
    let other = render(&[
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "x.json",
        "--embed",
        "https://cdn.example/embed",
    ]);
    assert!(other.contains(&format!(
        "href=\"https://cdn.example/embed/{}\"",
        spoiler_card::styles::CSS_FILE
    )));
}

#[test]
fn the_gate_and_each_events_reveal_are_details_that_keep_a_press_without_script() {
    let out = render(&[
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "/movies/leaving-las-vegas.json",
    ]);
    let en: Json = serde_json::from_str(include_str!("../../assets/locales/en.json")).unwrap();
    let pending = format!(
        r#"<span class="pending"><span class="opening">{}</span><span class="needs-script">{}</span></span>"#,
        en["opening"].as_str().unwrap(),
        en["needs_script"].as_str().unwrap()
    );
    // The gate: a <summary> with the button's id and public part name.
    assert!(
        out.contains(
            r#"<details class="gate-box"><summary id="sc-gate" part="gate" class="gate">"#
        ),
        "{out}"
    );
    assert!(!out.contains(r#"<button type="button" id="sc-gate""#));
    // Every gated event's reveal, with the pending words (no spoiler: the
    // card's own).
    let events = movie("assets/movies/leaving-las-vegas.json")["timeline"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        out.matches(r#"<details class="reveal-box"><summary class="reveal">"#)
            .count(),
        events
    );
    assert_eq!(out.matches(&pending).count(), events + 1, "{pending}");
    assert!(!out.contains(r#"<button type="button" class="reveal""#));
    // The tabs stay buttons (the tabs pattern), and no <details> is open.
    assert!(out.contains(r#"<button type="button" role="tab""#));
    assert!(!out.contains("<details open"));
    // A static card never goes live: its gate and reveals are no controls.
    let fixed = render(&["assets/movies/leaving-las-vegas.json", "--static"]);
    assert!(
        fixed.contains(r#"<div id="sc-gate" part="gate" class="gate static"><span aria-hidden="true" class="gate-icon"></span><span dir="auto" class="gate-hint">"#),
        "{fixed}"
    );
    assert!(
        !fixed.contains("<details")
            && !fixed.contains("class=\"reveal\"")
            && !fixed.contains("pending")
    );
}

#[test]
fn a_manifest_gives_preload_hints_after_the_element_and_eager_the_jsons() {
    let dir = std::env::temp_dir().join(format!("spoiler-card-manifest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let css = spoiler_card::styles::CSS_FILE;
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let manifest = write(
        "manifest.json",
        format!(
            r#"{{"version":"0.1.0","loader":"spoiler-card.js","wasm":"spoiler-card-0123456789abcdef_bg.wasm","css":"{css}"}}"#
        ),
    );
    let movie = "assets/movies/leaving-las-vegas.json";
    let out = render(&[
        movie,
        "--src",
        "/m/x.json",
        "--embed",
        "/e/",
        "--manifest",
        &manifest,
        "--eager",
    ]);
    assert!(
        out.starts_with(r#"<spoiler-card src="/m/x.json" lang="en" eager>"#),
        "{out}"
    );
    let after = &out[out.find("</spoiler-card>").unwrap()..];
    assert!(
        after.starts_with(concat!(
            "</spoiler-card>\n",
            r#"<link rel="modulepreload" href="/e/spoiler-card.js">"#, "\n",
            r#"<link rel="preload" href="/e/spoiler-card-0123456789abcdef_bg.wasm" as="fetch" type="application/wasm" crossorigin>"#, "\n",
            r#"<link rel="preload" href="/m/x.json" as="fetch" type="application/json" crossorigin>"#, "\n",
            r#"<script type="application/ld+json">"#
        )),
        "{after}"
    );
    assert!(
        !out[..out.find("</spoiler-card>").unwrap()].contains("preload"),
        "no hint inside the element"
    );
    // Without a manifest, no hint of the bundle; without --eager, none of the JSON.
    let bare = render(&[movie, "--src", "/m/x.json"]);
    assert!(!bare.contains("<link rel=\"preload\"") && !bare.contains("modulepreload"));
    let lazy = render(&[movie, "--src", "/m/x.json", "--manifest", &manifest]);
    assert!(
        lazy.contains("modulepreload")
            && !lazy.contains("application/json")
            && !lazy.contains(" eager")
    );
    // Trunk writes its hash unpadded: 15 digits happen.
    let short = write(
        "short.json",
        format!(r#"{{"wasm":"spoiler-card-6fa4cc730e588c4_bg.wasm","css":"{css}"}}"#),
    );
    let hinted = render(&[movie, "--src", "/m/x.json", "--manifest", &short]);
    assert!(
        hinted.contains(r#"href="/embed/spoiler-card-6fa4cc730e588c4_bg.wasm""#),
        "{hinted}"
    );
    // A static card loads nothing: no hints, told.
    let (code, _, err) = cli(&["render", movie, "--static", "--manifest", &manifest]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("spoiler-card: --manifest and --static exclude each other"),
        "{err}"
    );
    // Untrusted manifests: what is wrong, never markup in the fragment.
    for (text, why) in [
        (
            r#"{"wasm":"\"><script>alert(1)</script>","css":"x"}"#.to_owned(),
            "wasm: not a file name the build writes",
        ),
        (
            r#"{"css":"spoiler-card-0000000000000000.css"}"#.to_owned(),
            "wasm: required, a file name",
        ),
        ("[1]".to_owned(), "not an object"),
        ("{".to_owned(), "not JSON"),
        (" ".repeat(70_000), "more than 64 KB"),
        (
            r#"{"wasm":"spoiler-card-0123456789ABCDEF_bg.wasm","css":"x"}"#.to_owned(),
            "wasm: not a file name the build writes",
        ),
        (
            r#"{"wasm":"spoiler-card-0123456789abcdef0_bg.wasm","css":"x"}"#.to_owned(),
            "wasm: not a file name the build writes",
        ),
    ] {
        let file = write("bad.json", text);
        let (code, out, err) = cli(&["render", movie, "--src", "/m.json", "--manifest", &file]);
        assert_eq!((code, out.as_str()), (1, ""), "{err}");
        assert_eq!(
            err,
            format!("{file}: error: not a spoiler-card build manifest ({why})\n")
        );
    }
    // Another version's build: its stylesheet is not the one linked.
    let other = write(
        "other.json",
        r#"{"wasm":"spoiler-card-0123456789abcdef_bg.wasm","css":"spoiler-card-00000000000000bb.css"}"#.to_owned(),
    );
    let (code, out, err) = cli(&["render", movie, "--src", "/m.json", "--manifest", &other]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.starts_with(&format!("{other}: error: another version's build")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `value` with every text replaced by a neutral word of its own
/// (`x0`, `x1`, …: names stay unique), ids and dates kept valid.
fn blanked(value: &Json, key: &str, n: &mut usize) -> Json {
    match value {
        Json::String(_) if matches!(key, "id" | "updated" | "url" | "src") => value.clone(),
        Json::String(_) => {
            *n += 1;
            Json::String(format!("x{n}"))
        }
        Json::Array(items) => Json::Array(items.iter().map(|v| blanked(v, key, n)).collect()),
        Json::Object(map) => Json::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), blanked(v, k, n)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The words the card's own markup and UI hold, whatever the movie: the
/// same film with every text blanked, rendered.
fn markup_words(movie: &Json, progress: u64) -> BTreeSet<String> {
    static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!(
        "spoiler-card-blank-{}-{n}.json",
        std::process::id()
    ));
    std::fs::write(&file, blanked(movie, "", &mut 0).to_string()).unwrap();
    let progress = progress.to_string();
    words(&render(&[
        file.to_str().unwrap(),
        "--src",
        "/m.json",
        "--progress",
        &progress,
    ]))
}

#[test]
fn the_fragment_holds_no_word_of_a_spoiler_at_its_progress() {
    for (file, progress) in [
        ("assets/movies/leaving-las-vegas.json", 0),
        ("assets/movies/the-sixth-sense.json", 40),
        ("assets/movies/the-sixth-sense.json", 0),
    ] {
        let m = movie(file);
        let out = render(&[
            file,
            "--src",
            "/m.json",
            "--progress",
            &progress.to_string(),
        ]);
        let markup = markup_words(&m, progress);
        let spoilers: BTreeSet<String> = spoiler_words(&m, progress)
            .difference(&markup)
            .cloned()
            .collect();
        assert!(
            spoilers.len() > 40,
            "{file}: enough words to check ({})",
            spoilers.len()
        );
        let leaked: Vec<_> = words(&out).intersection(&spoilers).cloned().collect();
        assert_eq!(leaked, Vec::<String>::new(), "{file} at {progress}");
        // What the progress shows, it shows: an event within it.
        if progress > 0 {
            let shown = m["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .rev()
                .find(|e| e["at_minute"].as_u64().unwrap() <= progress)
                .unwrap();
            assert!(
                out.contains(shown["title"].as_str().unwrap()),
                "an event within the progress is shown"
            );
        }
    }
}

/// The JSON-LD script of a fragment, parsed.
fn json_ld(out: &str) -> Json {
    let start = out
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = out[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&out[start..end]).expect("valid JSON")
}

#[test]
fn the_json_ld_is_a_spoiler_free_schema_org_movie() {
    let m = movie("assets/movies/leaving-las-vegas.json");
    let out = render(&[
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "https://blog.example/movies/llv.json",
    ]);
    let ld = json_ld(&out);
    assert_eq!(ld["@type"], "Movie");
    assert_eq!(ld["name"], m["title"]);
    assert_eq!(ld["datePublished"], m["year"].to_string());
    assert_eq!(ld["duration"], "PT1H51M");
    assert_eq!(ld["inLanguage"]["name"], m["language"]);
    assert_eq!(ld["director"][0]["name"], m["directors"][0]);
    assert_eq!(ld["genre"], m["genres"]);
    assert_eq!(ld["description"], m["synopsis"]);
    let spoilers: BTreeSet<String> = spoiler_words(&m, 0)
        .difference(&markup_words(&m, 0))
        .cloned()
        .collect();
    let leaked: Vec<_> = words(&ld.to_string())
        .intersection(&spoilers)
        .cloned()
        .collect();
    assert_eq!(leaked, Vec::<String>::new());
    // A poster relative to the JSON is given as the URL it resolves to.
    let dir = std::env::temp_dir().join("spoiler-card-render-poster");
    std::fs::create_dir_all(&dir).unwrap();
    let mut with_poster = m.clone();
    with_poster["poster"] = serde_json::json!({ "src": "img/llv.jpg", "alt": "Poster" });
    let file = dir.join("llv.json");
    std::fs::write(&file, with_poster.to_string()).unwrap();
    let out = render(&[
        file.to_str().unwrap(),
        "--src",
        "https://blog.example/movies/llv.json",
    ]);
    assert_eq!(
        json_ld(&out)["image"],
        "https://blog.example/movies/img/llv.jpg"
    );
    assert!(
        out.contains(r#"src="https://blog.example/movies/img/llv.jpg""#),
        "the card's poster too"
    );
    let (code, out, _) = cli(&[
        "render",
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "/x.json",
        "--no-json-ld",
    ]);
    assert_eq!(code, 0);
    assert!(!out.contains("ld+json"));
}

#[test]
fn untrusted_text_is_escaped_in_the_card_and_cannot_end_the_json_ld() {
    let out = render(&[
        "examples/data/untrusted.json",
        "--src",
        "/data/untrusted.json",
    ]);
    let m = movie("examples/data/untrusted.json");
    for marker in ["<script", "<img", "<b>", "</div><b>", "onerror=alert(1)>"] {
        assert!(
            !out.contains(marker) || marker == "<script" && out.matches("<script").count() == 1,
            "{marker} appears raw:\n{out}"
        );
    }
    assert_eq!(
        out.matches("<script").count(),
        1,
        "only the JSON-LD's own script element"
    );
    assert_eq!(out.matches("</script>").count(), 1, "no text ends it");
    assert!(
        out.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "markup shows as text"
    );
    let ld = json_ld(&out);
    assert!(
        out.contains("\\u003cscript\\u003e"),
        "< and > escaped in the JSON-LD"
    );
    assert_eq!(ld["name"], m["title"], "and it reads back to the same text");
    assert!(out.lines().all(|l| !l.trim().is_empty()), "no blank line");
}

#[test]
fn render_says_what_is_missing_or_wrong() {
    let (code, _, err) = cli(&["render", "assets/movies/leaving-las-vegas.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs --src URL"), "{err}");
    let (code, out, _) = cli(&["render", "assets/movies/leaving-las-vegas.json", "--static"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("<spoiler-card lang=\"en\">\n"),
        "a static card has no src: {}",
        &out[..40]
    );
    let (code, _, err) = cli(&["render", "examples/data/invalid.json", "--src", "/x.json"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("examples/data/invalid.json: error: year:"),
        "{err}"
    );
    for bad in [
        ["--theme", "blue"],
        ["--heading-level", "7"],
        ["--progress", "soon"],
    ] {
        let (code, _, err) = cli(&[
            "render",
            "assets/movies/leaving-las-vegas.json",
            "--src",
            "/x.json",
            bad[0],
            bad[1],
        ]);
        assert_eq!(code, 2, "{bad:?}");
        assert!(err.contains(bad[0]), "{err}");
    }
}

#[test]
fn css_writes_the_stylesheet_the_fragment_links() {
    let dir = std::env::temp_dir().join("spoiler-card-css-test");
    let (code, out, _) = cli(&["css", "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), spoiler_card::styles::CSS_FILE);
    let css = std::fs::read_to_string(dir.join(out.trim())).unwrap();
    assert_eq!(css, spoiler_card::styles::CSS);
    assert!(css.contains(".gate") && !css.contains("/*"), "minified");
    // The height a card holds off screen comes from src/facts.rs.
    let reserve = format!(
        ":host{{--sc-reserve:{}rem}}",
        spoiler_card::facts::RESERVED_HEIGHT_REM
    );
    assert!(
        css.starts_with(&reserve) && css.contains("contain-intrinsic-size:auto var(--sc-reserve)"),
        "the stylesheet holds the reserved height"
    );
}

#[test]
fn check_keeps_its_old_name() {
    let files = [
        "assets/movies/leaving-las-vegas.json",
        "examples/data/invalid.json",
    ];
    let new = cli(&[&["check"], &files[..]].concat());
    let old = Command::new(env!("CARGO_BIN_EXE_spoiler-card-check"))
        .args(files)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    assert_eq!(new.0, old.status.code().unwrap());
    assert_eq!(new.1, String::from_utf8(old.stdout).unwrap());
}

/// `movie` with `edit` applied, written to a fresh file: its path.
fn edited(name: &str, edit: impl FnOnce(&mut Json)) -> String {
    let mut m = movie("assets/movies/leaving-las-vegas.json");
    edit(&mut m);
    let path =
        std::env::temp_dir().join(format!("spoiler-card-{name}-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string_pretty(&m).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn line_breaks_and_markup_in_the_data_keep_the_fragment_one_markdown_block() {
    let title = "Night & Day </template><!-- x --> </script>\u{2028}end";
    let synopsis = "First paragraph.\n\nSecond one,\r\n\r\nand a third.\n";
    let file = edited("breaks", |m| {
        m["title"] = title.into();
        m["synopsis"] = synopsis.into();
    });
    let out = render(&[&file, "--src", "/m.json"]);
    assert!(
        out.lines().all(|l| !l.trim().is_empty()),
        "no blank line:\n{out}"
    );
    assert!(
        out.starts_with("<spoiler-card src=\"/m.json\" lang=\"en\">\n"),
        "{out}"
    );
    assert_eq!(out.matches("</template>").count(), 1, "only its own");
    assert_eq!(out.matches("<!--").count(), 0, "no comment opens");
    assert_eq!(
        out.matches("</script>").count(),
        1,
        "only the JSON-LD's end"
    );
    let (_, after) = out.split_once("application/ld+json\">").unwrap();
    assert!(
        !after.contains('\u{2028}') && !after.contains(" & "),
        "U+2028 and & escaped in the JSON-LD"
    );
    let ld = json_ld(&out);
    assert_eq!(ld["name"], title, "the JSON-LD reads back to the text");
    assert_eq!(ld["description"], synopsis);
}

#[test]
fn progress_at_the_end_of_the_film_is_refused_for_a_page() {
    let m = movie("assets/movies/leaving-las-vegas.json");
    let runtime = m["runtime_minutes"].as_u64().unwrap();
    for progress in [runtime.to_string(), "2:00".to_owned(), "999".to_owned()] {
        let (code, out, err) = cli(&[
            "render",
            "assets/movies/leaving-las-vegas.json",
            "--src",
            "/m.json",
            "--progress",
            &progress,
        ]);
        assert_eq!(code, 1, "--progress {progress}");
        assert_eq!(out, "", "nothing for the page");
        assert!(err.contains("past the end of the film"), "{err}");
    }
    // A minute before the end is the author's to give.
    render(&[
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "/m.json",
        "--progress",
        &(runtime - 1).to_string(),
    ]);
}

#[test]
fn bad_arguments_and_files_are_told_never_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let llv = "assets/movies/leaving-las-vegas.json";
    for (args, says) in [
        (vec![llv, "--src", "--static"], "--src needs a value"),
        (vec![llv, "--src", ""], "--src needs a value"),
        (
            vec![llv, "--src", "javascript:alert(1)//"],
            "use an http(s) URL",
        ),
        (
            vec![llv, "--src", "/m.json", "--embed", "data:text/html,x"],
            "use an http(s) URL",
        ),
        (vec![llv, "--static", "--bogus"], "unknown option --bogus"),
    ] {
        let (code, out, err) = cli(&[&["render"], &args[..]].concat());
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let not_utf8 = Command::new(env!("CARGO_BIN_EXE_spoiler-card"))
        .args([
            OsStr::new("render"),
            OsStr::from_bytes(b"\xff.json"),
            OsStr::new("--static"),
        ])
        .output()
        .unwrap();
    assert_eq!(not_utf8.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&not_utf8.stderr).contains("must be UTF-8"));
    // An endless file stops at the limit; a full disk is an error.
    let (code, out, err) = cli(&["render", "/dev/zero", "--static"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("more than the limit"), "{err}");
    let (code, out, _) = cli(&["check", "/dev/zero"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("/dev/zero: error: the document is more than the limit"),
        "{out}"
    );
    let full = Command::new(env!("CARGO_BIN_EXE_spoiler-card"))
        .args(["render", llv, "--src", "/m.json"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(
        full.status.code(),
        Some(1),
        "a fragment cut short is no success"
    );
    assert!(String::from_utf8_lossy(&full.stderr).contains("cannot write"));
    for help in [
        vec!["--help"],
        vec!["render", "--help"],
        vec!["check", "-h"],
    ] {
        let (code, out, _) = cli(&help);
        assert_eq!(code, 0, "{help:?}");
        assert!(out.starts_with("usage: spoiler-card"), "{help:?}");
    }
}

#[test]
fn a_static_card_leaves_out_a_poster_it_cannot_resolve_and_says_so() {
    let relative = edited("poster-rel", |m| {
        m["poster"] = serde_json::json!({ "src": "img/poster.jpg", "alt": "The poster" });
    });
    let (code, out, err) = cli(&["render", &relative, "--static"]);
    assert_eq!(code, 0);
    assert!(
        !out.contains("<img") && !out.contains("poster.jpg"),
        "{out}"
    );
    assert!(
        err.contains("warning: poster.src: img/poster.jpg is relative"),
        "{err}"
    );
    // With --src it resolves against the JSON's URL, in the card and the JSON-LD.
    let out = render(&[&relative, "--src", "https://films.example/m/x.json"]);
    assert!(
        out.contains("src=\"https://films.example/m/img/poster.jpg\""),
        "{out}"
    );
    assert_eq!(
        json_ld(&out)["image"],
        "https://films.example/m/img/poster.jpg"
    );
    let absolute = edited("poster-abs", |m| {
        m["poster"] =
            serde_json::json!({ "src": "https://img.example/p.jpg", "alt": "The poster" });
    });
    let out = render(&[&absolute, "--static"]);
    assert!(out.contains("src=\"https://img.example/p.jpg\""), "{out}");
}

#[test]
fn a_relative_src_is_warned_about() {
    let (code, _, err) = cli(&[
        "render",
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "movies/x.json",
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: --src movies/x.json is relative"),
        "{err}"
    );
    let (_, _, err) = cli(&[
        "render",
        "assets/movies/leaving-las-vegas.json",
        "--src",
        "/movies/x.json",
    ]);
    assert_eq!(err, "");
}
