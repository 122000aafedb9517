//! Alternatives and bundles compiled to numbers: which group and bundle each measure is
//! in, which member is a group's fixed choice, and which measures that leaves out.
//!
//! A planned pilot (`pilot_of`) and its rollout are one more bundle: the rollout depends on
//! its pilot, and a pilot is in the roadmap only with its rollout, so the two go together.
//! A pilot already done or fixed is decided and forces nothing; a pilot whose rollout is
//! done is left alone too. Where a pilot or its rollout is in a declared bundle, that
//! bundle takes the other in (it is one set that goes all or none).
//!
//! A member that must be in the roadmap (mandatory, fixed or done, a prerequisite of one,
//! or bundled with one) is its group's choice; the other members are left out. A bundle
//! with a member that must be in the roadmap must be in it whole (the problem settles
//! both when it is compiled).

use crate::model::{Portfolio, Status};
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
    /// Per bundle, its id for messages: the declared one, or `pilot_of: ROLLOUT` for a
    /// pilot and its rollout.
    pub bundle_ids: Vec<String>,
}

/// Adds each planned pilot and its rollout (not done) to `bundles`: into the bundle that
/// holds either (merging two such bundles: the later one is left empty), else as a bundle
/// of their own named `pilot_of: ROLLOUT`.
fn pilots(
    portfolio: &Portfolio,
    index: &HashMap<&str, usize>,
    bundles: &mut Vec<Vec<usize>>,
    ids: &mut Vec<String>,
) {
    let measures = &portfolio.measures;
    for (p, pilot) in measures.iter().enumerate() {
        let Some(rollout) = &pilot.pilot_of else {
            continue;
        };
        let Some(&r) = index.get(rollout.value.as_str()) else {
            continue;
        };
        if r == p
            || pilot.status.value != Status::Planned
            || measures[r].status.value == Status::Done
        {
            continue;
        }
        let find = |k: usize, bundles: &[Vec<usize>]| bundles.iter().position(|b| b.contains(&k));
        match (find(p, bundles), find(r, bundles)) {
            (None, None) => {
                bundles.push(vec![p, r]);
                ids.push(format!("pilot_of: {}", rollout.value));
            }
            (Some(b), None) => bundles[b].push(r),
            (None, Some(b)) => bundles[b].push(p),
            (Some(a), Some(b)) if a != b => {
                let (keep, gone) = (a.min(b), a.max(b));
                let moved = std::mem::take(&mut bundles[gone]);
                bundles[keep].extend(moved);
            }
            _ => {}
        }
    }
}

impl Choices {
    /// Compiles a validated portfolio's `alternatives` and `bundles` (unknown ids are
    /// skipped; validation refuses them), each planned pilot bundled with its rollout.
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
        for bundle in &portfolio.choices.bundles {
            choices.bundles.push(ids(&bundle.measures));
            choices.bundle_ids.push(bundle.id.value.clone());
        }
        pilots(
            portfolio,
            &index,
            &mut choices.bundles,
            &mut choices.bundle_ids,
        );
        for (b, members) in choices.bundles.iter_mut().enumerate() {
            members.sort_by_key(|&i| position[i]);
            for &i in members.iter() {
                choices.bundle_of[i].get_or_insert(b);
            }
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
