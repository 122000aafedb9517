//! `explain --format json`: why a measure is where it is and what would move it, by ids
//! and period labels.

use super::counterfactual::{Counterfactual, Priority};
use super::envelope::render;
use super::shared::{PortfolioHeader, Slot};
use crate::analysis::explain::{self as analysis, Explanation};
use crate::model::{Language, Status};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `explain --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExplainReport {
    /// The portfolio the measure is in.
    pub portfolio: PortfolioHeader,
    /// Measure id.
    pub id: String,
    /// Its name in the report language.
    pub name: String,
    /// Its area.
    pub area: Option<String>,
    /// Value per period once complete.
    pub value: f64,
    /// Rank by value (1 = first).
    pub rank: usize,
    /// Number of measures ranked.
    pub of: usize,
    /// Sum of the values of the measures that need it.
    pub enabler_value: f64,
    /// Duration in periods.
    pub duration: u32,
    /// It must be in the roadmap.
    pub mandatory: bool,
    /// Its `status` in the portfolio.
    pub status: PortfolioStatus,
    /// Its `earliest`.
    pub earliest: Option<String>,
    /// Its `deadline`.
    pub deadline: Option<String>,
    /// Its duty class; only when it is not voluntary or fulfils an obligation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<super::duties::DutyClass>,
    /// Ids of the obligations it fulfils (they make it mandatory by their deadline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fulfils: Vec<String>,
    /// The risks it mitigates: id, share and the expected damage per year it avoids alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigates: Vec<MitigationJson>,
    /// Where it is.
    pub slot: Slot,
    /// Why it is not in the roadmap, when it is not.
    pub not_scheduled: Option<NotScheduled>,
    /// Every measure it depends on, directly or not, dependencies first.
    pub chain: Vec<Link>,
    /// The measures that depend on it directly.
    pub dependents: Vec<Link>,
    /// Why it could not start in each earlier period (runs of periods with one reason).
    pub blocked: Vec<Blocked>,
    /// What would move it earlier (or into the roadmap).
    pub counterfactual: Counterfactual,
    /// What making it a priority would do; `null` when it cannot move earlier.
    pub priority: Option<Priority>,
}

/// A measure's `status` in the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PortfolioStatus {
    /// To be scheduled.
    Planned,
    /// Keeps its `start`.
    Fixed,
    /// Finished before the horizon.
    Done,
}

/// A measure of the dependency chain.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Link {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Where it is.
    pub slot: Slot,
    /// It is on the binding path: the last of its dependant's dependencies to complete.
    pub binding: bool,
}

/// Why a measure is not in the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum NotScheduled {
    /// A dependency is not in the roadmap.
    Dependency {
        /// Its id.
        dependency: String,
    },
    /// No start lets it finish inside the horizon and by its deadline.
    NoWindow {
        /// Earliest period it could start.
        earliest_start: String,
        /// Latest period it could start, if any.
        latest_start: Option<String>,
    },
    /// Every start it could take would overrun a resource.
    Capacity {
        /// The resource short most often.
        resource: String,
    },
    /// Another measure of its alternative group is in the roadmap instead.
    Alternative {
        /// Its id.
        chosen: String,
        /// The group's id.
        group: String,
    },
    /// A measure of its bundle cannot be scheduled, so the whole bundle stays out.
    Bundle {
        /// That measure's id.
        member: String,
        /// The bundle's id.
        bundle: String,
    },
    /// Left out to keep a balance rule (`balance:`).
    Balance {
        /// The rule in the file's words.
        rule: String,
    },
    /// Its run costs would break `sustainability`'s limit on follow-up costs.
    FollowUp {
        /// The limited resource.
        resource: String,
        /// The limit per period after the horizon.
        limit: f64,
        /// The follow-up costs with it.
        would_be: f64,
    },
}

/// Why the measure could not start in a run of periods.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Blocked {
    /// First period of the run.
    pub from: String,
    /// Last period of the run.
    pub to: String,
    /// The binding reason.
    pub reason: Blocker,
}

/// The binding reason a measure could not start in a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum Blocker {
    /// Before its `earliest`.
    Earliest {
        /// The `earliest` period.
        earliest: String,
    },
    /// A dependency is not complete yet.
    Dependency {
        /// The dependency's id.
        dependency: String,
        /// The period from which it is complete; `null`: never in the horizon.
        complete_from: Option<String>,
    },
    /// A resource would overrun.
    Capacity {
        /// The shortages, first period first.
        shortages: Vec<Shortage>,
        /// Who uses the resource in the first short period, largest first.
        users: Vec<User>,
        /// Why the measure's funding programmes do not pay their whole rate at this start;
        /// only when one does not.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        funding: Vec<FundingNote>,
    },
    /// Another measure of its alternative group is in the roadmap.
    Alternative {
        /// That measure's id.
        chosen: String,
    },
    /// Nothing, with the rest of the roadmap fixed: the planner chose otherwise.
    Free,
}

/// Why a funding programme does not pay a measure's whole rate at a start.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FundingNote {
    /// Programme id.
    pub programme: String,
    /// `outside_window`: the measure runs (in part) outside the window `from`–`to`;
    /// `cap_exhausted`: the rest of the roadmap has used up (part of) the cap.
    pub limit: FundingLimit,
    /// First period of the window (`outside_window`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last period of the window (`outside_window`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// What keeps a grant from a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundingLimit {
    /// It runs outside the window.
    OutsideWindow,
    /// The cap is used up.
    CapExhausted,
}

/// One resource short in one period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Shortage {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// What the measure would need there.
    pub needed: f64,
    /// What is left there.
    pub free: f64,
    /// needed − free.
    pub short: f64,
}

/// A measure using a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct User {
    /// Measure id.
    pub id: String,
    /// What it uses there.
    pub amount: f64,
    /// It is mandatory.
    pub mandatory: bool,
    /// Its deadline.
    pub deadline: Option<String>,
}

/// `explain` of a measure of the portfolio named `portfolio`, as JSON.
pub fn explain(
    e: &Explanation,
    portfolio: &str,
    language: Language,
    provenance: &Provenance,
) -> String {
    let l = language;
    let links = |links: &[analysis::Link]| -> Vec<Link> {
        links
            .iter()
            .map(|k| Link {
                id: k.id.clone(),
                name: k.name.get(l).to_owned(),
                slot: Slot::from(&k.slot),
                binding: k.binding,
            })
            .collect()
    };
    let report = ExplainReport {
        portfolio: PortfolioHeader::framed(portfolio, &e.frame),
        id: e.id.clone(),
        name: e.name.get(l).to_owned(),
        area: e.area.clone(),
        value: e.value,
        rank: e.rank,
        of: e.of,
        enabler_value: e.enabler_value,
        duration: e.duration,
        mandatory: e.mandatory,
        status: match e.status {
            Status::Planned => PortfolioStatus::Planned,
            Status::Fixed => PortfolioStatus::Fixed,
            Status::Done => PortfolioStatus::Done,
        },
        earliest: e.earliest.clone(),
        deadline: e.deadline.clone(),
        duty: (e.duty != crate::model::obligation::Duty::Voluntary || !e.obligations.is_empty())
            .then(|| e.duty.into()),
        fulfils: e.obligations.iter().map(|o| o.id.value.clone()).collect(),
        mitigates: (e.mitigations.iter())
            .map(|m| MitigationJson {
                risk: m.id.clone(),
                share: m.share,
                avoided_per_year: m.per_year,
            })
            .collect(),
        slot: Slot::from(&e.slot),
        not_scheduled: e.not_scheduled.as_ref().map(not_scheduled),
        chain: links(&e.chain),
        dependents: links(&e.dependents),
        blocked: e
            .blocked
            .iter()
            .map(|b| Blocked {
                from: b.from.clone(),
                to: b.to.clone(),
                reason: blocker(&b.reason),
            })
            .collect(),
        counterfactual: Counterfactual::of(&e.counterfactual, l),
        priority: e.priority.as_ref().map(|p| Priority::of(p, l)),
    };
    render("explain", Some(language), Some(provenance), report)
}

fn not_scheduled(reason: &analysis::NotScheduled) -> NotScheduled {
    match reason {
        analysis::NotScheduled::Alternative { chosen, group } => NotScheduled::Alternative {
            chosen: chosen.clone(),
            group: group.clone(),
        },
        analysis::NotScheduled::Bundle { member, bundle } => NotScheduled::Bundle {
            member: member.clone(),
            bundle: bundle.clone(),
        },
        analysis::NotScheduled::Dependency { dependency } => NotScheduled::Dependency {
            dependency: dependency.clone(),
        },
        analysis::NotScheduled::NoWindow {
            earliest_start,
            latest_start,
        } => NotScheduled::NoWindow {
            earliest_start: earliest_start.clone(),
            latest_start: latest_start.clone(),
        },
        analysis::NotScheduled::Capacity { resource } => NotScheduled::Capacity {
            resource: resource.clone(),
        },
        analysis::NotScheduled::Balance { rule } => NotScheduled::Balance { rule: rule.clone() },
        analysis::NotScheduled::FollowUp {
            resource,
            limit,
            would_be,
        } => NotScheduled::FollowUp {
            resource: resource.clone(),
            limit: *limit,
            would_be: *would_be,
        },
    }
}

fn blocker(blocker: &analysis::Blocker) -> Blocker {
    match blocker {
        analysis::Blocker::Earliest { earliest } => Blocker::Earliest {
            earliest: earliest.clone(),
        },
        analysis::Blocker::Dependency {
            dependency,
            complete_from,
        } => Blocker::Dependency {
            dependency: dependency.clone(),
            complete_from: complete_from.clone(),
        },
        analysis::Blocker::Capacity {
            shortages,
            users,
            funding,
        } => Blocker::Capacity {
            funding: funding
                .iter()
                .map(|note| match &note.kind {
                    analysis::FundingLimit::OutsideWindow { from, to } => FundingNote {
                        programme: note.programme.clone(),
                        limit: FundingLimit::OutsideWindow,
                        from: Some(from.clone()),
                        to: Some(to.clone()),
                    },
                    analysis::FundingLimit::CapExhausted => FundingNote {
                        programme: note.programme.clone(),
                        limit: FundingLimit::CapExhausted,
                        from: None,
                        to: None,
                    },
                })
                .collect(),
            shortages: shortages
                .iter()
                .map(|s| Shortage {
                    resource: s.resource.clone(),
                    period: s.period.clone(),
                    needed: s.needed,
                    free: s.free,
                    short: s.short,
                })
                .collect(),
            users: users
                .iter()
                .map(|u| User {
                    id: u.id.clone(),
                    amount: u.amount,
                    mandatory: u.mandatory,
                    deadline: u.deadline.clone(),
                })
                .collect(),
        },
        analysis::Blocker::Alternative { chosen } => Blocker::Alternative {
            chosen: chosen.clone(),
        },
        analysis::Blocker::Free => Blocker::Free,
    }
}

/// One risk a measure mitigates.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MitigationJson {
    /// The risk's id.
    pub risk: String,
    /// Share of its expected damage removed, 0 to 1.
    pub share: f64,
    /// Expected damage per year it avoids on its own.
    pub avoided_per_year: f64,
}
