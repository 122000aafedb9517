//! The `resiplan` binary: parse the arguments, convert them to settings, run, and end with
//! the exit code of the outcome (the codes are in `resiplan::error::Exit`).

mod cli;
mod commands;
mod run;
mod settings;
mod terminal;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    terminal::configure(settings::Style::from_cli(&cli));
    let settings = settings::Settings::from_cli(cli);
    match run::run(settings) {
        Ok(()) => ExitCode::SUCCESS,
        // Prints the error chain once, in the form its kind needs.
        Err(err) => ExitCode::from(terminal::fail(&err)),
    }
}
