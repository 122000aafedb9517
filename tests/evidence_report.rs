//! The plan report's sections for `risk_acceptance` and `documents`: measures left out that
//! need a risk acceptance by management, and the documents the roadmap produces, in German
//! and English and every format that draws tables; a portfolio without the fields reports
//! byte for byte as before.

use crate::support::stdout;

const EVIDENCE: &str = "tests/fixtures/ok/evidence.yaml";

#[test]
fn the_sections_are_snapshotted_in_german_and_english() {
    for lang in ["de", "en"] {
        let markdown = stdout(&["plan", EVIDENCE, "-f", "markdown", "--lang", lang]);
        insta::assert_snapshot!(format!("evidence_markdown_{lang}"), markdown);
    }
    let table = stdout(&["plan", EVIDENCE, "--lang", "en"]);
    assert!(
        table.contains(
            "SHOULD requirements (SOLLTE) left out: risk acceptance by management required"
        )
    );
    assert!(table.contains("Documents the roadmap produces"));
    let html = stdout(&["plan", EVIDENCE, "-f", "html"]);
    assert!(html.contains("Nachweisdokumente der Roadmap"));
    assert!(html.contains("Risikoübernahme durch die Leitung erforderlich"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["plan", EVIDENCE, "-f", "json"])).expect("JSON");
    assert_eq!(json["risk_acceptance"], serde_json::json!(["sbom"]));
    assert_eq!(
        json["documents"][1],
        serde_json::json!({
            "name": "IT-Betriebskonzept",
            "measures": ["mfa", "netzplan"],
            "in_roadmap": ["mfa", "netzplan"]
        })
    );
}

/// Without the two fields the report is what it was: the same text minus the two sections,
/// in every format (the JSON keys are left out, not empty).
#[test]
fn a_portfolio_without_the_fields_reports_as_before() {
    let text = std::fs::read_to_string(crate::support::root().join(EVIDENCE)).expect("fixture");
    let plain: String = text
        .lines()
        .filter(|l| !l.contains("risk_acceptance:") && !l.contains("documents:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let with = dir.path().join("with.yaml");
    let without = dir.path().join("without.yaml");
    std::fs::write(&with, &text).expect("write");
    std::fs::write(&without, &plain).expect("write");
    let run = |file: &std::path::Path, format: &str| {
        // Without the provenance line, whose input hash differs.
        stdout(&["plan", file.to_str().expect("UTF-8"), "-f", format])
            .lines()
            .filter(|l| !l.contains("inputs "))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    for format in ["markdown", "table", "csv", "mermaid"] {
        let (with, without) = (run(&with, format), run(&without, format));
        let mut cut = with.clone();
        for heading in [
            "## Nicht umgesetzte SOLLTE-Anforderungen",
            "## Nachweisdokumente der Roadmap",
        ] {
            if let Some(from) = cut.find(heading) {
                let next = cut[from + 3..]
                    .find("## ")
                    .map_or(cut.len(), |i| from + 3 + i);
                cut.replace_range(from..next, "");
            }
        }
        if format == "markdown" {
            assert_eq!(cut, without, "{format}");
        } else if format == "table" {
            assert!(with.len() > without.len(), "{format}");
            assert!(
                !without.contains("Risikoübernahme") && !without.contains("Nachweisdokumente"),
                "{format}"
            );
        } else {
            assert_eq!(with, without, "{format}: unchanged");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "plan",
        without.to_str().expect("UTF-8"),
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert!(json.get("risk_acceptance").is_none() && json.get("documents").is_none());
}
