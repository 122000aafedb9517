//! Command-line arguments (clap derive). Converted to typed settings in `run`; no clap type leaves here.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// resiplan turns a portfolio of measures into a prioritized, budget-feasible roadmap.
#[derive(Debug, Parser)]
#[command(name = "resiplan", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate portfolios and catalogs; print one summary line per clean file.
    ///
    /// Problems go to stderr with file:line:column, the source line and a fix;
    /// the exit code is 1 when any file has an error.
    Check {
        /// Portfolio or catalog files (`-` reads standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format for diagnostics and summaries.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
}

/// Output of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable text (summaries on stdout, diagnostics on stderr).
    Text,
    /// One JSON document on stdout.
    Json,
}
