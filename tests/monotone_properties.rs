//! More capacity never gives a worse roadmap (issue 14): a re-plan warm-started from the
//! roadmap before the change is at least as good, and `frontier`'s objectives never
//! decrease as the budget grows, on random portfolios and on every shipped example.

use crate::support::stdout;
use proptest::prelude::*;
use resiplan::analysis::frontier::{StepResult, frontier};
use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::model::change::Change;
use resiplan::model::period::PeriodKind;
use resiplan::pipeline::score_text;
use resiplan::plan::{replan, replan_from};
use resiplan::schedule::{Bound, Options, search::Effort};
use std::path::Path;

fn settings() -> impl Strategy<Value = Settings> {
    (
        4usize..24,
        2usize..7,
        1usize..3,
        0.2f64..0.7,
        0.0f64..2.0,
        any::<u64>(),
    )
        .prop_map(
            |(measures, periods, resources, tightness, dependencies, seed)| Settings {
                kind: PeriodKind::Year,
                resources,
                tightness,
                dependencies,
                run_costs: 0.5,
                mandatory: 0.1,
                deadlines: 0.2,
                ..Settings::new(measures, periods, seed)
            },
        )
}

/// Objectives of the planned steps of a sweep, in order, and whether a planned step was
/// followed by one that is not.
fn objectives(steps: &[resiplan::analysis::frontier::Step]) -> (Vec<f64>, bool) {
    let mut values = Vec::new();
    let mut lost = false;
    for step in steps {
        match &step.result {
            StepResult::Planned { objective, .. } => values.push(*objective),
            StepResult::Infeasible { .. } => lost |= !values.is_empty(),
        }
    }
    (values, lost)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn a_larger_capacity_never_yields_a_smaller_objective(
        settings in settings(),
        factor in 1.0f64..3.0,
        effort in prop_oneof![Just(Effort::Quick), Just(Effort::Normal)],
    ) {
        let text = portfolio_yaml(&settings);
        let scored = score_text(Path::new("g.yaml"), &text)
            .unwrap_or_else(|f| panic!("does not check: {:?}\n{text}", f.diagnostics));
        let options = Options { effort, seed: settings.seed, ..Options::default() };
        let Ok(base) = replan(&scored, &[], &options, Bound::ResourceFree) else {
            return Ok(()); // infeasible: nothing to compare
        };
        let before: Vec<Option<usize>> =
            base.planned.roadmap.placements.iter().map(|p| p.start()).collect();
        for resource in &scored.portfolio.resources {
            let grow = [
                Change::Scale { resource: resource.id.value.clone(), factor },
                Change::Capacity {
                    resource: resource.id.value.clone(),
                    period: scored.portfolio.calendar.label(0),
                    amount: resource.capacity.at(scored.portfolio.calendar.label(0)).unwrap_or(0.0)
                        * factor + 1.0,
                },
            ];
            for change in grow {
                let more = replan_from(&scored, std::slice::from_ref(&change), &options, Bound::ResourceFree,
                    std::slice::from_ref(&before))
                    .unwrap_or_else(|e| panic!("{change:?} made it infeasible: {e}\n{text}"));
                prop_assert!(
                    more.evaluation.objective >= base.evaluation.objective - 1e-9,
                    "{change:?}: {} < {}\n{text}", more.evaluation.objective,
                    base.evaluation.objective
                );
            }
        }
    }

    #[test]
    fn frontier_objectives_never_decrease(settings in settings()) {
        let text = portfolio_yaml(&settings);
        let scored = score_text(Path::new("g.yaml"), &text)
            .unwrap_or_else(|f| panic!("does not check: {:?}\n{text}", f.diagnostics));
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let sweep = frontier(&scored, &options, Some("budget"), (0.3, 2.5), 6, &|| {})
            .unwrap_or_else(|e| panic!("{e:?}"));
        let (values, lost) = objectives(&sweep.steps);
        prop_assert!(!lost, "a step lost its roadmap with more budget\n{text}");
        for pair in values.windows(2) {
            prop_assert!(pair[1] >= pair[0] - 1e-9, "{values:?}\n{text}");
        }
    }
}

#[test]
fn frontier_is_monotone_on_every_example() {
    let mut examples: Vec<_> = std::fs::read_dir(crate::support::root().join("examples"))
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 3);
    for path in examples {
        let name = format!("examples/{}", path.file_name().unwrap().to_string_lossy());
        for resource in ["investiv", "konsumtiv", "staff"] {
            let json = stdout(&[
                "frontier",
                &name,
                "--resource",
                resource,
                "--budget-scale",
                "0.3..2.0",
                "--steps",
                "8",
                "-f",
                "json",
            ]);
            let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
            let values: Vec<f64> = report["steps"]
                .as_array()
                .expect("steps")
                .iter()
                .filter_map(|s| s["objective"].as_f64())
                .collect();
            assert!(!values.is_empty(), "{name} {resource}: no planned step");
            for pair in values.windows(2) {
                assert!(pair[1] >= pair[0], "{name} {resource}: {values:?}");
            }
        }
    }
}

/// Guard for the warm start itself: where a cold `quick` plan falls short of a `normal`
/// one, `quick` warm-started from the `normal` roadmap reaches at least its objective
/// (the roadmap before a change is kept when nothing better is found).
#[test]
fn a_warm_start_is_never_lost() {
    let mut compared = 0;
    for seed in 1..=6 {
        let settings = Settings::hard(40, 8, PeriodKind::Quarter, seed);
        let text = portfolio_yaml(&settings);
        let scored = score_text(Path::new("g.yaml"), &text)
            .unwrap_or_else(|f| panic!("does not check: {:?}", f.diagnostics));
        let at = |effort| Options {
            effort,
            seed: 1,
            ..Options::default()
        };
        let (Ok(quick), Ok(normal)) = (
            replan(&scored, &[], &at(Effort::Quick), Bound::ResourceFree),
            replan(&scored, &[], &at(Effort::Normal), Bound::ResourceFree),
        ) else {
            continue;
        };
        if quick.evaluation.objective >= normal.evaluation.objective - 1e-9 {
            continue;
        }
        compared += 1;
        let warm: Vec<Option<usize>> = normal
            .planned
            .roadmap
            .placements
            .iter()
            .map(|p| p.start())
            .collect();
        let started = replan_from(
            &scored,
            &[],
            &at(Effort::Quick),
            Bound::ResourceFree,
            &[warm],
        )
        .expect("plans");
        assert!(
            started.evaluation.objective >= normal.evaluation.objective - 1e-9,
            "seed {seed}: {} < {}",
            started.evaluation.objective,
            normal.evaluation.objective
        );
    }
    assert!(compared > 0, "no seed where quick falls short of normal");
}
