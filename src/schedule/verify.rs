//! Checks a roadmap against the portfolio's rules, independently of the scheduler.
//!
//! Everything here is recomputed from the [`Portfolio`] and the [`Roadmap`]
//! alone (DESIGN.md, "Semantics"), so tests can use it to prove that whatever
//! the scheduler produces is feasible and to recompute its objective. No
//! function here panics, whatever the roadmap holds.

mod choice;
pub mod freeze;
pub mod funding;
mod obligations;
mod pilot;
mod spend;
mod started;

use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio, Status, fits_capacity};
use serde::Serialize;
use std::collections::HashMap;

/// One rule a roadmap breaks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// Index of the measure concerned; `None` for the roadmap as a whole or a resource.
    pub measure: Option<usize>,
    /// Which rule.
    pub kind: ViolationKind,
    /// What is wrong, naming the measure id, the period label and the numbers.
    pub message: String,
}

/// The rules a roadmap can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolationKind {
    /// The roadmap does not have exactly one placement per measure.
    Length,
    /// A `done` measure is not `Done`, or a measure that is not `done` is.
    DoneMismatch,
    /// A `fixed` measure is not scheduled at its `start`.
    FixedMoved,
    /// A scheduled measure does not finish inside the horizon.
    OutsideHorizon,
    /// A scheduled measure starts before its `earliest`.
    BeforeEarliest,
    /// A scheduled measure finishes after its deadline.
    DeadlineMissed,
    /// A scheduled measure starts before a measure it depends on is complete.
    DependencyIncomplete,
    /// A mandatory measure is neither scheduled nor done.
    MandatoryMissing,
    /// A resource is used beyond its capacity in a budget period.
    CapacityExceeded,
    /// Follow-up costs after the horizon break the limit of `sustainability`.
    FollowUpExceeded,
    /// Two measures of one alternative group are in the roadmap.
    AlternativesBoth,
    /// No measure of an `exactly_one` alternative group is in the roadmap.
    ChoiceMissing,
    /// Some measures of a bundle are in the roadmap and others are not.
    BundleSplit,
    /// A measure fulfilling an obligation is not complete by the obligation's deadline.
    ObligationMissed,
    /// A started measure does not go on from the horizon's first period with the periods
    /// and cost it has left.
    StartedMoved,
    /// A measure frozen by `--freeze` does not start where the adopted plan started it.
    FrozenMoved,
}

impl ViolationKind {
    /// The rule's name, as JSON writes it (`dependency_incomplete`).
    pub fn name(self) -> &'static str {
        match self {
            ViolationKind::Length => "length",
            ViolationKind::DoneMismatch => "done_mismatch",
            ViolationKind::FixedMoved => "fixed_moved",
            ViolationKind::OutsideHorizon => "outside_horizon",
            ViolationKind::BeforeEarliest => "before_earliest",
            ViolationKind::DeadlineMissed => "deadline_missed",
            ViolationKind::DependencyIncomplete => "dependency_incomplete",
            ViolationKind::MandatoryMissing => "mandatory_missing",
            ViolationKind::CapacityExceeded => "capacity_exceeded",
            ViolationKind::FollowUpExceeded => "follow_up_exceeded",
            ViolationKind::AlternativesBoth => "alternatives_both",
            ViolationKind::ChoiceMissing => "choice_missing",
            ViolationKind::BundleSplit => "bundle_split",
            ViolationKind::ObligationMissed => "obligation_missed",
            ViolationKind::StartedMoved => "started_moved",
            ViolationKind::FrozenMoved => "frozen_moved",
        }
    }
}

/// Every rule the roadmap breaks; empty when it is feasible.
///
/// Order: a [`ViolationKind::Length`] violation alone (nothing else is checked
/// then); otherwise the violations of each measure in portfolio order, then the
/// capacity violations by period, then resource.
pub fn verify(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    let measures = &portfolio.measures;
    let placements = &roadmap.placements;
    if placements.len() != measures.len() {
        return vec![Violation {
            measure: None,
            kind: ViolationKind::Length,
            message: format!(
                "the roadmap has {} placements for {} measures",
                placements.len(),
                measures.len()
            ),
        }];
    }
    let calendar = &portfolio.calendar;
    let horizon = calendar.len() as i128;
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for (i, m) in measures.iter().enumerate() {
        index_of.entry(m.id.value.as_str()).or_insert(i);
    }
    let mut out = Vec::new();
    for (i, (m, placement)) in measures.iter().zip(placements).enumerate() {
        let id = &m.id.value;
        let mut push = |kind, message: String| {
            out.push(Violation {
                measure: Some(i),
                kind,
                message: format!("{id}: {message}"),
            })
        };
        let done = m.status.value == Status::Done;
        if done != (*placement == Placement::Done) {
            push(
                ViolationKind::DoneMismatch,
                if done {
                    "is done before the horizon but not placed as done".into()
                } else {
                    "is placed as done but its status is not `done`".into()
                },
            );
        }
        let start = placement.start();
        if m.status.value == Status::Fixed
            && let Some(label) = &m.start
            && let Some(offset) = calendar.offset_of(label.value)
            && start.map(|s| s as i128) != Some(i128::from(offset))
        {
            let placed = start.map_or("not scheduled".into(), |s| {
                format!("scheduled in {}", name(portfolio, s as i128))
            });
            push(
                ViolationKind::FixedMoved,
                format!("is fixed to start in {} but {placed}", label.value),
            );
        }
        if let Some(s) = start {
            let d = i128::from(m.duration.value);
            let si = s as i128;
            let end = si + d; // complete from `end` on
            let when = name(portfolio, si);
            if (d == 0 && si >= horizon) || end > horizon {
                push(
                    ViolationKind::OutsideHorizon,
                    format!("starts in {when} with duration {d}, past {}", calendar.end),
                );
            }
            if let Some(label) = &m.earliest
                && let Some(e) = calendar.offset_of(label.value)
                && si < i128::from(e)
            {
                push(
                    ViolationKind::BeforeEarliest,
                    format!("starts in {when}, before its earliest {}", label.value),
                );
            }
            if let Some(label) = &m.deadline
                && let Some(dl) = calendar.offset_of(label.value)
                && i128::from(dl) < horizon
                && (if d == 0 { si } else { end - 1 }) > i128::from(dl)
            {
                push(
                    ViolationKind::DeadlineMissed,
                    format!(
                        "ends after its deadline {} (starts in {when}, duration {d})",
                        label.value
                    ),
                );
            }
            for dep in &m.depends_on {
                let Some(&j) = index_of.get(dep.value.as_str()) else {
                    continue;
                };
                let complete_from = match placements[j] {
                    Placement::Done => Some(0),
                    Placement::Scheduled { start } => {
                        Some(start as i128 + i128::from(measures[j].duration.value))
                    }
                    Placement::NotScheduled { .. } => None,
                };
                let why = match complete_from {
                    Some(c) if c <= si => continue,
                    Some(c) => format!("completes only in {}", name(portfolio, c)),
                    None => "is not scheduled".into(),
                };
                push(
                    ViolationKind::DependencyIncomplete,
                    format!("starts in {when} but its dependency {} {why}", dep.value),
                );
            }
        }
        if m.mandatory && matches!(placement, Placement::NotScheduled { .. }) {
            push(
                ViolationKind::MandatoryMissing,
                "is mandatory but not scheduled".into(),
            );
        }
    }
    // A resource that carries over is checked on its totals up to each budget period.
    let mut carried = vec![(0.0, 0.0); portfolio.resources.len()];
    for (b, row) in usage(portfolio, roadmap).iter().enumerate() {
        let label = calendar.budget_label(b);
        for ((&used, resource), carried) in row.iter().zip(&portfolio.resources).zip(&mut carried) {
            let Some(capacity) = resource.capacity.at(label) else {
                continue;
            };
            let (used, capacity, when) = if resource.carry_over {
                *carried = (carried.0 + used, carried.1 + capacity);
                (
                    carried.0,
                    carried.1,
                    format!("up to {label} (carried over)"),
                )
            } else {
                (used, capacity, format!("in {label}"))
            };
            if !fits_capacity(used, capacity) {
                out.push(Violation {
                    measure: None,
                    kind: ViolationKind::CapacityExceeded,
                    message: format!(
                        "{} {when}: {} used, capacity {}",
                        resource.id.value,
                        number(used),
                        number(capacity)
                    ),
                });
            }
        }
    }
    out.extend(funding::follow_up(portfolio, roadmap));
    out.extend(pilot::check(portfolio, roadmap));
    out.extend(choice::check(portfolio, roadmap));
    out.extend(obligations::check(portfolio, roadmap));
    out.extend(started::check(portfolio, roadmap));
    out
}

/// The objective (resilience-periods) of a roadmap, computed from the portfolio alone.
///
/// Placements beyond the shorter of the roadmap and the measure list are ignored.
pub fn objective(portfolio: &Portfolio, roadmap: &Roadmap) -> f64 {
    let counted = portfolio.calendar.len() as i128 + i128::from(portfolio.calendar.evaluation_tail);
    portfolio
        .measures
        .iter()
        .zip(&roadmap.placements)
        .map(|(m, placement)| {
            let periods = match placement {
                Placement::Done => counted,
                Placement::Scheduled { start } => {
                    (counted - (*start as i128 + i128::from(m.duration.value))).max(0)
                }
                Placement::NotScheduled { .. } => 0,
            };
            value(portfolio, m) * periods as f64
        })
        .sum()
}

/// A measure's value: its impacts averaged with the dimension weights (0 when all weights are 0).
fn value(portfolio: &Portfolio, measure: &Measure) -> f64 {
    let dims = &portfolio.dimensions;
    let weights: f64 = dims.iter().map(|d| d.weight.value).sum();
    let impact = |d: &crate::model::Dimension| Measure::amount(&measure.impact, &d.id.value);
    let weighted: f64 = dims.iter().map(|d| d.weight.value * impact(d)).sum();
    if weights == 0.0 {
        0.0
    } else {
        weighted / weights
    }
}

/// Resource use per budget period, what each resource is charged: `result[b][r]` (per
/// period when the calendar has no coarser `budget_period`).
///
/// [`gross_usage`] less the grants of funding programmes ([`funding::grants`], paid per
/// period and summed like a use: staff averaged over the budget period).
pub fn usage(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Vec<f64>> {
    let mut used = gross_usage(portfolio, roadmap);
    if !portfolio.funding.is_empty() {
        let calendar = &portfolio.calendar;
        let per_budget = calendar.per_budget();
        for (t, grants) in funding::grants(portfolio, roadmap).iter().enumerate() {
            for (r, grant) in grants.iter().enumerate() {
                let staff = portfolio.resources[r].is_staff();
                used[t / per_budget][r] -= if staff {
                    grant / per_budget as f64
                } else {
                    *grant
                };
            }
        }
    }
    used
}

/// Resource use per budget period before grants: `result[b][r]`.
///
/// Covers every budget period of the horizon and every resource. Running measures spend
/// `cost / duration` per period (or by their payment profile), completed and `Done`
/// measures their `run_cost` per budget period, spread evenly over its periods. Staff is
/// a headcount: a budget period holds the average of its periods, and its run cost stays
/// in every period; staff `charged_to` a money resource adds its `cost_rate` per unit and
/// year there. Amounts of a resource with a `price_index` are nominal, in prices of the
/// year they fall in. Placements beyond the shorter of the roadmap and the measure list
/// are ignored.
pub fn gross_usage(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Vec<f64>> {
    let calendar = &portfolio.calendar;
    let per_budget = calendar.per_budget();
    let mut used = vec![vec![0.0; portfolio.resources.len()]; calendar.budget_len()];
    spend::each(portfolio, roadmap, |_, t, r, amount, _| {
        let amount = if portfolio.resources[r].is_staff() {
            amount / per_budget as f64
        } else {
            amount
        };
        used[t / per_budget][r] += amount;
    });
    used
}

/// Calls `f(measure, t, r, amount)` for what each scheduled measure spends of resource `r`
/// in period `t` while it runs, as [`gross_usage`] counts it (staff per period, not
/// averaged): the spending funding programmes co-fund.
pub fn running_spend(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    mut f: impl FnMut(usize, usize, usize, f64),
) {
    spend::each(portfolio, roadmap, |j, t, r, amount, running| {
        if running {
            f(j, t, r, amount);
        }
    });
}

/// The label of period `t`, or its index when it lies absurdly far out.
fn name(portfolio: &Portfolio, t: i128) -> String {
    if (0..=portfolio.calendar.len() as i128 + 100_000).contains(&t) {
        portfolio.calendar.label(t as usize).to_string()
    } else {
        format!("period {t}")
    }
}

/// A number for messages: at most 6 decimals, integral values without any.
fn number(x: f64) -> String {
    let rounded = if x.abs() < 1e15 {
        (x * 1e6).round() / 1e6
    } else {
        x
    };
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::roadmap::Reason;
    use ViolationKind::*;

    // The brief's example with 2028 raised from 50 to 60 (at 50 nothing with `a` fits),
    // plus a fixed measure `f`, a measure `e` with an `earliest`, and a second resource.
    const TEXT: &str = "\
version: 1
name: t
calendar: { period: year, start: 2027, end: 2030, evaluation_tail: 2 }
resources:
  budget: { capacity: { default: 100, 2028: 60 } }
  staff: { capacity: 1 }
measures:
  - { id: a, name: A, duration: 2, cost: { budget: 100 }, run_cost: { budget: 10 }, impact: { recovery: 5 } }
  - { id: b, name: B, duration: 1, cost: { budget: 40 }, depends_on: [a], deadline: 2029, impact: { protection: 3 } }
  - { id: m, name: M, duration: 0, depends_on: [b], mandatory: true }
  - { id: d, name: D, duration: 1, status: done, run_cost: { budget: 5 }, impact: { governance: 2 } }
  - { id: f, name: F, duration: 1, status: fixed, start: 2028, cost: { staff: 1 }, impact: { capability: 1 } }
  - { id: e, name: E, duration: 1, earliest: 2029, impact: { response: 4 } }
";

    fn portfolio(text: &str) -> Portfolio {
        let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), text);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.document.unwrap().into_portfolio().unwrap()
    }

    fn at(start: usize) -> Placement {
        Placement::Scheduled { start }
    }

    fn not() -> Placement {
        Placement::NotScheduled {
            reason: Reason::Dependency { dependency: 0 },
        }
    }

    /// a 2027–28, b 2029, m reached 2030, d done, f 2028 (fixed), e 2030.
    fn feasible() -> Roadmap {
        Roadmap {
            placements: vec![at(0), at(2), at(3), Placement::Done, at(1), at(3)],
        }
    }

    fn with(index: usize, placement: Placement) -> Roadmap {
        let mut roadmap = feasible();
        roadmap.placements[index] = placement;
        roadmap
    }

    #[test]
    fn feasible_roadmap_verifies_and_has_the_hand_computed_objective() {
        let p = portfolio(TEXT);
        assert_eq!(verify(&p, &feasible()), vec![]);
        // T + tail = 6; values are impact / 7: a 5×(6−2), b 3×(6−3), d 2×6, f 1×(6−2), e 4×(6−4).
        let expected = (20.0 + 9.0 + 12.0 + 4.0 + 8.0) / 7.0;
        assert!((objective(&p, &feasible()) - expected).abs() < 1e-12);
        // Not scheduled counts nothing; a start past the tail counts nothing, never negative.
        assert!((objective(&p, &with(5, not())) - (expected - 8.0 / 7.0)).abs() < 1e-12);
        assert!((objective(&p, &with(5, at(usize::MAX))) - (expected - 8.0 / 7.0)).abs() < 1e-12);
    }

    #[test]
    fn usage_counts_costs_run_costs_and_done_run_costs() {
        let p = portfolio(TEXT);
        let expected = vec![
            vec![55.0, 0.0], // a 100/2 + d's run cost 5
            vec![55.0, 1.0], // a 100/2 + 5; f's staff
            vec![55.0, 0.0], // b 40 + a's run cost 10 + 5
            vec![15.0, 0.0], // a's run cost 10 + 5
        ];
        assert_eq!(usage(&p, &feasible()), expected);
    }

    #[test]
    fn capacity_is_checked_per_budget_period() {
        // Quarters under budget years: two quarters of 60 fit no year of 100, whichever
        // quarters they fall in; run costs are per year (40), a quarter each.
        let p = portfolio(
            "version: 1\nname: t\n\
             calendar: { period: quarter, start: 2027-Q1, end: 2028-Q4, budget_period: year }\n\
             resources:\n  budget: { capacity: { default: 100, 2028: 200 } }\nmeasures:\n\
             - { id: a, name: A, duration: 1, cost: { budget: 60 }, run_cost: { budget: 40 } }\n\
             - { id: b, name: B, duration: 1, cost: { budget: 60 } }\n",
        );
        let plan = |a: usize, b: usize| Roadmap {
            placements: vec![at(a), at(b)],
        };
        // a in 2027-Q3 (then 10 a quarter for Q4 and 2028), b in 2028-Q1.
        assert_eq!(usage(&p, &plan(2, 4)), vec![vec![70.0], vec![100.0]]);
        assert_eq!(verify(&p, &plan(2, 4)), vec![]);
        let over = verify(&p, &plan(0, 3));
        assert_eq!(over.len(), 1);
        assert_eq!(over[0].kind, CapacityExceeded);
        assert_eq!(over[0].message, "budget in 2027: 150 used, capacity 100");
    }

    #[test]
    fn each_mutation_breaks_exactly_its_rules() {
        let p = portfolio(TEXT);
        let (a, b, m, d, f, e) = (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5));
        let cases = [
            // m reached in 2029, but b completes only from 2030 on.
            (2, at(2), vec![(m, DependencyIncomplete)]),
            // b not scheduled: m must not be either.
            (1, not(), vec![(m, DependencyIncomplete)]),
            // b in 2030 misses its deadline 2029, and m now comes too early.
            (
                1,
                at(3),
                vec![(b, DeadlineMissed), (m, DependencyIncomplete)],
            ),
            (2, not(), vec![(m, MandatoryMissing)]),
            (3, at(0), vec![(d, DoneMismatch)]),
            (3, not(), vec![(d, DoneMismatch)]),
            (5, Placement::Done, vec![(e, DoneMismatch)]),
            (4, at(2), vec![(f, FixedMoved)]),
            (4, not(), vec![(f, FixedMoved)]),
            (5, at(4), vec![(e, OutsideHorizon)]),
            (5, at(usize::MAX), vec![(e, OutsideHorizon)]),
            // A milestone may be reached in the last period, not after it.
            (2, at(4), vec![(m, OutsideHorizon)]),
            (5, at(1), vec![(e, BeforeEarliest)]),
            // a 2030–31 runs past the end, and b is too early.
            (
                0,
                at(3),
                vec![(a, OutsideHorizon), (b, DependencyIncomplete)],
            ),
            // a 2028–29: b too early; budget 55 of 60 in 2028, 95 of 100 in 2029.
            (0, at(1), vec![(b, DependencyIncomplete)]),
        ];
        for (index, placement, expected) in cases {
            let found = verify(&p, &with(index, placement.clone()));
            let found: Vec<_> = found.iter().map(|v| (v.measure, v.kind)).collect();
            assert_eq!(found, expected, "measure {index} at {placement:?}");
        }
        let message = &verify(&p, &with(2, at(2)))[0].message;
        assert_eq!(
            message,
            "m: starts in 2029 but its dependency b completes only in 2030"
        );
    }

    #[test]
    fn budget_overrun_in_one_period_including_run_costs() {
        // In 2029 b costs 40, but with a's and d's run costs 55 are used.
        let p = portfolio(&TEXT.replace("2028: 60", "2028: 60, 2029: 54"));
        let found = verify(&p, &feasible());
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].measure, found[0].kind), (None, CapacityExceeded));
        assert_eq!(found[0].message, "budget in 2029: 55 used, capacity 54");
        // a 2028–29 would use 50 + 5 in 2028 (cap 60) but 50 + 40 + 5 in 2029 with b there.
        let found = verify(&p, &with(0, at(1)));
        assert!(
            found
                .iter()
                .any(|v| v.kind == CapacityExceeded && v.message.contains("2029: 95"))
        );
    }

    #[test]
    fn lenient_where_the_rules_are() {
        // A deadline after the horizon and an earliest before it do not constrain;
        // a measure that is not mandatory may be left out.
        let text = TEXT.replace("deadline: 2029", "deadline: 2040");
        let text = text.replace("mandatory: true", "mandatory: false");
        let p = portfolio(&text.replace("earliest: 2029", "earliest: 2020"));
        let roadmap = Roadmap {
            placements: vec![at(0), at(3), not(), Placement::Done, at(1), at(0)],
        };
        assert_eq!(verify(&p, &roadmap), vec![]);
        // A dependency id that does not exist is skipped.
        let mut p = portfolio(TEXT);
        p.measures[5].depends_on = p.measures[1].depends_on.clone();
        p.measures[5].depends_on[0].value = "nothing".into();
        assert_eq!(verify(&p, &feasible()), vec![]);
    }

    #[test]
    fn wrong_length_is_reported_without_panicking() {
        let p = portfolio(TEXT);
        for n in [0, 3, 7] {
            let mut roadmap = feasible();
            roadmap.placements.resize(n, at(usize::MAX));
            let found = verify(&p, &roadmap);
            assert_eq!(
                (found.len(), found[0].measure, found[0].kind),
                (1, None, Length)
            );
            let _ = (objective(&p, &roadmap), usage(&p, &roadmap));
        }
    }

    #[test]
    fn kinds_serialize_in_snake_case_as_their_names() {
        let all = [
            Length,
            DoneMismatch,
            FixedMoved,
            OutsideHorizon,
            BeforeEarliest,
            DeadlineMissed,
            DependencyIncomplete,
            MandatoryMissing,
            CapacityExceeded,
        ];
        for kind in all {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
    }
}
