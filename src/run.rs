//! Runs a parsed command: the pipeline for each subcommand, printing and exit codes.

use crate::cli::{
    ChangeArgs, CheckFormat, Cli, Command, GraphArgs, GraphFormat, Lang, ReportArgs, ReportFormat,
    SchemaKind, SearchArgs,
};
use anyhow::Result;
use clap::CommandFactory;
use resiplan::analysis::compare::{Gates, compare, violations};
use resiplan::analysis::explain::explain;
use resiplan::analysis::frontier::{FrontierError, frontier};
use resiplan::diagnostic::source::SourceMap;
use resiplan::diagnostic::suggest;
use resiplan::diagnostic::{self, Diagnostic};
use resiplan::load::Overlay;
use resiplan::model::Language;
use resiplan::output::{Drift, drift, write_atomically};
use resiplan::pipeline::check::{CheckOutcome, check_with};
use resiplan::pipeline::{Failed, Input, plan_input, score_input};
use resiplan::report::provenance::Provenance;
use resiplan::report::{self, Format, document, view::PlanView};
use resiplan::schedule::Options;
use resiplan::schema;
use serde::Serialize;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// Process exit code: 0 success, 1 problems in the input (or drift), 2 usage errors (clap).
pub type ExitCode = u8;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs the command and returns the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check {
            files,
            format,
            changes,
        } => {
            let overlays = overlays(&changes);
            let outcomes: Vec<CheckOutcome> = files
                .iter()
                .map(|f| check_with(f, None, &overlays))
                .collect();
            let failed = outcomes.iter().any(CheckOutcome::failed);
            match format {
                CheckFormat::Text => print_check_text(&outcomes)?,
                CheckFormat::Json => print_check_json(&outcomes)?,
            }
            Ok(u8::from(failed))
        }
        Command::Plan {
            report: args,
            changes,
            search,
        } => {
            let input = input(&args, &changes, false)?;
            let options = options(&search);
            let planning = match plan_input(&input, &options) {
                Ok(planning) => planning,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
            let language = language(&args, planning.scored.portfolio.language);
            let provenance = Provenance::new(VERSION, &[&planning.scored.sources], Some(&options));
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
                provenance: &provenance,
            };
            let text = report::plan(format(args.format), &view, table_width(&args));
            deliver(&args, &text)
        }
        Command::Rank {
            report: args,
            changes,
        } => {
            let input = input(&args, &changes, false)?;
            let scored = match score_input(&input) {
                Ok(scored) => scored,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&scored.warnings, &scored.sources)?;
            let language = language(&args, scored.portfolio.language);
            let text = match report::rank(
                format(args.format),
                &scored.portfolio,
                &scored.scores,
                language,
                &Provenance::new(VERSION, &[&scored.sources], None),
                table_width(&args),
            ) {
                Ok(text) => text,
                Err(unsupported) => {
                    writeln!(std::io::stderr(), "error: {unsupported}")?;
                    return Ok(2);
                }
            };
            deliver(&args, &text)
        }
        Command::Explain {
            report: args,
            measure,
            changes,
            search,
        } => {
            let Some(format) = plain_format(args.format, "explain")? else {
                return Ok(2);
            };
            let input = input(&args, &changes, true)?;
            let options = options(&search);
            let planning = match plan_input(&input, &options) {
                Ok(planning) => planning,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
            let Some(explanation) = explain(&planning, &options, &measure) else {
                let ids = measure_ids(&planning);
                return usage_problem(&format!(
                    "there is no measure `{measure}` in {}. {}",
                    resiplan::diagnostic::source::display_path(&args.file),
                    suggest::did_you_mean(&measure, ids.iter().copied())
                ));
            };
            let language = language(&args, planning.scored.portfolio.language);
            let provenance = Provenance::new(VERSION, &[&planning.scored.sources], Some(&options));
            let text = match format {
                Plain::Json => report::analysis::explain_json(&explanation, &provenance),
                Plain::Markdown => document::markdown(&report::analysis::explain_document(
                    &explanation,
                    language,
                    &provenance,
                )),
                Plain::Table => document::terminal(
                    &report::analysis::explain_document(&explanation, language, &provenance),
                    table_width(&args),
                ),
            };
            deliver(&args, &text)
        }
        Command::Compare {
            report: args,
            scenarios,
            sets,
            fail_if_loss_above,
            fail_if_dropped,
            fail_if_delayed,
            search,
        } => {
            let Some(format) = plain_format(args.format, "compare")? else {
                return Ok(2);
            };
            let base = input(
                &args,
                &ChangeArgs {
                    scenarios: Vec::new(),
                    sets: sets.clone(),
                },
                true,
            )?;
            let options = options(&search);
            let base_planning = match plan_input(&base, &options) {
                Ok(planning) => planning,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(
                &base_planning.scored.warnings,
                &base_planning.scored.sources,
            )?;
            let ids = measure_ids(&base_planning);
            for id in fail_if_dropped.iter().chain(&fail_if_delayed) {
                if !ids.contains(&id.as_str()) {
                    return usage_problem(&format!(
                        "a gate names `{id}`, which is not a measure of the portfolio. {}",
                        suggest::did_you_mean(id, ids.iter().copied())
                    ));
                }
            }
            let mut plannings = Vec::new();
            for scenario in &scenarios {
                // The scenario first, then the `--set` changes, as for `plan`.
                let mut changed = base.clone();
                changed
                    .overlays
                    .insert(0, Overlay::Scenario(scenario.clone()));
                match plan_input(&changed, &options) {
                    Ok(planning) => plannings.push(planning),
                    Err(failed) => return report_failure(&failed),
                }
            }
            let comparison = compare(&base_planning, &plannings);
            let gates = Gates {
                max_loss: fail_if_loss_above,
                keep: fail_if_dropped,
                on_time: fail_if_delayed,
            };
            let failed = violations(&comparison, &gates);
            let language = language(&args, base_planning.scored.portfolio.language);
            let sources: Vec<&SourceMap> = std::iter::once(&base_planning)
                .chain(&plannings)
                .map(|p| &p.scored.sources)
                .collect();
            let provenance = Provenance::new(VERSION, &sources, Some(&options));
            let text = match format {
                Plain::Json => report::analysis::compare_json(&comparison, &failed, &provenance),
                Plain::Markdown => document::markdown(&report::analysis::compare_document(
                    &comparison,
                    language,
                    &provenance,
                )),
                Plain::Table => document::terminal(
                    &report::analysis::compare_document(&comparison, language, &provenance),
                    table_width(&args),
                ),
            };
            let delivered = deliver(&args, &text)?;
            let mut stderr = std::io::stderr().lock();
            for line in report::analysis::violation_lines(language, &failed, fail_if_loss_above) {
                writeln!(stderr, "error: gate failed: {}", line.replace('`', ""))?;
            }
            Ok(if failed.is_empty() { delivered } else { 1 })
        }
        Command::Frontier {
            report: args,
            budget_scale,
            steps,
            resource,
            changes,
            search,
        } => {
            let input = input(&args, &changes, true)?;
            let options = options(&search);
            let scored = match score_input(&input) {
                Ok(scored) => scored,
                Err(failed) => return report_failure(&failed),
            };
            let bar = progress_bar(u64::from(steps));
            let tick = || {
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
            };
            let result = frontier(
                &scored,
                &options,
                resource.as_deref(),
                budget_scale,
                steps as usize,
                &tick,
            );
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            let frontier = match result {
                Ok(frontier) => frontier,
                Err(FrontierError::NoResource { resources }) => {
                    return usage_problem(&format!(
                        "no resource is in the portfolio's currency; name one with --resource ({})",
                        resources.join(", ")
                    ));
                }
                Err(FrontierError::UnknownResource { given, resources }) => {
                    return usage_problem(&format!(
                        "there is no resource `{given}`. {} resources: {}",
                        suggest::did_you_mean(&given, resources.iter().map(String::as_str)),
                        resources.join(", ")
                    ));
                }
            };
            let language = language(&args, frontier.language);
            let provenance = Provenance::new(VERSION, &[&frontier.sources], Some(&options));
            let text =
                match args.format {
                    ReportFormat::Json => report::analysis::frontier_json(&frontier, &provenance),
                    ReportFormat::Csv => report::analysis::frontier_csv(&frontier),
                    ReportFormat::Markdown => document::markdown(
                        &report::analysis::frontier_document(&frontier, language, &provenance),
                    ),
                    ReportFormat::Table => document::terminal(
                        &report::analysis::frontier_document(&frontier, language, &provenance),
                        table_width(&args),
                    ),
                    ReportFormat::Mermaid | ReportFormat::Html => {
                        writeln!(
                            std::io::stderr(),
                            "error: `frontier` writes table, markdown, json or csv"
                        )?;
                        return Ok(2);
                    }
                };
            deliver(&args, &text)
        }
        Command::Schema { kind } => {
            let kind = match kind {
                SchemaKind::Portfolio => schema::Kind::Portfolio,
                SchemaKind::Catalog => schema::Kind::Catalog,
                SchemaKind::Scenario => schema::Kind::Scenario,
            };
            print_stdout(schema::schema_json(kind).as_bytes())
        }
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "resiplan", &mut script);
            print_stdout(&script)
        }
        Command::Man => print_stdout(man_page()?.as_bytes()),
        Command::Graph(args) => graph(&args),
        Command::Import(command) => crate::run_content::import(command),
        Command::Catalog(command) => crate::run_content::catalog(command),
        Command::Init(args) => crate::run_content::init(args),
    }
}

fn graph(args: &GraphArgs) -> Result<ExitCode> {
    let mut input = Input::file(&args.file);
    input.overlays = overlays(&args.changes);
    let scored = match score_input(&input) {
        Ok(scored) => scored,
        Err(failed) => return report_failure(&failed),
    };
    print_diagnostics(&scored.warnings, &scored.sources)?;
    let language = pick_language(args.lang, scored.portfolio.language);
    let provenance = Provenance::new(VERSION, &[&scored.sources], None);
    let mut view = report::view::graph_view(&scored.portfolio, &scored.graph, language);
    view.provenance = Some(&provenance);
    let format = match args.format {
        GraphFormat::Mermaid => report::GraphFormat::Mermaid,
        GraphFormat::Dot => report::GraphFormat::Dot,
    };
    deliver_to(
        args.output.as_deref(),
        args.check,
        &report::graph(format, &view),
    )
}

fn format(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Table => Format::Table,
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Mermaid => Format::Mermaid,
        ReportFormat::Html => Format::Html,
    }
}

/// The man page, in roff.
pub fn man_page() -> Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(String::from_utf8_lossy(&page).into_owned())
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print_stdout(bytes: &[u8]) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(0),
    }
}

/// Formats of the analysis reports.
enum Plain {
    Table,
    Markdown,
    Json,
}

/// The format of the analysis reports (table, Markdown, JSON); `None`, after a usage
/// message, for the others.
fn plain_format(format: ReportFormat, command: &str) -> Result<Option<Plain>> {
    Ok(match format {
        ReportFormat::Table => Some(Plain::Table),
        ReportFormat::Markdown => Some(Plain::Markdown),
        ReportFormat::Json => Some(Plain::Json),
        other => {
            writeln!(
                std::io::stderr(),
                "error: `{command}` writes table, markdown or json, not {}",
                format!("{other:?}").to_lowercase()
            )?;
            None
        }
    })
}

fn options(search: &SearchArgs) -> Options {
    Options {
        effort: search.effort,
        seed: search.seed,
    }
}

/// The portfolio and its changes. Commands that load it more than once read standard input first.
fn input(args: &ReportArgs, changes: &ChangeArgs, reloads: bool) -> Result<Input> {
    let mut input = Input::file(&args.file);
    if reloads && args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        input.text = Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    input.overlays = overlays(changes);
    Ok(input)
}

/// Scenarios first, then `--set` changes.
fn overlays(changes: &ChangeArgs) -> Vec<Overlay> {
    changes
        .scenarios
        .iter()
        .cloned()
        .map(Overlay::Scenario)
        .chain(changes.sets.iter().cloned().map(Overlay::Set))
        .collect()
}

/// The measure ids of a planned portfolio, for did-you-mean.
fn measure_ids(planning: &resiplan::pipeline::Planning) -> Vec<&str> {
    planning
        .scored
        .portfolio
        .measures
        .iter()
        .map(|m| m.id.value.as_str())
        .collect()
}

/// A mistake on the command line that clap cannot see (an unknown measure id): exit 1.
fn usage_problem(message: &str) -> Result<ExitCode> {
    writeln!(std::io::stderr(), "error: {}", message.trim_end())?;
    Ok(1)
}

/// A progress bar on stderr when it is a terminal.
fn progress_bar(steps: u64) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(steps);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} plans {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn language(args: &ReportArgs, portfolio: Option<Language>) -> Language {
    pick_language(args.lang, portfolio)
}

fn pick_language(lang: Option<Lang>, portfolio: Option<Language>) -> Language {
    match lang {
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
    deliver_to(args.output.as_deref(), args.check, text)
}

fn deliver_to(output: Option<&Path>, check: bool, text: &str) -> Result<ExitCode> {
    let Some(path) = output else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        return Ok(0);
    };
    let shown = resiplan::diagnostic::source::display_path(path);
    if !check {
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
    summary: Option<&'a resiplan::pipeline::check::CheckSummary>,
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
                    .map(|f| resiplan::diagnostic::source::display_path(&f.path))
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
