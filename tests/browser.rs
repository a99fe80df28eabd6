//! Component tests in headless Chromium (wasm-bindgen-test). Each test
//! mounts the card into its own fresh element's open shadow root, as the
//! custom element does, and asserts on that shadow root.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeSet;
use std::rc::Rc;

use spoiler_card::components::card::{Card, CardProps};
use spoiler_card::components::loader::{Data, Loader, LoaderProps};
use spoiler_card::components::Drawn;
use spoiler_card::load::{self, LoadError};
use spoiler_card::locale::{Key, Words};
use spoiler_card::model::Movie;
use spoiler_card::storage::{self, Remember};
use spoiler_card::{embed, styles};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

const LLV: &str = include_str!("../assets/movies/leaving-las-vegas.json");
const SIXTH: &str = include_str!("../assets/movies/the-sixth-sense.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Parses an example with the card's own reader.
fn movie(json: &str, id: &str) -> Rc<Movie> {
    let (movie, _) = load::from_json_text(json).expect("example is valid");
    let mut movie = (*movie).clone();
    // A fresh id per test keeps remembered progress from leaking between tests.
    movie.id = id.to_owned();
    Rc::new(movie)
}

/// A fresh host element with an open shadow root and the card's styles.
fn fresh_root() -> (HtmlElement, ShadowRoot, Element) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let sheet = web_sys::CssStyleSheet::new().unwrap();
    sheet.replace_sync(styles::CSS).unwrap();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet).into());
    let container = document().create_element("div").unwrap();
    container.set_class_name("root");
    root.append_child(&container).unwrap();
    (host, root, container)
}

async fn mount(
    movie: Rc<Movie>,
    progress: Option<u16>,
    remember: Remember,
) -> (ShadowRoot, yew::AppHandle<Card>) {
    mount_with(movie, en(), progress, remember).await
}

async fn mount_with(
    movie: Rc<Movie>,
    words: Rc<Words>,
    progress: Option<u16>,
    remember: Remember,
) -> (ShadowRoot, yew::AppHandle<Card>) {
    let (_host, root, container) = fresh_root();
    let props = CardProps {
        movie,
        words,
        base_url: "http://127.0.0.1/".into(),
        progress,
        remember,
        heading_level: 2,
        resume: None,
        on_state: Default::default(),
        link: Default::default(),
        on_event: Default::default(),
        drawn: Drawn::Live,
    };
    let app = yew::Renderer::<Card>::with_root_and_props(container, props).render();
    yew::scheduler::flush().await;
    (root, app)
}

fn find(root: &ShadowRoot, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn find_all(root: &ShadowRoot, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// Everything in the shadow root: text and every attribute value.
fn markup(root: &ShadowRoot) -> String {
    root.inner_html()
}

async fn click(root: &ShadowRoot, selector: &str) {
    find(root, selector).click();
    yew::scheduler::flush().await;
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Words of the gated texts that appear nowhere in the safe ones.
fn spoiler_only_words(movie: &Movie, gated: &[&str]) -> BTreeSet<String> {
    let mut safe = String::new();
    for s in [&movie.title, &movie.synopsis, &movie.language] {
        safe.push_str(s);
        safe.push(' ');
    }
    for list in [&movie.directors, &movie.genres] {
        safe.push_str(&list.join(" "));
    }
    for c in &movie.characters {
        safe.push_str(&format!(
            " {} {} {}",
            c.name,
            c.actor.clone().unwrap_or_default(),
            c.intro
        ));
    }
    for t in movie.settings.iter().chain(&movie.themes) {
        safe.push_str(&format!(" {} {}", t.name, t.description));
    }
    for s in &movie.similar {
        safe.push_str(&format!(
            " {} {}",
            s.title,
            s.reason.clone().unwrap_or_default()
        ));
    }
    if let Some(w) = &movie.spoilers.warning {
        safe.push_str(w);
    }
    for ui in [
        en().text(Key::PlotGate),
        en().text(Key::PlotGateHint),
        en().text(Key::PlotHeading),
        en().text(Key::RevealItem),
        en().text(Key::ShowEverything),
        en().text(Key::ProgressLabel),
        en().text(Key::NotStarted),
        en().text(Key::Finished),
        en().text(Key::TabsLabel),
        en().text(Key::TabSimilar),
        en().text(Key::TabMore),
        en().text(Key::TabTimeline),
        en().text(Key::TabCharacters),
        en().text(Key::Updated),
        en().text(Key::DirectedBy),
        en().text(Key::Synopsis),
        en().text(Key::Runtime),
        en().text(Key::Genres),
        "later events hidden character arcs",
        // Markup vocabulary: tag names, attributes and class names.
        MARKUP_WORDS,
    ] {
        safe.push_str(ui);
        safe.push(' ');
    }
    let safe = words(&safe);
    words(&gated.join(" ")).difference(&safe).cloned().collect()
}

/// Tag, attribute and class names in the card's markup (not data).
const MARKUP_WORDS: &str = "class line step true false role button type region aria hidden expanded controls \
    labelledby tabindex label list item panel tablist tabpanel selected timeline event gated minute shape reveal \
    progress slider range value valuetext output placeholder veil veiled gate icon hint body plot section title \
    header text chip chips facts directors names synopsis updated status live polite article card part small \
    wide most full short lower upper span div heading characters similar more count";

fn plot_texts(movie: &Movie) -> Vec<&str> {
    let s = &movie.spoilers;
    s.summary
        .iter()
        .chain(&s.ending)
        .chain(&s.post_credits)
        .map(String::as_str)
        .collect()
}

fn leaked(root: &ShadowRoot, spoiler_words: &BTreeSet<String>) -> Vec<String> {
    words(&markup(root))
        .intersection(spoiler_words)
        .cloned()
        .collect()
}

// ---- header -------------------------------------------------------------

#[wasm_bindgen_test]
async fn header_shows_the_facts() {
    let (root, _app) = mount(movie(LLV, "t-header"), None, Remember::None).await;
    assert_eq!(
        find(&root, ".title").text_content().unwrap().trim(),
        "Leaving Las Vegas"
    );
    assert_eq!(find(&root, ".title").tag_name(), "H2");
    let facts = find(&root, ".facts").text_content().unwrap();
    assert!(
        facts.contains("1995") && facts.contains("1h 51m") && facts.contains("English"),
        "{facts}"
    );
    let chips: Vec<String> = find_all(&root, ".chip")
        .iter()
        .map(|c| c.text_content().unwrap())
        .collect();
    assert_eq!(chips, vec!["Drama", "Romance"]);
    assert!(find(&root, ".directors")
        .text_content()
        .unwrap()
        .contains("Mike Figgis"));
    assert_eq!(
        find(&root, ".updated").text_content().unwrap(),
        "Updated 16 November 2024"
    );
    assert!(find(&root, ".synopsis p")
        .text_content()
        .unwrap()
        .contains("Las Vegas"));
}

// ---- spoiler gate -------------------------------------------------------

#[wasm_bindgen_test]
async fn gate_holds_no_spoiler_until_clicked_then_hides_again() {
    let m = movie(SIXTH, "t-gate");
    let spoiler_words = spoiler_only_words(&m, &plot_texts(&m));
    assert!(
        spoiler_words.len() > 50,
        "the example has plenty of spoiler-only words"
    );
    let (root, _app) = mount(m.clone(), None, Remember::None).await;

    assert_eq!(
        leaked(&root, &spoiler_words),
        Vec::<String>::new(),
        "no spoiler word before reveal"
    );
    let gate = find(&root, "button.gate");
    assert_eq!(
        gate.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        gate.get_attribute("aria-controls").as_deref(),
        Some("sc-plot")
    );
    assert!(
        root.get_element_by_id("sc-plot").is_some(),
        "aria-controls points at an element"
    );
    assert_eq!(
        find(&root, ".placeholder")
            .get_attribute("aria-hidden")
            .as_deref(),
        Some("true")
    );

    click(&root, "button.gate").await;
    let body = find(&root, "#sc-plot").text_content().unwrap();
    assert!(
        body.contains(&m.spoilers.summary[0]),
        "the plot shows after the click"
    );
    assert!(body.contains(&m.spoilers.ending[0]));
    assert_eq!(
        leaked(&root, &spoiler_words).len(),
        spoiler_words.len(),
        "every spoiler word is there after reveal"
    );
    assert_eq!(
        find(&root, "#sc-plot").get_attribute("role").as_deref(),
        Some("region")
    );
    assert_eq!(
        root.active_element().unwrap().id(),
        "sc-plot-heading",
        "focus moves to the heading"
    );
    assert_eq!(
        find(&root, "[role=status]").text_content().unwrap(),
        en().text(Key::AnnouncePlotRevealed)
    );
    assert_eq!(
        find(&root, "button.hide")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );

    click(&root, "button.hide").await;
    assert_eq!(
        leaked(&root, &spoiler_words),
        Vec::<String>::new(),
        "hidden again"
    );
    assert!(root.query_selector("button.gate").unwrap().is_some());
    assert_eq!(
        find(&root, "[role=status]").text_content().unwrap(),
        en().text(Key::AnnouncePlotHidden)
    );
}

// ---- tabs ---------------------------------------------------------------

#[wasm_bindgen_test]
async fn tabs_switch_on_click_with_aria_at_each_step() {
    let (root, _app) = mount(movie(LLV, "t-tabs"), None, Remember::None).await;
    let names: Vec<String> = find_all(&root, "[role=tab]")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["Timeline", "Characters", "Similar titles", "More"]
    );
    assert_eq!(
        find(&root, "[role=tablist]")
            .get_attribute("aria-label")
            .as_deref(),
        Some(en().text(Key::TabsLabel))
    );
    for (i, slug) in ["characters", "similar", "more", "timeline"]
        .iter()
        .enumerate()
    {
        click(&root, &format!("#sc-tab-{slug}")).await;
        for tab in find_all(&root, "[role=tab]") {
            let selected = tab.id() == format!("sc-tab-{slug}");
            assert_eq!(
                tab.get_attribute("aria-selected").as_deref(),
                Some(if selected { "true" } else { "false" }),
                "step {i}"
            );
            assert_eq!(
                tab.get_attribute("tabindex").as_deref(),
                Some(if selected { "0" } else { "-1" })
            );
            let panel = root
                .get_element_by_id(&tab.get_attribute("aria-controls").unwrap())
                .unwrap();
            assert_eq!(panel.get_attribute("aria-labelledby"), Some(tab.id()));
            assert_eq!(panel.has_attribute("hidden"), !selected);
            assert_eq!(panel.get_attribute("tabindex").as_deref(), Some("0"));
        }
    }
    click(&root, "#sc-tab-similar").await;
    let links = find_all(&root, "#sc-panel-similar a");
    assert!(links.len() >= 5);
    for a in links {
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
        assert!(a.get_attribute("href").unwrap().starts_with("https://"));
    }
    click(&root, "#sc-tab-characters").await;
    let panel = find(&root, "#sc-panel-characters").text_content().unwrap();
    assert!(
        panel.contains("Nicolas Cage")
            && panel.contains("Elisabeth Shue")
            && panel.contains("Settings")
            && panel.contains("Themes")
    );
}

// ---- timeline and characters: per-item reveal --------------------------

#[wasm_bindgen_test]
async fn timeline_events_reveal_one_by_one_and_all_at_once() {
    let m = movie(SIXTH, "t-timeline");
    let (root, _app) = mount(m.clone(), None, Remember::None).await;
    let event_texts: Vec<&str> = m
        .timeline
        .iter()
        .flat_map(|e| [e.title.as_str(), e.text.as_str()])
        .collect();
    let spoiler_words = spoiler_only_words(&m, &event_texts);
    assert_eq!(leaked(&root, &spoiler_words), Vec::<String>::new());
    assert_eq!(find_all(&root, ".event.gated").len(), m.timeline.len());
    assert_eq!(
        find(&root, ".hidden-count").text_content().unwrap(),
        hidden_events(m.timeline.len())
    );
    let minute = find(&root, ".event.gated .minute").text_content().unwrap();
    assert_eq!(minute, "~0:00");

    click(&root, ".event.gated button.reveal").await;
    assert_eq!(find_all(&root, ".event.gated").len(), m.timeline.len() - 1);
    assert!(
        find(&root, ".event:not(.gated) .event-title")
            .text_content()
            .unwrap()
            == m.timeline[0].title
    );
    assert!(
        !markup(&root).contains(&m.timeline[1].title),
        "the next event stays hidden"
    );

    click(&root, ".reveal-bar button").await; // Show everything
    assert_eq!(find_all(&root, ".event.gated").len(), 0);
    assert_eq!(leaked(&root, &spoiler_words).len(), spoiler_words.len());
    click(&root, ".reveal-bar button").await; // Hide revealed
    assert_eq!(find_all(&root, ".event.gated").len(), m.timeline.len());
    assert_eq!(leaked(&root, &spoiler_words), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn character_arcs_are_gated_but_names_and_intros_show() {
    let m = movie(SIXTH, "t-arcs");
    let (root, _app) = mount(m.clone(), None, Remember::None).await;
    click(&root, "#sc-tab-characters").await;
    let arcs: Vec<&str> = m
        .characters
        .iter()
        .filter_map(|c| c.arc.as_ref().map(|a| a.text.as_str()))
        .collect();
    let spoiler_words = spoiler_only_words(&m, &arcs);
    let text = find(&root, "#sc-panel-characters").text_content().unwrap();
    for c in m.characters.iter() {
        assert!(text.contains(&c.name) && text.contains(&c.intro));
    }
    assert_eq!(leaked(&root, &spoiler_words), Vec::<String>::new());
    click(&root, ".arc.gated button.reveal").await;
    assert!(find(&root, "#sc-panel-characters")
        .text_content()
        .unwrap()
        .contains(arcs[0]));
    assert_eq!(find_all(&root, ".arc.gated").len(), arcs.len() - 1);
}

// ---- watch progress ------------------------------------------------------

async fn set_slider(root: &ShadowRoot, minutes: u16) {
    let input: HtmlInputElement = find(root, "#sc-progress").unchecked_into();
    input.set_value(&minutes.to_string());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn progress_decides_what_the_timeline_and_characters_hold() {
    let m = movie(SIXTH, "t-progress");
    let (root, _app) = mount(m.clone(), None, Remember::None).await;
    let middle = 40;
    set_slider(&root, middle).await;
    assert_eq!(
        find(&root, ".progress-value").text_content().unwrap(),
        "0:40 of 1:47"
    );
    for e in &m.timeline {
        assert_eq!(
            markup(&root).contains(&e.title),
            e.at_minute <= middle,
            "{} at {}",
            e.title,
            e.at_minute
        );
    }
    let later = m.timeline.iter().filter(|e| e.at_minute > middle).count();
    assert_eq!(
        find(&root, ".hidden-count").text_content().unwrap(),
        hidden_events(later)
    );
    assert!(
        root.query_selector("button.gate").unwrap().is_some(),
        "the plot stays gated mid-film"
    );

    click(&root, "#sc-tab-characters").await;
    for c in &m.characters {
        if let Some(arc) = &c.arc {
            let due = arc.at_minute.unwrap_or(m.runtime_minutes) <= middle;
            assert_eq!(markup(&root).contains(&arc.text), due, "{}", c.name);
        }
    }
    set_slider(&root, m.runtime_minutes).await;
    assert_eq!(find_all(&root, ".arc.gated").len(), 0);
    assert!(
        root.query_selector("button.gate").unwrap().is_none(),
        "the plot shows at the end"
    );
    set_slider(&root, 0).await;
    assert_eq!(
        find_all(&root, ".arc.gated").len(),
        m.characters.iter().filter(|c| c.arc.is_some()).count()
    );
}

#[wasm_bindgen_test]
async fn stored_progress_wins_over_the_attribute_and_a_later_attribute_applies() {
    let m = movie(LLV, "t-stored");
    let store = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    store
        .set_item(&storage::key(&m.id, "progress"), "50")
        .unwrap();
    let (_host, root, container) = fresh_root();
    let props = |progress| CardProps {
        movie: m.clone(),
        words: en(),
        base_url: "http://127.0.0.1/".into(),
        progress,
        remember: Remember::Progress,
        heading_level: 2,
        resume: None,
        on_state: Default::default(),
        link: Default::default(),
        on_event: Default::default(),
        drawn: Drawn::Live,
    };
    let mut app = yew::Renderer::<Card>::with_root_and_props(container, props(Some(10))).render();
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "#sc-progress")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "50",
        "stored value wins"
    );
    app.update(props(Some(70)));
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "#sc-progress")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "70",
        "a later attribute change applies"
    );
    set_slider(&root, 33).await;
    assert_eq!(
        store
            .get_item(&storage::key(&m.id, "progress"))
            .unwrap()
            .as_deref(),
        Some("33"),
        "the reader's choice is stored"
    );
    store.remove_item(&storage::key(&m.id, "progress")).unwrap();
}

#[wasm_bindgen_test]
async fn a_storage_that_throws_does_not_break_the_card() {
    let window = web_sys::window().unwrap();
    let original = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    let throwing = js_sys::Object::new();
    let getter = js_sys::Function::new_no_args("throw new DOMException('denied', 'SecurityError')");
    js_sys::Reflect::set(&throwing, &"get".into(), &getter).unwrap();
    js_sys::Reflect::set(&throwing, &"configurable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &throwing.unchecked_into());

    let m = movie(LLV, "t-throws");
    let (root, _app) = mount(m.clone(), Some(20), Remember::All).await;
    set_slider(&root, 45).await;
    click(&root, "button.gate").await;
    assert!(find(&root, "#sc-plot")
        .text_content()
        .unwrap()
        .contains(&m.spoilers.summary[0]));
    assert_eq!(
        find(&root, ".progress-value").text_content().unwrap(),
        "0:45 of 1:51"
    );

    js_sys::Object::define_property(&window, &"localStorage".into(), &original.unchecked_into());
    assert!(
        window.local_storage().unwrap().is_some(),
        "storage restored for the other tests"
    );
}

// ---- loading and errors ----------------------------------------------------

#[wasm_bindgen_test]
fn browser_path_reports_the_same_problems_as_native() {
    // The same document and messages as tests/model.rs's
    // shared_fixture_reports_every_problem.
    let Err(LoadError::Invalid(problems, _)) =
        load::from_json_text(include_str!("fixtures/every-problem.json"))
    else {
        panic!("invalid")
    };
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let expected: Vec<&str> = include_str!("fixtures/every-problem.expected")
        .lines()
        .collect();
    assert_eq!(expected.len(), 4, "the fixture lists its problems");
    assert_eq!(got, expected);
    let Err(LoadError::NotJson(message)) = load::from_json_text("{ \"schema\": 1,, }") else {
        panic!("not json")
    };
    assert_eq!(
        message,
        "expected a key in double quotes at line 1, column 15"
    );
}

#[wasm_bindgen_test]
async fn movie_property_that_json_cannot_hold_is_a_clear_error() {
    let el = new_card_element();
    let set_movie = |value: &JsValue| js_sys::Reflect::set(&el, &"movie".into(), value).unwrap();
    let error_text = |root: &ShadowRoot| {
        root.query_selector(".error-box")
            .ok()
            .flatten()
            .and_then(|b| b.text_content())
    };
    // A cycle: data.js's JSON.stringify refuses it, and the card says so.
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    set_movie(&cyclic);
    document().body().unwrap().append_child(&el).unwrap();
    until("the error box", || {
        el.shadow_root().and_then(|r| error_text(&r)).is_some()
    })
    .await;
    let root = el.shadow_root().unwrap();
    let text = error_text(&root).unwrap();
    assert!(
        text.contains("the movie property is not plain data that JSON can hold: "),
        "{text}"
    );
    // Not an object at all.
    set_movie(&JsValue::from(42));
    until("the number's error", || {
        error_text(&root).is_some_and(|t| t.contains("expected an object, found a number"))
    })
    .await;
    // A valid movie object reads the same as its JSON text.
    set_movie(&js_sys::JSON::parse(&LLV.replace("leaving-las-vegas-1995", "t-object")).unwrap());
    until("the card", || {
        root.query_selector(".title").ok().flatten().is_some()
    })
    .await;
    assert_eq!(
        find(&root, ".title").text_content().unwrap().trim(),
        "Leaving Las Vegas"
    );
    el.remove();
}

/// The loader's props (what the element mounts) for `data`, live and
/// not prerendered.
fn loader_props(data: load::Loaded) -> LoaderProps {
    LoaderProps {
        data: Some(Data(Rc::new(data))),
        words: Some(en()),
        generation: 1,
        base_url: "http://127.0.0.1/".into(),
        progress: None,
        remember: Remember::None,
        heading_level: 2,
        resume: None,
        on_retry: None,
        prerendered: false,
        on_state: Default::default(),
        link: Default::default(),
        on_event: Default::default(),
        drawn: Drawn::Live,
    }
}

/// Mounts the loader with `data`.
fn mount_loader(container: &Element, data: load::Loaded) -> yew::AppHandle<Loader> {
    yew::Renderer::<Loader>::with_root_and_props(container.clone(), loader_props(data)).render()
}

/// A new `<spoiler-card eager>`, not yet in the page.
fn new_card_element() -> HtmlElement {
    embed::register();
    let el: HtmlElement = document()
        .create_element("spoiler-card")
        .unwrap()
        .unchecked_into();
    el.set_attribute("eager", "").unwrap();
    el
}

/// Adds `el` to the page and waits for its card's title.
async fn attach_and_render(el: &HtmlElement) -> ShadowRoot {
    document().body().unwrap().append_child(el).unwrap();
    until("the card", || {
        el.shadow_root()
            .and_then(|r| r.query_selector(".title").ok().flatten())
            .is_some()
    })
    .await;
    el.shadow_root().unwrap()
}

#[wasm_bindgen_test]
async fn error_box_says_what_is_wrong_with_paths() {
    let (_host, _root, container) = fresh_root();
    let bad = r#"{ "schema": 1, "title": "x" }"#;
    let _app = mount_loader(&container, load::from_json_text(bad));
    yew::scheduler::flush().await;
    let text = container.text_content().unwrap();
    assert!(text.contains(en().text(Key::ErrorHeading)), "{text}");
    assert!(
        text.contains("id: required") && text.contains("year: required"),
        "{text}"
    );
    assert!(container.query_selector("[role=alert]").unwrap().is_some());
    assert!(
        container.query_selector("button.retry").unwrap().is_none(),
        "no retry for bad data"
    );
}

/// A prerendered card whose live data is bad keeps its place and says, in a
/// compact notice, what the first problem is and how many more there are.
#[wasm_bindgen_test]
async fn a_prerendered_card_with_bad_data_names_the_first_problem() {
    let (_host, _root, container) = fresh_root();
    let bad = r#"{ "schema": 1, "title": "x" }"#;
    let props = LoaderProps {
        prerendered: true,
        ..loader_props(load::from_json_text(bad))
    };
    let _app = yew::Renderer::<Loader>::with_root_and_props(container.clone(), props).render();
    yew::scheduler::flush().await;
    let notice = container
        .query_selector(".notice")
        .unwrap()
        .expect("a notice");
    let text = notice.text_content().unwrap();
    assert!(text.starts_with(en().text(Key::ErrorInvalid)), "{text}");
    assert!(
        text.contains(": required"),
        "the first problem, with its path: {text}"
    );
    assert!(
        text.contains("more problems (see the browser console)"),
        "{text}"
    );
    assert!(
        container.query_selector(".error-box").unwrap().is_none(),
        "no full box"
    );
}

async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn failed_fetch_shows_a_retry() {
    let el = new_card_element();
    el.set_attribute("src", "http://127.0.0.1:9/nothing-listens-here.json")
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    let error_box = || {
        el.shadow_root()
            .and_then(|r| r.query_selector(".error-box").ok().flatten())
    };
    until("the error box", || error_box().is_some()).await;
    let text = error_box().unwrap().text_content().unwrap();
    assert!(text.contains(en().text(Key::ErrorNetwork)), "{text}");
    let retry = el
        .shadow_root()
        .unwrap()
        .query_selector("button.retry")
        .unwrap()
        .expect("a retry");
    // Retry fetches again: "Loading…", then the same error.
    retry.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert!(
        el.shadow_root()
            .unwrap()
            .query_selector(".loading")
            .unwrap()
            .is_some(),
        "loading again"
    );
    until("the error box again", || error_box().is_some()).await;
    el.remove();
}

// ---- the element ------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_element_renders_inline_data_and_follows_attribute_changes() {
    embed::register(); // a second registration is harmless
    let el = new_card_element();
    el.set_attribute("heading-level", "4").unwrap();
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(&LLV.replace("leaving-las-vegas-1995", "t-element")));
    el.append_child(&script).unwrap();
    let root = attach_and_render(&el).await;
    assert_eq!(find(&root, ".title").tag_name(), "H4");
    el.set_attribute("progress", "60").unwrap();
    yew::scheduler::flush().await;
    until("progress 60", || {
        find(&root, "#sc-progress")
            .unchecked_into::<HtmlInputElement>()
            .value()
            == "60"
    })
    .await;
    // Moving the element keeps the card.
    let other = document().create_element("section").unwrap();
    document().body().unwrap().append_child(&other).unwrap();
    other.append_child(&el).unwrap();
    gloo_timers::future::TimeoutFuture::new(30).await;
    assert!(find(&root, ".title").is_connected());
    // Removing it unmounts.
    el.remove();
    until("unmount", || {
        root.query_selector(".title").unwrap().is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_movie_property_takes_a_data_object() {
    let el = new_card_element();
    let data = js_sys::JSON::parse(&SIXTH.replace("the-sixth-sense-1999", "t-property")).unwrap();
    js_sys::Reflect::set(&el, &"movie".into(), &data).unwrap();
    let root = attach_and_render(&el).await;
    assert_eq!(
        find(&root, ".title").text_content().unwrap(),
        "The Sixth Sense"
    );
    let broken = js_sys::JSON::parse(r#"{ "schema": 1, "id": "t-property" }"#).unwrap();
    js_sys::Reflect::set(&el, &"movie".into(), &broken).unwrap();
    until("the error box", || {
        root.query_selector(".error-box").ok().flatten().is_some()
    })
    .await;
    assert!(root.text_content().unwrap().contains("title: required"));
    el.remove();
}

/// The example with `events` timeline events and `people` characters.
fn long_movie(id: &str, events: usize, people: usize) -> Rc<Movie> {
    let mut long = (*movie(LLV, id)).clone();
    let (event, character) = (long.timeline[0].clone(), long.characters[0].clone());
    let runtime = usize::from(long.runtime_minutes);
    long.timeline = (0..events)
        .map(|i| {
            let mut e = event.clone();
            e.title = format!("Numbered event {i}");
            e.at_minute = (i * runtime / events) as u16;
            e
        })
        .collect();
    long.characters = (0..people)
        .map(|i| {
            let mut c = character.clone();
            c.name = format!("Person {i}");
            c
        })
        .collect();
    Rc::new(long)
}

fn focused(root: &ShadowRoot) -> Option<Element> {
    root.active_element()
}

#[wasm_bindgen_test]
async fn long_lists_show_a_page_at_a_time_and_focus_moves_to_the_first_new_item() {
    use spoiler_card::card_state::LIST_PAGE;
    let m = long_movie("t-long-lists", 120, 60);
    let (root, _app) = mount(m.clone(), Some(m.runtime_minutes), Remember::None).await;

    assert_eq!(find_all(&root, "li.event").len(), LIST_PAGE);
    assert_eq!(
        find(&root, ".show-more button").text_content().unwrap(),
        show_more_label(50)
    );
    assert_eq!(
        find(&root, ".shown-count").text_content().unwrap(),
        en().count(Key::ShowingEvents, 120, &[("shown", "50")])
    );
    assert!(markup(&root).contains("Numbered event 49"));
    assert!(!markup(&root).contains("Numbered event 50"));

    click(&root, ".show-more button").await;
    assert_eq!(find_all(&root, "li.event").len(), 100);
    let fifty = find_all(&root, "li.event").swap_remove(50);
    assert_eq!(fifty.get_attribute("tabindex").as_deref(), Some("-1"));
    until("focus on event 50", || {
        focused(&root).as_ref() == Some(&fifty)
    })
    .await;
    assert!(fifty.text_content().unwrap().contains("Numbered event 50"));
    assert_eq!(
        find(&root, ".show-more button").text_content().unwrap(),
        show_more_label(20)
    );

    click(&root, ".show-more button").await;
    assert_eq!(find_all(&root, "li.event").len(), 120);
    assert!(
        root.query_selector(".show-more").unwrap().is_none(),
        "nothing more to show"
    );
    let hundred = find_all(&root, "li.event").swap_remove(100);
    until("focus on event 100", || {
        focused(&root).as_ref() == Some(&hundred)
    })
    .await;

    // The characters page on their own.
    click(&root, "#sc-tab-characters").await;
    assert_eq!(find_all(&root, "li.character").len(), LIST_PAGE);
    assert_eq!(
        find(&root, ".shown-count").text_content().unwrap(),
        en().count(Key::ShowingCharacters, 60, &[("shown", "50")])
    );
    click(&root, ".show-more button").await;
    assert_eq!(find_all(&root, "li.character").len(), 60);
}

#[wasm_bindgen_test]
async fn a_paged_timeline_still_counts_and_gates_every_event() {
    let m = long_movie("t-long-gated", 120, 3);
    let (root, _app) = mount(m.clone(), None, Remember::None).await;
    assert_eq!(find_all(&root, "li.event.gated").len(), 50);
    assert_eq!(
        find(&root, ".hidden-count").text_content().unwrap(),
        hidden_events(120),
        "the count covers the events not listed yet"
    );
    assert!(
        !markup(&root).contains("Numbered event"),
        "no gated title in the tree"
    );
    click(&root, ".show-more button").await;
    assert_eq!(find_all(&root, "li.event.gated").len(), 100);
    assert!(
        !markup(&root).contains("Numbered event"),
        "none after showing more"
    );
    click(&root, ".reveal-bar button").await; // Show everything
    assert_eq!(find_all(&root, "li.event.gated").len(), 0);
    assert!(markup(&root).contains("Numbered event 99"));
}

#[wasm_bindgen_test]
fn remember_all_writes_the_documented_tokens_and_reads_them_back() {
    use spoiler_card::gate::{Gate, ItemKey, Reveals};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "spoiler-card:v1:t-tokens:revealed";
    let mut gate = Gate::new(111, 30);
    gate.reveal(ItemKey::Arc("sera".into()));
    gate.reveal(ItemKey::Event("#00000000000000ff".into()));
    gate.plot_revealed = true;
    storage::save(
        "t-tokens",
        Remember::All,
        Some(gate.progress),
        &gate.reveals(),
    );
    assert_eq!(
        storage.get_item(key).unwrap().as_deref(),
        Some("2:plot,e:#00000000000000ff,a:sera")
    );
    let stored = storage::load("t-tokens", Remember::All);
    assert_eq!(stored.progress, Some(30));
    assert_eq!(
        stored.reveals,
        Reveals {
            plot: true,
            everything: false,
            items: vec![
                ItemKey::Event("#00000000000000ff".into()),
                ItemKey::Arc("sera".into())
            ],
        }
    );

    gate.plot_revealed = false;
    gate.show_all = true;
    storage::save(
        "t-tokens",
        Remember::All,
        Some(gate.progress),
        &gate.reveals(),
    );
    assert_eq!(
        storage.get_item(key).unwrap().as_deref(),
        Some("2:all,e:#00000000000000ff,a:sera"),
    );
    gate.revealed.clear();
    gate.show_all = false;
    storage::save(
        "t-tokens",
        Remember::All,
        Some(gate.progress),
        &gate.reveals(),
    );
    assert_eq!(
        storage.get_item(key).unwrap(),
        None,
        "nothing revealed: no key"
    );
    storage::save(
        "t-tokens",
        Remember::Progress,
        Some(gate.progress),
        &gate.reveals(),
    );
    assert_eq!(
        storage::load("t-tokens", Remember::Progress).reveals,
        Reveals::default()
    );

    // A value of the first format (positions) is dropped, and removed.
    storage.set_item(key, "e3,a1,plot").unwrap();
    assert_eq!(
        storage::load("t-tokens", Remember::All).reveals,
        Reveals::default()
    );
    assert_eq!(storage.get_item(key).unwrap(), None, "old format removed");
    storage
        .remove_item("spoiler-card:v1:t-tokens:progress")
        .unwrap();
}

#[wasm_bindgen_test]
async fn any_stored_value_is_read_without_harm() {
    // Each of these once trapped the wasm, or could: non-ASCII first
    // characters (`split_at(1)` inside a character), megabytes, junk.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let m = movie(SIXTH, "t-hostile-store");
    let long = "e".repeat(3_000_000);
    for value in [
        "é1",
        "😀",
        "2:é1,a😀,e:",
        "2:,,,",
        "2:e:#zz,a:A",
        "\u{0}",
        &long,
    ] {
        for what in ["progress", "revealed"] {
            // A full store refuses the long value: that too is a store the
            // card meets.
            let _ = storage.set_item(&storage::key(&m.id, what), value);
        }
        let (root, _app) = mount(m.clone(), Some(10), Remember::All).await;
        assert!(
            find(&root, ".title").is_connected(),
            "the card renders with {:?}",
            &value[..value.len().min(20)]
        );
        assert!(
            root.query_selector("button.gate").unwrap().is_some(),
            "nothing revealed by a junk value"
        );
    }
    for what in ["progress", "revealed"] {
        storage.remove_item(&storage::key(&m.id, what)).unwrap();
    }
}

/// The text of the card's title, if it shows one.
fn title_of(el: &HtmlElement) -> Option<String> {
    el.shadow_root()?
        .query_selector(".title")
        .ok()??
        .text_content()
        .map(|t| t.trim().to_owned())
}

#[wasm_bindgen_test]
async fn dropping_the_movie_property_falls_back_to_the_inline_data() {
    let el = new_card_element();
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(&LLV.replace("leaving-las-vegas-1995", "t-fallback-a")));
    el.append_child(&script).unwrap();
    attach_and_render(&el).await;
    assert_eq!(title_of(&el).as_deref(), Some("Leaving Las Vegas"));
    let sixth =
        js_sys::JSON::parse(&SIXTH.replace("the-sixth-sense-1999", "t-fallback-b")).unwrap();
    for empty in [JsValue::NULL, JsValue::UNDEFINED] {
        js_sys::Reflect::set(&el, &"movie".into(), &sixth).unwrap();
        until("the property's movie", || {
            title_of(&el).as_deref() == Some("The Sixth Sense")
        })
        .await;
        js_sys::Reflect::set(&el, &"movie".into(), &empty).unwrap();
        until("the inline movie again", || {
            title_of(&el).as_deref() == Some("Leaving Las Vegas")
        })
        .await;
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn new_data_with_the_same_id_replaces_what_the_old_data_unlocked() {
    // At progress 111, the end of the film, the plot and every event show.
    let el = new_card_element();
    el.set_attribute("progress", "111").unwrap();
    el.set_attribute("remember", "none").unwrap();
    let text = LLV.replace("leaving-las-vegas-1995", "t-same-id");
    let set = |text: &str| {
        js_sys::Reflect::set(&el, &"movie".into(), &js_sys::JSON::parse(text).unwrap()).unwrap()
    };
    set(&text);
    let root = attach_and_render(&el).await;
    let m = movie(&text, "t-same-id");
    assert!(
        markup(&root).contains(&m.spoilers.summary[0]),
        "unlocked at the end"
    );
    assert!(root.query_selector("button.gate").unwrap().is_none());

    // The same movie id, now 141 minutes long, and its last event later:
    // 111 is no longer the end, so the plot and that event are gated again.
    let longer = text.replace("\"runtime_minutes\": 111", "\"runtime_minutes\": 141");
    assert_ne!(longer, text, "the runtime changed");
    let last = m.timeline.last().unwrap();
    let longer = longer.replace(
        &format!("\"at_minute\": {}", last.at_minute),
        &format!("\"at_minute\": {}", 130),
    );
    set(&longer);
    until("the plot gated again", || {
        root.query_selector("button.gate").ok().flatten().is_some()
    })
    .await;
    let html = markup(&root);
    assert!(
        !html.contains(&m.spoilers.summary[0]),
        "no word of the plot"
    );
    assert!(!html.contains(&last.text), "the moved event is gated");
    assert_eq!(
        find(&root, "#sc-progress")
            .unchecked_into::<HtmlInputElement>()
            .max(),
        "141"
    );
    el.remove();
}

/// The poster URL the card resolves in plain Rust (so that prerendering can)
/// is the one the browser's own URL parser gives, for absolute, protocol-
/// relative and path bases alike (a path base as a page would resolve it).
#[wasm_bindgen_test]
fn poster_urls_resolve_as_the_browser_resolves_them() {
    use spoiler_card::model::resolve_url;
    let page = "https://blog.example/2026/post.html?draft#top";
    let href = |url: &str, base: &str| web_sys::Url::new_with_base(url, base).unwrap().href();
    let bases = [
        "https://e.org/movies/x.json",
        "https://e.org/movies/x.json?cache=1#top",
        "https://e.org",
        "https://e.org?q",
        "https://e.org/a/b/",
        "https://e.org/m/x.json?u=https://x.example/a/b",
        "//cdn.example/m/x.json",
        "//cdn.example",
        "/movies/x.json",
        "/movies/",
        "movies/x.json",
        "../x.json?v=2",
        "/proxy?u=https://x.example/m.json",
        "",
    ];
    let references = [
        "p.jpg",
        "/p.jpg",
        "./img/p.jpg",
        "../img/p.jpg",
        "?v=2",
        "#poster",
        "img/p%20q.jpg",
        "https://cdn.example/p.jpg",
    ];
    for base in bases {
        for reference in references {
            let ours = resolve_url(base, reference)
                .unwrap_or_else(|| panic!("{base} + {reference}: None"));
            let absolute_base = href(base, page);
            assert_eq!(
                href(&ours, page),
                href(reference, &absolute_base),
                "{base} + {reference} gave {ours}"
            );
        }
    }
}

/// The card tells its events (`ready`, then what the reader did) and takes
/// the page's calls through its link, which it never tells back.
#[wasm_bindgen_test]
async fn the_card_tells_reader_actions_and_takes_page_calls_silently() {
    use spoiler_card::card_link::CardLink;
    use spoiler_card::events::{Detail, Kind};
    use std::cell::RefCell;

    let m = movie(LLV, "events-test");
    let told: Rc<RefCell<Vec<(Kind, Detail)>>> = Rc::default();
    let link: Rc<CardLink> = Rc::default();
    link.set_progress(20);
    assert_eq!(link.progress(), Some(20), "kept for the card to come");
    let (_host, root, container) = fresh_root();
    let props = CardProps {
        movie: m.clone(),
        words: en(),
        base_url: "http://127.0.0.1/".into(),
        progress: None,
        remember: Remember::None,
        heading_level: 2,
        resume: None,
        on_state: Default::default(),
        link: link.clone(),
        on_event: {
            let told = told.clone();
            yew::Callback::from(move |event| told.borrow_mut().push(event))
        },
        drawn: Drawn::Live,
    };
    let _app = yew::Renderer::<Card>::with_root_and_props(container, props).render();
    yew::scheduler::flush().await;
    assert_eq!(told.borrow().len(), 1);
    assert_eq!(told.borrow()[0].0, Kind::Ready);
    assert_eq!(
        told.borrow()[0].1.progress,
        Some(20),
        "the page's early progress"
    );

    click(&root, "button.gate").await;
    assert_eq!(told.borrow().len(), 2);
    assert_eq!(told.borrow()[1].0, Kind::Reveal);
    assert_eq!(told.borrow()[1].1.changed, ["plot"]);
    assert_eq!(link.revealed(), ["plot"]);

    link.hide();
    assert!(link.revealed().is_empty(), "at once");
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("button.gate").unwrap().is_some(),
        "hidden"
    );
    assert!(link.reveal("plot"));
    assert!(!link.reveal("event:nope"));
    link.set_progress(50);
    assert_eq!(link.progress(), Some(50), "at once");
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("button.gate").unwrap().is_none(),
        "revealed"
    );
    assert_eq!(told.borrow().len(), 2, "the page's calls are never told");
}

/// The vendored Yew's patch (`vendor/yew/PATCH.md`): raw HTML renders
/// nothing, so no text can become markup through Yew.
#[wasm_bindgen_test]
async fn yews_raw_html_renders_nothing() {
    #[yew::function_component]
    fn Raw() -> yew::Html {
        yew::Html::from_html_unchecked("<b id=\"raw\">bold</b><img src=x onerror=alert(1)>".into())
    }
    let (_host, root, container) = fresh_root();
    let _app = yew::Renderer::<Raw>::with_root(container).render();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("#raw, img").unwrap().is_none(),
        "{}",
        markup(&root)
    );
}

fn en() -> Rc<Words> {
    Words::english()
}

fn hidden_events(n: usize) -> String {
    en().count(Key::HiddenEvents, n, &[])
}

fn show_more_label(n: usize) -> String {
    en().count(Key::ShowMore, n, &[])
}

/// A shipped locale, read over the built-in English as the card reads it.
fn shipped(lang: &str, text: &str) -> Rc<Words> {
    Rc::new(en().read(lang, text).expect("a valid locale"))
}

/// Mounts a card for `movie` in `words`.
async fn mount_in(movie: Rc<Movie>, words: Rc<Words>) -> (ShadowRoot, yew::AppHandle<Card>) {
    mount_with(movie, words, None, Remember::None).await
}

/// The card speaks the words it is given (German here), and an Arabic card
/// lays out right to left, its tab keys mirrored.
#[wasm_bindgen_test]
async fn the_card_speaks_its_words_language_and_mirrors_right_to_left() {
    let de = shipped("de", include_str!("../assets/locales/de.json"));
    let (root, app) = mount_in(movie(LLV, "t-de"), de.clone()).await;
    let text = root.text_content().unwrap();
    for key in [
        Key::Synopsis,
        Key::PlotGate,
        Key::ProgressLabel,
        Key::TabCharacters,
    ] {
        assert!(text.contains(de.text(key)), "{key:?} in German: {text}");
    }
    assert!(
        text.contains("1 Std. 51 Min."),
        "the runtime in German: {text}"
    );
    assert!(
        !text.contains(en().text(Key::Synopsis)),
        "no English heading: {text}"
    );
    let article = root.query_selector("article").unwrap().unwrap();
    // Its language is its element's, inherited; its direction its words'.
    assert_eq!(article.get_attribute("lang"), None);
    assert_eq!(article.get_attribute("dir").as_deref(), Some("ltr"));
    app.destroy();

    let ar = shipped("ar", include_str!("../assets/locales/ar.json"));
    let (root, app) = mount_in(movie(LLV, "t-ar"), ar.clone()).await;
    let article = root.query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("dir").as_deref(), Some("rtl"));
    let window = web_sys::window().unwrap();
    let style = window.get_computed_style(&article).unwrap().unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
    // ArrowLeft is "next" right to left.
    let first: HtmlElement = root
        .query_selector("[role=tab]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowLeft");
    init.set_bubbles(true);
    let press =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    first.dispatch_event(&press).unwrap();
    yew::scheduler::flush().await;
    let selected = root
        .query_selector("[aria-selected=true]")
        .unwrap()
        .unwrap();
    assert_eq!(selected.id(), "sc-tab-characters");
    assert_eq!(
        selected.text_content().unwrap(),
        ar.text(Key::TabCharacters)
    );
    app.destroy();
}

// ---- the seam between data.js and Rust (src/seam.rs) -----------------------

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/data.js")]
extern "C" {
    #[wasm_bindgen(js_name = cardSource)]
    fn card_source(host: &HtmlElement) -> spoiler_card::seam::CardSource;
    #[wasm_bindgen(js_name = setMovie)]
    fn set_movie(host: &HtmlElement, value: &JsValue);
    /// Starts a request that times out after `ms`: `{ promise, answer }`.
    #[wasm_bindgen(js_name = request)]
    fn request(url: &str, ms: u32) -> JsValue;
    #[wasm_bindgen(js_name = fetchFile)]
    fn fetch_file(url: &str, wait: u32) -> JsValue;
}

/// The answer a request comes to, read by Rust.
async fn answer_of(entry: JsValue) -> spoiler_card::seam::Outcome {
    let promise = js_sys::Reflect::get(&entry, &"promise".into()).unwrap();
    let answer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .unwrap();
    answer.unchecked_into::<spoiler_card::seam::Answer>().read()
}

#[wasm_bindgen_test]
fn the_seam_names_every_kind_of_source_alike_on_both_sides() {
    use spoiler_card::seam::Source;
    let base = document().base_uri().unwrap().unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    assert_eq!(card_source(&host).read(), (Source::None, base.clone()));
    host.set_attribute("src", "movies/x.json").unwrap();
    let url = web_sys::Url::new_with_base("movies/x.json", &base)
        .unwrap()
        .href();
    let src = Source::Src {
        url: url.clone(),
        src: "movies/x.json".into(),
    };
    assert_eq!(card_source(&host).read(), (src, url));
    host.set_inner_html(r#"<script type="application/json">{"a": 1}</script>"#);
    let chosen = card_source(&host);
    let (read, from) = chosen.read();
    let Source::Inline(version) = read else {
        panic!("{read:?}")
    };
    assert_eq!(
        (chosen.data(), from),
        (Ok(r#"{"a": 1}"#.to_owned()), base.clone())
    );
    // The same text keeps its version (nothing is read again); a new text
    // gets a new one.
    assert_eq!(card_source(&host).read().0, Source::Inline(version));
    host.set_inner_html(r#"<script type="application/json">{"a": 2}</script>"#);
    assert!(matches!(card_source(&host).read().0, Source::Inline(v) if v > version));
    // The `movie` property, as embed.js hands it over, wins over the others.
    set_movie(&host, &js_sys::JSON::parse(r#"{"b": [1, 2]}"#).unwrap());
    let chosen = card_source(&host);
    let (read, from) = chosen.read();
    assert!(matches!(read, Source::Property(v) if v > 0), "{read:?}");
    assert_eq!(
        (chosen.data(), from),
        (Ok(r#"{"b":[1,2]}"#.to_owned()), base.clone())
    );
    // A value JSON cannot hold: why, by name.
    let cycle = js_sys::Object::new();
    js_sys::Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    set_movie(&host, &cycle);
    let why = card_source(&host).data().unwrap_err();
    assert!(why.to_lowercase().contains("circular"), "{why}");
}

#[wasm_bindgen_test]
async fn the_seam_names_every_answer_alike_on_both_sides() {
    use spoiler_card::seam::Outcome;
    let ok = answer_of(request("data:application/json,%7B%7D", 10_000)).await;
    assert!(matches!(&ok, Outcome::Ok(text) if text == "{}"), "{ok:?}");
    let missing = answer_of(request("/no-such-file-for-the-seam.json", 10_000)).await;
    assert!(matches!(missing, Outcome::Http(404)), "{missing:?}");
    let refused = answer_of(request("http://127.0.0.1:1/", 10_000)).await;
    assert!(matches!(refused, Outcome::Network), "{refused:?}");
    // (A timeout of 0 ms aborts before any answer can come.)
    let slow = answer_of(request("/no-such-file-for-the-seam-2.json", 0)).await;
    assert!(matches!(slow, Outcome::Timeout), "{slow:?}");
    // Files: one past the 64 KB limit, and one still on its way past its wait.
    let big = format!("data:text/plain,{}", "a".repeat(70_000));
    let first = fetch_file(&big, 10_000);
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(first)).await;
    let again = fetch_file(&big, 10_000)
        .unchecked_into::<spoiler_card::seam::Answer>()
        .read();
    assert!(matches!(again, Outcome::TooBig), "{again:?}");
    let late = fetch_file("data:text/plain,late", 0)
        .unchecked_into::<spoiler_card::seam::Answer>()
        .read();
    assert!(matches!(late, Outcome::Late(Some(_))), "{late:?}");
}
