//! CSV (RFC 4180) for spreadsheets: one row per measure, a header row in the
//! report language, numbers with a `.` decimal point in every language.
//!
//! Text cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`,
//! tab, CR at the start) get a leading `'`; numeric cells are never changed,
//! so they stay numbers (amounts are non-negative, so none starts with `-`).

use super::lang::{self, Label};
use super::view::{self, MeasureRow, PlanView};
use crate::model::{Language, Portfolio};
use crate::score::Scores;

/// RFC 4180 ends records with CRLF.
const RECORD_END: &str = "\r\n";

/// One cell: text from the portfolio or the report, or a number in a fixed format.
enum Cell {
    Text(String),
    Number(String),
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// A number with `decimals` decimals and a `.` point, no grouping (Rust's formatting does not
/// depend on the locale). Negative zero prints as zero.
fn number(value: f64, decimals: usize) -> Cell {
    let value = if value == 0.0 { 0.0 } else { value };
    Cell::Number(format!("{value:.decimals$}"))
}

fn integer(value: usize) -> Cell {
    Cell::Number(value.to_string())
}

/// Prefixes text that a spreadsheet would run as a formula with `'`.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Quotes a field that holds a comma, a quote, CR or LF; doubles the quotes inside.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn record(cells: Vec<Cell>) -> String {
    let fields: Vec<String> = cells
        .into_iter()
        .map(|cell| match cell {
            // Control characters other than line breaks and tabs would reach a terminal.
            Cell::Text(t) => {
                let t: String = t
                    .chars()
                    .map(|c| {
                        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect();
                quote(&neutralise(&t))
            }
            Cell::Number(n) => n,
        })
        .collect();
    fields.join(",") + RECORD_END
}

/// Header cells `Kosten budget (EUR)` for every resource.
fn resource_headers(portfolio: &Portfolio, language: Language, label: Label) -> Vec<Cell> {
    portfolio
        .resources
        .iter()
        .map(|r| {
            let unit = r
                .unit
                .as_deref()
                .map_or(String::new(), |u| format!(" ({u})"));
            text(format!(
                "{} {}{unit}",
                lang::text(language, label),
                r.id.value
            ))
        })
        .collect()
}

/// Amounts (two decimals) per resource.
fn amounts(values: &[f64]) -> impl Iterator<Item = Cell> + '_ {
    values.iter().map(|v| number(*v, 2))
}

/// The plan: one row per measure, in roadmap order.
pub fn plan(view: &PlanView<'_>) -> String {
    let language = view.language;
    let t = |l| text(lang::text(language, l));
    let portfolio = view.portfolio;
    let calendar = &portfolio.calendar;
    let mut header = vec![
        t(Label::Id),
        t(Label::Measure),
        t(Label::Area),
        t(Label::Status),
        t(Label::Start),
        t(Label::Finish),
        t(Label::Duration),
    ];
    header.extend(resource_headers(portfolio, language, Label::Cost));
    header.extend(resource_headers(portfolio, language, Label::RunCost));
    header.extend([t(Label::Value), t(Label::Rank), t(Label::Reason)]);
    let mut out = record(header);
    for row in view.rows() {
        let (start, finish) = row
            .periods
            .map_or((String::new(), String::new()), |(s, f)| {
                (calendar.label(s).to_string(), calendar.label(f).to_string())
            });
        let mut cells = vec![
            text(row.id),
            text(row.name),
            text(row.area.unwrap_or_default()),
            text(row.status.map_or("", |s| view.status_text(s))),
            text(start),
            text(finish),
            integer(row.duration as usize),
        ];
        cells.extend(amounts(&row.cost));
        cells.extend(amounts(&row.run_cost));
        cells.extend([
            number(row.value, 4),
            integer(row.rank),
            text(row.reason.clone().unwrap_or_default()),
        ]);
        out.push_str(&record(cells));
    }
    out
}

/// The ranking: one row per measure, by rank.
pub fn rank(portfolio: &Portfolio, scores: &Scores, language: Language) -> String {
    let t = |l| text(lang::text(language, l));
    let mut header = vec![
        t(Label::Rank),
        t(Label::Id),
        t(Label::Measure),
        t(Label::Area),
        t(Label::Value),
        t(Label::ValuePerMillion),
        t(Label::Enables),
    ];
    header.extend(resource_headers(portfolio, language, Label::Cost));
    header.extend(resource_headers(portfolio, language, Label::RunCost));
    let mut out = record(header);
    for row in view::rank_rows(portfolio, scores, language) {
        out.push_str(&record(rank_cells(&row)));
    }
    out
}

fn rank_cells(row: &MeasureRow<'_>) -> Vec<Cell> {
    let mut cells = vec![
        integer(row.rank),
        text(row.id),
        text(row.name),
        text(row.area.unwrap_or_default()),
        number(row.value, 4),
        // An empty cell when the measure costs no money: a spreadsheet reads it as blank, not 0.
        row.value_per_million
            .map_or(Cell::Number(String::new()), |v| number(v, 4)),
        number(row.enabler_value, 4),
    ];
    cells.extend(amounts(&row.cost));
    cells.extend(amounts(&row.run_cost));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_quotes_or_line_breaks_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("cr\r"), "\"cr\r\"");
    }

    #[test]
    fn formulas_are_neutralised_in_text_but_numbers_stay_numbers() {
        for formula in ["=cmd", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        assert_eq!(neutralise("a=b"), "a=b");
        let line = record(vec![
            text("=HYPERLINK(\"x\")"),
            number(1500.0, 2),
            integer(3),
        ]);
        assert_eq!(line, "\"'=HYPERLINK(\"\"x\"\")\",1500.00,3\r\n");
    }

    #[test]
    fn numbers_have_a_point_and_no_negative_zero() {
        assert!(matches!(number(-0.0, 2), Cell::Number(n) if n == "0.00"));
        assert!(matches!(number(1_234_567.5, 2), Cell::Number(n) if n == "1234567.50"));
        assert!(matches!(number(2.0 / 3.0, 4), Cell::Number(n) if n == "0.6667"));
    }
}
