//! Numbers and ids as written: ids that look like numbers stay the text they were written
//! with everywhere an id is read, German thousands separators and absurd magnitudes are
//! refused in portfolios, scenarios and `--set`, invisible characters in ids are refused and
//! shown escaped, and a scenario's `exclude` list says only what is true.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const IDS: &str = "tests/fixtures/ids/numeric-ids.yaml";
const IDS_SCENARIO: &str = "tests/fixtures/ids/numeric-ids-scenario.yaml";
const EXAMPLE: &str = "examples/musterstadt.yaml";

fn run(args: &[&str]) -> (i32, String, String) {
    let output = resiplan().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

fn measure_ids(args: &[&str]) -> Vec<String> {
    let plan: Value = serde_json::from_str(&stdout(args)).expect("JSON");
    plan["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .filter_map(|m| m["id"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn ids_that_look_like_numbers_are_the_text_written() {
    // Measure ids, an include's `measures`, `depends_on`, dimension and resource ids and keys.
    assert_eq!(
        measure_ids(&["plan", IDS, "-f", "json"]),
        ["007", "1e3", "0x10", "1000"]
    );
    // `explain` and `--set` find them by that text.
    let explained = stdout(&["explain", IDS, "1e3"]);
    assert!(explained.contains("`1e3` Thousand"), "{explained}");
    let explained = stdout(&["explain", IDS, "1000"]);
    assert!(
        explained.contains("One thousand, written out"),
        "{explained}"
    );
    stdout(&["check", IDS, "--set", "measures.1e3.duration=2"]);
    stdout(&["check", IDS, "--set", "measures.0x10.cost.0x1F=1k"]);
    stdout(&["check", IDS, "--set", "dimensions.1.10.weight=2"]);
    let (code, _, err) = run(&["check", IDS, "--set", "measures.16.duration=2"]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no measure `16`"), "{err}");
    // A scenario's `force`, `set` paths and `exclude` name them as written too.
    let ids = measure_ids(&["plan", IDS, "--scenario", IDS_SCENARIO, "-f", "json"]);
    assert_eq!(ids, ["007", "1e3", "0x10"]);
}

#[test]
fn thousands_separators_are_refused_in_scenarios_and_set() {
    let (code, out, err) = run(&[
        "check",
        EXAMPLE,
        "--scenario",
        "tests/fixtures/scenarios/thousands.yaml",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    insta::assert_snapshot!("thousands_in_a_scenario", err);
    for set in [
        "resources.investiv.capacity=110.000",
        "resources.investiv.capacity.2028=1.500",
        "measures.notstrom.cost={ konsumtiv: 12.000 }",
    ] {
        let (code, _, err) = run(&["check", EXAMPLE, "--set", set]);
        assert_eq!(code, 1, "{set}: {err}");
        assert!(
            err.contains("German thousands separator") && err.contains("if the dot separates"),
            "{set}: {err}"
        );
    }
    // A fraction after a lone 0, or a suffix, is no thousands separator.
    stdout(&[
        "check",
        EXAMPLE,
        "--set",
        "resources.staff.capacity.2028=0.125",
    ]);
    stdout(&[
        "check",
        EXAMPLE,
        "--set",
        "resources.investiv.capacity=1.125M",
    ]);
}

#[test]
fn a_set_value_with_colon_space_is_refused_with_advice_to_quote_it() {
    let (code, _, err) = run(&[
        "check",
        EXAMPLE,
        "--set",
        "measures.mfa-iam.name=MFA: alle Konten",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("--set \"measures.mfa-iam.name='MFA: alle Konten'\""),
        "{err}"
    );
    // Quoted, it is the text it was meant to be; a flow mapping is still a mapping.
    let plan: Value = serde_json::from_str(&stdout(&[
        "plan",
        EXAMPLE,
        "-f",
        "json",
        "--set",
        "measures.mfa-iam.name='MFA: alle Konten'",
        "--set",
        "measures.mfa-iam.cost={ konsumtiv: 100k }",
    ]))
    .expect("JSON");
    let mfa = plan["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["id"] == "mfa-iam")
        .expect("mfa-iam");
    assert_eq!(mfa["name"], "MFA: alle Konten");
}

#[test]
fn exclude_names_a_measure_with_its_dependant_or_twice() {
    for (scenario, gone) in [
        ("exclude-with-dependant", ["it-inventar", "backup-321"]),
        ("exclude-twice", ["bia", "notstrom"]),
    ] {
        let path = format!("tests/fixtures/scenarios/{scenario}.yaml");
        let (code, out, err) = run(&["plan", EXAMPLE, "-f", "json", "--scenario", &path]);
        assert_eq!(code, 0, "{scenario}: {err}");
        assert!(!err.contains("there is no measure"), "{scenario}: {err}");
        let plan: Value = serde_json::from_str(&out).expect("JSON");
        let ids: Vec<&str> = plan["measures"]
            .as_array()
            .expect("measures")
            .iter()
            .filter_map(|m| m["id"].as_str())
            .collect();
        for id in gone {
            assert!(!ids.contains(&id), "{scenario}: {id} is still planned");
        }
    }
    // `backup-321` was named, so the warning about `it-inventar` does not list it.
    let (_, _, err) = run(&[
        "check",
        EXAMPLE,
        "--scenario",
        "tests/fixtures/scenarios/exclude-with-dependant.yaml",
    ]);
    let first = err.lines().next().unwrap_or_default();
    assert!(!first.contains("`backup-321`"), "{first}");
}

#[test]
fn invisible_characters_in_ids_are_escaped_in_json_diagnostics_too() {
    let (code, out, _) = run(&[
        "check",
        "-f",
        "json",
        "tests/fixtures/broken/invisible-id.yaml",
    ]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    let messages: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("`backup\\u{200b}`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`backup\\u{feff}`")),
        "{messages:?}"
    );
    for message in &messages {
        assert!(
            !message.contains(['\u{200b}', '\u{202e}', '\u{feff}', '\u{200d}']),
            "{message:?}"
        );
    }
}

#[test]
fn a_large_file_without_aliases_is_not_called_an_alias_bomb() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.yaml");
    // The loader's limit on values in one document (README: "Limits against hostile input").
    let values = vec!["1"; 1_000_001].join(",");
    std::fs::write(&path, format!("version: 1\nbig: [{values}]\n")).expect("written");
    let (code, _, err) = run(&["check", &path.to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[resource-limit]"), "{err}");
    assert!(err.contains("more than 1000000 values"), "{err}");
    assert!(!err.contains("alias"), "{err}");
}
