//! `status`'s arguments as settings.

use super::{Options, Portfolio, Report};
use crate::cli::status::StatusFormat as CliFormat;

/// Formats of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StatusFormat {
    /// Terminal table.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// HTML.
    Html,
}

/// The settings' format of `status --format`.
pub(super) fn format(format: CliFormat) -> StatusFormat {
    match format {
        CliFormat::Table => StatusFormat::Table,
        CliFormat::Markdown => StatusFormat::Markdown,
        CliFormat::Json => StatusFormat::Json,
        CliFormat::Html => StatusFormat::Html,
    }
}

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
