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
    },
    /// Plan a roadmap: every measure placed in periods within budgets, dependencies and deadlines.
    Plan {
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Search effort: `quick` (priority rules and exact improvement), `normal`, `thorough`, or a number of rebuilt roadmaps.
        #[arg(long, default_value = "normal", value_parser = parse_effort)]
        effort: Effort,
        /// Seed of the local search: the same seed gives the same roadmap.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Score and rank measures without scheduling.
    Rank(ReportArgs),
    /// Import a measure catalog from another format as a portfolio.
    #[command(subcommand)]
    Import(ImportCommand),
    /// The measure catalogs shipped with resiplan: list them, or show one.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Print a commented starting portfolio, empty or with catalogs.
    Init(InitArgs),
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
