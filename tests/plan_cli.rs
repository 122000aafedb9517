//! `plan` and `rank` as users drive them: every format and language snapshotted,
//! byte-stable output, atomic `-o`, the `--check` drift gate, infeasible inputs.

use crate::support::{resiplan, root, stdout};
use predicates::prelude::*;

const EXAMPLE: &str = "examples/musterstadt.yaml";
const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

#[test]
fn plan_snapshots_in_every_format_and_language() {
    for file in [EXAMPLE, MINIMAL] {
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("x")
            .to_owned();
        for format in ["table", "markdown", "json"] {
            for lang in ["de", "en"] {
                if format == "json" && lang == "en" {
                    continue; // JSON does not depend on the language except for names and reasons
                }
                let text = stdout(&["plan", file, "--format", format, "--lang", lang]);
                insta::assert_snapshot!(format!("plan_{stem}_{format}_{lang}"), text);
            }
        }
    }
}

#[test]
fn rank_snapshots() {
    for format in ["table", "markdown", "json"] {
        let text = stdout(&["rank", EXAMPLE, "--format", format, "--lang", "en"]);
        insta::assert_snapshot!(format!("rank_musterstadt_{format}"), text);
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["table", "markdown", "json"] {
        let first = stdout(&["plan", EXAMPLE, "--format", format]);
        let second = stdout(&["plan", EXAMPLE, "--format", format]);
        assert_eq!(first, second, "{format} differs between runs");
    }
}

#[test]
fn language_defaults_to_the_portfolio_then_english() {
    assert!(
        stdout(&["plan", EXAMPLE]).contains("Roadmap nach Quartalen"),
        "musterstadt says language: de (and plans in quarters)"
    );
    assert!(stdout(&["plan", EXAMPLE, "--lang", "en"]).contains("Roadmap by quarter"));
    assert!(
        stdout(&["plan", MINIMAL]).contains("Roadmap by quarter"),
        "minimal says language: en (and plans in quarters)"
    );
}

#[test]
fn table_fits_100_columns_when_piped() {
    let text = stdout(&["plan", EXAMPLE]);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 100, "widest line has {widest} columns");
    assert!(!text.contains('\u{1b}'), "no colour codes when piped");
}

#[test]
fn json_has_a_versioned_root_and_labels_per_measure() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["plan", EXAMPLE, "--format", "json"])).expect("JSON");
    assert_eq!(json["format_version"], 2);
    let measures = json["measures"].as_array().expect("measures");
    assert_eq!(measures.len(), 39);
    for measure in measures {
        assert!(measure["id"].is_string());
        match measure["status"].as_str() {
            Some("scheduled") => {
                assert!(measure["start"].is_string() && measure["finish"].is_string())
            }
            Some("done") | Some("not_scheduled") => {
                assert!(measure["start"].is_null() && measure["finish"].is_null())
            }
            other => panic!("unexpected status {other:?}"),
        }
        if measure["status"] == "not_scheduled" {
            assert!(
                measure["reason"]["text"].is_string(),
                "a reason for {}",
                measure["id"]
            );
        }
    }
}

#[test]
fn output_file_is_written_and_checked_for_drift() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("ROADMAP.md");
    let out_arg = out.to_str().expect("utf-8 path");
    resiplan()
        .args(["plan", EXAMPLE, "-f", "markdown", "-o", out_arg])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, stdout(&["plan", EXAMPLE, "-f", "markdown"]));
    resiplan()
        .args(["plan", EXAMPLE, "-f", "markdown", "-o", out_arg, "--check"])
        .assert()
        .success()
        .stderr(predicate::str::contains("is up to date"));
    std::fs::write(&out, written.replacen("2027", "2026", 1)).expect("edit");
    resiplan()
        .args(["plan", EXAMPLE, "-f", "markdown", "-o", out_arg, "--check"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is out of date: 1 line differs"));
    assert!(
        std::fs::read_to_string(&out)
            .expect("still there")
            .contains("2026"),
        "--check writes nothing"
    );
    let missing = dir.path().join("missing.md");
    resiplan()
        .args([
            "plan",
            EXAMPLE,
            "-o",
            missing.to_str().expect("path"),
            "--check",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("does not exist"));
    assert!(!missing.exists());
}

#[test]
fn check_flag_needs_an_output_file() {
    resiplan()
        .args(["plan", EXAMPLE, "--check"])
        .assert()
        .code(2);
}

#[test]
fn a_broken_portfolio_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("ROADMAP.md");
    std::fs::write(&out, "previous roadmap\n").expect("seed");
    resiplan()
        .args([
            "plan",
            "tests/fixtures/broken/dependency-cycle.yaml",
            "-o",
            out.to_str().expect("path"),
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("dependency cycle")
                .and(predicate::str::contains("nothing was written")),
        );
    assert_eq!(
        std::fs::read_to_string(&out).expect("kept"),
        "previous roadmap\n"
    );
    let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary files left behind");
}

#[test]
fn infeasible_portfolios_name_the_blocking_chain() {
    for name in ["mandatory", "fixed-overrun"] {
        let output = resiplan()
            .args(["plan", &format!("tests/fixtures/infeasible/{name}.yaml")])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stdout.is_empty());
        insta::assert_snapshot!(
            format!("infeasible_{name}"),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn catalogs_cannot_be_planned() {
    resiplan()
        .args(["plan", "catalogs/sicherheit-kontinuitaet.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a catalog, not a portfolio"));
}

#[test]
fn plan_reads_standard_input() {
    let text = std::fs::read_to_string(root().join(MINIMAL)).expect("fixture");
    resiplan()
        .args(["plan", "-", "-f", "json"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"format_version\": 2"));
}

#[test]
fn effort_and_seed_are_options_and_deterministic() {
    for effort in ["quick", "normal", "thorough", "300"] {
        let first = stdout(&[
            "plan", EXAMPLE, "-f", "json", "--effort", effort, "--seed", "7",
        ]);
        let second = stdout(&[
            "plan", EXAMPLE, "-f", "json", "--effort", effort, "--seed", "7",
        ]);
        assert_eq!(first, second, "--effort {effort} is not deterministic");
    }
    resiplan()
        .args(["plan", EXAMPLE, "--effort", "hard"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an effort"));
}

#[test]
fn more_effort_never_gives_a_worse_roadmap() {
    let objective = |effort: &str| -> f64 {
        let json: serde_json::Value = serde_json::from_str(&stdout(&[
            "plan", EXAMPLE, "-f", "json", "--effort", effort,
        ]))
        .expect("JSON");
        json["objective"].as_f64().expect("objective")
    };
    let (quick, normal) = (objective("quick"), objective("normal"));
    assert!(normal >= quick, "normal {normal} < quick {quick}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["plan", EXAMPLE, "-f", "json"])).expect("JSON");
    let share = json["bound"]["share"].as_f64().expect("share");
    assert!(
        share > 0.9 && share <= 1.0,
        "the example's roadmap reaches {share} of its bound"
    );
}

#[test]
fn terminal_reports_carry_no_escape_sequences_from_portfolio_text() {
    let portfolio = "version: 1\nname: \"Evil \\e]0;retitled\\a name\"\ncalendar: { period: year, start: 2027, end: 2028 }\nresources: { budget: { unit: EUR, capacity: 100 } }\nmeasures:\n  - { id: a, name: \"Red \\e[31mtext\", duration: 1, cost: { budget: 10 }, impact: { protection: 3 } }\n";
    for args in [
        vec!["plan", "-", "--lang", "en"],
        vec!["rank", "-"],
        vec!["explain", "-", "a"],
    ] {
        let output = resiplan()
            .args(&args)
            .write_stdin(portfolio)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{args:?}");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text}"
        );
        assert!(
            text.contains('\u{FFFD}'),
            "{args:?}: the characters are shown, not dropped"
        );
    }
}

#[test]
fn a_measure_whose_dependencies_end_the_horizon_says_so() {
    // A milestone after a measure that runs to the last period would be reached only after it.
    let portfolio = "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2028 }\nmeasures:\n  - { id: a, name: A, duration: 2, impact: { protection: 2 } }\n  - { id: m, name: M, duration: 0, depends_on: [a], impact: { governance: 1 } }\n";
    let output = resiplan()
        .args(["plan", "-", "--lang", "en", "-f", "markdown"])
        .write_stdin(portfolio)
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("its dependencies or `earliest` allow 2029 at the earliest, after the horizon ends in 2028"),
        "{text}"
    );
}

#[test]
fn no_format_passes_escape_sequences_through() {
    let file = "tests/fixtures/ok/escape-sequences.yaml";
    let mut runs: Vec<Vec<&str>> = ["table", "markdown", "json", "csv", "mermaid", "html"]
        .iter()
        .map(|f| vec!["plan", file, "-f", f])
        .collect();
    runs.extend([
        vec!["rank", file, "-f", "markdown"],
        vec!["rank", file, "-f", "csv"],
        vec!["explain", file, "a", "-f", "markdown"],
        vec!["frontier", file, "--steps", "2", "-f", "markdown"],
        vec!["graph", file, "-f", "dot"],
        vec!["graph", file, "-f", "mermaid"],
    ]);
    for args in runs {
        let output = resiplan().args(&args).output().expect("runs");
        assert!(output.status.success(), "{args:?}");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?} passes a control character through"
        );
    }
}
