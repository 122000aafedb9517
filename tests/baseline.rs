//! Re-planning against an adopted plan (`plan --baseline ROADMAP.json --freeze N`): frozen,
//! started and contracted measures keep their place, the report lists each change with its
//! reason, and a baseline that does not fit is refused with exit 2.

use crate::support::{resiplan, section, stdout};

const UPDATE: &str = "tests/fixtures/living/update.yaml";
const ADOPTED: &str = "tests/fixtures/living/adopted.json";

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

fn start(report: &serde_json::Value, id: &str) -> serde_json::Value {
    let measures = report["measures"].as_array().expect("measures");
    let m = measures.iter().find(|m| m["id"] == id).expect("measure");
    m["start"].clone()
}

#[test]
fn a_freeze_keeps_the_adopted_start_and_the_changes_give_their_reasons() {
    let report = json(&[
        "plan",
        UPDATE,
        "--baseline",
        ADOPTED,
        "--freeze",
        "1",
        "-f",
        "json",
    ]);
    // The adopted plan starts the backup in 2028, the first year of the new horizon; the
    // new security operations centre would push it to 2030 without the freeze.
    assert_eq!(start(&report, "backup"), "2028");
    let free = json(&["plan", UPDATE, "--baseline", ADOPTED, "-f", "json"]);
    assert_eq!(start(&free, "backup"), "2030");
    // Started and contracted measures keep theirs.
    assert_eq!(start(&report, "isms"), "2028");
    assert_eq!(start(&report, "firewall"), "2029");
    let changes = &report["changes"];
    assert_eq!(changes["frozen"], serde_json::json!(["backup"]));
    let kinds: Vec<(String, String, String)> = (changes["measures"].as_array().expect("list"))
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or("").to_owned(),
                c["change"].as_str().unwrap_or("").to_owned(),
                c["reasons"][0]["kind"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected = [
        ("isms", "earlier", "progress"),
        ("firewall", "later", "fixed"),
        ("awareness", "earlier", "dependency"),
        ("soc", "added", "new"),
        ("old-portal", "dropped", "removed"),
    ];
    let expected: Vec<(String, String, String)> = (expected.iter())
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(kinds, expected);
    // The freeze is not listed as the user's `--set` changes.
    let table = stdout(&["plan", UPDATE, "--baseline", ADOPTED, "--freeze", "2028"]);
    assert!(!table.contains("--set"), "{table}");
}

#[test]
fn the_changes_section_is_in_every_plan_format() {
    for (format, lang) in [("table", "en"), ("markdown", "de"), ("json", "de")] {
        let out = stdout(&[
            "plan",
            UPDATE,
            "--baseline",
            ADOPTED,
            "--freeze",
            "1",
            "-f",
            format,
            "--lang",
            lang,
        ]);
        let title = if lang == "de" {
            "Änderungen gegenüber dem beschlossenen Plan"
        } else {
            "Changes against the adopted plan"
        };
        let section = section(&out, format, "changes", title);
        insta::assert_snapshot!(format!("baseline_changes_{format}_{lang}"), section);
    }
    let html = stdout(&[
        "plan",
        UPDATE,
        "--baseline",
        ADOPTED,
        "-f",
        "html",
        "--lang",
        "de",
    ]);
    assert!(html.contains("Änderungen gegenüber dem beschlossenen Plan"));
}

#[test]
fn the_plan_against_its_own_baseline_changes_nothing() {
    let report = json(&[
        "plan",
        "tests/fixtures/living/adopted.yaml",
        "--baseline",
        ADOPTED,
        "-f",
        "json",
    ]);
    assert_eq!(report["changes"]["measures"], serde_json::json!([]));
    assert_eq!(report["changes"]["kept_adopted"], true);
}

fn refused(baseline: &str, portfolio: &str) -> String {
    let output = resiplan()
        .args(["plan", portfolio, "--baseline", baseline])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "{baseline}");
    String::from_utf8(output.stderr).expect("UTF-8")
}

#[test]
fn a_baseline_that_does_not_fit_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format_version\": 2,\n").expect("write");
    let broken = broken.to_string_lossy().into_owned();
    let message = refused(&broken, UPDATE);
    assert!(
        message.contains(&format!("{broken}:2:0: not JSON")),
        "{message}"
    );
    let old = dir.path().join("old.json");
    let text = std::fs::read_to_string(crate::support::root().join(ADOPTED)).expect("read");
    std::fs::write(
        &old,
        text.replacen("\"format_version\": 2", "\"format_version\": 1", 1),
    )
    .expect("write");
    let message = refused(&old.to_string_lossy(), UPDATE);
    assert!(
        message.contains("format_version is 1, but this resiplan reads version 2"),
        "{message}"
    );
    let message = refused(ADOPTED, "tests/fixtures/living/other.yaml");
    assert!(
        message.contains("shares no measure id with the portfolio"),
        "{message}"
    );
    let message = refused("tests/fixtures/living/missing.json", UPDATE);
    assert!(message.contains("reading the baseline"), "{message}");
}

#[test]
fn a_changed_budget_is_a_reason_under_quarters_in_budget_years() {
    // The adopted plan's capacities are per budget year; a cut 2027 budget moves the
    // backup, and the reason names the budget (was "budget or order": the capacities were
    // read per quarter and never matched a budget year).
    let dir = tempfile::tempdir().expect("temp dir");
    let adopted = dir.path().join("adopted.json");
    let adopted = adopted.to_string_lossy().into_owned();
    let fixture = "tests/fixtures/living/quarterly.yaml";
    stdout(&["plan", fixture, "-f", "json", "-o", &adopted]);
    let report = json(&[
        "plan",
        fixture,
        "--set",
        "resources.budget.capacity.2027=100k",
        "--baseline",
        &adopted,
        "-f",
        "json",
    ]);
    let backup = (report["changes"]["measures"].as_array().expect("changes"))
        .iter()
        .find(|c| c["id"] == "backup")
        .expect("backup moved")
        .clone();
    assert_eq!(backup["change"], "later", "{backup}");
    assert_eq!(
        backup["reasons"][0],
        serde_json::json!({ "kind": "budget", "resource": "budget", "period": "2027" }),
        "{backup}"
    );
}

#[test]
fn compare_plans_every_side_against_the_adopted_plan() {
    let args = |baseline: bool| {
        let mut args = vec![
            "compare",
            UPDATE,
            "--scenario",
            "tests/fixtures/living/cut.yaml",
            "-f",
            "json",
        ];
        if baseline {
            args.extend(["--baseline", ADOPTED, "--freeze", "1"]);
        }
        json(&args)
    };
    // Planned afresh, the base moves the backup to 2030; against the adopted plan with the
    // first year frozen, both columns keep it in 2028, so it is no move of the scenario.
    let fresh = args(false);
    let adopted = args(true);
    let planned = |scenario: bool| {
        let mut args = vec!["plan", UPDATE, "--baseline", ADOPTED, "--freeze", "1"];
        if scenario {
            args.extend(["--scenario", "tests/fixtures/living/cut.yaml"]);
        }
        args.extend(["-f", "json"]);
        json(&args)["objective"].clone()
    };
    // Each column is what `plan --baseline` gives for it.
    assert_eq!(adopted["base"]["objective"], planned(false));
    assert_eq!(
        adopted["scenarios"][0]["outcome"]["objective"],
        planned(true)
    );
    assert_ne!(fresh["base"]["objective"], adopted["base"]["objective"]);
    let inputs = adopted["provenance"]["inputs"].as_array().expect("inputs");
    assert!(
        inputs
            .iter()
            .any(|i| i == format!("--baseline {ADOPTED}").as_str()),
        "{inputs:?}"
    );
    assert_ne!(
        fresh["provenance"]["inputs_sha256"],
        adopted["provenance"]["inputs_sha256"]
    );
}

#[test]
fn the_adopted_plan_is_part_of_the_provenance() {
    // The same portfolio against two adopted plans that differ in one start: two hashes
    // (the baseline was not hashed, so both reports claimed the same inputs).
    let dir = tempfile::tempdir().expect("temp dir");
    let mut other: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::support::root().join(ADOPTED)).expect("baseline"),
    )
    .expect("JSON");
    for m in other["measures"].as_array_mut().expect("measures") {
        if m["id"] == "awareness" {
            m["start"] = serde_json::json!("2030");
        }
    }
    let path = dir.path().join("other.json");
    std::fs::write(&path, other.to_string()).expect("written");
    let path = path.to_string_lossy().into_owned();
    let hash = |baseline: &str| {
        json(&["plan", UPDATE, "--baseline", baseline, "-f", "json"])["provenance"]["inputs_sha256"]
            .clone()
    };
    assert_ne!(hash(ADOPTED), hash(&path));
    assert_eq!(hash(ADOPTED), hash(ADOPTED));
}
