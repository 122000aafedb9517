//! `robustness` as users drive it: how stable each measure's place is under sampled weights
//! and estimates, the exact weight change that swaps the top of the ranking (checked by
//! ranking again with it), the same bytes on one thread and on two.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const SMALL: &str = "tests/fixtures/ok/uncertain.yaml";
const FLIP: &str = "tests/fixtures/ok/flip.yaml";
const TIE: &str = "tests/fixtures/ok/tie.yaml";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

fn first_ranked(args: &[&str]) -> String {
    first_ranked_in(FLIP, args)
}

fn first_ranked_in(file: &str, args: &[&str]) -> String {
    let mut run = vec!["rank", file, "-f", "json"];
    run.extend(args);
    json(&run)["measures"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned()
}

#[test]
fn the_weight_that_swaps_the_top_is_exact() {
    let report = json(&["robustness", FLIP, "--runs", "20", "-f", "json"]);
    let flip = &report["flips"][0];
    assert_eq!(flip["higher"], "steering");
    assert_eq!(flip["lower"], "hardening");
    assert_eq!(flip["dimension"], "governance");
    assert_eq!(flip["weight"], 1.0);
    assert!((flip["swap_at"].as_f64().expect("a weight") - 2.0 / 3.0).abs() < 1e-6);
    // Ranking again with the weight on either side of 2/3 confirms it.
    assert_eq!(first_ranked(&[]), "steering");
    assert_eq!(
        first_ranked(&["--set", "dimensions.governance.weight=0.7"]),
        "steering"
    );
    assert_eq!(
        first_ranked(&["--set", "dimensions.governance.weight=0.6"]),
        "hardening"
    );
    // Only one of the two fits the budget of a year; weights moved by up to ±90 % swap
    // them at times, and with them which one starts first.
    let report = json(&[
        "robustness",
        FLIP,
        "--runs",
        "100",
        "--weights-spread",
        "90",
        "-f",
        "json",
    ]);
    let hardening = report["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["id"] == "hardening")
        .expect("hardening");
    assert_eq!(hardening["base_start"], "2028");
    assert_eq!(hardening["rank"]["p10"], 1);
    assert_eq!(hardening["rank"]["p90"], 2);
    assert_eq!(hardening["start"]["p10"], "2027");
    assert_eq!(hardening["stable"], false);
    assert_eq!(
        hardening["leaning"],
        Value::Null,
        "always in the roadmap: nothing to lean on"
    );
}

#[test]
fn measures_worth_the_same_are_swapped_by_any_change_of_a_weight_they_differ_on() {
    // Before the fix the table said "no single weight swaps them" for exact ties, the most
    // fragile places of all (four of the top five neighbours of examples/land.yaml).
    let report = json(&["robustness", TIE, "--runs", "5", "-f", "json"]);
    let flip = &report["flips"][0];
    assert_eq!(flip["higher"], "alpha");
    assert_eq!(flip["lower"], "beta");
    assert_eq!(flip["tied"], true);
    assert_eq!(flip["dimension"], "protection");
    assert_eq!(flip["raise"], true);
    assert_eq!(flip["weight"], 1.0);
    assert_eq!(flip["swap_at"], 1.0);
    // Ranking again confirms it: the ids decide now, the smallest rise swaps them.
    assert_eq!(first_ranked_in(TIE, &[]), "alpha");
    assert_eq!(
        first_ranked_in(TIE, &["--set", "dimensions.protection.weight=1.001"]),
        "beta"
    );
    let text = stdout(&["robustness", TIE, "--runs", "5"]);
    assert!(text.contains("any increase"), "{text}");
    assert!(
        text.contains("\"Tied\": both are worth exactly the same"),
        "{text}"
    );
    // A pair that is not tied says nothing of ties.
    let report = json(&["robustness", FLIP, "--runs", "5", "-f", "json"]);
    assert_eq!(report["flips"][0]["tied"], false);
    assert_eq!(report["flips"][0]["raise"], false);
    assert!(!stdout(&["robustness", FLIP, "--runs", "5"]).contains("Tied"));
}

#[test]
fn without_spread_or_ranges_every_place_is_stable() {
    let report = json(&[
        "robustness",
        FLIP,
        "--runs",
        "10",
        "--weights-spread",
        "0",
        "-f",
        "json",
    ]);
    assert_eq!(report["planned_runs"], 10);
    for m in report["measures"].as_array().expect("measures") {
        assert_eq!(m["stable"], true, "{m}");
        assert_eq!(m["same_place"], 1.0, "{m}");
        assert_eq!(m["rank"]["p10"], m["base_rank"], "{m}");
        assert_eq!(m["rank"]["p90"], m["base_rank"], "{m}");
    }
}

#[test]
fn robustness_reports_the_small_portfolio_the_same_on_one_thread_and_on_two() {
    let run = |threads: &str| stdout(&["robustness", SMALL, "--runs", "40", "--threads", threads]);
    let one = run("1");
    assert_eq!(one, run("2"));
    insta::assert_snapshot!("robustness_small_table", one);
    let csv = stdout(&["robustness", SMALL, "--runs", "40", "-f", "csv"]);
    assert!(
        csv.starts_with("id,name,base_rank,base_start,in_roadmap,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 5);
    let de = stdout(&[
        "robustness",
        SMALL,
        "--runs",
        "10",
        "--lang",
        "de",
        "-f",
        "markdown",
    ]);
    assert!(de.starts_with("# Robustheit: Uncertain estimates"), "{de}");
    assert!(de.contains("Gewichtsänderungen, die die Spitze der Rangfolge tauschen"));
}

#[test]
fn a_portfolio_without_a_roadmap_or_too_many_runs_is_refused() {
    let output = resiplan()
        .args([
            "robustness",
            "tests/fixtures/infeasible/mandatory.yaml",
            "--runs",
            "5",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("mandatory-infeasible"));
    let output = resiplan()
        .args(["robustness", SMALL, "--runs", "10001"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}
