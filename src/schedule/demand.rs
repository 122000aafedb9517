//! The one layer between measures and capacities: what a measure started in period `s`
//! demands of each (budget period, resource) row.
//!
//! Measures are scheduled in periods; capacities are given and checked per budget period
//! (`calendar.budget_period`, by default the period itself). A measure's use in one period
//! is [`Problem::use_at`]; [`Problem::demand`] sums it into rows `b * resources + r`, one
//! per budget period `b` and resource `r`, and every part of the engine that checks or
//! models capacity (serial generation, the time-indexed bound and its parts, the
//! Lagrangian bound, the infeasibility diagnosis, `explain`) goes through these two
//! functions. Funding programmes pay part of a measure's use in the schedule periods of
//! their windows: [`Load`] deducts the grants of the placed measures (a [`Ledger`] per
//! schedule period) from every row, and the relaxed models use [`Problem::demand_floor`],
//! the demand at the uncapped own share.

use super::funding::Ledger;
use super::problem::Problem;
use crate::model::fits_capacity;

impl Problem {
    /// Number of capacity rows: budget periods × resources.
    pub fn rows(&self) -> usize {
        self.buckets * self.resources
    }

    /// What measure `j`, started in `s` (for a done measure: any `s`), uses of resource
    /// `r` in period `t`: its cost while it runs (by its payment profile, else evenly),
    /// its run cost from its completion, plus the cost of the staff charged to `r`
    /// (`charged_to`), nominal when `r` has a price index.
    pub fn use_at(&self, j: usize, s: usize, t: usize, r: usize) -> f64 {
        let mut at_start_year_prices = self.own_use(j, s, t, r);
        // Staff charged to this money resource, at its cost per unit and period.
        for &(staff, rate) in &self.charges[r] {
            at_start_year_prices += self.own_use(j, s, t, staff) * rate;
        }
        match self.price[r].get(t) {
            Some(factor) => at_start_year_prices * factor,
            None => at_start_year_prices,
        }
    }

    /// [`Problem::use_at`] at the uncapped own share: less every grant that could pay for
    /// it while the measure runs (run costs are never funded). The relaxation of the
    /// funding rule the bound, the exact model and the large-neighbourhood parts use.
    pub fn own_share_at(&self, j: usize, s: usize, t: usize, r: usize) -> f64 {
        let used = self.use_at(j, s, t, r);
        let job = &self.jobs[j];
        if used > 0.0 && !job.done && s <= t && t < s + job.duration && self.funding.funded(j) {
            used * self.funding.floor(j, t, r)
        } else {
            used
        }
    }

    /// [`Problem::use_at`] in prices of the first year, without charged staff.
    fn own_use(&self, j: usize, s: usize, t: usize, r: usize) -> f64 {
        let job = &self.jobs[j];
        if job.done {
            job.run[r]
        } else if t < s {
            0.0
        } else if t < s + job.duration {
            let profile = if self.staff[r] && !job.staff_profile.is_empty() {
                &job.staff_profile
            } else {
                &job.profile
            };
            match profile.get(t - s) {
                Some(share) => job.total[r] * share,
                None => job.running[r],
            }
        } else {
            job.run[r]
        }
    }

    /// Calls `f(row, amount)` for every row that measure `j` started in `s` puts a
    /// positive demand on, in row order, each row once; stops when `f` returns `false`.
    /// Returns whether it ran to the end. Money sums over the budget period's periods,
    /// staff (a headcount) averages. A resource that carries over has cumulative rows: the
    /// amount of row `b` is the measure's use up to budget period `b`.
    pub fn demand(&self, j: usize, s: usize, f: impl FnMut(usize, f64) -> bool) -> bool {
        self.rows_of(j, s, false, f)
    }

    /// [`Problem::demand`] at the uncapped own share ([`Problem::own_share_at`]): the
    /// least measure `j` can ever put on each row.
    pub fn demand_floor(&self, j: usize, s: usize, f: impl FnMut(usize, f64) -> bool) -> bool {
        self.rows_of(j, s, self.funding.funded(j), f)
    }

    /// The rows of [`Problem::demand`], at the own share when `floor`.
    fn rows_of(
        &self,
        j: usize,
        s: usize,
        floor: bool,
        mut f: impl FnMut(usize, f64) -> bool,
    ) -> bool {
        let job = &self.jobs[j];
        let (k, resources) = (self.per_bucket, self.resources);
        let s = if job.done { 0 } else { s };
        let end = if job.done || job.has_run {
            self.periods
        } else {
            (s + job.duration).min(self.periods)
        };
        if self.plain && !floor && job.profile.is_empty() && job.staff_profile.is_empty() {
            // The fast path (the hot loop of serial generation): one row per period.
            for t in s..end {
                let running = !job.done && t < s + job.duration;
                for r in 0..resources {
                    let amount = if running { job.running[r] } else { job.run[r] };
                    if amount > 0.0 && !f(t * resources + r, amount) {
                        return false;
                    }
                }
            }
            return true;
        }
        let carries = self.carry.iter().any(|c| *c);
        let last = if carries {
            self.buckets
        } else {
            end.div_ceil(k)
        };
        let mut carried = if carries {
            vec![0.0; resources]
        } else {
            Vec::new()
        };
        for b in s / k..last {
            let (from, to) = ((b * k).max(s), ((b + 1) * k).min(end));
            for r in 0..resources {
                let mut amount = 0.0;
                for t in from..to {
                    amount += if floor {
                        self.own_share_at(j, s, t, r)
                    } else {
                        self.use_at(j, s, t, r)
                    };
                }
                if self.staff[r] && k > 1 {
                    // A headcount: the budget period's average.
                    amount /= k as f64;
                }
                if self.carry[r]
                    && let Some(sum) = carried.get_mut(r)
                {
                    *sum += amount;
                    amount = *sum;
                }
                if amount > 0.0 && !f(b * resources + r, amount) {
                    return false;
                }
            }
        }
        true
    }

    /// Grants per schedule period (`[t * resources + r]`) summed into rows like a use:
    /// over the budget period, averaged for staff, cumulative for carry-over.
    pub(crate) fn grant_rows(&self, granted: &[f64]) -> Vec<f64> {
        let (k, resources) = (self.per_bucket.max(1), self.resources.max(1));
        let mut rows = vec![0.0; self.rows()];
        for (i, amount) in granted.iter().enumerate() {
            let (b, r) = (i / resources / k, i % resources);
            if b < self.buckets {
                rows[b * resources + r] += amount;
            }
        }
        for r in 0..self.resources {
            let mut carried = 0.0;
            for b in 0..self.buckets {
                let row = &mut rows[b * resources + r];
                if self.staff[r] && k > 1 {
                    *row /= k as f64;
                }
                if self.carry[r] {
                    carried += *row;
                    *row = carried;
                }
            }
        }
        rows
    }

    /// What the done measures' run costs use of each row.
    pub(super) fn done_use(&self) -> Vec<f64> {
        let mut base = vec![0.0; self.rows()];
        for j in (0..self.jobs.len()).filter(|&j| self.jobs[j].done) {
            self.demand(j, 0, |row, amount| {
                base[row] += amount;
                true
            });
        }
        base
    }

    /// The budget period and resource of a row.
    pub fn row_of(&self, row: usize) -> (usize, usize) {
        (row / self.resources.max(1), row % self.resources.max(1))
    }
}

/// The first overrun a start would cause: (budget period, resource, amount over capacity).
pub type Overrun = (usize, usize, f64);

/// Use of every row while a roadmap is built or examined: done measures' run costs, plus
/// what is added, less the grants of the funding programmes the added measures draw on.
#[derive(Debug, Clone)]
pub struct Load<'p> {
    problem: &'p Problem,
    /// Use per row (gross: spending before grants).
    pub used: Vec<f64>,
    /// Grants of the added measures' programmes per schedule period; `None` without
    /// programmes.
    ledger: Option<Ledger>,
    /// The ledger's grants summed into rows ([`Problem::grant_rows`]).
    granted: Vec<f64>,
    /// The funded measures added, with their starts, in order: removing one rebuilds the
    /// ledger from the others.
    funded: Vec<(usize, usize)>,
}

impl<'p> Load<'p> {
    /// The done measures' run costs alone.
    pub fn new(problem: &'p Problem) -> Load<'p> {
        Load::with_use(problem, problem.base.clone())
    }

    /// Nothing at all (done measures are added like any other).
    pub fn empty(problem: &'p Problem) -> Load<'p> {
        Load::with_use(problem, vec![0.0; problem.rows()])
    }

    fn with_use(problem: &'p Problem, used: Vec<f64>) -> Load<'p> {
        let ledger = (!problem.funding.grants.is_empty())
            .then(|| Ledger::new(&problem.funding, problem.periods, problem.resources));
        Load {
            problem,
            used,
            ledger,
            granted: vec![0.0; problem.rows()],
            funded: Vec::new(),
        }
    }

    /// Use per row net of grants: what is charged against the capacity.
    pub fn net(&self, row: usize) -> f64 {
        self.used[row] - self.granted[row]
    }

    /// The grants per schedule period and resource (`[t * resources + r]`) with measure
    /// `j` started in `s` added; `None` when it draws on no programme, or is done (a done
    /// measure has run costs only, and run costs are never funded).
    fn grants_with(&self, j: usize, s: usize) -> Option<Vec<f64>> {
        let p = self.problem;
        let ledger = self.ledger.as_ref()?;
        if p.jobs[j].done {
            return None;
        }
        let spend = |t: usize, r: usize| p.use_at(j, s, t, r);
        ledger.with(&p.funding, j, &spend, (s, s + p.jobs[j].duration))
    }

    /// The first row in which starting measure `j` in `s` would exceed the capacity. A
    /// funded measure changes the grants of others (a shared cap): every row from its
    /// start on is checked then.
    pub fn check(&self, j: usize, s: usize) -> Result<(), Overrun> {
        let p = self.problem;
        if let Some(granted) = self.grants_with(j, s) {
            return self.check_funded(j, s, &p.grant_rows(&granted));
        }
        let mut overrun = None;
        p.demand(j, s, |row, amount| {
            let total = self.used[row] + amount - self.granted[row];
            if fits_capacity(total, p.capacity[row]) {
                return true;
            }
            let (b, r) = p.row_of(row);
            overrun = Some((b, r, total - p.capacity[row]));
            false
        });
        overrun.map_or(Ok(()), Err)
    }

    /// The check of a funded measure: its own share where it spends, and every row from
    /// its start's budget period on where it leaves other measures less of a shared cap.
    fn check_funded(&self, j: usize, s: usize, granted: &[f64]) -> Result<(), Overrun> {
        let p = self.problem;
        let mut added = vec![0.0; p.rows()];
        p.demand(j, s, |row, amount| {
            added[row] += amount;
            true
        });
        for row in (s / p.per_bucket.max(1)) * p.resources..p.rows() {
            if added[row] == 0.0 && granted[row] >= self.granted[row] {
                continue;
            }
            let total = self.used[row] + added[row] - granted[row];
            if !fits_capacity(total, p.capacity[row]) {
                let (b, r) = p.row_of(row);
                return Err((b, r, total - p.capacity[row]));
            }
        }
        Ok(())
    }

    /// Adds (`sign` 1) or removes (−1) measure `j` started in `s`. Grants follow: removing
    /// a funded measure (a bundle taken out again) rebuilds the ledger from the funded
    /// measures that stay, so no grant of a measure that is gone is ever deducted.
    pub fn add(&mut self, j: usize, s: usize, sign: f64) {
        let used = &mut self.used;
        self.problem.demand(j, s, |row, amount| {
            used[row] += sign * amount;
            true
        });
        if sign > 0.0
            && let Some(granted) = self.grants_with(j, s)
            && let Some(ledger) = self.ledger.as_mut()
        {
            let p = self.problem;
            self.granted = p.grant_rows(&granted);
            let spend = |t: usize, r: usize| p.use_at(j, s, t, r);
            ledger.add(&p.funding, j, &spend, (s, s + p.jobs[j].duration));
            self.funded.push((j, s));
        } else if sign < 0.0
            && let Some(k) = self.funded.iter().position(|&f| f == (j, s))
        {
            self.funded.remove(k);
            let p = self.problem;
            let mut ledger = Ledger::new(&p.funding, p.periods, p.resources);
            for &(f, start) in &self.funded {
                let spend = |t: usize, r: usize| p.use_at(f, start, t, r);
                ledger.add(&p.funding, f, &spend, (start, start + p.jobs[f].duration));
            }
            self.granted = p.grant_rows(ledger.grants());
            self.ledger = Some(ledger);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Load;
    use crate::schedule::problem::Problem;

    fn problem(text: &str) -> Problem {
        let scored = crate::pipeline::score_text(std::path::Path::new("t.yaml"), text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        Problem::new(&scored.portfolio, &scored.graph, &scored.scores)
    }

    /// Rows `(row, amount)` of measure `j` started in `s`.
    fn rows(p: &Problem, j: usize, s: usize) -> Vec<(usize, f64)> {
        let mut out = Vec::new();
        p.demand(j, s, |row, amount| {
            out.push((row, amount));
            true
        });
        out
    }

    #[test]
    fn quarters_sum_into_budget_years_with_profiles_and_run_costs_per_year() {
        let p = problem(
            "version: 1\nname: t\n\
             calendar: { period: quarter, start: 2027-Q1, end: 2028-Q4, budget_period: year }\n\
             resources:\n  budget: { capacity: { default: 100, 2028: 80 } }\nmeasures:\n\
             - { id: a, name: A, duration: 2, cost: { budget: 40 }, cost_profile: [1, 3], \
                 run_cost: { budget: 8 } }\n",
        );
        assert_eq!((p.buckets, p.per_bucket), (2, 4));
        assert_eq!(p.capacity, [100.0, 80.0]);
        // Started in 2027-Q4: 10 in Q4; 30 in 2028-Q1, then 2 a quarter for Q2–Q4.
        assert_eq!(rows(&p, 0, 3), [(0, 10.0), (1, 36.0)]);
        let mut load = Load::new(&p);
        assert!(load.check(0, 3).is_ok());
        load.add(0, 3, 1.0);
        assert_eq!(load.used, [10.0, 36.0]);
    }

    #[test]
    fn a_resource_that_carries_over_has_cumulative_rows_and_index_prices() {
        let p = problem(
            "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2029 }\n\
             resources:\n  budget: { capacity: 100, carry_over: true, price_index: 10% }\n\
             measures:\n  - { id: a, name: A, duration: 1, cost: { budget: 50 } }\n",
        );
        assert_eq!(p.capacity, [100.0, 200.0, 300.0]);
        // In 2028 at 110 %: 55 from 2028 on, in every later (cumulative) row.
        let amounts: Vec<(usize, f64)> = rows(&p, 0, 1);
        assert_eq!(amounts.len(), 2);
        assert_eq!(amounts[0].0, 1);
        assert!((amounts[0].1 - 55.0).abs() < 1e-9 && (amounts[1].1 - 55.0).abs() < 1e-9);
    }

    #[test]
    fn a_funded_measure_is_checked_where_it_takes_a_shared_cap_from_others() {
        let p = problem(
            "version: 1\nname: t\n\
             calendar: { period: quarter, start: 2028-Q1, end: 2029-Q4, budget_period: year }\n\
             resources:\n  budget: { capacity: 150 }\n\
             funding:\n  - { id: f, rate: 50%, cap: 100, window: { from: 2028, to: 2029 }, \
                 eligible: [budget] }\nmeasures:\n\
             - { id: a, name: A, duration: 1, cost: { budget: 240 }, funding: [f] }\n\
             - { id: b, name: B, duration: 1, cost: { budget: 100 }, funding: [f] }\n",
        );
        let mut load = Load::new(&p);
        // Alone in 2029-Q1, `a` draws the whole cap: 240 − 100 fits the 150 of 2029.
        assert!(load.check(0, 4).is_ok());
        load.add(0, 4, 1.0);
        assert_eq!(load.net(1), 140.0);
        // `b` in 2028-Q1 fits its own year (100 − 50), but takes 50 of the cap from `a`,
        // whose 2029 then needs 190.
        assert_eq!(load.check(1, 0), Err((1, 0, 40.0)));
        // In 2029-Q2, after `a`, the cap is used up: `b` pays its gross amount there.
        assert_eq!(load.check(1, 5), Err((1, 0, 90.0)));
    }

    #[test]
    fn a_done_measure_added_to_a_load_is_never_funded() {
        // Its run costs count in full, although it draws on a programme whose window
        // covers them (before, adding it to an empty load funded 22 % of them).
        let p = problem(
            "version: 1\nname: t\n\
             calendar: { period: quarter, start: 2027-Q1, end: 2027-Q4, budget_period: year }\n\
             resources:\n  budget: { capacity: 1000 }\n\
             funding:\n  - { id: f, rate: 22%, window: { from: 2027, to: 2027 }, \
                 eligible: [budget] }\nmeasures:\n\
             - { id: a, name: A, duration: 4, cost: { budget: 100 }, run_cost: { budget: 40 }, \
                 funding: [f], status: done }\n",
        );
        let mut load = Load::empty(&p);
        load.add(0, 0, 1.0);
        assert_eq!(load.net(0), 40.0);
        assert_eq!(load.net(0), Load::new(&p).net(0));
    }
}
