//! One robustness run's assumptions: every dimension weight times a factor drawn from a
//! symmetric triangle within ± the spread, and every measure's cost, duration and impact
//! drawn from its `uncertainty` ranges as `simulate` draws them, expressed as in-memory
//! [`Change`]s to re-plan with. Done measures are left as they are, and so is the duration
//! of a fixed one (its start is decided).
//!
//! Deadlines stay reachable: where drawn durations would make a deadline or a mandatory
//! measure unreachable along its dependency chain (or a fixed start too early for its
//! dependencies, or a measure longer than the horizon), which validation refuses, the
//! measure and everything it depends on keep their estimated durations in that run
//! (`simulate` is the command that shows how likely a deadline is missed).

use crate::analysis::simulate::draw::{Ranges, run_rng, triangular};
use crate::graph::DependencyGraph;
use crate::model::change::Change;
use crate::model::{Portfolio, Status};

/// The assumptions of one run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sample {
    /// Factor on each dimension's weight, in portfolio order.
    pub weights: Vec<f64>,
    /// The changes that express the sample.
    pub changes: Vec<Change>,
    /// Whether drawn durations were put back to the estimates to keep deadlines reachable.
    pub kept: bool,
}

/// The sample of run `run` under `seed`.
pub(crate) fn sample(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    ranges: &[Ranges],
    spread: f64,
    seed: u64,
    run: u64,
) -> Sample {
    // A stream of its own, apart from `simulate`'s under the same seed.
    let mut rng = run_rng(seed ^ 0x0005_EED0_F0B0_57ED, run);
    let mut changes = Vec::new();
    let weights: Vec<f64> = portfolio
        .dimensions
        .iter()
        .map(|d| {
            let factor = triangular(rng.unit(), 1.0 - spread, 1.0, 1.0 + spread);
            if spread > 0.0 {
                changes.push(Change::Weight {
                    dimension: d.id.value.clone(),
                    weight: d.weight.value * factor,
                });
            }
            factor
        })
        .collect();
    let draws: Vec<_> = portfolio
        .measures
        .iter()
        .zip(ranges)
        .map(|(measure, range)| range.draw(&mut rng, measure.duration.value))
        .collect();
    let mut durations: Vec<u32> = portfolio
        .measures
        .iter()
        .zip(&draws)
        .map(|(m, d)| {
            if m.status.value == Status::Planned {
                d.duration
            } else {
                m.duration.value
            }
        })
        .collect();
    let kept = keep_reachable(portfolio, graph, &mut durations);
    for ((measure, draw), duration) in portfolio.measures.iter().zip(&draws).zip(durations) {
        let status = measure.status.value;
        if status == Status::Done {
            continue;
        }
        let id = &measure.id.value;
        if draw.cost != 1.0 {
            for (resource, amount) in &measure.cost {
                changes.push(Change::Cost {
                    measure: id.clone(),
                    resource: resource.value.clone(),
                    amount: amount.value * draw.cost,
                });
            }
        }
        if duration != measure.duration.value {
            changes.push(Change::Duration {
                measure: id.clone(),
                periods: duration,
            });
        }
        if draw.impact != 1.0 {
            for (dimension, score) in &measure.impact {
                changes.push(Change::Impact {
                    measure: id.clone(),
                    dimension: dimension.value.clone(),
                    // A factor above 1 stops at the top of the impact scale.
                    score: (score.value * draw.impact).min(portfolio.impact_scale.value),
                });
            }
        }
    }
    Sample {
        weights,
        changes,
        kept,
    }
}

/// Puts the durations of a measure and of everything it depends on back to the estimates
/// while, along the dependency chains, a deadline or a mandatory measure is out of reach, a
/// fixed start comes before its dependencies, or a measure is longer than the horizon (the
/// chain rules of `validate`). The estimates meet them all, so this ends. Whether any was
/// put back.
fn keep_reachable(portfolio: &Portfolio, graph: &DependencyGraph, durations: &mut [u32]) -> bool {
    let Some(order) = graph.topological_order() else {
        return false;
    };
    let calendar = &portfolio.calendar;
    let horizon = calendar.len() as i64;
    let offset = |label: &Option<
        crate::diagnostic::source::Located<crate::model::period::PeriodLabel>,
    >| { label.as_ref().and_then(|l| calendar.offset_of(l.value)) };
    let mut kept = false;
    loop {
        let mut complete = vec![0_i64; durations.len()];
        let mut broken: Option<usize> = None;
        for &i in &order {
            let m = &portfolio.measures[i];
            if m.status.value == Status::Done {
                continue;
            }
            let ready = graph
                .dependencies(i)
                .into_iter()
                .map(|d| complete[d])
                .max()
                .unwrap_or(0);
            let fixed = offset(&m.start).filter(|_| m.status.value == Status::Fixed);
            let start = fixed.unwrap_or_else(|| ready.max(offset(&m.earliest).unwrap_or(0).max(0)));
            let duration = i64::from(durations[i]);
            complete[i] = start + duration;
            let last = if duration == 0 {
                start
            } else {
                start + duration - 1
            };
            let late = fixed.is_none() && offset(&m.deadline).is_some_and(|d| last > d);
            if late
                || fixed.is_some_and(|s| ready > s)
                || (m.mandatory && last >= horizon)
                || duration > horizon
            {
                broken = Some(i);
                break;
            }
        }
        let Some(i) = broken else {
            return kept;
        };
        let mut chain = graph.ancestors(i);
        chain.push(i);
        let mut changed = false;
        for j in chain {
            let estimate = portfolio.measures[j].duration.value;
            changed |= durations[j] != estimate;
            durations[j] = estimate;
        }
        if !changed {
            // Already the estimates: validation will say what is wrong.
            return kept;
        }
        kept = true;
    }
}
