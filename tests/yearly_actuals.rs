//! Plan against actual per budget year (Plan und Ist je Haushaltsjahr): `actual_cost` per
//! year, the estimate of the work done spread over the years a measure ran, totals that
//! cannot be split, and the comparison with the adopted plan's years (`--baseline`).

use crate::support::{resiplan, root, section, stdout};
use predicates::prelude::*;
use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/living/yearly.yaml";
const UPDATE: &str = "examples/fortschreibung/landkreis-2028.yaml";
const ADOPTED: &str = "examples/fortschreibung/landkreis-2027-beschlossen.json";

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

#[test]
fn actual_costs_per_year_add_up_and_each_year_is_compared_with_the_work_done() {
    let report = json_of(&["plan", FIXTURE, "-f", "json"]);
    // The total per measure is the sum of its years (staff counts there too).
    let isms = (report["progress"].as_array().expect("progress").iter())
        .find(|p| p["id"] == "isms")
        .expect("isms");
    assert_eq!(isms["actual"], json!({ "budget": 210000.0, "staff": 0.5 }));
    // isms: 50 % of 400 k€ planned over 2026 and 2027 (100 k€ each); inventory done in
    // 2027 alone (50 k€ planned, 55 k€ paid); backup ran 2026–27 with one total: not split.
    // Staff is a headcount, not paid in a year: money only.
    assert_eq!(
        report["yearly_actuals"],
        json!({
            "basis": "estimate",
            "years": [
                { "year": "2026", "planned": { "budget": 100000.0 }, "actual": { "budget": 90000.0 },
                  "replanned": null, "variance": { "budget": -10000.0 } },
                { "year": "2027", "planned": { "budget": 150000.0 }, "actual": { "budget": 175000.0 },
                  "replanned": null, "variance": { "budget": 25000.0 } }
            ],
            "unsplit": { "measures": ["backup"], "planned": { "budget": 80000.0 },
                         "actual": { "budget": 70000.0 }, "variance": { "budget": -10000.0 } },
            "total": { "planned": { "budget": 330000.0 }, "actual": { "budget": 335000.0 },
                       "replanned": { "budget": 0.0 }, "variance": { "budget": 5000.0 } }
        })
    );
}

#[test]
fn the_table_and_markdown_show_each_year_and_the_costs_without_a_year() {
    let table = stdout(&["plan", FIXTURE, "--lang", "de"]);
    insta::assert_snapshot!(
        "yearly_actuals_table_de",
        section(&table, "table", "", "Plan und Ist je Haushaltsjahr")
    );
    let markdown = stdout(&["plan", FIXTURE, "-f", "markdown"]);
    insta::assert_snapshot!(
        "yearly_actuals_markdown_en",
        section(
            &markdown,
            "markdown",
            "",
            "## Plan against actual per budget year"
        )
    );
    let html = stdout(&["plan", FIXTURE, "-f", "html", "--lang", "de"]);
    assert!(
        html.contains("Plan und Ist je Haushaltsjahr"),
        "HTML lacks the section"
    );
    assert!(
        html.contains("ohne Jahr (backup)"),
        "HTML lacks the row without a year"
    );
    let status = stdout(&["status", FIXTURE, "--lang", "de"]);
    assert!(status.contains("Plan und Ist je Haushaltsjahr"), "{status}");
    let status_json = json_of(&["status", FIXTURE, "-f", "json"]);
    assert_eq!(status_json["yearly_actuals"]["basis"], "estimate");
}

/// The sum over the scheduled measures of a plan report of one cost.
fn scheduled_cost(report: &Value, resource: &str) -> f64 {
    (report["measures"].as_array().expect("measures").iter())
        .filter(|m| m["status"] != "done" && !m["start"].is_null())
        .map(|m| m["cost"][resource].as_f64().unwrap_or(0.0))
        .sum()
}

#[test]
fn against_the_adopted_plan_the_years_hold_its_costs_and_the_new_roadmaps() {
    let adopted: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(ADOPTED)).expect("baseline"))
            .expect("JSON");
    let update = json_of(&[
        "plan",
        UPDATE,
        "--baseline",
        ADOPTED,
        "--freeze",
        "1",
        "-f",
        "json",
    ]);
    let yearly = &update["yearly_actuals"];
    assert_eq!(yearly["basis"], "adopted");
    let years = yearly["years"].as_array().expect("years");
    let sum = |column: &str, resource: &str| -> f64 {
        (years.iter())
            .map(|y| y[column][resource].as_f64().unwrap_or(0.0))
            .sum()
    };
    for resource in ["investiv", "konsumtiv"] {
        // Every adopted measure's cost lies in one of the adopted plan's years, and every
        // cost of the new roadmap in one of its own.
        let planned = sum("planned", resource);
        let expected = scheduled_cost(&adopted, resource);
        assert!(
            (planned - expected).abs() < 0.5,
            "{resource}: {planned} vs {expected}"
        );
        let replanned = sum("replanned", resource);
        let expected = scheduled_cost(&update, resource);
        assert!(
            (replanned - expected).abs() < 0.5,
            "{resource}: {replanned} vs {expected}"
        );
    }
    // 2027 is past: paid, not planned again; 2028 has not begun: planned, nothing paid.
    let year = |label: &str| years.iter().find(|y| y["year"] == label).expect("year");
    assert!(year("2027")["replanned"].is_null() && !year("2027")["actual"].is_null());
    assert!(year("2028")["actual"].is_null() && !year("2028")["replanned"].is_null());
    // The variance of a year is what was paid and is now planned there against the plan.
    for y in years.iter().filter(|y| !y["variance"].is_null()) {
        let value = |column: &str| y[column]["investiv"].as_f64().unwrap_or(0.0);
        let expected = value("actual") + value("replanned") - value("planned");
        assert!((value("variance") - expected).abs() < 0.01, "{y}");
    }
    // The total sums the adopted plan's years: its variance is their actual plus
    // replanned minus planned.
    let total = &yearly["total"];
    let of = |column: &str| total[column]["investiv"].as_f64().unwrap_or(0.0);
    assert!((of("actual") + of("replanned") - of("planned") - of("variance")).abs() < 0.01);
    // The example pays ir-rahmenvertrag over 2026 and 2027: 2026 lies before the adopted
    // plan, so it has actual costs and no plan.
    assert!(year("2026")["planned"].is_null());
    assert_eq!(year("2026")["actual"]["konsumtiv"], json!(2000.0));
}

/// `check` on a portfolio whose `isms` has this `actual_cost`.
fn check_actual_cost(actual_cost: &str) -> assert_cmd::assert::Assert {
    let text = format!(
        "version: 1\nname: T\nas_of: 2027-12-15\ncalendar: {{ period: year, start: 2028, end: 2031 }}\n\
         resources:\n  budget: {{ unit: EUR, capacity: 1M }}\nmeasures:\n  - id: isms\n    \
         name: ISMS\n    duration: 3\n    cost: {{ budget: 300k }}\n    status: started\n    \
         start: 2027\n    progress: 30%\n    actual_cost: {actual_cost}\n"
    );
    resiplan().args(["check", "-"]).write_stdin(text).assert()
}

#[test]
fn years_that_are_not_budget_years_or_mixed_with_resources_are_refused() {
    check_actual_cost("{ 2027-Q3: { budget: 60k } }")
        .code(1)
        .stderr(predicate::str::contains("error[actual-year]"))
        .stderr(predicate::str::contains("which is not a budget period"));
    check_actual_cost("{ 2027: { budget: 60k }, budget: 10k }")
        .code(1)
        .stderr(predicate::str::contains("mixes years and resources"));
    check_actual_cost("{ last-year: { budget: 60k } }")
        .code(1)
        .stderr(predicate::str::contains("is not a budget year"));
    check_actual_cost("{ 2027: { budget: -5k } }").code(1);
    check_actual_cost("{ 2026: { budget: 20k }, 2027: { budget: 40k } }").success();
}

#[test]
fn two_amounts_in_euros_are_named_investive_and_operating() {
    let markdown = stdout(&["plan", UPDATE, "-f", "markdown"]);
    let progress = section(
        &markdown,
        "markdown",
        "",
        "## Stand der Umsetzung: Plan und Ist",
    );
    assert!(
        progress.contains(
            "| it-inventar | erledigt | 2027-Q4 | investiv 30.000 € · konsumtiv 70.000 € · 4 VZÄ |"
        ),
        "{progress}"
    );
    assert!(
        progress.contains("investiv +4.000 € · konsumtiv −4.000 €"),
        "{progress}"
    );
    // One euro amount keeps its plain form.
    let single = stdout(&["plan", FIXTURE, "-f", "markdown"]);
    assert!(
        single.contains("| €400,000 · 2 FTE |") || single.contains("€400,000 · 2 VZÄ"),
        "{single}"
    );
}
