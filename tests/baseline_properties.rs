//! The yearly update on random portfolios: a started measure goes on from the first period
//! with what it has left, like the fixed start it replaces; with `--freeze N` no measure
//! the adopted plan starts in the first N periods moves (even when the budget is cut), and
//! an unchanged portfolio planned against its own plan changes nothing.

use proptest::prelude::*;
use resiplan::analysis::baseline::Freeze;
use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::load::Overlay;
use resiplan::model::Language;
use resiplan::model::baseline::Baseline;
use resiplan::model::period::PeriodKind;
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::baseline::{BaselineFailure, plan_against};
use resiplan::pipeline::{Input, PlanError, Planning, plan_input};
use resiplan::report::json::baseline::read_baseline;
use resiplan::report::provenance::{Content, Provenance};
use resiplan::report::view::PlanView;
use resiplan::schedule::verify::verify;
use resiplan::schedule::{Options, search::Effort};

fn settings() -> impl Strategy<Value = Settings> {
    (
        2usize..12,
        2usize..6,
        0.2f64..0.8,
        0.0f64..2.0,
        any::<u64>(),
    )
        .prop_map(
            |(measures, periods, tightness, dependencies, seed)| Settings {
                kind: PeriodKind::Year,
                tightness,
                dependencies,
                ..Settings::new(measures, periods, seed)
            },
        )
}

/// The plan as `plan -f json` writes it, read back as a baseline.
fn baseline_of(planning: &Planning, options: &Options) -> Baseline {
    let scored = &planning.scored;
    let provenance = Provenance::new(
        "test",
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(options),
    );
    let view = PlanView::of(planning, Language::En, &provenance);
    let json = resiplan::report::plan(resiplan::report::Format::Json, &view, 100);
    read_baseline(&json).expect("a plan's JSON reads back")
}

fn starts(planning: &Planning) -> Vec<Option<usize>> {
    planning
        .planned
        .roadmap
        .placements
        .iter()
        .map(Placement::start)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn frozen_measures_keep_their_adopted_start_and_an_own_baseline_changes_nothing(
        settings in settings(),
        n in 1usize..4,
        cut in 0.6f64..1.0,
    ) {
        let input = Input {
            path: "generated.yaml".into(),
            text: Some(portfolio_yaml(&settings)),
            overlays: Vec::new(),
            include_roots: Vec::new(),
        };
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let Ok(planning) = plan_input(&input, &options) else {
            return Ok(()); // an infeasible random portfolio: no adopted plan
        };
        let baseline = baseline_of(&planning, &options);
        // Unchanged: the same roadmap, no change listed.
        let (again, adopted) = plan_against(&input, &options, &baseline, None)
            .expect("the adopted plan plans again");
        prop_assert_eq!(starts(&again), starts(&planning));
        prop_assert!(adopted.changes.is_empty(), "{:?}", adopted.changes);
        // A budget cut with a freeze: whatever plans keeps the frozen starts.
        let mut cut_input = input.clone();
        for r in &planning.scored.portfolio.resources {
            cut_input.overlays.push(Overlay::Scale { resource: r.id.value.clone(), factor: cut });
        }
        let (replanned, adopted) = match plan_against(&cut_input, &options, &baseline, Some(Freeze::Periods(n))) {
            Ok(planned) => planned,
            // The frozen periods no longer fit the cut budget.
            Err(BaselineFailure::Plan(PlanError::Failed(_))) => return Ok(()),
            Err(other) => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert!(verify(&replanned.scored.portfolio, &replanned.planned.roadmap).is_empty());
        let before = starts(&planning);
        let after = starts(&replanned);
        for (j, start) in before.iter().enumerate() {
            let fixed = planning.scored.portfolio.measures[j].status.value
                != resiplan::model::Status::Planned;
            if let Some(s) = start && *s < n && !fixed {
                prop_assert_eq!(after[j], Some(*s), "measure {} moved", j);
            }
        }
        prop_assert!(adopted.frozen.len() <= before.iter().flatten().filter(|s| **s < n).count());
    }

    #[test]
    fn a_started_measure_plans_like_the_fixed_start_it_replaces(
        settings in settings(),
        started in 0.5f64..1.0,
    ) {
        let settings = Settings { fixed: 0.4, ..settings };
        let text = |started: f64| Input {
            path: "generated.yaml".into(),
            text: Some(portfolio_yaml(&Settings { started, ..settings.clone() })),
            overlays: Vec::new(),
            include_roots: Vec::new(),
        };
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let fixed = plan_input(&text(0.0), &options);
        let with_started = plan_input(&text(started), &options);
        match (fixed, with_started) {
            (Ok(fixed), Ok(with_started)) => {
                let portfolio = &with_started.scored.portfolio;
                prop_assert!(verify(portfolio, &with_started.planned.roadmap).is_empty());
                for (j, m) in portfolio.measures.iter().enumerate() {
                    if m.actuals.started.is_some() {
                        prop_assert_eq!(
                            &with_started.planned.roadmap.placements[j],
                            &Placement::Scheduled { start: 0 }
                        );
                        prop_assert_eq!(&fixed.planned.roadmap.placements[j], &Placement::Scheduled { start: 0 });
                    }
                }
                // The same model: the same objective up to float noise in the costs.
                prop_assert!((fixed.evaluation.objective - with_started.evaluation.objective).abs() < 1e-6);
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "one plans, the other not: {:?} {:?}", a.is_ok(), b.is_ok()),
        }
    }
}
