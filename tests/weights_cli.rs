//! Pairwise weighting (AHP) as users drive it: the weights a portfolio's comparisons give,
//! the consistency ratio, `resiplan weights`, and how scenarios and `--set` still change a
//! derived weight.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const PAIRWISE: &str = "tests/fixtures/ok/pairwise.yaml";
const INCONSISTENT: &str = "tests/fixtures/ok/pairwise-inconsistent.yaml";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

fn weight(report: &Value, id: &str) -> (f64, f64) {
    let d = report["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .find(|d| d["id"] == id)
        .expect("the dimension");
    (
        d["weight"].as_f64().expect("weight"),
        d["share"].as_f64().expect("share"),
    )
}

#[test]
fn consistent_comparisons_give_their_weights_and_a_ratio_of_zero() {
    let report = json(&["weights", PAIRWISE, "-f", "json"]);
    assert_eq!(report["method"], "pairwise");
    assert_eq!(report["derivation"], "eigenvector");
    // governance 4 : protection 2 : recovery 1 : response 1 → shares 1/2, 1/4, 1/8, 1/8,
    // weights scaled to average 1.
    for (id, share) in [
        ("governance", 0.5),
        ("protection", 0.25),
        ("recovery", 0.125),
        ("response", 0.125),
    ] {
        let (w, s) = weight(&report, id);
        assert!((s - share).abs() < 1e-6, "{id}: share {s}");
        assert!((w - 4.0 * share).abs() < 1e-6, "{id}: weight {w}");
    }
    let consistency = &report["consistency"];
    assert_eq!(consistency["ratio"], 0.0);
    assert_eq!(consistency["consistent"], true);
    assert_eq!(consistency["lambda_max"], 4.0);
    assert!(
        report["comparisons"]
            .as_array()
            .expect("comparisons")
            .iter()
            .all(|c| c["value"] == c["implied"] && c["most_inconsistent"] == false)
    );
    // Values follow the weights: leitlinie (governance 3) is worth 3 × 2 / 4 = 1.5.
    let rank = json(&["rank", PAIRWISE, "-f", "json"]);
    let leitlinie = rank["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["id"] == "leitlinie")
        .expect("leitlinie");
    assert_eq!(leitlinie["value"], 1.5);
}

#[test]
fn an_inconsistent_matrix_warns_and_names_the_comparison() {
    let output = resiplan()
        .args(["weights", INCONSISTENT])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning[inconsistent-comparisons]")
            && stderr.contains("pairwise-inconsistent.yaml:21:27")
            && stderr.contains("[recovery, response]: 3"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("deviates most"), "{stdout}");
    assert!(stdout.contains("geometric mean"), "{stdout}");
    let report = json(&["weights", INCONSISTENT, "-f", "json"]);
    assert_eq!(report["consistency"]["consistent"], false);
    assert!(report["consistency"]["ratio"].as_f64().expect("ratio") > 0.1);
}

#[test]
fn a_scenario_or_set_changes_a_derived_weight_and_leaves_the_others() {
    let base = json(&["weights", PAIRWISE, "-f", "json"]);
    let set = json(&[
        "weights",
        PAIRWISE,
        "-f",
        "json",
        "--set",
        "dimensions.response.weight=2",
    ]);
    assert_eq!(weight(&set, "response").0, 2.0);
    assert_eq!(weight(&set, "governance").0, weight(&base, "governance").0);
    // Given weights print as given.
    let given = json(&["weights", "examples/musterstadt.yaml", "-f", "json"]);
    assert_eq!(given["method"], "given");
    assert!(given["consistency"].is_null());
    let (w, s) = weight(&given, "recovery");
    assert_eq!(w, 1.0);
    assert!((s - 1.0 / 7.0).abs() < 1e-6);
}

#[test]
fn the_weights_report_reads_in_german_and_english() {
    // Tables keep a number and its unit together with a non-breaking space.
    let de = stdout(&["weights", PAIRWISE, "--lang", "de"]).replace('\u{a0}', " ");
    assert!(
        de.contains("Konsistenzquote (CR)") && de.contains("50 %"),
        "{de}"
    );
    let md = stdout(&["weights", PAIRWISE, "-f", "markdown"]);
    assert!(
        md.starts_with("# Dimension weights: Pairwise weighting"),
        "{md}"
    );
    insta::assert_snapshot!("weights_pairwise_table", stdout(&["weights", PAIRWISE]));
}
