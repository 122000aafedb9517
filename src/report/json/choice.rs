//! Alternatives and bundles in `plan --format json`: per group the measure the roadmap
//! chose, per bundle whether it is planned whole.

use crate::report::view::PlanView;
use schemars::JsonSchema;
use serde::Serialize;

/// The portfolio's alternative groups and bundles; only when it has any.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChoicesReport {
    /// Alternative groups, in portfolio order.
    pub alternatives: Vec<AlternativeReport>,
    /// Bundles, in portfolio order.
    pub bundles: Vec<BundleReport>,
}

/// One alternative group.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AlternativeReport {
    /// Id.
    pub id: String,
    /// Name in the report language (the id when it has none).
    pub name: String,
    /// Its measures' ids.
    pub measures: Vec<String>,
    /// Whether exactly one must be planned (else at most one).
    pub exactly_one: bool,
    /// The id of the measure in the roadmap; `null`: none.
    pub chosen: Option<String>,
}

/// One bundle.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BundleReport {
    /// Id.
    pub id: String,
    /// Name in the report language (the id when it has none).
    pub name: String,
    /// Its measures' ids.
    pub measures: Vec<String>,
    /// Whether the roadmap holds all of its measures (else none of them).
    pub planned: bool,
}

/// The report of `view`'s alternatives and bundles; `None` without either.
pub(super) fn choices(view: &PlanView<'_>) -> Option<ChoicesReport> {
    let portfolio = view.portfolio;
    let choices = &portfolio.choices;
    if choices.is_empty() {
        return None;
    }
    let ids = |list: &[crate::diagnostic::source::Located<String>]| -> Vec<String> {
        list.iter().map(|id| id.value.clone()).collect()
    };
    Some(ChoicesReport {
        alternatives: (choices.alternatives.iter().enumerate())
            .map(|(g, group)| AlternativeReport {
                id: group.id.value.clone(),
                name: group.display_name(view.language).to_owned(),
                measures: ids(&group.measures),
                exactly_one: group.exactly_one,
                chosen: (view.chosen_alternatives(g).first())
                    .map(|&j| portfolio.measures[j].id.value.clone()),
            })
            .collect(),
        bundles: (choices.bundles.iter().enumerate())
            .map(|(b, bundle)| BundleReport {
                id: bundle.id.value.clone(),
                name: bundle.display_name(view.language).to_owned(),
                measures: ids(&bundle.measures),
                planned: view.bundle_planned(b),
            })
            .collect(),
    })
}
