//! A catalog written in years (`period: year`) included into a quarterly portfolio: what the
//! catalog wrote is converted to quarters, what the portfolio wrote is not.

use crate::support::resiplan;
use serde_json::Value;

fn planned(path: &str) -> Value {
    let output = resiplan()
        .args(["plan", path, "-f", "json"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn measure<'a>(report: &'a Value, id: &str) -> &'a Value {
    (report["measures"].as_array().expect("measures").iter())
        .find(|m| m["id"] == id)
        .expect("measure in the report")
}

#[test]
fn durations_staff_and_labels_of_a_yearly_catalog_become_quarters() {
    let report = planned("tests/fixtures/units/quarterly.yaml");
    let isms = measure(&report, "isms");
    // Two years are eight quarters; 1.5 FTE-years are 6 FTE-quarters; money stays a total,
    // the run cost stays per budget year (the portfolio's budget period is a year).
    assert_eq!(isms["duration"], 8);
    assert_eq!(isms["cost"]["staff"], 6.0);
    assert_eq!(isms["cost"]["budget"], 400_000.0);
    assert_eq!(isms["run_cost"]["budget"], 40_000.0);
    assert_eq!(isms["run_cost"]["staff"], 0.5);
    // `earliest: 2028` is its first quarter, `deadline: 2029` its last.
    assert_eq!(isms["start"], "2028-Q1");
    assert_eq!(isms["finish"], "2029-Q4");
    // The portfolio overrides `duration` in quarters: not converted; the catalog's staff is.
    let backup = measure(&report, "backup");
    assert_eq!(backup["duration"], 2);
    assert_eq!(backup["cost"]["staff"], 2.0);
}

#[test]
fn the_converted_measures_are_checked_in_quarters() {
    // `uncertainty.duration: [2, 3]` years is [8, 12] quarters, so the estimate of 8 lies
    // inside it: no `estimate-outside-range` warning.
    let output = resiplan()
        .args(["check", "tests/fixtures/units/quarterly.yaml"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("estimate-outside-range"), "{stderr}");
}
