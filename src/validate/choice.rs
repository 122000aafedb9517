//! Alternatives and bundles: every measure they name exists, and the rules can hold
//! together.
//!
//! Refused as contradictory: a measure named twice in one group or bundle, in two
//! alternative groups or in two bundles (two bundles sharing a measure are one bundle:
//! merge them), a bundle holding two measures of one group (it could never be scheduled),
//! a group or bundle id used twice, and two measures of one group that must both be in
//! the roadmap. A measure must be in the roadmap when it is mandatory, fixed or done, a
//! prerequisite of one that must be, or bundled with one: such a member is its group's
//! choice, and the other members stay out. A bundle that needs a member left out that way
//! can never be scheduled (`choice-excludes`).

use super::Subject;
use crate::diagnostic::source::{Located, Span};
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::graph::DependencyGraph;
use crate::model::Status;
use std::collections::HashMap;

/// Every check on `alternatives:` and `bundles:`.
pub(super) fn check(subject: &Subject, graph: &DependencyGraph, out: &mut Vec<Diagnostic>) {
    let choices = subject.choices;
    if choices.is_empty() {
        return;
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, m) in subject.measures.iter().enumerate() {
        index.entry(m.id.value.as_str()).or_insert(i);
    }
    let ids: Vec<&str> = subject
        .measures
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    let n = subject.measures.len();
    let mut seen_ids: Vec<&Located<String>> = Vec::new();
    let mut group_of: Vec<Option<(usize, Span)>> = vec![None; n];
    let mut bundle_of: Vec<Option<(usize, Span)>> = vec![None; n];
    let lists = (choices
        .alternatives
        .iter()
        .map(|a| (&a.id, &a.measures, true)))
    .chain(choices.bundles.iter().map(|b| (&b.id, &b.measures, false)));
    for (k, (id, measures, alternative)) in lists.enumerate() {
        let number = if alternative {
            k
        } else {
            k - choices.alternatives.len()
        };
        let what = if alternative {
            "alternative group"
        } else {
            "bundle"
        };
        if let Some(first) = seen_ids.iter().find(|s| s.value == id.value) {
            out.push(
                Diagnostic::error(
                    Code::ChoiceConflict,
                    id.span,
                    format!("the id `{}` is used twice", id.value),
                )
                .with_label("used again here")
                .with_related(first.span, "first used here")
                .with_help("give each alternative group and bundle its own id"),
            );
        }
        seen_ids.push(id);
        let mut named: Vec<usize> = Vec::new();
        for member in measures {
            let Some(&i) = index.get(member.value.as_str()) else {
                out.push(
                    Diagnostic::error(
                        Code::UnknownMember,
                        member.span,
                        format!(
                            "{what} `{}` names unknown measure `{}`",
                            id.value, member.value
                        ),
                    )
                    .with_label("no measure has this id")
                    .with_help(suggest::with_closest(
                        &member.value,
                        ids.iter().copied(),
                        "`measures` lists measure ids of this portfolio",
                    )),
                );
                continue;
            };
            if named.contains(&i) {
                out.push(conflict(
                    member.span,
                    format!("{what} `{}` names `{}` twice", id.value, member.value),
                    "remove one of them",
                ));
                continue;
            }
            named.push(i);
            let slot = if alternative {
                &mut group_of[i]
            } else {
                &mut bundle_of[i]
            };
            match slot {
                Some((_, first)) => out.push(
                    conflict(
                        member.span,
                        format!("`{}` is in two {what}s", member.value),
                        if alternative {
                            "a measure belongs to one alternative group: merge the groups, or \
                             leave it in one"
                        } else {
                            "bundles that share a measure are one bundle: merge them into one"
                        },
                    )
                    .with_related(*first, "first named here"),
                ),
                None => *slot = Some((number, member.span)),
            }
        }
    }
    bundle_with_two_alternatives(subject, &bundle_of, &group_of, out);
    decided(subject, graph, &bundle_of, &group_of, out);
}

fn conflict(span: Span, message: String, help: &str) -> Diagnostic {
    Diagnostic::error(Code::ChoiceConflict, span, message)
        .with_label("cannot hold together with the rest")
        .with_help(help)
}

/// A bundle holding two measures of one alternative group can never be scheduled.
fn bundle_with_two_alternatives(
    subject: &Subject,
    bundle_of: &[Option<(usize, Span)>],
    group_of: &[Option<(usize, Span)>],
    out: &mut Vec<Diagnostic>,
) {
    for (b, bundle) in subject.choices.bundles.iter().enumerate() {
        let members: Vec<usize> = (0..bundle_of.len())
            .filter(|&i| bundle_of[i].is_some_and(|(k, _)| k == b))
            .collect();
        for (x, &i) in members.iter().enumerate() {
            if let Some(&k) = members[..x].iter().find(|&&k| {
                group_of[k].is_some() && group_of[k].map(|g| g.0) == group_of[i].map(|g| g.0)
            }) && let Some((g, _)) = group_of[i]
                && let Some((_, span)) = bundle_of[i]
            {
                let group = &subject.choices.alternatives[g].id.value;
                out.push(conflict(
                    span,
                    format!(
                        "bundle `{}` holds `{}` and `{}`, which are alternatives in `{group}`",
                        bundle.id.value, subject.measures[k].id.value, subject.measures[i].id.value
                    ),
                    "at most one of them can be scheduled, so the bundle never could: remove one \
                     from the bundle, or make two bundles, one per alternative",
                ));
            }
        }
    }
}

/// Which measures must be in the roadmap: mandatory, fixed or done ones, the prerequisites
/// of those that are not done, and the measures bundled with any of them (to a fixed point).
fn must(
    subject: &Subject,
    graph: &DependencyGraph,
    bundle_of: &[Option<(usize, Span)>],
) -> Vec<bool> {
    let measures = subject.measures;
    let mut must: Vec<bool> = measures
        .iter()
        .map(|m| m.mandatory || m.status.value != Status::Planned)
        .collect();
    loop {
        let mut changed = false;
        for i in 0..measures.len() {
            if must[i] && measures[i].status.value != Status::Done {
                for a in graph.ancestors(i) {
                    if !must[a] {
                        must[a] = true;
                        changed = true;
                    }
                }
            }
        }
        for i in 0..measures.len() {
            if let Some((b, _)) = bundle_of[i]
                && !must[i]
                && (0..measures.len()).any(|k| must[k] && bundle_of[k].is_some_and(|(c, _)| c == b))
            {
                must[i] = true;
                changed = true;
            }
        }
        if !changed {
            return must;
        }
    }
}

/// Two members of a group that must both be in the roadmap; a bundle that needs a member
/// its group's choice leaves out.
fn decided(
    subject: &Subject,
    graph: &DependencyGraph,
    bundle_of: &[Option<(usize, Span)>],
    group_of: &[Option<(usize, Span)>],
    out: &mut Vec<Diagnostic>,
) {
    let must = must(subject, graph, bundle_of);
    let measures = subject.measures;
    let mut chosen: Vec<Option<usize>> = vec![None; subject.choices.alternatives.len()];
    for i in 0..measures.len() {
        let Some((g, span)) = group_of[i] else {
            continue;
        };
        if !must[i] {
            continue;
        }
        match chosen[g] {
            Some(first) => out.push(conflict(
                span,
                format!(
                    "`{}` and `{}` are alternatives in `{}`, but both must be in the roadmap",
                    measures[first].id.value,
                    measures[i].id.value,
                    subject.choices.alternatives[g].id.value
                ),
                "a measure that is mandatory, fixed or done, a prerequisite of one, or bundled \
                 with one must be in the roadmap; keep only one of them in the group, or make \
                 one of them optional",
            )),
            None => chosen[g] = Some(i),
        }
    }
    // Members left out by their group's choice, and a bundle that needs one.
    let out_by: Vec<Option<usize>> = (0..measures.len())
        .map(|i| {
            let (g, _) = group_of[i]?;
            // A member that must be in the roadmap too was reported above.
            chosen[g].filter(|&c| c != i && !must[i])
        })
        .collect();
    for (b, bundle) in subject.choices.bundles.iter().enumerate() {
        let members = (0..measures.len()).filter(|&i| bundle_of[i].is_some_and(|(k, _)| k == b));
        for i in members {
            let needs = std::iter::once(i).chain(graph.ancestors(i));
            if let Some((x, c)) = needs.filter_map(|x| out_by[x].map(|c| (x, c))).next() {
                let span = bundle_of[i].map_or(bundle.span, |(_, s)| s);
                out.push(
                    Diagnostic::error(
                        Code::ChoiceExcludes,
                        span,
                        format!(
                            "bundle `{}` needs `{}`, which is left out because its alternative \
                             `{}` must be in the roadmap",
                            bundle.id.value, measures[x].id.value, measures[c].id.value
                        ),
                    )
                    .with_label("can never be scheduled")
                    .with_help(format!(
                        "remove `{}` from the bundle, or `{}` from its alternative group",
                        measures[i].id.value, measures[x].id.value
                    )),
                );
                break;
            }
        }
    }
}
