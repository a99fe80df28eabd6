//! Native tests of the storage codec: remembered values are untrusted, so
//! any string decodes without a panic, and what the card writes reads back.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use spoiler_card::gate::{known_items, ItemKey, Reveals};
use spoiler_card::model::Movie;
use spoiler_card::stored::{self, MAX_VALUE_BYTES};

fn example() -> Movie {
    let text = include_str!("../assets/movies/the-sixth-sense.json");
    model_of(text)
}

fn model_of(text: &str) -> Movie {
    let tree = spoiler_card::json::parse(text).unwrap();
    spoiler_card::model::validate(&tree).movie.unwrap()
}

fn reveals(plot: bool, everything: bool, items: &[ItemKey]) -> Reveals {
    Reveals {
        plot,
        everything,
        items: items.to_vec(),
    }
}

#[test]
fn what_the_card_writes_reads_back() {
    let items = [
        ItemKey::Event("#0123456789abcdef".into()),
        ItemKey::Event("the-wedding".into()),
        ItemKey::Arc("sera".into()),
    ];
    let all = reveals(true, true, &items);
    let text = stored::encode_reveals(&all).unwrap();
    assert_eq!(text, "2:plot,all,e:#0123456789abcdef,e:the-wedding,a:sera");
    assert_eq!(stored::decode_reveals(&text), Some(all.clone()));
    assert_eq!(stored::encode_reveals(&Reveals::default()), None);
    assert_eq!(
        stored::decode_progress(&stored::encode_progress(45)),
        Some(45)
    );
    let snapshot = stored::encode_snapshot("llv-1995", 45, Some(10), &all);
    assert_eq!(
        stored::decode_snapshot(&snapshot, "llv-1995", Some(10)),
        Some((Some(45), all.clone()))
    );
    assert_eq!(
        stored::decode_snapshot(&snapshot, "llv", Some(10)),
        None,
        "of another movie"
    );
    // The page changed the attribute since: its progress applies, the
    // reader's reveals stay.
    assert_eq!(
        stored::decode_snapshot(&snapshot, "llv-1995", Some(60)),
        Some((None, all.clone()))
    );
    assert_eq!(
        stored::decode_snapshot(&snapshot, "llv-1995", None),
        Some((None, all))
    );
}

#[test]
fn the_largest_legitimate_value_is_read() {
    use spoiler_card::model::limits;
    let id = |kind: char, i: usize| format!("{kind}{i:0>99}");
    let mut items: Vec<ItemKey> = (0..limits::TIMELINE)
        .map(|i| ItemKey::Event(id('e', i).into()))
        .collect();
    items.extend((0..limits::CHARACTERS).map(|i| ItemKey::Arc(id('a', i).into())));
    let all = reveals(true, true, &items);
    let text = stored::encode_reveals(&all).unwrap();
    assert!(text.len() <= MAX_VALUE_BYTES, "{} bytes", text.len());
    assert_eq!(stored::decode_reveals(&text), Some(all));
}

#[test]
fn old_and_broken_values_reveal_nothing() {
    // The first format named items by position ("e3": the fourth event);
    // its values are dropped.
    for old in ["e3,a1,plot", "plot", "e0", ""] {
        assert_eq!(stored::decode_reveals(old), None, "{old:?}");
    }
    // Non-ASCII first characters once trapped the wasm (`split_at(1)`).
    // Whatever keys junk decodes to, the movie has no such item.
    let movie = example();
    for text in [
        "é1",
        "😀",
        "2:é1",
        "2:e:é",
        "2:a😀",
        "2:e:",
        "2:e:#12",
        "2:e:#0123456789ABCDEF",
        "2:x,,y",
        "2:e:0,a:1",
    ] {
        let decoded = stored::decode_reveals(text).unwrap_or_default();
        assert!(
            !decoded.plot && !decoded.everything,
            "{text:?} gave {decoded:?}"
        );
        assert_eq!(known_items(&movie, decoded.items), vec![], "{text:?}");
    }
    // A real key of the movie does reveal it.
    let key = movie.timeline[3].key.clone();
    let decoded = stored::decode_reveals(&format!("2:e:{key},e:{key}x")).unwrap();
    assert_eq!(
        known_items(&movie, decoded.items),
        vec![ItemKey::Event(key)]
    );
    assert_eq!(
        stored::decode_reveals(&format!("2:plot,{}", "e:x,".repeat(MAX_VALUE_BYTES))),
        None,
        "megabytes are not ours"
    );
    for text in ["-1", "+4", "1e3", "٤٥", "65536", "", "4 5", "45.0"] {
        assert_eq!(stored::decode_progress(text), None, "{text:?}");
    }
    assert_eq!(stored::decode_progress(" 45\n"), Some(45));
}

fn item_key() -> impl Strategy<Value = ItemKey> {
    let key = prop_oneof!["[a-z0-9-]{1,100}", "#[0-9a-f]{16}"];
    prop_oneof![
        key.clone().prop_map(|k| ItemKey::Event(k.as_str().into())),
        key.prop_map(|k| ItemKey::Arc(k.as_str().into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any string in any key: decoding never panics, every key it names
    /// is in the text, and the movie keeps only keys it has.
    #[test]
    fn any_string_decodes_without_harm(text in any::<String>(), tagged in any::<bool>()) {
        let text = if tagged { format!("2:{text}") } else { text };
        let _ = stored::decode_progress(&text);
        let _ = stored::decode_snapshot(&text, "x", None);
        if let Some(decoded) = stored::decode_reveals(&text) {
            for item in &decoded.items {
                let (ItemKey::Event(key) | ItemKey::Arc(key)) = item;
                prop_assert!(!key.is_empty() && text.contains(&**key));
            }
            prop_assert_eq!(known_items(&example(), decoded.items), vec![]);
        }
    }

    /// Strings made of the format's own pieces: the same.
    #[test]
    fn near_miss_strings_decode_without_harm(text in "(2:|e:|a:|plot|all|,|#|[0-9a-f]|é|😀|;){0,40}") {
        let _ = stored::decode_reveals(&text);
        let _ = stored::decode_snapshot(&text, "2:", Some(1));
    }

    /// What the card writes, it reads back.
    #[test]
    fn reveals_round_trip(plot in any::<bool>(), everything in any::<bool>(), items in prop::collection::vec(item_key(), 0..20), progress in any::<u16>()) {
        let written = reveals(plot, everything, &items);
        let text = stored::encode_reveals(&written);
        prop_assert_eq!(text.is_none(), !plot && !everything && items.is_empty());
        prop_assert_eq!(stored::decode_reveals(&text.unwrap_or_else(|| "2:".into())).unwrap(), written.clone());
        let snapshot = stored::encode_snapshot("id", progress, Some(progress / 2), &written);
        prop_assert_eq!(stored::decode_snapshot(&snapshot, "id", Some(progress / 2)), Some((Some(progress), written)));
    }
}
