//! The terminal: standard output and error, colour, table width and progress bars; the
//! delivery of a report (`deliver`) and the exit code of an error (`exit`). Only the binary
//! writes to the terminal.

mod deliver;
mod exit;
mod file;

pub(crate) use deliver::deliver;
pub(crate) use exit::fail;

use crate::settings::Destination;
use resiplan::diagnostic::source::SourceMap;
use resiplan::diagnostic::{self, Diagnostic};
use resiplan::error::Error;
use resiplan::report::table;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

/// Writes to standard output. A closed pipe (`resiplan … | head`) is not an error: the
/// reader has what it wanted.
pub(crate) fn print(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Error::Io {
            action: "writing to standard output".to_owned(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Writes to standard error (diagnostics, notes, the error at the end).
pub(crate) fn note(text: &str) -> Result<(), Error> {
    let mut stderr = std::io::stderr().lock();
    match stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush())
    {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Error::Io {
            action: "writing to standard error".to_owned(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The files a load read (portfolio, catalogs, scenarios), which `-o` must not replace;
/// standard input and `--set` arguments are not files.
pub(crate) fn read_files(sources: &SourceMap) -> Vec<&Path> {
    sources
        .files()
        .iter()
        .map(|f| f.path.as_path())
        .filter(|p| *p != Path::new("-") && *p != Path::new("--set"))
        .collect()
}

/// Renders diagnostics (warnings, or the errors of a failed load) to standard error.
pub(crate) fn diagnostics(diagnostics: &[Diagnostic], sources: &SourceMap) -> Result<(), Error> {
    note(&diagnostic::render_text(diagnostics, sources, colour()))
}

/// Colour on standard error: only on a terminal, and not when `NO_COLOR` is set.
pub(crate) fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The terminal's width for a table printed to a terminal; a fixed width otherwise, so
/// output does not depend on the machine.
pub(crate) fn table_width(destination: &Destination) -> u16 {
    if *destination == Destination::Stdout && std::io::stdout().is_terminal() {
        table::terminal_width().unwrap_or(table::DEFAULT_WIDTH)
    } else {
        table::DEFAULT_WIDTH
    }
}

/// A progress bar on standard error, drawn only when it is a terminal.
pub(crate) struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A bar of `steps` steps (`plans` done so far).
    pub(crate) fn new(steps: u64) -> Progress {
        Progress::counting(steps, "plans")
    }

    /// A bar of `steps` steps, each one of `unit` (`plans`, `runs`).
    pub(crate) fn counting(steps: u64, unit: &str) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(steps);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {unit} {{elapsed}}"
        )) {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    /// One step done.
    pub(crate) fn tick(&self) {
        self.add(1);
    }

    /// `steps` more steps done.
    pub(crate) fn add(&self, steps: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(steps as u64);
        }
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
