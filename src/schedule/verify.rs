//! Checks a roadmap against the portfolio's rules, independently of the scheduler.
//!
//! Everything here is recomputed from the [`Portfolio`] and the [`Roadmap`]
//! alone (DESIGN.md, "Semantics"), so tests can use it to prove that whatever
//! the scheduler produces is feasible and to recompute its objective. No
//! function here panics, whatever the roadmap holds.

pub mod balance;
mod choice;
pub mod freeze;
pub mod funding;
mod obligations;
mod pilot;
mod risk;
pub(crate) mod spend;
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
    /// A planned pilot is in the roadmap but its rollout is not.
    PilotWithoutRollout,
    /// The roadmap falls short of a balance rule (`balance:`).
    BalanceUnmet,
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
            ViolationKind::PilotWithoutRollout => "pilot_without_rollout",
            ViolationKind::BalanceUnmet => "balance_unmet",
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
    out.extend(balance::check(portfolio, roadmap));
    out.extend(started::check(portfolio, roadmap));
    out
}

/// The objective (resilience-periods; under a risk objective the expected damage avoided)
/// of a roadmap, computed from the portfolio alone.
///
/// Placements beyond the shorter of the roadmap and the measure list are ignored.
pub fn objective(portfolio: &Portfolio, roadmap: &Roadmap) -> f64 {
    if let Some(risk) = risk::objective(portfolio, roadmap) {
        return risk;
    }
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
mod tests;
