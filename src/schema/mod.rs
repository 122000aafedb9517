//! JSON Schemas, generated with schemars: of the file formats (portfolio, catalog,
//! scenario), which editors use for completion and checks while a file is typed
//! (`# yaml-language-server: $schema=…`), and of every JSON report (`plan-report`, …),
//! which scripts can validate a report against.
//!
//! The file-format types mirror what `load` accepts (module `files`); the report schemas come
//! from the report types themselves (`crate::report::json`). Tests validate every shipped
//! example, catalog and scenario, and the output of every JSON-writing command, against
//! these schemas, and check that the files in `schema/` are what `resiplan schema` prints.

mod balance;
mod choice;
mod files;
mod funding;
mod maturity;
mod obligations;
mod primitives;
mod progress;
mod quick_wins;
mod rate;
mod reports;
mod risks;

/// Which schema: a file format or a JSON report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A plannable portfolio.
    Portfolio,
    /// A reusable library of measures.
    Catalog,
    /// Changes to a portfolio.
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

impl Kind {
    /// Every kind, in the order `schema/` lists them: the file formats, then the reports.
    pub const ALL: [Kind; 18] = [
        Kind::Portfolio,
        Kind::Catalog,
        Kind::Scenario,
        Kind::PlanReport,
        Kind::RankReport,
        Kind::CheckReport,
        Kind::CompareReport,
        Kind::ExplainReport,
        Kind::FrontierReport,
        Kind::ProfileReport,
        Kind::SweepReport,
        Kind::CatalogListReport,
        Kind::CatalogShowReport,
        Kind::WeightsReport,
        Kind::SimulateReport,
        Kind::RobustnessReport,
        Kind::BudgetReport,
        Kind::StatusReport,
    ];

    /// The name on the command line and of the file in `schema/` (`plan-report` →
    /// `schema/plan-report.schema.json`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Portfolio => "portfolio",
            Kind::Catalog => "catalog",
            Kind::Scenario => "scenario",
            Kind::PlanReport => "plan-report",
            Kind::RankReport => "rank-report",
            Kind::CheckReport => "check-report",
            Kind::CompareReport => "compare-report",
            Kind::ExplainReport => "explain-report",
            Kind::FrontierReport => "frontier-report",
            Kind::ProfileReport => "profile-report",
            Kind::SweepReport => "sweep-report",
            Kind::CatalogListReport => "catalog-list-report",
            Kind::CatalogShowReport => "catalog-show-report",
            Kind::WeightsReport => "weights-report",
            Kind::SimulateReport => "simulate-report",
            Kind::RobustnessReport => "robustness-report",
            Kind::BudgetReport => "budget-report",
            Kind::StatusReport => "status-report",
        }
    }

    /// The kind named `name`, as [`Kind::name`] gives it.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// For a report: the command whose JSON it describes (`catalog list`); `None` for a
    /// file format.
    pub fn command(self) -> Option<&'static str> {
        match self {
            Kind::Portfolio | Kind::Catalog | Kind::Scenario => None,
            Kind::PlanReport => Some("plan"),
            Kind::RankReport => Some("rank"),
            Kind::CheckReport => Some("check"),
            Kind::CompareReport => Some("compare"),
            Kind::ExplainReport => Some("explain"),
            Kind::FrontierReport => Some("frontier"),
            Kind::ProfileReport => Some("profile"),
            Kind::SweepReport => Some("sweep"),
            Kind::CatalogListReport => Some("catalog list"),
            Kind::CatalogShowReport => Some("catalog show"),
            Kind::WeightsReport => Some("weights"),
            Kind::SimulateReport => Some("simulate"),
            Kind::RobustnessReport => Some("robustness"),
            Kind::BudgetReport => Some("budget"),
            Kind::StatusReport => Some("status"),
        }
    }
}

/// The schema of a file format or report as pretty-printed JSON (with a trailing newline).
pub fn schema_json(kind: Kind) -> String {
    let schema = match kind {
        Kind::Portfolio => schemars::schema_for!(files::PortfolioFile),
        Kind::Catalog => schemars::schema_for!(files::CatalogFile),
        Kind::Scenario => schemars::schema_for!(files::ScenarioFile),
        _ => reports::schema(kind),
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => format!("{text}\n"),
        Err(error) => format!("{{\"error\": \"{error}\"}}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_found_by_its_name() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(Kind::from_name("plan"), None);
    }
}
