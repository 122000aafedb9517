//! `simulate` on public money (issue 15): quarterly scheduling inside yearly budgets, a
//! funded measure's overrun charged at its own share up to the programme's cap, and
//! carry-over, each on a fixture under `tests/fixtures/simulate/` whose header derives the
//! result checked here. Before, `simulate` refused the first and the last (budget periods,
//! carry-over) and ignored the cap of the second.

use crate::support::stdout;
use serde_json::Value;

const QUARTERS: &str = "tests/fixtures/simulate/quarters.yaml";
const FUNDED: &str = "tests/fixtures/simulate/funded.yaml";
const CARRY: &str = "tests/fixtures/simulate/carry.yaml";

/// `simulate FILE --runs 4000 -f json`.
fn simulate(file: &str) -> Value {
    let json = stdout(&["simulate", file, "--runs", "4000", "-f", "json"]);
    serde_json::from_str(&json).expect("JSON")
}

/// The measure `id` of a report.
fn measure<'a>(report: &'a Value, id: &str) -> &'a Value {
    (report["measures"].as_array().expect("measures").iter())
        .find(|m| m["id"] == id)
        .expect("the measure is in the report")
}

/// `(label, overrun probability)` per budget period of `budget`.
fn overruns(report: &Value) -> Vec<(String, f64)> {
    (report["resources"]["budget"]["periods"].as_array())
        .expect("periods")
        .iter()
        .map(|p| {
            let label = p["period"].as_str().expect("label").to_owned();
            (label, p["overrun"]["probability"].as_f64().expect("share"))
        })
        .collect()
}

fn near(got: &Value, want: f64, tolerance: f64) {
    let got = got.as_f64().expect("a number");
    assert!((got - want).abs() < tolerance, "{got} against {want}");
}

#[test]
fn quarters_in_budget_years_absorb_an_overrun_in_the_year_or_make_money_late() {
    let report = simulate(QUARTERS);
    // Spending and overruns per budget year, never overrun: `bia` waits instead.
    assert_eq!(
        overruns(&report),
        [("2027".to_owned(), 0.0), ("2028".to_owned(), 0.0)]
    );
    let bia = measure(&report, "bia");
    // Late when the inventory's cost factor exceeds 1.2: 4/9 (standard error 0.008).
    near(&bia["late"], 4.0 / 9.0, 0.03);
    assert_eq!(bia["not_started"], 0.0);
    assert_eq!(bia["finishes"]["p50"], "2027-Q2");
    assert_eq!(bia["finishes"]["p95"], "2028-Q1");
    let year = &report["resources"]["budget"]["periods"][0]["spend"];
    assert_eq!(year["plan"], 90_000.0);
    // The year holds the inventory's overrun up to 10 k€, beyond that without `bia`: at
    // most 100 k€.
    assert!(year["p95"].as_f64().expect("p95") <= 100_000.0, "{year}");
    // The report is per budget year.
    let table = stdout(&["simulate", QUARTERS, "--runs", "200"]);
    insta::assert_snapshot!("simulate_quarters_table", table);
}

#[test]
fn a_funded_overrun_is_charged_at_the_own_share_up_to_the_cap() {
    let report = simulate(FUNDED);
    let year = &report["resources"]["budget"]["periods"][1];
    assert_eq!(year["period"], "2028");
    // The plan's own share: 800 k€ of 1.6 M€.
    assert_eq!(year["spend"]["plan"], 800_000.0);
    // Overrun for f > 1.1875 (the cap binds from f = 1.125): 0.390625. With the cap
    // ignored it would be 0.25.
    near(&year["overrun"]["probability"], 0.390_625, 0.03);
    // At the 95th percentile of f (1.5 − √0.0125 = 1.38820), 1.6·f − 0.9 M€.
    near(&year["spend"]["p95"], 1.6e6 * 1.388_197 - 0.9e6, 15_000.0);
    assert_eq!(measure(&report, "wlan-schulen")["not_started"], 0.0);
}

#[test]
fn carry_over_lets_a_run_use_what_the_years_before_left() {
    let report = simulate(CARRY);
    let archive = measure(&report, "archive");
    // Waits for 2029 when the portal's cost factor exceeds 7/6: 2/9; always starts.
    near(&archive["late"], 2.0 / 9.0, 0.03);
    assert_eq!(archive["not_started"], 0.0);
    assert_eq!(archive["finishes"]["p95"], "2029");
    // 130 k€ in 2029 against its own 100 k€ is no overrun: 2027 and 2028 left enough.
    assert!(overruns(&report).iter().all(|(_, p)| *p == 0.0));
}

#[test]
fn robustness_replans_such_portfolios_with_the_cap() {
    // Each re-plan draws the school network's cost factor f and plans with the scheduler:
    // it fits 2028 while the own share, 1.6·f M€ less the grant capped at 900 k€, is at
    // most 1 M€, for f ≤ 1.1875: in 1 − 0.390625 of the runs (0.75 were the cap ignored).
    let json = stdout(&["robustness", FUNDED, "--runs", "1000", "-f", "json"]);
    let report: Value = serde_json::from_str(&json).expect("JSON");
    let wlan = measure(&report, "wlan-schulen");
    assert_eq!(wlan["base_start"], "2028");
    near(&wlan["in_roadmap"], 1.0 - 0.390_625, 0.05);
    // Quarterly budgets and carry-over re-plan too.
    for file in [QUARTERS, CARRY] {
        let json = stdout(&["robustness", file, "--runs", "100", "-f", "json"]);
        let report: Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(
            report["failures"].as_array().map(Vec::len),
            Some(0),
            "{file}"
        );
    }
    let report: Value = serde_json::from_str(&stdout(&[
        "robustness",
        QUARTERS,
        "--runs",
        "100",
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(measure(&report, "bia")["base_start"], "2027-Q2");
}

#[test]
fn runs_under_money_rules_give_the_same_bytes_on_one_thread_and_on_three() {
    // Each worker draws its runs into its own copy of the problem: nothing of one run
    // stays for the next.
    for file in [QUARTERS, FUNDED, CARRY] {
        let run = |threads: &str| {
            stdout(&[
                "simulate",
                file,
                "--runs",
                "500",
                "--threads",
                threads,
                "-f",
                "json",
            ])
        };
        assert_eq!(run("1"), run("3"), "{file}");
    }
}
