//! `spoiler-card-check FILE...`, the checker's old name: the same as
//! `spoiler-card check FILE...`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::iter::once("check".to_owned())
        .chain(std::env::args().skip(1))
        .collect();
    let code = spoiler_card_cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code as u8)
}
