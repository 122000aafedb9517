//! Public money as it flows: budget periods under a finer schedule (issue 15). Each rule
//! at work on a small portfolio under `tests/fixtures/money/`.

use crate::support::stdout;
use std::collections::BTreeMap;

/// The plan of `file` (with `extra` arguments) as JSON.
fn plan(file: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["plan", file, "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&stdout(&args)).expect("JSON")
}

/// Start label of each measure (`-` when not scheduled).
fn starts(json: &serde_json::Value) -> BTreeMap<String, String> {
    json["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .map(|m| {
            let start = m["start"].as_str().unwrap_or("-").to_owned();
            (m["id"].as_str().expect("id").to_owned(), start)
        })
        .collect()
}

/// Use of `resource` per budget period, from the periods of the plan JSON.
fn use_by_budget_period(json: &serde_json::Value, resource: &str) -> BTreeMap<String, f64> {
    json["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| {
            let label = p["budget_period"].as_str().or(p["label"].as_str());
            let used = p["resources"][resource]["used"].as_f64().expect("used");
            (label.expect("label").to_owned(), used)
        })
        .collect()
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

const BUDGET_YEARS: &str = "tests/fixtures/money/budget-years.yaml";

#[test]
fn two_one_quarter_measures_run_back_to_back_inside_one_budget_year() {
    let json = plan(BUDGET_YEARS, &[]);
    assert_eq!(
        starts(&json),
        map(&[
            ("inventory", "2027-Q1"),
            ("bia", "2027-Q2"),
            // 2027 has 10k left, backup needs 20k: it waits for the 2028 budget.
            ("backup", "2028-Q1"),
        ])
    );
    let used = use_by_budget_period(&json, "budget");
    assert_eq!(used["2027"], 90_000.0);
    assert_eq!(used["2028"], 20_000.0);
    // Staff is a headcount: two quarters at 2 FTE are 1 FTE on average over 2027.
    let staff = use_by_budget_period(&json, "staff");
    assert_eq!((staff["2027"], staff["2028"]), (1.0, 0.0));
    // The same capacity per quarter instead of per year (and 2 FTE, the quarters' peak):
    // nothing waits for a new year.
    let quarterly = plan(
        BUDGET_YEARS,
        &[
            "--set",
            "calendar.budget_period=quarter",
            "--set",
            "resources.staff.capacity=2",
        ],
    );
    assert_eq!(
        starts(&quarterly),
        map(&[
            ("inventory", "2027-Q1"),
            ("bia", "2027-Q2"),
            ("backup", "2027-Q3"),
        ])
    );
}

#[test]
fn reports_show_capacity_per_budget_period() {
    // Numbers and units are joined by no-break spaces.
    let text = stdout(&["plan", BUDGET_YEARS]).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(text.contains("Resource use per year"), "{text}");
    // Summed over the budget years, staff is in FTE-years: 1 of 2.
    assert!(
        text.contains("1 FTE-year planned of 2 FTE-years available"),
        "{text}"
    );
    assert!(
        text.contains(
            "│ 2027 ┆      €90,000 / €100,000 ┆         90% ┆               1 FTE / 1 FTE ┆        100% │"
        ),
        "{text}"
    );
    let markdown = stdout(&["plan", BUDGET_YEARS, "-f", "markdown", "--lang", "de"]);
    assert!(markdown.contains("Ressourcennutzung je Jahr"), "{markdown}");
}

const PAYMENT_PROFILE: &str = "tests/fixtures/money/payment-profile.yaml";

#[test]
fn a_payment_profile_moves_money_between_years() {
    let json = plan(PAYMENT_PROFILE, &[]);
    // platform pays 50k in 2027 and 150k in 2028, so training fits 2027 beside it.
    assert_eq!(
        starts(&json),
        map(&[("platform", "2027"), ("training", "2027")])
    );
    let used = use_by_budget_period(&json, "budget");
    assert_eq!((used["2027"], used["2028"]), (150_000.0, 150_000.0));
    // Staff follows its own profile (3:1), not the cost profile (1:3).
    let staff = use_by_budget_period(&json, "staff");
    assert_eq!((staff["2027"], staff["2028"]), (0.75, 0.25));
    // Spread evenly, platform takes 100k a year and training waits for 2029.
    let even = plan(
        PAYMENT_PROFILE,
        &["--set", "measures.platform.cost_profile=[1, 1]"],
    );
    assert_eq!(
        starts(&even),
        map(&[("platform", "2027"), ("training", "2029")])
    );
    // Without a staff profile, staff follows the cost profile.
    let text =
        std::fs::read_to_string(crate::support::root().join(PAYMENT_PROFILE)).expect("fixture");
    let without = text.replace("    staff_profile: [3, 1]\n", "");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, without).expect("written");
    let json = plan(path.to_str().expect("UTF-8 path"), &[]);
    let staff = use_by_budget_period(&json, "staff");
    assert_eq!((staff["2027"], staff["2028"]), (0.25, 0.75));
}

const CARRY_OVER: &str = "tests/fixtures/money/carry-over.yaml";

#[test]
fn carry_over_lets_a_measure_use_last_years_rest() {
    let json = plan(CARRY_OVER, &[]);
    // 2027 leaves 40k, so 2028 has 140k for archive's 130k.
    assert_eq!(
        starts(&json),
        map(&[("portal", "2027"), ("archive", "2028")])
    );
    let text = stdout(&["plan", CARRY_OVER]);
    assert!(
        text.contains("│ 2028 ┆     €130,000 / €140,000 ┆         93% │"),
        "the capacity shown includes what was carried over:\n{text}"
    );
    // Without carry-over, no year has 130k.
    let json = plan(CARRY_OVER, &["--set", "resources.budget.carry_over=false"]);
    assert_eq!(starts(&json), map(&[("portal", "2027"), ("archive", "-")]));
}

const PRICE_INDEX: &str = "tests/fixtures/money/price-index.yaml";

#[test]
fn a_price_index_makes_a_measure_too_expensive_in_a_later_year() {
    let json = plan(PRICE_INDEX, &[]);
    assert_eq!(starts(&json), map(&[("wlan", "2027"), ("fibre", "-")]));
    let fibre = &json["measures"][1];
    assert_eq!(fibre["reason"]["kind"], "capacity");
    // 95k at 10 % a year is 104.5k in 2028: short by 4.5k.
    assert!((fibre["reason"]["short_by"].as_f64().expect("short_by") - 4_500.0).abs() < 1e-6);
    // Nominal amounts are what the reports show as used.
    let used = use_by_budget_period(&json, "budget");
    assert_eq!(used["2027"], 95_000.0);
    // Without price change, fibre fits 2028; a table by year works as the rate does.
    let flat = plan(PRICE_INDEX, &["--set", "resources.budget.price_index=0%"]);
    assert_eq!(starts(&flat), map(&[("wlan", "2027"), ("fibre", "2028")]));
    let table = plan(
        PRICE_INDEX,
        &[
            "--set",
            "resources.budget.price_index={ 2028: 1.0, 2029: 1.1 }",
        ],
    );
    assert_eq!(starts(&table), map(&[("wlan", "2027"), ("fibre", "2028")]));
    let used = use_by_budget_period(&table, "budget");
    assert_eq!(used["2028"], 95_000.0);
}

const STAFF_COST: &str = "tests/fixtures/money/staff-cost.yaml";

#[test]
fn staff_charged_to_a_budget_is_scheduled_on_it_and_its_cost_reported() {
    let json = plan(STAFF_COST, &[]);
    // rollout 50k + 80k of staff fits 2027; migration's 30k + 40k would exceed it.
    assert_eq!(
        starts(&json),
        map(&[("rollout", "2027"), ("migration", "2028")])
    );
    let used = use_by_budget_period(&json, "budget");
    assert_eq!((used["2027"], used["2028"]), (130_000.0, 70_000.0));
    // 1.5 FTE-years at 80k.
    assert_eq!(json["personnel_costs"]["staff"], 120_000.0);
    // rollout's 50k of investment over four years, from 2027.
    assert_eq!(json["depreciation"]["2029"]["budget"], 12_500.0);
    let text = stdout(&["plan", STAFF_COST]).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        text.contains(
            "Personnel cost (Own staff)                    €120,000 (at €80,000 per FTE-year)"
        ),
        "{text}"
    );
    let german = stdout(&["plan", STAFF_COST, "--lang", "de"]).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        german.contains("Personalkosten (Eigenes Personal)"),
        "{german}"
    );
    // Not charged, the staff costs no budget and both fit 2027.
    let text = std::fs::read_to_string(crate::support::root().join(STAFF_COST)).expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, text.replace(", charged_to: budget", "")).expect("written");
    let json = plan(path.to_str().expect("UTF-8 path"), &[]);
    assert_eq!(
        starts(&json),
        map(&[("rollout", "2027"), ("migration", "2027")])
    );
}

#[test]
fn simulate_runs_every_money_rule() {
    // Before, `simulate` refused each of these (exit 2, "simulate does not model …").
    for file in [
        BUDGET_YEARS,
        PAYMENT_PROFILE,
        CARRY_OVER,
        PRICE_INDEX,
        STAFF_COST,
    ] {
        let output = crate::support::resiplan()
            .args(["simulate", file, "--runs", "50"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{file}: {stderr}");
    }
    // Explanations work on them: the demand layer is shared.
    let text = stdout(&["explain", PRICE_INDEX, "fibre"]).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        text.contains("Funds, 2028: needs €104,500, free €100,000, short by €4,500"),
        "{text}"
    );
}

#[test]
fn the_follow_up_costs_warning_names_the_budget_period() {
    // Quarters in budget years: run costs are per year, and the warning says so (before,
    // "per period", which under quarters reads as per quarter).
    let output = crate::support::resiplan()
        .args(["plan", "tests/fixtures/money/haushalt.yaml"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "follow-up costs of 48_000 of `betrieb` per year after the horizon: \
             48 % of its capacity in 2029"
        ),
        "{stderr}"
    );
}

/// A measure that fits no budget year names the budget years it is short in, never the
/// quarters with the same index (budget year 2 of a quarterly horizon is 2028, not 2027-Q3).
#[test]
fn a_capacity_reason_names_budget_years_under_quarters() {
    let json = plan(
        "tests/fixtures/money/budget-years.yaml",
        &["--set", "measures.backup.cost.budget=150k"],
    );
    let backup = (json["measures"].as_array().expect("measures").iter())
        .find(|m| m["id"] == "backup")
        .expect("backup");
    let reason = &backup["reason"];
    assert_eq!(reason["kind"], "capacity", "{reason}");
    assert_eq!(
        reason["periods"],
        serde_json::json!(["2027", "2028"]),
        "{reason}"
    );
    let text = reason["text"].as_str().expect("text");
    assert!(text.contains("short in 2027–2028"), "{text}");
}
