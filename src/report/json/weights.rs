//! `weights --format json`: each dimension's weight and share, and the pairwise
//! comparisons with their consistency when the weights come from them.

use super::envelope::render;
use super::shared::PortfolioHeader;
use crate::analysis::weights::Weights;
use crate::model::{Language, Portfolio};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `weights --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WeightsReport {
    /// The portfolio.
    pub portfolio: PortfolioHeader,
    /// `given` (in `dimensions`) or `pairwise`.
    pub method: Method,
    /// `eigenvector` or `geometric_mean`; `null` unless the method is `pairwise`.
    pub derivation: Option<String>,
    /// Every dimension, in portfolio order.
    pub dimensions: Vec<DimensionWeight>,
    /// How consistent the comparisons are; `null` unless the method is `pairwise`.
    pub consistency: Option<Consistency>,
    /// The comparisons as written (empty unless the method is `pairwise`).
    pub comparisons: Vec<Comparison>,
}

/// Where the weights come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Each dimension's `weight` (default 1).
    Given,
    /// Derived from pairwise comparisons.
    Pairwise,
}

/// One dimension.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DimensionWeight {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// The weight values are computed with (derived weights average 1).
    pub weight: f64,
    /// Its share of all weights (0 to 1).
    pub share: f64,
}

/// Saaty's consistency measures.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Consistency {
    /// Consistency ratio: index / random index; above 0.1 is inconsistent.
    pub ratio: f64,
    /// Whether the ratio is at most 0.1.
    pub consistent: bool,
    /// Consistency index (λmax − n) / (n − 1).
    pub index: f64,
    /// Random index for this many dimensions.
    pub random_index: f64,
    /// Principal eigenvalue estimate.
    pub lambda_max: f64,
}

/// One comparison.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Comparison {
    /// The dimension that matters `value` times as much …
    pub first: String,
    /// … as this one.
    pub second: String,
    /// As written (1/9 to 9).
    pub value: f64,
    /// What the derived weights imply: weight of `first` / weight of `second`.
    pub implied: f64,
    /// The comparison that deviates most, when the ratio is above 0.1.
    pub most_inconsistent: bool,
}

/// `weights` as JSON.
pub fn weights(
    w: &Weights,
    portfolio: &Portfolio,
    language: Language,
    provenance: &Provenance,
) -> String {
    let pairwise = w.pairwise.as_ref();
    let report = WeightsReport {
        portfolio: PortfolioHeader::of(portfolio, language),
        method: if pairwise.is_some() {
            Method::Pairwise
        } else {
            Method::Given
        },
        derivation: pairwise.map(|p| p.derivation.keyword().to_owned()),
        dimensions: w
            .dimensions
            .iter()
            .map(|d| DimensionWeight {
                id: d.id.clone(),
                name: d.name.get(language).to_owned(),
                weight: d.weight,
                share: d.share,
            })
            .collect(),
        consistency: pairwise.map(|p| Consistency {
            ratio: p.consistency.ratio,
            consistent: p.consistency.ratio <= crate::model::weights::CONSISTENCY_LIMIT,
            index: p.consistency.index,
            random_index: p.consistency.random_index,
            lambda_max: p.consistency.lambda_max,
        }),
        comparisons: pairwise
            .map(|p| {
                p.comparisons
                    .iter()
                    .map(|c| Comparison {
                        first: c.first.clone(),
                        second: c.second.clone(),
                        value: c.value,
                        implied: c.implied,
                        most_inconsistent: c.most_inconsistent,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    render("weights", Some(language), Some(provenance), report)
}
