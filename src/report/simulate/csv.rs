//! `simulate --format csv`: one row per resource and period, then one per resource for the
//! whole horizon (period `total`) and one for what started measures spend after it (period
//! `after`, not in `total`), in the [CSV rules](crate::report::csv) of every CSV: fixed
//! column ids and plain numbers (`.` as decimal point) in every language, or German
//! headers, `Summe`/`danach` and decimal commas with `--csv-dialect excel-de`.

use crate::analysis::simulate::Simulation;
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
        let unit = || Cell::text(r.unit.clone().unwrap_or_default());
        for ((p, c), label) in r.periods.iter().zip(&r.cumulative).zip(&s.frame.periods) {
            let spend = &p.spend;
            rows.push(vec![
                Cell::text(&r.id),
                unit(),
                Cell::text(label),
                Cell::trimmed(p.capacity),
                Cell::trimmed(spend.plan),
                Cell::trimmed(spend.mean),
                Cell::trimmed(spend.p5),
                Cell::trimmed(spend.p20),
                Cell::trimmed(spend.p50),
                Cell::trimmed(spend.p80),
                Cell::trimmed(spend.p95),
                Cell::trimmed(p.overrun.probability),
                Cell::trimmed(p.overrun.mean),
                Cell::trimmed(p.overrun.p95),
                Cell::trimmed(c.plan),
                Cell::trimmed(c.p50),
                Cell::trimmed(c.p80),
                Cell::trimmed(c.p95),
            ]);
        }
        let t = &r.total;
        let mut total = vec![
            Cell::text(&r.id),
            unit(),
            csv::coded("total", "Summe", dialect),
            Cell::trimmed(r.capacity),
            Cell::trimmed(t.plan),
            Cell::trimmed(t.mean),
            Cell::trimmed(t.p5),
            Cell::trimmed(t.p20),
            Cell::trimmed(t.p50),
            Cell::trimmed(t.p80),
            Cell::trimmed(t.p95),
        ];
        total.extend((0..7).map(|_| Cell::empty()));
        rows.push(total);
        let a = &r.after;
        let mut after = vec![
            Cell::text(&r.id),
            unit(),
            csv::coded("after", "danach", dialect),
            Cell::empty(),
            Cell::trimmed(a.plan),
            Cell::trimmed(a.mean),
            Cell::trimmed(a.p5),
            Cell::trimmed(a.p20),
            Cell::trimmed(a.p50),
            Cell::trimmed(a.p80),
            Cell::trimmed(a.p95),
        ];
        after.extend((0..7).map(|_| Cell::empty()));
        rows.push(after);
    }
    csv::table(&columns, &rows, dialect)
}
