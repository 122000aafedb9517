//! Risk in euros: `objective: risk` plans for the expected damage avoided, the bound stays
//! above the true (multiplicative) objective, reports speak in euros.

use crate::support::resiplan;

const RISK: &str = "tests/fixtures/ok/risk.yaml";

/// The start of each measure in `plan -f json` of the fixture with `extra` arguments.
fn starts(extra: &[&str]) -> Vec<(String, String)> {
    let output = resiplan()
        .args(["plan", RISK, "-f", "json"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let mut starts: Vec<(String, String)> = (json["measures"].as_array().expect("measures"))
        .iter()
        .map(|m| {
            (
                m["start"].as_str().unwrap_or("-").to_owned(),
                m["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect();
    starts.sort();
    starts
}

#[test]
fn the_risk_objective_changes_the_order() {
    let first = |extra: &[&str]| starts(extra)[0].1.clone();
    // The fixture plans for impact (no `objective`): the portal, with the highest score, first.
    assert_eq!(first(&[]), "portal");
    assert_eq!(first(&["--set", "objective=impact"]), "portal");
    // For the expected damage avoided: the offline backup (60 % of 200,000 € a year) first,
    // the portal (no risk) last.
    let risk = starts(&["--set", "objective=risk"]);
    let order: Vec<&str> = risk.iter().map(|(_, id)| id.as_str()).collect();
    // EDR alone would avoid 100,000 € a year, more than the flood warning's 80,000 €; after
    // the backup it adds only 50 % of the remaining 40 % of ransomware (40,000 €), so the
    // true (multiplicative) objective puts the warning before it.
    assert_eq!(order, ["backup", "warning", "edr", "portal"]);
    // A mix weighs both: risk at 100 % is the risk order.
    assert_eq!(
        starts(&[
            "--set",
            "objective.risk=100%",
            "--set",
            "objective.impact=0%"
        ]),
        risk
    );
}
