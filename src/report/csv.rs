//! CSV (RFC 4180) for spreadsheets. Every CSV resiplan writes goes through
//! [`record`]: the plan and the ranking here (one row per measure, a header row
//! in the report language), and `frontier`'s table. Numbers have a `.` decimal
//! point in every language.
//!
//! Text is cleaned first (control characters other than line breaks and tabs become
//! spaces), then checked: a cell a spreadsheet would read as a formula (`=`, `+`, `-`,
//! `@` at the start or after blanks, tab or CR at the start) gets a leading `'`, then
//! it is quoted where it must be. Numeric cells are never changed, so they stay numbers
//! (amounts are non-negative, so none starts with `-`).

use super::lang::Label;
use super::view::{self, MeasureRow, PlanView};
use crate::model::{Language, Portfolio};
use crate::score::Scores;

/// RFC 4180 ends records with CRLF.
const RECORD_END: &str = "\r\n";

/// One cell: text from the portfolio or the report, or a number in a fixed format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text: control characters become spaces, formulas are neutralised, and the field is
    /// quoted when it needs to be.
    Text(String),
    /// A number as written by [`Cell::fixed`], [`Cell::trimmed`] or [`Cell::integer`] (or
    /// empty): never changed, so that a spreadsheet reads it as a number.
    Number(String),
}

impl Cell {
    /// A text cell.
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// A number with `decimals` decimals and a `.` point, no grouping (Rust's formatting
    /// does not depend on the locale). Negative zero prints as zero.
    pub fn fixed(value: f64, decimals: usize) -> Cell {
        let value = if value == 0.0 { 0.0 } else { value };
        Cell::Number(format!("{value:.decimals$}"))
    }

    /// A number with up to 6 decimals, trailing zeros trimmed: `0.5`, `2550000`.
    pub fn trimmed(value: f64) -> Cell {
        let text = format!("{value:.6}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        Cell::Number(if text == "-0" {
            "0".to_owned()
        } else {
            text.to_owned()
        })
    }

    /// A count.
    pub fn integer(value: usize) -> Cell {
        Cell::Number(value.to_string())
    }

    /// An empty cell where a number has no value: a spreadsheet reads it as blank, not 0.
    pub fn empty() -> Cell {
        Cell::Number(String::new())
    }
}

/// Prefixes text that a spreadsheet would run as a formula with `'`: one that starts with
/// `=`, `+`, `-`, `@`, a tab or CR, or with one of the first four after blanks (which an
/// import may trim).
pub fn neutralise(text: &str) -> String {
    let formula = ['=', '+', '-', '@'];
    if text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches([' ', '\t', '\r', '\n'])
            .starts_with(formula)
    {
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

/// One record (a line ending in CRLF): the one way every CSV of resiplan writes its cells.
pub fn record(cells: Vec<Cell>) -> String {
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
            Cell::text(format!("{} {}{unit}", label.text(language), r.id.value))
        })
        .collect()
}

/// Amounts (two decimals) per resource.
fn amounts(values: &[f64]) -> impl Iterator<Item = Cell> + '_ {
    values.iter().map(|v| Cell::fixed(*v, 2))
}

/// The plan: one row per measure, in roadmap order.
pub fn plan(view: &PlanView<'_>) -> String {
    let language = view.language;
    let t = |l: Label| Cell::text(l.text(language));
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
            Cell::text(row.id),
            Cell::text(row.name),
            Cell::text(row.area.unwrap_or_default()),
            Cell::text(row.status.map_or("", |s| view.status_text(s))),
            Cell::text(start),
            Cell::text(finish),
            Cell::integer(row.duration as usize),
        ];
        cells.extend(amounts(&row.cost));
        cells.extend(amounts(&row.run_cost));
        cells.extend([
            Cell::fixed(row.value, 4),
            Cell::integer(row.rank),
            Cell::text(
                row.reason
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ]);
        out.push_str(&record(cells));
    }
    out
}

/// The ranking: one row per measure, by rank.
pub fn rank(portfolio: &Portfolio, scores: &Scores, language: Language) -> String {
    let t = |l: Label| Cell::text(l.text(language));
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
        Cell::integer(row.rank),
        Cell::text(row.id),
        Cell::text(row.name),
        Cell::text(row.area.unwrap_or_default()),
        Cell::fixed(row.value, 4),
        // Empty when the measure costs no money.
        row.value_per_million
            .map_or_else(Cell::empty, |v| Cell::fixed(v, 4)),
        Cell::fixed(row.enabler_value, 4),
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
        // Checked after cleaning: a control character first becomes a blank, which an
        // import may trim.
        assert_eq!(neutralise(" =cmd"), "' =cmd");
        assert_eq!(
            record(vec![Cell::text("\u{1}=cmd"), Cell::text("\n@x")]),
            "' =cmd,\"'\n@x\"\r\n"
        );
        let line = record(vec![
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::fixed(1500.0, 2),
            Cell::integer(3),
            Cell::trimmed(0.000_002_6),
            Cell::empty(),
        ]);
        assert_eq!(line, "\"'=HYPERLINK(\"\"x\"\")\",1500.00,3,0.000003,\r\n");
    }

    #[test]
    fn numbers_have_a_point_and_no_negative_zero() {
        let number = |cell: Cell| match cell {
            Cell::Number(n) => n,
            Cell::Text(t) => panic!("text {t}"),
        };
        assert_eq!(number(Cell::fixed(-0.0, 2)), "0.00");
        assert_eq!(number(Cell::fixed(1_234_567.5, 2)), "1234567.50");
        assert_eq!(number(Cell::fixed(2.0 / 3.0, 4)), "0.6667");
        assert_eq!(number(Cell::trimmed(2_550_000.0)), "2550000");
        assert_eq!(number(Cell::trimmed(-0.000_000_1)), "0");
        assert_eq!(number(Cell::trimmed(1.5)), "1.5");
    }
}
