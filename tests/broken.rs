//! One broken portfolio per problem kind: the whole message is snapshotted, positions included.

use crate::support::{resiplan, root};
use resiplan::diagnostic::Code;

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

/// Runs that produce the problems a broken portfolio under `check` cannot: other
/// commands, scenarios, `--set`, warnings, the importer.
fn other_runs(big: &std::path::Path) -> Vec<Vec<String>> {
    let big = big.to_string_lossy().into_owned();
    let minimal = "tests/fixtures/ok/minimal.yaml";
    let gs = |name: &str| format!("tests/fixtures/grundschutz/{name}.json");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", "no/such/portfolio.yaml"],
        vec!["plan", "tests/fixtures/funding/sustainability.yaml"],
        vec!["check", &big],
        vec!["plan", "tests/fixtures/ok/fixture-catalog.yaml"],
        vec!["catalog", "show", minimal],
        vec!["check", minimal, "--scenario", "examples/musterstadt.yaml"],
        vec!["check", minimal, "--set", "include=[]"],
        vec!["check", minimal, "--set", "measures.nosuch.duration=1"],
        vec![
            "check",
            "examples/musterstadt.yaml",
            "--scenario",
            "tests/fixtures/scenarios/exclude-cascade.yaml",
        ],
        vec![
            "check",
            minimal,
            "--set",
            "measures.awareness.earliest=2026-Q1",
        ],
        vec!["check", "tests/fixtures/ok/many-warnings.yaml"],
        vec!["check", "tests/fixtures/ok/obligation-warnings.yaml"],
        vec!["check", "tests/fixtures/ok/pairwise-inconsistent.yaml"],
        vec!["check", "tests/fixtures/maturity/warnings.yaml"],
        vec!["check", "tests/fixtures/ok/uncertain-estimates.yaml"],
        vec!["plan", "tests/fixtures/infeasible/mandatory.yaml"],
        vec!["plan", "tests/fixtures/infeasible/choice.yaml"],
        vec!["plan", "tests/fixtures/infeasible/balance.yaml"],
        vec!["plan", "tests/fixtures/infeasible/fixed-overrun.yaml"],
        vec!["plan", "tests/fixtures/infeasible/fixed-prerequisite.yaml"],
    ];
    let mut runs: Vec<Vec<String>> = runs
        .into_iter()
        .map(|r| r.into_iter().map(str::to_owned).collect())
        .collect();
    for name in [
        "not-json",
        "not-oscal",
        "effort-level",
        "unknown-link",
        "cycle",
    ] {
        runs.push(vec!["import".into(), "grundschutz".into(), gs(name)]);
    }
    runs
}

/// Every problem kind resiplan knows (`Code::ALL`) is produced: by a broken fixture under
/// `check`, or by one of the other runs. A new code without a way to produce it fails here.
#[test]
fn every_problem_code_is_produced_by_a_fixture_or_a_run() {
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
    let mut found: Vec<String> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    // A file over the size limit, made sparse so that it costs nothing to write.
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.yaml");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(resiplan::load::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    for run in other_runs(&big) {
        let output = resiplan().args(&run).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        for code in Code::ALL {
            let marker = |severity: &str| format!("{severity}[{}]", code.name());
            if stderr.contains(&marker("error")) || stderr.contains(&marker("warning")) {
                found.push(code.name().to_owned());
            }
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.name())
        .filter(|name| !found.iter().any(|f| f == name))
        .collect();
    assert!(missing.is_empty(), "no fixture or run produces {missing:?}");
}

/// The README's table of problem codes is `Code::ALL` with each code's meaning.
#[test]
fn readme_lists_every_problem_code() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let start = "<!-- problem codes: generated from src/diagnostic/code.rs (`Code`); a test keeps them equal -->\n";
    let table = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("<!-- end of problem codes -->"))
        .map(|(table, _)| table)
        .expect("README has the table of problem codes");
    let mut expected = String::from("| code | problem |\n| --- | --- |\n");
    for code in Code::ALL {
        expected.push_str(&format!("| `{}` | {} |\n", code.name(), code.meaning()));
    }
    assert_eq!(
        table, expected,
        "README's problem codes differ from `Code::ALL`"
    );
}
