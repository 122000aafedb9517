//! The end of a failed run: print the error once, return its exit code.

use resiplan::error::{Error, Exit};
use std::io::ErrorKind;

/// Prints `err` to standard error the way its kind needs and returns the exit code.
///
/// Input problems show their diagnostics first; failed gates one line each; a report that
/// already listed its problems (`check`) adds nothing. An error without a resiplan
/// [`Error`] in its chain is an I/O error (2) or, if not even that, a bug (5).
pub(crate) fn fail(err: &anyhow::Error) -> u8 {
    if broken_pipe(err) {
        // `resiplan … | head`: the reader has what it wanted.
        return Exit::Success.code();
    }
    let typed = err.chain().find_map(|cause| cause.downcast_ref::<Error>());
    // Nothing is left to report a failure to write to standard error to.
    let _ = print(err, typed);
    match typed {
        Some(error) => error.exit_code(),
        None if err.chain().any(|c| c.is::<std::io::Error>()) => Exit::Usage.code(),
        None => Exit::Internal.code(),
    }
}

fn print(err: &anyhow::Error, typed: Option<&Error>) -> Result<(), Error> {
    match typed {
        Some(error @ (Error::Input(failed) | Error::Unreadable(failed))) => {
            super::diagnostics(&failed.diagnostics, &failed.sources)?;
            super::note(&format!("error: {error}\n"))
        }
        Some(Error::Reported { .. }) => Ok(()),
        Some(Error::GateFailed(lines)) => lines
            .iter()
            .try_for_each(|line| super::note(&format!("error: gate failed: {line}\n"))),
        _ => super::note(&format!("error: {err:#}\n")),
    }
}

/// True when the error is a closed pipe.
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == ErrorKind::BrokenPipe)
    })
}
