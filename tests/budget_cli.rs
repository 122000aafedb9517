//! `resiplan budget`, the Haushalt view (issue 15): exact amounts per budget year on a
//! small portfolio with investment, operating and staff resources under quarters inside
//! budget years, sums that reconcile with the plan, every format, and bad input.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const HAUSHALT: &str = "tests/fixtures/money/haushalt.yaml";
const EXAMPLE: &str = "examples/musterstadt.yaml";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

/// The amounts of `field` per budget year, in year order.
fn years(entry: &Value, field: &str) -> Vec<f64> {
    let values = entry[field].as_object().expect(field);
    values
        .values()
        .map(|v| v.as_f64().expect("number"))
        .collect()
}

/// The money entry of resource `id`.
fn money<'a>(report: &'a Value, id: &str) -> &'a Value {
    (report["money"].as_array().expect("money").iter())
        .find(|m| m["resource"] == id)
        .expect(id)
}

fn close(actual: &[f64], expected: &[f64]) -> bool {
    actual.len() == expected.len()
        && actual
            .iter()
            .zip(expected)
            .all(|(a, b)| (a - b).abs() < 1e-6)
}

#[test]
fn each_line_has_its_exact_amounts_per_budget_year() {
    let report = json(&["budget", HAUSHALT, "-f", "json"]);
    assert_eq!(report["command"], "budget");
    assert_eq!(
        report["budget_periods"],
        serde_json::json!(["2027", "2028", "2029"])
    );
    // Investment, by the profile 10/20/30/40 from 2027-Q3, 2028 at the price index 1.1.
    let invest = money(&report, "invest");
    assert_eq!(invest["kind"], "investment");
    assert_eq!(invest["line"], "Auszahlungen für Investitionen");
    assert!(close(
        &years(invest, "payments"),
        &[120_000.0, 308_000.0, 0.0]
    ));
    // Started in 2027, it commits 2027 for what it pays in 2028.
    assert!(close(&years(invest, "commitments"), &[308_000.0, 0.0, 0.0]));
    assert!(close(
        &years(invest, "left"),
        &[280_000.0, 92_000.0, 400_000.0]
    ));
    // Operating: the training over the turn of the year, run costs of the data centre from
    // 2028-Q3 (half a year) and of the system done before the horizon.
    let betrieb = money(&report, "betrieb");
    assert_eq!(betrieb["line"], "Aufwendungen");
    assert!(close(
        &years(betrieb, "payments"),
        &[0.0, 15_000.0, 15_000.0]
    ));
    assert!(close(
        &years(betrieb, "follow_up"),
        &[8_000.0, 28_000.0, 48_000.0]
    ));
    assert!(close(&years(betrieb, "commitments"), &[0.0, 15_000.0, 0.0]));
    // It carries over what is left.
    assert!(close(
        &years(betrieb, "carried_in"),
        &[0.0, 92_000.0, 149_000.0]
    ));
    assert!(close(
        &years(betrieb, "left"),
        &[92_000.0, 149_000.0, 186_000.0]
    ));
    assert_eq!(betrieb["follow_up_after_horizon"], 48_000.0);
    assert!(invest.get("carried_in").is_none());
    // Per kind of money.
    let by_kind = &report["commitments_by_kind"];
    assert!(close(&years(by_kind, "investment"), &[308_000.0, 0.0, 0.0]));
    assert!(close(&years(by_kind, "operating"), &[0.0, 15_000.0, 0.0]));
    // Staff in VZÄ-Jahre: 0.5 VZÄ for four quarters, then 0.5 VZÄ for two.
    let staff = &report["staff"][0];
    assert_eq!(staff["resource"], "staff");
    assert!(close(&years(staff, "fte_years"), &[0.25, 0.375, 0.125]));
    // The places for personnel costs, grants, own share and depreciation are empty.
    assert!(staff["personnel_costs"].is_null() && staff["cost_rate"].is_null());
    for field in ["grants", "own_share", "depreciation"] {
        assert!(report[field].is_null(), "{field}");
    }
    // Per measure, by resource id.
    let measures = report["measures"].as_array().expect("measures");
    let ids: Vec<&str> = measures
        .iter()
        .map(|m| m["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["rechenzentrum", "schulung"]);
    assert!(close(
        &years(&measures[0]["payments"], "invest"),
        &[120_000.0, 308_000.0, 0.0]
    ));
}

/// Used per resource and budget period, from the plan's JSON (what the verifier checked).
fn plan_use(file: &str, resource: &str) -> Vec<(String, f64)> {
    let plan = json(&["plan", file, "-f", "json"]);
    let mut out: Vec<(String, f64)> = Vec::new();
    for period in plan["periods"].as_array().expect("periods") {
        let label = period["budget_period"]
            .as_str()
            .or(period["label"].as_str());
        let label = label.expect("label").to_owned();
        let used = period["resources"][resource]["used"]
            .as_f64()
            .expect("used");
        match out.last_mut() {
            Some((last, _)) if *last == label => {}
            _ => out.push((label, used)),
        }
    }
    out
}

#[test]
fn the_sums_reconcile_with_the_plan_and_the_measures_costs() {
    for (file, resources) in [
        (HAUSHALT, &["invest", "betrieb"][..]),
        (EXAMPLE, &["investiv", "konsumtiv"][..]),
    ] {
        let report = json(&["budget", file, "-f", "json"]);
        // What the money resources pay and what they are charged differ by the grants: a
        // funded measure's resource is charged only its own share.
        let periods = report["budget_periods"]
            .as_array()
            .expect("budget periods")
            .len();
        let grants = if report["grants"].is_null() {
            vec![0.0; periods] // no funding programme: nothing is granted
        } else {
            years(&report, "grants")
        };
        let mut paid_less_charged = vec![0.0; periods];
        for id in resources {
            let line = money(&report, id);
            let used = years(line, "used");
            let payments = years(line, "payments");
            let follow_up = years(line, "follow_up");
            for b in 0..used.len() {
                paid_less_charged[b] += payments[b] + follow_up[b] - used[b];
            }
            let plan: Vec<f64> = plan_use(file, id).into_iter().map(|(_, v)| v).collect();
            assert!(
                close(&used, &plan),
                "{file} {id}: {used:?} against {plan:?}"
            );
        }
        assert!(
            close(&paid_less_charged, &grants),
            "{file}: {paid_less_charged:?} against the grants {grants:?}"
        );
    }
    // Without a price index the payments over the years are the measures' costs: 30k of
    // operating money, 3 VZÄ-quarters = 0.75 VZÄ-Jahre of staff.
    let report = json(&["budget", HAUSHALT, "-f", "json"]);
    let total: f64 = years(money(&report, "betrieb"), "payments").iter().sum();
    assert_eq!(total, 30_000.0);
    let staff: f64 = years(&report["staff"][0], "fte_years").iter().sum();
    assert!((staff - 0.75).abs() < 1e-9);
    // Musterstadt: 3,328,000 € of investive money planned (grants deducted), as its plan
    // report says.
    let report = json(&["budget", EXAMPLE, "-f", "json"]);
    let used: f64 = years(money(&report, "investiv"), "used").iter().sum();
    assert_eq!(used, 3_328_000.0);
}

#[test]
fn table_and_markdown_show_the_haushalt() {
    let table = stdout(&["budget", HAUSHALT, "--by-measure"]);
    insta::assert_snapshot!("budget_haushalt_table_de", table);
    let markdown = stdout(&["budget", HAUSHALT, "-f", "markdown", "--lang", "en"]);
    insta::assert_snapshot!("budget_haushalt_markdown_en", markdown);
}

#[test]
fn the_quick_start_example_prints_the_haushalt_per_year() {
    let text = stdout(&["budget", EXAMPLE]);
    for word in [
        "Haushalt je Haushaltsjahr",
        "Verpflichtungsermächtigungen",
        "Kapazität und Rest",
        "Zuwendungen",
        "Eigenanteil",
        "Folgekosten nach dem Horizont",
        "2031",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    assert!(
        text.lines().all(|line| line.chars().count() <= 100),
        "{text}"
    );
}

#[test]
fn csv_has_one_row_per_year_line_and_resource_in_both_dialects() {
    let text = stdout(&["budget", HAUSHALT, "-f", "csv"]);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("budget_period,line,kind,resource,resource_name,amount,unit")
    );
    assert!(
        text.contains("\r\n2027,commitments,investment,invest,Investitionsmittel,308000,EUR\r\n")
    );
    assert!(text.contains("\r\n2028,staff,staff,staff,Eigenes Personal,0.375,FTE-years\r\n"));
    assert!(
        text.contains("\r\nafter,after_horizon,operating,betrieb,Betriebsmittel,48000,EUR\r\n")
    );
    let excel = stdout(&["budget", HAUSHALT, "-f", "csv", "--csv-dialect", "excel-de"]);
    assert!(
        excel.starts_with("\u{feff}Haushaltsjahr;Position;Art;Ressource;Name;Betrag;Einheit\r\n")
    );
    assert!(excel.contains(
        "\r\n2027;Verpflichtungsermächtigungen;Investition;invest;Investitionsmittel;308000;EUR\r\n"
    ));
    assert!(
        excel.contains("\r\n2028;Personal;Personal;staff;Eigenes Personal;0,375;VZÄ-Jahre\r\n")
    );
}

#[test]
fn html_is_one_page_with_the_haushalt() {
    let page = stdout(&["budget", HAUSHALT, "-f", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    assert!(page.contains("<h2>Verpflichtungsermächtigungen (in €)</h2>"));
    assert!(page.contains("<td>Auszahlungen für Investitionen</td><td class=\"num\">120.000</td>"));
    assert!(!page.contains("<script"));
}

#[test]
fn bad_input_gets_the_documented_exit_codes() {
    // An unknown format is a usage error.
    let output = resiplan()
        .args(["budget", HAUSHALT, "-f", "mermaid"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    // A catalog has no calendar, so no roadmap: invalid input.
    let output = resiplan()
        .args(["budget", "tests/fixtures/catalogs/security.yaml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not-a-portfolio"));
    // A portfolio no roadmap fits: invalid input, nothing written.
    let output = resiplan()
        .args(["budget", "tests/fixtures/infeasible/mandatory.yaml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    // --csv-dialect without CSV.
    let output = resiplan()
        .args(["budget", HAUSHALT, "--csv-dialect", "excel-de"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_plan_page_has_the_haushalt_as_a_section() {
    let page = stdout(&["plan", HAUSHALT, "-f", "html"]);
    let section = page
        .split("<h2>Haushalt: Haushalt</h2>")
        .nth(1)
        .expect("a Haushalt section");
    assert!(section.starts_with("\n<h3>Haushalt je Haushaltsjahr (in €)</h3>"));
    assert!(section.contains("<h3>Verpflichtungsermächtigungen (in €)</h3>"));
    // Without the measures' payments, which only `budget --by-measure` lists.
    assert!(!section.contains("Auszahlungen je Maßnahme"));
}

/// Staff with a `cost_rate` shows its personnel costs per year, and investments with a
/// `useful_life` their depreciation; both agree with what `plan` reports.
#[test]
fn personnel_costs_and_depreciation_per_year_agree_with_the_plan() {
    const STAFF: &str = "tests/fixtures/money/staff-cost.yaml";
    let report = json(&["budget", STAFF, "-f", "json"]);
    let plan = json(&["plan", STAFF, "-f", "json"]);
    let staff = &report["staff"][0];
    assert_eq!(staff["cost_rate"], 80_000.0);
    // rollout: 1 FTE-year in 2027; migration: half an FTE-year in 2028.
    assert!(close(
        &years(staff, "personnel_costs"),
        &[80_000.0, 40_000.0, 0.0]
    ));
    let total: f64 = years(staff, "personnel_costs").iter().sum();
    assert_eq!(total, plan["personnel_costs"]["staff"].as_f64().unwrap());
    let depreciation = years(&report, "depreciation");
    assert!(close(&depreciation, &[12_500.0; 3]));
    for (year, amount) in ["2027", "2028", "2029"].iter().zip(&depreciation) {
        assert_eq!(plan["depreciation"][year]["budget"], *amount);
    }
}

#[test]
fn a_funded_portfolio_has_its_grants_and_own_share_per_budget_year() {
    // Quarters in budget years; DigitalPakt pays 50 % of the school network's 1.6 M€ in
    // 2028 (the window 2028–2029).
    let report = json(&[
        "budget",
        "tests/fixtures/funding/quarters.yaml",
        "-f",
        "json",
    ]);
    assert!(close(
        &years(&report, "grants"),
        &[0.0, 800_000.0, 0.0, 0.0]
    ));
    assert!(close(
        &years(&report, "own_share"),
        &[0.0, 800_000.0, 0.0, 0.0]
    ));
    // Payments stay gross; what the budget is charged (and what is left) is net of grants.
    let budget = money(&report, "budget");
    assert!(close(
        &years(budget, "payments"),
        &[400_000.0, 1_600_000.0, 0.0, 0.0]
    ));
    assert!(close(
        &years(budget, "used"),
        &[400_000.0, 800_000.0, 0.0, 0.0]
    ));
    assert!(close(
        &years(budget, "left"),
        &[600_000.0, 200_000.0, 1_000_000.0, 1_000_000.0]
    ));
    let text = stdout(&[
        "budget",
        "tests/fixtures/funding/quarters.yaml",
        "--lang",
        "de",
    ]);
    assert!(text.contains("Zuwendungen") && text.contains("Eigenanteil"));
}
