//! `simulate --format csv`: one row per resource and period, then one per resource for the
//! whole horizon (period `total`) and one for what started measures spend after it (period
//! `after`, not in `total`), with plain numbers (`.` as decimal point) in every
//! language, for spreadsheets and plotting. RFC 4180 through the one CSV writer.

use crate::analysis::simulate::Simulation;
use crate::report::csv::{Cell, record};

/// `simulate` as CSV.
pub fn csv(s: &Simulation) -> String {
    let header = [
        "resource",
        "unit",
        "period",
        "capacity",
        "plan",
        "mean",
        "p5",
        "p20",
        "p50",
        "p80",
        "p95",
        "overrun_probability",
        "overrun_mean",
        "overrun_p95",
        "cumulative_plan",
        "cumulative_p50",
        "cumulative_p80",
        "cumulative_p95",
    ];
    let mut out = record(header.into_iter().map(Cell::text).collect());
    for r in &s.resources {
        let unit = || Cell::text(r.unit.clone().unwrap_or_default());
        for ((p, c), label) in r.periods.iter().zip(&r.cumulative).zip(&s.frame.periods) {
            let spend = &p.spend;
            out.push_str(&record(vec![
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
            ]));
        }
        let t = &r.total;
        let mut total = vec![
            Cell::text(&r.id),
            unit(),
            Cell::text("total"),
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
        out.push_str(&record(total));
        let a = &r.after;
        let mut after = vec![
            Cell::text(&r.id),
            unit(),
            Cell::text("after"),
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
        out.push_str(&record(after));
    }
    out
}
