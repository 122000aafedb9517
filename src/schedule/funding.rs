//! Funding programmes as the scheduler sees them: what a measure is charged on a resource
//! while it runs, given the grants its programmes have left.
//!
//! The rule (README, "Funding programmes"): a programme pays `rate` of the eligible
//! spending of the measures that draw on it, in the periods of its window, up to its
//! `cap`. The cap is handed out in time order: in each period a programme pays `rate` of
//! that period's eligible spending or what is left of the cap, whichever is less, shared
//! among the measures and resources of the period in proportion to their spending (so the
//! order in which the scheduler places measures does not matter). Run costs are never
//! funded. Several programmes of one measure add up (validation keeps them at 100 % at
//! most).
//!
//! Two hooks connect this to the capacity check: [`Ledger`] (what a placed roadmap is
//! charged, and whether one more measure may be added) and [`Funding::floor`] (the least a
//! measure can ever be charged in a period, with every grant paid: the relaxation the
//! bound, the exact model and the large-neighbourhood parts use).

use crate::model::Portfolio;

/// One programme, compiled to numbers.
#[derive(Debug, Clone)]
pub struct Grant {
    /// Share of eligible spending paid, `0..=1`.
    pub rate: f64,
    /// Total it pays (infinite without a cap).
    pub cap: f64,
    /// First and last period (inclusive) of the window, clipped to the horizon; `None`
    /// when the window lies outside it.
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
        let grants = portfolio
            .funding
            .iter()
            .map(|p| {
                let window = match &p.window {
                    None => (0, last),
                    Some(w) => (
                        calendar.offset_of(w.from.value).unwrap_or(0).max(0),
                        calendar.offset_of(w.to.value).unwrap_or(last).min(last),
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

    /// The grant programme `p` pays on resource `r` in period `t`, with spending `spend`
    /// and payments `paid`: the period's payment shared in proportion to spending.
    fn share(spend: &[f64], paid: &[f64], resources: usize, t: usize, r: usize) -> f64 {
        let row = &spend[t * resources..(t + 1) * resources];
        let total: f64 = row.iter().sum();
        if total > 0.0 && paid[t] > 0.0 {
            paid[t] * row[r] / total
        } else {
            0.0
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
    /// spends `running[r]` per period in `start..end`, were added; `None` when it draws
    /// on no programme (the grants do not change then).
    pub fn with(
        &self,
        funding: &Funding,
        job: usize,
        running: &[f64],
        (start, end): (usize, usize),
    ) -> Option<Vec<f64>> {
        let mine = funding.by_job.get(job).filter(|p| !p.is_empty())?;
        let mut granted = vec![0.0; self.periods * self.resources];
        for p in 0..self.spend.len() {
            let (spend, paid) = if mine.contains(&p) {
                let spend = self.added(&funding.grants[p], running, (start, end), p);
                let paid = Self::pay(&funding.grants[p], &spend, self.periods, self.resources);
                (
                    std::borrow::Cow::Owned(spend),
                    std::borrow::Cow::Owned(paid),
                )
            } else {
                (
                    std::borrow::Cow::Borrowed(&self.spend[p]),
                    std::borrow::Cow::Borrowed(&self.paid[p]),
                )
            };
            for t in 0..self.periods {
                for r in 0..self.resources {
                    granted[t * self.resources + r] +=
                        Self::share(&spend, &paid, self.resources, t, r);
                }
            }
        }
        Some(granted)
    }

    fn added(
        &self,
        grant: &Grant,
        running: &[f64],
        (start, end): (usize, usize),
        p: usize,
    ) -> Vec<f64> {
        let mut spend = self.spend[p].clone();
        for t in start..end.min(self.periods) {
            for (r, &amount) in running.iter().enumerate() {
                if grant.covers(t, r) {
                    spend[t * self.resources + r] += amount;
                }
            }
        }
        spend
    }

    /// Adds measure `job`, spending `running[r]` per period in `start..end`.
    pub fn add(&mut self, funding: &Funding, job: usize, running: &[f64], span: (usize, usize)) {
        let Some(granted) = self.with(funding, job, running, span) else {
            return;
        };
        self.granted = granted;
        for &p in &funding.by_job[job] {
            let spend = self.added(&funding.grants[p], running, span, p);
            self.paid[p] = Self::pay(&funding.grants[p], &spend, self.periods, self.resources);
            self.spend[p] = spend;
        }
    }
}
