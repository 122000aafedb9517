//! The independent check of one executed run against the execution policy
//! ([`super::execute`]): it is handed the run's starts and judges them, rather than
//! producing them. Every run `simulate` reports on has passed it; one that fails is a bug
//! in resiplan ([`Violation`]).
//!
//! It holds that: a measure outside the roadmap or done has no start; a started measure
//! starts no earlier than planned and only after each of its dependencies is complete in
//! the run (a dependency that never completes leaves it unstarted); it starts where the
//! plan's capacity rule holds beside what the measures taken before it spend (a fixed
//! measure excepted), and in no earlier period where its dependencies were complete and
//! the rule held (it never slips without a reason); a measure not started had no such
//! period in the horizon.

use super::draw::Draw;
use super::execute::{Entry, Model, Planned, Run};
use crate::model::fits_capacity;

/// A run that breaks the execution policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("run {run}: measure #{measure} {rule}")]
pub struct Violation {
    /// The run's number.
    pub run: u64,
    /// Index of the measure in the portfolio.
    pub measure: usize,
    /// What it breaks.
    pub rule: String,
}

/// Checks `run` (number `number`) of `model` with `draws`.
pub(crate) fn check(
    model: &Model,
    draws: &[Draw],
    run: &Run,
    number: u64,
) -> Result<(), Violation> {
    let fail = |measure: usize, rule: &str| Violation {
        run: number,
        measure,
        rule: rule.to_owned(),
    };
    // Completion of every measure in this run, from its start and drawn duration.
    let complete: Vec<Option<usize>> = model
        .entries
        .iter()
        .enumerate()
        .map(|(j, e)| match (e.planned, run.starts[j]) {
            (Planned::Done, _) => Some(0),
            (_, Some(s)) => Some(s + draws[j].duration as usize),
            _ => None,
        })
        .collect();
    for (j, e) in model.entries.iter().enumerate() {
        if !matches!(e.planned, Planned::Start(_)) && run.starts[j].is_some() {
            return Err(fail(j, "starts but is done or not in the roadmap"));
        }
    }
    let resources = model.capacity.len();
    let mut committed = vec![vec![0.0; model.periods]; resources];
    for e in &model.entries {
        if e.planned == Planned::Done {
            spend(model, e, 0, 0, 0.0, &mut committed);
        }
    }
    for &j in &model.order {
        let e = &model.entries[j];
        let Planned::Start(planned) = e.planned else {
            return Err(fail(j, "is taken in order but not scheduled"));
        };
        // When every dependency is complete; `None` if one never is in the horizon.
        let mut ready = Some(planned);
        for &d in &e.dependencies {
            ready = match (ready, complete[d]) {
                (Some(r), Some(c)) => Some(r.max(c)),
                _ => None,
            };
        }
        let allowed = |s: usize| e.fixed || rule_holds(model, e, s, &committed);
        match (run.starts[j], ready) {
            (Some(s), _) if s < planned => return Err(fail(j, "starts before its planned start")),
            (Some(_), None) => {
                return Err(fail(j, "starts although a dependency never completes"));
            }
            (Some(s), Some(r)) if s < r => {
                return Err(fail(j, "starts before a dependency is complete"));
            }
            (Some(s), Some(_)) if s >= model.periods => {
                return Err(fail(j, "starts after the horizon"));
            }
            (Some(s), Some(r)) => {
                if !allowed(s) {
                    return Err(fail(j, "starts where the capacity rule does not hold"));
                }
                if (r..s).any(allowed) {
                    return Err(fail(j, "slips past a period in which it could start"));
                }
                let duration = draws[j].duration as usize;
                spend(model, e, s, duration, draws[j].cost, &mut committed);
            }
            (None, Some(r)) if (r..model.periods).any(allowed) => {
                return Err(fail(j, "is not started although a period allowed it"));
            }
            (None, _) => {}
        }
    }
    Ok(())
}

/// The plan's capacity rule for `e` started in `start`, written out period by period:
/// planned cost over the planned duration, run costs after it.
fn rule_holds(model: &Model, e: &Entry, start: usize, committed: &[Vec<f64>]) -> bool {
    for (r, row) in committed.iter().enumerate() {
        for (t, (used, capacity)) in row.iter().zip(&model.capacity[r]).enumerate().skip(start) {
            let need = if t < start + e.duration {
                e.cost[r] / e.duration as f64 * e.share(t, r)
            } else {
                e.run[r]
            };
            if need != 0.0 && !fits_capacity(used + need, *capacity) {
                return false;
            }
        }
    }
    true
}

/// Adds what `e` spends from `start` over `duration` periods at `factor` times its cost.
fn spend(
    model: &Model,
    e: &Entry,
    start: usize,
    duration: usize,
    factor: f64,
    committed: &mut [Vec<f64>],
) {
    for (r, row) in committed.iter_mut().enumerate() {
        let per_period = factor * e.cost[r] / duration as f64;
        for (t, level) in row.iter_mut().enumerate().take(model.periods).skip(start) {
            *level += if t < start + duration {
                per_period * e.share(t, r)
            } else {
                e.run[r]
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::simulate::execute::Entry;

    /// `a` (100 in period 0), `b` after `a` (100 in period 1), `c` (50 in period 0); a
    /// capacity of 150 per period over three periods; `d` is not in the roadmap.
    fn model() -> Model {
        let entry = |planned, cost: f64, dependencies: Vec<usize>| Entry {
            planned,
            duration: 1,
            cost: vec![cost],
            run: vec![0.0],
            dependencies,
            fixed: false,
            value: 1.0,
            own: None,
        };
        Model {
            periods: 3,
            counted: 6,
            capacity: vec![vec![150.0; 3]],
            entries: vec![
                entry(Planned::Start(0), 100.0, vec![]),
                entry(Planned::Start(1), 100.0, vec![0]),
                entry(Planned::Start(0), 50.0, vec![]),
                entry(Planned::Out, 10.0, vec![]),
            ],
            order: vec![0, 2, 1],
        }
    }

    fn draws(cost_a: f64, duration_a: u32) -> Vec<Draw> {
        let draw = |cost, duration| Draw {
            cost,
            duration,
            impact: 1.0,
            quantiles: [0.5, 0.5],
        };
        vec![
            draw(cost_a, duration_a),
            draw(1.0, 1),
            draw(1.0, 1),
            draw(1.0, 1),
        ]
    }

    #[test]
    fn the_estimates_execute_the_roadmap_as_planned() {
        let m = model();
        let d = draws(1.0, 1);
        let run = m.execute(&d);
        assert_eq!(run.starts, vec![Some(0), Some(1), Some(0), None]);
        assert_eq!(run.spend, vec![150.0, 100.0, 0.0]);
        assert_eq!(check(&m, &d, &run, 0), Ok(()));
    }

    #[test]
    fn late_money_and_late_dependencies_delay_and_the_check_knows_why() {
        let m = model();
        // `a` costs 140 instead of 100: only 10 is left in period 0, so `c` (50) waits.
        let d = draws(1.4, 1);
        let run = m.execute(&d);
        assert_eq!(run.starts, vec![Some(0), Some(1), Some(1), None]);
        // `b` was planned for period 1 with `c` now there: 100 + 50 fits 150.
        assert_eq!(run.spend, vec![140.0, 150.0, 0.0]);
        assert_eq!(check(&m, &d, &run, 0), Ok(()));
        // `a` takes two periods: `b` waits for it, and its money fits beside `a`'s 70.
        let d = draws(1.4, 2);
        let run = m.execute(&d);
        assert_eq!(run.starts, vec![Some(0), Some(2), Some(0), None]);
        assert_eq!(check(&m, &d, &run, 0), Ok(()));
    }

    #[test]
    fn a_run_that_breaks_the_policy_is_caught() {
        let m = model();
        let d = draws(1.4, 1);
        let good = m.execute(&d);
        let broken = |change: &dyn Fn(&mut Run)| {
            let mut run = good.clone();
            change(&mut run);
            check(&m, &d, &run, 7).expect_err("caught")
        };
        // `c` where the money is not there.
        let e = broken(&|r| r.starts[2] = Some(0));
        assert!(e.rule.contains("capacity rule"), "{e}");
        // `b` before `a` is complete.
        let e = broken(&|r| {
            r.starts[1] = Some(0);
        });
        assert!(
            e.rule.contains("planned start") || e.rule.contains("dependency"),
            "{e}"
        );
        // `c` slips further than the money requires.
        let e = broken(&|r| r.starts[2] = Some(2));
        assert!(e.rule.contains("slips past"), "{e}");
        // A measure outside the roadmap starts.
        let e = broken(&|r| r.starts[3] = Some(1));
        assert!(e.rule.contains("not in the roadmap"), "{e}");
        // A measure that could start is left out.
        let e = broken(&|r| r.starts[2] = None);
        assert!(e.rule.contains("not started"), "{e}");
        assert_eq!(e.run, 7);
    }
}
