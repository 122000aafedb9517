//! Tests of the independent verifier: each kind of violation on a small portfolio.

use super::*;
use crate::model::roadmap::Reason;
use ViolationKind::*;

// The brief's example with 2028 raised from 50 to 60 (at 50 nothing with `a` fits),
// plus a fixed measure `f`, a measure `e` with an `earliest`, and a second resource.
const TEXT: &str = "\
version: 1
name: t
calendar: { period: year, start: 2027, end: 2030, evaluation_tail: 2 }
resources:
  budget: { capacity: { default: 100, 2028: 60 } }
  staff: { capacity: 1 }
measures:
  - { id: a, name: A, duration: 2, cost: { budget: 100 }, run_cost: { budget: 10 }, impact: { recovery: 5 } }
  - { id: b, name: B, duration: 1, cost: { budget: 40 }, depends_on: [a], deadline: 2029, impact: { protection: 3 } }
  - { id: m, name: M, duration: 0, depends_on: [b], mandatory: true }
  - { id: d, name: D, duration: 1, status: done, run_cost: { budget: 5 }, impact: { governance: 2 } }
  - { id: f, name: F, duration: 1, status: fixed, start: 2028, cost: { staff: 1 }, impact: { capability: 1 } }
  - { id: e, name: E, duration: 1, earliest: 2029, impact: { response: 4 } }
";

fn portfolio(text: &str) -> Portfolio {
    let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.document.unwrap().into_portfolio().unwrap()
}

fn at(start: usize) -> Placement {
    Placement::Scheduled { start }
}

fn not() -> Placement {
    Placement::NotScheduled {
        reason: Reason::Dependency { dependency: 0 },
    }
}

/// a 2027–28, b 2029, m reached 2030, d done, f 2028 (fixed), e 2030.
fn feasible() -> Roadmap {
    Roadmap {
        placements: vec![at(0), at(2), at(3), Placement::Done, at(1), at(3)],
    }
}

fn with(index: usize, placement: Placement) -> Roadmap {
    let mut roadmap = feasible();
    roadmap.placements[index] = placement;
    roadmap
}

#[test]
fn feasible_roadmap_verifies_and_has_the_hand_computed_objective() {
    let p = portfolio(TEXT);
    assert_eq!(verify(&p, &feasible()), vec![]);
    // T + tail = 6; values are impact / 7: a 5×(6−2), b 3×(6−3), d 2×6, f 1×(6−2), e 4×(6−4).
    let expected = (20.0 + 9.0 + 12.0 + 4.0 + 8.0) / 7.0;
    assert!((objective(&p, &feasible()) - expected).abs() < 1e-12);
    // Not scheduled counts nothing; a start past the tail counts nothing, never negative.
    assert!((objective(&p, &with(5, not())) - (expected - 8.0 / 7.0)).abs() < 1e-12);
    assert!((objective(&p, &with(5, at(usize::MAX))) - (expected - 8.0 / 7.0)).abs() < 1e-12);
}

#[test]
fn usage_counts_costs_run_costs_and_done_run_costs() {
    let p = portfolio(TEXT);
    let expected = vec![
        vec![55.0, 0.0], // a 100/2 + d's run cost 5
        vec![55.0, 1.0], // a 100/2 + 5; f's staff
        vec![55.0, 0.0], // b 40 + a's run cost 10 + 5
        vec![15.0, 0.0], // a's run cost 10 + 5
    ];
    assert_eq!(usage(&p, &feasible()), expected);
}

#[test]
fn capacity_is_checked_per_budget_period() {
    // Quarters under budget years: two quarters of 60 fit no year of 100, whichever
    // quarters they fall in; run costs are per year (40), a quarter each.
    let p = portfolio(
        "version: 1\nname: t\n\
         calendar: { period: quarter, start: 2027-Q1, end: 2028-Q4, budget_period: year }\n\
         resources:\n  budget: { capacity: { default: 100, 2028: 200 } }\nmeasures:\n\
         - { id: a, name: A, duration: 1, cost: { budget: 60 }, run_cost: { budget: 40 } }\n\
         - { id: b, name: B, duration: 1, cost: { budget: 60 } }\n",
    );
    let plan = |a: usize, b: usize| Roadmap {
        placements: vec![at(a), at(b)],
    };
    // a in 2027-Q3 (then 10 a quarter for Q4 and 2028), b in 2028-Q1.
    assert_eq!(usage(&p, &plan(2, 4)), vec![vec![70.0], vec![100.0]]);
    assert_eq!(verify(&p, &plan(2, 4)), vec![]);
    let over = verify(&p, &plan(0, 3));
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].kind, CapacityExceeded);
    assert_eq!(over[0].message, "budget in 2027: 150 used, capacity 100");
}

#[test]
fn each_mutation_breaks_exactly_its_rules() {
    let p = portfolio(TEXT);
    let (a, b, m, d, f, e) = (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5));
    let cases = [
        // m reached in 2029, but b completes only from 2030 on.
        (2, at(2), vec![(m, DependencyIncomplete)]),
        // b not scheduled: m must not be either.
        (1, not(), vec![(m, DependencyIncomplete)]),
        // b in 2030 misses its deadline 2029, and m now comes too early.
        (
            1,
            at(3),
            vec![(b, DeadlineMissed), (m, DependencyIncomplete)],
        ),
        (2, not(), vec![(m, MandatoryMissing)]),
        (3, at(0), vec![(d, DoneMismatch)]),
        (3, not(), vec![(d, DoneMismatch)]),
        (5, Placement::Done, vec![(e, DoneMismatch)]),
        (4, at(2), vec![(f, FixedMoved)]),
        (4, not(), vec![(f, FixedMoved)]),
        (5, at(4), vec![(e, OutsideHorizon)]),
        (5, at(usize::MAX), vec![(e, OutsideHorizon)]),
        // A milestone may be reached in the last period, not after it.
        (2, at(4), vec![(m, OutsideHorizon)]),
        (5, at(1), vec![(e, BeforeEarliest)]),
        // a 2030–31 runs past the end, and b is too early.
        (
            0,
            at(3),
            vec![(a, OutsideHorizon), (b, DependencyIncomplete)],
        ),
        // a 2028–29: b too early; budget 55 of 60 in 2028, 95 of 100 in 2029.
        (0, at(1), vec![(b, DependencyIncomplete)]),
    ];
    for (index, placement, expected) in cases {
        let found = verify(&p, &with(index, placement.clone()));
        let found: Vec<_> = found.iter().map(|v| (v.measure, v.kind)).collect();
        assert_eq!(found, expected, "measure {index} at {placement:?}");
    }
    let message = &verify(&p, &with(2, at(2)))[0].message;
    assert_eq!(
        message,
        "m: starts in 2029 but its dependency b completes only in 2030"
    );
}

#[test]
fn budget_overrun_in_one_period_including_run_costs() {
    // In 2029 b costs 40, but with a's and d's run costs 55 are used.
    let p = portfolio(&TEXT.replace("2028: 60", "2028: 60, 2029: 54"));
    let found = verify(&p, &feasible());
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].measure, found[0].kind), (None, CapacityExceeded));
    assert_eq!(found[0].message, "budget in 2029: 55 used, capacity 54");
    // a 2028–29 would use 50 + 5 in 2028 (cap 60) but 50 + 40 + 5 in 2029 with b there.
    let found = verify(&p, &with(0, at(1)));
    assert!(
        found
            .iter()
            .any(|v| v.kind == CapacityExceeded && v.message.contains("2029: 95"))
    );
}

#[test]
fn lenient_where_the_rules_are() {
    // A deadline after the horizon and an earliest before it do not constrain;
    // a measure that is not mandatory may be left out.
    let text = TEXT.replace("deadline: 2029", "deadline: 2040");
    let text = text.replace("mandatory: true", "mandatory: false");
    let p = portfolio(&text.replace("earliest: 2029", "earliest: 2020"));
    let roadmap = Roadmap {
        placements: vec![at(0), at(3), not(), Placement::Done, at(1), at(0)],
    };
    assert_eq!(verify(&p, &roadmap), vec![]);
    // A dependency id that does not exist is skipped.
    let mut p = portfolio(TEXT);
    p.measures[5].depends_on = p.measures[1].depends_on.clone();
    p.measures[5].depends_on[0].value = "nothing".into();
    assert_eq!(verify(&p, &feasible()), vec![]);
}

#[test]
fn wrong_length_is_reported_without_panicking() {
    let p = portfolio(TEXT);
    for n in [0, 3, 7] {
        let mut roadmap = feasible();
        roadmap.placements.resize(n, at(usize::MAX));
        let found = verify(&p, &roadmap);
        assert_eq!(
            (found.len(), found[0].measure, found[0].kind),
            (1, None, Length)
        );
        let _ = (objective(&p, &roadmap), usage(&p, &roadmap));
    }
}

#[test]
fn kinds_serialize_in_snake_case_as_their_names() {
    let all = [
        Length,
        DoneMismatch,
        FixedMoved,
        OutsideHorizon,
        BeforeEarliest,
        DeadlineMissed,
        DependencyIncomplete,
        MandatoryMissing,
        CapacityExceeded,
    ];
    for kind in all {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.name()));
    }
}
