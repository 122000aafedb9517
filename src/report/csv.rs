//! CSV (RFC 4180) for scripts and spreadsheets. Every CSV resiplan writes is a [`table`] of
//! [`Column`]s and [`Cell`]s, written in one of two [`Dialect`]s (`table` is the only way
//! out of this module: no writer can skip the dialect, the quoting or the neutralising):
//!
//! - [`Dialect::Machine`] (the default): a header of fixed, language-independent column ids
//!   (`id,name,area,status,…`), status codes (`scheduled`), `,` separators and numbers
//!   with a `.` decimal point, whatever `--lang` says. Names and reasons stay text in the
//!   portfolio's or report's language.
//! - [`Dialect::ExcelDe`] (`--csv-dialect excel-de`): what a German Excel opens correctly
//!   on a double click: a UTF-8 byte-order mark, `;` separators, decimal commas, German
//!   headers and status words.
//!
//! Both end records with CRLF.
//!
//! Text is cleaned first (control characters other than line breaks and tabs become
//! spaces), then checked: a cell a spreadsheet would read as a formula (`=`, `+`, `-`,
//! `@` at the start or after blanks, tab or CR at the start) gets a leading `'`, then
//! it is quoted where it must be. Numeric cells are never changed, so they stay numbers
//! (a negative one, such as `robustness`'s `leaning_difference`, is a number to a
//! spreadsheet, not a formula: only [`Cell::fixed`] and friends make them).

use super::lang::Label;
use super::view::{self, MeasureRow, PlanView, RowStatus};
use crate::model::{Language, Portfolio};
use crate::score::Scores;

/// RFC 4180 ends records with CRLF.
const RECORD_END: &str = "\r\n";

/// Who reads the CSV.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dialect {
    /// Scripts: column ids, status codes, `,` and a decimal point.
    #[default]
    Machine,
    /// A German spreadsheet: byte-order mark, `;`, decimal commas, German headers.
    ExcelDe,
}

impl Dialect {
    fn separator(self) -> char {
        match self {
            Dialect::Machine => ',',
            Dialect::ExcelDe => ';',
        }
    }
}

/// One column: its fixed id (the machine header) and its German header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// `cost_budget`: never translated.
    pub id: String,
    /// `Kosten budget (EUR)`.
    pub de: String,
}

impl Column {
    /// A column with its id and German header.
    pub fn new(id: impl Into<String>, de: impl Into<String>) -> Column {
        Column {
            id: id.into(),
            de: de.into(),
        }
    }
}

/// A whole CSV: the header row and one record per row, in the dialect.
pub fn table(columns: &[Column], rows: &[Vec<Cell>], dialect: Dialect) -> String {
    let mut out = String::new();
    if dialect == Dialect::ExcelDe {
        out.push('\u{feff}');
    }
    let header = columns.iter().map(|c| {
        Cell::text(match dialect {
            Dialect::Machine => c.id.as_str(),
            Dialect::ExcelDe => c.de.as_str(),
        })
    });
    out.push_str(&record_in(header.collect(), dialect));
    for row in rows {
        out.push_str(&record_in(row.clone(), dialect));
    }
    out
}

/// A status code (`not_scheduled`), or its German word for a spreadsheet.
pub fn status(code: &str, label: Label, dialect: Dialect) -> Cell {
    coded(code, label.text(Language::De), dialect)
}

/// A fixed code (`total`, `true`) in the machine dialect, its German word (`Summe`, `ja`)
/// for a spreadsheet.
pub fn coded(code: &str, de: &str, dialect: Dialect) -> Cell {
    Cell::text(match dialect {
        Dialect::Machine => code,
        Dialect::ExcelDe => de,
    })
}

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
fn neutralise(text: &str) -> String {
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

/// Quotes a field that holds the dialect's separator, a quote, CR or LF (`excel-de` also
/// quotes commas, which are decimal commas there).
fn quote_in(field: &str, dialect: Dialect) -> String {
    if field.contains([dialect.separator(), ',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// One record (a line ending in CRLF): the one way every CSV of resiplan writes its cells.
fn record_in(cells: Vec<Cell>, dialect: Dialect) -> String {
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
                quote_in(&neutralise(&t), dialect)
            }
            Cell::Number(n) => match dialect {
                Dialect::Machine => n,
                // Numbers have no grouping, so the point is the only one to change.
                Dialect::ExcelDe => n.replace('.', ","),
            },
        })
        .collect();
    fields.join(&dialect.separator().to_string()) + RECORD_END
}

/// Columns `cost_budget` / `Kosten budget (EUR)` for every resource.
fn resource_columns(portfolio: &Portfolio, id: &str, label: Label) -> Vec<Column> {
    // Run costs are per budget period (a Haushaltsjahr under quarters): the header says which.
    let text = label.text_for(Language::De, portfolio.calendar.budget_period);
    portfolio
        .resources
        .iter()
        .map(|r| {
            let unit = r
                .unit
                .as_deref()
                .map_or(String::new(), |u| format!(" ({u})"));
            Column::new(
                format!("{id}_{}", r.id.value),
                format!("{text} {}{unit}", r.id.value),
            )
        })
        .collect()
}

/// A column whose German header is a report label.
fn labelled(id: &str, label: Label) -> Column {
    Column::new(id, label.text(Language::De))
}

/// Amounts (two decimals) per resource.
fn amounts(values: &[f64]) -> impl Iterator<Item = Cell> + '_ {
    values.iter().map(|v| Cell::fixed(*v, 2))
}

/// The plan: one row per measure, in roadmap order.
pub fn plan(view: &PlanView<'_>, dialect: Dialect) -> String {
    let portfolio = view.portfolio;
    let calendar = &portfolio.calendar;
    let mut columns = vec![
        labelled("id", Label::Id),
        labelled("name", Label::Measure),
        labelled("area", Label::Area),
        labelled("status", Label::Status),
        labelled("start", Label::Start),
        labelled("finish", Label::Finish),
        labelled("duration", Label::Duration),
        Column::new("total_slack", "Puffer gesamt"),
        Column::new("free_slack", "Puffer frei"),
        Column::new("critical", "kritisch"),
    ];
    columns.extend(resource_columns(portfolio, "cost", Label::Cost));
    columns.extend(resource_columns(portfolio, "run_cost", Label::RunCost));
    columns.extend([
        labelled("value", Label::Value),
        labelled("rank", Label::Rank),
        labelled("reason", Label::Reason),
    ]);
    let rows: Vec<Vec<Cell>> = view
        .rows()
        .into_iter()
        .map(|row| {
            let (start, finish) = row
                .periods
                .map_or((String::new(), String::new()), |(s, f)| {
                    (calendar.label(s).to_string(), calendar.label(f).to_string())
                });
            let status_cell = match row.status {
                Some(RowStatus::Scheduled) => status("scheduled", Label::Scheduled, dialect),
                Some(RowStatus::Done) => status("done", Label::Done, dialect),
                Some(RowStatus::NotScheduled) => {
                    status("not_scheduled", Label::NotScheduled, dialect)
                }
                None => Cell::text(""),
            };
            let mut cells = vec![
                Cell::text(row.id),
                Cell::text(row.name),
                Cell::text(row.area.unwrap_or_default()),
                status_cell,
                Cell::text(start),
                Cell::text(finish),
                Cell::integer(row.duration as usize),
            ];
            cells.extend(match view.slack.get(row.index).copied().flatten() {
                Some(slack) => [
                    Cell::integer(slack.total),
                    Cell::integer(slack.free),
                    if slack.critical() {
                        coded("true", "ja", dialect)
                    } else {
                        coded("false", "nein", dialect)
                    },
                ],
                None => [Cell::empty(), Cell::empty(), Cell::empty()],
            });
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
            cells
        })
        .collect();
    table(&columns, &rows, dialect)
}

/// The ranking: one row per measure, by rank.
pub fn rank(
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    dialect: Dialect,
) -> String {
    let mut columns = vec![
        labelled("rank", Label::Rank),
        labelled("id", Label::Id),
        labelled("name", Label::Measure),
        labelled("area", Label::Area),
        labelled("value", Label::Value),
        labelled("value_per_million", Label::ValuePerMillion),
        labelled("enabler_value", Label::Enables),
    ];
    columns.extend(resource_columns(portfolio, "cost", Label::Cost));
    columns.extend(resource_columns(portfolio, "run_cost", Label::RunCost));
    let rows: Vec<Vec<Cell>> = view::rank_rows(portfolio, scores, language)
        .iter()
        .map(rank_cells)
        .collect();
    table(&columns, &rows, dialect)
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

    /// Quotes a field of the machine dialect.
    fn quote(field: &str) -> String {
        quote_in(field, Dialect::Machine)
    }

    /// One record of the machine dialect.
    fn record(cells: Vec<Cell>) -> String {
        record_in(cells, Dialect::Machine)
    }

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
