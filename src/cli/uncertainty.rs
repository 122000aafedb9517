//! The arguments of the commands about uncertainty and weighting: `simulate`,
//! `robustness` and `weights`.

use super::{AnalysisFormat, ChangeArgs, CsvDialect, ReportArgs};
use clap::{Args, ValueEnum, ValueHint};
use resiplan::schedule::search::Effort;

/// Output of `simulate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SimulateFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per resource and period, `.` as decimal point.
    Csv,
    /// One self-contained HTML page with a fan chart and finish ranges.
    Html,
}

/// Output of `robustness`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RobustnessFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per measure, `.` as decimal point.
    Csv,
}

/// Options of `simulate`.
#[derive(Debug, Args)]
pub(crate) struct SimulateArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SimulateFormat::Table)]
    pub format: SimulateFormat,
    /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
    #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
    pub csv_dialect: CsvDialect,
    /// Report options.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Number of runs (1 to 100,000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000), value_hint = ValueHint::Other)]
    pub runs: u32,
    /// Seed of the draws: the same seed gives the same numbers on every machine.
    #[arg(long, default_value_t = 1, value_hint = ValueHint::Other)]
    pub seed: u64,
    /// Search effort of the roadmap that is simulated (as for `plan`).
    #[arg(long, default_value = "normal", value_parser = super::parse::EffortParser)]
    pub effort: Effort,
    /// How much the estimates of measures in the same `area` move together: the rank
    /// correlation of their draws, from 0 (each on its own) to 1 (one draw per area).
    #[arg(long, value_name = "RHO", default_value = "0", value_parser = super::parse::parse_correlation, value_hint = ValueHint::Other)]
    pub area_correlation: f64,
    /// Threads to run on (default: every core); the numbers do not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024), value_hint = ValueHint::Other)]
    pub threads: Option<u32>,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
}

/// Options of `robustness`.
#[derive(Debug, Args)]
pub(crate) struct RobustnessArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RobustnessFormat::Table)]
    pub format: RobustnessFormat,
    /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
    #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
    pub csv_dialect: CsvDialect,
    /// Report options.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Number of re-plans (1 to 10,000).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=10_000), value_hint = ValueHint::Other)]
    pub runs: u32,
    /// How far each dimension weight may move, in percent of it (0 to 100; 0 varies the
    /// estimates only).
    #[arg(long, value_name = "PERCENT", default_value = "20", value_parser = super::parse::parse_percent, value_hint = ValueHint::Other)]
    pub weights_spread: f64,
    /// Seed of the draws: the same seed gives the same numbers on every machine.
    #[arg(long, default_value_t = 1, value_hint = ValueHint::Other)]
    pub seed: u64,
    /// Search effort of every re-plan (`quick` by default: hundreds of re-plans).
    #[arg(long, default_value = "quick", value_parser = super::parse::EffortParser)]
    pub effort: Effort,
    /// Threads to run on (default: every core); the numbers do not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024), value_hint = ValueHint::Other)]
    pub threads: Option<u32>,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
}

/// Options of `weights`.
#[derive(Debug, Args)]
pub(crate) struct WeightsArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = AnalysisFormat::Table)]
    pub format: AnalysisFormat,
    /// Report options.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
}
