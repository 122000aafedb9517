//! The small charts: resource use against capacity, the resilience curve and coverage
//! per dimension.

use super::draw::{CAPACITY, PLANNED, clip, n, open, tick_decimals, ticks, x_labels, y_axis};
use crate::report::lang::Label;
use crate::report::markup::escape;
use crate::report::number::{number, percent};
use crate::report::view::PlanView;

// Geometry of the small charts.
const SMALL_WIDTH: f64 = 540.0;
const SMALL_HEIGHT: f64 = 230.0;
const PLOT_LEFT: f64 = 100.0;
const PLOT_TOP: f64 = 14.0;
const PLOT_BOTTOM: f64 = 196.0;

/// Resource `r`: use per period as bars, capacity as a dark step line.
pub fn resource(view: &PlanView<'_>, r: usize) -> String {
    let e = view.evaluation;
    let calendar = &view.portfolio.calendar;
    let periods = calendar.budget_len().max(1);
    let right = SMALL_WIDTH - 10.0;
    let column = (right - PLOT_LEFT) / periods as f64;
    let highest = (0..calendar.budget_len())
        .flat_map(|t| [e.usage[t][r], e.capacity[t][r]])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let ticks = ticks(highest);
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = |v: f64| PLOT_BOTTOM - v / top * (PLOT_BOTTOM - PLOT_TOP);
    let id = &view.portfolio.resources[r].id.value;
    let mut out = open(SMALL_WIDTH, SMALL_HEIGHT, id);
    let resource = &view.portfolio.resources[r];
    let decimals = tick_decimals(&ticks);
    y_axis(
        &mut out,
        &ticks,
        (PLOT_LEFT, right),
        y,
        |v| match resource.unit.as_deref() {
            Some(unit) if unit == view.portfolio.currency => view.amount(r, v),
            Some(unit) => format!("{} {unit}", number(view.language, v, decimals)),
            None => number(view.language, v, decimals),
        },
    );
    let mut capacity_path = String::new();
    for t in 0..calendar.budget_len() {
        let (used, capacity) = (e.usage[t][r], e.capacity[t][r]);
        let x0 = PLOT_LEFT + t as f64 * column;
        let label = calendar.budget_label(t);
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{PLANNED}\"><title>{}: {} / {}</title></rect>\n",
            n(x0 + column * 0.2),
            n(y(used)),
            n(column * 0.6),
            n(PLOT_BOTTOM - y(used)),
            escape(&label.to_string()),
            escape(&view.amount(r, used)),
            escape(&view.amount(r, capacity))
        ));
        if capacity.is_finite() {
            let command = if capacity_path.is_empty() { 'M' } else { 'L' };
            capacity_path.push_str(&format!(
                "{command}{} {}H{}",
                n(x0),
                n(y(capacity)),
                n(x0 + column)
            ));
            if let Some(share) = view.utilisation(t, r).filter(|_| column >= 34.0) {
                // Inside the bar's top when it is tall enough, so the capacity line never crosses it.
                let inside = PLOT_BOTTOM - y(used) >= 20.0;
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"{}\">{}</text>\n",
                    n(x0 + column / 2.0),
                    n(if inside {
                        y(used) + 14.0
                    } else {
                        y(used) - 4.0
                    }),
                    if inside { "value inside" } else { "value" },
                    escape(&percent(view.language, share))
                ));
            }
        } else if !capacity_path.is_empty() {
            capacity_path.push(' ');
        }
    }
    if !capacity_path.is_empty() {
        out.push_str(&format!(
            "<path d=\"{capacity_path}\" fill=\"none\" stroke=\"{CAPACITY}\" stroke-width=\"2\"/>\n"
        ));
    }
    x_labels(
        &mut out,
        &calendar.budget_labels(),
        PLOT_LEFT,
        column,
        PLOT_BOTTOM + 18.0,
    );
    out.push_str("</svg>\n");
    out
}

/// The resilience curve: the level of every period as a step area with its value.
pub fn curve(view: &PlanView<'_>) -> String {
    let curve = &view.evaluation.curve;
    let periods = curve.len().max(1);
    let right = SMALL_WIDTH - 10.0;
    let left = 56.0;
    let column = (right - left) / periods as f64;
    let ticks = ticks(curve.iter().copied().fold(0.0, f64::max));
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = |v: f64| PLOT_BOTTOM - v / top * (PLOT_BOTTOM - PLOT_TOP);
    let mut out = open(SMALL_WIDTH, SMALL_HEIGHT, view.curve_title());
    let decimals = tick_decimals(&ticks);
    y_axis(&mut out, &ticks, (left, right), y, |v| {
        number(view.language, v, decimals)
    });
    let mut line = String::new();
    for (p, level) in curve.iter().enumerate() {
        let x0 = left + p as f64 * column;
        line.push_str(&format!(
            "{}{} {}H{}",
            if p == 0 { 'M' } else { 'L' },
            n(x0),
            n(y(*level)),
            n(x0 + column)
        ));
        if column >= 34.0 {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"value\">{}</text>\n",
                n(x0 + column / 2.0),
                n(y(*level) - 5.0),
                escape(&number(view.language, *level, 1))
            ));
        }
    }
    if !curve.is_empty() {
        out.push_str(&format!(
            "<path d=\"{line}V{}H{}z\" fill=\"#dbe7f2\"/>\n<path d=\"{line}\" fill=\"none\" stroke=\"{PLANNED}\" stroke-width=\"2.5\"/>\n",
            n(PLOT_BOTTOM),
            n(left)
        ));
    }
    x_labels(
        &mut out,
        &view.portfolio.calendar.labels(),
        left,
        column,
        PLOT_BOTTOM + 18.0,
    );
    out.push_str("</svg>\n");
    out
}

/// Coverage per dimension: the share of the possible impact the roadmap delivers.
pub fn coverage(view: &PlanView<'_>) -> String {
    let rows = &view.evaluation.coverage;
    let row = 26.0;
    let height = rows.len() as f64 * row + 12.0;
    let (left, right) = (210.0, SMALL_WIDTH - 64.0);
    let t = |l: Label| l.text(view.language);
    let mut out = open(SMALL_WIDTH, height, t(Label::Coverage));
    for (i, (c, dimension)) in rows.iter().zip(&view.portfolio.dimensions).enumerate() {
        let y = 6.0 + i as f64 * row;
        let name = dimension.name.get(view.language);
        let share = if c.possible > 0.0 { c.share } else { 0.0 };
        let text = if c.possible > 0.0 {
            percent(view.language, c.share)
        } else {
            t(Label::Nothing).to_owned()
        };
        out.push_str(&format!(
            "<g><title>{}: {} / {}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"name\">{}</text>",
            escape(name),
            escape(&number(view.language, c.achieved, 1)),
            escape(&number(view.language, c.possible, 1)),
            n(left - 8.0),
            n(y + 15.0),
            escape(&clip(name, 30))
        ));
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"#e9eef3\"/><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{PLANNED}\"/>",
            n(left),
            n(y + 4.0),
            n(right - left),
            n(left),
            n(y + 4.0),
            n((right - left) * share.clamp(0.0, 1.0))
        ));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" class=\"value\">{}</text></g>\n",
            n(right + 8.0),
            n(y + 15.0),
            escape(&text)
        ));
    }
    out.push_str("</svg>\n");
    out
}
