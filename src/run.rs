//! Runs a parsed command: the pipeline for each subcommand, printing and exit codes.

use crate::cli::{CheckFormat, Cli, Command, Lang, ReportArgs, ReportFormat};
use anyhow::Result;
use resiplan::check::{CheckOutcome, check_file};
use resiplan::diagnostic::{self, Diagnostic};
use resiplan::model::Language;
use resiplan::output::{Drift, drift, write_atomically};
use resiplan::pipeline::{Failed, plan_file, score_file};
use resiplan::report::{self, Format, view::PlanView};
use resiplan::source::SourceMap;
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// Process exit code: 0 success, 1 problems in the input (or drift), 2 usage errors (clap).
pub type ExitCode = u8;

const VERSION: &str = env!("CARGO_PKG_VERSION");

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
        Command::Plan {
            report: args,
            effort,
            seed,
        } => {
            let options = resiplan::schedule::Options { effort, seed };
            let planning = match plan_file(&args.file, &options) {
                Ok(planning) => planning,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
            let language = language(&args, planning.scored.portfolio.language);
            let view = PlanView {
                portfolio: &planning.scored.portfolio,
                scores: &planning.scored.scores,
                roadmap: &planning.planned.roadmap,
                evaluation: &planning.evaluation,
                bound: (
                    planning.planned.bound,
                    planning.planned.bound_method,
                    planning.planned.bound_share,
                ),
                language,
                version: VERSION,
            };
            let text = report::plan(format(args.format), &view, table_width(&args));
            deliver(&args, &text)
        }
        Command::Rank(args) => {
            let scored = match score_file(&args.file) {
                Ok(scored) => scored,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&scored.warnings, &scored.sources)?;
            let language = language(&args, scored.portfolio.language);
            let text = report::rank(
                format(args.format),
                &scored.portfolio,
                &scored.scores,
                language,
                VERSION,
                table_width(&args),
            );
            deliver(&args, &text)
        }
        Command::Import(command) => crate::run_content::import(command),
        Command::Catalog(command) => crate::run_content::catalog(command),
        Command::Init(args) => crate::run_content::init(args),
    }
}

fn format(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Table => Format::Table,
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Json => Format::Json,
    }
}

fn language(args: &ReportArgs, portfolio: Option<Language>) -> Language {
    match args.lang {
        Some(Lang::De) => Language::De,
        Some(Lang::En) => Language::En,
        None => portfolio.unwrap_or_default(),
    }
}

/// The terminal's width when writing a table to a terminal; a fixed width otherwise.
fn table_width(args: &ReportArgs) -> u16 {
    if args.output.is_none() && std::io::stdout().is_terminal() {
        report::table::terminal_width().unwrap_or(report::table::DEFAULT_WIDTH)
    } else {
        report::table::DEFAULT_WIDTH
    }
}

/// Prints to stdout, writes OUT atomically, or checks OUT for drift.
fn deliver(args: &ReportArgs, text: &str) -> Result<ExitCode> {
    let Some(path) = &args.output else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        return Ok(0);
    };
    let shown = resiplan::source::display_path(path);
    if !args.check {
        write_atomically(path, text)?;
        return Ok(0);
    }
    let mut stderr = std::io::stderr().lock();
    match drift(path, text)? {
        Drift::UpToDate => {
            writeln!(stderr, "{shown} is up to date")?;
            Ok(0)
        }
        Drift::Missing => {
            writeln!(
                stderr,
                "error: {shown} does not exist; run the same command without --check to write it"
            )?;
            Ok(1)
        }
        Drift::Differs {
            lines,
            first,
            old,
            new,
        } => {
            writeln!(
                stderr,
                "error: {shown} is out of date: {lines} {}, first at line {first}",
                if lines == 1 {
                    "line differs"
                } else {
                    "lines differ"
                }
            )?;
            writeln!(stderr, "  - {old}")?;
            writeln!(stderr, "  + {new}")?;
            writeln!(stderr, "run the same command without --check to update it")?;
            Ok(1)
        }
    }
}

pub(crate) fn report_failure(failed: &Failed) -> Result<ExitCode> {
    print_diagnostics(&failed.diagnostics, &failed.sources)?;
    let errors = failed
        .diagnostics
        .iter()
        .filter(|d| d.severity == diagnostic::Severity::Error)
        .count();
    writeln!(
        std::io::stderr(),
        "error: {errors} problem{}; nothing was written",
        if errors == 1 { "" } else { "s" }
    )?;
    Ok(1)
}

pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic], sources: &SourceMap) -> Result<()> {
    let text = diagnostic::render_text(diagnostics, sources, colour_stderr());
    std::io::stderr().lock().write_all(text.as_bytes())?;
    Ok(())
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
