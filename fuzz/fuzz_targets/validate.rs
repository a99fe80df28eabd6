//! Reading and validating any text: never a panic; a movie exactly when
//! there is no error; every listed problem says something; the list is
//! capped and the counts add up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spoiler_card::json;
use spoiler_card::model::{self, limits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(tree) = json::parse(text) else {
        return;
    };
    let report = model::validate(&tree);
    assert_eq!(report.movie.is_some(), report.error_count == 0);
    // Each kind is listed up to the cap: warnings never crowd errors out.
    assert_eq!(
        report.errors().count(),
        report.error_count.min(limits::PROBLEMS)
    );
    assert_eq!(
        report.warnings().count(),
        report.warning_count.min(limits::PROBLEMS)
    );
    for problem in &report.problems {
        assert!(!problem.message.is_empty());
    }
    if let Some(movie) = &report.movie {
        for event in &movie.timeline {
            assert!(event.at_minute <= movie.runtime_minutes);
        }
    }
});
