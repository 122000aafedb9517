//! Settings of `simulate` and `robustness`, converted from their arguments.

use super::{Portfolio, Report};
use crate::cli::{RobustnessArgs, SimulateArgs, uncertainty as cli};
use resiplan::schedule::Options;

/// Formats of `simulate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SimulateFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
    /// HTML with charts.
    Html,
}

/// Formats of `robustness`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RobustnessFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// `simulate FILE`.
#[derive(Debug)]
pub(crate) struct Simulate {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// Runs, seed and threads.
    pub simulation: resiplan::analysis::simulate::Settings,
    /// How the roadmap is planned.
    pub options: Options,
    /// `--csv-dialect`.
    pub csv: resiplan::report::csv::Dialect,
    /// The report.
    pub report: Report<SimulateFormat>,
}

/// `robustness FILE`.
#[derive(Debug)]
pub(crate) struct Robustness {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// Runs, spread, seed and threads.
    pub robustness: resiplan::analysis::robustness::Settings,
    /// How every re-plan searches.
    pub options: Options,
    /// `--csv-dialect`.
    pub csv: resiplan::report::csv::Dialect,
    /// The report.
    pub report: Report<RobustnessFormat>,
}

/// `simulate`'s format.
pub(super) fn simulate_format(format: cli::SimulateFormat) -> SimulateFormat {
    match format {
        cli::SimulateFormat::Table => SimulateFormat::Table,
        cli::SimulateFormat::Markdown => SimulateFormat::Markdown,
        cli::SimulateFormat::Json => SimulateFormat::Json,
        cli::SimulateFormat::Csv => SimulateFormat::Csv,
        cli::SimulateFormat::Html => SimulateFormat::Html,
    }
}

/// `robustness`'s format.
pub(super) fn robustness_format(format: cli::RobustnessFormat) -> RobustnessFormat {
    match format {
        cli::RobustnessFormat::Table => RobustnessFormat::Table,
        cli::RobustnessFormat::Markdown => RobustnessFormat::Markdown,
        cli::RobustnessFormat::Json => RobustnessFormat::Json,
        cli::RobustnessFormat::Csv => RobustnessFormat::Csv,
    }
}

/// `simulate`'s runs and the search of the roadmap it simulates.
pub(super) fn simulation(args: &SimulateArgs) -> (resiplan::analysis::simulate::Settings, Options) {
    (
        resiplan::analysis::simulate::Settings {
            runs: args.runs as usize,
            seed: args.seed,
            threads: args.threads.map_or(0, |t| t as usize),
            area_correlation: args.area_correlation,
        },
        // The roadmap `plan --effort E` prints: its search seed is `plan`'s default.
        Options {
            effort: args.effort,
            ..Options::default()
        },
    )
}

/// `robustness`'s runs and the search of every re-plan.
pub(super) fn robustness(
    args: &RobustnessArgs,
) -> (resiplan::analysis::robustness::Settings, Options) {
    (
        resiplan::analysis::robustness::Settings {
            runs: args.runs as usize,
            weights_spread: args.weights_spread,
            seed: args.seed,
            threads: args.threads.map_or(0, |t| t as usize),
        },
        Options {
            effort: args.effort,
            ..Options::default()
        },
    )
}
