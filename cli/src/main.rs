//! `spoiler-card check | render | css`: see the usage in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = spoiler_card_cli::run_os(
        std::env::args_os().skip(1),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(code as u8)
}
