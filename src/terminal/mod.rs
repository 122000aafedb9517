//! The terminal: standard output and error, colour, table width and progress bars; the
//! delivery of a report (`deliver`) and the exit code of an error (`exit`). Only the binary
//! writes to the terminal. The global options (`--quiet`, `--color`) are set once
//! ([`configure`]) before a command runs.

mod colour;
mod deliver;
mod exit;
mod file;

pub(crate) use colour::colour;
pub(crate) use deliver::deliver;
pub(crate) use exit::fail;

use crate::settings::{Destination, Style};
use resiplan::diagnostic::source::SourceMap;
use resiplan::diagnostic::{self, Diagnostic, Severity};
use resiplan::error::Error;
use resiplan::report::table;
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;
use std::sync::OnceLock;

/// The global options, set once by [`configure`]; the defaults until then.
static STYLE: OnceLock<Style> = OnceLock::new();

/// Sets the global options for the rest of the run (the first call wins).
pub(crate) fn configure(style: Style) {
    let _ = STYLE.set(style);
}

/// The global options.
fn style() -> Style {
    STYLE.get().copied().unwrap_or_default()
}

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

/// A note that is not an error (`ROADMAP.md is up to date`): left out with `--quiet`.
pub(crate) fn info(text: &str) -> Result<(), Error> {
    if style().quiet { Ok(()) } else { note(text) }
}

/// Renders diagnostics (warnings, or the errors of a failed load) to standard error; with
/// `--quiet`, only the errors.
pub(crate) fn diagnostics(diagnostics: &[Diagnostic], sources: &SourceMap) -> Result<(), Error> {
    let shown: Vec<Diagnostic>;
    let diagnostics = if style().quiet {
        shown = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        &shown[..]
    } else {
        diagnostics
    };
    if diagnostics.is_empty() {
        return Ok(());
    }
    note(&diagnostic::render_text(diagnostics, sources, colour()))
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
        if style().quiet || !std::io::stderr().is_terminal() {
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
