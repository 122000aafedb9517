//! Maturity Ist → Soll as a chart: one panel per indicator with the level at the baseline
//! (Ist) and at the end of each year of the horizon, the target level as a dashed line and
//! the target year marked by a diamond on it. The levels, the year judged and the verdict
//! are the evaluation's (`schedule::evaluate::maturity`); the chart computes geometry only.

use super::draw::{CRITICAL, GRID, MANDATORY, PLANNED, clip, diamond, n, open, ticks};
use crate::model::maturity::{Indicator, Scale};
use crate::report::lang::de_en;
use crate::report::markup::escape;
use crate::report::view::{PlanView, level_short, named, verdict};
use crate::schedule::evaluate::maturity::MaturityStatus;

const WIDTH: f64 = 540.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = WIDTH - 16.0;
/// Height of one panel: its heading, the plot and the year labels.
const PANEL: f64 = 138.0;
const HEADING: f64 = 16.0;
const PLOT_TOP: f64 = 34.0;
const PLOT_BOTTOM: f64 = 108.0;

/// The chart of every indicator, one panel each; `None` without indicators.
pub fn maturity(view: &PlanView<'_>) -> Option<String> {
    let statuses = &view.evaluation.maturity;
    let panels: Vec<(&Indicator, &MaturityStatus)> = (statuses.iter())
        .filter_map(|s| Some((view.portfolio.maturity.get(s.indicator)?, s)))
        .collect();
    if panels.is_empty() {
        return None;
    }
    let l = view.language;
    let title = de_en(l, "Reifegrad: Ist → Soll", "Maturity: baseline → target");
    let mut out = open(WIDTH, panels.len() as f64 * PANEL, title);
    let desc: Vec<String> = (panels.iter())
        .map(|(indicator, s)| words(view, indicator, s))
        .collect();
    out.push_str(&format!("<desc>{}</desc>\n", escape(&desc.join(" "))));
    for (i, (indicator, s)) in panels.iter().enumerate() {
        out.push_str(&panel(view, indicator, s, i as f64 * PANEL));
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// The panel in words, for screen readers and tooltips: "OZG: Ist 2; 2027: 2; …; Soll 3
/// bis 2029: verfehlt (2 statt 3)."
fn words(view: &PlanView<'_>, indicator: &Indicator, s: &MaturityStatus) -> String {
    let l = view.language;
    let course: Vec<String> = (s.by_year.iter())
        .map(|(year, level)| format!("{year}: {}", level_short(indicator, *level)))
        .collect();
    format!(
        "{}: {} {}; {}; {} {} {} {}: {}.",
        indicator.display_name(l),
        de_en(l, "Ist", "baseline"),
        level_short(indicator, indicator.baseline.level.value),
        course.join("; "),
        de_en(l, "Soll", "target"),
        level_short(indicator, indicator.target.value),
        de_en(l, "bis", "by"),
        s.due,
        verdict(indicator, s, l)
    )
}

fn panel(view: &PlanView<'_>, indicator: &Indicator, s: &MaturityStatus, top: f64) -> String {
    let l = view.language;
    let scale = &indicator.scale;
    // The y axis: every level of a level scale; on a count, round ticks and its top.
    let mut axis: Vec<u32> = match scale {
        Scale::Levels { .. } => (scale.min()..=scale.max()).collect(),
        // Round ticks below the top, then the top itself (`0, 5, 10, 15, 19`).
        Scale::Count { max, .. } => (ticks(f64::from(*max)).iter())
            .map(|t| t.round() as u32)
            .filter(|t| t < max)
            .chain([*max])
            .collect(),
    };
    axis.dedup();
    let (low, high) = (
        f64::from(scale.min()),
        f64::from(axis.last().copied().unwrap_or(1).max(scale.min() + 1)),
    );
    let y = |level: u32| {
        top + PLOT_BOTTOM - (f64::from(level) - low) / (high - low) * (PLOT_BOTTOM - PLOT_TOP)
    };
    // Columns: the baseline, then the end of each year.
    let columns = s.by_year.len() + 1;
    let column = (RIGHT - LEFT) / columns as f64;
    let x = |c: usize| LEFT + (c as f64 + 0.5) * column;
    let mut out = format!("<g><title>{}</title>\n", escape(&words(view, indicator, s)));
    out.push_str(&format!(
        "<text x=\"0\" y=\"{}\" class=\"name\" font-weight=\"600\">{}</text>\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"value\"{}>{}</text>\n",
        n(top + HEADING),
        escape(&clip(&indicator.display_name(l), 52)),
        n(RIGHT),
        n(top + HEADING),
        if s.met {
            String::new()
        } else {
            format!(" style=\"fill: {MANDATORY}\"")
        },
        escape(&verdict(indicator, s, l))
    ));
    for &level in &axis {
        let ty = y(level);
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"axis\">{}</text>\n",
            n(LEFT),
            n(ty),
            n(RIGHT),
            n(ty),
            n(LEFT - 6.0),
            n(ty + 4.0),
            escape(&clip(&named(indicator, level, l), 24))
        ));
    }
    // The target: a dashed line at its level, a diamond in the year it is judged.
    let target = indicator.target.value;
    out.push_str(&format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{CRITICAL}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n",
        n(LEFT),
        n(y(target)),
        n(RIGHT),
        n(y(target))
    ));
    let due_column = match s.by_year.iter().position(|(year, _)| *year == s.due) {
        Some(c) => c + 1,
        None if s.by_year.first().is_some_and(|(first, _)| s.due < *first) => 0,
        None => columns - 1,
    };
    out.push_str(&format!(
        "<g><title>{} {} {} {}</title>{}</g>\n",
        de_en(l, "Soll", "Target"),
        escape(&named(indicator, target, l)),
        de_en(l, "bis", "by"),
        s.due,
        diamond(x(due_column), y(target), CRITICAL)
    ));
    // The level: the baseline, then the end of each year, joined by a line.
    let levels: Vec<u32> = std::iter::once(indicator.baseline.level.value)
        .chain(s.by_year.iter().map(|(_, level)| *level))
        .collect();
    let path: Vec<String> = (levels.iter().enumerate())
        .map(|(c, level)| {
            format!(
                "{}{} {}",
                if c == 0 { 'M' } else { 'L' },
                n(x(c)),
                n(y(*level))
            )
        })
        .collect();
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"none\" stroke=\"{PLANNED}\" stroke-width=\"2.5\"/>\n",
        path.join("")
    ));
    for (c, level) in levels.iter().enumerate() {
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{PLANNED}\"/>\n",
            n(x(c)),
            n(y(*level))
        ));
    }
    // The columns' labels: Ist, then the years.
    let labels = std::iter::once(de_en(l, "Ist", "Baseline").to_owned())
        .chain(s.by_year.iter().map(|(year, _)| year.to_string()));
    for (c, label) in labels.enumerate() {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>\n",
            n(x(c)),
            n(top + PLOT_BOTTOM + 18.0),
            escape(&label)
        ));
    }
    out.push_str("</g>\n");
    out
}
