//! The changes against the adopted plan in `plan --baseline … --format json` (`changes`);
//! see [`crate::analysis::baseline`].

use crate::analysis::baseline::{Adopted, ChangeKind, Reason};
use schemars::JsonSchema;
use serde::Serialize;

/// The re-plan against an adopted plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChangesReport {
    /// Ids of the measures `--freeze` kept at their adopted start.
    pub frozen: Vec<String>,
    /// Whether the adopted roadmap was kept (a new one would be better by at most 1 %).
    pub kept_adopted: bool,
    /// Each measure moved, added or dropped.
    pub measures: Vec<ChangeJson>,
}

/// How a measure's place changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKindJson {
    /// Starts earlier (a started measure: began earlier).
    Earlier,
    /// Starts later (a started measure: began later).
    Later,
    /// In the roadmap now, not in the adopted one.
    Added,
    /// In the adopted roadmap, not in this one or not in the portfolio.
    Dropped,
}

/// One measure whose place changed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChangeJson {
    /// Measure id.
    pub id: String,
    /// How.
    pub change: ChangeKindJson,
    /// Its adopted start, `null` when the adopted plan did not schedule it.
    pub from: Option<String>,
    /// Its start now, `null` when not scheduled.
    pub to: Option<String>,
    /// Why, most specific first.
    pub reasons: Vec<ReasonJson>,
}

/// Why a measure moved.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonJson {
    /// It has started: share done, 0 to 1.
    Progress {
        /// The share done.
        progress: f64,
    },
    /// It is contracted or fixed at its start.
    Fixed,
    /// Its cost estimate changed on a resource.
    Estimate {
        /// Resource id.
        resource: String,
        /// Adopted estimate.
        from: f64,
        /// Estimate now.
        to: f64,
    },
    /// Its duration changed.
    Duration {
        /// Adopted duration in periods.
        from: u32,
        /// Duration now.
        to: u32,
    },
    /// It became mandatory, or got a deadline or an earlier one.
    Duty,
    /// A measure it depends on moved, or is a new dependency.
    Dependency {
        /// That measure's id.
        id: String,
    },
    /// A resource's capacity changed in a budget period up to its start.
    Budget {
        /// Resource id.
        resource: String,
        /// Budget-period label.
        period: String,
    },
    /// Not in the portfolio any more.
    Removed,
    /// Not in the adopted plan.
    New,
    /// None of the above: the budget or the order of the measures.
    BudgetOrOrder,
}

/// The section; `None` without a baseline.
pub(super) fn changes_json(adopted: Option<&Adopted>) -> Option<ChangesReport> {
    let adopted = adopted?;
    Some(ChangesReport {
        frozen: adopted.frozen.iter().map(|(id, _)| id.clone()).collect(),
        kept_adopted: adopted.kept,
        measures: (adopted.changes.iter())
            .map(|c| ChangeJson {
                id: c.id.clone(),
                change: match c.kind {
                    ChangeKind::Earlier => ChangeKindJson::Earlier,
                    ChangeKind::Later => ChangeKindJson::Later,
                    ChangeKind::Added => ChangeKindJson::Added,
                    ChangeKind::Dropped => ChangeKindJson::Dropped,
                },
                from: c.from.clone(),
                to: c.to.clone(),
                reasons: c.reasons.iter().map(reason).collect(),
            })
            .collect(),
    })
}

fn reason(reason: &Reason) -> ReasonJson {
    match reason {
        Reason::Progress(p) => ReasonJson::Progress { progress: *p },
        Reason::Estimate(r, from, to) => ReasonJson::Estimate {
            resource: r.clone(),
            from: *from,
            to: *to,
        },
        Reason::Duration(from, to) => ReasonJson::Duration {
            from: *from,
            to: *to,
        },
        Reason::Fixed => ReasonJson::Fixed,
        Reason::Duty => ReasonJson::Duty,
        Reason::Dependency(id) => ReasonJson::Dependency { id: id.clone() },
        Reason::Budget(r, period) => ReasonJson::Budget {
            resource: r.clone(),
            period: period.clone(),
        },
        Reason::Removed => ReasonJson::Removed,
        Reason::New => ReasonJson::New,
        Reason::BudgetOrOrder => ReasonJson::BudgetOrOrder,
    }
}
