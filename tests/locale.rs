//! Native tests of the card's words: the built-in English, every shipped
//! locale (complete, valid, and each plural form its language needs), the
//! plural rules, the number, runtime and date formats per language, and the
//! reading of a broken or hostile locale or strings file.
#![cfg(not(target_arch = "wasm32"))]

use spoiler_card::locale::plural::{categories, category, Category};
use spoiler_card::locale::{self, Direction, Key, Language, Words, KEY_NAMES};
use spoiler_card::model::Date;

fn shipped(lang: &str) -> Words {
    let text = locale::shipped_file(lang).expect("shipped");
    Words::english()
        .read(lang, text)
        .unwrap_or_else(|p| panic!("{lang}: {p:?}"))
}

fn file_keys(text: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    value.as_object().unwrap().keys().cloned().collect()
}

const SETTINGS: [&str; 5] = ["dir", "digits", "group", "group_from", "months"];

#[test]
fn english_is_complete_and_every_key_is_known() {
    let english = Words::english();
    assert_eq!(Key::ALL.len(), KEY_NAMES.len());
    for (key, name) in Key::ALL.iter().zip(KEY_NAMES) {
        let key = *key;
        assert!(
            !english.text(key).trim().is_empty(),
            "{name} has no English"
        );
    }
    let text = std::fs::read_to_string("assets/locales/en.json").unwrap();
    for key in file_keys(&text) {
        assert!(
            key.starts_with('$')
                || SETTINGS.contains(&key.as_str())
                || KEY_NAMES.contains(&key.as_str()),
            "en.json has {key}, which the card does not know"
        );
    }
    assert_eq!(english.lang.as_ref(), "en");
    assert_eq!(english.direction, Direction::Ltr);
}

#[test]
fn every_shipped_locale_is_complete_valid_and_has_its_plural_forms() {
    let english_text = std::fs::read_to_string("assets/locales/en.json").unwrap();
    let english: serde_json::Value = serde_json::from_str(&english_text).unwrap();
    for lang in locale::SHIPPED {
        let text = std::fs::read_to_string(format!("assets/locales/{lang}.json")).unwrap();
        assert_eq!(
            Some(text.as_str()),
            locale::shipped_file(lang),
            "{lang}: the CLI's copy"
        );
        let words = shipped(lang);
        assert_eq!(words.lang.as_ref(), lang);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys = file_keys(&text);
        for name in KEY_NAMES.iter().chain(&["months"]) {
            assert!(keys.iter().any(|k| k == name), "{lang}.json lacks {name}");
        }
        // Each plural message has every form the language's rule gives,
        // unless it gives one text for every count (a string).
        for name in KEY_NAMES {
            let forms = &value[name];
            if english[name].is_object() && !forms.is_string() {
                for needed in categories(lang) {
                    assert!(
                        forms.get(needed.name()).is_some(),
                        "{lang}.json: {name} lacks the {} form",
                        needed.name()
                    );
                }
            }
        }
        // A real translation: most texts differ from the English.
        let same = KEY_NAMES
            .iter()
            .filter(|name| value[**name] == english[**name])
            .count();
        assert!(same <= 6, "{lang}: {same} texts are the English ones");
    }
    assert_eq!(shipped("ar").direction, Direction::Rtl);
    assert_eq!(shipped("de").direction, Direction::Ltr);
}

#[test]
fn languages_resolve_by_primary_subtag() {
    assert_eq!(Language::of("de"), Language::Shipped("de"));
    assert_eq!(Language::of("de-AT"), Language::Shipped("de"));
    assert_eq!(Language::of(" PT-br "), Language::Shipped("pt"));
    assert_eq!(Language::of("ar-EG"), Language::Shipped("ar"));
    assert_eq!(Language::of("en-GB"), Language::English);
    assert_eq!(Language::of(""), Language::English);
    assert_eq!(Language::of("ja"), Language::Other("ja".into()));
    assert_eq!(Language::of("<script>"), Language::English);
    assert_eq!(Language::of("x".repeat(40).as_str()), Language::English);
}

#[test]
fn plural_rules_follow_cldr() {
    use Category::*;
    let ar: Vec<Category> = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000]
        .iter()
        .map(|n| category("ar", *n))
        .collect();
    assert_eq!(
        ar,
        [Zero, One, Two, Few, Few, Many, Many, Other, Other, Other, Few, Many, Other]
    );
    assert_eq!(categories("ar").len(), 6, "Arabic has six forms");
    for (lang, zero) in [
        ("en", Other),
        ("de", Other),
        ("es", Other),
        ("fr", One),
        ("pt", One),
    ] {
        assert_eq!(category(lang, 0), zero, "{lang} 0");
        assert_eq!(category(lang, 1), One, "{lang} 1");
        assert_eq!(category(lang, 2), Other, "{lang} 2");
    }
    for lang in ["fr", "es", "pt"] {
        assert_eq!(category(lang, 1_000_000), Many, "{lang}");
        assert_eq!(category(lang, 1_000_001), Other, "{lang}");
    }
    assert_eq!(category("en", 1_000_000), Other);
    assert_eq!(category("ja", 1), One, "unknown languages follow English");
}

#[test]
fn counts_take_their_language_s_form() {
    let en = Words::english();
    assert_eq!(en.count(Key::HiddenEvents, 1, &[]), "1 later event hidden");
    assert_eq!(en.count(Key::HiddenEvents, 4, &[]), "4 later events hidden");
    assert_eq!(
        en.count(Key::ShowingEvents, 1200, &[("shown", "50")]),
        "Showing 50 of 1,200 events"
    );
    let ar = shipped("ar");
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|n| ar.count(Key::HiddenEvents, *n, &[]))
        .collect();
    assert_eq!(
        forms.iter().collect::<std::collections::HashSet<_>>().len(),
        6,
        "{forms:?}"
    );
    assert_eq!(forms[3], "٣ أحداث لاحقة مخفية");
    assert_eq!(forms[4], "١١ حدثًا لاحقًا مخفيًا");
    let fr = shipped("fr");
    assert_eq!(
        fr.count(Key::HiddenEvents, 0, &[]),
        "0 événement ultérieur masqué"
    );
    assert_eq!(
        fr.count(Key::HiddenEvents, 2, &[]),
        "2 événements ultérieurs masqués"
    );
    let de = shipped("de");
    assert_eq!(
        de.count(Key::HiddenArcs, 1, &[]),
        "1 Handlungsbogen verborgen"
    );
    assert_eq!(
        de.count(Key::HiddenArcs, 3, &[]),
        "3 Handlungsbögen verborgen"
    );
}

#[test]
fn numbers_runtimes_clocks_and_dates_per_language() {
    let date = Date {
        year: 2024,
        month: 11,
        day: 16,
    };
    let cases = [
        (
            "en",
            "1h 51m",
            "45m",
            "2h",
            "~1:05",
            "16 November 2024",
            "12,345",
        ),
        (
            "de",
            "1 Std. 51 Min.",
            "45 Min.",
            "2 Std.",
            "ca. 1:05",
            "16. November 2024",
            "12.345",
        ),
        (
            "fr",
            "1\u{a0}h\u{a0}51\u{a0}min",
            "45\u{a0}min",
            "2\u{a0}h",
            "vers 1:05",
            "16 novembre 2024",
            "12\u{202f}345",
        ),
        (
            "es",
            "1\u{a0}h 51\u{a0}min",
            "45\u{a0}min",
            "2\u{a0}h",
            "aprox. 1:05",
            "16 de noviembre de 2024",
            "12.345",
        ),
        (
            "pt",
            "1\u{a0}h 51\u{a0}min",
            "45\u{a0}min",
            "2\u{a0}h",
            "por volta de 1:05",
            "16 de novembro de 2024",
            "12.345",
        ),
        (
            "ar",
            "١ س ٥١ د",
            "٤٥ د",
            "٢ س",
            "نحو ١:٠٥",
            "١٦ نوفمبر ٢٠٢٤",
            "١٢٬٣٤٥",
        ),
    ];
    for (lang, hm, m, h, approx, day, number) in cases {
        let words = if lang == "en" {
            (*Words::english()).clone()
        } else {
            shipped(lang)
        };
        assert_eq!(words.runtime(111), hm, "{lang}");
        assert_eq!(words.runtime(45), m, "{lang}");
        assert_eq!(words.runtime(120), h, "{lang}");
        assert_eq!(words.approx_clock(65), approx, "{lang}");
        assert_eq!(words.date(date), day, "{lang}");
        assert_eq!(words.number(12_345), number, "{lang}");
    }
    let en = Words::english();
    assert_eq!(en.clock(0), "0:00");
    assert_eq!(en.clock(111), "1:51");
    assert_eq!(en.number(999), "999");
    assert_eq!(en.number(1000), "1,000");
    assert_eq!(en.number(1_234_567), "1,234,567");
    assert_eq!(
        shipped("es").number(1000),
        "1000",
        "Spanish groups from five digits"
    );
    assert_eq!(
        en.date(Date {
            year: 1995,
            month: 1,
            day: 1
        }),
        "1 January 1995"
    );
    assert_eq!(en.names(&[]), "");
    assert_eq!(en.names(&["Ann".into(), "Bo".into()]), "Ann, Bo");
    assert_eq!(shipped("ar").names(&["أ".into(), "ب".into()]), "أ، ب");
    assert_eq!(shipped("ar").digits_in("1995"), "١٩٩٥");
}

#[test]
fn a_strings_file_overrides_any_text_and_keeps_the_rest() {
    let en = Words::english();
    let words = en
        .read("en", r#"{"synopsis": "The story so far", "hidden_events": {"one": "{n} secret", "other": "{n} secrets"}}"#)
        .unwrap();
    assert_eq!(words.text(Key::Synopsis), "The story so far");
    assert_eq!(words.count(Key::HiddenEvents, 2, &[]), "2 secrets");
    assert_eq!(words.text(Key::Ending), en.text(Key::Ending));
    // Over German: the German stays where the file says nothing.
    let de = shipped("de")
        .read("de", r#"{"synopsis": "Worum es geht"}"#)
        .unwrap();
    assert_eq!(de.text(Key::Synopsis), "Worum es geht");
    assert_eq!(de.text(Key::Ending), "Das Ende");
    // A plain text for a plural message serves every count.
    let one = en.read("en", r#"{"show_more": "More"}"#).unwrap();
    assert_eq!(one.count(Key::ShowMore, 7, &[]), "More");
}

#[test]
fn a_broken_file_is_refused_whole_with_every_problem_named() {
    let en = Words::english();
    let refused = |text: &str| en.read("en", text).expect_err(text);
    assert!(refused("not json")[0].starts_with("(the file): not valid JSON"));
    assert_eq!(refused("[]"), ["(the file): must be an object, not a list"]);
    let problems = refused(
        r#"{"synopsis": 3, "synopsys": "x", "ending": " ", "hidden_events": {"lots": "x"},
            "plot_gate": {"other": "x"}, "reveal_event": "at {time}", "dir": "up",
            "digits": "0123", "months": ["a"], "retry": "ok", "retry": "again"}"#,
    );
    let expected = [
        "synopsis: must be text, not a number",
        "synopsys: not a text of the card (a typo?)",
        "ending: must not be blank",
        "hidden_events: lots: not a plural form (zero, one, two, few, many, other)",
        "plot_gate: must be text (this text has no plural forms)",
        "reveal_event: {time} is not a placeholder of this text (see assets/locales/en.json)",
        "dir: must be \"ltr\" or \"rtl\"",
        "digits: must be the ten digits, 0 to 9",
        "months: must be a list of the 12 month names",
        "retry: appears twice",
    ];
    assert_eq!(problems, expected);
    assert!(refused(r#"{"hidden_events": {"one": "x"}}"#)[0].contains("needs an \"other\" form"));
    assert!(
        refused(&format!(r#"{{"retry": "{}"}}"#, "x".repeat(2001)))[0]
            .contains("at most 2000 bytes")
    );
    let huge = format!(r#"{{"$comment": "{}"}}"#, "x".repeat(locale::FILE_BYTES));
    assert!(refused(&huge)[0].contains("more than 64 KB"));
    let deep = format!(r#"{{"synopsis": {}{}}}"#, "[".repeat(100), "]".repeat(100));
    assert_eq!(
        refused(&deep),
        ["(the file): the document nests deeper than 32 levels"]
    );
    // Thousands of problems: the first 20, then how many more.
    let typos: Vec<String> = (0..3000).map(|i| format!(r#""typo{i}": "x""#)).collect();
    let problems = refused(&format!("{{{}}}", typos.join(",")));
    assert_eq!(problems.len(), 21);
    assert_eq!(problems[20], "… and 2980 more problems");
}

#[test]
fn texts_are_never_markup_and_placeholders_fill_only_themselves() {
    let en = Words::english();
    let words = en
        .read("en", r#"{"reveal_arc": "<b>{name}</b> {unknown"}"#)
        .unwrap();
    // Filled as text (Yew escapes it); an unclosed brace stays as it is.
    assert_eq!(
        words.say(Key::RevealArc, &[("name", "{clock}")]),
        "<b>{clock}</b> {unknown"
    );
}

/// The value of `const NAME = …;` in src/data.js, which keeps copies of
/// two facts of Rust's (checked here against them).
fn data_js_const(name: &str) -> String {
    let data_js = std::fs::read_to_string("src/data.js").unwrap();
    let start = format!("const {name} = ");
    let line = data_js
        .lines()
        .find(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("{name} in data.js"));
    line[start.len()..].trim_end_matches(';').to_owned()
}

#[test]
fn data_js_asks_early_for_the_languages_that_ship() {
    // data.js asks for a card's locale file while the wasm compiles: its
    // list must be Rust's.
    let list = data_js_const("SHIPPED");
    let listed: Vec<&str> = list
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|l| l.trim().trim_matches('\''))
        .collect();
    assert_eq!(listed, locale::SHIPPED);
}

#[test]
fn data_js_refuses_files_past_the_reader_s_limit() {
    let bytes: usize = data_js_const("FILE_BYTES").parse().unwrap();
    assert_eq!(bytes, locale::FILE_BYTES);
}
