//! `resiplan completions`: a shell completion script.

use crate::cli::Cli;
use crate::terminal;
use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// Prints the script for `shell`.
pub(crate) fn run(shell: Shell) -> Result<()> {
    // Generated into memory first: clap_complete panics on a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "resiplan", &mut script);
    Ok(terminal::print(&String::from_utf8_lossy(&script))?)
}
