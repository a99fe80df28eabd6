//! A stand-in for `console_error_panic_hook` (see Cargo.toml): the same
//! two functions; in release builds the hook does nothing, as no panic
//! reaches it there.

use std::panic::PanicHookInfo;

/// Prints the panic to the console (debug builds only).
pub fn hook(info: &PanicHookInfo<'_>) {
    if cfg!(debug_assertions) {
        web_sys::console::error_1(&info.to_string().into());
    }
}

/// Installs [`hook`] once.
pub fn set_once() {
    use std::sync::Once;
    static SET: Once = Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
