//! `frontier` as a document (terminal and Markdown) and as CSV. Every number comes from
//! [`crate::analysis::frontier`]; this file only words and formats it.

use super::csv::{Cell, Column, Dialect, table};
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::number::{amount, number, percent};
use super::objective_words::{objective_name, objective_value};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use super::words::resource_label;
use crate::analysis::frontier::{Frontier, StepResult};
use crate::model::Language;

/// How much of the varied resource a marginal value is given per: a million of the
/// currency for money (per single euro, a marginal value would round to nothing), one unit
/// of anything else. Table, CSV and JSON all give marginal values per this amount.
pub fn marginal_per(f: &Frontier) -> f64 {
    if is_money(f) { 1e6 } else { 1.0 }
}

/// The resource with id `id` as the reader knows it.
fn name_of(f: &Frontier, id: &str, l: Language) -> String {
    let info = f.resources.iter().find(|r| r.id == id);
    resource_label(
        l,
        info.and_then(|r| r.name.as_ref()),
        info.and_then(|r| r.unit.as_deref()),
        &f.currency,
        id,
    )
}

fn is_money(f: &Frontier) -> bool {
    f.unit.as_deref() == Some(f.currency.as_str())
}

/// The frontier's rows: scale, capacity, objective, quality, measures, follow-up, marginal.
fn frontier_table(f: &Frontier, l: Language) -> Table {
    let marginal_label = if is_money(f) {
        format!(
            "{} 1 Mio. {}",
            de_en(l, "Grenznutzen je", "Marginal per"),
            f.currency
        )
    } else {
        format!(
            "{} {}",
            de_en(l, "Grenznutzen je", "Marginal per"),
            f.unit.as_deref().unwrap_or("1")
        )
    };
    let per = marginal_per(f);
    let mut header: Vec<Text> = vec![
        de_en(l, "Faktor", "Scale").into(),
        format!(
            "{} {}",
            name_of(f, &f.resource, l),
            de_en(l, "im Horizont", "over the horizon")
        )
        .into(),
        objective_name(l, f.objective).into(),
        Label::Scheduled.text(l).into(),
        Label::NotScheduled.text(l).into(),
    ];
    header.extend(
        f.resources
            .iter()
            .map(|r| format!("{} {}", Label::FollowUp.text(l), name_of(f, &r.id, l)).into()),
    );
    header.push(marginal_label.into());
    let columns = header.len();
    Table {
        title: match f.objective {
            crate::model::risk::Objective::Impact => de_en(
                l,
                format!(
                    "Resilienz nach Budget: {} skaliert",
                    name_of(f, &f.resource, l)
                ),
                format!(
                    "Resilience by budget: {} scaled",
                    name_of(f, &f.resource, l)
                ),
            ),
            objective => format!(
                "{} {} {}",
                objective_name(l, objective),
                de_en(l, "nach Budget:", "by budget:"),
                de_en(
                    l,
                    format!("{} skaliert", name_of(f, &f.resource, l)),
                    format!("{} scaled", name_of(f, &f.resource, l)),
                ),
            ),
        }
        .into(),
        align: vec![Align::Right; columns],
        header,
        rows: f
            .steps
            .iter()
            .map(|step| {
                let mut row: Vec<Text> = vec![
                    number(l, step.scale, 2).into(),
                    amount(l, step.capacity, f.unit.as_deref(), &f.currency).into(),
                ];
                match &step.result {
                    StepResult::Planned {
                        objective,
                        scheduled,
                        not_scheduled,
                        follow_up,
                        marginal,
                        ..
                    } => {
                        row.push(objective_value(l, f.objective, *objective, &f.currency).into());
                        row.push(scheduled.to_string().into());
                        row.push(not_scheduled.to_string().into());
                        row.extend(
                            follow_up
                                .iter()
                                .zip(&f.resources)
                                .map(|(v, r)| amount(l, *v, r.unit.as_deref(), &f.currency).into()),
                        );
                        row.push(
                            marginal
                                .map_or_else(|| "–".to_owned(), |m| marginal_text(f, l, m * per))
                                .into(),
                        );
                    }
                    StepResult::Infeasible { problem } => {
                        row.push(
                            Text::plain(format!("{}: ", de_en(l, "nicht planbar", "infeasible")))
                                + Text::marked(problem),
                        );
                        row.resize(columns, "–".into());
                    }
                }
                row
            })
            .collect(),
    }
}

/// A marginal value in the objective's unit: money under `risk` (euros avoided per amount
/// of the resource), else a number with two decimals.
fn marginal_text(f: &Frontier, l: Language, value: f64) -> String {
    match f.objective {
        crate::model::risk::Objective::Risk => objective_value(l, f.objective, value, &f.currency),
        _ => number(l, value, 2),
    }
}

/// The solver's quality per step, as the technical note at the end.
fn quality_note(f: &Frontier, l: Language) -> String {
    let steps: Vec<String> = f
        .steps
        .iter()
        .filter_map(|step| match &step.result {
            StepResult::Planned { bound_share, .. } => Some(format!(
                "{} {}: {}",
                de_en(l, "Faktor", "scale"),
                number(l, step.scale, 2),
                percent(l, *bound_share)
            )),
            StepResult::Infeasible { .. } => None,
        })
        .collect();
    de_en(
        l,
        format!(
            "{} (mindestens erreichter Anteil des bestmöglichen Werts): {}.",
            Label::Quality.text(l),
            steps.join(" · ")
        ),
        format!(
            "{} (share of the best possible reached, at least): {}.",
            Label::Quality.text(l),
            steps.join(" · ")
        ),
    )
}

/// `frontier` as a document.
pub fn document(f: &Frontier, language: Language, provenance: &Provenance) -> Document {
    Document {
        title: format!(
            "{}: {}",
            de_en(language, "Budget-Sensitivität", "Budget frontier"),
            f.portfolio
        )
        .into(),
        blocks: vec![
            Block::Table(frontier_table(f, language)),
            Block::Paragraph(quality_note(f, language).into()),
            Block::Footer(provenance.line()),
        ],
    }
}

/// `frontier` as CSV (RFC 4180) in the dialect: marginal values per [`marginal_per`], as in
/// the table, with the amount in the column id (`marginal_per_1000000_EUR`).
pub fn csv(f: &Frontier, dialect: Dialect) -> String {
    let mut columns = vec![
        Column::new("scale", "Faktor"),
        Column::new("capacity", format!("{} im Horizont", f.resource)),
        Column::new("status", "Status"),
        Column::new("objective", objective_name(DE, f.objective)),
        Column::new("bound_share", Label::Quality.text(DE)),
        Column::new("scheduled", Label::Scheduled.text(DE)),
        Column::new("not_scheduled", Label::NotScheduled.text(DE)),
    ];
    columns.extend(f.resources.iter().map(|r| {
        Column::new(
            format!("follow_up_{}", r.id),
            format!("{} {}", Label::FollowUp.text(DE), r.id),
        )
    }));
    columns.push(match f.unit.as_deref() {
        Some(unit) if is_money(f) => Column::new(
            format!("marginal_per_1000000_{unit}"),
            format!("Grenznutzen je 1.000.000 {unit}"),
        ),
        Some(unit) => Column::new(
            format!("marginal_per_{unit}"),
            format!("Grenznutzen je {unit}"),
        ),
        None => Column::new("marginal_per_unit", "Grenznutzen je Einheit"),
    });
    let per = marginal_per(f);
    let rows: Vec<Vec<Cell>> = f
        .steps
        .iter()
        .map(|step| {
            let mut cells = vec![Cell::trimmed(step.scale), Cell::trimmed(step.capacity)];
            match &step.result {
                StepResult::Planned {
                    objective,
                    bound_share,
                    scheduled,
                    not_scheduled,
                    follow_up,
                    marginal,
                } => {
                    cells.extend([
                        status("planned", "geplant", dialect),
                        Cell::trimmed(*objective),
                        Cell::trimmed(*bound_share),
                        Cell::integer(*scheduled),
                        Cell::integer(*not_scheduled),
                    ]);
                    cells.extend(follow_up.iter().map(|v| Cell::trimmed(*v)));
                    cells.push(marginal.map_or_else(Cell::empty, |m| Cell::trimmed(m * per)));
                }
                StepResult::Infeasible { .. } => {
                    cells.push(status("infeasible", "nicht planbar", dialect));
                    cells.extend((0..4 + f.resources.len() + 1).map(|_| Cell::empty()));
                }
            }
            cells
        })
        .collect();
    table(&columns, &rows, dialect)
}

const DE: crate::model::Language = crate::model::Language::De;

/// A status code, or its German word for a spreadsheet.
fn status(code: &str, de: &str, dialect: Dialect) -> Cell {
    Cell::text(match dialect {
        Dialect::Machine => code,
        Dialect::ExcelDe => de,
    })
}
