//! `spoiler-card-check FILE...`: prints `OK` or every problem with its
//! path; exits 1 when any file has errors, 2 on bad usage.

use std::process::ExitCode;

use spoiler_card::model::Severity;
use spoiler_card_check::check_text;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: spoiler-card-check FILE.json [FILE.json ...]");
        eprintln!(
            "Checks movie data for <spoiler-card>: prints OK or every problem as `path: reason`."
        );
        return ExitCode::from(2);
    }
    let mut any_errors = false;
    for file in &files {
        let report = match std::fs::read_to_string(file) {
            Ok(text) => check_text(&text),
            Err(err) => {
                println!("{file}: cannot read: {err}");
                any_errors = true;
                continue;
            }
        };
        let (errors, warnings) = (report.error_count, report.warning_count);
        if errors == 0 && warnings == 0 {
            println!("{file}: OK");
            continue;
        }
        for problem in &report.problems {
            let kind = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            println!("{file}: {kind}: {problem}");
        }
        if report.unlisted() > 0 {
            println!(
                "{file}: {}",
                spoiler_card::strings::unlisted_problems(report.unlisted())
            );
        }
        if errors > 0 {
            any_errors = true;
            println!("{file}: {errors} error(s), {warnings} warning(s)");
        } else {
            println!("{file}: OK with {warnings} warning(s)");
        }
    }
    if any_errors {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
