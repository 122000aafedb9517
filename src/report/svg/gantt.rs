//! The roadmap as a Gantt chart: one row per scheduled or done measure, grouped by area.

use super::draw::{CRITICAL, DONE, GRID, MANDATORY, PLANNED, clip, diamond, n, open};
use crate::model::period::PeriodKind;
use crate::report::lang::Label;
use crate::report::markup::escape;
use crate::report::view::{self, PlanView, RowStatus};

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
    let t = |l: Label| l.text(view.language);
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
    let t = |l: Label| l.text(view.language);
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
            let mark = if view.critical(j) {
                format!("<g class=\"critical\" stroke=\"{CRITICAL}\" stroke-width=\"2\">{mark}</g>")
            } else {
                mark
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
    if view.critical(j) {
        notes.push(t(Label::Critical));
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
