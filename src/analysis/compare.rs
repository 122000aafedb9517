//! `compare`: the base plan and each scenario side by side, and the policy gates CI can enforce.

use super::{ChangeKind, Frame, Moved, Outcome, differences};
use crate::model::Text;
use crate::pipeline::Planning;
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

/// Conditions under which `compare` fails a CI run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gates {
    /// Largest acceptable loss of resilience, as a share of the base objective (0.1 = 10 %).
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
        let loss = -scenario.change_share;
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
