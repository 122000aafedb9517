//! Inline SVG charts for the HTML reports: the Gantt chart, resource use against
//! capacity, the resilience curve, coverage per dimension and maturity Ist → Soll; for
//! `simulate`, the fan chart of cumulative spending and the finish range of each measure.
//!
//! Charts draw numbers from the view and the evaluation; they compute only
//! geometry (positions, axis ticks). Coordinates are written with one decimal,
//! so the same plan gives the same bytes. Portfolio text is HTML-escaped,
//! in `<text>`, `<title>` and attributes alike.

mod charts;
mod draw;
mod fan;
mod gantt;
mod maturity;

pub use charts::{coverage, curve, resource};
pub use draw::{CAPACITY, CRITICAL, DONE, MANDATORY, PLANNED, ticks};
pub use fan::{BAND_INNER, BAND_OUTER, fan, finish_ranges};
pub use gantt::gantt;
pub use maturity::maturity;
