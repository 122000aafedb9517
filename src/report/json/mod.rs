//! JSON: one versioned document per command for scripts, all with the same root (see
//! [`Envelope`]): `format_version`, `tool`, `command`, `language` where the document
//! has texts in one language, `provenance` where it has inputs, then the command's
//! fields. Measures, resources and periods appear by id and label, never by index;
//! names are strings in the report language; amounts per resource are objects keyed by
//! resource id. Every report type derives a JSON Schema (`resiplan schema plan-report`).

pub mod balance;
pub mod baseline;
pub mod budget;
pub mod catalog;
pub mod changes;
pub mod check;
pub mod choice;
pub mod compare;
pub mod counterfactual;
pub mod duties;
pub mod envelope;
pub mod explain;
pub mod frontier;
pub mod funding;
pub mod maturity;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod quick_wins;
pub mod rank;
pub mod reason;
pub mod risk;
pub mod robustness;
pub mod shared;
pub mod simulate;
mod status;
pub mod sweep;
pub mod weights;
pub mod yearly_actuals;

pub use budget::{BudgetReport, budget};
pub use catalog::{CatalogListReport, CatalogShowReport, catalog_list, catalog_show};
pub use check::{CheckReport, check};
pub use compare::{CompareReport, compare};
pub use envelope::{Envelope, FORMAT_VERSION, render};
pub use explain::{ExplainReport, explain};
pub use frontier::{FrontierReport, frontier};
pub use plan::{PlanReport, plan};
pub use profile::{ProfileReport, profile};
pub use rank::{RankReport, rank};
pub use robustness::{RobustnessReport, robustness};
pub use simulate::{SimulateReport, simulate};
pub use status::{StatusReport, status};
pub use sweep::{SweepReport, sweep};
pub use weights::{WeightsReport, weights};
