//! `rank --format json`: every measure by rank with its scores.

use super::envelope::render;
use super::plan::amounts;
use super::shared::{Amounts, PortfolioHeader};
use crate::model::{Language, Portfolio};
use crate::report::provenance::Provenance;
use crate::score::Scores;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `rank --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RankReport {
    /// The portfolio ranked.
    pub portfolio: PortfolioHeader,
    /// Every measure, by rank.
    pub measures: Vec<RankedMeasure>,
    /// The quick wins (Schnellerfolge), by value per million; only when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quick_wins: Option<Vec<super::quick_wins::QuickWinJson>>,
}

/// A measure and its scores.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RankedMeasure {
    /// Rank (1 = first).
    pub rank: usize,
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Value per period once complete.
    pub value: f64,
    /// Value per million of the money resource; `null` when it costs no money.
    pub value_per_million: Option<f64>,
    /// Value of everything that depends on it.
    pub enabler_value: f64,
    /// Total cost by resource id.
    pub cost: Amounts,
    /// Duty class; only when a measure is a statutory duty or a directed task (the text
    /// reports then show those as a group of their own, without a rank).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<super::duties::DutyClass>,
}

/// The ranking as JSON.
pub fn rank(
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    provenance: &Provenance,
) -> String {
    let grouped =
        (portfolio.measures.iter()).any(|m| m.duty() != crate::model::obligation::Duty::Voluntary);
    let measures = scores
        .ranking
        .iter()
        .map(|&j| {
            let m = &portfolio.measures[j];
            let s = &scores.measures[j];
            RankedMeasure {
                rank: s.rank,
                id: m.id.value.clone(),
                name: m.name.get(language).to_owned(),
                value: s.value,
                value_per_million: s.value_per_million,
                enabler_value: s.enabler_value,
                cost: amounts(portfolio, &m.cost),
                duty: grouped.then(|| m.duty().into()),
            }
        })
        .collect();
    let report = RankReport {
        portfolio: PortfolioHeader::of(portfolio, language),
        measures,
        quick_wins: super::quick_wins::quick_wins(
            portfolio,
            &crate::analysis::quick_wins::quick_wins(portfolio, scores),
            None,
        ),
    };
    render("rank", Some(language), Some(provenance), report)
}
