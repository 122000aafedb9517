//! The funding rule, recomputed from the portfolio and the roadmap alone (README,
//! "Funding programmes"): each programme pays `rate` of the eligible spending of the
//! measures drawing on it in the schedule periods of its window (budget periods), in time
//! order up to its `cap`, each period's payment shared in proportion to spending.

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

/// Per programme, in portfolio order, what it pays per schedule period. Spending is what
/// the verifier's use counts while a measure runs (payment profile, charged staff, price
/// index); run costs are never funded. A window of budget periods covers their periods.
pub fn paid(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Paid> {
    let calendar = &portfolio.calendar;
    let horizon = calendar.len();
    let resources = &portfolio.resources;
    let per_budget = calendar.per_budget();
    portfolio
        .funding
        .iter()
        .map(|programme| {
            let in_window = |t: usize| {
                programme.window.as_ref().is_none_or(|w| {
                    let label = if w.from.value.kind == calendar.period {
                        calendar.label(t)
                    } else {
                        calendar.budget_label(t / per_budget)
                    };
                    let ordinal = label.ordinal();
                    w.from.value.ordinal() <= ordinal && ordinal <= w.to.value.ordinal()
                })
            };
            let eligible: Vec<bool> = (resources.iter())
                .map(|res| programme.eligible.iter().any(|e| e.value == res.id.value))
                .collect();
            let mut spending = vec![vec![0.0; resources.len()]; horizon];
            super::spend::each(portfolio, roadmap, |i, t, r, amount, running| {
                let draws = || {
                    (portfolio.measures[i].funding.iter()).any(|f| f.value == programme.id.value)
                };
                if running && eligible[r] && in_window(t) && draws() {
                    spending[t][r] += amount;
                }
            });
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
            let last = calendar.budget_label(calendar.budget_len().checked_sub(1)?);
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
