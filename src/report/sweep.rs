//! `sweep` as a document (terminal and Markdown) and as CSV: one row per combination, the
//! swept values first, then the objective, the measures in and out of the roadmap, the
//! follow-up costs and the tracked measures' finish.

use super::csv::{self, Cell, Column, Dialect};
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::moves::slot_text;
use super::number::amount;
use super::objective_words::{objective_name, objective_value};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::Slot;
use crate::analysis::sweep::{RowResult, Sweep};
use crate::model::Language;

/// The sweep as a document.
pub fn document(sweep: &Sweep, language: Language, provenance: &Provenance) -> Document {
    let l = language;
    let mut header: Vec<Text> = sweep.paths.iter().map(Text::code).collect();
    header.extend([
        objective_name(l, sweep.objective).into(),
        de_en(l, "in der Roadmap", "in the roadmap").into(),
        Label::NotScheduled.text(l).into(),
    ]);
    header.extend(
        (sweep.resources.iter())
            .map(|r| Text::plain(format!("{} ", Label::FollowUp.text(l))) + Text::code(&r.id)),
    );
    header.extend(
        (sweep.tracked.iter())
            .map(|id| Text::plain(format!("{} ", de_en(l, "Ende", "Finish"))) + Text::code(id)),
    );
    let columns = header.len();
    let rows = sweep
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<Text> = row.values.iter().map(Text::from).collect();
            match &row.result {
                RowResult::Planned {
                    objective,
                    scheduled,
                    not_scheduled,
                    follow_up,
                    tracked,
                } => {
                    let value = objective_value(l, sweep.objective, *objective, &sweep.currency);
                    cells.push(value.into());
                    cells.push(scheduled.to_string().into());
                    cells.push(not_scheduled.to_string().into());
                    for (r, value) in sweep.resources.iter().zip(follow_up) {
                        cells.push(amount(l, *value, r.unit.as_deref(), &sweep.currency).into());
                    }
                    cells.extend(tracked.iter().map(|slot| match slot {
                        Slot::Scheduled { finish, .. } => Text::from(finish),
                        slot => Text::from(slot_text(l, slot)),
                    }));
                }
                RowResult::Infeasible { problem } => {
                    cells.push(
                        Text::plain(format!("{}: ", de_en(l, "nicht planbar", "infeasible")))
                            + Text::marked(problem),
                    );
                    cells.resize(columns, "–".into());
                }
            }
            cells
        })
        .collect();
    let mut align = vec![Align::Right; columns];
    for (i, a) in align.iter_mut().enumerate() {
        if i >= columns - sweep.tracked.len() {
            *a = Align::Left;
        }
    }
    Document {
        title: format!(
            "{}: {}",
            de_en(l, "Parameterstudie", "Sweep"),
            sweep.portfolio
        )
        .into(),
        blocks: vec![
            Block::Table(Table {
                title: format!(
                    "{} {}",
                    sweep.rows.len(),
                    de_en(l, "Kombinationen", "combinations")
                )
                .into(),
                header,
                align,
                rows,
            }),
            Block::Footer(provenance.line()),
        ],
    }
}

/// The sweep as CSV: the paths are the first columns' ids; `status` is `planned` or
/// `infeasible`; `finish_<id>` holds the last period, `done`, `not_scheduled` or `absent`.
pub fn csv(sweep: &Sweep, dialect: Dialect) -> String {
    let mut columns: Vec<Column> = sweep.paths.iter().map(|p| Column::new(p, p)).collect();
    let de = |label: Label| label.text(Language::De);
    columns.extend([
        Column::new("status", de(Label::Status)),
        Column::new("objective", objective_name(Language::De, sweep.objective)),
        Column::new("scheduled", "in der Roadmap"),
        Column::new("not_scheduled", de(Label::NotScheduled)),
    ]);
    columns.extend(sweep.resources.iter().map(|r| {
        Column::new(
            format!("follow_up_{}", r.id),
            format!("{} {}", de(Label::FollowUp), r.id),
        )
    }));
    columns.extend(
        (sweep.tracked.iter()).map(|id| Column::new(format!("finish_{id}"), format!("Ende {id}"))),
    );
    let rows: Vec<Vec<Cell>> = sweep
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<Cell> = row
                .values
                .iter()
                .map(|v| match v.parse::<f64>() {
                    Ok(n) => Cell::trimmed(n),
                    Err(_) => Cell::text(v),
                })
                .collect();
            match &row.result {
                RowResult::Planned {
                    objective,
                    scheduled,
                    not_scheduled,
                    follow_up,
                    tracked,
                } => {
                    cells.extend([
                        match dialect {
                            Dialect::Machine => Cell::text("planned"),
                            Dialect::ExcelDe => Cell::text("geplant"),
                        },
                        Cell::trimmed(*objective),
                        Cell::integer(*scheduled),
                        Cell::integer(*not_scheduled),
                    ]);
                    cells.extend(follow_up.iter().map(|v| Cell::fixed(*v, 2)));
                    cells.extend(tracked.iter().map(|slot| finish(slot, dialect)));
                }
                RowResult::Infeasible { .. } => {
                    cells.push(match dialect {
                        Dialect::Machine => Cell::text("infeasible"),
                        Dialect::ExcelDe => Cell::text("nicht planbar"),
                    });
                    cells.resize(columns.len(), Cell::empty());
                }
            }
            cells
        })
        .collect();
    csv::table(&columns, &rows, dialect)
}

/// A tracked measure's finish: its last period, or its state.
fn finish(slot: &Slot, dialect: Dialect) -> Cell {
    match (slot, dialect) {
        (Slot::Scheduled { finish, .. }, _) => Cell::text(finish),
        (Slot::Done, Dialect::Machine) => Cell::text("done"),
        (Slot::NotScheduled, Dialect::Machine) => Cell::text("not_scheduled"),
        (Slot::Absent, Dialect::Machine) => Cell::text("absent"),
        (slot, Dialect::ExcelDe) => Cell::text(slot_text(Language::De, slot)),
    }
}
