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
