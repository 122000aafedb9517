//! Maturity (issue 17): indicators with a baseline (Ist) and a target (Soll) on a scale,
//! measures that raise them; the plan and status reports show per indicator the level at
//! the end of each year, whether the target is met by its year and what is missing, and the
//! coverage table no longer reads as "fully protected".

use crate::support::{section, stdout};
use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/maturity/maturity.yaml";

fn plan_json(path: &str) -> Value {
    serde_json::from_str(&stdout(&["plan", path, "-f", "json"])).expect("JSON")
}

fn by_id<'a>(report: &'a Value, id: &str) -> &'a Value {
    (report["maturity"].as_array().expect("maturity"))
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn levels(indicator: &Value) -> Vec<u64> {
    (indicator["by_year"].as_array().expect("by_year"))
        .iter()
        .map(|y| y["level"].as_u64().expect("level"))
        .collect()
}

#[test]
fn the_level_per_year_follows_the_roadmap_and_a_late_measure_is_named() {
    let report = plan_json(FIXTURE);
    // formulare (→ 2) finishes 2027, antrag (→ 3) 2028–2029: the target 3 by 2028 is
    // missed, and antrag is what is missing, finishing after the target year.
    let ozg = by_id(&report, "ozg");
    assert_eq!(levels(ozg), [2, 2, 3, 3]);
    assert_eq!(
        (ozg["due"].as_u64(), ozg["reached"].as_u64()),
        (Some(2028), Some(2))
    );
    assert_eq!(ozg["met"], false);
    assert_eq!(ozg["met_in"], 2029);
    assert_eq!(
        ozg["missing"],
        json!([{ "measure": "antrag", "raises": 3, "finish": "2029" }])
    );
    // A count adds (4 + 8 + 7 = 19), capped at its top.
    let wiba = by_id(&report, "wiba");
    assert_eq!(levels(wiba), [12, 19, 19, 19]);
    assert_eq!(
        (wiba["met"].as_bool(), wiba["met_in"].as_u64()),
        (Some(true), Some(2028))
    );
    // The Aufbau-BCMS does not fit the budget: not scheduled, so missing.
    let bcms = by_id(&report, "bcms");
    assert_eq!(levels(bcms), [0, 1, 1, 1]);
    assert_eq!(
        bcms["missing"],
        json!([{ "measure": "bcms-aufbau", "raises": 2, "finish": null }])
    );
    assert_eq!(bcms["potential"], 2);
}

#[test]
fn a_target_no_measure_raises_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("none.yaml");
    let text = std::fs::read_to_string(crate::support::root().join(FIXTURE)).expect("fixture");
    // No measure raises the BCMS stage any more.
    let text = text
        .replace("raises: { bcms: 1 }", "tags: []")
        .replace("raises: { bcms: 2 }", "tags: []");
    std::fs::write(&path, text).expect("written");
    let path = path.to_string_lossy().into_owned();
    let out = stdout(&["plan", &path, "-f", "markdown", "--lang", "en"]);
    assert!(
        out.contains("no measure in the portfolio raises it"),
        "{out}"
    );
    let report = plan_json(&path);
    assert_eq!(by_id(&report, "bcms")["missing"], json!([]));
    assert_eq!(by_id(&report, "bcms")["potential"], 0);
}

#[test]
fn every_plan_format_shows_ist_and_soll_and_coverage_says_what_it_is() {
    for (format, lang, title) in [
        ("table", "en", "Maturity: baseline → target"),
        ("markdown", "de", "## Reifegrad: Ist → Soll"),
    ] {
        let out = stdout(&["plan", FIXTURE, "-f", format, "--lang", lang]);
        insta::assert_snapshot!(
            format!("maturity_{format}_{lang}"),
            section(&out, format, "", title)
        );
        let coverage = if lang == "en" {
            "Coverage per dimension (share of the impact of this portfolio's measures, not maturity)"
        } else {
            "## Abdeckung je Dimension (Anteil an der Wirkung der Maßnahmen dieses Portfolios, kein Reifegrad)"
        };
        insta::assert_snapshot!(
            format!("maturity_coverage_{format}_{lang}"),
            section(&out, format, "", coverage)
        );
    }
    let html = stdout(&["plan", FIXTURE, "-f", "html", "--lang", "de"]);
    let from = html
        .find(">Reifegrad: Ist → Soll</h2>")
        .expect("the section");
    let rest = &html[from..];
    insta::assert_snapshot!(
        "maturity_html_de",
        &rest[..rest.find("</table>").unwrap_or(rest.len())]
    );
    insta::assert_snapshot!(
        "maturity_json",
        section(
            &stdout(&["plan", FIXTURE, "-f", "json"]),
            "json",
            "maturity",
            ""
        )
    );
}

#[test]
fn a_portfolio_without_indicators_keeps_its_coverage_table() {
    let out = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "--lang", "en"]);
    assert!(out.contains("\nCoverage per dimension\n"), "{out}");
    assert!(!out.contains("Maturity"), "{out}");
    assert!(
        plan_json("tests/fixtures/ok/minimal.yaml")
            .get("maturity")
            .is_none()
    );
}

#[test]
fn the_status_report_shows_maturity() {
    let report: Value =
        serde_json::from_str(&stdout(&["status", FIXTURE, "-f", "json"])).expect("JSON");
    assert_eq!(report["maturity"][0]["id"], "ozg");
    assert_eq!(report["maturity"][2]["met"], false);
    let out = stdout(&["status", FIXTURE, "-f", "markdown", "--lang", "de"]);
    assert!(out.contains("Reifegrad: Ist → Soll"), "{out}");
}
