//! `compare`: the base plan and each scenario side by side (or two versions of a portfolio),
//! and the policy gates CI can enforce, with the verdict of every gate, passed or failed.

use super::{ChangeKind, Frame, Moved, Outcome, Slot, differences, slot};
use crate::model::Text;
use crate::plan::Planning;
use serde::Serialize;

/// The base plan and every scenario's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Portfolio title.
    pub portfolio: String,
    /// When two versions of a portfolio are compared (`compare OLD NEW`): the old one's file;
    /// the new one is the only column of `scenarios`.
    pub base_path: Option<String>,
    /// Periods and resources of the base.
    pub frame: Frame,
    /// The base plan's numbers.
    pub base: Outcome,
    /// One entry per scenario, in the order given.
    pub scenarios: Vec<ScenarioResult>,
}

/// One scenario against the base.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: Text,
    /// Its file.
    pub path: String,
    /// Its description.
    pub description: Option<String>,
    /// Periods and resources (a scenario may change the horizon).
    pub frame: Frame,
    /// Its plan's numbers.
    pub outcome: Outcome,
    /// Objective minus the base objective.
    pub change: f64,
    /// `change` as a share of the base objective (0 when the base is 0).
    pub change_share: f64,
    /// When the scenario changes dimension weights, its roadmap's objective under the base's
    /// weights: the like-for-like figure (values under other weights are not comparable).
    pub objective_at_base_weights: Option<f64>,
    /// Measures that moved, were dropped or were added.
    pub moved: Vec<Moved>,
}

/// Compares scenario plannings (each the base with one scenario applied) with the base.
pub fn compare(base: &Planning, scenarios: &[Planning]) -> Comparison {
    let results = scenarios
        .iter()
        .map(|planning| {
            let info = planning.scored.portfolio.scenarios.last();
            let mut result = column(base, planning);
            result.name = info.map_or_else(|| Text::plain("–"), |s| s.name.clone());
            result.path = info.map(|s| s.path.clone()).unwrap_or_default();
            result.description = info.and_then(|s| s.description.clone());
            result
        })
        .collect();
    Comparison {
        portfolio: base.scored.portfolio.name.clone(),
        base_path: None,
        frame: Frame::of(&base.scored.portfolio),
        base: Outcome::of(base),
        scenarios: results,
    }
}

/// Compares two versions of a portfolio (`old_path` and `new_path` as the user named them):
/// the old one is the base, the new one the only column; measures added or removed show as
/// added or dropped.
pub fn compare_versions(
    old: &Planning,
    old_path: &str,
    new: &Planning,
    new_path: &str,
) -> Comparison {
    let mut result = column(old, new);
    result.name = Text::plain(new_path);
    result.path = new_path.to_owned();
    Comparison {
        portfolio: new.scored.portfolio.name.clone(),
        base_path: Some(old_path.to_owned()),
        frame: Frame::of(&old.scored.portfolio),
        base: Outcome::of(old),
        scenarios: vec![result],
    }
}

/// One column against the base, without its name.
fn column(base: &Planning, planning: &Planning) -> ScenarioResult {
    let base_objective = Outcome::of(base).objective;
    let outcome = Outcome::of(planning);
    let change = outcome.objective - base_objective;
    ScenarioResult {
        name: Text::plain("–"),
        path: String::new(),
        description: None,
        frame: Frame::of(&planning.scored.portfolio),
        change,
        change_share: if base_objective > 0.0 {
            change / base_objective
        } else {
            0.0
        },
        objective_at_base_weights: at_base_weights(base, planning),
        outcome,
        moved: differences(base, planning),
    }
}

/// The scenario roadmap's objective with the base's dimension weights and objective, if
/// either differs.
fn at_base_weights(base: &Planning, scenario: &Planning) -> Option<f64> {
    let weights = |p: &Planning| -> Vec<(String, f64)> {
        p.scored
            .portfolio
            .dimensions
            .iter()
            .map(|d| (d.id.value.clone(), d.weight.value))
            .collect()
    };
    let objective = |p: &Planning| {
        (p.scored.portfolio.objective.as_ref())
            .map_or(crate::model::risk::Objective::Impact, |o| o.value)
    };
    if weights(base) == weights(scenario) && objective(base) == objective(scenario) {
        return None;
    }
    let mut reweighted = scenario.scored.portfolio.clone();
    // A scenario that switches the objective (`objective: risk`) is judged by the base's.
    reweighted
        .objective
        .clone_from(&base.scored.portfolio.objective);
    if objective(base).has_risk() {
        reweighted.risks.clone_from(&base.scored.portfolio.risks);
        return Some(crate::schedule::verify::objective(
            &reweighted,
            &scenario.planned.roadmap,
        ));
    }
    for dimension in &mut reweighted.dimensions {
        if let Some(w) = base
            .scored
            .portfolio
            .dimensions
            .iter()
            .find(|d| d.id.value == dimension.id.value)
        {
            dimension.weight.value = w.weight.value;
        }
    }
    let calendar = &reweighted.calendar;
    let counted = calendar.len() + calendar.evaluation_tail as usize;
    let objective = reweighted
        .measures
        .iter()
        .zip(&scenario.planned.roadmap.placements)
        .map(|(measure, placement)| {
            let complete = match placement {
                crate::model::roadmap::Placement::Scheduled { start } => {
                    start + measure.duration.value as usize
                }
                crate::model::roadmap::Placement::Done => 0,
                crate::model::roadmap::Placement::NotScheduled { .. } => return 0.0,
            };
            crate::score::value(&reweighted, measure) * counted.saturating_sub(complete) as f64
        })
        .sum();
    Some(objective)
}

/// Conditions under which `compare` fails a CI run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gates {
    /// Largest acceptable loss of resilience, as a share of the base objective (0.1 = 10 %),
    /// measured under the base's dimension weights.
    pub max_loss: Option<f64>,
    /// Largest acceptable funding lost in a column (an amount of money).
    pub max_funding_lost: Option<f64>,
    /// Measures no scenario may drop from the roadmap.
    pub keep: Vec<String>,
    /// Measures no scenario may drop or finish later.
    pub on_time: Vec<String>,
}

/// A gate a scenario failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// The scenario's file.
    pub scenario: String,
    /// Which gate: `max-loss`, `funding-lost`, `keep` or `on-time`.
    pub gate: &'static str,
    /// The measure concerned, for `keep` and `on-time`.
    pub measure: Option<String>,
    /// The loss of resilience as a share, for `max-loss`; the funding lost, for
    /// `funding-lost`.
    pub loss: Option<f64>,
}

/// The verdict of one gate on one column, passed or failed, with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateResult {
    /// The column's file (a scenario, or the new version).
    pub scenario: String,
    /// Which gate: `max-loss`, `funding-lost`, `keep` or `on-time`.
    pub gate: &'static str,
    /// The measure concerned, for `keep` and `on-time`.
    pub measure: Option<String>,
    /// The gate holds.
    pub passed: bool,
    /// For `max-loss`: the loss of resilience as a share (negative: a gain), under the
    /// base's dimension weights; for `funding-lost`: the funding lost, an amount.
    pub loss: Option<f64>,
    /// For `max-loss`: the limit, as a share; for `funding-lost`: the limit, an amount.
    pub limit: Option<f64>,
    /// For `keep` and `on-time`: where the measure is in the base, and in the column.
    pub from: Option<Slot>,
    /// See `from`.
    pub to: Option<Slot>,
}

/// Every gate on every column, in column order, then gate order (`max-loss`,
/// `funding-lost`, `keep`, `on-time`, each in the order given). `columns` are the plannings of the comparison's
/// columns, in order.
pub fn gate_results(
    comparison: &Comparison,
    gates: &Gates,
    base: &Planning,
    columns: &[Planning],
) -> Vec<GateResult> {
    let mut found = Vec::new();
    for (scenario, planning) in comparison.scenarios.iter().zip(columns) {
        // Under other weights values are not comparable: judge the loss under the base's.
        let loss = match scenario.objective_at_base_weights {
            Some(objective) if comparison.base.objective > 0.0 => {
                (comparison.base.objective - objective) / comparison.base.objective
            }
            _ => -scenario.change_share,
        };
        if let Some(limit) = gates.max_loss {
            found.push(GateResult {
                scenario: scenario.path.clone(),
                gate: "max-loss",
                measure: None,
                // A hair of tolerance: a limit of exactly the loss passes.
                passed: loss <= limit + 1e-12,
                loss: Some(loss),
                limit: Some(limit),
                from: None,
                to: None,
            });
        }
        if let Some(limit) = gates.max_funding_lost {
            let lost = scenario.outcome.funding_lost.unwrap_or(0.0);
            found.push(GateResult {
                scenario: scenario.path.clone(),
                gate: "funding-lost",
                measure: None,
                // Cents of round-off never fail the gate.
                passed: lost <= limit + 0.005,
                loss: Some(lost),
                limit: Some(limit),
                from: None,
                to: None,
            });
        }
        for (ids, gate, kinds) in [
            (&gates.keep, "keep", &[ChangeKind::Dropped][..]),
            (
                &gates.on_time,
                "on-time",
                &[ChangeKind::Dropped, ChangeKind::Later][..],
            ),
        ] {
            for id in ids {
                let failed = scenario
                    .moved
                    .iter()
                    .any(|m| &m.id == id && kinds.contains(&m.change));
                found.push(GateResult {
                    scenario: scenario.path.clone(),
                    gate,
                    measure: Some(id.clone()),
                    passed: !failed,
                    loss: None,
                    limit: None,
                    from: Some(slot(base, id)),
                    to: Some(slot(planning, id)),
                });
            }
        }
    }
    found
}

/// The gates that failed, from [`gate_results`].
pub fn violations(results: &[GateResult]) -> Vec<Violation> {
    results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| Violation {
            scenario: r.scenario.clone(),
            gate: r.gate,
            measure: r.measure.clone(),
            loss: if r.gate == "max-loss" || r.gate == "funding-lost" {
                r.loss
            } else {
                None
            },
        })
        .collect()
}
