//! Runs a parsed command: the pipeline for each subcommand, printing and exit codes.

use crate::cli::{CheckFormat, Cli, Command};
use anyhow::Result;
use resiplan::check::{CheckOutcome, check_file};
use resiplan::diagnostic;
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// Process exit code: 0 success, 1 problems in the input, 2 usage errors (clap).
pub type ExitCode = u8;

/// Runs the command and returns the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check { files, format } => {
            let outcomes: Vec<CheckOutcome> = files.iter().map(|f| check_file(f)).collect();
            let failed = outcomes.iter().any(CheckOutcome::failed);
            match format {
                CheckFormat::Text => print_check_text(&outcomes)?,
                CheckFormat::Json => print_check_json(&outcomes)?,
            }
            Ok(u8::from(failed))
        }
    }
}

fn colour_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn print_check_text(outcomes: &[CheckOutcome]) -> Result<()> {
    let styled = colour_stderr();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for outcome in outcomes {
        let text = diagnostic::render_text(&outcome.diagnostics, &outcome.sources, styled);
        stderr.write_all(text.as_bytes())?;
        if let Some(summary) = &outcome.summary {
            writeln!(stdout, "{}", summary.line())?;
        }
    }
    let errors: usize = outcomes
        .iter()
        .map(|o| {
            o.diagnostics
                .iter()
                .filter(|d| d.severity == diagnostic::Severity::Error)
                .count()
        })
        .sum();
    if errors > 0 {
        let files = outcomes.iter().filter(|o| o.failed()).count();
        let s = |n: usize| if n == 1 { "" } else { "s" };
        writeln!(
            stderr,
            "error: {errors} problem{} in {files} file{}",
            s(errors),
            s(files)
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    format_version: u32,
    ok: bool,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: String,
    ok: bool,
    summary: Option<&'a resiplan::check::CheckSummary>,
    diagnostics: Vec<diagnostic::JsonDiagnostic>,
}

fn print_check_json(outcomes: &[CheckOutcome]) -> Result<()> {
    let report = JsonCheck {
        format_version: 1,
        ok: !outcomes.iter().any(CheckOutcome::failed),
        files: outcomes
            .iter()
            .map(|o| JsonFile {
                file: o
                    .sources
                    .files()
                    .first()
                    .map(|f| resiplan::source::display_path(&f.path))
                    .or_else(|| o.diagnostics.first().and_then(|d| d.path.clone()))
                    .unwrap_or_default(),
                ok: !o.failed(),
                summary: o.summary.as_ref(),
                diagnostics: o
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic::to_json(d, &o.sources))
                    .collect(),
            })
            .collect(),
    };
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &report)?;
    writeln!(stdout)?;
    Ok(())
}
