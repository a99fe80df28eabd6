//! The storage codec on any stored string: never a panic, and what it
//! decodes encodes back to a value that decodes the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spoiler_card::stored;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = stored::decode_progress(&text);
    let _ = stored::decode_snapshot(&text, "movie", Some(5));
    if let Some(reveals) = stored::decode_reveals(&text) {
        if let Some(again) = stored::encode_reveals(&reveals) {
            assert_eq!(stored::decode_reveals(&again), Some(reveals));
        }
    }
});
