//! `spoiler-card-check FILE...`, the checker's old name: the same as
//! `spoiler-card check FILE...`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = std::iter::once("check".into()).chain(std::env::args_os().skip(1));
    let code = spoiler_card_cli::run_os(args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code as u8)
}
