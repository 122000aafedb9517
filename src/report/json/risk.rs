//! The risk section of `plan --format json`: the objective, the expected damage avoided
//! over the horizon and tail, and per risk and year the expected damage, what the roadmap
//! avoids and the residual risk (from [`crate::schedule::evaluate::risk`]).

use crate::model::Portfolio;
use crate::model::risk::Objective;
use crate::schedule::evaluate::risk::RiskEvaluation;
use schemars::JsonSchema;
use serde::Serialize;

/// Risk in money for the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RiskReport {
    /// What the roadmap is planned for: `impact`, `risk` or `mix`.
    pub objective: ObjectiveKind,
    /// Under a mix, the relative weights of its parts (`risk`, `impact`), summing to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<MixWeights>,
    /// Expected damage avoided over the horizon and the evaluation tail, mitigations
    /// combined multiplicatively (1 − Π(1 − share)), in the portfolio's currency.
    pub avoided: f64,
    /// Expected damage over the horizon and the evaluation tail without the roadmap.
    pub expected: f64,
    /// Per risk, in portfolio order.
    pub risks: Vec<RiskRowJson>,
}

/// The objective kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ObjectiveKind {
    /// The weighted impact score.
    Impact,
    /// The expected damage avoided.
    Risk,
    /// A weighted mix of both.
    Mix,
}

/// The weights of a mixed objective, normalised to sum to 1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MixWeights {
    /// Weight of the risk part.
    pub risk: f64,
    /// Weight of the impact part.
    pub impact: f64,
}

/// One risk against the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RiskRowJson {
    /// Id.
    pub id: String,
    /// Name in the report language (the id when it has none).
    pub name: String,
    /// Likelihood per year, a share.
    pub likelihood: f64,
    /// Damage `[low, high]` in the portfolio's currency (equal when one amount is given).
    pub damage: [f64; 2],
    /// Expected damage per year: likelihood × the mean damage.
    pub expected_per_year: f64,
    /// Where the figures come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Per calendar year of the horizon.
    pub years: Vec<RiskYearJson>,
}

/// One risk in one year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RiskYearJson {
    /// Calendar year.
    pub year: u16,
    /// Expected damage without the roadmap.
    pub expected: f64,
    /// Expected damage the measures complete by then avoid.
    pub avoided: f64,
    /// Residual risk: expected − avoided.
    pub residual: f64,
}

/// The risk section; `None` when the portfolio has no risks.
pub(super) fn risk(
    portfolio: &Portfolio,
    evaluation: Option<&RiskEvaluation>,
    language: crate::model::Language,
) -> Option<RiskReport> {
    let evaluation = evaluation?;
    let objective = portfolio
        .objective
        .as_ref()
        .map_or(Objective::Impact, |o| o.value);
    let (kind, weights) = match objective {
        Objective::Impact => (ObjectiveKind::Impact, None),
        Objective::Risk => (ObjectiveKind::Risk, None),
        Objective::Mix { risk, impact } => (
            ObjectiveKind::Mix,
            Some(MixWeights {
                risk: risk / (risk + impact),
                impact: impact / (risk + impact),
            }),
        ),
    };
    Some(RiskReport {
        objective: kind,
        weights,
        avoided: evaluation.avoided,
        expected: evaluation.expected,
        risks: (evaluation.risks.iter())
            .map(|row| {
                let r = &portfolio.risks[row.risk];
                RiskRowJson {
                    id: r.id.value.clone(),
                    name: r.display_name(language),
                    likelihood: r.likelihood.value,
                    damage: r.damage.value,
                    expected_per_year: r.expected_per_year(),
                    source: r.source.clone(),
                    years: (row.years.iter())
                        .map(|y| RiskYearJson {
                            year: y.year,
                            expected: y.expected,
                            avoided: y.avoided,
                            residual: y.residual,
                        })
                        .collect(),
                }
            })
            .collect(),
    })
}
