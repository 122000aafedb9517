//! Every command that writes JSON, run on real files: each document validates against
//! its committed schema in `schema/`, starts with the common envelope, and names
//! measures, resources and periods by id and label, never by index.

use crate::support::{resiplan, root};
use resiplan::schema::Kind;
use serde_json::Value;

const EXAMPLE: &str = "examples/musterstadt.yaml";
const CUT: &str = "examples/scenarios/musterstadt-sparhaushalt.yaml";

/// Keys whose value names a measure, resource, dimension, scenario or period: never a number.
const NAMES: [&str; 18] = [
    "id",
    "measure",
    "dependency",
    "resource",
    "dimension",
    "scenario",
    "period",
    "label",
    "start",
    "finish",
    "end",
    "from",
    "to",
    "earliest",
    "deadline",
    "earliest_start",
    "latest_start",
    "complete_from",
];

/// Every JSON-writing command on real files, with the schema its output must meet and
/// the exit code it ends with.
fn runs() -> Vec<(Kind, Vec<&'static str>, i32)> {
    use Kind::*;
    vec![
        (PlanReport, vec!["plan", EXAMPLE, "-f", "json"], 0),
        (
            PlanReport,
            vec![
                "plan",
                "examples/landkreis.yaml",
                "-f",
                "json",
                "--lang",
                "en",
            ],
            0,
        ),
        // Scenarios and overrides in the header; a `dependency` reason.
        (
            PlanReport,
            vec![
                "plan",
                EXAMPLE,
                "--scenario",
                CUT,
                "--set",
                "measures.kompetenz-basis.depends_on=[wlan-schulen]",
                "-f",
                "json",
            ],
            0,
        ),
        // `no_window` reasons with periods after the horizon.
        (
            PlanReport,
            vec!["plan", "tests/fixtures/ok/many-warnings.yaml", "-f", "json"],
            0,
        ),
        (
            PlanReport,
            vec!["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"],
            0,
        ),
        // `risk_acceptance` and `documents`.
        (
            PlanReport,
            vec!["plan", "tests/fixtures/ok/evidence.yaml", "-f", "json"],
            0,
        ),
        (RankReport, vec!["rank", EXAMPLE, "-f", "json"], 0),
        (
            CheckReport,
            vec![
                "check",
                EXAMPLE,
                "catalogs/daseinsvorsorge.yaml",
                "--format",
                "json",
            ],
            0,
        ),
        (
            CheckReport,
            vec![
                "check",
                "--format",
                "json",
                "tests/fixtures/broken/unknown-dependency.yaml",
                "tests/fixtures/broken/dependency-cycle.yaml",
                "tests/fixtures/ok/many-warnings.yaml",
            ],
            1,
        ),
        // A failed gate: the report is written, the command exits 1.
        (
            CompareReport,
            vec![
                "compare",
                EXAMPLE,
                "--scenario",
                CUT,
                "--scenario",
                "examples/scenarios/musterstadt-krisenmodus.yaml",
                "--fail-if-loss-above",
                "1",
                "-f",
                "json",
            ],
            4,
        ),
        // Scheduled, with a counterfactual found by re-planning.
        (
            ExplainReport,
            vec!["explain", EXAMPLE, "ozg-efa", "-f", "json"],
            0,
        ),
        // Not scheduled: short of budget.
        (
            ExplainReport,
            vec![
                "explain",
                EXAMPLE,
                "wlan-schulen",
                "-f",
                "json",
                "--lang",
                "en",
            ],
            0,
        ),
        // Done before the horizon.
        (
            ExplainReport,
            vec!["explain", EXAMPLE, "wiba-einstieg", "-f", "json"],
            0,
        ),
        (
            FrontierReport,
            vec!["frontier", EXAMPLE, "--steps", "3", "-f", "json"],
            0,
        ),
        (
            FrontierReport,
            vec![
                "frontier",
                EXAMPLE,
                "--steps",
                "2",
                "--resource",
                "staff",
                "-f",
                "json",
            ],
            0,
        ),
        (
            SimulateReport,
            vec!["simulate", EXAMPLE, "--runs", "300", "-f", "json"],
            0,
        ),
        // Measures that runs cannot start, finishes after the horizon, a deadline.
        (
            SimulateReport,
            vec![
                "simulate",
                "tests/fixtures/ok/uncertain.yaml",
                "--runs",
                "500",
                "-f",
                "json",
            ],
            0,
        ),
        (
            SweepReport,
            vec![
                "sweep",
                EXAMPLE,
                "--set",
                "resources.investiv.capacity=0..1M/2",
                "--set",
                "measures.ozg-efa.deadline=2029,2031",
                "--track",
                "ozg-efa",
                "--effort",
                "quick",
                "-f",
                "json",
            ],
            0,
        ),
        (ProfileReport, vec!["profile", EXAMPLE, "-f", "json"], 0),
        (
            ProfileReport,
            vec![
                "steckbrief",
                "tests/fixtures/ok/hostile-documents.yaml",
                "../escape",
                "-f",
                "json",
            ],
            0,
        ),
        (
            RobustnessReport,
            vec![
                "robustness",
                "tests/fixtures/ok/uncertain.yaml",
                "--runs",
                "30",
                "-f",
                "json",
            ],
            0,
        ),
        (
            RobustnessReport,
            vec![
                "robustness",
                "tests/fixtures/ok/flip.yaml",
                "--runs",
                "30",
                "--weights-spread",
                "90",
                "-f",
                "json",
            ],
            0,
        ),
        (
            WeightsReport,
            vec![
                "weights",
                "tests/fixtures/ok/pairwise-inconsistent.yaml",
                "-f",
                "json",
            ],
            0,
        ),
        (WeightsReport, vec!["weights", EXAMPLE, "-f", "json"], 0),
        (BudgetReport, vec!["budget", EXAMPLE, "-f", "json"], 0),
        (
            StatusReport,
            vec!["status", "tests/fixtures/living/status.yaml", "-f", "json"],
            0,
        ),
        (
            StatusReport,
            vec![
                "status",
                "tests/fixtures/living/update.yaml",
                "--baseline",
                "tests/fixtures/living/adopted.json",
                "-f",
                "json",
            ],
            0,
        ),
        (
            PlanReport,
            vec![
                "plan",
                "tests/fixtures/living/update.yaml",
                "--baseline",
                "tests/fixtures/living/adopted.json",
                "--freeze",
                "1",
                "-f",
                "json",
            ],
            0,
        ),
        (
            BudgetReport,
            vec![
                "budget",
                "tests/fixtures/money/haushalt.yaml",
                "-f",
                "json",
                "--lang",
                "en",
            ],
            0,
        ),
        (CatalogListReport, vec!["catalog", "list", "-f", "json"], 0),
        (
            CatalogListReport,
            vec![
                "catalog",
                "list",
                "--dir",
                "tests/fixtures/catalogs",
                "-f",
                "json",
            ],
            0,
        ),
        (
            CatalogShowReport,
            vec![
                "catalog",
                "show",
                "sicherheit-kontinuitaet",
                "-f",
                "json",
                "--lang",
                "de",
            ],
            0,
        ),
        (
            CatalogShowReport,
            vec![
                "catalog",
                "show",
                "tests/fixtures/catalogs/security.yaml",
                "-f",
                "json",
            ],
            0,
        ),
    ]
}

pub(crate) fn validator(kind: Kind) -> jsonschema::Validator {
    let path = root().join(format!("schema/{}.schema.json", kind.name()));
    let text = std::fs::read_to_string(&path).expect("the schema is committed");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// Places where a number stands for a measure, resource or period: a number under a
/// naming key, or a number in an array (a list of indices, or figures by position).
fn indices(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{path}/{key}");
                if NAMES.contains(&key.as_str()) && v.is_number() {
                    found.push(format!("{here} = {v}"));
                }
                indices(v, &here, found);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let here = format!("{path}/{i}");
                if v.is_number() {
                    found.push(format!("{here} = {v} (a number in a list)"));
                }
                indices(v, &here, found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_index_check_finds_the_old_shapes() {
    let old: Value = serde_json::json!({
        "measures": [{ "reason": { "kind": "capacity", "resource": 0, "periods": [1, 2] } }],
        "steps": [{ "follow_up": [495000, 1.7] }],
        "summary": { "measures": 32 }
    });
    let mut found = Vec::new();
    indices(&old, "", &mut found);
    assert_eq!(found.len(), 5, "{found:#?}");
    // The schema refuses an index where an id belongs, too.
    let mut plan: Value = serde_json::from_str(&crate::support::stdout(&[
        "plan",
        "tests/fixtures/ok/many-warnings.yaml",
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert!(validator(Kind::PlanReport).is_valid(&plan));
    let reason = plan["measures"]
        .as_array_mut()
        .and_then(|m| m.iter_mut().find(|m| !m["reason"].is_null()))
        .expect("a measure not scheduled");
    reason["reason"]["earliest_start"] = serde_json::json!(2);
    assert!(!validator(Kind::PlanReport).is_valid(&plan));
}

#[test]
fn every_json_output_meets_its_schema_envelope_and_names() {
    for (kind, args, code) in runs() {
        let output = resiplan().args(&args).output().expect("runs");
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let document: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("{args:?} writes no JSON: {e}"));

        let problems: Vec<String> = validator(kind)
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{args:?}: {problems:#?}");

        // The envelope, in this order, before the command's own fields.
        let keys: Vec<&str> = document
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let envelope: Vec<&str> = keys
            .iter()
            .copied()
            .take_while(|k| {
                [
                    "format_version",
                    "tool",
                    "command",
                    "language",
                    "provenance",
                ]
                .contains(k)
            })
            .collect();
        assert_eq!(
            &envelope[..3],
            ["format_version", "tool", "command"],
            "{args:?}"
        );
        assert_eq!(document["format_version"], 2, "{args:?}");
        assert_eq!(document["tool"], "resiplan 0.1.0", "{args:?}");
        assert_eq!(document["command"].as_str(), kind.command(), "{args:?}");
        // Catalog lists read no portfolio; everything else names its inputs.
        assert_eq!(
            envelope.contains(&"provenance"),
            kind != Kind::CatalogListReport,
            "{args:?}"
        );
        // The report language where names or reasons are in it; messages are English only.
        let worded = !matches!(
            kind,
            Kind::CheckReport | Kind::FrontierReport | Kind::SweepReport | Kind::CatalogListReport
        );
        assert_eq!(envelope.contains(&"language"), worded, "{args:?}");
        if let Some(i) = args.iter().position(|a| *a == "--lang") {
            assert_eq!(document["language"], args[i + 1], "{args:?}");
        }

        let mut found = Vec::new();
        indices(&document, "", &mut found);
        assert!(found.is_empty(), "{args:?} has indices: {found:#?}");
    }
}
