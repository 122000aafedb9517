//! The limits against hostile input: what one file, with its includes, may make resiplan do.
//!
//! A portfolio from a pull request must not tie up a CI runner. The planner's work and
//! its reports grow with measures × periods × resources, so each factor has a ceiling
//! far above what a real programme needs; with the file size and the YAML limits
//! (`read`, `yaml`), the work of one run is bounded by the size of its input. Every
//! limit is refused where it is exceeded, with its position and what to do, before
//! anything expensive runs. The README's "Limits against hostile input" lists them.

use super::decode::{Decoder, Fields};
use super::node::{Node, NodeKind};
use crate::diagnostic::source::Span;
use crate::diagnostic::{Code, Diagnostic, thousands};
use crate::model::period::{Calendar, PeriodKind, PeriodLabel};

/// Most periods in a horizon: 20 years of months. Roadmaps span 5 to 10 years and are
/// planned in months at the finest, so 120 periods is what a real one needs; the planner's
/// work grows with every period of every measure's window.
pub const MAX_PERIODS: usize = 240;

/// Most measures in a portfolio, includes counted: twice the 10,000 of the largest
/// benchmark (BENCHMARKS.md), twenty times the 901 controls of BSI Grundschutz++.
pub const MAX_MEASURES: usize = 20_000;

/// Most resources: budgets by kind of money or department, staff, a few funding
/// programmes. Every measure carries an amount per resource in every period it runs.
pub const MAX_RESOURCES: usize = 50;

/// Most dimensions (the defaults are 7): every measure's value is summed over them.
pub const MAX_DIMENSIONS: usize = 50;

/// Most `include` entries resolved in one load, counting a catalog each time it is
/// included: a few catalogs that include each other twice over would otherwise
/// multiply the work with every level.
pub const MAX_INCLUDES: usize = 1_000;

/// Deepest chain of catalogs including catalogs (a portfolio is level 1).
pub const MAX_INCLUDE_DEPTH: usize = 16;

/// Unknown ids in include lists that get a did-you-mean (each compares with every id).
pub(super) const SUGGESTED: usize = 100;

/// The calendar's length against [`MAX_PERIODS`]; `end` is where the problem is shown.
pub(super) fn check_horizon(dec: &mut Decoder, calendar: &Calendar, end: Span) -> bool {
    let periods = calendar.len();
    if periods <= MAX_PERIODS {
        return true;
    }
    let last = PeriodLabel::from_ordinal(
        calendar.period,
        calendar.start.ordinal() + MAX_PERIODS as i64 - 1,
    );
    let longer = match calendar.period {
        PeriodKind::Month => ", or count in quarters or years (`period: quarter`)",
        PeriodKind::Quarter => ", or count in halves or years (`period: year`)",
        PeriodKind::Half => ", or count in years (`period: year`)",
        PeriodKind::Year => "",
    };
    dec.report(
        Diagnostic::error(
            Code::LimitExceeded,
            end,
            format!(
                "the horizon {}–{} has {} {}; resiplan plans at most {MAX_PERIODS}",
                calendar.start,
                calendar.end,
                thousands(periods),
                calendar.period.plural()
            ),
        )
        .with_label(format!("more than {MAX_PERIODS} periods after the start"))
        .with_help(format!(
            "roadmaps span 5 to 10 years, at most 120 months: end the calendar by {last} at \
             the latest{longer}"
        )),
    );
    false
}

/// Resources and declared dimensions against their limits, before they are decoded.
pub(super) fn check_columns(dec: &mut Decoder, fields: &Fields<'_>) -> bool {
    let mut within = true;
    if let Some(Node {
        kind: NodeKind::Map(entries),
        ..
    }) = fields.get("resources")
    {
        let keys: Vec<&Node> = entries.iter().map(|(key, _)| key).collect();
        within &= check_count(dec, &keys, MAX_RESOURCES, "resources");
    }
    if let Some(Node {
        kind: NodeKind::Seq(items),
        ..
    }) = fields.get("dimensions")
    {
        let items: Vec<&Node> = items.iter().collect();
        within &= check_count(dec, &items, MAX_DIMENSIONS, "dimensions");
    }
    within
}

/// A list of `items` (resources, dimensions) against its limit; the first item over it
/// is where the problem is shown.
pub(super) fn check_count(dec: &mut Decoder, items: &[&Node], max: usize, what: &str) -> bool {
    match items.get(max) {
        Some(first_over) => {
            too_many(dec, first_over.span, max, what);
            false
        }
        None => true,
    }
}

/// Reports more than `max` `what` (measures, resources, dimensions), at the first one over.
pub(super) fn too_many(dec: &mut Decoder, at: Span, max: usize, what: &str) {
    dec.report(
        Diagnostic::error(
            Code::LimitExceeded,
            at,
            format!(
                "more than {} {what}: resiplan plans at most {}",
                thousands(max),
                thousands(max)
            ),
        )
        .with_label(format!("{what} number {}", thousands(max + 1)))
        .with_help(advice(what)),
    );
}

fn advice(what: &str) -> &'static str {
    match what {
        "measures" => {
            "split the portfolio, e.g. one per programme or department, or include only the \
             measures you plan from large catalogs (`measures: [...]` in the include)"
        }
        "resources" => "merge resources that are planned together, e.g. budgets of one kind",
        _ => "merge dimensions; the seven defaults cover digital resilience",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::source::FileId;

    #[test]
    fn a_horizon_of_twenty_years_of_months_is_the_most() {
        let label = |text: &str| PeriodLabel::parse(text).expect("label");
        let calendar = |end: &str| Calendar {
            period: PeriodKind::Month,
            start: label("2027-01"),
            end: label(end),
            evaluation_tail: 0,
            budget_period: PeriodKind::Month,
        };
        let mut dec = Decoder::default();
        let end = Span::at(FileId(0), "x", 0, 1);
        assert!(check_horizon(&mut dec, &calendar("2046-12"), end));
        assert!(dec.diagnostics.is_empty());
        assert!(!check_horizon(&mut dec, &calendar("9999-12"), end));
        let help = dec.diagnostics[0].help.clone().unwrap_or_default();
        assert!(dec.diagnostics[0].message.contains("95,676 months"));
        assert!(help.contains("by 2046-12 at the latest"), "{help}");
    }
}
