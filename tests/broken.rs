//! One broken portfolio per problem kind: the whole message is snapshotted, positions included.

use crate::support::{resiplan, root};

fn check_stderr(relative: &str) -> String {
    let output = resiplan().args(["check", relative]).output().expect("runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{relative} should fail with exit 1"
    );
    assert!(
        output.stdout.is_empty(),
        "{relative}: nothing on stdout for a broken file"
    );
    String::from_utf8(output.stderr).expect("stderr is UTF-8")
}

#[test]
fn every_broken_fixture_fails_with_its_snapshotted_message() {
    let dir = root().join("tests/fixtures/broken");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 30,
        "expected a fixture per problem kind, found {}",
        names.len()
    );
    for name in names {
        let stderr = check_stderr(&format!("tests/fixtures/broken/{name}"));
        assert!(!stderr.contains("panicked"), "{name} panicked:\n{stderr}");
        let stem = name.trim_end_matches(".yaml");
        insta::assert_snapshot!(format!("broken_{stem}"), stderr);
    }
}

/// Every problem kind the issue names must be produced by some fixture (by its code).
#[test]
fn fixtures_cover_every_problem_kind() {
    let codes = [
        "yaml-syntax",
        "duplicate-key",
        "wrong-type",
        "unknown-field",
        "unsupported-version",
        "duplicate-id",
        "unknown-dependency",
        "self-dependency",
        "dependency-cycle",
        "unknown-dimension",
        "unknown-resource",
        "impact-above-scale",
        "negative-number",
        "invalid-number",
        "invalid-period",
        "outside-horizon",
        "end-before-start",
        "deadline-before-earliest",
        "duration-too-long",
        "missing-include",
        "include-cycle",
        "fixed-without-start",
        "invalid-encoding",
        "empty-file",
        "resource-limit",
        "deadline-unreachable",
        "mandatory-unreachable",
        "period-kind-mismatch",
        "missing-field",
    ];
    let output = resiplan()
        .args(["check", "--format", "json"])
        .args(
            std::fs::read_dir(root().join("tests/fixtures/broken"))
                .expect("fixture dir")
                .filter_map(|e| e.ok())
                .map(|e| e.path()),
        )
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let found: Vec<String> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    for code in codes {
        assert!(
            found.iter().any(|c| c == code),
            "no fixture produces `{code}`"
        );
    }
}
