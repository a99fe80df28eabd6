//! The checker, as authors use it.

use proptest::prelude::*;
use spoiler_card_cli::check_text;

mod common;

/// Runs `spoiler-card-check ARGS` in the project folder: exit code, stdout.
fn run(args: &[&str]) -> (i32, String) {
    let (code, out, _) = common::run_in_project(env!("CARGO_BIN_EXE_spoiler-card-check"), args);
    (code, out)
}

#[test]
fn examples_print_ok() {
    let (code, out) = run(&[
        "assets/movies/leaving-las-vegas.json",
        "assets/movies/the-sixth-sense.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "assets/movies/leaving-las-vegas.json: OK\nassets/movies/the-sixth-sense.json: OK\n"
    );
}

#[test]
fn bad_file_prints_every_problem_and_fails() {
    let dir = std::env::temp_dir().join("spoiler-card-check-test");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{ "schema": 1, "id": "x", "title": "", "year": 1995, "runtime_minutes": 111,
        "language": "English", "directors": ["D"], "synopsis": "S", "spoilers": { "summary": ["P"] },
        "similar": [{ "title": "T", "url": "javascript:alert(1)" }], "rating": 3 }"#).unwrap();
    let (code, out) = run(&[file.to_str().unwrap()]);
    assert_eq!(code, 1);
    let f = file.to_str().unwrap();
    assert_eq!(out, format!(
        "{f}: warning: rating: unknown field, ignored\n{f}: error: title: must not be empty\n\
         {f}: error: similar[0].url: only http and https links are allowed\n{f}: 2 error(s), 1 warning(s)\n"
    ));
}

#[test]
fn a_spoiler_in_a_text_readers_see_first_is_a_warning_with_both_paths() {
    let dir = std::env::temp_dir().join("spoiler-card-check-lint-test");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leaky.json");
    std::fs::write(&file, r#"{ "schema": 1, "id": "x", "title": "T", "year": 1995, "runtime_minutes": 111,
        "language": "English", "directors": ["D"], "synopsis": "In the end Ben drinks himself to death in Las Vegas.",
        "spoilers": { "summary": ["Ben drinks himself to death in Las Vegas, with Sera beside him."] } }"#).unwrap();
    let (code, out) = run(&[file.to_str().unwrap()]);
    let f = file.to_str().unwrap();
    assert_eq!(code, 0, "a warning does not fail the check: {out}");
    assert_eq!(out, format!(
        "{f}: warning: synopsis: repeats \"Ben drinks himself to death in Las Vegas\" from spoilers.summary[0], \
         which readers see only when they reveal it\n{f}: OK with 1 warning(s)\n"
    ));
}

#[test]
fn usage_without_files() {
    assert_eq!(run(&[]).0, 2);
}

#[test]
fn malformed_json_reports_line_and_column() {
    let report = check_text("{\n  \"schema\": 1,\n  \"title\": \"x\",,\n}");
    let errs: Vec<String> = report.errors().map(|p| p.to_string()).collect();
    assert_eq!(
        errs,
        // (The card's reader's words: serde_json said "key must be a string".)
        vec!["not valid JSON: expected a key in double quotes at line 3, column 16"]
    );
    let report = check_text("{} trailing");
    assert_eq!(
        report.errors().next().unwrap().to_string(),
        "not valid JSON: unexpected text after the end of the data at line 1, column 4"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]
    /// Any text: never a panic, always a verdict.
    #[test]
    fn any_text_gets_a_verdict(text in "(\\PC|[{}\\[\\]\":,0-9])*") {
        let report = check_text(&text);
        prop_assert!(report.movie.is_some() || report.errors().next().is_some());
    }
}

/// The problem lines of the card's console message for `text` (its
/// summary line, then "  path: reason" per error), without the summary.
fn card_lines(text: &str) -> Vec<String> {
    match spoiler_card::load::from_json_text(text) {
        Ok(_) => vec![],
        // The card's own words ("The movie data is not valid JSON: …"),
        // from where the checker's would start.
        Err(error @ spoiler_card::load::LoadError::NotJson(_)) => {
            let details = error.details();
            let at = details
                .find("not valid JSON: ")
                .expect("the card says it is not JSON");
            vec![details[at..].to_owned()]
        }
        Err(error) => error
            .details()
            .lines()
            .skip(1)
            .map(|l| l.trim().to_owned())
            .collect(),
    }
}

#[test]
fn the_checker_and_the_card_word_the_same_documents_the_same() {
    let too_big = format!("{{\"synopsis\":\"{}\"}}", "x".repeat(6 << 20));
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let documents = [
        "{\n  \"schema\": 1,\n  \"title\": \"x\",,\n}",
        "{\"schema\": 1, \"runtime_minutes\": 1e400}",
        "{\"schema\": 1, \"year\": -1e400}",
        "[1, 2",
        "{\"a\": tru}",
        "\"\\ud800\"",
        "{\"schema\": 1} x",
        "",
        "{\"schema\": 1, \"title\": \"\", \"year\": 1700, \"genres\": [\"a\", \"a\"]}",
        "{\"schema\": 2}",
        "[]",
        &deep,
        &too_big,
    ];
    for text in documents {
        let checker: Vec<String> = check_text(text).errors().map(|p| p.to_string()).collect();
        assert!(
            !checker.is_empty(),
            "{text:.60}: the checker finds a problem"
        );
        assert_eq!(card_lines(text), checker, "{text:.60}");
    }
    // And a document of every example file: OK in both.
    for file in [
        "assets/movies/leaving-las-vegas.json",
        "assets/movies/the-sixth-sense.json",
    ] {
        let text =
            std::fs::read_to_string(format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(
            (check_text(&text).error_count, card_lines(&text)),
            (0, vec![]),
            "{file}"
        );
    }
}
