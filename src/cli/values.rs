//! Options with a fixed list of values: the formats each command can write, languages,
//! period lengths, schema kinds. clap refuses any other value and lists these in the help,
//! the completions and the man page.

use clap::ValueEnum;

/// Which file format or JSON report `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// A portfolio.
    Portfolio,
    /// A catalog.
    Catalog,
    /// A scenario.
    Scenario,
    /// `plan --format json`.
    PlanReport,
    /// `rank --format json`.
    RankReport,
    /// `check --format json`.
    CheckReport,
    /// `compare --format json`.
    CompareReport,
    /// `explain --format json`.
    ExplainReport,
    /// `frontier --format json`.
    FrontierReport,
    /// `profile --format json`.
    ProfileReport,
    /// `sweep --format json`.
    SweepReport,
    /// `catalog list --format json`.
    CatalogListReport,
    /// `catalog show --format json`.
    CatalogShowReport,
    /// `weights --format json`.
    WeightsReport,
    /// `simulate --format json`.
    SimulateReport,
    /// `robustness --format json`.
    RobustnessReport,
    /// `budget --format json`.
    BudgetReport,
    /// `status --format json`.
    StatusReport,
}

/// Output of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GraphFormat {
    /// A Mermaid flowchart (renders on GitHub and GitLab).
    Mermaid,
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
}

/// Output of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Human-readable text (summaries on stdout, diagnostics on stderr).
    Text,
    /// One JSON document on stdout.
    Json,
    /// GitHub Actions workflow commands on stdout (`::error file=…,line=…,col=…::…`):
    /// annotations at the lines of a pull request.
    Github,
    /// A GitLab code-quality report (JSON) on stdout, for `artifacts:reports:codequality`.
    Gitlab,
}

/// Output of `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlanFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (renders on GitHub and GitLab).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per measure, `.` as decimal point.
    Csv,
    /// A Mermaid Gantt chart of the roadmap.
    Mermaid,
    /// One self-contained HTML page with charts (no scripts, no network).
    Html,
}

/// Output of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RankFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (renders on GitHub and GitLab).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per measure, `.` as decimal point.
    Csv,
    /// One self-contained HTML page with the ranking table.
    Html,
}

/// Output of `budget`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum BudgetFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (renders on GitHub and GitLab).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets: one row per budget period, line and resource.
    Csv,
    /// One self-contained HTML page.
    Html,
}

/// Output of `profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileFormat {
    /// A Markdown document, one part per measure.
    Markdown,
    /// One self-contained HTML page, a printed A4 page (or more) per measure.
    Html,
    /// A versioned JSON document: every profiled measure with its RACI and checklist.
    Json,
    /// The RACI matrix for spreadsheets: one row per measure, one column per party.
    Csv,
}

/// Output of `decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DecisionFormat {
    /// A Markdown document.
    Markdown,
    /// One self-contained HTML page, printable on A4.
    Html,
}

/// Who decides on a `decision` paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Body {
    /// A town or city council (Stadtrat, Gemeinderat): Beschlussvorlage.
    Stadtrat,
    /// A district council (Kreistag): Beschlussvorlage.
    Kreistag,
    /// A Land government: Kabinettvorlage.
    Kabinett,
}

/// Output of `explain` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnalysisFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (fits a pull-request comment).
    Markdown,
    /// A versioned JSON document.
    Json,
}

/// Output of `frontier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FrontierFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV for spreadsheets and plotting: one row per step, `.` as decimal point.
    Csv,
}

/// Output of `catalog list` and `catalog show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CatalogFormat {
    /// Tables for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// A versioned JSON document.
    Json,
}

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Lang {
    /// Deutsch.
    De,
    /// English.
    En,
}

/// Length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Period {
    /// Years: `2027`.
    Year,
    /// Half years: `2027-H1`.
    Half,
    /// Quarters: `2027-Q1`.
    Quarter,
    /// Months: `2027-01`.
    Month,
}

/// The highest security level `import grundschutz` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SecLevel {
    /// normal-SdT only: the state of the art for normal protection needs.
    #[value(alias = "normal-sdt")]
    Normal,
    /// normal-SdT and erhöht: for elevated protection needs.
    #[value(alias = "erhöht", alias = "erhoeht")]
    Elevated,
}

/// A modal verb of Grundschutz++.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ModalVerb {
    /// Required without exception (mandatory measures).
    #[value(name = "MUSS", alias = "must")]
    Muss,
    /// Required unless weighed and justified (leaving it out needs a risk acceptance).
    #[value(name = "SOLLTE", alias = "should")]
    Sollte,
    /// Optional, after a risk analysis.
    #[value(name = "KANN", alias = "may")]
    Kann,
}

/// The size of the organisation an import plans for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OrgSize {
    /// Gemeinde, Amt or Verbandsgemeinde (up to ~250 employees): 2 FTE.
    Small,
    /// Stadt or Landkreis (~250–2,000 employees): 5 FTE.
    Medium,
    /// Großstadt, large Landkreis or Land authority (over 2,000 employees): 10 FTE.
    Large,
}

/// When standard error gets colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// On a terminal, by the environment's conventions.
    Auto,
    /// Always (CI logs that show colour).
    Always,
    /// Never.
    Never,
}

/// How `-f csv` is written (`--csv-dialect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CsvDialect {
    /// For scripts: fixed column ids and status codes in every language, `,`, decimal point.
    Machine,
    /// For a German Excel (double click): byte-order mark, `;`, decimal commas, German headers.
    ExcelDe,
}

/// Output of `sweep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SweepFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV: one row per combination.
    Csv,
}

/// Output of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CompareFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document (fits a pull-request comment; `--summary` for a large one).
    Markdown,
    /// A versioned JSON document.
    Json,
    /// CSV: one row per column and measure that moved.
    Csv,
}
