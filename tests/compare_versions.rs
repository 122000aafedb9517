//! `compare OLD NEW`: two versions of a portfolio side by side, with the gates' verdicts in
//! the report (every format), and `--summary` small enough for a pull-request comment.

use crate::support::resiplan;
use predicates::prelude::*;
use std::path::Path;

/// A generated portfolio of `n` measures on a yearly budget of `capacity`; every
/// `drop`-th measure left out (0: none), as a pull request might remove them.
fn generated(n: usize, capacity: &str, drop: usize) -> String {
    let mut text = format!(
        "version: 1\nname: Generated portfolio\nlanguage: en\n\
         calendar: {{ period: year, start: 2027, end: 2031 }}\n\
         resources:\n  budget: {{ unit: EUR, capacity: {capacity} }}\nmeasures:\n"
    );
    let kept = |i: usize| drop == 0 || !i.is_multiple_of(drop);
    for i in (0..n).filter(|&i| kept(i)) {
        let dependency = if i % 49 == 0 && i >= 49 && kept(i - 49) {
            format!(", depends_on: [m{:04}]", i - 49)
        } else {
            String::new()
        };
        text.push_str(&format!(
            "  - {{ id: m{i:04}, name: 'Measure {i} with a rather long descriptive name to fill \
             the table cells of a report', duration: {}, cost: {{ budget: {}k }}, \
             impact: {{ protection: {}, recovery: {} }}{dependency} }}\n",
            1 + i % 3,
            50 + (i * 37) % 200,
            i % 5 + 1,
            (i * 3) % 5 + 1,
        ));
    }
    text
}

/// Old and new version in a temporary directory.
fn versions(old: &str, new: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("old.yaml"), old).expect("written");
    std::fs::write(dir.path().join("new.yaml"), new).expect("written");
    dir
}

fn compare(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    resiplan()
        .current_dir(dir)
        .arg("compare")
        .args(args)
        .args(["--effort", "quick", "--quiet"])
        .assert()
}

#[test]
fn gate_results_are_in_the_markdown_and_the_run_exits_4() {
    let dir = versions(&generated(60, "1.2M", 0), &generated(60, "0.9M", 10));
    let out = dir.path().join("c.md");
    compare(
        dir.path(),
        &["old.yaml", "new.yaml", "--fail-if-loss-above", "5"],
    )
    .code(4);
    compare(
        dir.path(),
        &[
            "old.yaml",
            "new.yaml",
            "--fail-if-loss-above",
            "5",
            "--fail-if-dropped",
            "m0001",
            "-f",
            "markdown",
            "-o",
            "c.md",
        ],
    )
    .code(4)
    .stdout("")
    .stderr(predicate::str::contains(
        "error: gate failed: new.yaml: loses",
    ));
    let markdown = std::fs::read_to_string(&out).expect("written");
    let lines: Vec<&str> = markdown.lines().collect();
    // Title, then the gates before anything else.
    assert_eq!(lines[0], "# Version comparison: Generated portfolio");
    assert_eq!(lines[2], "### Gates: 1 of 2 failed");
    assert_eq!(lines[4], "| Result | Gate | Column | Figures |");
    assert!(
        lines[6].starts_with("| ✗ FAILED | `--fail-if-loss-above 5` | new.yaml | loses "),
        "{}",
        lines[6]
    );
    assert!(
        lines[6].ends_with(" % of the resilience (limit 5.0 %) |"),
        "{}",
        lines[6]
    );
    assert!(
        lines[7].starts_with("| ✓ passed | `--fail-if-dropped m0001` | new.yaml | "),
        "{}",
        lines[7]
    );
    // The old version heads the base column; removed measures are dropped.
    assert!(
        markdown.contains("| Figure | old.yaml | new.yaml |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| `m0000` | Measure 0 ")
            && markdown.contains("| not in the portfolio |"),
        "{markdown}"
    );

    // `--base OLD NEW` is the same comparison.
    compare(
        dir.path(),
        &[
            "--base",
            "old.yaml",
            "new.yaml",
            "--fail-if-loss-above",
            "5",
            "--fail-if-dropped",
            "m0001",
            "-f",
            "markdown",
            "-o",
            "c2.md",
        ],
    )
    .code(4);
    let same = std::fs::read_to_string(dir.path().join("c2.md")).expect("written");
    assert_eq!(same, markdown);
    compare(
        dir.path(),
        &[
            "new.yaml",
            "--base",
            "old.yaml",
            "--fail-if-loss-above",
            "5",
            "--fail-if-dropped",
            "m0001",
            "-f",
            "markdown",
            "-o",
            "c2.md",
        ],
    )
    .code(4);
    let same = std::fs::read_to_string(dir.path().join("c2.md")).expect("written");
    assert_eq!(same, markdown);

    // A generous limit passes, and says so.
    compare(
        dir.path(),
        &[
            "old.yaml",
            "new.yaml",
            "--fail-if-loss-above",
            "90",
            "-f",
            "markdown",
        ],
    )
    .success()
    .stdout(predicate::str::contains("### Gates: all passed\n"));
}

#[test]
fn every_format_carries_every_gate_with_its_figures() {
    let dir = versions(&generated(60, "1.2M", 0), &generated(60, "0.9M", 10));
    let args = [
        "old.yaml",
        "new.yaml",
        "--fail-if-loss-above",
        "5",
        "--fail-if-delayed",
        "m0001",
    ];
    let output = resiplan()
        .current_dir(dir.path())
        .args(["compare", "-f", "json", "--effort", "quick", "--quiet"])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(4));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["base_path"], "old.yaml");
    let gates = json["gates"].as_array().expect("gates");
    assert_eq!(gates.len(), 2);
    assert_eq!(gates[0]["gate"], "max-loss");
    assert_eq!(gates[0]["passed"], false);
    assert_eq!(gates[0]["limit"], 0.05);
    assert!(gates[0]["loss"].as_f64().expect("loss") > 0.05);
    assert_eq!(gates[1]["gate"], "on-time");
    assert_eq!(gates[1]["measure"], "m0001");
    assert!(gates[1]["from"]["state"].is_string());
    // Whether m0001 is late depends on the search; every format must agree with the JSON.
    let failed = gates.iter().filter(|g| g["passed"] == false).count();
    let finish = |side: &str| gates[1][side]["finish"].as_str().map(str::to_owned);
    assert_eq!(
        gates[1]["passed"],
        matches!((finish("from"), finish("to")), (Some(from), Some(to)) if to <= from)
    );
    assert_eq!(
        json["violations"].as_array().expect("violations").len(),
        failed
    );
    for summary in [&[][..], &["--summary"][..]] {
        let output = resiplan()
            .current_dir(dir.path())
            .args(["compare", "-f", "table", "--effort", "quick", "--quiet"])
            .args(args)
            .args(summary)
            .output()
            .expect("runs");
        let table = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            table.contains(&format!("Gates: {failed} of 2 failed")),
            "{table}"
        );
        assert!(table.contains("--fail-if-delayed m0001"), "{table}");
    }
}

#[test]
fn the_summary_of_a_2000_measure_pair_stays_under_60_kb() {
    let dir = versions(&generated(2000, "60M", 0), &generated(2000, "45M", 10));
    let args = [
        "old.yaml",
        "new.yaml",
        "--fail-if-loss-above",
        "5",
        "-f",
        "markdown",
    ];
    let full = resiplan()
        .current_dir(dir.path())
        .args(["compare", "--effort", "quick", "--quiet"])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(full.status.code(), Some(4));
    // Without the summary the comment would be too large for GitHub.
    assert!(full.stdout.len() > 65_536, "{}", full.stdout.len());
    let summary = resiplan()
        .current_dir(dir.path())
        .args(["compare", "--summary", "--effort", "quick", "--quiet"])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(summary.status.code(), Some(4));
    let text = String::from_utf8(summary.stdout).expect("UTF-8");
    assert!(text.len() < 60_000, "{}", text.len());
    assert!(text.contains("### Gates: 1 of 1 failed"), "{text}");
    assert!(
        text.contains("Changes: ") && text.contains(" dropped · "),
        "{text}"
    );
    assert!(
        text.contains("more (the full report: without --summary)"),
        "{text}"
    );
}

#[test]
fn versions_and_scenarios_are_not_mixed_and_one_is_needed() {
    let minimal = "tests/fixtures/ok/minimal.yaml";
    resiplan()
        .args(["compare", minimal])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--scenario"));
    resiplan()
        .args([
            "compare",
            minimal,
            minimal,
            "--scenario",
            "examples/scenarios/musterstadt-sparhaushalt.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    resiplan()
        .args(["compare", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "both versions cannot be read from standard input",
        ));
    // A gate may name a measure that only the new version has; one neither has is refused.
    resiplan()
        .args(["compare", minimal, minimal, "--fail-if-dropped", "isms"])
        .assert()
        .success();
    resiplan()
        .args(["compare", minimal, minimal, "--fail-if-dropped", "ismz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `isms`?"));
}
