//! Scores: each measure's value, value per cost, enabler value and rank.

use crate::graph::DependencyGraph;
use crate::model::risk::Objective;
use crate::model::{Measure, Portfolio};
use serde::Serialize;

/// The scores of one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Weighted impact: Σ weight × impact / Σ weight.
    pub value: f64,
    /// Value per million of the money resource (`None` when the measure costs no money).
    pub value_per_million: Option<f64>,
    /// Sum of the values of every measure that (transitively) depends on this one.
    pub enabler_value: f64,
    /// 1-based rank by value, then id.
    pub rank: usize,
}

/// Scores of all measures, parallel to `Portfolio::measures`, and the ranked order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Per measure, in portfolio order.
    pub measures: Vec<Score>,
    /// Measure indices from rank 1 down.
    pub ranking: Vec<usize>,
    /// Index of the resource treated as money, if any.
    pub money: Option<usize>,
}

/// The resource that holds money: its unit is the portfolio's currency, else it is called `budget`.
pub fn money_resource(portfolio: &Portfolio) -> Option<usize> {
    let currency = portfolio.currency.as_str();
    portfolio
        .resources
        .iter()
        .position(|r| r.unit.as_deref() == Some(currency))
        .or_else(|| {
            portfolio
                .resources
                .iter()
                .position(|r| r.id.value == "budget")
        })
}

/// A measure's value: its impacts weighted by the dimension weights.
pub fn value(portfolio: &Portfolio, measure: &Measure) -> f64 {
    let total: f64 = portfolio.dimensions.iter().map(|d| d.weight.value).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let weighted: f64 = portfolio
        .dimensions
        .iter()
        .map(|d| d.weight.value * Measure::amount(&measure.impact, &d.id.value))
        .sum();
    weighted / total
}

/// Each measure's value under the portfolio's `objective`, per period once complete: the
/// weighted impact ([`value`]); under `risk` the linear risk value
/// ([`crate::model::risk::linear_value`]); under a mix `a × risk value + b × impact` with
/// the factors of [`crate::model::risk::Objective::factors`].
pub fn objective_values(portfolio: &Portfolio) -> Vec<f64> {
    let impact: Vec<f64> = (portfolio.measures.iter())
        .map(|m| value(portfolio, m))
        .collect();
    let objective = portfolio.objective.as_ref().map(|o| o.value);
    let Some(objective) = objective.filter(|o| *o != Objective::Impact) else {
        return impact;
    };
    let risk: Vec<f64> = (portfolio.measures.iter())
        .map(|m| crate::model::risk::linear_value(portfolio, m))
        .collect();
    let (a, b) = objective.factors(risk.iter().sum(), impact.iter().sum());
    risk.iter()
        .zip(&impact)
        .map(|(r, i)| a * r + b * i)
        .collect()
}

/// Scores every measure and ranks them by value (ties: id).
pub fn score(portfolio: &Portfolio, graph: &DependencyGraph) -> Scores {
    let money = money_resource(portfolio);
    let values = objective_values(portfolio);
    let mut measures: Vec<Score> = portfolio
        .measures
        .iter()
        .enumerate()
        .map(|(i, measure)| {
            let cost = money.map_or(0.0, |r| {
                Measure::amount(&measure.cost, &portfolio.resources[r].id.value)
            });
            Score {
                value: values[i],
                value_per_million: (cost > 0.0).then(|| values[i] / (cost / 1e6)),
                enabler_value: graph.descendants(i).iter().map(|&d| values[d]).sum(),
                rank: 0,
            }
        })
        .collect();
    let mut ranking: Vec<usize> = (0..measures.len()).collect();
    ranking.sort_by(|&a, &b| {
        values[b].total_cmp(&values[a]).then_with(|| {
            portfolio.measures[a]
                .id
                .value
                .cmp(&portfolio.measures[b].id.value)
        })
    });
    for (position, &i) in ranking.iter().enumerate() {
        measures[i].rank = position + 1;
    }
    Scores {
        measures,
        ranking,
        money,
    }
}
