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
//! period in the horizon. The capacity rule itself is the demand layer's
//! (`schedule::demand::Load`, the scheduler's and the verifier's): what is judged here is
//! the policy around it.

use super::draw::Draw;
use super::execute::{Model, Planned, Run};
use crate::schedule::demand::Load;
use crate::schedule::problem::Problem;

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

/// Checks `run` (number `number`) of `model` with `draws`, drawn into `problem` (by
/// [`Model::execute`]).
pub(crate) fn check(
    model: &Model,
    problem: &Problem,
    draws: &[Draw],
    run: &Run,
    number: u64,
) -> Result<(), Violation> {
    let fail = |measure: usize, rule: &str| Violation {
        run: number,
        measure,
        rule: rule.to_owned(),
    };
    let n = model.entries.len();
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
        if problem.jobs[n + j].duration != draws[j].duration as usize && run.starts[j].is_some() {
            return Err(fail(j, "runs another duration than drawn"));
        }
    }
    // What the measures taken so far spend: the done measures' run costs to begin with.
    let mut load = Load::new(problem);
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
        // The plan's capacity rule, applied to the planned figures of `j`.
        let allowed = |s: usize| e.fixed || load.check(j, s).is_ok();
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
                load.add(n + j, s, 1.0);
            }
            (None, Some(r)) if (r..model.periods).any(allowed) => {
                return Err(fail(j, "is not started although a period allowed it"));
            }
            (None, _) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a` (100 in 2027), `b` after `a` (100 in 2028), `c` (50 in 2027); a capacity of 150
    /// a year over three years; `d` (1000) is not in the roadmap.
    fn model() -> Model {
        let text = "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2029 }\n\
            resources:\n  budget: { capacity: 150 }\nmeasures:\n\
            - { id: a, name: A, duration: 1, cost: { budget: 100 }, impact: { x: 3 } }\n\
            - { id: b, name: B, duration: 1, cost: { budget: 100 }, depends_on: [a], impact: { x: 3 } }\n\
            - { id: c, name: C, duration: 1, cost: { budget: 50 }, impact: { x: 1 } }\n\
            - { id: d, name: D, duration: 1, cost: { budget: 1000 }, impact: { x: 1 } }\n\
            dimensions:\n  - { id: x, name: X, weight: 1 }\n";
        let planning = crate::pipeline::plan_text(std::path::Path::new("t.yaml"), text)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let m = Model::of(&planning);
        let planned: Vec<Planned> = m.entries.iter().map(|e| e.planned).collect();
        assert_eq!(
            planned,
            [
                Planned::Start(0),
                Planned::Start(1),
                Planned::Start(0),
                Planned::Out
            ]
        );
        assert_eq!(m.order, [0, 2, 1]);
        m
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

    /// Executes `m` with `d` and checks the run.
    fn run(m: &Model, d: &[Draw]) -> (Problem, Run) {
        let mut problem = m.scratch();
        let run = m.execute(&mut problem, d);
        assert_eq!(check(m, &problem, d, &run, 0), Ok(()));
        (problem, run)
    }

    #[test]
    fn the_estimates_execute_the_roadmap_as_planned() {
        let m = model();
        let (_, run) = run(&m, &draws(1.0, 1));
        assert_eq!(run.starts, vec![Some(0), Some(1), Some(0), None]);
        assert_eq!(run.spend, vec![150.0, 100.0, 0.0]);
    }

    #[test]
    fn late_money_and_late_dependencies_delay_and_the_check_knows_why() {
        let m = model();
        // `a` costs 140 instead of 100: only 10 is left in 2027, so `c` (50) waits.
        let (_, r) = run(&m, &draws(1.4, 1));
        assert_eq!(r.starts, vec![Some(0), Some(1), Some(1), None]);
        // `b` was planned for 2028 with `c` now there: 100 + 50 fits 150.
        assert_eq!(r.spend, vec![140.0, 150.0, 0.0]);
        // `a` takes two years: `b` waits for it, and its money fits beside `a`'s 70.
        let (_, r) = run(&m, &draws(1.4, 2));
        assert_eq!(r.starts, vec![Some(0), Some(2), Some(0), None]);
    }

    #[test]
    fn a_run_that_breaks_the_policy_is_caught() {
        let m = model();
        let d = draws(1.4, 1);
        let (problem, good) = run(&m, &d);
        let broken = |change: &dyn Fn(&mut Run)| {
            let mut run = good.clone();
            change(&mut run);
            check(&m, &problem, &d, &run, 7).expect_err("caught")
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
