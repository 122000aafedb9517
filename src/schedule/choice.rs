//! Alternatives and bundles compiled to numbers: which group and bundle each measure is
//! in, which member is a group's fixed choice, and which measures that leaves out.
//!
//! A member that must be in the roadmap (mandatory, fixed or done, a prerequisite of one,
//! or bundled with one) is its group's choice; the other members are left out. A bundle
//! with a member that must be in the roadmap must be in it whole (the problem settles
//! both when it is compiled).

use crate::model::Portfolio;
use std::collections::HashMap;

/// One alternative group, by measure indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Its measures, in file order.
    pub members: Vec<usize>,
    /// Exactly one of them must be scheduled.
    pub exactly_one: bool,
    /// The member that must be in the roadmap, if one must.
    pub chosen: Option<usize>,
}

/// Alternative groups and bundles by measure index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// The groups, in file order.
    pub groups: Vec<Group>,
    /// The bundles' measures, dependencies first.
    pub bundles: Vec<Vec<usize>>,
    /// Per measure, its group.
    pub group_of: Vec<Option<usize>>,
    /// Per measure, its bundle.
    pub bundle_of: Vec<Option<usize>>,
}

impl Choices {
    /// Compiles a validated portfolio's `alternatives` and `bundles` (unknown ids are
    /// skipped; validation refuses them).
    pub fn new(portfolio: &Portfolio, order: &[usize]) -> Choices {
        let n = portfolio.measures.len();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, m) in portfolio.measures.iter().enumerate() {
            index.entry(m.id.value.as_str()).or_insert(i);
        }
        let mut position = vec![0; n];
        for (p, &j) in order.iter().enumerate() {
            position[j] = p;
        }
        let ids = |list: &[crate::diagnostic::source::Located<String>]| -> Vec<usize> {
            let mut found: Vec<usize> = Vec::new();
            for id in list {
                if let Some(&i) = index.get(id.value.as_str())
                    && !found.contains(&i)
                {
                    found.push(i);
                }
            }
            found
        };
        let mut choices = Choices {
            group_of: vec![None; n],
            bundle_of: vec![None; n],
            ..Choices::default()
        };
        for (g, alternative) in portfolio.choices.alternatives.iter().enumerate() {
            let members = ids(&alternative.measures);
            for &i in &members {
                choices.group_of[i].get_or_insert(g);
            }
            choices.groups.push(Group {
                members,
                exactly_one: alternative.exactly_one,
                chosen: None,
            });
        }
        for (b, bundle) in portfolio.choices.bundles.iter().enumerate() {
            let mut members = ids(&bundle.measures);
            members.sort_by_key(|&i| position[i]);
            for &i in &members {
                choices.bundle_of[i].get_or_insert(b);
            }
            choices.bundles.push(members);
        }
        choices
    }

    /// The members of `j`'s group other than `j`.
    pub fn rivals(&self, j: usize) -> impl Iterator<Item = usize> + '_ {
        (self.group_of.get(j).copied().flatten())
            .map_or(&[][..], |g| self.groups[g].members.as_slice())
            .iter()
            .copied()
            .filter(move |&k| k != j)
    }
}
