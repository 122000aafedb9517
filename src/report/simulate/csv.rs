//! `simulate --format csv`: one row per resource and period, then one per resource for the
//! whole horizon (period `total`) and one for what started measures spend after it (period
//! `after`, not in `total`), in the [CSV rules](crate::report::csv) of every CSV: fixed
//! column ids and plain numbers (`.` as decimal point) in every language, or German
//! headers, `Summe`/`danach` and decimal commas with `--csv-dialect excel-de`.

use crate::analysis::simulate::{Simulation, Spread};
use crate::report::csv::{self, Cell, Column, Dialect};

/// The columns: id and German header.
const COLUMNS: [(&str, &str); 18] = [
    ("resource", "Ressource"),
    ("unit", "Einheit"),
    ("period", "Periode"),
    ("capacity", "Kapazität"),
    ("plan", "Plan"),
    ("mean", "Mittelwert"),
    ("p5", "P5"),
    ("p20", "P20"),
    ("p50", "P50"),
    ("p80", "P80"),
    ("p95", "P95"),
    ("overrun_probability", "Überschreitung Wahrscheinlichkeit"),
    ("overrun_mean", "Überschreitung Mittelwert"),
    ("overrun_p95", "Überschreitung P95"),
    ("cumulative_plan", "kumuliert Plan"),
    ("cumulative_p50", "kumuliert P50"),
    ("cumulative_p80", "kumuliert P80"),
    ("cumulative_p95", "kumuliert P95"),
];

/// `simulate` as CSV.
pub fn csv(s: &Simulation, dialect: Dialect) -> String {
    let columns: Vec<Column> = COLUMNS
        .iter()
        .map(|(id, de)| Column::new(*id, *de))
        .collect();
    let mut rows = Vec::new();
    for r in &s.resources {
        let unit = r.unit.clone().unwrap_or_default();
        for ((p, c), label) in r
            .periods
            .iter()
            .zip(&r.cumulative)
            .zip(&s.frame.budget_periods)
        {
            let mut row = spread_row(
                &r.id,
                &unit,
                Cell::text(label),
                Cell::trimmed(p.capacity),
                &p.spend,
            );
            row.extend([
                Cell::trimmed(p.overrun.probability),
                Cell::trimmed(p.overrun.mean),
                Cell::trimmed(p.overrun.p95),
                Cell::trimmed(c.plan),
                Cell::trimmed(c.p50),
                Cell::trimmed(c.p80),
                Cell::trimmed(c.p95),
            ]);
            rows.push(row);
        }
        // The horizon's total and what is spent after it have no overrun or cumulative figures.
        let total = csv::coded("total", "Summe", dialect);
        let after = csv::coded("after", "danach", dialect);
        for (period, capacity, spread) in [
            (total, Cell::trimmed(r.capacity), &r.total),
            (after, Cell::empty(), &r.after),
        ] {
            let mut row = spread_row(&r.id, &unit, period, capacity, spread);
            row.extend((0..7).map(|_| Cell::empty()));
            rows.push(row);
        }
    }
    csv::table(&columns, &rows, dialect)
}

/// Resource, unit, period and capacity, then the plan's value and the spread of the runs.
fn spread_row(id: &str, unit: &str, period: Cell, capacity: Cell, spread: &Spread) -> Vec<Cell> {
    vec![
        Cell::text(id),
        Cell::text(unit),
        period,
        capacity,
        Cell::trimmed(spread.plan),
        Cell::trimmed(spread.mean),
        Cell::trimmed(spread.p5),
        Cell::trimmed(spread.p20),
        Cell::trimmed(spread.p50),
        Cell::trimmed(spread.p80),
        Cell::trimmed(spread.p95),
    ]
}
