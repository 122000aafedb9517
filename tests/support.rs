//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// The crate root; tests run the binary from here so paths in messages are stable.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `resiplan` with the crate root as working directory and colours off.
pub(crate) fn resiplan() -> Command {
    let mut command = Command::cargo_bin("resiplan").expect("binary builds");
    command.current_dir(root()).env("NO_COLOR", "1");
    command
}

/// The standard output of a successful run; the test fails with its stderr otherwise.
pub(crate) fn stdout(args: &[&str]) -> String {
    let output = resiplan().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// One section of a plan report for a snapshot: in JSON the value under `key`; in a table or
/// Markdown the text from `title` to the next section (`## ` in Markdown, a blank line in a
/// table).
pub(crate) fn section(out: &str, format: &str, key: &str, title: &str) -> String {
    if format == "json" {
        let report: serde_json::Value = serde_json::from_str(out).expect("JSON");
        return serde_json::to_string_pretty(&report[key]).expect("JSON");
    }
    let from = out.find(title).expect("the section");
    let rest = &out[from..];
    let end = rest[title.len()..].find(if format == "markdown" {
        "\n## "
    } else {
        "\n\n"
    });
    rest[..end.map_or(rest.len(), |e| e + title.len() + 1)].to_owned()
}
