//! Reports: render a finished plan or ranking. One file per format; they format, never compute.

pub mod catalog;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod table;
pub mod view;

use crate::model::{Language, Portfolio};
use crate::score::Scores;
use view::PlanView;

/// Output format of `plan` and `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal table.
    Table,
    /// Markdown document.
    Markdown,
    /// JSON document.
    Json,
}

/// Renders a plan; `width` is the terminal width for tables.
pub fn plan(format: Format, view: &PlanView<'_>, width: u16) -> String {
    match format {
        Format::Table => table::plan(view, width),
        Format::Markdown => markdown::plan(view),
        Format::Json => json::plan(view),
    }
}

/// Renders a ranking.
pub fn rank(
    format: Format,
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    version: &str,
    width: u16,
) -> String {
    let ranking = view::ranking(portfolio, scores, language);
    match format {
        Format::Table => format!("{}\n\n{}", portfolio.name, table::table(&ranking, width)),
        Format::Markdown => format!(
            "# {}\n\n{}",
            markdown::escape(&portfolio.name),
            markdown::table(&ranking)
        ),
        Format::Json => json::rank(portfolio, scores, language, version),
    }
}
