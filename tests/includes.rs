//! Include paths are confined (issue 12): absolute paths, `..` escapes, links that lead out,
//! pipes, devices and system files are refused with a clear message, and a file that is
//! not a catalog is never shown. `--include-root DIR` widens the allowed directories.

use crate::support::resiplan;
use std::path::Path;
use std::time::Duration;

const HEAD: &str = "version: 1\nname: P\ncalendar: { period: year, start: 2027, end: 2031 }\n";
/// What the files read by mistake contain; it must never reach the output.
const SECRET: &str = "secret-value-never-printed";

fn portfolio(dir: &Path, catalog: &str) {
    let text = format!("{HEAD}include:\n  - catalog: {catalog}\nmeasures: []\n");
    std::fs::write(dir.join("p.yaml"), text).expect("written");
}

/// Runs `resiplan ARGS` in `dir` with `SECRET` in the environment; a run that blocks
/// (a pipe opened for reading) fails after a minute instead of hanging the suite.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = resiplan()
        .current_dir(dir)
        .env("RESIPLAN_TEST_SECRET", SECRET)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(!text.contains(SECRET), "the output shows a secret:\n{text}");
    (output.status.code(), text)
}

#[test]
fn absolute_paths_and_system_files_are_refused_without_their_content() {
    let dir = tempfile::tempdir().expect("a directory");
    for catalog in ["/proc/self/environ", "/etc/passwd"] {
        portfolio(dir.path(), catalog);
        let (code, text) = run(dir.path(), &["check", "p.yaml"]);
        assert_eq!(code, Some(1), "{text}");
        assert!(
            text.contains(&format!(
                "error[include-outside]: include path `{catalog}` is absolute"
            )),
            "{text}"
        );
        assert!(!text.contains("root:"), "{text}");
    }
    // Even where a directory allows it, a system file is not read.
    portfolio(dir.path(), "/proc/self/environ");
    let (code, text) = run(dir.path(), &["check", "p.yaml", "--include-root", "/proc"]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains("error[include-not-a-file]") && text.contains("a system file"),
        "{text}"
    );
}

#[test]
fn a_parent_path_that_leaves_the_allowed_directories_is_refused() {
    let dir = tempfile::tempdir().expect("a directory");
    let escape = "../".repeat(40) + "proc/self/cmdline";
    portfolio(dir.path(), &escape);
    let (code, text) = run(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains(&format!(
            "error[include-outside]: include path `{escape}` leads outside the working directory or the portfolio's directory"
        )),
        "{text}"
    );
    assert!(!text.contains("resiplan\0"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_that_leads_outside_is_refused() {
    let outside = tempfile::tempdir().expect("a directory");
    let secret = outside.path().join("secrets.yaml");
    std::fs::write(&secret, format!("measures: [{SECRET}\n")).expect("written");
    let dir = tempfile::tempdir().expect("a directory");
    std::os::unix::fs::symlink(&secret, dir.path().join("catalog.yaml")).expect("a link");
    portfolio(dir.path(), "catalog.yaml");
    let (code, text) = run(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains("include path `catalog.yaml` leads outside the working directory or the portfolio's directory through a symbolic link"),
        "{text}"
    );
    // A link inside the allowed directories is followed.
    let dir = tempfile::tempdir().expect("a directory");
    std::fs::write(
        dir.path().join("real.yaml"),
        "version: 1\nname: C\nmeasures: []\n",
    )
    .expect("written");
    std::os::unix::fs::symlink("real.yaml", dir.path().join("catalog.yaml")).expect("a link");
    portfolio(dir.path(), "catalog.yaml");
    let (code, text) = run(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(0), "{text}");
}

#[cfg(unix)]
#[test]
fn a_pipe_is_refused_without_being_opened() {
    // Reading an included FIFO blocked forever.
    let dir = tempfile::tempdir().expect("a directory");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: `mkfifo` is not available");
        return;
    }
    portfolio(dir.path(), "pipe.yaml");
    let (code, text) = run(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains("error[include-not-a-file]: include path `pipe.yaml` is a named pipe (FIFO), not a catalog file"),
        "{text}"
    );
}

#[test]
fn include_root_allows_another_directory() {
    let base = tempfile::tempdir().expect("a directory");
    let shared = base.path().join("shared");
    let project = base.path().join("project");
    std::fs::create_dir_all(&shared).expect("a directory");
    std::fs::create_dir_all(&project).expect("a directory");
    let catalog = "version: 1\nname: C\nmeasures:\n  - { id: a, name: A, duration: 1 }\n";
    std::fs::write(shared.join("c.yaml"), catalog).expect("written");
    portfolio(&project, "../shared/c.yaml");
    let (code, text) = run(&project, &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    assert!(text.contains("error[include-outside]"), "{text}");
    let (code, text) = run(
        &project,
        &["check", "p.yaml", "--include-root", "../shared"],
    );
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = run(&project, &["plan", "p.yaml", "--include-root", "../shared"]);
    assert_eq!(code, Some(0), "{text}");
    // An absolute path is read inside an include root only.
    let absolute = shared.join("c.yaml").to_string_lossy().into_owned();
    portfolio(&project, &absolute);
    let (code, _) = run(&project, &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    let (code, text) = run(
        &project,
        &["check", "p.yaml", "--include-root", "../shared"],
    );
    assert_eq!(code, Some(0), "{text}");
    // From the common parent, both are inside the working directory.
    let (code, text) = run(
        base.path(),
        &["check", "project/p.yaml", "--include-root", "shared"],
    );
    assert_eq!(code, Some(0), "{text}");
    // The message names the directories that are allowed.
    portfolio(&project, "../elsewhere.yaml");
    let (code, text) = run(
        &project,
        &["check", "p.yaml", "--include-root", "../shared"],
    );
    assert_eq!(code, Some(1));
    assert!(
        text.contains("leads outside the working directory, the portfolio's directory and the `--include-root` directories"),
        "{text}"
    );
    let (code, text) = run(
        &project,
        &["check", "p.yaml", "--include-root", "no-such-dir"],
    );
    assert_eq!(code, Some(2));
    assert!(text.contains("`no-such-dir` is not a directory"), "{text}");
}

#[test]
fn a_file_that_is_not_a_catalog_is_never_shown() {
    let dir = tempfile::tempdir().expect("a directory");
    for (name, text) in [
        ("env", format!("TOKEN={SECRET}\nKEY: [{SECRET}\n")),
        ("settings.yaml", format!("password: {SECRET}\n")),
        ("list.yaml", format!("- {SECRET}\n")),
        ("latin1.txt", format!("token: {SECRET} \u{FC}")),
    ] {
        let bytes = if name == "latin1.txt" {
            text.replace('\u{FC}', "")
                .into_bytes()
                .into_iter()
                .chain([0xFC])
                .collect()
        } else {
            text.into_bytes()
        };
        std::fs::write(dir.path().join(name), bytes).expect("written");
        portfolio(dir.path(), name);
        for format in ["text", "json"] {
            let (code, text) = run(dir.path(), &["check", "p.yaml", "--format", format]);
            assert_eq!(code, Some(1), "{text}");
            assert!(text.contains("not-a-catalog"), "{name}: {text}");
        }
    }
    let (_, text) = run(dir.path(), &["check", "p.yaml"]);
    assert!(
        text.contains("included file `latin1.txt` is not a catalog: it is not UTF-8 text"),
        "{text}"
    );
}

#[test]
fn a_broken_catalog_is_still_shown_with_its_lines() {
    let dir = tempfile::tempdir().expect("a directory");
    std::fs::write(
        dir.path().join("c.yaml"),
        "version: 1\nname: C\nmeasures: [\n",
    )
    .expect("written");
    portfolio(dir.path(), "c.yaml");
    let (code, text) = run(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains("error[yaml-syntax]") && text.contains("--> c.yaml:"),
        "{text}"
    );
}

#[test]
fn includes_of_standard_input_are_relative_to_the_working_directory() {
    let dir = tempfile::tempdir().expect("a directory");
    let text = format!("{HEAD}include:\n  - catalog: missing.yaml\nmeasures: []\n");
    let output = resiplan()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("paths in `include` of a portfolio read from standard input are relative to the working directory"),
        "{stderr}"
    );
    assert!(!stderr.contains("relative to the file"), "{stderr}");
}

#[test]
fn the_shipped_examples_include_their_catalogs_from_the_repository_root() {
    let output = resiplan()
        .args(["check", "examples/musterstadt.yaml"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
