//! Ids and dependencies: duplicates, unknown and self references, cycles.

use super::Subject;
use super::dependency_edges;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::suggest;
use crate::graph::DependencyGraph;
use std::collections::HashMap;

/// Reports measure and dimension ids that occur twice, at both places.
pub(super) fn check_ids(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = HashMap::new();
    for measure in subject.measures {
        let id = &measure.id;
        match seen.get(id.value.as_str()) {
            Some(first) => diagnostics.push(
                Diagnostic::error(Code::DuplicateId, id.span, format!("measure id `{}` is used twice", id.value))
                    .with_label("second measure with this id")
                    .with_related(*first, "first measure with this id")
                    .with_help("ids must be unique across the portfolio and its includes; rename one, or drop `id` duplicates from the include list"),
            ),
            None => {
                seen.insert(id.value.as_str(), id.span);
            }
        }
    }
    let mut seen = HashMap::new();
    for dimension in subject.dimensions {
        let id = &dimension.id;
        match seen.get(id.value.as_str()) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    id.span,
                    format!("dimension id `{}` is used twice", id.value),
                )
                .with_label("second dimension with this id")
                .with_related(*first, "first dimension with this id")
                .with_help("remove or rename one of them"),
            ),
            None => {
                seen.insert(id.value.as_str(), id.span);
            }
        }
    }
}

/// Unknown dependencies that get a did-you-mean; the rest get the advice without one.
const SUGGESTED: usize = 100;

/// Reports unknown, self and repeated dependencies and cycles; returns the graph of the valid edges.
pub(super) fn check_dependencies(
    subject: &Subject,
    index: &HashMap<&str, usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> DependencyGraph {
    let ids: Vec<&str> = subject
        .measures
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    let mut suggested = 0;
    for measure in subject.measures {
        let mut listed: HashMap<&str, crate::diagnostic::source::Span> = HashMap::new();
        for dependency in &measure.depends_on {
            let name = dependency.value.as_str();
            if name == measure.id.value {
                diagnostics.push(
                    Diagnostic::error(
                        Code::SelfDependency,
                        dependency.span,
                        format!("measure `{name}` depends on itself"),
                    )
                    .with_label("its own id")
                    .with_help("remove this entry from `depends_on`"),
                );
            } else if let Some(first) = listed.get(name) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::DuplicateDependency,
                        dependency.span,
                        format!(
                            "`{name}` is listed twice in `depends_on` of `{}`",
                            measure.id.value
                        ),
                    )
                    .with_label("listed again")
                    .with_related(*first, "first listed here")
                    .with_help("remove one of the two entries"),
                );
            } else if !index.contains_key(name) {
                // Each suggestion compares with every id: only the first few get one, so
                // that thousands of unknown ids cost no more than reading them.
                suggested += 1;
                let hint = if suggested <= SUGGESTED {
                    suggest::did_you_mean(name, ids.iter().copied())
                } else {
                    String::new()
                };
                let help = if hint.is_empty() {
                    "add a measure with this id, include it from a catalog, or remove the dependency".to_owned()
                } else {
                    format!("{hint} otherwise add or include a measure with this id")
                };
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownDependency,
                        dependency.span,
                        format!(
                            "`{}` depends on `{name}`, which is not in the portfolio",
                            measure.id.value
                        ),
                    )
                    .with_label("no measure with this id")
                    .with_help(help),
                );
            }
            listed.entry(name).or_insert(dependency.span);
        }
    }
    let graph = DependencyGraph::new(
        subject.measures.len(),
        &dependency_edges(subject.measures, index),
    );
    for cycle in graph.cycles() {
        diagnostics.push(cycle_diagnostic(subject, &cycle));
    }
    graph
}

/// `cycle` is [a, b, c]: a depends on b, b on c, c on a. The error points at c's entry `a`.
fn cycle_diagnostic(subject: &Subject, cycle: &[usize]) -> Diagnostic {
    let id = |i: usize| subject.measures[i].id.value.as_str();
    let entry = |from: usize, to: usize| {
        subject.measures[from]
            .depends_on
            .iter()
            .find(|d| d.value == id(to))
            .map_or(subject.measures[from].id.span, |d| d.span)
    };
    let mut path: Vec<&str> = cycle.iter().map(|&i| id(i)).collect();
    path.push(id(cycle[0]));
    let last = cycle[cycle.len() - 1];
    let mut diagnostic = Diagnostic::error(
        Code::DependencyCycle,
        entry(last, cycle[0]),
        format!("dependency cycle: {}", path.join(" → ")),
    )
    .with_label(format!(
        "`{}` depends on `{}`, closing the cycle",
        id(last),
        id(cycle[0])
    ))
    .with_help("a measure cannot wait for itself: remove one of these dependencies");
    for pair in cycle.windows(2) {
        diagnostic = diagnostic.with_related(
            entry(pair[0], pair[1]),
            format!("`{}` depends on `{}`", id(pair[0]), id(pair[1])),
        );
    }
    diagnostic
}
