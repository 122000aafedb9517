//! `status`'s arguments as settings.

use super::{Options, Portfolio, Report};
use crate::cli::status::{StatusArgs, StatusFormat};

/// `status FILE`.
#[derive(Debug)]
pub(crate) struct Status {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The report.
    pub report: Report<StatusFormat>,
    /// Search options.
    pub options: Options,
    /// `--baseline`: the adopted plan.
    pub baseline: Option<std::path::PathBuf>,
}

impl Status {
    /// The settings of `status`'s arguments.
    pub(crate) fn from_cli(args: StatusArgs) -> Status {
        Status {
            report: super::from_cli::report(&args.report, args.format),
            portfolio: super::from_cli::portfolio(args.report, args.changes),
            options: super::from_cli::options(args.search),
            baseline: args.baseline,
        }
    }
}
