//! Funding programmes as the scheduler sees them: what a measure is charged on a resource
//! while it runs, given the grants its programmes have left.
//!
//! The rule (README, "Funding programmes"): a programme pays `rate` of the eligible
//! spending of the measures that draw on it, in the schedule periods of its window (given
//! in budget periods), up to its
//! `cap`. The cap is handed out in time order: in each period a programme pays `rate` of
//! that period's eligible spending or what is left of the cap, whichever is less, shared
//! among the measures and resources of the period in proportion to their spending (so the
//! order in which the scheduler places measures does not matter). Run costs are never
//! funded. Several programmes of one measure add up (validation keeps them at 100 % at
//! most).
//!
//! Two hooks connect this to the capacity check: [`Ledger`] (in `ledger`: what a placed
//! roadmap is charged, and whether one more measure may be added) and [`Funding::floor`]
//! (the least a measure can ever be charged in a period, with every grant paid: the
//! relaxation the bound, the exact model and the large-neighbourhood parts use).

mod ledger;

pub use ledger::Ledger;

use crate::model::Portfolio;

/// One programme, compiled to numbers.
#[derive(Debug, Clone)]
pub struct Grant {
    /// Share of eligible spending paid, `0..=1`.
    pub rate: f64,
    /// Total it pays (infinite without a cap).
    pub cap: f64,
    /// First and last schedule period (inclusive) of the window, clipped to the horizon
    /// (the window is given in budget periods); `None` when it lies outside it.
    pub window: Option<(usize, usize)>,
    /// Per resource: whether its spending is eligible.
    pub eligible: Vec<bool>,
}

impl Grant {
    /// Whether spending on `r` in period `t` is eligible.
    pub fn covers(&self, t: usize, r: usize) -> bool {
        self.eligible[r] && self.window.is_some_and(|(from, to)| from <= t && t <= to)
    }
}

/// The portfolio's programmes and which measures draw on them.
#[derive(Debug, Clone, Default)]
pub struct Funding {
    /// The programmes, in portfolio order.
    pub grants: Vec<Grant>,
    /// Per measure: the programmes it draws on (indices into `grants`).
    pub by_job: Vec<Vec<usize>>,
}

impl Funding {
    /// Compiles a validated portfolio's programmes.
    pub fn new(portfolio: &Portfolio) -> Funding {
        let calendar = &portfolio.calendar;
        let last = calendar.len() as i64 - 1;
        let k = calendar.per_budget() as i64;
        // A window of budget periods covers their schedule periods, first to last.
        let first_of = |label: crate::model::period::PeriodLabel| {
            if k > 1 {
                calendar.budget_index_of(label).map(|b| b as i64 * k)
            } else {
                calendar.offset_of(label)
            }
        };
        let last_of = |label: crate::model::period::PeriodLabel| {
            if k > 1 {
                calendar
                    .budget_index_of(label)
                    .map(|b| (b as i64 + 1) * k - 1)
            } else {
                calendar.offset_of(label)
            }
        };
        let grants = portfolio
            .funding
            .iter()
            .map(|p| {
                let window = match &p.window {
                    None => (0, last),
                    Some(w) => (
                        first_of(w.from.value).unwrap_or(0).max(0),
                        last_of(w.to.value).unwrap_or(last).min(last),
                    ),
                };
                Grant {
                    rate: p.rate.value.clamp(0.0, 1.0),
                    cap: p.cap.as_ref().map_or(f64::INFINITY, |c| c.value),
                    window: (window.0 <= window.1 && window.1 >= 0)
                        .then_some((window.0 as usize, window.1 as usize)),
                    eligible: portfolio
                        .resources
                        .iter()
                        .map(|r| p.eligible.iter().any(|e| e.value == r.id.value))
                        .collect(),
                }
            })
            .collect();
        let by_job = portfolio
            .measures
            .iter()
            .map(|m| {
                (portfolio.funding.iter().enumerate())
                    .filter(|(_, p)| m.funding.iter().any(|f| f.value == p.id.value))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Funding { grants, by_job }
    }

    /// Whether measure `job` draws on any programme.
    pub fn funded(&self, job: usize) -> bool {
        self.by_job.get(job).is_some_and(|p| !p.is_empty())
    }

    /// The least share of its spending on `r` in period `t` that measure `job` can be
    /// charged: 1 less the rates of its programmes that cover it (every cap ignored).
    pub fn floor(&self, job: usize, t: usize, r: usize) -> f64 {
        let Some(programmes) = self.by_job.get(job) else {
            return 1.0;
        };
        let paid: f64 = programmes
            .iter()
            .map(|&p| &self.grants[p])
            .filter(|g| g.covers(t, r))
            .map(|g| g.rate)
            .sum();
        (1.0 - paid).max(0.0)
    }
}

/// The limit of `sustainability` as (resource index, most follow-up costs per budget period
/// after the horizon, done measures' included; a share of the last budget period's capacity); `None` without a limit.
pub fn follow_up_limit(portfolio: &Portfolio) -> Option<(usize, f64)> {
    use crate::model::funding::RunCostLimit;
    let sustainability = portfolio.sustainability.as_ref()?;
    let limit = sustainability.limit.as_ref()?;
    let id = &sustainability.resource.as_ref()?.value;
    let r = portfolio
        .resources
        .iter()
        .position(|res| &res.id.value == id)?;
    let amount = match limit {
        RunCostLimit::Amount(amount) => amount.value,
        RunCostLimit::Share(share) => {
            let calendar = &portfolio.calendar;
            let last = calendar.budget_label(calendar.budget_len().checked_sub(1)?);
            share.value
                * portfolio.resources[r]
                    .capacity
                    .at(last)
                    .unwrap_or(f64::INFINITY)
        }
    };
    Some((r, amount))
}
