//! The grants of a roadmap being built: eligible spending per programme, schedule period
//! and resource (a measure's use in each period, by its payment profile and price index), what each programme pays per period (its cap handed out in time order), and
//! the grants per period and resource that the capacity check deducts.

use super::{Funding, Grant};

/// Grants of a roadmap being built: eligible spending per programme, period and resource,
/// and what each programme pays per period.
#[derive(Debug, Clone)]
pub struct Ledger {
    periods: usize,
    resources: usize,
    /// `spend[p][t * resources + r]`: eligible spending on programme `p`.
    spend: Vec<Vec<f64>>,
    /// `paid[p][t]`: what programme `p` pays in period `t`.
    paid: Vec<Vec<f64>>,
    /// `granted[t * resources + r]`: grants of all programmes on `r` in period `t`.
    granted: Vec<f64>,
}

impl Ledger {
    /// An empty ledger for `periods` periods and `resources` resources.
    pub fn new(funding: &Funding, periods: usize, resources: usize) -> Ledger {
        let programmes = funding.grants.len();
        Ledger {
            periods,
            resources,
            spend: vec![vec![0.0; periods * resources]; programmes],
            paid: vec![vec![0.0; periods]; programmes],
            granted: vec![0.0; periods * resources],
        }
    }

    /// What programme `p` pays in each period for eligible spending `spend`: `rate` of
    /// it, up to what the periods before left of the cap.
    fn pay(grant: &Grant, spend: &[f64], periods: usize, resources: usize) -> Vec<f64> {
        let mut left = grant.cap;
        (0..periods)
            .map(|t| {
                let eligible: f64 = spend[t * resources..(t + 1) * resources].iter().sum();
                let paid = (grant.rate * eligible).min(left).max(0.0);
                left -= paid;
                paid
            })
            .collect()
    }

    /// Adds to `granted[t * resources + r]` each period's payment `paid[t]` shared in
    /// proportion to the period's spending `spend[t * resources + r]` (its total summed
    /// once per period).
    fn add_shares(granted: &mut [f64], spend: &[f64], paid: &[f64], resources: usize) {
        for (t, &payment) in paid.iter().enumerate() {
            if payment <= 0.0 {
                continue;
            }
            let row = &spend[t * resources..(t + 1) * resources];
            let total: f64 = row.iter().sum();
            if total <= 0.0 {
                continue;
            }
            for (r, amount) in row.iter().enumerate() {
                granted[t * resources + r] += payment * amount / total;
            }
        }
    }

    /// Grants paid on resource `r` in period `t`, all programmes together.
    pub fn granted(&self, t: usize, r: usize) -> f64 {
        self.granted[t * self.resources + r]
    }

    /// What programme `p` pays per period.
    pub fn paid(&self, p: usize) -> &[f64] {
        &self.paid[p]
    }

    /// Eligible spending on programme `p` in period `t`, all resources.
    pub fn spend(&self, p: usize, t: usize) -> f64 {
        self.spend[p][t * self.resources..(t + 1) * self.resources]
            .iter()
            .sum()
    }

    /// The grants per period and resource (`[t * resources + r]`) if measure `job`, which
    /// spends `spend(t, r)` in each period `t` of `start..end` (its running span: run costs
    /// are never funded), were added; `None` when it draws on no programme (the grants do
    /// not change then).
    pub fn with(
        &self,
        funding: &Funding,
        job: usize,
        spend: &dyn Fn(usize, usize) -> f64,
        (start, end): (usize, usize),
    ) -> Option<Vec<f64>> {
        let mine = funding.by_job.get(job).filter(|p| !p.is_empty())?;
        let mut granted = vec![0.0; self.periods * self.resources];
        for p in 0..self.spend.len() {
            let (spending, paid) = if mine.contains(&p) {
                let spending = self.added(&funding.grants[p], spend, (start, end), p);
                let paid = Self::pay(&funding.grants[p], &spending, self.periods, self.resources);
                (
                    std::borrow::Cow::Owned(spending),
                    std::borrow::Cow::Owned(paid),
                )
            } else {
                (
                    std::borrow::Cow::Borrowed(&self.spend[p]),
                    std::borrow::Cow::Borrowed(&self.paid[p]),
                )
            };
            Self::add_shares(&mut granted, &spending, &paid, self.resources);
        }
        Some(granted)
    }

    fn added(
        &self,
        grant: &Grant,
        spend: &dyn Fn(usize, usize) -> f64,
        (start, end): (usize, usize),
        p: usize,
    ) -> Vec<f64> {
        let mut spending = self.spend[p].clone();
        for t in start..end.min(self.periods) {
            for r in 0..self.resources {
                if grant.covers(t, r) {
                    spending[t * self.resources + r] += spend(t, r);
                }
            }
        }
        spending
    }

    /// Adds measure `job`, spending `spend(t, r)` in each period of `start..end`.
    pub fn add(
        &mut self,
        funding: &Funding,
        job: usize,
        spend: &dyn Fn(usize, usize) -> f64,
        span: (usize, usize),
    ) {
        let Some(granted) = self.with(funding, job, spend, span) else {
            return;
        };
        self.granted = granted;
        for &p in &funding.by_job[job] {
            let spending = self.added(&funding.grants[p], spend, span, p);
            self.paid[p] = Self::pay(&funding.grants[p], &spending, self.periods, self.resources);
            self.spend[p] = spending;
        }
    }

    /// The grants per period and resource, `[t * resources + r]`.
    pub fn grants(&self) -> &[f64] {
        &self.granted
    }
}
