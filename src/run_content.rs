//! Runs the content commands: `import`. Each calls one library
//! function and prints or writes its text.

use crate::cli::{ImportCommand, Period};
use crate::run::{ExitCode, report_failure};
use anyhow::Result;
use resiplan::import::{ImportError, grundschutz};
use resiplan::model::period::PeriodKind;
use resiplan::output::write_atomically;
use std::io::Write;
use std::path::Path;

/// `resiplan import grundschutz`.
pub fn import(command: ImportCommand) -> Result<ExitCode> {
    let ImportCommand::Grundschutz {
        file,
        output,
        start,
        end,
        period,
        staff,
    } = command;
    let options = grundschutz::Options {
        period: period.map(period_kind),
        start,
        end,
        staff,
    };
    match grundschutz::import_file(&file, &options) {
        Ok(text) => deliver(output.as_deref(), &text),
        Err(ImportError::Usage(message)) => {
            writeln!(std::io::stderr(), "error: {message}")?;
            Ok(2)
        }
        Err(ImportError::Input(failed)) => report_failure(&failed),
    }
}

fn period_kind(period: Period) -> PeriodKind {
    match period {
        Period::Year => PeriodKind::Year,
        Period::Half => PeriodKind::Half,
        Period::Quarter => PeriodKind::Quarter,
        Period::Month => PeriodKind::Month,
    }
}

/// Prints the text, or writes it atomically to `output`.
fn deliver(output: Option<&Path>, text: &str) -> Result<ExitCode> {
    match output {
        Some(path) => write_atomically(path, text)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(0)
}
