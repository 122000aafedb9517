//! Never a wrong roadmap (issue 12): a fixed or mandatory measure's prerequisites are placed
//! in time or the plan is an error that names the chain and the resource; every roadmap
//! passes the independent verifier before anything is written, and one that does not is
//! an internal error (exit 5); the capacity rule has a relative tolerance only.

use crate::support::{resiplan, root};
use resiplan::error::Error;
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::{Input, plan_input, plan_text, score_file};
use resiplan::plan::PlanError;
use resiplan::schedule::bound::{LpFailure, best_bound, upper_bound};
use resiplan::schedule::checked::{Internal, verified};
use resiplan::schedule::problem::Problem;
use resiplan::schedule::verify::verify;
use std::path::Path;

fn infeasible(file: &str) -> String {
    let output = resiplan().args(["plan", file]).output().expect("runs");
    assert_eq!(output.status.code(), Some(1), "{file}");
    assert!(output.stdout.is_empty(), "{file} printed a report");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_fixed_measure_whose_prerequisite_cannot_be_complete_in_time_is_an_error() {
    for name in [
        "fixed-prerequisite",
        "fixed-prerequisite-late",
        "fixed-prerequisite-crowded",
    ] {
        let stderr = infeasible(&format!("tests/fixtures/infeasible/{name}.yaml"));
        insta::assert_snapshot!(format!("never_wrong_{name}"), stderr);
    }
}

#[test]
fn a_fixed_start_from_a_scenario_or_set_needs_its_prerequisites_in_time_too() {
    let file = "tests/fixtures/ok/fixed-prerequisite-planned.yaml";
    let scenario = "tests/fixtures/scenarios/fix-f-2028.yaml";
    let by_scenario = resiplan()
        .args(["plan", file, "--scenario", scenario])
        .output()
        .expect("runs");
    let by_set = resiplan()
        .args(["plan", file, "--set", "measures.f.status=fixed"])
        .args(["--set", "measures.f.start=2028"])
        .output()
        .expect("runs");
    for output in [by_scenario, by_set] {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(output.stdout.is_empty());
        assert!(stderr.contains("error[fixed-infeasible]"), "{stderr}");
        assert!(
            stderr.contains("`x` does not fit any start in 2027"),
            "{stderr}"
        );
        assert!(stderr.contains("`budget` is short in 2027"), "{stderr}");
    }
}

#[test]
fn a_prerequisite_is_placed_before_the_fixed_start_even_when_a_mandatory_measure_competes() {
    // `law` (mandatory, most valuable) and `design` (needed by `build`, fixed in 2028) each
    // take 600k of 1M: only `design` in 2027 and `law` later meets every rule.
    let file = root().join("tests/fixtures/ok/fixed-prerequisite.yaml");
    let planning = plan_input(&Input::file(&file), &Default::default()).expect("plans");
    let portfolio = &planning.scored.portfolio;
    let roadmap = &planning.planned.roadmap;
    assert_eq!(verify(portfolio, roadmap), vec![]);
    let start = |id: &str| {
        let j = portfolio.measures.iter().position(|m| m.id.value == id);
        roadmap.placements[j.expect("measure")].start()
    };
    assert_eq!(start("design"), Some(0));
    assert_eq!(start("build"), Some(1));
    assert!(start("law") > Some(0));
}

#[test]
fn every_command_that_plans_refuses_the_wrong_roadmap() {
    let file = "tests/fixtures/infeasible/fixed-prerequisite.yaml";
    for args in [
        vec!["explain", file, "f"],
        vec![
            "compare",
            file,
            "--scenario",
            "tests/fixtures/scenarios/scale-half.yaml",
        ],
    ] {
        let output = resiplan().args(&args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
        assert!(stderr.contains("error[fixed-infeasible]"), "{stderr}");
    }
    // The frontier reports the budget at which the rules cannot be met; at twice the
    // budget `x` (2M) fits in 2027, before `f`.
    let output = resiplan()
        .args(["frontier", file, "--steps", "2", "--format", "csv"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[1].starts_with("0.5,1500000,infeasible,"), "{stdout}");
    assert!(lines[2].starts_with("2,6000000,planned,"), "{stdout}");
}

#[test]
fn run_costs_of_done_measures_cannot_be_moved_only_covered() {
    let stderr = infeasible("tests/fixtures/infeasible/done-overrun.yaml");
    assert!(!stderr.contains("or move"), "{stderr}");
    insta::assert_snapshot!("never_wrong_done-overrun", stderr);
}

#[test]
fn a_roadmap_that_the_verifier_rejects_is_an_internal_error() {
    let file = root().join("tests/fixtures/ok/fixed-prerequisite.yaml");
    let planning = plan_input(&Input::file(&file), &Default::default()).expect("plans");
    let portfolio = &planning.scored.portfolio;
    assert_eq!(verified(portfolio, &planning.planned.roadmap), Ok(()));
    // `design` moved into 2028, the period its fixed dependent `build` starts in (and
    // `law`, so 2028 needs 1.3M of 1M).
    let mut tampered = planning.planned.roadmap.clone();
    tampered.placements[1] = Placement::Scheduled { start: 1 };
    let internal = verified(portfolio, &tampered).expect_err("the verifier rejects it");
    assert!(matches!(internal, Internal::Rejected(_)));
    let error = Error::from(PlanError::Internal(internal));
    assert_eq!(error.exit_code(), 5);
    assert_eq!(
        error.to_string(),
        "internal error: the roadmap breaks a rule the independent verifier checks \
         (dependency_incomplete): build: starts in 2028 but its dependency design completes \
         only in 2029 (and 1 more violation); this is a bug in resiplan, please report it"
    );
}

#[test]
fn an_lp_without_a_solution_is_reported_never_replaced_by_a_weaker_bound() {
    // `x` (2M) fits no year of 1M, and `f`, fixed in 2028, needs it: the LP has no point.
    let file = root().join("tests/fixtures/infeasible/fixed-prerequisite.yaml");
    let scored = score_file(&file).expect("checks");
    let problem = Problem::new(&scored.portfolio, &scored.graph, &scored.scores);
    assert_eq!(upper_bound(&problem), Err(LpFailure::Infeasible));
    assert_eq!(best_bound(&problem, 0.0), Err(LpFailure::Infeasible));
    // Where a roadmap exists, the bound is the LP's.
    let file = root().join("tests/fixtures/ok/fixed-prerequisite.yaml");
    let scored = score_file(&file).expect("checks");
    let problem = Problem::new(&scored.portfolio, &scored.graph, &scored.scores);
    let (bound, method) = best_bound(&problem, 0.0).expect("the LP solves");
    assert_eq!(
        method,
        resiplan::schedule::bound::BoundMethod::LinearRelaxation
    );
    assert_eq!(Ok(bound), upper_bound(&problem));
}

/// A portfolio of one year with `capacity` and measures of these costs.
fn one_year(capacity: &str, costs: &[&str]) -> String {
    let mut text = format!(
        "version: 1\nname: t\ncalendar: {{ period: year, start: 2027, end: 2027 }}\n\
         resources:\n  budget: {{ capacity: {capacity} }}\nmeasures:\n"
    );
    for (i, cost) in costs.iter().enumerate() {
        text.push_str(&format!(
            "  - {{ id: m{i}, name: M, duration: 1, cost: {{ budget: {cost} }}, impact: {{ recovery: 1 }} }}\n"
        ));
    }
    text
}

fn scheduled(text: &str) -> usize {
    let planning = plan_text(Path::new("t.yaml"), text).expect("plans");
    let placements = &planning.planned.roadmap.placements;
    assert_eq!(
        verify(&planning.scored.portfolio, &planning.planned.roadmap),
        vec![]
    );
    placements.iter().filter(|p| p.start().is_some()).count()
}

#[test]
fn the_capacity_rule_has_a_relative_tolerance_only() {
    // Twice a tiny capacity, or a little of none, does not fit.
    assert_eq!(scheduled(&one_year("0.000001", &["0.000002"])), 0);
    assert_eq!(scheduled(&one_year("0", &["0.0000009"])), 0);
    assert_eq!(scheduled(&one_year("0.000001", &["0.0000010001"])), 0);
    // Exactly the capacity fits, also when the sum rounds above it (0.1 + 0.1 + 0.1).
    assert_eq!(scheduled(&one_year("0.000001", &["0.000001"])), 1);
    assert_eq!(scheduled(&one_year("0.3", &["0.1", "0.1", "0.1"])), 3);
    assert_eq!(scheduled(&one_year("1e12", &["1e11"; 10])), 10);
}
