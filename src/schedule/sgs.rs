//! Serial schedule generation: place measures one by one, in a given order, at
//! the earliest start where every resource fits in every budget period, run costs included.

use super::demand::{Load, Overrun};
use super::problem::Problem;
use crate::model::roadmap::Reason;

/// Where one measure ended up in a generated schedule.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// Starts in this period.
    Start(usize),
    /// Done before the horizon.
    Done,
    /// Could not be placed.
    Unscheduled(Reason),
}

/// A generated schedule and its objective.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Per measure.
    pub slots: Vec<Slot>,
    /// Resilience-periods.
    pub objective: f64,
}

impl Schedule {
    /// Measures that every roadmap must schedule ([`Job::required`]: mandatory ones and the
    /// prerequisites of fixed and mandatory ones) but that could not be placed.
    ///
    /// [`Job::required`]: super::problem::Job::required
    pub fn missing_required(&self, problem: &Problem) -> Vec<usize> {
        (0..self.slots.len())
            .filter(|&j| problem.jobs[j].required && matches!(self.slots[j], Slot::Unscheduled(_)))
            .collect()
    }
}

/// Resource use per budget period while building.
struct Usage<'p> {
    problem: &'p Problem,
    load: Load<'p>,
    /// Follow-up costs per budget period on the resource `sustainability` limits (done
    /// measures' included).
    run_total: f64,
}

impl<'p> Usage<'p> {
    fn new(problem: &'p Problem) -> Self {
        Usage {
            problem,
            load: Load::new(problem),
            run_total: problem
                .follow_up_limit
                .map_or(0.0, |(r, _)| problem.done_run(r)),
        }
    }

    fn check(&self, job: usize, start: usize) -> Result<(), Overrun> {
        self.load.check(job, start)
    }

    fn place(&mut self, job: usize, start: usize) {
        let p = self.problem;
        if let Some((r, _)) = p.follow_up_limit {
            self.run_total += p.follow_up(job, r);
        }
        self.load.add(job, start, 1.0);
    }
}

/// Builds a schedule: done measures first, then fixed ones, then `list` in order.
/// `list` must put every measure after its dependencies.
pub fn generate(problem: &Problem, list: &[usize]) -> Schedule {
    generate_from(problem, &[], list)
}

/// Like [`generate`], but first places the measures of `starts` at exactly those
/// starts (in `list` order, where dependencies allow and resources fit; a required
/// measure whose start does not fit at its earliest feasible one, at once), then the
/// remaining measures of `list` at their earliest feasible start.
pub fn generate_from(problem: &Problem, starts: &[Option<usize>], list: &[usize]) -> Schedule {
    let mut usage = Usage::new(problem);
    let mut slots: Vec<Option<Slot>> = vec![None; problem.jobs.len()];
    for (j, job) in problem.jobs.iter().enumerate() {
        if job.done {
            slots[j] = Some(Slot::Done);
        } else if let Some(start) = job.fixed {
            usage.place(j, start);
            slots[j] = Some(Slot::Start(start));
        }
    }
    for &j in list {
        let Some(start) = starts.get(j).copied().flatten() else {
            if slots[j].is_none() && problem.jobs[j].required {
                let slot = place_one(problem, &mut usage, &slots, j);
                slots[j] = Some(slot);
            }
            continue;
        };
        let window = problem.jobs[j].earliest <= start
            && problem
                .latest_start(j)
                .is_some_and(|latest| start <= latest);
        let ready = problem.jobs[j]
            .dependencies
            .iter()
            .all(|&d| match &slots[d] {
                Some(Slot::Start(s)) => s + problem.jobs[d].duration <= start,
                Some(Slot::Done) => true,
                _ => false,
            });
        if slots[j].is_none()
            && window
            && ready
            && p_sustainable(problem, &usage, j)
            && usage.check(j, start).is_ok()
        {
            usage.place(j, start);
            slots[j] = Some(Slot::Start(start));
        } else if slots[j].is_none() && problem.jobs[j].required {
            // What every roadmap must hold goes in now, before the rest takes its room.
            let slot = place_one(problem, &mut usage, &slots, j);
            slots[j] = Some(slot);
        }
    }
    for &j in list {
        if slots[j].is_some() {
            continue;
        }
        let slot = place_one(problem, &mut usage, &slots, j);
        slots[j] = Some(slot);
    }
    let slots: Vec<Slot> = slots
        .into_iter()
        .map(|s| {
            s.unwrap_or(Slot::Unscheduled(Reason::NoWindow {
                earliest_start: 0,
                latest_start: None,
            }))
        })
        .collect();
    let objective = objective(problem, &slots);
    Schedule { slots, objective }
}

/// Whether measure `j` keeps the follow-up costs within `sustainability`'s limit.
fn p_sustainable(problem: &Problem, usage: &Usage<'_>, j: usize) -> bool {
    problem.sustainable(j, usage.run_total).is_ok()
}

/// The objective of a set of slots.
pub fn objective(problem: &Problem, slots: &[Slot]) -> f64 {
    slots
        .iter()
        .enumerate()
        .map(|(j, slot)| match slot {
            Slot::Start(s) => problem.contribution(j, *s),
            Slot::Done => problem.jobs[j].value * (problem.periods + problem.tail) as f64,
            Slot::Unscheduled(_) => 0.0,
        })
        .sum()
}

fn place_one(problem: &Problem, usage: &mut Usage<'_>, slots: &[Option<Slot>], j: usize) -> Slot {
    let job = &problem.jobs[j];
    let mut earliest = job.earliest;
    for &d in &job.dependencies {
        match &slots[d] {
            Some(Slot::Start(s)) => earliest = earliest.max(s + problem.jobs[d].duration),
            Some(Slot::Done) => {}
            _ => return Slot::Unscheduled(Reason::Dependency { dependency: d }),
        }
    }
    let latest = problem.latest_start(j);
    let Some(latest) = latest.filter(|&l| l >= earliest) else {
        return Slot::Unscheduled(Reason::NoWindow {
            earliest_start: earliest,
            latest_start: latest,
        });
    };
    if let Err(would_be) = problem.sustainable(j, usage.run_total) {
        return Slot::Unscheduled(Reason::FollowUp {
            resource: problem.follow_up_limit.map_or(0, |(r, _)| r),
            limit: problem.follow_up_limit.map_or(0.0, |(_, l)| l),
            would_be,
        });
    }
    let mut overruns: Vec<Overrun> = Vec::new();
    for start in earliest..=latest {
        match usage.check(j, start) {
            Ok(()) => {
                usage.place(j, start);
                return Slot::Start(start);
            }
            Err(overrun) => overruns.push(overrun),
        }
    }
    Slot::Unscheduled(capacity_reason(problem, &overruns, (earliest, latest)))
}

/// Summarises failed starts: the resource short most often, where, and by how little at best.
fn capacity_reason(problem: &Problem, overruns: &[Overrun], window: (usize, usize)) -> Reason {
    let mut counts = vec![0_usize; problem.resources];
    for (_, r, _) in overruns {
        counts[*r] += 1;
    }
    let resource = (0..problem.resources)
        .max_by_key(|&r| (counts[r], std::cmp::Reverse(r)))
        .unwrap_or(0);
    let mut periods: Vec<usize> = overruns
        .iter()
        .filter(|o| o.1 == resource)
        .map(|o| o.0)
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let short_by = overruns
        .iter()
        .filter(|o| o.1 == resource)
        .map(|o| o.2)
        .fold(f64::INFINITY, f64::min);
    Reason::Capacity {
        resource,
        periods,
        short_by: if short_by.is_finite() { short_by } else { 0.0 },
        window,
    }
}

/// The backward half of a forward–backward improvement step: every scheduled
/// measure moved as late as its scheduled dependents, its deadline and the
/// resources allow (latest finishers first), then all measures ordered by
/// those late starts. Decoding that order with [`generate`] packs the roadmap
/// to the left again, often tighter. `None` when some measure finds no late start.
pub fn backward_order(problem: &Problem, schedule: &Schedule) -> Option<Vec<usize>> {
    let n = problem.jobs.len();
    let mut usage = Usage::new(problem);
    let mut late: Vec<Option<usize>> = vec![None; n];
    for (j, job) in problem.jobs.iter().enumerate() {
        if let (Some(start), Slot::Start(_)) = (job.fixed, &schedule.slots[j]) {
            usage.place(j, start);
            late[j] = Some(start);
        }
    }
    let mut order: Vec<(usize, usize, usize)> = schedule
        .slots
        .iter()
        .enumerate()
        .filter(|(j, _)| problem.jobs[*j].fixed.is_none())
        .filter_map(|(j, slot)| match slot {
            Slot::Start(s) => Some((s + problem.jobs[j].duration, *s, j)),
            _ => None,
        })
        .collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    for (_, _, j) in order {
        let duration = problem.jobs[j].duration;
        let mut latest = problem.latest_start(j)?;
        for &d in &problem.dependents[j] {
            if let Some(start) = late[d] {
                latest = latest.min(start.checked_sub(duration)?);
            }
        }
        let start = (problem.jobs[j].earliest..=latest)
            .rev()
            .find(|&s| usage.check(j, s).is_ok())?;
        usage.place(j, start);
        late[j] = Some(start);
    }
    let mut position = vec![0usize; n];
    for (i, &j) in problem.order.iter().enumerate() {
        position[j] = i;
    }
    let mut list: Vec<usize> = (0..n).filter(|&j| late[j].is_some()).collect();
    // Ties on the start keep dependencies first (a milestone can share its dependent's start).
    list.sort_unstable_by_key(|&j| (late[j], position[j]));
    list.extend(problem.order.iter().copied().filter(|&j| late[j].is_none()));
    Some(list)
}
