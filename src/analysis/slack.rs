//! Critical path and slack (Puffer) of a planned roadmap: for every scheduled measure, how
//! many periods it can start later, given the resources as planned.
//!
//! - **Total slack**: the largest `k` such that, for every `k' ≤ k`, starting the measure
//!   `k'` periods later and pushing each of its (transitive) dependents just as far as
//!   their dependencies require, while every other measure keeps its periods, gives a
//!   roadmap that meets every rule (horizon, every deadline on the chain, `fixed`,
//!   capacities per budget period, carry-over, funding) and finishes nothing later than
//!   the roadmap's last scheduled finish: a chain ends at its deadline, or else at the
//!   last finish.
//! - **Free slack**: the same with nothing else moving: how far the measure can slip
//!   without moving any dependent's start.
//! - **Critical**: total slack 0.
//!
//! Capacities are tested through the demand layer ([`Load`]) when the shifted measures
//! draw on no funding programme (their grants and everyone else's stay as they are), and
//! by the independent verifier ([`verify`]) on the whole shifted roadmap otherwise.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use crate::model::roadmap::{Placement, Roadmap};
use crate::plan::Planning;
use crate::schedule::demand::Load;
use crate::schedule::problem::Problem;
use crate::schedule::verify::verify;
use serde::Serialize;

/// The slack of one scheduled measure, in periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Slack {
    /// Periods it can start later, pushing its dependents, without breaking a deadline or
    /// the horizon or moving the roadmap's last finish.
    pub total: usize,
    /// Periods it can start later with nothing else moving.
    pub free: usize,
}

impl Slack {
    /// On the critical chain: total slack 0.
    pub fn critical(&self) -> bool {
        self.total == 0
    }
}

/// Above this many measures, a portfolio with funding programmes gets no slack: every
/// shifted start would be checked by the verifier on the whole roadmap.
pub const FUNDED_LIMIT: usize = 400;

/// The slack of every measure, parallel to `Portfolio::measures`: `None` for a measure
/// that is not scheduled (or done), and for all when the portfolio has funding programmes
/// and more than [`FUNDED_LIMIT`] measures.
pub fn slack(planning: &Planning) -> Vec<Option<Slack>> {
    let scored = &planning.scored;
    let portfolio = &scored.portfolio;
    let problem = Problem::new(portfolio, &scored.graph, &scored.scores);
    let roadmap = &planning.planned.roadmap;
    let n = portfolio.measures.len();
    if roadmap.placements.len() != n || (!problem.funding.grants.is_empty() && n > FUNDED_LIMIT) {
        return vec![None; n];
    }
    let starts: Vec<Option<usize>> = roadmap.placements.iter().map(Placement::start).collect();
    let mut shifter = Shifter::new(&problem, planning, starts);
    (0..n)
        .map(|i| {
            shifter.starts[i]?;
            let total = shifter.furthest(i, true);
            let free = shifter.furthest(i, false).min(total);
            Some(Slack { total, free })
        })
        .collect()
}

/// Tests shifted starts against a planned roadmap.
struct Shifter<'p> {
    problem: &'p Problem,
    planning: &'p Planning,
    starts: Vec<Option<usize>>,
    /// Position of each measure in the topological order.
    position: Vec<usize>,
    /// The roadmap's last scheduled finish (end, exclusive; a milestone's is its start).
    last: usize,
    /// The planned roadmap in the demand layer.
    load: Load<'p>,
}

impl<'p> Shifter<'p> {
    fn new(problem: &'p Problem, planning: &'p Planning, starts: Vec<Option<usize>>) -> Self {
        let mut position = vec![0; problem.jobs.len()];
        for (p, &j) in problem.order.iter().enumerate() {
            if let Some(slot) = position.get_mut(j) {
                *slot = p;
            }
        }
        let last = (starts.iter().enumerate())
            .filter_map(|(j, s)| s.map(|s| s + problem.jobs[j].duration))
            .max()
            .unwrap_or(0);
        let mut load = Load::new(problem);
        let mut placed: Vec<(usize, usize)> = (starts.iter().enumerate())
            .filter_map(|(j, s)| s.map(|s| (s, j)))
            .collect();
        placed.sort_unstable();
        for (s, j) in placed {
            load.add(j, s, 1.0);
        }
        Shifter {
            problem,
            planning,
            starts,
            position,
            last,
            load,
        }
    }

    /// The largest `k` such that every delay of measure `i` by `1..=k` periods is
    /// allowed: pushing its dependents when `push`, else moving nothing else.
    fn furthest(&mut self, i: usize, push: bool) -> usize {
        let Some(s) = self.starts[i] else { return 0 };
        let mut k = 0;
        while let Some(moved) = self.shifted(i, s + k + 1, push) {
            if !self.fits(&moved) {
                break;
            }
            k += 1;
        }
        k
    }

    /// The measures that move when `i` starts in `start`, with their new starts (`i`
    /// first, then in topological order); `None` when a rule outside capacities breaks.
    fn shifted(&self, i: usize, start: usize, push: bool) -> Option<BTreeMap<usize, usize>> {
        let p = self.problem;
        let mut moved = BTreeMap::new();
        if !self.may_start(i, start) {
            return None;
        }
        moved.insert(i, start);
        let complete = |j: usize, moved: &BTreeMap<usize, usize>| -> usize {
            let s = moved.get(&j).copied().or(self.starts[j]).unwrap_or(0);
            if p.jobs[j].done {
                0
            } else {
                s + p.jobs[j].duration
            }
        };
        let mut queue: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
        for &c in &p.dependents[i] {
            queue.push(Reverse((self.position[c], c)));
        }
        while let Some(Reverse((_, c))) = queue.pop() {
            let Some(planned) = self.starts[c] else {
                continue;
            };
            if moved.contains_key(&c) {
                continue;
            }
            let needed = (p.jobs[c].dependencies.iter())
                .map(|&d| complete(d, &moved))
                .max()
                .unwrap_or(0);
            if needed <= planned {
                continue;
            }
            if !push || !self.may_start(c, needed) {
                return None;
            }
            moved.insert(c, needed);
            for &d in &p.dependents[c] {
                queue.push(Reverse((self.position[d], d)));
            }
        }
        Some(moved)
    }

    /// Whether measure `j` may start in `start` by the rules of its own: not fixed,
    /// inside the horizon, by its deadline, finishing by the roadmap's last finish.
    fn may_start(&self, j: usize, start: usize) -> bool {
        let job = &self.problem.jobs[j];
        job.fixed.is_none()
            && start + job.duration.max(1) <= self.problem.periods
            && job.deadline_start.is_none_or(|latest| start <= latest)
            && start + job.duration <= self.last
    }

    /// Whether the roadmap with `moved` at their new starts keeps every capacity.
    fn fits(&mut self, moved: &BTreeMap<usize, usize>) -> bool {
        let p = self.problem;
        if moved.keys().any(|&j| p.funding.funded(j)) {
            let mut placements = self.planning.planned.roadmap.placements.clone();
            for (&j, &s) in moved {
                placements[j] = Placement::Scheduled { start: s };
            }
            let portfolio = &self.planning.scored.portfolio;
            return verify(portfolio, &Roadmap { placements }).is_empty();
        }
        let saved = self.load.used.clone();
        for &j in moved.keys() {
            if let Some(s) = self.starts[j] {
                self.load.add(j, s, -1.0);
            }
        }
        let mut order: Vec<(usize, usize)> = moved.iter().map(|(&j, &s)| (s, j)).collect();
        order.sort_unstable();
        let mut fits = true;
        for (s, j) in order {
            if self.load.check(j, s).is_err() {
                fits = false;
                break;
            }
            self.load.add(j, s, 1.0);
        }
        self.load.used = saved;
        fits
    }
}

#[cfg(test)]
mod tests {
    use super::{Slack, slack};
    use crate::plan::{Planning, schedule};
    use crate::schedule::Options;

    fn planning(path: &str) -> Planning {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let scored = crate::pipeline::score_text(&path, &text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        schedule(scored, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Id, start and (total, free) slack of each measure.
    type Row = (String, Option<usize>, Option<(usize, usize)>);

    fn by_id(planning: &Planning) -> Vec<Row> {
        let portfolio = &planning.scored.portfolio;
        (portfolio.measures.iter().zip(slack(planning)))
            .zip(&planning.planned.roadmap.placements)
            .map(|((m, s), p)| {
                let s = s.map(|Slack { total, free }| (total, free));
                (m.id.value.clone(), p.start(), s)
            })
            .collect()
    }

    /// a → b → c (deadline 2030), d alone, e for five years: the last finish is the end
    /// of 2031 (period 5), c must finish by 2030 (start by period 3).
    #[test]
    fn hand_checked_chain() {
        let planning = planning("tests/fixtures/slack/chain.yaml");
        let got = by_id(&planning);
        let want = [
            ("a", 0, (1, 0)),
            ("b", 1, (1, 0)),
            ("c", 2, (1, 1)),
            ("d", 0, (4, 4)),
            ("e", 0, (0, 0)),
        ];
        let want: Vec<_> = (want.iter())
            .map(|&(id, s, slack)| (id.to_owned(), Some(s), Some(slack)))
            .collect();
        assert_eq!(got, want);
    }

    /// Two measures that each fill a year's budget: the first cannot slip onto the second
    /// (capacity as planned), the second can slip to the last finish.
    #[test]
    fn capacity_as_planned_limits_slack() {
        let text = "version: 1\nname: Full\ncalendar: { period: year, start: 2027, end: 2030 }\n\
            resources:\n  budget: { capacity: 100k }\nmeasures:\n\
            - { id: x, name: X, duration: 1, cost: { budget: 100k }, impact: { protection: 3 } }\n\
            - { id: y, name: Y, duration: 1, cost: { budget: 100k }, impact: { protection: 2 } }\n\
            - { id: long, name: L, duration: 4, impact: { protection: 1 } }\n";
        let path = std::path::Path::new("full.yaml");
        let scored = crate::pipeline::score_text(path, text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        let planning = schedule(scored, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let got = by_id(&planning);
        assert_eq!(got[0], ("x".to_owned(), Some(0), Some((0, 0))));
        assert_eq!(got[1], ("y".to_owned(), Some(1), Some((2, 2))));
        assert_eq!(got[2], ("long".to_owned(), Some(0), Some((0, 0))));
    }
}
