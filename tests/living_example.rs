//! The Landkreis one year later (`examples/fortschreibung/landkreis-2028.yaml` against the adopted plan
//! `examples/fortschreibung/landkreis-2027-beschlossen.json`, the plan of `examples/landkreis.yaml` as it was):
//! started, contracted and frozen measures keep their place, the changes are listed, and
//! the status report runs on the example.

use crate::support::{root, stdout};

const UPDATE: &str = "examples/fortschreibung/landkreis-2028.yaml";
const ADOPTED: &str = "examples/fortschreibung/landkreis-2027-beschlossen.json";

fn starts(report: &serde_json::Value) -> Vec<(String, Option<String>)> {
    (report["measures"].as_array().expect("measures"))
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap_or("").to_owned(),
                m["start"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn the_update_keeps_started_contracted_and_frozen_measures_and_lists_the_changes() {
    let adopted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(ADOPTED)).expect("baseline"))
            .expect("JSON");
    let adopted = starts(&adopted);
    for freeze in ["1", "2028"] {
        let report: serde_json::Value = serde_json::from_str(&stdout(&[
            "plan",
            UPDATE,
            "--baseline",
            ADOPTED,
            "--freeze",
            freeze,
            "-f",
            "json",
        ]))
        .expect("JSON");
        let now = starts(&report);
        let start = |id: &str| {
            now.iter()
                .find(|(m, _)| m == id)
                .and_then(|(_, s)| s.clone())
        };
        for started in [
            "isms-grundschutz",
            "breitband-luecken",
            "sozialleistungen-digital",
            "registermodernisierung",
            "klimaanpassungskonzept",
        ] {
            assert_eq!(
                start(started).as_deref(),
                Some("2028-Q1"),
                "{started} goes on"
            );
        }
        assert_eq!(start("mfa-iam").as_deref(), Some("2028-Q1"), "contracted");
        // Every measure frozen keeps its adopted start, and the freeze reaches each planned
        // measure the adopted plan starts in the frozen periods.
        let frozen: Vec<&str> = (report["changes"]["frozen"].as_array().expect("frozen"))
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        let last = if freeze == "1" { "2028-Q1" } else { "2028-Q4" };
        for (id, adopted_start) in &adopted {
            let Some(adopted_start) = adopted_start else {
                continue;
            };
            if adopted_start.as_str() >= "2028-Q1" && adopted_start.as_str() <= last {
                assert_eq!(start(id).as_ref(), Some(adopted_start), "{id} is frozen");
            }
        }
        for id in &frozen {
            let adopted_start = adopted
                .iter()
                .find(|(m, _)| m == id)
                .and_then(|(_, s)| s.clone());
            assert_eq!(start(id), adopted_start, "{id}");
        }
        assert!(!frozen.is_empty());
        let changes = report["changes"]["measures"].as_array().expect("changes");
        let wan = changes
            .iter()
            .find(|c| c["id"] == "wan-redundanz")
            .expect("listed");
        assert_eq!(wan["change"], "later");
        assert!(
            changes
                .iter()
                .all(|c| !c["reasons"].as_array().is_some_and(Vec::is_empty))
        );
    }
}

#[test]
fn the_status_report_runs_on_the_landkreis() {
    let report: serde_json::Value = serde_json::from_str(&stdout(&[
        "status",
        UPDATE,
        "--baseline",
        ADOPTED,
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(report["measures"]["started"], 5);
    assert_eq!(report["measures"]["done"], 8);
    assert_eq!(report["measures"]["contracted"], 1);
    let table = stdout(&["status", "examples/landkreis.yaml"]);
    assert!(
        table.contains("Anstehende Entscheidungen und Fristen"),
        "{table}"
    );
}
