//! `compare --format json`: the base plan and each scenario's (or two versions'), side by
//! side, with the measures that moved, every gate's verdict and the gates that failed.

use super::envelope::render;
use super::shared::{Amounts, Move, PeriodUse, PortfolioHeader, Slot, Use, keyed, moves};
use crate::analysis::compare::{Comparison, GateResult, violations};
use crate::analysis::{Frame, Outcome};
use crate::model::Language;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `compare --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CompareReport {
    /// The base portfolio.
    pub portfolio: PortfolioHeader,
    /// When two versions are compared: the old version's file (the base); the new one is
    /// the only entry of `scenarios`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_path: Option<String>,
    /// The base plan's figures.
    pub base: Figures,
    /// One entry per scenario, in the order given.
    pub scenarios: Vec<ScenarioPlan>,
    /// Every gate on every column, passed or failed, with its figures (absent without gates).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateVerdict>,
    /// The gates that failed.
    pub violations: Vec<Gate>,
}

/// One gate on one column, passed or failed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GateVerdict {
    /// The column's file (a scenario, or the new version).
    pub scenario: String,
    /// Which gate.
    pub gate: GateKind,
    /// The gate holds.
    pub passed: bool,
    /// The measure concerned (`keep`, `on-time`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The loss of resilience as a share, negative for a gain (`max-loss`); the funding
    /// lost, an amount (`funding-lost`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss: Option<f64>,
    /// The limit as a share (`max-loss`), or an amount (`funding-lost`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// Where the measure is in the base (`keep`, `on-time`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Slot>,
    /// Where it is in the column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Slot>,
}

/// The headline figures of one plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Figures {
    /// Resilience-periods.
    pub objective: f64,
    /// objective / upper bound.
    pub bound_share: f64,
    /// Measures scheduled in the horizon.
    pub scheduled: usize,
    /// Measures done before it.
    pub done: usize,
    /// Measures not scheduled.
    pub not_scheduled: usize,
    /// Every period of its horizon.
    pub periods: Vec<PeriodUse>,
    /// Run costs per period after the horizon, by resource id.
    pub follow_up_costs: Amounts,
    /// Funding lost: grants measures would have drawn inside the programmes' windows
    /// (only when the portfolio has funding programmes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding_lost: Option<f64>,
}

/// One scenario's plan against the base.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ScenarioPlan {
    /// Its name in the report language.
    pub name: String,
    /// Its file.
    pub path: String,
    /// Its description.
    pub description: Option<String>,
    /// Its plan's figures.
    pub outcome: Figures,
    /// Objective minus the base's.
    pub change: f64,
    /// `change` as a share of the base's objective.
    pub change_share: f64,
    /// When it changes dimension weights: its roadmap's objective under the base's weights.
    pub objective_at_base_weights: Option<f64>,
    /// Measures that finish earlier or later, are dropped or added.
    pub moved: Vec<Move>,
}

/// A gate a scenario failed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Gate {
    /// The scenario's file.
    pub scenario: String,
    /// Which gate.
    pub gate: GateKind,
    /// The measure concerned (`keep`, `on-time`).
    pub measure: Option<String>,
    /// The loss of resilience as a share (`max-loss`); the funding lost (`funding-lost`).
    pub loss: Option<f64>,
}

/// The gates of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GateKind {
    /// `--fail-if-loss-above`.
    MaxLoss,
    /// `--fail-if-funding-lost-above`.
    FundingLost,
    /// `--fail-if-dropped`.
    Keep,
    /// `--fail-if-delayed`.
    OnTime,
}

fn gate_kind(gate: &str) -> GateKind {
    match gate {
        "max-loss" => GateKind::MaxLoss,
        "funding-lost" => GateKind::FundingLost,
        "keep" => GateKind::Keep,
        _ => GateKind::OnTime,
    }
}

/// `compare` as JSON, including every gate's verdict (`gates`) and the failed ones.
pub fn compare(
    comparison: &Comparison,
    gates: &[GateResult],
    language: Language,
    provenance: &Provenance,
) -> String {
    let report = CompareReport {
        portfolio: PortfolioHeader::framed(&comparison.portfolio, &comparison.frame),
        base_path: comparison.base_path.clone(),
        gates: gates
            .iter()
            .map(|g| GateVerdict {
                scenario: g.scenario.clone(),
                gate: gate_kind(g.gate),
                passed: g.passed,
                measure: g.measure.clone(),
                loss: g.loss,
                limit: g.limit,
                from: g.from.as_ref().map(Slot::from),
                to: g.to.as_ref().map(Slot::from),
            })
            .collect(),
        base: figures(&comparison.base, &comparison.frame),
        scenarios: comparison
            .scenarios
            .iter()
            .map(|s| ScenarioPlan {
                name: s.name.get(language).to_owned(),
                path: s.path.clone(),
                description: s.description.clone(),
                outcome: figures(&s.outcome, &s.frame),
                change: s.change,
                change_share: s.change_share,
                objective_at_base_weights: s.objective_at_base_weights,
                moved: moves(&s.moved, language),
            })
            .collect(),
        violations: violations(gates)
            .iter()
            .map(|v| Gate {
                scenario: v.scenario.clone(),
                gate: gate_kind(v.gate),
                measure: v.measure.clone(),
                loss: v.loss,
            })
            .collect(),
    };
    render("compare", Some(language), Some(provenance), report)
}

/// An outcome with its periods and resources by label and id.
fn figures(outcome: &Outcome, frame: &Frame) -> Figures {
    let periods = frame
        .periods
        .iter()
        .enumerate()
        .map(|(t, label)| PeriodUse {
            label: label.clone(),
            resilience: outcome.curve.get(t).copied().unwrap_or(0.0),
            budget_period: (frame.budget_periods.len() < frame.periods.len())
                .then(|| frame.budget_periods.get(frame.budget_of(t)).cloned())
                .flatten(),
            resources: frame
                .resources
                .iter()
                .enumerate()
                .map(|(r, resource)| {
                    let at = |rows: &[Vec<f64>]| {
                        rows.get(r)
                            .and_then(|row| row.get(frame.budget_of(t)))
                            .copied()
                            .unwrap_or(0.0)
                    };
                    (
                        resource.id.clone(),
                        Use::new(at(&outcome.usage), at(&outcome.capacity)),
                    )
                })
                .collect(),
        })
        .collect();
    Figures {
        objective: outcome.objective,
        bound_share: outcome.bound_share,
        scheduled: outcome.scheduled,
        done: outcome.done,
        not_scheduled: outcome.not_scheduled,
        periods,
        follow_up_costs: keyed(&frame.resources, &outcome.follow_up),
        funding_lost: outcome.funding_lost,
    }
}
