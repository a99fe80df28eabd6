//! The `spoiler-card` CLI for Node, as WebAssembly: the npm package's bin
//! and its Node API (`node/index.mjs` in the package) call [`run`] with
//! the arguments and a host that reads and writes files with `node:fs`.
//! The same code as the native CLI, so the same output, byte for byte.
#![deny(missing_docs)]

use std::cell::RefCell;

use spoiler_card_cli::Files;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The files, from JS (`node/host.mjs`): each method throws a string,
    /// the reason as the native CLI words it, when it cannot.
    #[derive(Clone)]
    pub type Host;

    /// Up to `max` bytes of `path`.
    #[wasm_bindgen(method, catch)]
    fn read(this: &Host, path: &str, max: u32) -> Result<Vec<u8>, JsValue>;

    /// The size of `path` in bytes, or -1.
    #[wasm_bindgen(method)]
    fn size(this: &Host, path: &str) -> f64;

    /// Writes `bytes` into `dir/name`, making `dir` if missing.
    #[wasm_bindgen(method, catch)]
    fn write(this: &Host, dir: &str, name: &str, bytes: &[u8]) -> Result<(), JsValue>;

    /// Told a panic's message before the instance aborts (no input should
    /// reach one): the JS side reports it, and runs nothing more on the
    /// aborted instance.
    #[wasm_bindgen(method)]
    fn panicked(this: &Host, message: &str);
}

thread_local! {
    /// The host of the run under way, for the panic hook.
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// Reports a panic to the run's host (the hook is set when the module
/// starts).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        HOST.with(|host| {
            if let Ok(host) = host.try_borrow() {
                if let Some(host) = host.as_ref() {
                    host.panicked(&info.to_string());
                }
            }
        });
    }));
}

/// What a run printed, and its exit code.
#[wasm_bindgen(getter_with_clone)]
pub struct Outcome {
    /// 0 done, 1 the data has errors (or a file cannot be read or
    /// written), 2 bad usage.
    pub code: i32,
    /// What the CLI printed to standard output.
    pub stdout: String,
    /// What the CLI printed to standard error.
    pub stderr: String,
}

/// Runs the CLI with `args` (without the program name).
#[wasm_bindgen]
pub fn run(args: Vec<String>, host: &Host) -> Outcome {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    HOST.with(|slot| *slot.borrow_mut() = Some(host.clone()));
    // Node decodes arguments that are not UTF-8 with U+FFFD: the native
    // CLI refuses them, and so does this one (rather than open another file).
    let code = match args.iter().find(|arg| arg.contains('\u{FFFD}')) {
        Some(lossy) => spoiler_card_cli::not_utf8(lossy, &mut stderr),
        None => spoiler_card_cli::run_with(&NodeFiles(host), &args, &mut stdout, &mut stderr),
    };
    HOST.with(|slot| *slot.borrow_mut() = None);
    Outcome {
        code,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

struct NodeFiles<'a>(&'a Host);

fn reason(error: JsValue) -> String {
    error
        .as_string()
        .unwrap_or_else(|| "unknown error".to_owned())
}

impl Files for NodeFiles<'_> {
    fn read(&self, path: &str, max: usize) -> Result<Vec<u8>, String> {
        let max = u32::try_from(max).unwrap_or(u32::MAX);
        self.0.read(path, max).map_err(reason)
    }

    fn size(&self, path: &str) -> Option<u64> {
        let size = self.0.size(path);
        (size >= 0.0).then_some(size as u64)
    }

    fn write(&self, dir: &str, name: &str, bytes: &[u8]) -> Result<(), String> {
        self.0.write(dir, name, bytes).map_err(reason)
    }
}
