//! Typed settings: the command line, converted once from clap's types. The commands see
//! only these; no clap type travels past this file.

mod from_cli;
pub(crate) mod status;
mod uncertainty;

pub(crate) use uncertainty::{Robustness, RobustnessFormat, Simulate, SimulateFormat};

use resiplan::analysis::compare::Gates;
use resiplan::content::import::grundschutz;
use resiplan::load::Overlay;
use resiplan::model::Language;
use resiplan::report::{self, catalog::CatalogFormat};
use resiplan::schedule::Options;
use resiplan::schema;
use std::path::PathBuf;

/// What to run, with every option typed.
#[derive(Debug)]
pub(crate) enum Settings {
    /// `check`.
    Check(Check),
    /// `plan`.
    Plan(Plan),
    /// `rank`.
    Rank(Rank),
    /// `budget`.
    Budget(Budget),
    /// `status`.
    Status(status::Status),
    /// `explain`.
    Explain(Explain),
    /// `compare`.
    Compare(Compare),
    /// `frontier`.
    Frontier(Frontier),
    /// `profile` (`steckbrief`).
    Profile(Profile),
    /// `decision` (`vorlage`).
    Decision(Decision),
    /// `sweep`.
    Sweep(Sweep),
    /// `graph`.
    Graph(Graph),
    /// `weights`.
    Weights(Weights),
    /// `simulate`.
    Simulate(Simulate),
    /// `robustness`.
    Robustness(Robustness),
    /// `import grundschutz`.
    Import(Import),
    /// `catalog list`.
    CatalogList(CatalogList),
    /// `catalog show`.
    CatalogShow(CatalogShow),
    /// `init`.
    Init(Init),
    /// `schema`.
    Schema(schema::Kind),
    /// `completions`.
    Completions(clap_complete::Shell),
    /// `man`.
    Man,
}

/// A portfolio file and the changes to apply to it, in order.
#[derive(Debug, Clone)]
pub(crate) struct Portfolio {
    /// The file (`-` for standard input).
    pub file: PathBuf,
    /// Scenarios first, then `--set` changes.
    pub overlays: Vec<Overlay>,
    /// `--include-root`: directories includes may read from besides the default ones.
    pub include_roots: Vec<PathBuf>,
}

/// The options of every command: how much goes to standard error, and whether in colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// `--quiet`: errors only.
    pub quiet: bool,
    /// `--color`.
    pub colour: ColourChoice,
}

/// `--color`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum ColourChoice {
    /// By the terminal and the environment.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Destination {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
    /// Nothing is written; the file is compared with what would be, except for the
    /// provenance (`--check`).
    Check(PathBuf),
    /// As [`Destination::Check`], byte for byte (`--check --strict`).
    CheckStrict(PathBuf),
}

/// How a report is written.
#[derive(Debug, Clone)]
pub(crate) struct Report<F> {
    /// The format.
    pub format: F,
    /// Where it goes.
    pub destination: Destination,
    /// `--lang`; `None` for the portfolio's language.
    pub lang: Option<Language>,
}

impl<F> Report<F> {
    /// The language: `--lang`, else the portfolio's, else English.
    pub(crate) fn language(&self, portfolio: Option<Language>) -> Language {
        self.lang.or(portfolio).unwrap_or_default()
    }
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    /// Summaries on stdout, diagnostics on stderr.
    Text,
    /// One JSON document on stdout.
    Json,
    /// GitHub workflow commands on stdout.
    Github,
    /// A GitLab code-quality report on stdout.
    Gitlab,
}

/// Formats of `explain` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnalysisFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// Formats of `frontier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrontierFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// `check FILE...`.
#[derive(Debug)]
pub(crate) struct Check {
    /// The files.
    pub files: Vec<PathBuf>,
    /// Scenarios and `--set` changes applied to each.
    pub overlays: Vec<Overlay>,
    /// `--include-root`: directories includes may read from besides the default ones.
    pub include_roots: Vec<PathBuf>,
    /// Text or JSON.
    pub format: CheckFormat,
}

/// `plan FILE`.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// The report.
    pub report: Report<report::Format>,
    /// Search options.
    pub options: Options,
    /// `--baseline` and `--freeze`: the adopted plan to re-plan against.
    pub baseline: Option<(
        std::path::PathBuf,
        Option<resiplan::analysis::baseline::Freeze>,
    )>,
}

/// Formats of `budget`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BudgetFormat {
    /// Terminal table.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
    /// HTML.
    Html,
}

/// `budget FILE`.
#[derive(Debug)]
pub(crate) struct Budget {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// `--by-measure`.
    pub by_measure: bool,
    /// The report.
    pub report: Report<BudgetFormat>,
    /// Search options.
    pub options: Options,
}

/// Formats of `profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProfileFormat {
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON.
    Json,
    /// The RACI matrix as CSV.
    Csv,
}

/// Formats of `decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecisionFormat {
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

/// `profile FILE [MEASURE...]`.
#[derive(Debug)]
pub(crate) struct Profile {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The measures' ids; empty for every measure.
    pub measures: Vec<String>,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// The report.
    pub report: Report<ProfileFormat>,
    /// Search options.
    pub options: Options,
}

/// `decision FILE`.
#[derive(Debug)]
pub(crate) struct Decision {
    /// The portfolio (with `--set` changes).
    pub portfolio: Portfolio,
    /// The scenarios offered as alternatives.
    pub scenarios: Vec<PathBuf>,
    /// Who decides.
    pub body: report::documents::decision::Body,
    /// The report.
    pub report: Report<DecisionFormat>,
    /// Search options.
    pub options: Options,
}

/// `rank FILE`.
#[derive(Debug)]
pub(crate) struct Rank {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// The report (never Mermaid).
    pub report: Report<report::Format>,
}

/// `explain FILE MEASURE`.
#[derive(Debug)]
pub(crate) struct Explain {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The measure's id.
    pub measure: String,
    /// The report.
    pub report: Report<AnalysisFormat>,
    /// Search options.
    pub options: Options,
}

/// `compare FILE --scenario S...`.
#[derive(Debug)]
pub(crate) struct Compare {
    /// The base: the portfolio with the `--set` changes (the old version with `OLD NEW`).
    pub portfolio: Portfolio,
    /// The new version of the portfolio, with the same changes (`compare OLD NEW`).
    pub new: Option<Portfolio>,
    /// The short report for a pull-request comment.
    pub summary: bool,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// One column each.
    pub scenarios: Vec<PathBuf>,
    /// The CI gates.
    pub gates: Gates,
    /// The report.
    pub report: Report<CompareFormat>,
    /// Search options.
    pub options: Options,
    /// `--baseline` and `--freeze`: every side is planned against this adopted plan.
    pub baseline: Option<(PathBuf, Option<resiplan::analysis::baseline::Freeze>)>,
}

/// `frontier FILE`.
#[derive(Debug)]
pub(crate) struct Frontier {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// The resource to scale; `None` for the one in the portfolio's currency.
    pub resource: Option<String>,
    /// Range of factors.
    pub scale: (f64, f64),
    /// Number of steps.
    pub steps: usize,
    /// The report.
    pub report: Report<FrontierFormat>,
    /// Search options.
    pub options: Options,
}

/// `weights FILE`.
#[derive(Debug)]
pub(crate) struct Weights {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The report.
    pub report: Report<AnalysisFormat>,
}

/// `graph FILE`.
#[derive(Debug)]
pub(crate) struct Graph {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The report.
    pub report: Report<report::GraphFormat>,
}

/// `import grundschutz FILE.json`.
#[derive(Debug)]
pub(crate) struct Import {
    /// The OSCAL catalog (`-` for standard input).
    pub file: PathBuf,
    /// Horizon and staff.
    pub options: grundschutz::Options,
    /// Standard output or a file.
    pub destination: Destination,
}

/// `catalog list`.
#[derive(Debug)]
pub(crate) struct CatalogList {
    /// A directory instead of the shipped catalogs.
    pub dir: Option<PathBuf>,
    /// The format.
    pub format: CatalogFormat,
}

/// `catalog show CATALOG`.
#[derive(Debug)]
pub(crate) struct CatalogShow {
    /// A shipped name or a file.
    pub catalog: String,
    /// The format.
    pub format: CatalogFormat,
    /// Language of names and headings.
    pub language: Language,
}

/// `init`.
#[derive(Debug)]
pub(crate) struct Init {
    /// Catalogs to start from: files or shipped names.
    pub catalogs: Vec<String>,
    /// Language of the comments and of the portfolio.
    pub language: Language,
    /// Standard output or a file.
    pub destination: Destination,
}

/// `sweep FILE --set PATH=VALUES…`.
#[derive(Debug)]
pub(crate) struct Sweep {
    /// The portfolio (with scenarios, no `--set`: those are the axes).
    pub portfolio: Portfolio,
    /// The axes as given.
    pub axes: Vec<String>,
    /// `--track`.
    pub track: Vec<String>,
    /// Threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// `--csv-dialect`.
    pub csv: report::csv::Dialect,
    /// The report.
    pub report: Report<SweepFormat>,
    /// Search options.
    pub options: Options,
}

/// Formats of `sweep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SweepFormat {
    /// Terminal table.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompareFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}
