//! Balance rules, recomputed from the portfolio and the roadmap alone: per rule what the
//! roadmap reaches against what the rule asks. The value of a dimension counts the impacts
//! of the measures in the roadmap (scheduled or done) against those of every measure;
//! spending is what `spend` says each measure of the roadmap spends of the resource in
//! the horizon (before grants). The plan report shows these same figures.

use super::{Violation, ViolationKind};
use crate::model::balance::BalanceKind;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio};
use serde::Serialize;

/// How a roadmap stands against one balance rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceStatus {
    /// The rule's index in `Portfolio::balance`.
    pub rule: usize,
    /// The least share the rule asks (0 to 1).
    pub required: f64,
    /// The share the roadmap reaches; `None` when there is nothing to share (no impact in
    /// the dimension at all, or nothing spent of the resource): then the rule holds.
    pub actual: Option<f64>,
    /// What counts for the rule: the impact reached in the dimension, or what the area's
    /// measures spend.
    pub achieved: f64,
    /// What the share is of: the dimension's achievable impact, or the roadmap's whole
    /// spending of the resource.
    pub base: f64,
    /// Whether the rule holds (up to round-off).
    pub met: bool,
}

/// Each rule of the portfolio, in order, against the roadmap (placements beyond the
/// measure list are ignored).
pub fn status(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<BalanceStatus> {
    let in_roadmap = |p: &Placement| matches!(p, Placement::Scheduled { .. } | Placement::Done);
    let mut spend: Option<Vec<Vec<f64>>> = None;
    (portfolio.balance.iter().enumerate())
        .map(|(k, rule)| {
            let (achieved, base) = match &rule.kind {
                BalanceKind::Value { dimension } => {
                    let impact = |m: &Measure| Measure::amount(&m.impact, &dimension.value);
                    let base: f64 = portfolio.measures.iter().map(impact).sum();
                    let achieved: f64 = (portfolio.measures.iter().zip(&roadmap.placements))
                        .filter(|(_, p)| in_roadmap(p))
                        .map(|(m, _)| impact(m))
                        .sum();
                    (achieved, base)
                }
                BalanceKind::Spend { resource, area } => {
                    let spend = spend.get_or_insert_with(|| spending(portfolio, roadmap));
                    let r = (portfolio.resources.iter()).position(|x| x.id.value == resource.value);
                    let of = |j: usize| r.map_or(0.0, |r| spend[j][r]);
                    let base: f64 = (0..spend.len()).map(of).sum();
                    let achieved: f64 = (0..spend.len())
                        .filter(|&j| portfolio.measures[j].area.as_deref() == Some(&area.value))
                        .map(of)
                        .sum();
                    (achieved, base)
                }
            };
            let required = rule.share.value;
            BalanceStatus {
                rule: k,
                required,
                actual: (base > 0.0).then(|| achieved / base),
                achieved,
                base,
                met: holds(achieved, base, required),
            }
        })
        .collect()
}

/// Whether `achieved` reaches `required` of `base`, up to round-off.
pub fn holds(achieved: f64, base: f64, required: f64) -> bool {
    achieved >= required * base - 1e-9 * (1.0 + base.abs())
}

/// Per measure and resource, what it spends in the horizon.
fn spending(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Vec<f64>> {
    let n = portfolio.measures.len().min(roadmap.placements.len());
    let mut spend = vec![vec![0.0; portfolio.resources.len()]; n];
    super::spend::each(portfolio, roadmap, |j, _, r, amount, _| {
        if let Some(row) = spend.get_mut(j) {
            row[r] += amount;
        }
    });
    spend
}

/// Every balance rule the roadmap breaks.
pub(super) fn check(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    (status(portfolio, roadmap).into_iter())
        .filter(|s| !s.met)
        .map(|s| Violation {
            measure: None,
            kind: ViolationKind::BalanceUnmet,
            message: format!(
                "balance rule {} is not met: {:.4} of {:.4} is {:.2} %, below {:.2} %",
                portfolio.balance[s.rule].describe(),
                s.achieved,
                s.base,
                s.actual.unwrap_or(0.0) * 100.0,
                s.required * 100.0
            ),
        })
        .collect()
}
