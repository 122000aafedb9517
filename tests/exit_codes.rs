//! Exit codes a CI script relies on: each documented code is produced, a file named on the
//! command line that cannot be read (2) is told apart from an invalid one (1), and the
//! README, `--help` and the man page list the codes `resiplan::error::Exit` defines.

use crate::support::{resiplan, root, stdout};
use resiplan::error::Exit;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";
const TWO: &str = "tests/fixtures/ok/two-measures.yaml";
const LATER: &str = "tests/fixtures/scenarios/later-horizon.yaml";

/// The exit code and the standard error of a run.
fn run(args: &[&str]) -> (i32, String) {
    let output = resiplan().args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), stderr)
}

fn assert_exit(args: &[&str], expected: i32, says: &str) {
    let (code, stderr) = run(args);
    assert_eq!(code, expected, "{args:?}:\n{stderr}");
    assert!(
        stderr.contains(says),
        "{args:?} should say {says:?}:\n{stderr}"
    );
}

#[test]
fn success_is_0() {
    assert_exit(&["plan", MINIMAL], 0, "");
    assert_exit(&["check", MINIMAL, TWO], 0, "");
}

#[test]
fn invalid_input_is_1() {
    let cycle = "tests/fixtures/broken/dependency-cycle.yaml";
    assert_exit(&["plan", cycle], 1, "nothing was written");
    assert_exit(&["check", cycle], 1, "error: 1 problem in 1 file");
    assert_exit(&["check", "-f", "json", cycle], 1, "");
    assert_exit(
        &["rank", "tests/fixtures/broken/empty-file.yaml"],
        1,
        "is empty",
    );
    // An include that does not exist is a problem of the portfolio, not of the call.
    let include = "tests/fixtures/broken/missing-include.yaml";
    assert_exit(&["check", include], 1, "error[missing-include]");
    // No roadmap can be made.
    let mandatory = "tests/fixtures/infeasible/mandatory.yaml";
    assert_exit(&["plan", mandatory], 1, "mandatory-infeasible");
    assert_exit(&["graph", cycle], 1, "dependency cycle");
}

#[test]
fn a_named_file_that_cannot_be_read_is_2() {
    let missing = "no/such/portfolio.yaml";
    assert_exit(
        &["plan", missing],
        2,
        "cannot read `no/such/portfolio.yaml`",
    );
    assert_exit(&["check", missing], 2, "no such file");
    // One missing file among valid and invalid ones still makes the call wrong.
    let cycle = "tests/fixtures/broken/dependency-cycle.yaml";
    assert_exit(&["check", MINIMAL, cycle, missing], 2, "in 2 files");
    assert_exit(&["plan", "tests"], 2, "is a directory");
    let scenario = ["plan", MINIMAL, "--scenario", "no/such/scenario.yaml"];
    assert_exit(&scenario, 2, "cannot read `no/such/scenario.yaml`");
    assert_exit(&["explain", missing, "isms"], 2, "no such file");
    assert_exit(
        &["catalog", "show", "no/such/catalog.yaml"],
        2,
        "no such file",
    );
    assert_exit(
        &["catalog", "list", "--dir", "no/such/dir"],
        2,
        "cannot list",
    );
    assert_exit(&["init", "--catalog", "nirgendwo"], 2, "shipped catalogs");
}

#[test]
fn usage_mistakes_are_2() {
    assert_exit(&["plan"], 2, "required");
    assert_exit(&["plan", MINIMAL, "-f", "pdf"], 2, "possible values");
    assert_exit(&["explain", MINIMAL, "isms2"], 2, "did you mean `isms`?");
    let gate = [
        "compare",
        TWO,
        "--scenario",
        LATER,
        "--fail-if-dropped",
        "b2",
    ];
    assert_exit(&gate, 2, "a gate names `b2`");
    let resource = ["frontier", MINIMAL, "--steps", "2", "--resource", "money"];
    assert_exit(&resource, 2, "there is no resource `money`");
    let unwritable = ["plan", MINIMAL, "-o", "no/such/dir/ROADMAP.md"];
    assert_exit(&unwritable, 2, "the directory `no/such/dir` does not exist");
}

#[test]
fn drift_is_3() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("ROADMAP.md");
    let out = out.to_str().expect("UTF-8 path");
    assert_exit(
        &["plan", MINIMAL, "-o", out, "--check"],
        3,
        "does not exist",
    );
    assert_exit(&["plan", MINIMAL, "-o", out], 0, "");
    assert_exit(&["plan", MINIMAL, "-o", out, "--check"], 0, "is up to date");
    let json = ["plan", MINIMAL, "-f", "json", "-o", out, "--check"];
    assert_exit(&json, 3, "is out of date");
}

#[test]
fn a_failed_gate_is_4_and_the_report_is_still_written() {
    let args = [
        "compare",
        TWO,
        "--scenario",
        LATER,
        "--fail-if-delayed",
        "a",
        "--lang",
        "en",
    ];
    let output = resiplan().args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(4), "{stderr}");
    let line = "error: gate failed: tests/fixtures/scenarios/later-horizon.yaml: a finishes later";
    assert!(stderr.contains(line), "{stderr}");
    assert!(!output.stdout.is_empty(), "the comparison is printed");
}

/// The table of exit codes, as the README shows it.
fn exit_table() -> String {
    let mut table = String::from("| code | meaning |\n| --- | --- |\n");
    for exit in Exit::ALL {
        table.push_str(&format!("| {} | {} |\n", exit.code(), exit.description()));
    }
    table
}

#[test]
fn readme_help_and_man_page_list_the_exit_codes() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let start =
        "<!-- exit codes: generated from src/error.rs (`Exit`); a test keeps them equal -->\n";
    let section = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("<!-- end of exit codes -->"))
        .map(|(table, _)| table)
        .expect("README has the exit code table");
    assert_eq!(
        section,
        exit_table(),
        "README's exit codes differ from `Exit`"
    );
    let help = stdout(&["--help"]);
    let man = stdout(&["man"]);
    let man_section = man
        .split_once(".SH \"EXIT STATUS\"")
        .expect("EXIT STATUS")
        .1;
    for exit in Exit::ALL {
        let line = format!("  {}  {}", exit.code(), exit.meaning());
        assert!(help.contains(&line), "--help lacks {line:?}:\n{help}");
        let entry = format!(".TP\n\\fB{}\\fR\n", exit.code());
        assert!(
            man_section.contains(&entry),
            "the man page lacks {}",
            exit.code()
        );
    }
}
