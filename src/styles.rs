//! The card's CSS, compiled in and shared by every card as one
//! constructable stylesheet (a strict CSP blocks `<style>` elements).

use std::cell::OnceCell;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

/// All component stylesheets (assets/css/), concatenated and minified by
/// build.rs.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.css"));

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adopts the shared stylesheet into `root`. Returns false when the
/// browser lacks constructable stylesheets.
pub fn adopt(root: &ShadowRoot) -> bool {
    SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        });
        match sheet {
            Some(sheet) => {
                let list = js_sys::Array::of1(&JsValue::from(sheet.clone()));
                root.set_adopted_style_sheets(&list.into());
                true
            }
            None => false,
        }
    })
}
