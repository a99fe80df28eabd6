//! A stand-in for `console_error_panic_hook` (see Cargo.toml): the same
//! two functions. The hook prints the panic to the console, except where
//! no panic can ever reach it: builds whose panics abort at once
//! (`-Cpanic=immediate-abort`, the release build), so its formatting code
//! stays out of the bundle there.

use std::panic::PanicHookInfo;

/// Prints the panic to the console (any build whose panics reach a hook:
/// debug, and a release built with plain `panic = "abort"`).
pub fn hook(info: &PanicHookInfo<'_>) {
    #[allow(unexpected_cfgs)] // `immediate-abort` is a nightly panic strategy
    if !cfg!(panic = "immediate-abort") {
        web_sys::console::error_1(&info.to_string().into());
    }
}

/// Installs [`hook`] once.
pub fn set_once() {
    use std::sync::Once;
    static SET: Once = Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
