//! Inline SVG charts for the HTML report: the Gantt chart, resource use against
//! capacity, the resilience curve and coverage per dimension.
//!
//! Charts draw numbers from the view and the evaluation; they compute only
//! geometry (positions, axis ticks). Coordinates are written with one decimal,
//! so the same plan gives the same bytes. Portfolio text is HTML-escaped,
//! in `<text>`, `<title>` and attributes alike.

use super::html::escape;
use super::lang::{self, Label};
use super::view::{self, PlanView, RowStatus};
use crate::model::period::PeriodKind;

/// Bars of planned measures.
pub const PLANNED: &str = "#2f6690";
/// Bars and diamonds of mandatory measures.
pub const MANDATORY: &str = "#7a1f2b";
/// Measures done before the horizon.
pub const DONE: &str = "#8d99a6";
/// Capacity lines.
const CAPACITY: &str = "#1d2530";
/// Grid lines.
const GRID: &str = "#e3e8ee";

/// One decimal, the only precision coordinates need.
fn n(value: f64) -> String {
    format!("{value:.1}")
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() <= max {
        text
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

fn open(width: f64, height: f64, label: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
        n(width),
        n(height),
        n(width),
        n(height),
        escape(label)
    )
}

/// Axis ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten, about five.
pub fn ticks(max: f64) -> Vec<f64> {
    // Below 1e-6 an axis is as good as empty (and tiny powers of ten would underflow to 0).
    let max = if max.is_finite() && max >= 1e-6 {
        max
    } else {
        1.0
    };
    let raw = max / 5.0;
    // Powers of ten by multiplication, not `log10`/`powf`, whose last bits differ between libms.
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    while magnitude > raw {
        magnitude /= 10.0;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    // About five steps by construction; the cap only guards against float surprises.
    let count = ((max / step).ceil() as usize).min(50);
    (0..=count).map(|i| i as f64 * step).collect()
}

/// Decimals that show every tick exactly: 0 for whole steps, else 1 or 2.
fn tick_decimals(ticks: &[f64]) -> usize {
    let step = ticks.get(1).copied().unwrap_or(1.0);
    [0, 1, 2]
        .into_iter()
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(2)
}

/// Horizontal grid lines with labels on the left of a plot area.
fn y_axis(
    out: &mut String,
    ticks: &[f64],
    (left, right): (f64, f64),
    y: impl Fn(f64) -> f64,
    label: impl Fn(f64) -> String,
) {
    for &tick in ticks {
        let ty = y(tick);
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\n",
            n(left),
            n(ty),
            n(right),
            n(ty)
        ));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"axis\">{}</text>\n",
            n(left - 6.0),
            n(ty + 4.0),
            escape(&label(tick))
        ));
    }
}

/// Period labels under a plot, thinned out when they would collide.
fn x_labels(out: &mut String, view: &PlanView<'_>, left: f64, column: f64, y: f64) {
    let calendar = &view.portfolio.calendar;
    let every = (48.0 / column).ceil().max(1.0) as usize;
    for t in (0..calendar.len()).step_by(every) {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>\n",
            n(left + (t as f64 + 0.5) * column),
            n(y),
            escape(&calendar.label(t).to_string())
        ));
    }
}

// Gantt geometry.
const GANTT_WIDTH: f64 = 1100.0;
const LABEL_WIDTH: f64 = 340.0;
const ROW: f64 = 22.0;
const GROUP: f64 = 28.0;
const HEADER: f64 = 42.0;

/// The roadmap as a Gantt chart: one row per scheduled or done measure, grouped by area.
pub fn gantt(view: &PlanView<'_>) -> String {
    let calendar = &view.portfolio.calendar;
    let periods = calendar.len().max(1);
    let left = LABEL_WIDTH;
    let right = GANTT_WIDTH - 12.0;
    let column = (right - left) / periods as f64;
    let x = |t: usize| left + t as f64 * column;
    let groups = view::area_groups(view.portfolio, &view.chart_order());
    let rows: usize = groups.iter().map(|g| g.measures.len()).sum();
    // A lone group without an area needs no heading.
    let headed = groups.iter().any(|g| g.area.is_some());
    let heading = if headed { GROUP } else { 6.0 };
    let height = HEADER + groups.len() as f64 * heading + rows as f64 * ROW + 8.0;
    let t = |l| lang::text(view.language, l);
    let mut out = open(GANTT_WIDTH, height, t(Label::Schedule));
    // Year bands and period lines behind everything.
    for p in 0..calendar.len() {
        let label = calendar.label(p);
        if label.year % 2 == 1 {
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f6f9\"/>\n",
                n(x(p)),
                n(HEADER - 20.0),
                n(column),
                n(height - HEADER + 20.0)
            ));
        }
    }
    for p in 0..=calendar.len() {
        let year_start = calendar.label(p).part == 1 || calendar.period == PeriodKind::Year;
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n",
            n(x(p)),
            n(if year_start {
                HEADER - 40.0
            } else {
                HEADER - 20.0
            }),
            n(x(p)),
            n(height),
            if year_start { "#c5ced8" } else { GRID }
        ));
    }
    gantt_header(&mut out, view, left, column);
    let mut y = HEADER;
    for group in &groups {
        if !headed {
            y += heading;
            for &j in &group.measures {
                gantt_row(&mut out, view, j, y, &x);
                y += ROW;
            }
            continue;
        }
        out.push_str(&format!(
            "<text x=\"4\" y=\"{}\" class=\"group\">{}</text>\n",
            n(y + 19.0),
            escape(&clip(view.area_name(group.area), 52))
        ));
        out.push_str(&format!(
            "<line x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c5ced8\"/>\n",
            n(y + GROUP - 1.0),
            n(right),
            n(y + GROUP - 1.0)
        ));
        y += GROUP;
        for &j in &group.measures {
            gantt_row(&mut out, view, j, y, &x);
            y += ROW;
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Period labels: years for yearly calendars; otherwise years above and parts (H1, Q3, 07) below.
fn gantt_header(out: &mut String, view: &PlanView<'_>, left: f64, column: f64) {
    let calendar = &view.portfolio.calendar;
    let x = |t: usize| left + t as f64 * column;
    if calendar.period == PeriodKind::Year {
        let every = (44.0 / column).ceil().max(1.0) as usize;
        for p in (0..calendar.len()).step_by(every) {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"period\">{}</text>\n",
                n(x(p) + column / 2.0),
                n(HEADER - 8.0),
                calendar.label(p).year
            ));
        }
        return;
    }
    let mut p = 0;
    while p < calendar.len() {
        let year = calendar.label(p).year;
        let mut end = p;
        while end + 1 < calendar.len() && calendar.label(end + 1).year == year {
            end += 1;
        }
        let span = (end - p + 1) as f64 * column;
        if span >= 34.0 {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"period\">{year}</text>\n",
                n(x(p) + span / 2.0),
                n(HEADER - 26.0)
            ));
        }
        p = end + 1;
    }
    if column >= 20.0 {
        for p in 0..calendar.len() {
            let label = calendar.label(p);
            let part = match calendar.period {
                PeriodKind::Half => format!("H{}", label.part),
                PeriodKind::Quarter => format!("Q{}", label.part),
                _ => format!("{:02}", label.part),
            };
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{part}</text>\n",
                n(x(p) + column / 2.0),
                n(HEADER - 6.0)
            ));
        }
    }
}

fn gantt_row(out: &mut String, view: &PlanView<'_>, j: usize, y: f64, x: &impl Fn(usize) -> f64) {
    let calendar = &view.portfolio.calendar;
    let t = |l| lang::text(view.language, l);
    let row = view.row(j);
    let colour = if row.mandatory { MANDATORY } else { PLANNED };
    let (when, mark) = match (row.status, row.periods) {
        (Some(RowStatus::Scheduled), Some((first, last))) => {
            let when = if first == last {
                calendar.label(first).to_string()
            } else {
                format!("{}–{}", calendar.label(first), calendar.label(last))
            };
            let mark = if row.duration == 0 {
                diamond(x(first), y + ROW / 2.0, colour)
            } else {
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>",
                    n(x(first) + 1.0),
                    n(y + 5.0),
                    n(x(last + 1) - x(first) - 2.0)
                )
            };
            (when, mark)
        }
        _ => (
            t(Label::DoneBeforeHorizon).to_owned(),
            format!(
                "{}<text x=\"{}\" y=\"{}\" class=\"done\">{}</text>",
                diamond(x(0), y + ROW / 2.0, DONE),
                n(x(0) + 10.0),
                n(y + 15.0),
                escape(t(Label::DoneBeforeHorizon))
            ),
        ),
    };
    let mut notes = Vec::new();
    if row.mandatory {
        notes.push(t(Label::MandatoryNote));
    }
    if row.fixed {
        notes.push(t(Label::Fixed));
    }
    if row.duration == 0 {
        notes.push(t(Label::Milestone));
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join(", "))
    };
    let class = if row.status == Some(RowStatus::Done) {
        "name done"
    } else {
        "name"
    };
    out.push_str(&format!(
        "<g><title>{} · {}: {when}{notes}</title>",
        escape(row.id),
        escape(row.name)
    ));
    if row.mandatory {
        out.push_str(&format!(
            "<rect x=\"4\" y=\"{}\" width=\"3\" height=\"14\" fill=\"{MANDATORY}\"/>",
            n(y + 4.0)
        ));
    }
    out.push_str(&format!(
        "<text x=\"14\" y=\"{}\" class=\"{class}\">{}</text>{mark}</g>\n",
        n(y + 15.0),
        escape(&clip(row.name, 46))
    ));
}

/// A milestone diamond centred on (`cx`, `cy`).
fn diamond(cx: f64, cy: f64, colour: &str) -> String {
    format!(
        "<path d=\"M{} {}l7 7l-7 7l-7 -7z\" fill=\"{colour}\"/>",
        n(cx),
        n(cy - 7.0)
    )
}

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
    let periods = calendar.len().max(1);
    let right = SMALL_WIDTH - 10.0;
    let column = (right - PLOT_LEFT) / periods as f64;
    let highest = (0..calendar.len())
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
            Some(unit) => format!("{} {unit}", lang::number(view.language, v, decimals)),
            None => lang::number(view.language, v, decimals),
        },
    );
    let mut capacity_path = String::new();
    for t in 0..calendar.len() {
        let (used, capacity) = (e.usage[t][r], e.capacity[t][r]);
        let x0 = PLOT_LEFT + t as f64 * column;
        let label = calendar.label(t);
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
                    escape(&lang::percent(view.language, share))
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
    x_labels(&mut out, view, PLOT_LEFT, column, PLOT_BOTTOM + 18.0);
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
    let t = |l| lang::text(view.language, l);
    let mut out = open(SMALL_WIDTH, SMALL_HEIGHT, t(Label::ResilienceCurve));
    let decimals = tick_decimals(&ticks);
    y_axis(&mut out, &ticks, (left, right), y, |v| {
        lang::number(view.language, v, decimals)
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
                escape(&lang::number(view.language, *level, 1))
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
    x_labels(&mut out, view, left, column, PLOT_BOTTOM + 18.0);
    out.push_str("</svg>\n");
    out
}

/// Coverage per dimension: the share of the possible impact the roadmap delivers.
pub fn coverage(view: &PlanView<'_>) -> String {
    let rows = &view.evaluation.coverage;
    let row = 26.0;
    let height = rows.len() as f64 * row + 12.0;
    let (left, right) = (210.0, SMALL_WIDTH - 64.0);
    let t = |l| lang::text(view.language, l);
    let mut out = open(SMALL_WIDTH, height, t(Label::Coverage));
    for (i, (c, dimension)) in rows.iter().zip(&view.portfolio.dimensions).enumerate() {
        let y = 6.0 + i as f64 * row;
        let name = dimension.name.get(view.language);
        let share = if c.possible > 0.0 { c.share } else { 0.0 };
        let text = if c.possible > 0.0 {
            lang::percent(view.language, c.share)
        } else {
            t(Label::Nothing).to_owned()
        };
        out.push_str(&format!(
            "<g><title>{}: {} / {}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"name\">{}</text>",
            escape(name),
            escape(&lang::number(view.language, c.achieved, 1)),
            escape(&lang::number(view.language, c.possible, 1)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        let close = |a: Vec<f64>, b: &[f64]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
        };
        assert!(close(
            ticks(1_100_000.0),
            &[
                0.0,
                250_000.0,
                500_000.0,
                750_000.0,
                1_000_000.0,
                1_250_000.0
            ]
        ));
        assert!(close(ticks(6.0), &[0.0, 2.0, 4.0, 6.0]));
        assert!(close(ticks(10.0), &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]));
        assert!(close(ticks(0.0), &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]));
        assert!(close(ticks(f64::INFINITY), &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]));
        assert!(close(
            ticks(219.0),
            &[0.0, 50.0, 100.0, 150.0, 200.0, 250.0]
        ));
    }

    #[test]
    fn long_names_are_clipped_by_characters() {
        assert_eq!(clip("kurz", 10), "kurz");
        assert_eq!(clip("Überlänge über alles", 8), "Überlän…");
        assert_eq!(clip("a\nb", 8), "a b");
    }
}
