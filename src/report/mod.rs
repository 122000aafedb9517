//! Reports: render a finished plan or ranking. One file per format; they format, never compute.

pub mod analysis;
pub mod catalog;
pub mod csv;
pub mod document;
pub mod dot;
pub mod html;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod mermaid;
pub mod provenance;
pub mod svg;
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

/// Text for a terminal: control characters from portfolio text (escape sequences that
/// could retitle the terminal or hide lines) become `�`; line breaks and tabs stay.
pub fn printable(text: String) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Renders a plan; `width` is the terminal width for tables.
pub fn plan(format: Format, view: &PlanView<'_>, width: u16) -> String {
    match format {
        Format::Table => printable(table::plan(view, width)),
        Format::Markdown => markdown::plan(view),
        Format::Json => json::plan(view),
        Format::Csv => csv::plan(view),
        Format::Mermaid => mermaid::plan(view),
        Format::Html => html::plan(view),
    }
}

/// Renders the dependency graph.
pub fn graph(format: GraphFormat, view: &view::GraphView<'_>) -> String {
    match format {
        GraphFormat::Mermaid => mermaid::graph(view),
        GraphFormat::Dot => dot::graph(view),
    }
}

/// Renders a ranking; a Gantt chart of a ranking does not exist.
pub fn rank(
    format: Format,
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    provenance: &crate::report::provenance::Provenance,
    width: u16,
) -> Result<String, Unsupported> {
    let ranking = view::ranking(portfolio, scores, language);
    Ok(match format {
        Format::Table => printable(format!(
            "{}\n\n{}{}\n",
            portfolio.name,
            table::table(&ranking, width),
            provenance.line()
        )),
        Format::Markdown => format!(
            "# {}\n\n{}<sub>{}</sub>\n",
            markdown::escape(&portfolio.name),
            markdown::table(&ranking),
            markdown::escape(&provenance.line())
        ),
        Format::Json => json::rank(portfolio, scores, language, provenance),
        Format::Csv => csv::rank(portfolio, scores, language),
        Format::Html => html::rank(portfolio, &ranking, language, provenance),
        Format::Mermaid => return Err(Unsupported { format: "mermaid" }),
    })
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn terminal_text_loses_control_characters_but_keeps_lines() {
        assert_eq!(
            printable("a\u{1b}]0;pwned\u{7}b\n\tc".to_owned()),
            "a\u{FFFD}]0;pwned\u{FFFD}b\n\tc"
        );
        assert_eq!(printable("plain\n".to_owned()), "plain\n");
    }
}
