//! What the CLI's integration tests share.

use std::process::Command;

/// Runs the binary `exe` with `args` in the project folder: exit code,
/// stdout, stderr.
pub fn run_in_project(exe: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(exe)
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
