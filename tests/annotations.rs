//! `check --format github|gitlab`: the problems of `check` as CI annotations, at the same
//! places as `check --format json` names them.

use crate::support::{resiplan, root};
use serde_json::Value;

const CYCLE: &str = "tests/fixtures/broken/dependency-cycle.yaml";

#[test]
fn github_workflow_commands_name_file_line_and_column() {
    let output = resiplan()
        .args([
            "check",
            "-f",
            "github",
            CYCLE,
            "tests/fixtures/ok/minimal.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=tests/fixtures/broken/dependency-cycle.yaml,line=19,col=18,\
         title=resiplan dependency-cycle::dependency cycle: strategy → steering → monitoring → \
         strategy%0Ahelp: a measure cannot wait for itself: remove one of these dependencies"
    );
    // The clean file's summary is an ordinary log line.
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[1].starts_with("tests/fixtures/ok/minimal.yaml: "),
        "{stdout}"
    );
    // A file that cannot be read has no line, and exits 2 as ever.
    resiplan()
        .args(["check", "-f", "github", "no-such.yaml"])
        .assert()
        .code(2)
        .stdout(
            "::error file=no-such.yaml,title=resiplan unreadable-file::cannot read \
             `no-such.yaml`: no such file%0Ahelp: check the path; `-` reads standard input\n",
        );
}

#[test]
fn a_clean_file_gives_an_empty_gitlab_report() {
    resiplan()
        .args(["check", "-f", "gitlab", "examples/musterstadt.yaml"])
        .assert()
        .success()
        .stdout("[]\n");
}

/// Every broken fixture: GitHub and GitLab list the problems of `--format json`, at the
/// same places, with unique GitLab fingerprints.
#[test]
fn both_formats_list_every_problem_where_json_puts_it() {
    let mut fixtures: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/broken"))
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("tests/fixtures/broken/{}", p.file_name().unwrap().display()))
        .collect();
    fixtures.sort();
    fixtures.push("tests/fixtures/ok/many-warnings.yaml".into());
    let run = |format: &str| -> String {
        let output = resiplan()
            .args(["check", "-f", format])
            .args(&fixtures)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{format}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let json: Value = serde_json::from_str(&run("json")).expect("JSON");
    let mut expected: Vec<(String, String, Option<u64>, Option<u64>)> = Vec::new();
    for file in json["files"].as_array().expect("files") {
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            expected.push((
                d["code"].as_str().expect("code").to_owned(),
                d["file"]
                    .as_str()
                    .unwrap_or(file["file"].as_str().expect("file"))
                    .to_owned(),
                d["line"].as_u64(),
                d["column"].as_u64(),
            ));
        }
        for omitted in file["omitted_warnings"].as_array().into_iter().flatten() {
            let code = omitted["code"].as_str().expect("code").to_owned();
            expected.push((
                code,
                file["file"].as_str().expect("file").to_owned(),
                None,
                None,
            ));
        }
    }
    assert!(expected.len() > 60, "{}", expected.len());

    let github = run("github");
    let annotations: Vec<&str> = github.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), expected.len());
    for (line, (code, file, at, column)) in annotations.iter().zip(&expected) {
        let (properties, message) = line
            .split_once("::")
            .map(|(_, rest)| rest)
            .and_then(|rest| rest.split_once("::"))
            .expect("a command");
        assert!(!message.contains('\n') && !message.contains('\r'), "{line}");
        let mut wanted = format!(" file={file}");
        if let Some(at) = at {
            wanted.push_str(&format!(",line={at}"));
        }
        if let Some(column) = column {
            wanted.push_str(&format!(",col={column}"));
        }
        wanted.push_str(&format!(",title=resiplan {code}"));
        assert!(properties.ends_with(&wanted), "{line}\nwanted {wanted}");
    }

    let gitlab: Value = serde_json::from_str(&run("gitlab")).expect("JSON");
    let issues = gitlab.as_array().expect("an array");
    assert_eq!(issues.len(), expected.len());
    let mut fingerprints = std::collections::BTreeSet::new();
    for (issue, (code, file, at, _)) in issues.iter().zip(&expected) {
        assert_eq!(issue["check_name"], format!("resiplan/{code}"));
        assert_eq!(issue["location"]["path"], file.as_str());
        assert_eq!(issue["location"]["lines"]["begin"], at.unwrap_or(1));
        assert!(matches!(
            issue["severity"].as_str(),
            Some("major" | "minor")
        ));
        assert!(!issue["description"].as_str().expect("text").is_empty());
        let fingerprint = issue["fingerprint"].as_str().expect("fingerprint");
        assert_eq!(fingerprint.len(), 32);
        assert!(
            fingerprints.insert(fingerprint.to_owned()),
            "{fingerprint} twice"
        );
    }
}
