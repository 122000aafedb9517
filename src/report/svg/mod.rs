//! Inline SVG charts for the HTML report: the Gantt chart, resource use against
//! capacity, the resilience curve and coverage per dimension.
//!
//! Charts draw numbers from the view and the evaluation; they compute only
//! geometry (positions, axis ticks). Coordinates are written with one decimal,
//! so the same plan gives the same bytes. Portfolio text is HTML-escaped,
//! in `<text>`, `<title>` and attributes alike.

mod charts;
mod draw;
mod gantt;

pub use charts::{coverage, curve, resource};
pub use draw::{DONE, MANDATORY, PLANNED, ticks};
pub use gantt::gantt;
