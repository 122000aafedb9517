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

    /// The `exactly_one` alternative groups with no measure in the schedule.
    pub fn unmet_groups(&self, problem: &Problem) -> Vec<usize> {
        problem.unmet_groups(|k| matches!(self.slots[k], Slot::Start(_) | Slot::Done))
    }

    /// What the schedule lacks of what every roadmap must hold: required measures that are
    /// missing, `exactly_one` groups without a measure and balance rules it falls short of.
    pub fn shortfall(&self, problem: &Problem) -> usize {
        self.missing_required(problem).len()
            + self.unmet_groups(problem).len()
            + super::balance::unmet(&problem.balance, |j| match self.slots.get(j) {
                Some(Slot::Start(s)) => super::balance::Place::Start(*s),
                Some(Slot::Done) => super::balance::Place::Done,
                _ => super::balance::Place::Out,
            })
            .len()
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

    /// Takes back [`Usage::place`].
    fn remove(&mut self, job: usize, start: usize) {
        let p = self.problem;
        if let Some((r, _)) = p.follow_up_limit {
            self.run_total -= p.follow_up(job, r);
        }
        self.load.add(job, start, -1.0);
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
    let choices = &problem.choices;
    for &j in list {
        if problem.open_bundle(j).is_some() {
            // Placed with its bundle, whole or not at all, below.
            continue;
        }
        let Some(start) = starts.get(j).copied().flatten() else {
            if slots[j].is_none() && problem.jobs[j].required {
                let slot = place_one(problem, &mut usage, &slots, j);
                slots[j] = Some(slot);
            }
            continue;
        };
        if slots[j].is_none() && fits_at(problem, &usage, &slots, j, start) {
            usage.place(j, start);
            slots[j] = Some(Slot::Start(start));
        } else if slots[j].is_none() && problem.jobs[j].required {
            // What every roadmap must hold goes in now, before the rest takes its room.
            let slot = place_one(problem, &mut usage, &slots, j);
            slots[j] = Some(slot);
        }
    }
    let last = last_members(problem, list);
    for &j in list {
        if slots[j].is_some() {
            continue;
        }
        if let Some(b) = problem.open_bundle(j) {
            if last[b] == Some(j) {
                place_bundle(problem, &mut usage, &mut slots, b, starts);
            }
            continue;
        }
        let slot = place_one(problem, &mut usage, &slots, j);
        slots[j] = Some(slot);
    }
    // An `exactly_one` group with no measure in: offer its measures a place again, in
    // list order, until one fits.
    let placed =
        |slots: &[Option<Slot>], k: usize| matches!(slots[k], Some(Slot::Start(_) | Slot::Done));
    for g in problem.unmet_groups(|k| placed(&slots, k)) {
        for &k in list.iter().filter(|&&k| choices.group_of[k] == Some(g)) {
            match problem.open_bundle(k) {
                Some(b) => {
                    for &m in &choices.bundles[b] {
                        slots[m] = None;
                    }
                    place_bundle(problem, &mut usage, &mut slots, b, starts);
                }
                None => slots[k] = Some(place_one(problem, &mut usage, &slots, k)),
            }
            if placed(&slots, k) {
                break;
            }
        }
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

/// Whether measure `j` can start at `start` as things stand: inside its window, after its
/// dependencies, with no rival of its alternative group in, within the follow-up limit
/// and the capacities.
fn fits_at(
    problem: &Problem,
    usage: &Usage<'_>,
    slots: &[Option<Slot>],
    j: usize,
    start: usize,
) -> bool {
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
    window
        && ready
        && rival(problem, slots, j).is_none()
        && p_sustainable(problem, usage, j)
        && usage.check(j, start).is_ok()
}

/// The measure of `j`'s alternative group that keeps it out: the group's fixed choice, or
/// a member already in the schedule.
fn rival(problem: &Problem, slots: &[Option<Slot>], j: usize) -> Option<usize> {
    problem.jobs[j].left_out_by.or_else(|| {
        (problem.choices.rivals(j)).find(|&k| matches!(slots[k], Some(Slot::Start(_) | Slot::Done)))
    })
}

/// Gives every measure left out for a choice the reason the choice is: a measure whose
/// alternative is in the roadmap is out *for that alternative* (not for a bottleneck it
/// met when the search happened to try it first), and the other members of its bundle
/// are out with it. So the reasons of the same roadmap do not depend on the order in
/// which the search reached it.
pub fn settle_reasons(problem: &Problem, slots: &mut [Slot]) {
    let placed: Vec<Option<Slot>> = slots
        .iter()
        .map(|slot| match slot {
            Slot::Start(_) | Slot::Done => Some(slot.clone()),
            Slot::Unscheduled(_) => None,
        })
        .collect();
    for (j, slot) in slots.iter_mut().enumerate() {
        if matches!(slot, Slot::Unscheduled(_))
            && let Some(chosen) = rival(problem, &placed, j)
        {
            *slot = Slot::Unscheduled(Reason::Alternative { chosen });
        }
    }
    for members in &problem.choices.bundles {
        let out_for_choice = members
            .iter()
            .copied()
            .find(|&k| matches!(slots[k], Slot::Unscheduled(Reason::Alternative { .. })));
        let Some(member) = out_for_choice else {
            continue;
        };
        for &k in members {
            if matches!(slots[k], Slot::Unscheduled(ref reason) if !matches!(reason, Reason::Alternative { .. }))
            {
                slots[k] = Slot::Unscheduled(Reason::Bundle { member });
            }
        }
    }
}

/// Places bundle `b` whole (each member at its start in `starts` where that fits, else at
/// its earliest feasible start, dependencies first) or not at all: when one member finds
/// no place, the others are taken out again and left out for it.
fn place_bundle(
    problem: &Problem,
    usage: &mut Usage<'_>,
    slots: &mut [Option<Slot>],
    b: usize,
    starts: &[Option<usize>],
) {
    let members = &problem.choices.bundles[b];
    let mut placed: Vec<(usize, usize)> = Vec::new();
    let mut failed = None;
    for &k in members {
        if slots[k].is_some() {
            continue;
        }
        let slot = match starts.get(k).copied().flatten() {
            Some(start) if fits_at(problem, usage, slots, k, start) => {
                usage.place(k, start);
                Slot::Start(start)
            }
            _ => place_one(problem, usage, slots, k),
        };
        let start = match slot {
            Slot::Start(start) => Some(start),
            _ => None,
        };
        slots[k] = Some(slot);
        match start {
            Some(start) => placed.push((k, start)),
            None => {
                failed = Some(k);
                break;
            }
        }
    }
    if let Some(f) = failed {
        for (k, start) in placed {
            usage.remove(k, start);
        }
        for &k in members {
            if k != f {
                slots[k] = Some(Slot::Unscheduled(Reason::Bundle { member: f }));
            }
        }
    }
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
    if let Some(chosen) = rival(problem, slots, j) {
        return Slot::Unscheduled(Reason::Alternative { chosen });
    }
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

/// Per bundle, its member that comes last in `list` (`None` when none is in it): a bundle
/// is placed there, when everything its members depend on has had its turn.
fn last_members(problem: &Problem, list: &[usize]) -> Vec<Option<usize>> {
    let mut last = vec![None; problem.choices.bundles.len()];
    for &j in list {
        if let Some(b) = problem.choices.bundle_of.get(j).copied().flatten() {
            last[b] = Some(j);
        }
    }
    last
}
