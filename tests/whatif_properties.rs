//! `explain`'s counterfactual is a promise: applying its `--set` changes and
//! re-planning moves the measure as claimed. Checked on random portfolios. `explain`
//! re-plans in memory; replaying its printed `--set` arguments through the loader keeps
//! both paths honest.

use proptest::prelude::*;
use resiplan::analysis::Slot;
use resiplan::analysis::explain::{Counterfactual, Priority, explain};
use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::load::Overlay;
use resiplan::model::period::PeriodKind;
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::{Input, plan_input};
use resiplan::schedule::{Options, search::Effort};

fn settings() -> impl Strategy<Value = Settings> {
    (
        2usize..14,
        2usize..7,
        1usize..3,
        0.2f64..0.8,
        0.0f64..2.0,
        any::<u64>(),
    )
        .prop_map(
            |(measures, periods, resources, tightness, dependencies, seed)| Settings {
                kind: PeriodKind::Year,
                resources,
                tightness,
                dependencies,
                mandatory: 0.1,
                deadlines: 0.2,
                ..Settings::new(measures, periods, seed)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn a_found_counterfactual_moves_the_measure_when_applied_with_set(settings in settings()) {
        let input = Input {
            path: "generated.yaml".into(),
            text: Some(portfolio_yaml(&settings)),
            overlays: Vec::new(),
            include_roots: Vec::new(),
        };
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let Ok(planning) = plan_input(&input, &options) else {
            return Ok(()); // an infeasible random portfolio: nothing to explain
        };
        let portfolio = &planning.scored.portfolio;
        // The measure placed latest, else one not scheduled: where a counterfactual matters.
        let target = (0..portfolio.measures.len())
            .max_by_key(|&j| match planning.planned.roadmap.placements[j] {
                Placement::Scheduled { start } => start + 1,
                Placement::NotScheduled { .. } => 1_000,
                Placement::Done => 0,
            });
        let Some(j) = target else { return Ok(()); };
        let id = portfolio.measures[j].id.value.clone();
        let explanation = explain(&planning, &options, &id)
            .expect("no internal error")
            .expect("the measure exists");
        // The priority re-plan is a claim too: its `--set` arguments reproduce it.
        if let Some(Priority::Moves(priority)) = &explanation.priority {
            let mut forced = input.clone();
            forced.overlays.extend(priority.sets.iter().cloned().map(Overlay::Set));
            let replanned = plan_input(&forced, &options).expect("the forced portfolio plans");
            prop_assert_eq!(&resiplan::analysis::slot(&replanned, &id), &priority.slot);
            prop_assert!((replanned.evaluation.objective - priority.objective).abs() < 1e-9);
        }
        let Counterfactual::Found(found) = explanation.counterfactual else {
            return Ok(());
        };
        // Apply exactly what explain printed, through the same path `--set` takes.
        let mut changed = input.clone();
        changed.overlays.extend(found.sets.iter().cloned().map(Overlay::Set));
        let replanned = plan_input(&changed, &options).expect("the changed portfolio plans");
        let now = resiplan::analysis::slot(&replanned, &id);
        prop_assert_eq!(&now, &found.slot, "the re-plan must put `{}` where explain said", id);
        match (&planning.planned.roadmap.placements[j], &now) {
            (Placement::Scheduled { start }, Slot::Scheduled { start_index, .. }) => {
                prop_assert!(start_index < start, "`{}` must start earlier", id);
            }
            (Placement::NotScheduled { .. }, Slot::Scheduled { .. }) => {}
            (before, after) => prop_assert!(false, "`{}`: {:?} → {:?} is not a move earlier", id, before, after),
        }
        // Every extra is positive and matches its `--set` text.
        prop_assert_eq!(found.extra.len(), found.sets.len());
        for (extra, set) in found.extra.iter().zip(&found.sets) {
            prop_assert!(extra.extra > 0.0);
            let expected = format!("resources.{}.capacity.{}=", extra.resource, extra.period);
            prop_assert!(set.starts_with(&expected), "{} vs {}", set, expected);
        }
    }
}

/// Guard: the property above must not pass only because no case finds a counterfactual.
#[test]
fn counterfactuals_are_found_on_generated_portfolios() {
    let (mut found, mut priorities) = (0, 0);
    for seed in 0..30 {
        let settings = Settings {
            tightness: 0.4,
            dependencies: 1.0,
            ..Settings::new(10, 5, seed)
        };
        let input = Input {
            path: "generated.yaml".into(),
            text: Some(portfolio_yaml(&settings)),
            overlays: Vec::new(),
            include_roots: Vec::new(),
        };
        let options = Options {
            effort: Effort::Quick,
            seed,
            ..Options::default()
        };
        let Ok(planning) = plan_input(&input, &options) else {
            continue;
        };
        for measure in &planning.scored.portfolio.measures {
            if let Some(e) =
                explain(&planning, &options, &measure.id.value).expect("no internal error")
            {
                found += usize::from(matches!(e.counterfactual, Counterfactual::Found(_)));
                priorities += usize::from(matches!(e.priority, Some(Priority::Moves(_))));
            }
        }
    }
    assert!(found >= 10, "only {found} counterfactuals found");
    assert!(
        priorities >= 10,
        "only {priorities} priority re-plans moved a measure"
    );
}
