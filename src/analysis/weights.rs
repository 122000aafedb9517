//! `weights`: the dimension weights a portfolio plans with, as shares, and where they come
//! from: given in `dimensions`, or derived from pairwise comparisons, with the consistency
//! of those and what the weights imply for each compared pair.

use crate::model::weights::{Derivation, Derived};
use crate::model::{Portfolio, Text};
use serde::Serialize;

/// The weights of a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weights {
    /// Portfolio title.
    pub portfolio: String,
    /// The portfolio's report language.
    #[serde(skip)]
    pub language: Option<crate::model::Language>,
    /// Every dimension, in portfolio order.
    pub dimensions: Vec<DimensionWeight>,
    /// The comparisons, when the weights come from them.
    pub pairwise: Option<PairwiseWeights>,
}

/// One dimension's weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionWeight {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// The weight the values are computed with (derived weights average 1).
    pub weight: f64,
    /// weight / sum of weights (0 when every weight is 0).
    pub share: f64,
}

/// Pairwise comparisons and their consistency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairwiseWeights {
    /// Eigenvector or geometric mean.
    pub derivation: Derivation,
    /// λmax, the consistency index and ratio, the random index.
    pub consistency: Consistency,
    /// Each comparison as written, with what the weights imply.
    pub comparisons: Vec<ComparedPair>,
}

/// How consistent the comparisons are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consistency {
    /// Principal eigenvalue estimate.
    pub lambda_max: f64,
    /// (λmax − n) / (n − 1).
    pub index: f64,
    /// Random index for n dimensions.
    pub random_index: f64,
    /// index / random index: above 0.1 counts as inconsistent.
    pub ratio: f64,
}

/// One comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedPair {
    /// Left dimension.
    pub first: String,
    /// Right dimension.
    pub second: String,
    /// How many times as much `first` matters, as written.
    pub value: f64,
    /// What the derived weights imply: `w_first / w_second`.
    pub implied: f64,
    /// Whether this is the comparison that deviates most (named when the ratio is above 0.1).
    pub most_inconsistent: bool,
}

impl Weights {
    /// The weights of a portfolio.
    pub fn of(portfolio: &Portfolio) -> Weights {
        let total: f64 = portfolio.dimensions.iter().map(|d| d.weight.value).sum();
        let dimensions = portfolio
            .dimensions
            .iter()
            .map(|d| DimensionWeight {
                id: d.id.value.clone(),
                name: d.name.clone(),
                weight: d.weight.value,
                share: if total > 0.0 {
                    d.weight.value / total
                } else {
                    0.0
                },
            })
            .collect();
        let pairwise = portfolio.weighting.as_ref().map(|p| {
            let d: &Derived = &p.derived;
            let share = |id: &str| {
                d.dimensions
                    .iter()
                    .position(|x| x == id)
                    .map_or(0.0, |i| d.shares[i])
            };
            PairwiseWeights {
                derivation: p.derivation,
                consistency: Consistency {
                    lambda_max: d.lambda_max,
                    index: d.consistency_index,
                    random_index: d.random_index,
                    ratio: d.consistency_ratio,
                },
                comparisons: p
                    .comparisons
                    .iter()
                    .enumerate()
                    .map(|(k, c)| ComparedPair {
                        first: c.first.value.clone(),
                        second: c.second.value.clone(),
                        value: c.value.value,
                        implied: share(&c.first.value) / share(&c.second.value),
                        most_inconsistent: d.inconsistent()
                            && d.worst.as_ref().is_some_and(|w| w.comparison == k),
                    })
                    .collect(),
            }
        });
        Weights {
            portfolio: portfolio.name.clone(),
            language: portfolio.language,
            dimensions,
            pairwise,
        }
    }
}
