//! Executing the adopted roadmap once, with drawn costs, durations and impacts, under the
//! execution policy (README, "How a run executes the roadmap"):
//!
//! 1. Measures are taken in the roadmap's order: by planned start, then in dependency
//!    order, then by rank. Done measures stay done (their run costs count from the first
//!    period); measures the roadmap does not schedule stay out.
//! 2. A measure starts in the first period, not before its planned start, in which every
//!    measure it depends on is complete in this run and ("money is on time") the plan's
//!    own capacity rule holds for it: its planned figures (cost by its payment profile
//!    over its planned duration, then its run costs) fit every resource and budget period
//!    beside what the measures taken before it spend in this run (drawn costs over drawn
//!    durations, and their run costs), grants of funding programmes deducted. A fixed
//!    measure waits only for its dependencies.
//! 3. Once started, a measure runs its drawn duration and spends its drawn cost by its
//!    payment profile (stretched to the drawn duration), even where that overruns a
//!    budget period's capacity: the overrun is what the simulation reports. From its
//!    completion its run costs count to the end of the horizon.
//! 4. A measure that cannot start inside the horizon is not started, and neither is what
//!    depends on it; one that finishes after the horizon is late.
//!
//! The rule and the spending are the scheduler's demand layer (`schedule::demand`), applied
//! to the plan's problem with a drawn twin per measure (`twin`): budget periods, payment
//! profiles, carry-over, price indices, staff charged to money and funding programmes (own
//! shares inside their windows, shared caps handed out in time order) work as in `plan`.
//! With every range of zero width this is the roadmap itself: each measure starts where
//! it was planned, and spending is the plan's.

use super::draw::Draw;
use super::twin;
use crate::model::Status;
use crate::model::roadmap::Placement;
use crate::plan::Planning;
use crate::schedule::demand::Load;
use crate::schedule::problem::Problem;

/// What a measure is in the roadmap being executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Planned {
    /// Scheduled to start in this period.
    Start(usize),
    /// Done before the horizon.
    Done,
    /// Not in the roadmap.
    Out,
}

/// A measure as the execution needs it (its figures are in [`Model::problem`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// Its place in the roadmap.
    pub planned: Planned,
    /// Planned duration in periods.
    pub duration: usize,
    /// Indices of the measures it depends on.
    pub dependencies: Vec<usize>,
    /// Fixed measures wait for dependencies only.
    pub fixed: bool,
    /// Value per period once complete (its impacts weighted).
    pub value: f64,
}

/// The roadmap to execute, as numbers.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// Periods of the horizon.
    pub periods: usize,
    /// Periods in which a completed measure counts: horizon plus evaluation tail.
    pub counted: usize,
    /// Budget periods of the horizon.
    pub buckets: usize,
    /// Capacity `[r][b]` of each budget period as given (without what is carried over).
    pub capacity: Vec<Vec<f64>>,
    /// Per resource: whether unspent capacity carries over to the next budget period.
    pub carry: Vec<bool>,
    /// Every measure, in portfolio order.
    pub entries: Vec<Entry>,
    /// The scheduled measures in the order they are taken.
    pub order: Vec<usize>,
    /// The plan's problem with a twin per measure ([`twin`]): `jobs[j]` planned,
    /// `jobs[n + j]` the run's draws.
    pub problem: Problem,
    /// Under a risk objective, the portfolio: a run's objective is then the true risk
    /// objective of its completions (impact draws do not apply to it).
    pub risk: Option<crate::model::Portfolio>,
}

/// One execution of the roadmap.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Start per measure; `None` when not started (or done, or not in the roadmap).
    pub starts: Vec<Option<usize>>,
    /// Spending per budget period, `[r * buckets + b]`: what each resource is charged,
    /// grants deducted (for a resource that carries over, the budget period's own).
    pub spend: Vec<f64>,
    /// Per resource: what measures started in the horizon spend after it (the cost of
    /// their periods past the last; run costs not counted).
    pub after: Vec<f64>,
    /// Resilience-periods with the drawn impacts and completions.
    pub objective: f64,
}

impl Model {
    /// The roadmap of a planning.
    pub(crate) fn of(planning: &Planning) -> Model {
        let portfolio = &planning.scored.portfolio;
        let graph = &planning.scored.graph;
        let scores = &planning.scored.scores;
        let calendar = &portfolio.calendar;
        let entries: Vec<Entry> = portfolio
            .measures
            .iter()
            .zip(&planning.planned.roadmap.placements)
            .enumerate()
            .map(|(j, (m, placement))| Entry {
                planned: match placement {
                    Placement::Scheduled { start } => Planned::Start(*start),
                    Placement::Done => Planned::Done,
                    Placement::NotScheduled { .. } => Planned::Out,
                },
                duration: m.duration.value as usize,
                dependencies: graph.dependencies(j),
                fixed: m.status.value == Status::Fixed,
                value: scores.measures[j].value,
            })
            .collect();
        let position: Vec<usize> = {
            let topological = graph
                .topological_order()
                .unwrap_or_else(|| (0..entries.len()).collect());
            let mut position = vec![0; entries.len()];
            for (p, &j) in topological.iter().enumerate() {
                position[j] = p;
            }
            position
        };
        let mut order: Vec<usize> = (0..entries.len())
            .filter(|&j| matches!(entries[j].planned, Planned::Start(_)))
            .collect();
        order.sort_by_key(|&j| {
            let start = match entries[j].planned {
                Planned::Start(s) => s,
                _ => 0,
            };
            (start, position[j], scores.measures[j].rank, j)
        });
        let capacity = (portfolio.resources.iter())
            .map(|r| {
                (calendar.budget_labels().into_iter())
                    .map(|label| r.capacity.at(label).unwrap_or(f64::INFINITY))
                    .collect()
            })
            .collect();
        Model {
            periods: calendar.len(),
            counted: calendar.len() + calendar.evaluation_tail as usize,
            buckets: calendar.budget_len(),
            capacity,
            carry: portfolio.resources.iter().map(|r| r.carry_over).collect(),
            entries,
            order,
            problem: twin::twinned(Problem::new(portfolio, graph, scores)),
            risk: (portfolio.objective.as_ref())
                .is_some_and(|o| o.value.has_risk())
                .then(|| portfolio.clone()),
        }
    }

    /// A copy of the problem for a worker to draw runs into ([`Model::execute`]).
    pub(crate) fn scratch(&self) -> Problem {
        self.problem.clone()
    }

    /// Executes the roadmap once with `draws` (one per measure), drawn into `problem` (a
    /// [`Model::scratch`]), which holds them afterwards for [`super::check::check`].
    pub(crate) fn execute(&self, problem: &mut Problem, draws: &[Draw]) -> Run {
        twin::set(problem, draws, |j| {
            matches!(self.entries[j].planned, Planned::Start(_))
        });
        let problem = &*problem;
        let n = self.entries.len();
        let mut load = Load::new(problem);
        let mut complete: Vec<Option<usize>> = self
            .entries
            .iter()
            .map(|e| (e.planned == Planned::Done).then_some(0))
            .collect();
        let mut starts: Vec<Option<usize>> = vec![None; n];
        for &j in &self.order {
            let e = &self.entries[j];
            let Planned::Start(planned) = e.planned else {
                continue;
            };
            let ready = e
                .dependencies
                .iter()
                .try_fold(planned, |at, &d| complete[d].map(|c| at.max(c)));
            let Some(ready) = ready else {
                continue;
            };
            let Some(start) = (ready..self.periods).find(|&s| e.fixed || load.check(j, s).is_ok())
            else {
                continue;
            };
            load.add(n + j, start, 1.0);
            starts[j] = Some(start);
            complete[j] = Some(start + problem.jobs[n + j].duration);
        }
        let (spend, after, objective) = self.account(problem, &starts, &complete, draws);
        Run {
            starts,
            spend,
            after,
            objective,
        }
    }

    /// Spending per resource and budget period, spending after the horizon per resource,
    /// and the objective, summed in portfolio order as the plan's evaluation sums them, so
    /// that a run with the estimates gives the plan's numbers.
    fn account(
        &self,
        problem: &Problem,
        starts: &[Option<usize>],
        complete: &[Option<usize>],
        draws: &[Draw],
    ) -> (Vec<f64>, Vec<f64>, f64) {
        let n = self.entries.len();
        let resources = self.capacity.len();
        let mut load = Load::empty(problem);
        let mut after = vec![0.0; resources];
        let mut objective = 0.0;
        for (j, e) in self.entries.iter().enumerate() {
            let Some(done_at) = complete[j] else {
                continue;
            };
            objective += e.value * draws[j].impact * self.counted.saturating_sub(done_at) as f64;
            let start = match (e.planned, starts[j]) {
                (Planned::Done, _) => 0,
                (_, Some(s)) => s,
                _ => continue,
            };
            load.add(n + j, start, 1.0);
            if e.planned != Planned::Done {
                for (r, sum) in after.iter_mut().enumerate() {
                    *sum += self.after(problem, n + j, start, r);
                }
            }
        }
        let mut spend = vec![0.0; resources * self.buckets];
        for r in 0..resources {
            let mut before = 0.0;
            for b in 0..self.buckets {
                let net = load.net(b * resources + r);
                // A resource that carries over has cumulative rows.
                spend[r * self.buckets + b] = if self.carry[r] { net - before } else { net };
                before = net;
            }
        }
        if let Some(portfolio) = &self.risk {
            let risk = crate::schedule::evaluate::risk::true_objective(portfolio, complete);
            objective = risk.unwrap_or(objective);
        }
        (spend, after, objective)
    }

    /// What twin `job`, started in `start`, spends of `r` after the horizon while it runs
    /// (in the last period's prices where `r` has a price index).
    fn after(&self, problem: &Problem, job: usize, start: usize, r: usize) -> f64 {
        let twin = &problem.jobs[job];
        let end = start + twin.duration;
        let from = start.max(self.periods);
        if end <= from {
            return 0.0;
        }
        if problem.plain && twin.profile.is_empty() && twin.staff_profile.is_empty() {
            // Even spending: cost / duration per period.
            return twin.running[r] * (end - from) as f64;
        }
        let price = problem.price[r].last().copied().unwrap_or(1.0);
        (from..end)
            .map(|t| problem.use_at(job, start, t, r) * price)
            .sum()
    }
}
