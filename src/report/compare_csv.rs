//! `compare -f csv`: one row per column (scenario or new version) and measure that moved,
//! with where it was and is, in the [CSV rules](super::csv) of every CSV.

use super::csv::{self, Cell, Column, Dialect};
use super::moves::{change_text, slot_text};
use crate::analysis::compare::Comparison;
use crate::analysis::{ChangeKind, Slot};
use crate::model::Language;

/// The moved measures of every column.
pub fn csv(comparison: &Comparison, language: Language, dialect: Dialect) -> String {
    let columns = vec![
        Column::new("column", "Spalte"),
        Column::new("id", "ID"),
        Column::new("name", "Maßnahme"),
        Column::new("change", "Änderung"),
        Column::new("before_status", "Status vorher"),
        Column::new("before_start", "Beginn vorher"),
        Column::new("before_finish", "Ende vorher"),
        Column::new("after_status", "Status nachher"),
        Column::new("after_start", "Beginn nachher"),
        Column::new("after_finish", "Ende nachher"),
    ];
    let mut rows = Vec::new();
    for s in &comparison.scenarios {
        for m in &s.moved {
            let mut row = vec![
                Cell::text(&s.path),
                Cell::text(&m.id),
                Cell::text(m.name.get(language)),
                change(m.change, dialect),
            ];
            row.extend(slot(&m.from, dialect));
            row.extend(slot(&m.to, dialect));
            rows.push(row);
        }
    }
    csv::table(&columns, &rows, dialect)
}

/// `later`, or `später fertig` for a spreadsheet.
fn change(kind: ChangeKind, dialect: Dialect) -> Cell {
    Cell::text(match (dialect, kind) {
        (Dialect::ExcelDe, kind) => change_text(Language::De, kind),
        (Dialect::Machine, ChangeKind::Earlier) => "earlier",
        (Dialect::Machine, ChangeKind::Later) => "later",
        (Dialect::Machine, ChangeKind::Shifted) => "shifted",
        (Dialect::Machine, ChangeKind::Dropped) => "dropped",
        (Dialect::Machine, ChangeKind::Added) => "added",
    })
}

/// Status code, first and last period (empty unless scheduled).
fn slot(slot: &Slot, dialect: Dialect) -> [Cell; 3] {
    let code = match slot {
        Slot::Scheduled { .. } => "scheduled",
        Slot::Done => "done",
        Slot::NotScheduled => "not_scheduled",
        Slot::Absent => "absent",
    };
    let status = match (dialect, slot) {
        (Dialect::Machine, _) => Cell::text(code),
        (Dialect::ExcelDe, Slot::Scheduled { .. }) => Cell::text("eingeplant"),
        (Dialect::ExcelDe, slot) => Cell::text(slot_text(Language::De, slot)),
    };
    match slot {
        Slot::Scheduled { start, finish, .. } => [status, Cell::text(start), Cell::text(finish)],
        _ => [status, Cell::text(""), Cell::text("")],
    }
}
