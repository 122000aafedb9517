//! Choices between measures (`alternatives:`) and measures that only make sense together
//! (`bundles:`).
//!
//! An alternative group schedules at most one of its measures (exactly one with
//! `exactly_one: true`); a bundle schedules all of its measures or none. A member that is
//! mandatory, fixed or done is the group's choice (or makes the bundle chosen); validation
//! refuses what cannot hold at all.

use crate::diagnostic::source::{Located, Span};
use crate::model::Text;
use serde::Serialize;

/// One alternative group: at most one of its measures is scheduled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    /// Identifier, for reports and messages.
    pub id: Located<String>,
    /// Display name (`id` when not given).
    pub name: Option<Text>,
    /// The measures to choose from, by id, in file order.
    pub measures: Vec<Located<String>>,
    /// A required choice: exactly one of them is scheduled.
    pub exactly_one: bool,
    /// Where the group was written.
    #[serde(skip)]
    pub span: Span,
}

/// One bundle: all of its measures are scheduled, or none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bundle {
    /// Identifier, for reports and messages.
    pub id: Located<String>,
    /// Display name (`id` when not given).
    pub name: Option<Text>,
    /// Its measures, by id, in file order.
    pub measures: Vec<Located<String>>,
    /// Where the bundle was written.
    #[serde(skip)]
    pub span: Span,
}

/// A portfolio's alternatives and bundles.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Choices {
    /// Alternative groups, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// Bundles, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bundles: Vec<Bundle>,
}

impl Choices {
    /// Takes measures a scenario excluded out of every group and bundle: the rest of a
    /// group is still a choice, the rest of a bundle still goes together.
    pub fn forget(&mut self, excluded: &std::collections::BTreeSet<String>) {
        for list in (self.alternatives.iter_mut().map(|a| &mut a.measures))
            .chain(self.bundles.iter_mut().map(|b| &mut b.measures))
        {
            list.retain(|id| !excluded.contains(&id.value));
        }
    }

    /// Whether the portfolio declares neither.
    pub fn is_empty(&self) -> bool {
        self.alternatives.is_empty() && self.bundles.is_empty()
    }
}

/// The indices in `measures` of the ids in `list` (ids that name no measure are skipped).
pub fn indices(list: &[Located<String>], measures: &[crate::model::Measure]) -> Vec<usize> {
    list.iter()
        .filter_map(|id| measures.iter().position(|m| m.id.value == id.value))
        .collect()
}

impl Alternative {
    /// Its name in `language`, else its id.
    pub fn display_name(&self, language: crate::model::Language) -> &str {
        (self.name.as_ref().map(|n| n.get(language)))
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id.value)
    }
}

impl Bundle {
    /// Its name in `language`, else its id.
    pub fn display_name(&self, language: crate::model::Language) -> &str {
        (self.name.as_ref().map(|n| n.get(language)))
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id.value)
    }
}
