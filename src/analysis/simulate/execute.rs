//! Executing the adopted roadmap once, with drawn costs, durations and impacts, under the
//! execution policy (README, "How a run executes the roadmap"):
//!
//! 1. Measures are taken in the roadmap's order: by planned start, then in dependency
//!    order, then by rank. Done measures stay done (their run costs count from the first
//!    period); measures the roadmap does not schedule stay out.
//! 2. A measure starts in the first period, not before its planned start, in which every
//!    measure it depends on is complete in this run and ("money is on time") the plan's
//!    own capacity rule holds for it: its planned cost per period over its planned
//!    duration, and its run costs after that, fit in every resource and period beside
//!    what the measures taken before it spend there in this run (drawn costs over drawn
//!    durations, and their run costs). A fixed measure waits only for its dependencies.
//! 3. Once started, a measure runs its drawn duration and spends its drawn cost evenly
//!    over it, even where that overruns a period's capacity: the overrun is what the
//!    simulation reports. From its completion its run costs count to the end of the
//!    horizon.
//! 4. A measure that cannot start inside the horizon is not started, and neither is what
//!    depends on it; one that finishes after the horizon is late.
//!
//! With every range of zero width this is the roadmap itself: each measure starts where
//! it was planned, and spending is the plan's, to the bit.

use super::draw::Draw;
use crate::model::roadmap::Placement;
use crate::model::{Measure, Status, fits_capacity};
use crate::plan::Planning;

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

/// A measure as the execution needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// Its place in the roadmap.
    pub planned: Planned,
    /// Planned duration in periods.
    pub duration: usize,
    /// Total cost per resource (the estimate).
    pub cost: Vec<f64>,
    /// Run cost per resource per period after completion.
    pub run: Vec<f64>,
    /// Indices of the measures it depends on.
    pub dependencies: Vec<usize>,
    /// Fixed measures wait for dependencies only.
    pub fixed: bool,
    /// Value per period once complete (its impacts weighted).
    pub value: f64,
    /// For a measure with funding programmes: the share of its running cost its
    /// resources are charged, `[t][r]` (the own share inside a window, caps ignored: the
    /// simulation does not reallocate caps); `None`: the whole cost.
    pub own: Option<Vec<Vec<f64>>>,
}

impl Entry {
    /// The share of its running cost on resource `r` in period `t` the measure is charged.
    pub(crate) fn share(&self, t: usize, r: usize) -> f64 {
        self.own
            .as_ref()
            .and_then(|own| own.get(t))
            .map_or(1.0, |row| row[r])
    }
}

/// The roadmap to execute, as numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    /// Periods of the horizon.
    pub periods: usize,
    /// Periods in which a completed measure counts: horizon plus evaluation tail.
    pub counted: usize,
    /// Capacity `[r][t]`.
    pub capacity: Vec<Vec<f64>>,
    /// Every measure, in portfolio order.
    pub entries: Vec<Entry>,
    /// The scheduled measures in the order they are taken.
    pub order: Vec<usize>,
}

/// One execution of the roadmap.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Start per measure; `None` when not started (or done, or not in the roadmap).
    pub starts: Vec<Option<usize>>,
    /// Spending `[r * periods + t]`.
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
        let periods = portfolio.calendar.len();
        let resources = &portfolio.resources;
        let funding = crate::schedule::funding::Funding::new(portfolio);
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
                cost: amounts(&m.cost, resources),
                run: amounts(&m.run_cost, resources),
                dependencies: graph.dependencies(j),
                fixed: m.status.value == Status::Fixed,
                value: scores.measures[j].value,
                own: funding.funded(j).then(|| {
                    (0..periods)
                        .map(|t| {
                            (0..resources.len())
                                .map(|r| funding.floor(j, t, r))
                                .collect()
                        })
                        .collect()
                }),
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
        let capacity = resources
            .iter()
            .map(|r| {
                (0..periods)
                    .map(|t| {
                        r.capacity
                            .at(portfolio.calendar.label(t))
                            .unwrap_or(f64::INFINITY)
                    })
                    .collect()
            })
            .collect();
        Model {
            periods,
            counted: periods + portfolio.calendar.evaluation_tail as usize,
            capacity,
            entries,
            order,
        }
    }

    /// Whether measure `j`, started in `start`, meets the plan's capacity rule beside
    /// `committed` (`[r][t]`): its planned cost per period over its planned duration, then
    /// its run costs, in every resource and period of the horizon.
    pub(crate) fn fits(&self, j: usize, start: usize, committed: &[Vec<f64>]) -> bool {
        let e = &self.entries[j];
        let end = start + e.duration;
        (0..self.capacity.len()).all(|r| {
            (start..self.periods).all(|t| {
                let own = if t < end {
                    e.cost[r] / e.duration as f64 * e.share(t, r)
                } else {
                    e.run[r]
                };
                own == 0.0 || fits_capacity(committed[r][t] + own, self.capacity[r][t])
            })
        })
    }

    /// Adds what measure `j` spends when it starts in `start` and runs `duration` periods
    /// at `factor` times its cost.
    pub(crate) fn commit(
        &self,
        j: usize,
        start: usize,
        duration: usize,
        factor: f64,
        committed: &mut [Vec<f64>],
    ) {
        let e = &self.entries[j];
        for (r, row) in committed.iter_mut().enumerate() {
            let cost = factor * e.cost[r];
            for (t, level) in row.iter_mut().enumerate().skip(start) {
                if t < start + duration {
                    *level += cost / duration as f64 * e.share(t, r);
                } else {
                    *level += e.run[r];
                }
            }
        }
    }

    /// Executes the roadmap once with `draws` (one per measure).
    pub(crate) fn execute(&self, draws: &[Draw]) -> Run {
        let n = self.entries.len();
        let resources = self.capacity.len();
        let mut committed = vec![vec![0.0; self.periods]; resources];
        for (j, e) in self.entries.iter().enumerate() {
            if e.planned == Planned::Done {
                self.commit(j, 0, 0, 0.0, &mut committed);
            }
        }
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
            let Some(start) =
                (ready..self.periods).find(|&s| e.fixed || self.fits(j, s, &committed))
            else {
                continue;
            };
            let duration = draws[j].duration as usize;
            self.commit(j, start, duration, draws[j].cost, &mut committed);
            starts[j] = Some(start);
            complete[j] = Some(start + duration);
        }
        let (spend, after, objective) = self.account(&starts, &complete, draws);
        Run {
            starts,
            spend,
            after,
            objective,
        }
    }

    /// Spending per resource and period, spending after the horizon per resource, and the
    /// objective, summed in portfolio order exactly as the plan's evaluation sums them
    /// (`schedule::evaluate`), so that a run with the estimates gives the plan's very
    /// numbers.
    fn account(
        &self,
        starts: &[Option<usize>],
        complete: &[Option<usize>],
        draws: &[Draw],
    ) -> (Vec<f64>, Vec<f64>, f64) {
        let resources = self.capacity.len();
        let mut spend = vec![0.0; resources * self.periods];
        let mut after = vec![0.0; resources];
        let mut objective = 0.0;
        for (j, e) in self.entries.iter().enumerate() {
            let Some(done_at) = complete[j] else {
                continue;
            };
            let duration = draws[j].duration as usize;
            objective += e.value * draws[j].impact * self.counted.saturating_sub(done_at) as f64;
            for r in 0..resources {
                let cost = draws[j].cost * e.cost[r];
                if let Some(s) = starts[j] {
                    let past = (s + duration).saturating_sub(s.max(self.periods));
                    if past > 0 && cost != 0.0 {
                        after[r] += cost / duration as f64 * past as f64;
                    }
                }
                for t in 0..self.periods {
                    let cell = &mut spend[r * self.periods + t];
                    match starts[j] {
                        Some(s) if t >= s && t < s + duration => {
                            *cell += cost / duration as f64 * e.share(t, r)
                        }
                        _ if t >= done_at => *cell += e.run[r],
                        _ => {}
                    }
                }
            }
        }
        (spend, after, objective)
    }
}

/// A measure's amounts per resource, in the portfolio's resource order.
fn amounts(amounts: &crate::model::Amounts, resources: &[crate::model::Resource]) -> Vec<f64> {
    resources
        .iter()
        .map(|r| Measure::amount(amounts, &r.id.value))
        .collect()
}
