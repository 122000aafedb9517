//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// The crate root; tests run the binary from here so paths in messages are stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `resiplan` with the crate root as working directory and colours off.
pub fn resiplan() -> Command {
    let mut command = Command::cargo_bin("resiplan").expect("binary builds");
    command.current_dir(root()).env("NO_COLOR", "1");
    command
}
