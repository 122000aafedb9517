//! Drawing primitives shared by the charts: colours, coordinates with one decimal,
//! clipped labels, the `<svg>` element, axis ticks and labels, the milestone diamond.

use crate::model::period::PeriodLabel;
use crate::report::markup::escape;

/// Bars of planned measures.
pub const PLANNED: &str = "#2f6690";
/// Bars and diamonds of mandatory measures.
pub const MANDATORY: &str = "#7a1f2b";
/// Measures done before the horizon.
pub const DONE: &str = "#8d99a6";
/// The outline of measures on the critical chain (total slack 0).
pub const CRITICAL: &str = "#e07b00";
/// Capacity lines.
pub const CAPACITY: &str = "#1d2530";
/// Grid lines.
pub(super) const GRID: &str = "#e3e8ee";

/// One decimal, the only precision coordinates need.
pub(super) fn n(value: f64) -> String {
    format!("{value:.1}")
}

/// At most `max` characters, with an ellipsis when cut.
pub(super) fn clip(text: &str, max: usize) -> String {
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

/// The opening `<svg>` element of a chart `width` × `height` with an accessible label.
pub(super) fn open(width: f64, height: f64, label: &str) -> String {
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
pub(super) fn tick_decimals(ticks: &[f64]) -> usize {
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
pub(super) fn y_axis(
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
pub(super) fn x_labels(out: &mut String, labels: &[PeriodLabel], left: f64, column: f64, y: f64) {
    let every = (48.0 / column).ceil().max(1.0) as usize;
    for (t, label) in labels.iter().enumerate().step_by(every) {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>\n",
            n(left + (t as f64 + 0.5) * column),
            n(y),
            escape(&label.to_string())
        ));
    }
}

/// A milestone diamond centred on (`cx`, `cy`).
pub(super) fn diamond(cx: f64, cy: f64, colour: &str) -> String {
    format!(
        "<path d=\"M{} {}l7 7l-7 7l-7 -7z\" fill=\"{colour}\"/>",
        n(cx),
        n(cy - 7.0)
    )
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
