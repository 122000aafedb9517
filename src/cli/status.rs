//! `resiplan status FILE [--baseline ROADMAP.json]`: where the programme stands.

use super::{ChangeArgs, ReportArgs, SearchArgs};
use clap::{Args, ValueEnum, ValueHint};
use std::path::PathBuf;

/// The arguments of `status`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
    /// The adopted plan (a previous `plan -f json`): also lists measures not started as
    /// adopted and the changes against it.
    #[arg(long, value_name = "ROADMAP.json", value_hint = ValueHint::FilePath)]
    pub baseline: Option<PathBuf>,
    /// Report options.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Output of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (renders on GitHub and GitLab).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// One self-contained HTML page.
    Html,
}
