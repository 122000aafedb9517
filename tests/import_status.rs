//! `import grundschutz --status FILE`: controls already implemented become `status: done`,
//! partly done ones keep half their effort and duration, in YAML and CSV alike; a broken
//! status file is refused with every problem at its line and column, and nothing is written.

use crate::support::{resiplan, stdout};

const ORDER: &str = "tests/fixtures/grundschutz/order.json";
const FIXTURES: &str = "tests/fixtures/grundschutz";

/// The lines of measure `id` in a portfolio.
fn block<'a>(portfolio: &'a str, id: &str) -> &'a str {
    let from = portfolio
        .find(&format!("  - id: {id}\n"))
        .unwrap_or_else(|| panic!("{id} listed"));
    let rest = &portfolio[from + 4..];
    &rest[..rest.find("\n  - id: ").unwrap_or(rest.len())]
}

#[test]
fn done_and_partial_controls_are_imported_as_such_from_yaml_and_csv() {
    let yaml = stdout(&[
        "import",
        "grundschutz",
        ORDER,
        "--status",
        &format!("{FIXTURES}/status.yaml"),
    ]);
    let csv = stdout(&[
        "import",
        "grundschutz",
        ORDER,
        "--status",
        &format!("{FIXTURES}/status.csv"),
    ]);
    for text in [&yaml, &csv] {
        for id in ["BER.1.1", "BER.1.1.1"] {
            let done = block(text, id);
            assert!(done.contains("status: done"), "{done}");
            assert!(
                !done.contains("depends_on"),
                "a done control waits for nothing"
            );
        }
        // Effort level 5: twelve months and 120 person-days, half of each left.
        let partial = block(text, "BER.2.1");
        assert!(partial.contains("duration: 2\n"), "{partial}");
        assert!(partial.contains("cost: { staff: 60 }"), "{partial}");
        assert!(partial.contains("teilweise"), "{partial}");
        let open = block(text, "BER.2.3");
        assert!(!open.contains("status:") && open.contains("cost: { staff: 60 }"));
        // The milestone of the MUSS stage needs only what is still open.
        assert!(block(text, "gs-stufe-muss").contains("depends_on: [NOT.1.1, NOT.1.1.1]"));
        assert!(text.contains("#   2 done (`status: done`), 1 partly done"));
    }
    // BER.3.1 (erhöht) is outside the default selection: named, not imported.
    assert!(yaml.contains("1 control outside the selection is marked done or partial there"));
    assert!(!yaml.contains("  - id: BER.3.1\n"));
    // The portfolio checks and plans with its done controls.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("status.yaml");
    std::fs::write(&file, &yaml).expect("write");
    let plan: serde_json::Value = serde_json::from_str(&stdout(&[
        "plan",
        file.to_str().expect("UTF-8"),
        "-f",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(plan["summary"]["done"], 2);
}

#[test]
fn per_practice_packages_count_only_what_is_still_open() {
    let text = stdout(&[
        "import",
        "grundschutz",
        ORDER,
        "--per-practice",
        "--status",
        &format!("{FIXTURES}/status.yaml"),
    ]);
    let muss = block(&text, "gs-muss");
    // NOT.1.1 and NOT.1.1.1 are open: 10 person-days in FTE-quarters.
    assert!(muss.contains("cost: { staff: 0.17 }"), "{muss}");
    assert!(
        muss.contains("laut Status-Datei 2 umgesetzt, 0 teilweise"),
        "{muss}"
    );
}

#[test]
fn a_broken_status_file_is_refused_with_every_problem_at_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("kept.yaml");
    for name in ["status-broken.yaml", "status-broken.csv"] {
        std::fs::write(&out, "old content\n").expect("write");
        let output = resiplan()
            .args(["import", "grundschutz", ORDER, "--status"])
            .arg(format!("{FIXTURES}/{name}"))
            .arg("-o")
            .arg(&out)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert_eq!(
            std::fs::read_to_string(&out).expect("kept"),
            "old content\n"
        );
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        let at = format!("--> {FIXTURES}/{name}:");
        assert_eq!(
            stderr.matches("error[").count(),
            stderr.matches(&at).count(),
            "every problem has its line and column:\n{stderr}"
        );
        insta::assert_snapshot!(format!("import_{name}"), stderr);
    }
    // A status file that is not there is a file the command line names: exit 2.
    let output = resiplan()
        .args(["import", "grundschutz", ORDER, "--status"])
        .arg(format!("{FIXTURES}/absent.yaml"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read the status file"));
    // Standard input can be read once: the catalog or the status file.
    let output = resiplan()
        .args(["import", "grundschutz", "-", "--status", "-"])
        .write_stdin(std::fs::read(crate::support::root().join(ORDER)).expect("fixture"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("cannot both be read from standard input")
    );
}
