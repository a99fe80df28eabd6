//! `spoiler-card render` and `css`, as static sites run them.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value as Json;

/// Runs `spoiler-card ARGS` in the project folder: exit code, stdout, stderr.
fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spoiler-card"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
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
        Some(r#"<spoiler-card src="/movies/leaving-las-vegas.json" heading-level="3">"#),
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
    assert!(out.contains(r#"data-sc-version="0.1.0""#) && out.contains("data-sc-data=\""));
    assert!(
        out.contains("<h3 id=\"sc-title\" part=\"title\" class=\"title\">Leaving Las Vegas</h3>")
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
        out.starts_with("<spoiler-card>\n"),
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
