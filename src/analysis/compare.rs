//! `compare`: the base plan and each scenario side by side, and the policy gates CI can enforce.

use super::{ChangeKind, Frame, Moved, Outcome, differences};
use crate::model::Text;
use crate::plan::Planning;
use serde::Serialize;

/// The base plan and every scenario's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Portfolio title.
    pub portfolio: String,
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
    let base_outcome = Outcome::of(base);
    let results = scenarios
        .iter()
        .map(|planning| {
            let portfolio = &planning.scored.portfolio;
            let info = portfolio.scenarios.last();
            let outcome = Outcome::of(planning);
            let change = outcome.objective - base_outcome.objective;
            ScenarioResult {
                name: info.map_or_else(|| Text::plain("–"), |s| s.name.clone()),
                path: info.map(|s| s.path.clone()).unwrap_or_default(),
                description: info.and_then(|s| s.description.clone()),
                frame: Frame::of(portfolio),
                change,
                change_share: if base_outcome.objective > 0.0 {
                    change / base_outcome.objective
                } else {
                    0.0
                },
                objective_at_base_weights: at_base_weights(base, planning),
                outcome,
                moved: differences(base, planning),
            }
        })
        .collect();
    Comparison {
        portfolio: base.scored.portfolio.name.clone(),
        frame: Frame::of(&base.scored.portfolio),
        base: base_outcome,
        scenarios: results,
    }
}

/// The scenario roadmap's objective with the base's dimension weights, if the weights differ.
fn at_base_weights(base: &Planning, scenario: &Planning) -> Option<f64> {
    let weights = |p: &Planning| -> Vec<(String, f64)> {
        p.scored
            .portfolio
            .dimensions
            .iter()
            .map(|d| (d.id.value.clone(), d.weight.value))
            .collect()
    };
    if weights(base) == weights(scenario) {
        return None;
    }
    let mut reweighted = scenario.scored.portfolio.clone();
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
    /// Which gate: `max-loss`, `keep` or `on-time`.
    pub gate: &'static str,
    /// The measure concerned, for `keep` and `on-time`.
    pub measure: Option<String>,
    /// The loss of resilience as a share, for `max-loss`.
    pub loss: Option<f64>,
}

/// Every gate every scenario fails, in scenario order.
pub fn violations(comparison: &Comparison, gates: &Gates) -> Vec<Violation> {
    let mut found = Vec::new();
    for scenario in &comparison.scenarios {
        // Under other weights values are not comparable: judge the loss under the base's.
        let loss = match scenario.objective_at_base_weights {
            Some(objective) if comparison.base.objective > 0.0 => {
                (comparison.base.objective - objective) / comparison.base.objective
            }
            _ => -scenario.change_share,
        };
        if let Some(limit) = gates.max_loss
            // A hair of tolerance: a limit of exactly the loss passes.
            && loss > limit + 1e-12
        {
            found.push(Violation {
                scenario: scenario.path.clone(),
                gate: "max-loss",
                measure: None,
                loss: Some(loss),
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
                if scenario
                    .moved
                    .iter()
                    .any(|m| &m.id == id && kinds.contains(&m.change))
                {
                    found.push(Violation {
                        scenario: scenario.path.clone(),
                        gate,
                        measure: Some(id.clone()),
                        loss: None,
                    });
                }
            }
        }
    }
    found
}
