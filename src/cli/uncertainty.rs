//! The arguments of the commands about uncertainty and weighting: `simulate`,
//! `robustness` and `weights`.

use super::{AnalysisFormat, ChangeArgs, ReportArgs};
use clap::Args;

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
