//! `budget -f csv`: the Haushalt view as one long table, one row per budget period, line
//! and resource (`budget_period,line,kind,resource,resource_name,amount,unit`), which a
//! spreadsheet pivots. Follows the CSV rules ([`super::csv`]): fixed line codes, German
//! words and headers in `excel-de`.

use super::budget::{in_budget_order, name};
use super::csv::{Cell, Column, Dialect, coded, table};
use crate::analysis::budget::{Haushalt, Line};
use crate::model::{Language, ResourceKind};

/// A line code and its German word.
#[derive(Clone, Copy)]
struct Code(&'static str, &'static str);

const PAYMENTS: Code = Code("payments", "Auszahlungen");
const FOLLOW_UP: Code = Code("follow_up", "Folgekosten");
const COMMITMENTS: Code = Code("commitments", "Verpflichtungsermächtigungen");
const CAPACITY: Code = Code("capacity", "Ansatz");
const CARRIED_IN: Code = Code("carried_in", "übertragen");
const USED: Code = Code("used", "verplant");
const LEFT: Code = Code("left", "Rest");
const AFTER: Code = Code("after_horizon", "nach dem Horizont");
const STAFF: Code = Code("staff", "Personal");
const STAFF_FOLLOW_UP: Code = Code("follow_up_staff", "Folgekosten Personal");
const PERSONNEL_COSTS: Code = Code("personnel_costs", "Personalkosten");
const GRANTS: Code = Code("grants", "Zuwendungen");
const OWN_SHARE: Code = Code("own_share", "Eigenanteil");
const DEPRECIATION: Code = Code("depreciation", "Abschreibungen");

fn kind(kind: ResourceKind, dialect: Dialect) -> Cell {
    let de = match kind {
        ResourceKind::Investment => "Investition",
        ResourceKind::Operating => "Aufwand",
        ResourceKind::Staff => "Personal",
        ResourceKind::Other => "Sonstige",
    };
    coded(kind.keyword(), de, dialect)
}

/// `budget` as CSV in the dialect; resource names in `language`.
pub fn csv(h: &Haushalt, language: Language, dialect: Dialect) -> String {
    let columns = [
        Column::new("budget_period", "Haushaltsjahr"),
        Column::new("line", "Position"),
        Column::new("kind", "Art"),
        Column::new("resource", "Ressource"),
        Column::new("resource_name", "Name"),
        Column::new("amount", "Betrag"),
        Column::new("unit", "Einheit"),
    ];
    let years: Vec<String> = h.years.iter().map(ToString::to_string).collect();
    let fte_years = match dialect {
        Dialect::Machine => "FTE-years",
        Dialect::ExcelDe => "VZÄ-Jahre",
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut push = |code: Code, line: Option<&Line>, values: &[Option<f64>], unit: &str| {
        for (year, value) in years.iter().zip(values) {
            rows.push(vec![
                Cell::text(year.as_str()),
                coded(code.0, code.1, dialect),
                line.map_or_else(|| Cell::text(""), |line| kind(line.kind, dialect)),
                Cell::text(line.map_or("", |line| line.id.as_str())),
                Cell::text(line.map_or_else(String::new, |line| name(h, line, language))),
                value.map_or_else(Cell::empty, Cell::trimmed),
                Cell::text(unit),
            ]);
        }
    };
    let some = |values: &[f64]| -> Vec<Option<f64>> { values.iter().map(|v| Some(*v)).collect() };
    let currency = h.currency.as_str();
    for m in in_budget_order(h) {
        let line = Some(&m.resource);
        push(PAYMENTS, line, &some(&m.payments), currency);
        push(FOLLOW_UP, line, &some(&m.follow_up), currency);
        push(COMMITMENTS, line, &some(&m.commitments), currency);
        push(CAPACITY, line, &m.capacity, currency);
        if m.carry_over {
            push(CARRIED_IN, line, &some(&m.carried_in), currency);
        }
        push(USED, line, &some(&m.used), currency);
        push(LEFT, line, &m.left, currency);
    }
    for s in &h.staff {
        let line = Some(&s.resource);
        push(STAFF, line, &some(&s.fte_years), fte_years);
        push(
            STAFF_FOLLOW_UP,
            line,
            &some(&s.follow_up_fte_years),
            fte_years,
        );
        if let Some(costs) = &s.personnel_costs {
            push(PERSONNEL_COSTS, line, &some(costs), currency);
        }
    }
    for (code, values) in [
        (GRANTS, &h.grants),
        (OWN_SHARE, &h.own_share),
        (DEPRECIATION, &h.depreciation),
    ] {
        if let Some(values) = values {
            push(code, None, &some(values), currency);
        }
    }
    // After the horizon: one row per resource, per budget period, in the budget period
    // column's place the word for "after".
    let after = coded("after", "danach", dialect);
    for m in in_budget_order(h) {
        rows.push(vec![
            after.clone(),
            coded(AFTER.0, AFTER.1, dialect),
            kind(m.resource.kind, dialect),
            Cell::text(m.resource.id.as_str()),
            Cell::text(name(h, &m.resource, language)),
            Cell::trimmed(m.after_horizon),
            Cell::text(currency),
        ]);
    }
    for s in &h.staff {
        rows.push(vec![
            after.clone(),
            coded(AFTER.0, AFTER.1, dialect),
            kind(s.resource.kind, dialect),
            Cell::text(s.resource.id.as_str()),
            Cell::text(name(h, &s.resource, language)),
            Cell::trimmed(s.after_horizon),
            Cell::text(match dialect {
                Dialect::Machine => "FTE",
                Dialect::ExcelDe => "VZÄ",
            }),
        ]);
    }
    table(&columns, &rows, dialect)
}
