//! `spoiler-card check | render | css`: see the usage in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = spoiler_card_cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code as u8)
}
