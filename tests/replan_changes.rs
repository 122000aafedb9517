//! A typed [`Change`] applied in memory and re-planned gives what loading the portfolio
//! with its `--set` argument gives: the same portfolio, roadmap and objective, or the
//! same errors (codes and messages; an in-memory change has no position of its own).
//! One case per variant, plus invalid changes. A scale and an exclusion, which `--set`
//! cannot express, are checked against the loader's scale and a scenario's `exclude`.

use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::load::Overlay;
use resiplan::model::change::Change;
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::{Input, PlanError, Planning, Scored, plan_input, score_input};
use resiplan::plan::replan;
use resiplan::schedule::{Bound, Options, search::Effort};
use serde_json::Value;

/// What a plan gives that a user sees: its portfolio, roadmap and objective; or its errors.
type Outcome = Result<(Value, Vec<Placement>, f64), Vec<(String, String)>>;

fn outcome(result: Result<Planning, PlanError>) -> Outcome {
    match result {
        Ok(planning) => Ok((
            serde_json::to_value(&planning.scored.portfolio).unwrap(),
            planning.planned.roadmap.placements,
            planning.evaluation.objective,
        )),
        Err(PlanError::Internal(internal)) => panic!("{internal}"),
        Err(PlanError::Failed(failed)) => {
            let mut errors: Vec<(String, String)> = failed
                .diagnostics
                .iter()
                .filter(|d| d.severity == resiplan::diagnostic::Severity::Error)
                .map(|d| (d.code.name().to_owned(), d.message.clone()))
                .collect();
            errors.sort();
            Err(errors)
        }
    }
}

struct Case {
    input: Input,
    options: Options,
    scored: Scored,
    base: Planning,
}

/// A generated portfolio of 24 measures over 5 years, two resources, budgets at half of demand.
fn case() -> Case {
    let input = Input {
        path: "generated.yaml".into(),
        text: Some(portfolio_yaml(&Settings::new(24, 5, 11))),
        overlays: Vec::new(),
        include_roots: Vec::new(),
    };
    let options = Options {
        effort: Effort::Quick,
        seed: 3,
        ..Options::default()
    };
    let scored = score_input(&input).expect("the generated portfolio checks");
    let base = plan_input(&input, &options).expect("and plans");
    Case {
        input,
        options,
        scored,
        base,
    }
}

impl Case {
    fn in_memory(&self, change: &Change) -> Outcome {
        outcome(replan(
            &self.scored,
            std::slice::from_ref(change),
            &self.options,
            Bound::Best,
        ))
    }

    fn loaded(&self, overlay: Overlay) -> Outcome {
        outcome(plan_input(&self.input.with(overlay), &self.options))
    }

    /// The change in memory equals its `--set` argument through the loader.
    fn assert_like_set(&self, change: &Change) -> Outcome {
        let argument = change.to_set_argument().expect("--set expresses it");
        let memory = self.in_memory(change);
        assert_eq!(
            memory,
            self.loaded(Overlay::Set(argument.clone())),
            "{argument}"
        );
        memory
    }

    fn id(&self, j: usize) -> String {
        self.base.scored.portfolio.measures[j].id.value.clone()
    }

    /// The measure scheduled last (a long one, so it can move and be shortened).
    fn latest(&self) -> usize {
        (0..self.base.planned.roadmap.placements.len())
            .filter(|&j| self.base.scored.portfolio.measures[j].duration.value > 0)
            .max_by_key(|&j| match self.base.planned.roadmap.placements[j] {
                Placement::Scheduled { start } => start + 1,
                _ => 0,
            })
            .unwrap()
    }

    fn period(&self, t: usize) -> resiplan::model::period::PeriodLabel {
        self.base.scored.portfolio.calendar.label(t)
    }

    fn changed_roadmap(&self, outcome: &Outcome) -> bool {
        outcome
            .as_ref()
            .is_ok_and(|(_, placements, _)| placements != &self.base.planned.roadmap.placements)
    }
}

#[test]
fn capacity_in_memory_equals_set() {
    let case = case();
    let capacity = case.base.scored.portfolio.resources[0]
        .capacity
        .at(case.period(1))
        .unwrap();
    // An amount with more than two decimals: applied as `--set` writes it.
    let more = Change::Capacity {
        resource: "budget".into(),
        period: case.period(1),
        amount: capacity * 2.0 + 0.123_456,
    };
    assert!(case.changed_roadmap(&case.assert_like_set(&more)));
    // A capacity of a period the portfolio does not list separately.
    let less = case.assert_like_set(&Change::Capacity {
        resource: "staff".into(),
        period: case.period(4),
        amount: 0.5,
    });
    assert!(less.is_ok(), "{less:?}");
}

#[test]
fn scale_in_memory_equals_the_loaders_scale() {
    let case = case();
    for factor in [0.5, 1.37, 2.0] {
        let change = Change::Scale {
            resource: "budget".into(),
            factor,
        };
        assert_eq!(change.to_set_argument(), None);
        let memory = case.in_memory(&change);
        let loaded = case.loaded(Overlay::Scale {
            resource: "budget".into(),
            factor,
        });
        assert_eq!(memory, loaded, "factor {factor}");
        assert!(memory.is_err() || case.changed_roadmap(&memory) || factor == 1.37);
    }
}

#[test]
fn mandatory_and_deadline_in_memory_equal_set() {
    let case = case();
    let placements = &case.base.planned.roadmap.placements;
    let left_out = (0..placements.len())
        .find(|&j| matches!(placements[j], Placement::NotScheduled { .. }))
        .expect("a measure left out at half the demand");
    let forced = case.assert_like_set(&Change::Mandatory {
        measure: case.id(left_out),
        mandatory: true,
    });
    assert!(forced.is_err() || case.changed_roadmap(&forced));
    // Due one period before it now finishes: the roadmap must change, or the plan fails.
    let j = case.latest();
    let Placement::Scheduled { start } = placements[j] else {
        panic!("the latest measure is scheduled");
    };
    let finish = start + case.base.scored.portfolio.measures[j].duration.value as usize - 1;
    let due = case.assert_like_set(&Change::Deadline {
        measure: case.id(j),
        period: case.period(finish - 1),
    });
    assert!(due.is_err() || case.changed_roadmap(&due));
    let optional = case.assert_like_set(&Change::Mandatory {
        measure: case.id(j),
        mandatory: false,
    });
    assert!(optional.is_ok(), "{optional:?}");
}

#[test]
fn costs_duration_impact_and_weight_in_memory_equal_set() {
    let case = case();
    let j = case.latest();
    let measure = case.id(j);
    let changes = [
        Change::Cost {
            measure: measure.clone(),
            resource: "budget".into(),
            amount: 10.0,
        },
        Change::Cost {
            measure: measure.clone(),
            resource: "staff".into(),
            amount: 1_234_567.891,
        },
        Change::RunCost {
            measure: measure.clone(),
            resource: "budget".into(),
            amount: 12_345.678,
        },
        Change::Duration {
            measure: measure.clone(),
            periods: 1,
        },
        Change::Impact {
            measure: measure.clone(),
            dimension: "recovery".into(),
            score: 4.999,
        },
        Change::Weight {
            dimension: "governance".into(),
            weight: 3.25,
        },
    ];
    let mut moved = 0;
    for change in &changes {
        moved += usize::from(case.changed_roadmap(&case.assert_like_set(change)));
    }
    assert!(moved >= 2, "only {moved} of the changes moved anything");
}

#[test]
fn exclude_in_memory_equals_a_scenarios_exclude() {
    let case = case();
    let graph = &case.base.scored.graph;
    // A measure others depend on: they go with it.
    let j = (0..case.base.scored.portfolio.measures.len())
        .find(|&j| !graph.descendants(j).is_empty())
        .expect("a measure with dependants");
    let change = Change::Exclude {
        measure: case.id(j),
    };
    assert_eq!(change.to_set_argument(), None);
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("exclude.yaml");
    std::fs::write(
        &scenario,
        format!("version: 1\nname: Without\nexclude: [{}]\n", case.id(j)),
    )
    .unwrap();
    let memory = case.in_memory(&change);
    let loaded = case.loaded(Overlay::Scenario(scenario));
    let strip = |outcome: Outcome| {
        outcome.map(|(mut portfolio, placements, objective)| {
            portfolio["scenarios"] = Value::Null; // the scenario names itself; the change does not
            (portfolio, placements, objective)
        })
    };
    let memory = strip(memory);
    assert_eq!(memory, strip(loaded));
    let (portfolio, _, _) = memory.unwrap();
    let left = portfolio["measures"].as_array().unwrap().len();
    assert!(left < case.base.scored.portfolio.measures.len() - 1);
}

#[test]
fn invalid_changes_give_the_errors_set_gives() {
    let case = case();
    let j = case.latest();
    let measure = case.id(j);
    let invalid = [
        Change::Capacity {
            resource: "budget".into(),
            period: case.period(2),
            amount: -1_200_000.0,
        },
        Change::Cost {
            measure: measure.clone(),
            resource: "budget".into(),
            amount: -5.5,
        },
        Change::Weight {
            dimension: "recovery".into(),
            weight: -1.0,
        },
        // A deadline no chain can meet, and a mandatory measure that cannot fit in time.
        Change::Deadline {
            measure: measure.clone(),
            period: case.period(0),
        },
        Change::Impact {
            measure: measure.clone(),
            dimension: "resilience".into(),
            score: 3.0,
        },
        Change::Impact {
            measure: measure.clone(),
            dimension: "recovery".into(),
            score: 7.0,
        },
        // A measure with costs made a milestone.
        Change::Duration {
            measure: measure.clone(),
            periods: 0,
        },
        Change::Duration {
            measure: measure.clone(),
            periods: 9,
        },
    ];
    for change in &invalid {
        let errors = case.assert_like_set(change).expect_err("invalid");
        assert!(!errors.is_empty(), "{change:?}");
    }
    // Every measure mandatory: more than the budgets hold.
    let everything: Vec<Change> = (0..case.base.scored.portfolio.measures.len())
        .map(|k| Change::Mandatory {
            measure: case.id(k),
            mandatory: true,
        })
        .collect();
    let memory = outcome(replan(
        &case.scored,
        &everything,
        &case.options,
        Bound::Best,
    ));
    let mut input = case.input.clone();
    input.overlays.extend(
        everything
            .iter()
            .map(|c| Overlay::Set(c.to_set_argument().unwrap())),
    );
    let loaded = outcome(plan_input(&input, &case.options));
    assert!(memory.is_err());
    assert_eq!(memory, loaded);
}

#[test]
fn a_change_that_names_nothing_is_refused() {
    let case = case();
    for change in [
        Change::Mandatory {
            measure: "nowhere".into(),
            mandatory: true,
        },
        Change::Scale {
            resource: "gold".into(),
            factor: 2.0,
        },
        Change::Weight {
            dimension: "luck".into(),
            weight: 1.0,
        },
        Change::Scale {
            resource: "budget".into(),
            factor: -1.0,
        },
    ] {
        let errors = case.in_memory(&change).expect_err("refused");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(change.apply(&case.scored.portfolio).is_err());
    }
}
