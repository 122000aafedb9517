//! The funding rule, recomputed from the portfolio and the roadmap alone (README,
//! "Funding programmes"): each programme pays `rate` of the eligible spending of the
//! measures drawing on it in the periods of its window, in time order up to its `cap`,
//! each period's payment shared in proportion to spending.

use super::{Violation, ViolationKind};
use crate::model::funding::RunCostLimit;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio, fits_capacity};

/// What one programme pays, per period of the horizon, and the eligible spending it pays
/// on, per period and resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Paid {
    /// `per_period[t]`: the grant paid in period `t`.
    pub per_period: Vec<f64>,
    /// `spending[t][r]`: eligible spending on resource `r` in period `t`.
    pub spending: Vec<Vec<f64>>,
}

/// Per programme, in portfolio order, what it pays.
pub fn paid(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Paid> {
    let calendar = &portfolio.calendar;
    let horizon = calendar.len();
    let resources = &portfolio.resources;
    portfolio
        .funding
        .iter()
        .map(|programme| {
            let in_window = |t: usize| {
                let ordinal = calendar.label(t).ordinal();
                programme.window.as_ref().is_none_or(|w| {
                    w.from.value.ordinal() <= ordinal && ordinal <= w.to.value.ordinal()
                })
            };
            let mut spending = vec![vec![0.0; resources.len()]; horizon];
            for (m, placement) in portfolio.measures.iter().zip(&roadmap.placements) {
                let Placement::Scheduled { start } = placement else {
                    continue;
                };
                if !m.funding.iter().any(|f| f.value == programme.id.value) {
                    continue;
                }
                let d = m.duration.value as usize;
                for t in (*start..start.saturating_add(d)).filter(|&t| t < horizon) {
                    if !in_window(t) {
                        continue;
                    }
                    for (r, resource) in resources.iter().enumerate() {
                        if programme
                            .eligible
                            .iter()
                            .any(|e| e.value == resource.id.value)
                        {
                            spending[t][r] +=
                                Measure::amount(&m.cost, &resource.id.value) / d as f64;
                        }
                    }
                }
            }
            let mut left = programme.cap.as_ref().map_or(f64::INFINITY, |c| c.value);
            let per_period = spending
                .iter()
                .map(|row| {
                    let eligible: f64 = row.iter().sum();
                    let paid = (programme.rate.value * eligible).min(left).max(0.0);
                    left -= paid;
                    paid
                })
                .collect();
            Paid {
                per_period,
                spending,
            }
        })
        .collect()
}

/// Grants of all programmes per period and resource: `result[t][r]`.
pub fn grants(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Vec<f64>> {
    let horizon = portfolio.calendar.len();
    let mut grants = vec![vec![0.0; portfolio.resources.len()]; horizon];
    for programme in paid(portfolio, roadmap) {
        for (t, row) in grants.iter_mut().enumerate() {
            let eligible: f64 = programme.spending[t].iter().sum();
            if eligible <= 0.0 || programme.per_period[t] <= 0.0 {
                continue;
            }
            for (r, grant) in row.iter_mut().enumerate() {
                *grant += programme.per_period[t] * programme.spending[t][r] / eligible;
            }
        }
    }
    grants
}

/// The limit of `sustainability`: follow-up costs after the horizon (run costs of every
/// scheduled and done measure) on its resource at most the limit.
pub(super) fn follow_up(portfolio: &Portfolio, roadmap: &Roadmap) -> Option<Violation> {
    let sustainability = portfolio.sustainability.as_ref()?;
    let id = &sustainability.resource.as_ref()?.value;
    let resource = portfolio.resources.iter().find(|r| &r.id.value == id)?;
    let limit = match sustainability.limit.as_ref()? {
        RunCostLimit::Amount(amount) => amount.value,
        RunCostLimit::Share(share) => {
            let calendar = &portfolio.calendar;
            let last = calendar.label(calendar.len().checked_sub(1)?);
            share.value * resource.capacity.at(last)?
        }
    };
    let total: f64 = (portfolio.measures.iter())
        .zip(&roadmap.placements)
        .filter(|(_, p)| !matches!(p, Placement::NotScheduled { .. }))
        .map(|(m, _)| Measure::amount(&m.run_cost, id))
        .sum();
    (!fits_capacity(total, limit)).then(|| Violation {
        measure: None,
        kind: ViolationKind::FollowUpExceeded,
        message: format!("{id}: follow-up costs after the horizon {total}, limit {limit}"),
    })
}
