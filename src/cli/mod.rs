//! Command-line arguments (clap derive); the doc comments are the help text. `settings`
//! converts them once into typed settings; no clap type travels further.

pub(crate) mod baseline;
mod parse;
pub(crate) mod status;
pub(crate) mod uncertainty;
mod values;

pub(crate) use uncertainty::{RobustnessArgs, SimulateArgs, WeightsArgs};
pub(crate) use values::{
    AnalysisFormat, Body, BudgetFormat, CatalogFormat, CheckFormat, ColorWhen, CompareFormat,
    CsvDialect, DecisionFormat, FrontierFormat, GraphFormat, Lang, ModalVerb, OrgSize, Period,
    PlanFormat, ProfileFormat, RankFormat, SchemaKind, SecLevel, SweepFormat,
};

use clap::{Args, Parser, Subcommand, ValueHint};
use parse::{
    EffortParser, parse_amount, parse_dir, parse_label, parse_percent, parse_range, parse_set,
    parse_staff,
};
use resiplan::error::Exit;
use resiplan::model::period::PeriodLabel;
use resiplan::schedule::search::Effort;
use std::path::PathBuf;

/// resiplan turns a portfolio of measures into a prioritized, budget-feasible roadmap.
#[derive(Debug, Parser)]
#[command(name = "resiplan", version, about, long_about = None, after_long_help = exit_status())]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options of every command.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every command takes, before or after its name.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Print only errors: no warnings, no notes such as "is up to date", no progress bars.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Colour on standard error. `auto`: on a terminal, unless `NO_COLOR` is set, `TERM=dumb`
    /// or `CLICOLOR=0`; `CLICOLOR_FORCE=1` turns it on in pipes and CI logs.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate portfolios and catalogs; print one summary line per clean file.
    ///
    /// Problems go to stderr with file:line:column, the source line and a fix;
    /// the exit code is 1 when any file has an error, 2 when a file cannot be read.
    Check {
        /// Portfolio or catalog files (`-` reads standard input).
        #[arg(required = true, value_name = "FILE", value_hint = ValueHint::FilePath)]
        files: Vec<PathBuf>,
        /// Output format for diagnostics and summaries.
        #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Scenarios and `--set` changes, applied to every file (to check a scenario with its portfolio).
        #[command(flatten)]
        changes: ChangeArgs,
    },
    /// Plan a roadmap: every measure placed in periods within budgets, dependencies and deadlines.
    Plan {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = PlanFormat::Table)]
        format: PlanFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
        /// Re-planning against an adopted plan.
        #[command(flatten)]
        baseline: baseline::BaselineArgs,
    },
    /// Score and rank measures without scheduling.
    Rank {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = RankFormat::Table)]
        format: RankFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
    },
    /// Where the programme stands as of the portfolio's `as_of`: measures by state, late
    /// measures, plan against actual, decisions coming up.
    Status(status::StatusArgs),
    /// The Haushalt view: the roadmap per budget year in the lines of a public budget.
    ///
    /// Investment payments (Auszahlungen für Investitionen), operating expenses
    /// (Aufwendungen), other funds, own staff in VZÄ-Jahre (FTE-years), follow-up costs,
    /// Verpflichtungsermächtigungen (what measures starting in a year commit for later
    /// years), and capacity and rest per money resource. Nominal amounts: payment profiles
    /// and price indices apply.
    Budget {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = BudgetFormat::Table)]
        format: BudgetFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Also list each measure's payments per budget year (table, Markdown, HTML; JSON
        /// always has them).
        #[arg(long)]
        by_measure: bool,
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
    /// Explain where a measure is and why, and what extra capacity would move it earlier.
    ///
    /// For every earlier period it names the binding reason (earliest, an unfinished
    /// dependency, a resource short by how much and used by whom). The counterfactual is
    /// found by re-planning and printed as `--set` arguments that repeat it.
    Explain {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = AnalysisFormat::Table)]
        format: AnalysisFormat,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// The measure's id.
        #[arg(value_name = "MEASURE", value_hint = ValueHint::Other)]
        measure: String,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Compare the plan with scenarios, or two versions of a portfolio, side by side:
    /// objective, curve, moved measures, resource use, and the gates' verdicts.
    ///
    /// `compare FILE --scenario S…`: each scenario is one column, applied to the portfolio on
    /// its own. `compare OLD NEW` (or `compare --base OLD NEW`): the new version against the
    /// old one, e.g. `git show main:portfolio.yaml > old.yaml`. Gates make the command exit 4
    /// for CI when a column loses too much or drops or delays named measures; every gate's
    /// result, passed or failed, is part of the report.
    Compare {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// The new version of the portfolio; FILE is then the old one.
        #[arg(value_name = "NEW", value_hint = ValueHint::FilePath, conflicts_with_all = ["scenarios", "base"])]
        new: Option<PathBuf>,
        /// The old version of the portfolio; FILE is then the new one (`--base OLD NEW`).
        #[arg(long, value_name = "OLD", value_hint = ValueHint::FilePath, conflicts_with = "scenarios")]
        base: Option<PathBuf>,
        /// A short report for a pull-request comment, under 60 KB for any portfolio: gates,
        /// figures, counts of changes and the largest changes only.
        #[arg(long)]
        summary: bool,
        /// A scenario to compare with the base (repeatable: one column each).
        #[arg(long = "scenario", value_name = "FILE", required_unless_present_any = ["new", "base"], value_hint = ValueHint::FilePath)]
        scenarios: Vec<PathBuf>,
        /// Change the base and every scenario: `PATH=VALUE` (repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_set, value_hint = ValueHint::Other)]
        sets: Vec<String>,
        /// Exit 4 when a scenario loses more than this share of resilience, in percent.
        #[arg(long, value_name = "PERCENT", value_parser = parse_percent, value_hint = ValueHint::Other)]
        fail_if_loss_above: Option<f64>,
        /// Exit 4 when a column loses more than this amount of funding (grants its measures
        /// would have drawn inside the programmes' windows), e.g. `500k`.
        #[arg(long, value_name = "AMOUNT", value_parser = parse_amount, value_hint = ValueHint::Other)]
        fail_if_funding_lost_above: Option<f64>,
        /// Exit 4 when a scenario drops this measure from the roadmap (repeatable).
        #[arg(long, value_name = "MEASURE", value_hint = ValueHint::Other)]
        fail_if_dropped: Vec<String>,
        /// Exit 4 when a scenario drops this measure or finishes it later (repeatable).
        #[arg(long, value_name = "MEASURE", value_hint = ValueHint::Other)]
        fail_if_delayed: Vec<String>,
        /// Where `include` may read catalogs.
        #[command(flatten)]
        includes: IncludeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
        /// Every side planned against an adopted plan.
        #[command(flatten)]
        baseline: baseline::BaselineArgs,
    },
    /// Resilience against budget: plan with a resource's capacity scaled step by step.
    Frontier {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = FrontierFormat::Table)]
        format: FrontierFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// Range of factors on every period's capacity, `FROM..TO`.
        #[arg(long, value_name = "FROM..TO", default_value = "0.5..2.0", value_parser = parse_range, value_hint = ValueHint::Other)]
        budget_scale: (f64, f64),
        /// Number of steps, evenly spaced (2 to 1000).
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(2..=1000), value_hint = ValueHint::Other)]
        steps: u32,
        /// The resource to scale; default: the one in the portfolio's currency.
        #[arg(long, value_name = "ID", value_hint = ValueHint::Other)]
        resource: Option<String>,
        /// Scenarios and `--set` changes.
        #[command(flatten)]
        changes: ChangeArgs,
        /// Search options.
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Monte Carlo over the estimates: the roadmap executed many times with costs,
    /// durations and impacts drawn from each measure's `uncertainty` ranges.
    ///
    /// Reports spending per period with percentiles (P50/P80/P95) and the chance of an
    /// overrun, the chance of meeting each deadline, finish ranges per measure and the
    /// measures that drive the spread. The same seed gives the same numbers everywhere.
    Simulate(SimulateArgs),
    /// How stable the roadmap is: re-plan under sampled weights and estimates.
    ///
    /// Reports how often each measure is in the roadmap, its rank and start, which
    /// measures are stable and which depend on the assumptions, and the weight changes
    /// that would swap the top of the ranking.
    Robustness(RobustnessArgs),
    /// The dimension weights and where they come from: given, or derived from pairwise
    /// comparisons (`weights: { method: pairwise, … }`) with their consistency ratio.
    Weights(WeightsArgs),
    /// Measure profiles (German: Maßnahmensteckbriefe): one page per measure.
    ///
    /// Goal, effect, responsibilities (RACI) and participations, timing with what comes before
    /// and after, costs per year, staff, run costs, estimate quality and sources. Without
    /// MEASURE every measure, followed by the RACI matrix and the participation checklist.
    /// `-o DIR` (an existing directory) writes one file per measure; `-f csv` writes the RACI
    /// matrix.
    #[command(visible_alias = "steckbrief")]
    Profile(ProfileArgs),
    /// A draft resolution for a council or a cabinet (German: Beschlussvorlage).
    ///
    /// Subject, proposed resolution with the volume and the funds per budget year, background,
    /// alternatives (one per `--scenario`, against the proposal), financial and staff
    /// implications per year, annexes.
    #[command(visible_alias = "vorlage")]
    Decision(DecisionArgs),
    /// Plan every combination of values for a few paths: a budget × staff grid, a weight, a
    /// deadline. One row per combination.
    ///
    /// Each `--set` is an axis: `PATH=FROM..TO/N` (N values evenly spaced, both ends
    /// included), `PATH=A,B,C` or `PATH=VALUE`. The combinations are planned in memory and in
    /// parallel; the rows are the same on any number of threads.
    Sweep {
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = SweepFormat::Table)]
        format: SweepFormat,
        /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
        #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
        csv_dialect: CsvDialect,
        /// Report options.
        #[command(flatten)]
        report: ReportArgs,
        /// An axis: `resources.budget.capacity.default=800k..1.6M/5`, `measures.ID.deadline=2028,2029`
        /// (repeatable: every combination is planned).
        #[arg(long = "set", value_name = "PATH=VALUES", required = true, value_hint = ValueHint::Other)]
        axes: Vec<String>,
        /// Report where this measure finishes in every row (repeatable).
        #[arg(long, value_name = "MEASURE", value_hint = ValueHint::Other)]
        track: Vec<String>,
        /// Apply a scenario file first (repeatable; applied in the order given).
        #[arg(long = "scenario", value_name = "FILE", value_hint = ValueHint::FilePath)]
        scenarios: Vec<PathBuf>,
        /// Threads to plan on; default: one per core.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256), value_hint = ValueHint::Other)]
        jobs: Option<u32>,
        /// Where `include` may read catalogs.
        #[command(flatten)]
        includes: IncludeArgs,
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
    /// Print the JSON Schema of a file format (for editors: `# yaml-language-server: $schema=…`)
    /// or of a JSON report.
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
    /// Print the man page (roff), every command included: `resiplan man > resiplan.1`.
    #[command(hide = true)]
    Man,
}

/// Scenario files and `--set` changes, applied in that order.
#[derive(Debug, Args)]
pub(crate) struct ChangeArgs {
    /// Apply a scenario file (repeatable; applied in the order given).
    #[arg(long = "scenario", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub scenarios: Vec<PathBuf>,
    /// Change one value, e.g. `resources.budget.capacity.2028=1.2M` (repeatable; after scenarios).
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_set, value_hint = ValueHint::Other)]
    pub sets: Vec<String>,
    /// Where `include` may read catalogs.
    #[command(flatten)]
    pub includes: IncludeArgs,
}

/// Directories `include` may read from besides the default ones.
#[derive(Debug, Args)]
pub(crate) struct IncludeArgs {
    /// Also read included catalogs inside DIR (repeatable). Without it, an `include` must lie
    /// inside the working directory or the portfolio's directory (links followed), and an
    /// absolute include path is refused.
    #[arg(long = "include-root", value_name = "DIR", value_parser = parse_dir, value_hint = ValueHint::DirPath)]
    pub include_roots: Vec<PathBuf>,
}

/// How hard to search for a good roadmap.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// Search effort: `quick` (priority rules and exact improvement), `normal`, `thorough`, or a number of rebuilt roadmaps.
    #[arg(long, default_value = "normal", value_parser = EffortParser)]
    pub effort: Effort,
    /// Seed of the local search: the same seed gives the same roadmap.
    #[arg(long, default_value_t = 1, value_hint = ValueHint::Other)]
    pub seed: u64,
}

/// Options of `graph`.
#[derive(Debug, Args)]
pub(crate) struct GraphArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = GraphFormat::Mermaid)]
    pub format: GraphFormat,
    /// Report options (the language is that of the labels).
    #[command(flatten)]
    pub report: ReportArgs,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
}

/// Options of `profile`.
#[derive(Debug, Args)]
pub(crate) struct ProfileArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ProfileFormat::Markdown)]
    pub format: ProfileFormat,
    /// How `-f csv` is written: `machine` (column ids, `,`, decimal point) or `excel-de`.
    #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Machine)]
    pub csv_dialect: CsvDialect,
    /// Report options (`-o DIR`, an existing directory: one file per measure).
    #[command(flatten)]
    pub report: ReportArgs,
    /// The measures' ids (default: every measure).
    #[arg(value_name = "MEASURE", value_hint = ValueHint::Other)]
    pub measures: Vec<String>,
    /// Scenarios and `--set` changes.
    #[command(flatten)]
    pub changes: ChangeArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Options of `decision`.
#[derive(Debug, Args)]
pub(crate) struct DecisionArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = DecisionFormat::Markdown)]
    pub format: DecisionFormat,
    /// Report options.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Who decides: the form of address and the paper's name.
    #[arg(long, value_enum, default_value_t = Body::Stadtrat)]
    pub body: Body,
    /// A scenario to offer as an alternative to the proposal (repeatable).
    #[arg(long = "scenario", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub scenarios: Vec<PathBuf>,
    /// Change the proposal and every alternative: `PATH=VALUE` (repeatable).
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = parse_set, value_hint = ValueHint::Other)]
    pub sets: Vec<String>,
    /// Where `include` may read catalogs.
    #[command(flatten)]
    pub includes: IncludeArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
}

/// Options shared by the commands that write reports.
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Portfolio file (`-` reads standard input).
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Report language; default: the portfolio's `language`, else English.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write nothing; exit 3 if OUT differs from what would be written (a CI drift check).
    /// The provenance (tool version, hash of the inputs) does not count unless --strict.
    #[arg(long, requires = "output")]
    pub check: bool,
    /// With --check: also fail (exit 3) when only the provenance differs.
    #[arg(long, requires = "check")]
    pub strict: bool,
}

/// `resiplan import …`: the formats that can be imported.
#[derive(Debug, Subcommand)]
pub(crate) enum ImportCommand {
    /// BSI Grundschutz++ (OSCAL JSON catalog) → a portfolio with one measure per control.
    ///
    /// By default it takes what a municipality must and should do at the normal level (the
    /// MUSS and SOLLTE controls of normal-SdT) and keeps the BSI's order: normal before
    /// elevated, MUSS before SOLLTE before KANN, each practice's x.1.1 first. Durations,
    /// staff effort and impacts follow the mapping printed in the output's header; the
    /// output checks and plans as it is.
    Grundschutz(GrundschutzArgs),
}

/// `resiplan import grundschutz …`.
#[derive(Debug, Args)]
pub(crate) struct GrundschutzArgs {
    /// The catalog, e.g. `BSI-Stand-der-Technik-Kernel-catalog.json` (`-` reads standard input).
    #[arg(value_name = "FILE.json", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// The highest security level to take: normal (normal-SdT) or elevated (normal-SdT and erhöht).
    #[arg(long, value_enum, default_value_t = SecLevel::Normal, ignore_case = true)]
    pub sec_level: SecLevel,
    /// The modal verbs to take, comma-separated (default: MUSS,SOLLTE).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        ignore_case = true,
        value_name = "VERB,..."
    )]
    pub modal: Vec<ModalVerb>,
    /// The practices to take, comma-separated ids such as `BER,NOT` (default: all).
    #[arg(long, value_delimiter = ',', value_name = "ID,...", value_hint = ValueHint::Other)]
    pub practices: Vec<String>,
    /// One work package per practice and stage instead of one measure per control (staff in FTE).
    #[arg(long)]
    pub per_practice: bool,
    /// Controls implemented already: a YAML (`BER.1.1: done`) or CSV (`BER.1.1,done`) file of
    /// control id → done, partial or open. Done controls become `status: done`; partly done
    /// ones keep half their effort and duration.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub status: Option<PathBuf>,
    /// Write a catalog (measures only) that a portfolio can `include`, instead of a portfolio.
    #[arg(long)]
    pub as_catalog: bool,
    /// First period, e.g. `2027-Q1` (default: the first period of 2027).
    #[arg(long, value_parser = parse_label, value_hint = ValueHint::Other)]
    pub start: Option<PeriodLabel>,
    /// Last period, inclusive (default: five years after the start).
    #[arg(long, value_parser = parse_label, value_hint = ValueHint::Other)]
    pub end: Option<PeriodLabel>,
    /// Period length (default: that of --start or --end, else quarter).
    #[arg(long, value_enum)]
    pub period: Option<Period>,
    /// The organisation's size, which sets the default staff (small 2, medium 5, large 10 FTE).
    #[arg(long, value_enum, default_value_t = OrgSize::Medium)]
    pub size: OrgSize,
    /// Staff capacity in full-time equivalents (default: that of --size, or what the mandatory controls need).
    #[arg(long, value_name = "FTE", value_parser = parse_staff, value_hint = ValueHint::Other)]
    pub staff: Option<f64>,
}

/// `resiplan catalog …`.
#[derive(Debug, Subcommand)]
pub(crate) enum CatalogCommand {
    /// List the shipped catalogs (or the catalog files in a directory).
    List {
        /// List the catalog files in this directory instead of the shipped ones.
        #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = CatalogFormat::Table)]
        format: CatalogFormat,
    },
    /// Show every measure of a catalog: a shipped name (see `catalog list`) or a file.
    Show {
        /// A shipped catalog's name, like `sicherheit-kontinuitaet`, or the path of a catalog file.
        #[arg(value_name = "CATALOG", value_hint = ValueHint::FilePath)]
        catalog: String,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = CatalogFormat::Table)]
        format: CatalogFormat,
        /// Language of measure names and headings (default: English).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
}

/// `resiplan init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// A catalog to start from: a file (included by its path, relative to where you save the
    /// portfolio) or a shipped name (its measures are copied in). Repeatable.
    #[arg(long, value_name = "FILE|NAME", value_hint = ValueHint::FilePath)]
    pub catalog: Vec<String>,
    /// Language of the comments and of the portfolio's reports (default: English).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

/// The exit codes, for the end of `resiplan --help`.
fn exit_status() -> String {
    let mut text = String::from("Exit status:");
    for exit in Exit::ALL {
        text.push_str(&format!("\n  {}  {}", exit.code(), exit.meaning()));
    }
    text
}
