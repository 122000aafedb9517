//! The charts of `simulate`: a fan chart of cumulative spending (bands of the runs'
//! percentiles around the median, with the plan and the capacity), and each measure's
//! finish range against its planned bar and deadline. Coordinates have one decimal, so
//! the same simulation gives the same bytes.

use super::draw::{
    CAPACITY, DONE, GRID, MANDATORY, PLANNED, clip, n, open, tick_decimals, ticks, y_axis,
};
use crate::analysis::simulate::{Finish, Simulation};
use crate::model::Language;
use crate::report::lang::de_en;
use crate::report::markup::escape;
use crate::report::number::{amount, number};

/// The outer band (P5–P95).
pub const BAND_OUTER: &str = "#dbe7f2";
/// The inner band (P20–P80).
pub const BAND_INNER: &str = "#a9c4dd";

const WIDTH: f64 = 1080.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 120.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 262.0;

/// Cumulative spending of resource `r`: from 0 at the start of the horizon to the end of
/// each period.
pub fn fan(s: &Simulation, r: usize, l: Language) -> String {
    let Some(resource) = s.resources.get(r) else {
        return String::new();
    };
    // Spending is per budget period.
    let periods = s.frame.budget_periods.len().max(1);
    let right = WIDTH - 20.0;
    let column = (right - LEFT) / periods as f64;
    let capacity: Vec<f64> = resource
        .periods
        .iter()
        .scan(0.0, |sum, p| {
            *sum += p.capacity;
            Some(*sum)
        })
        .collect();
    let highest = resource
        .cumulative
        .iter()
        .flat_map(|c| [c.p95, c.plan])
        .chain(capacity.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = ticks(highest);
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = |v: f64| BOTTOM - v / top * (BOTTOM - TOP);
    let x = |t: usize| LEFT + t as f64 * column;
    let value = |v: f64| amount(l, v, resource.unit.as_deref(), &s.frame.currency);
    let label =
        (resource.name.as_ref()).map_or_else(|| resource.id.clone(), |n| n.get(l).to_owned());
    let mut out = open(WIDTH, HEIGHT, &label);
    let decimals = tick_decimals(&ticks);
    y_axis(&mut out, &ticks, (LEFT, right), y, |v| {
        if resource.unit.as_deref() == Some(s.frame.currency.as_str()) {
            value(v)
        } else {
            number(l, v, decimals)
        }
    });
    // A path through (0, 0) and the end of every period.
    let line = |pick: &dyn Fn(usize) -> f64| -> String {
        let mut path = format!("M{} {}", n(x(0)), n(y(0.0)));
        for t in 0..resource.cumulative.len() {
            path.push_str(&format!("L{} {}", n(x(t + 1)), n(y(pick(t)))));
        }
        path
    };
    let band = |upper: &dyn Fn(usize) -> f64, lower: &dyn Fn(usize) -> f64| -> String {
        let mut path = line(upper);
        for t in (0..resource.cumulative.len()).rev() {
            path.push_str(&format!("L{} {}", n(x(t + 1)), n(y(lower(t)))));
        }
        path.push('z');
        path
    };
    let c = &resource.cumulative;
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"{BAND_OUTER}\"/>\n<path d=\"{}\" fill=\"{BAND_INNER}\"/>\n",
        band(&|t| c[t].p95, &|t| c[t].p5),
        band(&|t| c[t].p80, &|t| c[t].p20)
    ));
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"none\" stroke=\"{DONE}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n",
        line(&|t| capacity[t])
    ));
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"none\" stroke=\"{CAPACITY}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n",
        line(&|t| c[t].plan)
    ));
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"none\" stroke=\"{PLANNED}\" stroke-width=\"2.5\"/>\n",
        line(&|t| c[t].p50)
    ));
    for (t, label) in s.frame.budget_periods.iter().enumerate() {
        let Some(point) = c.get(t) else {
            continue;
        };
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{PLANNED}\"><title>{}: Plan {} · P50 {} · P80 {} · P95 {}</title></circle>\n",
            n(x(t + 1)),
            n(y(point.p50)),
            escape(label),
            escape(&value(point.plan)),
            escape(&value(point.p50)),
            escape(&value(point.p80)),
            escape(&value(point.p95))
        ));
    }
    let every = (48.0 / column).ceil().max(1.0) as usize;
    for (t, label) in s.frame.budget_periods.iter().enumerate().step_by(every) {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>\n",
            n(x(t) + column / 2.0),
            n(BOTTOM + 18.0),
            escape(label)
        ));
    }
    out.push_str("</svg>\n");
    out
}

const ROW: f64 = 24.0;
const LABELS: f64 = 330.0;

/// Each scheduled measure: its planned bar, the range of its finish (5th to 95th
/// percentile) with the median marked, and its deadline.
pub fn finish_ranges(s: &Simulation, l: Language) -> String {
    let horizon = s.frame.periods.len();
    let columns = (horizon + s.after.len()).max(1);
    let right = WIDTH - 20.0;
    let column = (right - LABELS) / columns as f64;
    let height = 30.0 + s.measures.len() as f64 * ROW + 8.0;
    let x = |t: usize| LABELS + t as f64 * column;
    let mut out = open(
        WIDTH,
        height,
        de_en(l, "Ende je Maßnahme", "Finish per measure"),
    );
    let labels: Vec<&String> = s.frame.periods.iter().chain(&s.after).collect();
    if !s.after.is_empty() {
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"24\" width=\"{}\" height=\"{}\" fill=\"#f4f6f9\"><title>{}</title></rect>\n",
            n(x(horizon)),
            n(right - x(horizon)),
            n(height - 30.0),
            escape(de_en(l, "nach dem Horizont", "after the horizon"))
        ));
    }
    let every = (48.0 / column).ceil().max(1.0) as usize;
    for (t, label) in labels.iter().enumerate() {
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"24\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\n",
            n(x(t)),
            n(x(t)),
            n(height - 6.0)
        ));
        if t % every == 0 {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"16\" text-anchor=\"middle\" class=\"period\">{}</text>\n",
                n(x(t) + column / 2.0),
                escape(label)
            ));
        }
    }
    let centre = |f: Finish| match f {
        Finish::Period(t) => x(t) + column / 2.0,
        Finish::NotStarted => right,
    };
    for (i, m) in s.measures.iter().enumerate() {
        let top = 30.0 + i as f64 * ROW;
        let mid = top + ROW / 2.0;
        let name = format!("{} {}", m.id, m.name.get(l));
        let tooltip = format!(
            "{}: Plan {}–{} · P5 {} · P50 {} · P95 {}",
            m.id,
            m.planned_labels.0,
            m.planned_labels.1,
            finish_text(l, &m.finish_labels[0]),
            finish_text(l, &m.finish_labels[1]),
            finish_text(l, &m.finish_labels[3])
        );
        out.push_str(&format!(
            "<g><title>{}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"name\">{}</text>\n",
            escape(&tooltip),
            n(LABELS - 8.0),
            n(mid + 4.0),
            escape(&clip(&name, 46))
        ));
        let (start, finish) = m.planned;
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"2\" fill=\"{BAND_OUTER}\"/>\n",
            n(x(start)),
            n(mid - 5.0),
            n(x(finish + 1) - x(start))
        ));
        let (low, high) = (centre(m.finish[0]), centre(m.finish[3]));
        out.push_str(&format!(
            "<path d=\"M{} {}H{}M{} {}V{}M{} {}V{}\" stroke=\"{PLANNED}\" stroke-width=\"1.5\" fill=\"none\"/>\n",
            n(low),
            n(mid),
            n(high),
            n(low),
            n(mid - 4.0),
            n(mid + 4.0),
            n(high),
            n(mid - 4.0),
            n(mid + 4.0)
        ));
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{PLANNED}\"/>\n",
            n(centre(m.finish[1])),
            n(mid)
        ));
        if let Some(deadline) = m.deadline {
            out.push_str(&format!(
                "<path d=\"M{} {}V{}\" stroke=\"{MANDATORY}\" stroke-width=\"2.5\"/>\n",
                n(x(deadline + 1)),
                n(top + 2.0),
                n(top + ROW - 2.0)
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// A finish label, or "not started".
fn finish_text(l: Language, label: &Option<String>) -> String {
    match label {
        Some(label) => label.clone(),
        None => de_en(l, "nicht begonnen", "not started").to_owned(),
    }
}
