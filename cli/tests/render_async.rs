//! `prerender::render_async`, the studio's way to render in a browser,
//! against `render`, the CLI's: the same fragments and the same refusals.

/// Polls a future to its end on this thread (what the studio's browser
/// does in tasks; natively the server renderer never waits).
fn poll_to_end<F: std::future::Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut context = Context::from_waker(Waker::noop());
    let mut future = std::pin::pin!(future);
    for _ in 0..10_000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("the renderer did not finish");
}

#[test]
fn the_async_renderer_gives_the_same_fragment_as_the_synchronous_one() {
    use spoiler_card::prerender::{render, render_async, Options, Theme};
    for file in [
        "assets/movies/leaving-las-vegas.json",
        "assets/movies/the-sixth-sense.json",
    ] {
        let text =
            std::fs::read_to_string(format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        for (src, progress, theme) in [
            (Some("/movies/m.json"), None, None),
            (
                Some("https://example.org/m.json"),
                Some(30),
                Some(Theme::Dark),
            ),
            (None, Some(5), Some(Theme::Light)),
        ] {
            let options = Options {
                progress,
                theme,
                heading_level: 3,
                ..Options::new(src.map(str::to_owned), "/embed/")
            };
            let sync = render(&text, &options).unwrap();
            let asynchronous = poll_to_end(render_async(&text, &options)).unwrap();
            assert_eq!(asynchronous.html, sync.html, "{file} {src:?}");
            assert_eq!(asynchronous.warnings, sync.warnings);
        }
    }
    // And the same refusal.
    let bad = r#"{"schema": 1}"#;
    let options = Options {
        json_ld: false,
        ..Options::new(Some("/m.json".into()), "/embed/")
    };
    assert_eq!(
        poll_to_end(render_async(bad, &options)).unwrap_err().0,
        render(bad, &options).unwrap_err().0
    );
}
