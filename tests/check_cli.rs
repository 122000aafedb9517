//! `resiplan check` driven as a user would: exit codes, summaries, stdin, encodings, JSON.

use crate::support::{resiplan, root};
use predicates::prelude::*;
use resiplan::pipeline::check::check_file;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

#[test]
fn shipped_example_and_catalogs_check_clean() {
    let mut files = vec!["examples/musterstadt.yaml".to_owned()];
    for entry in std::fs::read_dir(root().join("catalogs")).expect("catalogs") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            files.push(format!(
                "catalogs/{}",
                path.file_name().expect("name").to_string_lossy()
            ));
        }
    }
    let output = resiplan().arg("check").args(&files).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "check failed:\n{stderr}");
    assert!(
        !stderr.contains("warning"),
        "the shipped files should not warn:\n{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), files.len());
    assert!(
        stdout.lines().next().is_some_and(|l| l
            .starts_with("examples/musterstadt.yaml: ok, portfolio: ")
            && l.contains("20 periods (2027-Q1–2031-Q4), 3 resources")),
        "{stdout}"
    );
}

#[test]
fn summary_line_counts_measures_dependencies_and_chain() {
    resiplan()
        .args(["check", MINIMAL])
        .assert()
        .success()
        .stdout(
            "tests/fixtures/ok/minimal.yaml: ok, portfolio: 4 measures, 3 dependencies, \
             8 periods (2027-Q1–2028-Q4), 1 resource, longest chain 6 periods (inventory → isms → certified → awareness)\n",
        )
        .stderr("");
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read_to_string(root().join(MINIMAL)).expect("fixture");
    resiplan()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "<stdin>: ok, portfolio: 4 measures",
        ));
}

#[test]
fn bom_and_crlf_read_like_plain_utf8() {
    let text = std::fs::read_to_string(root().join(MINIMAL)).expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("windows.yaml");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    std::fs::write(&path, bytes).expect("write");
    resiplan()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok, portfolio: 4 measures, 3 dependencies",
        ));
}

#[test]
fn crlf_errors_point_at_the_same_line_and_column() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/broken/unknown-dependency.yaml"))
            .expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crlf.yaml");
    std::fs::write(&path, text.replace('\n', "\r\n")).expect("write");
    resiplan().arg("check").arg(&path).assert().code(1).stderr(
        predicate::str::contains("crlf.yaml:14:18")
            .and(predicate::str::contains("crlf.yaml:14:30")),
    );
}

#[test]
fn one_bad_file_fails_the_run_but_good_files_are_summarised() {
    resiplan()
        .args([
            "check",
            MINIMAL,
            "tests/fixtures/broken/self-dependency.yaml",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "tests/fixtures/ok/minimal.yaml: ok",
        ))
        .stderr(
            predicate::str::contains("self-dependency.yaml:11:18")
                .and(predicate::str::contains("error: 1 problem in 1 file")),
        );
}

#[test]
fn json_diagnostics_carry_positions_and_help() {
    let output = resiplan()
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/broken/unknown-dependency.yaml",
            MINIMAL,
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(report["format_version"], 2);
    assert_eq!(report["ok"], false);
    let broken = &report["files"][0];
    assert_eq!(broken["ok"], false);
    let first = &broken["diagnostics"][0];
    assert_eq!(first["code"], "unknown-dependency");
    assert_eq!(
        first["file"],
        "tests/fixtures/broken/unknown-dependency.yaml"
    );
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(14), Some(18))
    );
    assert!(
        first["help"]
            .as_str()
            .is_some_and(|h| h.contains("`backup-321`"))
    );
    assert_eq!(broken["diagnostics"][1]["column"], 30);
    let good = &report["files"][1];
    assert_eq!(good["ok"], true);
    assert_eq!(good["summary"]["measures"], 4);
    assert_eq!(good["summary"]["longest_chain"], 6);
}

#[test]
fn usage_errors_exit_with_2() {
    resiplan().arg("check").assert().code(2);
    resiplan().arg("frobnicate").assert().code(2);
    resiplan()
        .args(["check", "--format", "xml", MINIMAL])
        .assert()
        .code(2);
}

#[test]
fn missing_file_is_a_clear_error() {
    resiplan()
        .args(["check", "no/such/portfolio.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `no/such/portfolio.yaml`: no such file",
        ));
}

#[test]
fn oversized_file_is_refused_without_parsing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.yaml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    let repeats = (resiplan::load::MAX_FILE_BYTES as usize / line.len()) + 10;
    std::fs::write(&path, line.repeat(repeats)).expect("write");
    resiplan()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is larger than 32 MiB"));
}

#[test]
fn utf16_file_is_named_as_such() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("utf16.yaml");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "version: 1\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&path, bytes).expect("write");
    resiplan().arg("check").arg(&path).assert().code(1).stderr(
        predicate::str::contains("UTF-16").and(predicate::str::contains("save it as UTF-8")),
    );
}

#[test]
fn local_measure_adapts_an_included_one() {
    let outcome = check_file(&root().join("tests/fixtures/ok/adapted.yaml"));
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
    let document = outcome.document.expect("document");
    let ids: Vec<&str> = document
        .measures
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    assert_eq!(
        ids,
        ["inventory", "isms", "local-only"],
        "only selected ids are included, local ones follow"
    );
    let isms = &document.measures[1];
    assert_eq!(isms.duration.value, 3, "local field wins");
    assert_eq!(
        isms.cost[0].1.value, 150_000.0,
        "catalog field kept where not overridden"
    );
    let catalog = outcome.sources.display_path(isms.cost[0].1.span.file);
    assert!(
        catalog.ends_with("fixture-catalog.yaml"),
        "position stays in the catalog: {catalog}"
    );
    let portfolio = outcome.sources.display_path(isms.duration.span.file);
    assert!(portfolio.ends_with("adapted.yaml"), "{portfolio}");
}

#[test]
fn help_lists_the_check_command() {
    resiplan()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check"));
    resiplan()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("resiplan "));
}

#[test]
fn every_ok_fixture_and_fixture_catalog_checks_clean() {
    for dir in ["tests/fixtures/ok", "tests/fixtures/catalogs"] {
        for entry in std::fs::read_dir(root().join(dir)).expect("fixture dir") {
            let path = entry.expect("entry").path();
            let outcome = check_file(&path);
            assert!(
                !outcome.failed(),
                "{}: {:?}",
                path.display(),
                outcome.diagnostics
            );
        }
    }
}

#[test]
fn a_catalog_can_add_a_dimension() {
    let outcome = check_file(&root().join("tests/fixtures/ok/with-catalog-dimension.yaml"));
    let document = outcome.document.expect("document");
    let ids: Vec<&str> = document
        .dimensions
        .iter()
        .map(|d| d.id.value.as_str())
        .collect();
    assert_eq!(ids.len(), 8, "7 defaults plus the catalog's: {ids:?}");
    assert_eq!(ids[7], "climate");
    assert_eq!(document.dimensions[7].weight.value, 2.0);
}

#[test]
fn look_alike_warnings_are_capped_in_text_but_complete_in_json() {
    let file = "tests/fixtures/ok/many-warnings.yaml";
    let output = resiplan().args(["check", file]).output().expect("runs");
    assert!(output.status.success(), "warnings do not fail the check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("warning[unreachable]").count(),
        10,
        "{stderr}"
    );
    assert!(
        stderr.contains("2 more `unreachable` warnings not shown"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &resiplan()
            .args(["check", "--format", "json", file])
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("JSON");
    assert_eq!(
        json["files"][0]["diagnostics"].as_array().map(Vec::len),
        Some(12)
    );
}

#[test]
fn a_problem_in_an_included_measure_says_where_to_fix_it() {
    let dir = tempfile::tempdir().expect("a directory");
    std::fs::write(
        dir.path().join("lib.yaml"),
        "version: 1\nname: Lib\nmeasures:\n  - { id: long, name: Long, duration: 5, impact: { protection: 2 } }\n",
    )
    .expect("written");
    std::fs::write(
        dir.path().join("p.yaml"),
        "version: 1\nname: P\ncalendar: { period: year, start: 2027, end: 2028 }\ninclude:\n  - { catalog: lib.yaml, measures: [long] }\n",
    )
    .expect("written");
    let output = crate::support::resiplan()
        .current_dir(dir.path())
        .args(["check", "p.yaml"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(stderr.contains("--> lib.yaml:4:"), "{stderr}");
    assert!(
        stderr.contains("this is in an included catalog: to change it for this portfolio"),
        "{stderr}"
    );
    // The same problem written in the portfolio itself gets no such note.
    std::fs::write(
        dir.path().join("q.yaml"),
        "version: 1\nname: Q\ncalendar: { period: year, start: 2027, end: 2028 }\nmeasures:\n  - { id: long, name: Long, duration: 5, impact: { protection: 2 } }\n",
    )
    .expect("written");
    let output = crate::support::resiplan()
        .current_dir(dir.path())
        .args(["check", "q.yaml"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        !stderr.is_empty() && !stderr.contains("included catalog"),
        "{stderr}"
    );
}

#[test]
fn an_impact_that_is_not_a_mapping_is_shown_a_mapping_by_dimension() {
    let text = "version: 1\nname: T\ncalendar: { period: year, start: 2028, end: 2031 }\n\
                resources:\n  budget: { unit: EUR, capacity: 1M }\nmeasures:\n  - id: a\n    \
                name: A\n    duration: 1\n    cost: { budget: 10k }\n    impact: 5\n";
    resiplan()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`impact` of measure `a` must be a mapping like `{ protection: 3 }`",
        ));
}
