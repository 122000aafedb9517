//! The portfolio compiled to numbers: what the scheduler works on.

use crate::diagnostic::source::Located;
use crate::graph::DependencyGraph;
use crate::model::{Measure, Portfolio, Status};
use crate::score::Scores;

/// One measure as the scheduler sees it.
#[derive(Debug, Clone)]
pub struct Job {
    /// Periods it runs (0 = milestone).
    pub duration: usize,
    /// Use of each resource in each period it runs (cost / duration); see
    /// [`Problem::use_at`] for the use in one period.
    pub running: Vec<f64>,
    /// Total cost per resource (for payment profiles).
    pub total: Vec<f64>,
    /// Share of the total paid in each period of the duration (`cost_profile`, summing to
    /// 1); empty when the cost is spread evenly.
    pub profile: Vec<f64>,
    /// The same for staff resources (`staff_profile`); empty when they follow `profile`.
    pub staff_profile: Vec<f64>,
    /// Use of each resource in each period after completion (`run_cost` per budget
    /// period / periods per budget period; staff: `run_cost`).
    pub run: Vec<f64>,
    /// Indices of the measures it depends on.
    pub dependencies: Vec<usize>,
    /// First period it may start (from `earliest`).
    pub earliest: usize,
    /// Last period it may start and still meet its deadline.
    pub deadline_start: Option<usize>,
    /// Fixed start, for `status: fixed`.
    pub fixed: Option<usize>,
    /// Finished before the horizon.
    pub done: bool,
    /// Must be in the roadmap (`mandatory: true`).
    pub mandatory: bool,
    /// Must be in the roadmap because it is mandatory or fixed, or a prerequisite (directly
    /// or not) of a measure that is: every roadmap schedules it.
    pub required: bool,
    /// For a prerequisite of fixed or mandatory measures: the last start from which it is
    /// complete before they must start (`usize::MAX`: no start is early enough). `None`
    /// when nothing that must be in the roadmap depends on it.
    pub due_start: Option<usize>,
    /// Value per period once complete.
    pub value: f64,
    /// Whether it has any run cost (else it uses resources only while it runs).
    pub has_run: bool,
    /// Must be in the roadmap because a measure of its bundle must (see
    /// `Problem::resolve_choices`).
    pub bundled: bool,
    /// Left out of every roadmap: this member of its alternative group must be in it.
    pub left_out_by: Option<usize>,
}

/// The whole scheduling problem.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Periods in the horizon.
    pub periods: usize,
    /// Periods after the horizon that still count.
    pub tail: usize,
    /// Number of resources.
    pub resources: usize,
    /// Periods per budget period (1 when capacities are given per period).
    pub per_bucket: usize,
    /// Budget periods in the horizon: capacity is checked per budget period, in the rows
    /// `b * resources + r` (see [`Problem::demand`]).
    pub buckets: usize,
    /// Whether each resource is staff ([`crate::model::Resource::is_staff`]): it follows
    /// `staff_profile`, and its rows hold the average over the budget period's periods
    /// (capacity is a headcount), not their sum.
    pub staff: Vec<bool>,
    /// Whether each resource carries unspent capacity over (`carry_over`): its rows are
    /// cumulative, use and capacity up to the budget period.
    pub carry: Vec<bool>,
    /// Per resource, the price factor of each period (`price_index`); empty without one.
    pub price: Vec<Vec<f64>>,
    /// Per money resource, the staff resources charged to it (`charged_to`) and their
    /// cost per unit and period (`cost_rate` / periods per year).
    pub charges: Vec<Vec<(usize, f64)>>,
    /// Whether rows are plain periods: capacities per period, nothing carried over, no
    /// price index, no charged staff (then a measure without a payment profile demands
    /// its running or run cost per period, as it always did).
    pub plain: bool,
    /// Capacity per row, `capacity[b * resources + r]` (infinite when not given; up to
    /// and including budget period `b` for a resource that carries over).
    pub capacity: Vec<f64>,
    /// What done measures' run costs already use of each row.
    pub base: Vec<f64>,
    /// The measures, in portfolio order.
    pub jobs: Vec<Job>,
    /// Topological order (dependencies first), ties by index.
    pub order: Vec<usize>,
    /// Direct dependents of each measure.
    pub dependents: Vec<Vec<usize>>,
    /// The dependency graph.
    pub graph: DependencyGraph,
    /// The funding programmes and who draws on them.
    pub funding: super::funding::Funding,
    /// `sustainability`'s limit: (resource, most follow-up costs per budget period after
    /// the horizon, done measures' included).
    pub follow_up_limit: Option<(usize, f64)>,
    /// Alternative groups and bundles.
    pub choices: super::choice::Choices,
    /// Balance rules by numbers.
    pub balance: Vec<super::balance::Rule>,
}

impl Problem {
    /// Compiles a validated portfolio.
    pub fn new(portfolio: &Portfolio, graph: &DependencyGraph, scores: &Scores) -> Problem {
        let calendar = &portfolio.calendar;
        let periods = calendar.len();
        let resources = portfolio.resources.len();
        let (per_bucket, buckets) = (calendar.per_budget(), calendar.budget_len());
        let mut capacity = Vec::with_capacity(buckets * resources);
        for b in 0..buckets {
            for (r, resource) in portfolio.resources.iter().enumerate() {
                let own = (resource.capacity)
                    .at(calendar.budget_label(b))
                    .unwrap_or(f64::INFINITY);
                // Carried over: what is left of earlier budget periods is still available.
                let before = if resource.carry_over && b > 0 {
                    capacity[(b - 1) * resources + r]
                } else {
                    0.0
                };
                capacity.push(before + own);
            }
        }
        let first_year = calendar.start.year;
        let price = (portfolio.resources.iter())
            .map(|resource| match &resource.price_index {
                Some(index) => (0..periods)
                    .map(|t| index.factor(first_year, calendar.label(t).year))
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        let offset = |label: &Option<
            crate::diagnostic::source::Located<crate::model::period::PeriodLabel>,
        >| { label.as_ref().and_then(|l| calendar.offset_of(l.value)) };
        let jobs = portfolio
            .measures
            .iter()
            .enumerate()
            .map(|(i, measure)| {
                let duration = measure.duration.value as usize;
                let amounts = |amounts: &crate::model::Amounts, divisor: f64| -> Vec<f64> {
                    portfolio
                        .resources
                        .iter()
                        .map(|r| Measure::amount(amounts, &r.id.value) / divisor)
                        .collect()
                };
                // Run costs are per budget period, spread over its periods; staff is a
                // level (a headcount that stays), the same in every period.
                let run = (portfolio.resources.iter())
                    .map(|r| {
                        let run = Measure::amount(&measure.run_cost, &r.id.value);
                        if r.is_staff() {
                            run
                        } else {
                            run / per_bucket as f64
                        }
                    })
                    .collect();
                let deadline_start = offset(&measure.deadline)
                    .filter(|&d| d < periods as i64)
                    // s + d - 1 <= deadline for d >= 1, s <= deadline for a milestone.
                    .map(|d| (d + 1 - duration.max(1) as i64).max(-1));
                Job {
                    duration,
                    running: amounts(&measure.cost, duration.max(1) as f64),
                    total: amounts(&measure.cost, 1.0),
                    profile: shares(measure.cost_profile.as_ref()),
                    staff_profile: shares(measure.staff_profile.as_ref()),
                    run,
                    dependencies: graph.dependencies(i),
                    earliest: offset(&measure.earliest).unwrap_or(0).max(0) as usize,
                    // A deadline start before period 0 is unreachable: keep it as "no start allowed".
                    deadline_start: deadline_start
                        .map(|d| if d < 0 { usize::MAX } else { d as usize }),
                    fixed: (measure.status.value == Status::Fixed)
                        .then(|| offset(&measure.start))
                        .flatten()
                        .map(|s| s.max(0) as usize),
                    done: measure.status.value == Status::Done,
                    mandatory: measure.mandatory,
                    required: false,
                    due_start: None,
                    value: scores.measures[i].value,
                    has_run: measure.run_cost.iter().any(|(_, v)| v.value > 0.0),
                    bundled: false,
                    left_out_by: None,
                }
            })
            .collect::<Vec<_>>();
        let order = graph
            .topological_order()
            .unwrap_or_else(|| (0..jobs.len()).collect());
        let dependents = (0..jobs.len()).map(|i| graph.dependents(i)).collect();
        let choices = super::choice::Choices::new(portfolio, &order);
        let mut problem = Problem {
            periods,
            tail: portfolio.calendar.evaluation_tail as usize,
            resources,
            per_bucket,
            buckets,
            staff: portfolio.resources.iter().map(|r| r.is_staff()).collect(),
            carry: portfolio.resources.iter().map(|r| r.carry_over).collect(),
            price,
            charges: charges(portfolio),
            plain: false,
            capacity,
            base: Vec::new(),
            jobs,
            order,
            dependents,
            graph: graph.clone(),
            funding: super::funding::Funding::new(portfolio),
            follow_up_limit: super::funding::follow_up_limit(portfolio),
            choices,
            balance: super::balance::compile(portfolio),
        };
        problem.plain = problem.per_bucket == 1
            && !problem.carry.iter().any(|c| *c)
            && problem.price.iter().all(Vec::is_empty)
            && problem.charges.iter().all(Vec::is_empty);
        problem.require();
        problem.resolve_choices();
        problem.base = problem.done_use();
        problem
    }

    /// Marks what every roadmap must schedule, and by when: a fixed measure starts at its
    /// `start` and a mandatory one by its latest start, so each of their prerequisites
    /// (and theirs, transitively) must be complete by then. Dependents come before their
    /// dependencies in reverse topological order, so each measure's dependents are settled
    /// when it is reached.
    pub(super) fn require(&mut self) {
        for &j in self.order.iter().rev() {
            if self.jobs[j].done {
                continue;
            }
            let duration = self.jobs[j].duration as i64;
            let mut required =
                self.jobs[j].mandatory || self.jobs[j].fixed.is_some() || self.jobs[j].bundled;
            let mut due: Option<i64> = None;
            for &k in &self.dependents[j] {
                if !self.jobs[k].required {
                    continue;
                }
                required = true;
                // The latest start of what needs it: a fixed start, or its own latest start.
                let limit = match self.jobs[k].fixed {
                    Some(start) => start as i64,
                    None => self.latest_start(k).map_or(-1, |l| l as i64),
                };
                let by = limit - duration;
                due = Some(due.map_or(by, |d| d.min(by)));
            }
            let job = &mut self.jobs[j];
            job.required = required;
            job.due_start = due.map(|d| if d < 0 { usize::MAX } else { d as usize });
        }
    }

    /// Settles what every roadmap must hold with the bundles: a bundle with a member that must
    /// be in the roadmap (or is done) must be in it whole, and its members' prerequisites
    /// with it; then each group's choice and the members it leaves out.
    fn resolve_choices(&mut self) {
        for _ in 0..=self.choices.bundles.len() {
            let mut changed = false;
            for b in 0..self.choices.bundles.len() {
                let members = &self.choices.bundles[b];
                let chosen = members.iter().any(|&k| {
                    let job = &self.jobs[k];
                    job.required || job.done
                });
                if !chosen {
                    continue;
                }
                for &k in members {
                    let job = &mut self.jobs[k];
                    if !job.done && !job.bundled {
                        job.bundled = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
            self.require();
        }
        for g in 0..self.choices.groups.len() {
            let chosen = (self.choices.groups[g].members.iter().copied())
                .find(|&k| self.jobs[k].required || self.jobs[k].done);
            self.choices.groups[g].chosen = chosen;
            if let Some(c) = chosen {
                for k in self.choices.groups[g].members.clone() {
                    if k != c {
                        self.jobs[k].left_out_by = Some(c);
                    }
                }
            }
        }
    }

    /// `j`'s bundle, when it is in one whose members are not all required (a required
    /// bundle's members are placed like any required measure).
    pub fn open_bundle(&self, j: usize) -> Option<usize> {
        let b = self.choices.bundle_of.get(j).copied().flatten()?;
        (!self.choices.bundles[b]
            .iter()
            .all(|&k| self.jobs[k].required || self.jobs[k].done))
        .then_some(b)
    }

    /// The `exactly_one` groups none of whose members is `in_schedule`.
    pub fn unmet_groups(&self, in_schedule: impl Fn(usize) -> bool) -> Vec<usize> {
        (self.choices.groups.iter().enumerate())
            .filter(|(_, g)| g.exactly_one && !g.members.iter().any(|&k| in_schedule(k)))
            .map(|(g, _)| g)
            .collect()
    }

    /// Capacity of resource `r` in budget period `b`.
    pub fn capacity(&self, b: usize, r: usize) -> f64 {
        self.capacity[b * self.resources + r]
    }

    /// The last start from which measure `job` finishes inside the horizon (a milestone is
    /// reached in it), by its deadline and, for a prerequisite of fixed or mandatory
    /// measures, before they must start ([`Job::due_start`]); `None` when there is none.
    pub fn latest_start(&self, job: usize) -> Option<usize> {
        let j = &self.jobs[job];
        let mut latest = (j.duration <= self.periods && self.periods > 0)
            .then(|| self.periods - j.duration.max(1));
        for limit in [j.deadline_start, j.due_start].into_iter().flatten() {
            latest = match limit {
                usize::MAX => None,
                limit => latest.map(|l| l.min(limit)),
            };
        }
        latest
    }

    /// Measure `j`'s follow-up cost on `r` per budget period after the horizon (its
    /// `run_cost` as given, in prices of the first year).
    pub fn follow_up(&self, j: usize, r: usize) -> f64 {
        let run = self.jobs[j].run[r];
        if self.staff[r] {
            run
        } else {
            run * self.per_bucket as f64
        }
    }

    /// The done measures' follow-up costs on `r` per budget period.
    pub fn done_run(&self, r: usize) -> f64 {
        (0..self.jobs.len())
            .filter(|&j| self.jobs[j].done)
            .map(|j| self.follow_up(j, r))
            .sum()
    }

    /// Whether measure `job` may be added to a roadmap whose follow-up costs per budget
    /// period on the limited resource are `run_total` (done measures' included); `Err` with the total it would
    /// make.
    pub fn sustainable(&self, job: usize, run_total: f64) -> Result<(), f64> {
        let Some((r, limit)) = self.follow_up_limit else {
            return Ok(());
        };
        let run = self.follow_up(job, r);
        if run == 0.0 || crate::model::fits_capacity(run_total + run, limit) {
            Ok(())
        } else {
            Err(run_total + run)
        }
    }

    /// What a measure contributes when it starts at `start`.
    pub fn contribution(&self, job: usize, start: usize) -> f64 {
        let complete = start + self.jobs[job].duration;
        self.jobs[job].value * (self.periods + self.tail).saturating_sub(complete) as f64
    }
}

/// Per resource, the staff resources charged to it and their cost per unit and period.
fn charges(portfolio: &Portfolio) -> Vec<Vec<(usize, f64)>> {
    let resources = &portfolio.resources;
    let per_year = f64::from(portfolio.calendar.period.per_year());
    let mut charges = vec![Vec::new(); resources.len()];
    for (s, staff) in resources.iter().enumerate() {
        let (Some(target), Some(rate)) = (&staff.charged_to, &staff.cost_rate) else {
            continue;
        };
        if let Some(m) = resources.iter().position(|r| r.id.value == target.value)
            && m != s
        {
            charges[m].push((s, rate.value / per_year));
        }
    }
    charges
}

/// A payment profile as shares of 1 (empty when there is none, or none to normalise).
fn shares(profile: Option<&Located<Vec<f64>>>) -> Vec<f64> {
    let Some(profile) = profile else {
        return Vec::new();
    };
    let sum: f64 = profile.value.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        profile.value.iter().map(|p| p / sum).collect()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Problem;

    /// The problem of a portfolio over 2027–2031 with these measures, validated (or, not
    /// validated, two measures where the second depends on the first).
    fn problem(measures: &[&str], validated: bool) -> Problem {
        let mut text = String::from(
            "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2031 }\n\
             resources:\n  budget: { capacity: 10 }\nmeasures:\n",
        );
        for measure in measures {
            text.push_str(&format!("  - {{ name: M, {measure} }}\n"));
        }
        let path = std::path::Path::new("t.yaml");
        if validated {
            let scored = crate::pipeline::score_text(path, &text)
                .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
            return Problem::new(&scored.portfolio, &scored.graph, &scored.scores);
        }
        let loaded = crate::load::load_text(path, &text);
        let portfolio = loaded.document.and_then(|d| d.into_portfolio()).unwrap();
        let graph = crate::graph::DependencyGraph::new(2, &[(0, 1)]);
        let scores = crate::score::score(&portfolio, &graph);
        Problem::new(&portfolio, &graph, &scores)
    }

    #[test]
    fn prerequisites_of_fixed_and_mandatory_measures_are_required_in_time() {
        // a → b → f (fixed 2030), c → m (mandatory, due 2029), a → o (optional); d done.
        let p = problem(
            &[
                "id: a, duration: 1",
                "id: b, duration: 2, depends_on: [a]",
                "id: f, duration: 1, depends_on: [b, d], status: fixed, start: 2030",
                "id: c, duration: 1",
                "id: m, duration: 2, depends_on: [c], mandatory: true, deadline: 2029",
                "id: o, duration: 1, depends_on: [a]",
                "id: d, duration: 1, status: done",
            ],
            true,
        );
        let required: Vec<bool> = p.jobs.iter().map(|j| j.required).collect();
        assert_eq!(required, [true, true, true, true, true, false, false]);
        // b must be complete by 2030 (index 3): it starts by 2028 (1), a by 2027 (0); m
        // ends by 2029: it starts by 2028 (1), c by 2027 (0); o anywhere; f at its start.
        let latest: Vec<Option<usize>> = (0..6).map(|j| p.latest_start(j)).collect();
        assert_eq!(
            latest,
            [Some(0), Some(1), Some(4), Some(0), Some(1), Some(4)]
        );
        assert_eq!(p.jobs[1].due_start, Some(1));
        assert_eq!(p.jobs[5].due_start, None);
    }

    #[test]
    fn a_prerequisite_that_cannot_be_in_time_has_no_start() {
        // b cannot be complete before f starts in 2027 (validation reports it too).
        let p = problem(
            &[
                "id: b, duration: 1",
                "id: f, duration: 1, depends_on: [b], status: fixed, start: 2027",
            ],
            false,
        );
        assert_eq!(p.jobs[0].due_start, Some(usize::MAX));
        assert_eq!(p.latest_start(0), None);
    }
}
