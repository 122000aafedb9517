//! Funding programmes: a measure that fits only with its grant goes into the window, a
//! shared cap is never exceeded, and the verifier charges own shares inside the window
//! and gross amounts outside it.

use crate::support::{root, stdout};
use resiplan::model::roadmap::{Placement, Reason, Roadmap};
use resiplan::pipeline::{Planning, plan_text};
use resiplan::schedule::verify::{ViolationKind, funding::paid, verify};
use std::path::Path;

fn planning(name: &str) -> Planning {
    let path = root().join("tests/fixtures/funding").join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    plan_text(Path::new(name), &text).unwrap_or_else(|_| panic!("{name} plans"))
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

fn roadmap(starts: &[Option<usize>]) -> Roadmap {
    Roadmap {
        placements: starts
            .iter()
            .map(|s| match s {
                Some(start) => Placement::Scheduled { start: *start },
                None => Placement::NotScheduled {
                    reason: Reason::Dependency { dependency: 0 },
                },
            })
            .collect(),
    }
}

fn capacity_violations(planning: &Planning, starts: &[Option<usize>]) -> Vec<String> {
    verify(&planning.scored.portfolio, &roadmap(starts))
        .into_iter()
        .filter(|v| v.kind == ViolationKind::CapacityExceeded)
        .map(|v| v.message)
        .collect()
}

#[test]
fn a_measure_that_fits_only_with_its_grant_is_scheduled_inside_the_window() {
    let planning = planning("window.yaml");
    // wlan-schulen (1.6 M€ against 1 M€ a year) starts in 2028, the window's first year.
    assert_eq!(starts(&planning), [Some(1), Some(0)]);
    // Outside the window it is charged the gross amount: 2027 and 2030 break the budget.
    assert_eq!(
        capacity_violations(&planning, &[Some(0), Some(1)]),
        ["budget in 2027: 1600000 used, capacity 1000000"]
    );
    assert_eq!(capacity_violations(&planning, &[Some(3), Some(0)]).len(), 1);
    assert!(capacity_violations(&planning, &[Some(2), Some(0)]).is_empty());
    // Without its programme it does not fit at all.
    let json = stdout(&[
        "plan",
        "tests/fixtures/funding/window.yaml",
        "--set",
        "measures.wlan-schulen.funding=[]",
        "-f",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(report["measures"][0]["status"], "not_scheduled");
}

#[test]
fn a_shared_cap_is_not_exceeded() {
    let planning = planning("cap.yaml");
    // One of the two measures gets the grant it needs; the other does not fit.
    assert_eq!(starts(&planning), [Some(1), None]);
    let portfolio = &planning.scored.portfolio;
    let grants: f64 = paid(portfolio, &planning.planned.roadmap)[0]
        .per_period
        .iter()
        .sum();
    assert_eq!(grants, 500_000.0);
    // Both in the window: the second gets only the 100 k€ the cap has left, and its own
    // share of 900 k€ breaks the budget of 800 k€.
    let both = [Some(1), Some(2)];
    let grants: f64 = paid(portfolio, &roadmap(&both))[0].per_period.iter().sum();
    assert_eq!(grants, 600_000.0);
    assert_eq!(
        capacity_violations(&planning, &both),
        ["budget in 2029: 900000 used, capacity 800000"]
    );
}

#[test]
fn funding_lost_is_reported_in_the_summary_the_tables_and_the_json() {
    let json = stdout(&["plan", "tests/fixtures/funding/cap.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let funding = &report["funding"];
    assert_eq!(funding["granted"], 500_000.0);
    assert_eq!(funding["unused"], 100_000.0);
    // The second measure would have drawn 500 k€, but the cap holds only 100 k€ more.
    assert_eq!(funding["lost"], 100_000.0);
    let lost = &funding["programmes"][0]["lost_by"][0];
    assert_eq!(lost["id"], "glasfaser-gewerbe");
    assert_eq!(lost["reason"], "not_scheduled");
    assert_eq!(funding["programmes"][0]["periods"][1]["own"], 500_000.0);
    // A portfolio without programmes has no `funding` in its JSON.
    let plain = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"]);
    assert!(!plain.contains("\"funding\""));
    // Every text format in both languages, snapshotted.
    for (format, lang) in [("markdown", "de"), ("table", "en")] {
        let text = stdout(&[
            "plan",
            "tests/fixtures/funding/cap.yaml",
            "-f",
            format,
            "--lang",
            lang,
        ]);
        insta::assert_snapshot!(format!("funding_cap_{format}_{lang}"), text);
    }
    let html = stdout(&[
        "plan",
        "tests/fixtures/funding/cap.yaml",
        "-f",
        "html",
        "--lang",
        "de",
    ]);
    assert!(html.contains("Fördermittel verloren"));
}

#[test]
fn compare_shows_funding_lost_and_its_gate_fails_above_the_limit() {
    let args = |limit: &str| {
        vec![
            "compare".to_owned(),
            "tests/fixtures/funding/cap.yaml".to_owned(),
            "--scenario".to_owned(),
            "tests/fixtures/funding/cut.yaml".to_owned(),
            "--fail-if-funding-lost-above".to_owned(),
            limit.to_owned(),
            "-f".to_owned(),
            "json".to_owned(),
        ]
    };
    // The cut loses the whole cap of 600 k€: a limit of 200 k€ fails with exit 4.
    let output = crate::support::resiplan()
        .args(args("200k"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(4));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["base"]["funding_lost"], 100_000.0);
    assert_eq!(report["scenarios"][0]["outcome"]["funding_lost"], 600_000.0);
    assert_eq!(report["violations"][0]["gate"], "funding-lost");
    assert_eq!(report["violations"][0]["loss"], 600_000.0);
    // 600 k€ is within a limit of 600 k€.
    let output = crate::support::resiplan()
        .args(args("600k"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&[
        "compare",
        "tests/fixtures/funding/cap.yaml",
        "--scenario",
        "tests/fixtures/funding/cut.yaml",
        "--lang",
        "de",
    ]);
    assert!(text.contains("Fördermittel verloren"), "{text}");
}

#[test]
fn explain_names_the_funding_window_and_the_cap_as_binding() {
    let json = stdout(&[
        "explain",
        "tests/fixtures/funding/cap.yaml",
        "glasfaser-gewerbe",
        "-f",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let limits: Vec<(String, String, String)> = report["blocked"]
        .as_array()
        .expect("blocked")
        .iter()
        .map(|b| {
            (
                b["from"].as_str().unwrap_or_default().to_owned(),
                b["to"].as_str().unwrap_or_default().to_owned(),
                b["reason"]["funding"][0]["limit"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    let expected = [
        ("2027", "2027", "outside_window"),
        ("2028", "2030", "cap_exhausted"),
        ("2031", "2031", "outside_window"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(limits, expected);
    // Shortages are measured against what resources are charged: the other measure uses
    // its own share of 500 k€ in 2028, which leaves 300 k€.
    let second = &report["blocked"][1]["reason"];
    assert_eq!(second["shortages"][0]["free"], 300_000.0);
    assert_eq!(second["users"][0]["amount"], 500_000.0);
    let text = stdout(&[
        "explain",
        "tests/fixtures/funding/cap.yaml",
        "glasfaser-gewerbe",
        "--lang",
        "de",
    ]);
    assert!(text.contains("außerhalb des Förderfensters"), "{text}");
}

#[test]
fn a_sustainability_limit_excludes_a_measure_whose_run_cost_would_break_it() {
    let planning = planning("sustainability.yaml");
    // The portal (300 k€ a year after the horizon) and the backup (50 k€) fit 40 % of
    // 1 M€; the data centre would add 200 k€.
    let starts = starts(&planning);
    assert!(starts[0].is_some() && starts[2].is_some(), "{starts:?}");
    assert_eq!(starts[1], None);
    // The verifier refuses a roadmap with all three.
    let all = roadmap(&[Some(0), Some(1), Some(2)]);
    let kinds: Vec<ViolationKind> = verify(&planning.scored.portfolio, &all)
        .iter()
        .map(|v| v.kind)
        .collect();
    assert_eq!(kinds, [ViolationKind::FollowUpExceeded]);
    let json = stdout(&[
        "plan",
        "tests/fixtures/funding/sustainability.yaml",
        "-f",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let reason = &report["measures"][1]["reason"];
    assert_eq!(reason["kind"], "follow_up");
    assert_eq!(reason["limit"], 400_000.0);
    // What it would make with the measures placed before it (the portal: 300 k€ + 200 k€).
    assert_eq!(reason["would_be"], 500_000.0);
}

#[test]
fn every_plan_warns_about_high_follow_up_costs_even_without_a_limit() {
    // Without `sustainability`, 350 k€ of follow-up costs are 35 % of the last year's 1 M€,
    // above the default warning share of 25 %.
    let output = crate::support::resiplan()
        .args([
            "plan",
            "tests/fixtures/funding/sustainability.yaml",
            "--set",
            "sustainability.max_run_cost_share=100%",
        ])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning[follow-up-costs]"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("follow-up-costs"), "{stdout}");
    assert!(
        stdout.contains("€550,000 = 55% of the capacity in 2031"),
        "{stdout}"
    );
    // A warning share of 60 % keeps it quiet.
    let quiet = crate::support::resiplan()
        .args([
            "plan",
            "tests/fixtures/funding/sustainability.yaml",
            "--set",
            "sustainability.warn_share=60%",
        ])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("follow-up-costs"));
}

#[test]
fn simulate_charges_own_shares_so_the_planned_roadmap_runs() {
    // Before, the simulation charged the gross 1.6 M€ and never started the school networks.
    let json = stdout(&[
        "simulate",
        "tests/fixtures/funding/window.yaml",
        "--runs",
        "20",
        "-f",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(report["resources"]["budget"]["total"]["plan"], 1_200_000.0);
    let wlan = &report["measures"][1];
    assert_eq!(wlan["id"], "wlan-schulen");
    assert_eq!(wlan["not_started"], 0.0);
    assert_eq!(wlan["finishes"]["p95"], "2028");
}

#[test]
fn a_funded_measure_under_quarters_fits_only_inside_a_window_of_budget_years() {
    let planning = planning("quarters.yaml");
    // The window 2028–2029 covers 2028-Q1 (4) to 2029-Q4 (11): the grant halves the
    // school network's 1.6 M€ there; the backup takes the first quarter.
    assert_eq!(starts(&planning), [Some(4), Some(0)]);
    // In 2027-Q4 (before the window) and 2030-Q1 (after it) the gross amount breaks the
    // year's budget; in the window's last quarter it fits.
    assert_eq!(
        capacity_violations(&planning, &[Some(3), Some(0)]),
        ["budget in 2027: 2000000 used, capacity 1000000"]
    );
    assert_eq!(
        capacity_violations(&planning, &[Some(12), Some(0)]),
        ["budget in 2030: 1600000 used, capacity 1000000"]
    );
    assert!(capacity_violations(&planning, &[Some(11), Some(0)]).is_empty());
    // The funding plan is per budget year: 800 k€ granted in 2028.
    let plan = &planning.evaluation.funding.programmes[0];
    let grants: Vec<f64> = plan.periods.iter().map(|p| p.grant).collect();
    assert_eq!(grants, [0.0, 800_000.0, 0.0, 0.0]);
    assert_eq!(planning.evaluation.usage[1][0], 800_000.0);
    let json = stdout(&["plan", "tests/fixtures/funding/quarters.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        report["funding"]["programmes"][0]["periods"][1]["label"],
        "2028"
    );
}
