//! Command-line arguments (clap derive). Converted to typed settings in `run`; no clap type leaves here.

use clap::{Args, Parser, Subcommand, ValueEnum};
use resiplan::model::period::PeriodLabel;
use resiplan::schedule::search::Effort;
use std::path::PathBuf;

/// resiplan turns a portfolio of measures into a prioritized, budget-feasible roadmap.
#[derive(Debug, Parser)]
#[command(name = "resiplan", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate portfolios and catalogs; print one summary line per clean file.
    ///
    /// Problems go to stderr with file:line:column, the source line and a fix;
    /// the exit code is 1 when any file has an error.
    Check {
        /// Portfolio or catalog files (`-` reads standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format for diagnostics and summaries.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Scenarios and `--set` changes, applied to every file (to check a scenario with its portfolio).
        #[command(flatten)]
        changes: ChangeArgs,
    },
    /// Plan a roadmap: every measure placed in periods within budgets, dependencies and deadlines.
    Plan {
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Score and rank measures without scheduling.
    Rank {
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
    },
    /// Explain where a measure is and why, and what extra capacity would move it earlier.
    ///
    /// For every earlier period it names the binding reason (earliest, an unfinished
    /// dependency, a resource short by how much and used by whom). The counterfactual is
    /// found by re-planning and printed as `--set` arguments that repeat it.
    Explain {
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// The measure's id.
        #[arg(value_name = "MEASURE")]
        measure: String,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Compare the plan with scenarios side by side: objective, curve, moved measures, resource use.
    ///
    /// Each `--scenario` is one column, applied to the portfolio on its own. Gates make the
    /// command exit 1 for CI when a scenario loses too much or drops or delays named measures.
    Compare {
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// A scenario to compare with the base (repeatable: one column each).
        #[arg(long = "scenario", value_name = "FILE", required = true)]
        scenarios: Vec<PathBuf>,
        /// Change the base and every scenario: `PATH=VALUE` (repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_set)]
        sets: Vec<String>,
        /// Exit 1 when a scenario loses more than this share of resilience, in percent.
        #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
        fail_if_loss_above: Option<f64>,
        /// Exit 1 when a scenario drops this measure from the roadmap (repeatable).
        #[arg(long, value_name = "MEASURE")]
        fail_if_dropped: Vec<String>,
        /// Exit 1 when a scenario drops this measure or finishes it later (repeatable).
        #[arg(long, value_name = "MEASURE")]
        fail_if_delayed: Vec<String>,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Resilience against budget: plan with a resource's capacity scaled step by step.
    Frontier {
        /// Report options (`--format csv` too).
        #[command(flatten)]
        report: ReportArgs,
        /// Range of factors on every period's capacity, `FROM..TO`.
        #[arg(long, value_name = "FROM..TO", default_value = "0.5..2.0", value_parser = parse_range)]
        budget_scale: (f64, f64),
        /// Number of steps, evenly spaced (2 to 1000).
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(2..=1000))]
        steps: u32,
        /// The resource to scale; default: the one in the portfolio's currency.
        #[arg(long, value_name = "ID")]
        resource: Option<String>,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Draw the dependency graph (Mermaid flowchart or Graphviz DOT).
    Graph(GraphArgs),
    /// Import a measure catalog from another format as a portfolio.
    #[command(subcommand)]
    Import(ImportCommand),
    /// The measure catalogs shipped with resiplan: list them, or show one.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Print a commented starting portfolio, empty or with catalogs.
    Init(InitArgs),
    /// Print the JSON Schema of a file format, for editors (`# yaml-language-server: $schema=…`).
    Schema {
        /// The format.
        #[arg(value_enum, default_value_t = SchemaKind::Portfolio)]
        kind: SchemaKind,
    },
    /// Print a shell completion script: `resiplan completions bash > /etc/bash_completion.d/resiplan`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `resiplan man > resiplan.1`.
    #[command(hide = true)]
    Man,
}

/// Which file format `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A portfolio.
    Portfolio,
    /// A catalog.
    Catalog,
    /// A scenario.
    Scenario,
}

/// Scenario files and `--set` changes, applied in that order.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Apply a scenario file (repeatable; applied in the order given).
    #[arg(long = "scenario", value_name = "FILE")]
    pub scenarios: Vec<PathBuf>,
    /// Change one value, e.g. `resources.budget.capacity.2028=1.2M` (repeatable; after scenarios).
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_set)]
    pub sets: Vec<String>,
}

/// How hard to search for a good roadmap.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Search effort: `quick` (priority rules and exact improvement), `normal`, `thorough`, or a number of rebuilt roadmaps.
    #[arg(long, default_value = "normal", value_parser = parse_effort)]
    pub effort: Effort,
    /// Seed of the local search: the same seed gives the same roadmap.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

fn parse_set(text: &str) -> Result<String, String> {
    match text.split_once('=') {
        Some((path, _)) if !path.trim().is_empty() => Ok(text.to_owned()),
        _ => Err(format!(
            "`{text}` is not PATH=VALUE; e.g. `resources.budget.capacity.2028=1.2M`"
        )),
    }
}

fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(value) if value.is_finite() && (0.0..=100.0).contains(&value) => Ok(value / 100.0),
        _ => Err(format!("`{text}` is not a percentage from 0 to 100")),
    }
}

fn parse_range(text: &str) -> Result<(f64, f64), String> {
    let problem = || format!("`{text}` is not a range like `0.5..2.0`");
    let (from, to) = text.split_once("..").ok_or_else(problem)?;
    let from: f64 = from.trim().parse().map_err(|_| problem())?;
    let to: f64 = to.trim().parse().map_err(|_| problem())?;
    if !(from.is_finite() && to.is_finite() && from >= 0.0 && to > from) {
        return Err(format!(
            "`{text}`: factors must be 0 or more and FROM below TO, e.g. `0.5..2.0`"
        ));
    }
    Ok((from, to))
}

/// Options of `graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Portfolio file (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = GraphFormat::Mermaid)]
    pub format: GraphFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Label language; default: the portfolio's `language`, else English.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write nothing; exit 1 if OUT differs from what would be written (a CI drift check).
    #[arg(long, requires = "output")]
    pub check: bool,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
}

/// Output of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// A Mermaid flowchart (renders on GitHub and GitLab).
    Mermaid,
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
}

/// Options shared by the commands that write reports.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Portfolio file (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Report language; default: the portfolio's `language`, else English.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write nothing; exit 1 if OUT differs from what would be written (a CI drift check).
    #[arg(long, requires = "output")]
    pub check: bool,
}

fn parse_effort(text: &str) -> Result<Effort, String> {
    match text {
        "quick" => Ok(Effort::Quick),
        "normal" => Ok(Effort::Normal),
        "thorough" => Ok(Effort::Thorough),
        number => number.parse().map(Effort::Iterations).map_err(|_| {
            format!("`{number}` is not an effort: use quick, normal, thorough or a number")
        }),
    }
}

/// Output of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable text (summaries on stdout, diagnostics on stderr).
    Text,
    /// One JSON document on stdout.
    Json,
}

/// Output of `plan` and `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (renders on GitHub and GitLab).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per measure, `.` as decimal point.
    Csv,
    /// A Mermaid Gantt chart of the roadmap (plan only).
    Mermaid,
    /// One self-contained HTML page with charts (no scripts, no network).
    Html,
}

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Deutsch.
    De,
    /// English.
    En,
}

/// `resiplan import …`: the formats that can be imported.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// BSI Grundschutz++ (OSCAL JSON catalog) → a portfolio with one measure per control.
    ///
    /// Durations, staff effort and impacts follow the mapping printed in the
    /// output's header; the output checks and plans as it is.
    Grundschutz {
        /// The catalog, e.g. `BSI-Stand-der-Technik-Kernel-catalog.json` (`-` reads standard input).
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short = 'o', value_name = "OUT")]
        output: Option<PathBuf>,
        /// First period, e.g. `2027-Q1` (default: the first period of 2027).
        #[arg(long, value_parser = parse_label)]
        start: Option<PeriodLabel>,
        /// Last period, inclusive (default: five years after the start).
        #[arg(long, value_parser = parse_label)]
        end: Option<PeriodLabel>,
        /// Period length (default: that of --start or --end, else quarter).
        #[arg(long, value_enum)]
        period: Option<Period>,
        /// Staff capacity in full-time equivalents (default: 10, or what the mandatory controls need).
        #[arg(long, value_name = "FTE", value_parser = parse_staff)]
        staff: Option<f64>,
    },
}

/// `resiplan catalog …`.
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List the shipped catalogs (or the catalog files in a directory).
    List {
        /// List the catalog files in this directory instead of the shipped ones.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
    },
    /// Show every measure of a catalog: a shipped name (see `catalog list`) or a file.
    Show {
        /// A shipped catalog's name, like `sicherheit-kontinuitaet`, or the path of a catalog file.
        #[arg(value_name = "CATALOG")]
        catalog: String,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Language of measure names and headings (default: English).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
}

/// `resiplan init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// A catalog to start from: a file (included by its path, relative to where you save the
    /// portfolio) or a shipped name (its measures are copied in). Repeatable.
    #[arg(long, value_name = "FILE|NAME")]
    pub catalog: Vec<String>,
    /// Language of the comments and of the portfolio's reports (default: English).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Period {
    /// Years: `2027`.
    Year,
    /// Half years: `2027-H1`.
    Half,
    /// Quarters: `2027-Q1`.
    Quarter,
    /// Months: `2027-01`.
    Month,
}

fn parse_label(text: &str) -> Result<PeriodLabel, String> {
    PeriodLabel::parse(text).map_err(|e| e.0)
}

fn parse_staff(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(fte) if fte.is_finite() && fte > 0.0 => Ok(fte),
        _ => Err(format!(
            "`{text}` is not a staff capacity: write a positive number of full-time equivalents, e.g. 10 or 2.5"
        )),
    }
}
