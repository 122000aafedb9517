//! Risk in euros: `objective: risk` plans for the expected damage avoided, the bound stays
//! above the true (multiplicative) objective, reports speak in euros.

use crate::support::{resiplan, stdout};

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

#[test]
fn the_plan_speaks_in_euros_and_shows_the_residual_risk_in_every_format() {
    for (format, lang) in [
        ("table", "en"),
        ("table", "de"),
        ("markdown", "de"),
        ("html", "de"),
        ("json", "en"),
    ] {
        let text = stdout(&[
            "plan",
            RISK,
            "--set",
            "objective=risk",
            "-f",
            format,
            "--lang",
            lang,
        ]);
        let (avoided, residual, points) = match lang {
            "de" => (
                "Vermiedener erwarteter Schaden",
                "Restrisiko je Risiko und Jahr",
                "Resilienzpunkte",
            ),
            _ => (
                "Expected damage avoided",
                "Residual risk per risk and year",
                "Resilience points",
            ),
        };
        if format != "json" {
            assert!(text.contains(avoided), "{format} {lang}");
            assert!(text.contains(residual), "{format} {lang}");
            assert!(
                !text.contains(points),
                "{format} {lang}: no points under risk"
            );
        }
        insta::assert_snapshot!(format!("risk_plan_{format}_{lang}"), text);
    }
    // Without risks there is no risk section and no `risk` in the JSON.
    let plain = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"]);
    assert!(!plain.contains("\"risk\""));
}

#[test]
fn rank_and_explain_follow_the_risk_objective() {
    let rank = stdout(&["rank", RISK, "--set", "objective=risk", "-f", "json"]);
    let json: serde_json::Value = serde_json::from_str(&rank).expect("json");
    let order: Vec<&str> = (json["measures"].as_array().expect("measures"))
        .iter()
        .map(|m| m["id"].as_str().expect("id"))
        .collect();
    assert_eq!(order, ["backup", "edr", "warning", "portal"], "{rank}");
    let text = stdout(&[
        "explain",
        RISK,
        "backup",
        "--set",
        "objective=risk",
        "--lang",
        "de",
    ]);
    assert!(
        text.contains(
            "Ransomware-Angriff um 60 %: vermeidet allein 120.000 € erwarteten Schaden je Jahr"
        ),
        "{text}"
    );
    let json = stdout(&["explain", RISK, "backup", "-f", "json"]);
    assert!(json.contains("\"avoided_per_year\": 120000"), "{json}");
}

#[test]
fn the_risk_json_meets_the_report_schemas() {
    use resiplan::schema::Kind;
    for (kind, args) in [
        (
            Kind::PlanReport,
            vec!["plan", RISK, "--set", "objective=risk", "-f", "json"],
        ),
        (
            Kind::PlanReport,
            vec![
                "plan",
                RISK,
                "--set",
                "objective={risk: 70%, impact: 30%}",
                "-f",
                "json",
            ],
        ),
        (Kind::RankReport, vec!["rank", RISK, "-f", "json"]),
        (
            Kind::ExplainReport,
            vec!["explain", RISK, "edr", "-f", "json"],
        ),
    ] {
        let json: serde_json::Value = serde_json::from_str(&stdout(&args)).expect("json");
        let validator = crate::json_reports::validator(kind);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
}

#[test]
fn compare_judges_a_scenario_that_switches_the_objective_by_the_base_objective() {
    let json = stdout(&[
        "compare",
        RISK,
        "--scenario",
        "tests/fixtures/scenarios/risk-objective.yaml",
        "-f",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let base = json["base"]["objective"].as_f64().expect("base");
    let scenario = &json["scenarios"][0];
    // The scenario plans for euros; at the base's objective (impact points) its roadmap is
    // worth less than the base's own, not millions.
    assert!(
        scenario["outcome"]["objective"]
            .as_f64()
            .expect("objective")
            > 1e5
    );
    let at_base = scenario["objective_at_base_weights"]
        .as_f64()
        .expect("judged by the base's objective");
    assert!(at_base < base, "{at_base} vs {base}");
}

#[test]
fn simulate_judges_its_runs_by_the_true_risk_objective() {
    // The fixture has no uncertainty: every run executes the plan, so every run's
    // objective is the plan's (the true one, not the linear over-estimate).
    let json = stdout(&["simulate", RISK, "--set", "objective=risk", "-f", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let objective = &json["objective"];
    assert_eq!(objective["plan"], 1_520_000.0, "{objective}");
    assert_eq!(objective["mean"], objective["plan"], "{objective}");
}
