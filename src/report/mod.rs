//! Reports: render a finished plan, ranking or analysis. They format, never compute.
//!
//! One file per format for the plan (`table`, `markdown`, `json`, `csv`, `mermaid`,
//! `html` with `svg`), one file per analysis command (`compare`, `explain`, `frontier`)
//! built as a [`document::Document`] for the terminal and Markdown, and one folder of
//! JSON reports that share one envelope. German and English text comes from [`lang`],
//! numbers in the language's style from [`number`]. No module here imports one that
//! imports it back.

pub mod annotations;
pub mod budget;
pub mod budget_csv;
pub mod catalog;
pub mod compare;
pub mod compare_csv;
pub mod compare_summary;
pub mod counterfactual;
pub mod csv;
pub mod document;
pub mod documents;
pub mod dot;
pub mod explain;
pub mod frontier;
pub mod gates;
pub mod html;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod markup;
pub mod mermaid;
pub mod moves;
pub mod number;
pub(crate) mod objective_words;
pub mod provenance;
pub mod robustness;
pub mod simulate;
pub mod status;
pub mod svg;
pub mod sweep;
pub mod table;
pub mod text;
pub mod view;
pub mod weights;
pub mod words;

use crate::model::{Language, Portfolio};
use crate::score::Scores;
use provenance::Provenance;
use view::{GraphView, PlanView};

/// Output format of `plan` and `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal table.
    Table,
    /// Markdown document.
    Markdown,
    /// JSON document.
    Json,
    /// CSV for spreadsheets (RFC 4180).
    Csv,
    /// Mermaid Gantt chart (plan only).
    Mermaid,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// Output format of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Mermaid flowchart.
    Mermaid,
    /// Graphviz DOT.
    Dot,
}

/// A report that a command cannot write in the format asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`rank` has no {format} form: use table, markdown, json, csv or html")]
pub struct Unsupported {
    /// The format asked for.
    pub format: &'static str,
}

/// Renders a plan; `width` is the terminal width for tables; CSV in the machine dialect
/// ([`csv::plan`] takes another).
pub fn plan(format: Format, view: &PlanView<'_>, width: u16) -> String {
    match format {
        Format::Table => table::printable(table::plan(view, width)),
        Format::Markdown => markdown::plan(view),
        Format::Json => json::plan(view),
        Format::Csv => csv::plan(view, csv::Dialect::Machine),
        Format::Mermaid => mermaid::plan(view),
        Format::Html => html::plan(view),
    }
}

/// Renders the dependency graph.
pub fn graph(format: GraphFormat, view: &GraphView<'_>) -> String {
    match format {
        GraphFormat::Mermaid => mermaid::graph(view),
        GraphFormat::Dot => dot::graph(view),
    }
}

/// Renders a ranking; a Gantt chart of a ranking does not exist. CSV in the machine
/// dialect ([`csv::rank`] takes another).
pub fn rank(
    format: Format,
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    provenance: &Provenance,
    width: u16,
) -> Result<String, Unsupported> {
    let ranking = view::ranking(portfolio, scores, language);
    let wins = crate::analysis::quick_wins::quick_wins(portfolio, scores);
    let quick = view::quick_wins_table(portfolio, language, &wins, None);
    Ok(match format {
        Format::Table => table::printable(format!(
            "{}\n\n{}{}{}\n",
            portfolio.name,
            ranking
                .iter()
                .map(|r| table::table(r, width))
                .collect::<String>(),
            quick
                .as_ref()
                .map_or(String::new(), |q| table::table(q, width)),
            provenance.line()
        )),
        Format::Markdown => format!(
            "# {}\n\n{}{}<sub>{}</sub>\n",
            markdown::escape(&portfolio.name),
            ranking.iter().map(markdown::table).collect::<String>(),
            quick.as_ref().map_or(String::new(), markdown::table),
            markdown::escape(&provenance.line())
        ),
        Format::Json => json::rank(portfolio, scores, language, provenance),
        Format::Csv => csv::rank(portfolio, scores, language, csv::Dialect::Machine),
        Format::Html => html::rank(portfolio, &ranking, quick.as_ref(), language, provenance),
        Format::Mermaid => return Err(Unsupported { format: "mermaid" }),
    })
}
