//! `-o`: a report never replaces an input, goes through links to the file they name, into
//! pipes and devices as they are, and `-o -` is standard output.

use crate::support::{resiplan, root, stdout};
use std::path::Path;

/// A copy of `tests/fixtures/ok/adapted.yaml` and its catalog in a fresh directory.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["adapted.yaml", "fixture-catalog.yaml"] {
        std::fs::copy(
            root().join("tests/fixtures/ok").join(name),
            dir.path().join(name),
        )
        .expect("copy fixture");
    }
    dir
}

fn plan_into(dir: &Path, args: &[&str]) -> std::process::Output {
    resiplan()
        .current_dir(dir)
        .args(["plan", "adapted.yaml", "-f", "markdown"])
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn a_report_never_replaces_the_portfolio_a_catalog_or_a_scenario() {
    let dir = workspace();
    let scenario = dir.path().join("s.yaml");
    std::fs::write(&scenario, "version: 1\nname: S\nset: { name: Changed }\n").expect("write");
    for (target, extra) in [
        ("adapted.yaml", vec![]),
        ("fixture-catalog.yaml", vec![]),
        ("./s.yaml", vec!["--scenario", "s.yaml"]),
    ] {
        let before = std::fs::read(dir.path().join(target)).expect("read");
        let mut args = extra.clone();
        args.extend(["-o", target]);
        let output = plan_into(dir.path(), &args);
        assert_eq!(output.status.code(), Some(2), "-o {target}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("which this command reads"), "{stderr}");
        assert_eq!(
            std::fs::read(dir.path().join(target)).expect("read"),
            before
        );
    }
}

#[test]
fn dash_is_standard_output_and_no_file_is_made() {
    let dir = workspace();
    let output = plan_into(dir.path(), &["-o", "-"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# "));
    assert!(!dir.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn dev_stdout_is_written_into_not_replaced() {
    let dir = workspace();
    let expected = plan_into(dir.path(), &[]).stdout;
    let output = plan_into(dir.path(), &["-o", "/dev/stdout"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.stdout, expected);
    let meta = std::fs::symlink_metadata("/dev/stdout").expect("/dev/stdout");
    assert!(!meta.is_file(), "/dev/stdout became a regular file");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_receives_the_report() {
    let dir = workspace();
    let fifo = dir.path().join("pipe");
    match std::process::Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        _ => {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
    }
    let (sender, received) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || sender.send(std::fs::read(fifo).expect("read the pipe")));
    }
    let output = plan_into(dir.path(), &["-o", "pipe"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let Ok(received) = received.recv_timeout(std::time::Duration::from_secs(20)) else {
        // Unblock the reader (a report written beside the pipe never opens it), then fail.
        let _ = std::fs::write(&fifo, "");
        panic!("nothing was written into the pipe");
    };
    assert_eq!(received, plan_into(dir.path(), &[]).stdout);
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&fifo).expect("pipe").file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a file");
}

#[test]
fn a_missing_directory_is_named_plainly() {
    let dir = workspace();
    let output = plan_into(dir.path(), &["-o", "no/such/dir/R.md"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the directory `no/such/dir` does not exist"),
        "{stderr}"
    );
    assert!(!stderr.contains(".tmp"), "{stderr}");
}

#[test]
fn the_report_written_equals_the_one_printed() {
    let dir = workspace();
    let output = plan_into(dir.path(), &["-o", "R.md"]);
    assert!(output.status.success());
    let printed = stdout(&["plan", "tests/fixtures/ok/adapted.yaml", "-f", "markdown"]);
    let written = std::fs::read_to_string(dir.path().join("R.md")).expect("written");
    // The provenance line names the inputs as given; everything else is the same.
    let body = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.contains("resiplan 0."))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(body(&written), body(&printed));
}
