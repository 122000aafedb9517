//! `resiplan status`: where the programme stands as of `as_of` — measures by state, late
//! measures, money spent against the plan, decisions coming up, and against an adopted
//! plan the changes.

use crate::support::stdout;

const STATUS: &str = "tests/fixtures/living/status.yaml";

#[test]
fn the_status_names_late_measures_and_the_decisions_of_the_next_twelve_months() {
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&["status", STATUS, "-f", "json"])).expect("JSON");
    assert_eq!(report["command"], "status");
    assert_eq!(report["as_of"], "2028-06-30");
    assert_eq!(report["measures"]["started"], 1);
    assert_eq!(report["spent"]["budget"], 90_000.0);
    assert_eq!(report["planned_for_spent"]["budget"], 60_000.0);
    assert_eq!(
        report["late"],
        serde_json::json!([
            { "kind": "slipping", "id": "isms", "periods": 1 },
            { "kind": "overdue", "id": "audit", "deadline": "2027-12-31" },
        ])
    );
    let kinds: Vec<&str> = (report["decisions"].as_array().expect("decisions"))
        .iter()
        .map(|d| d["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["go_no_go", "funding", "deadline", "obligation"]);
    for (format, lang) in [("table", "en"), ("markdown", "de")] {
        let out = stdout(&["status", STATUS, "-f", format, "--lang", lang]);
        insta::assert_snapshot!(format!("status_{format}_{lang}"), out);
    }
    let html = stdout(&["status", STATUS, "-f", "html", "--lang", "de"]);
    assert!(html.contains("Anstehende Entscheidungen und Fristen"));
}

#[test]
fn the_status_against_the_adopted_plan_lists_the_changes_and_what_has_not_started() {
    let report: serde_json::Value = serde_json::from_str(&stdout(&[
        "status",
        "tests/fixtures/living/update.yaml",
        "--baseline",
        "tests/fixtures/living/adopted.json",
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert!(
        report["changes"]["measures"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    // Without `as_of` in the horizon's past, nothing adopted for 2028 is late yet.
    assert_eq!(report["late"], serde_json::json!([]));
}
