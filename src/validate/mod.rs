//! Semantic validation: what YAML types alone cannot say.
//!
//! Runs on a loaded [`Document`] and reports every problem with its position:
//! ids and dependencies (`references`), dimensions, resources and scores
//! (`scores`), and the calendar (`horizon`). A document without errors becomes a
//! checked [`crate::model::Portfolio`].

mod horizon;
mod references;
mod scores;

use crate::diagnostic::Diagnostic;
use crate::graph::DependencyGraph;
use crate::load::{Document, DocumentKind};
use crate::model::Measure;
use std::collections::HashMap;

/// Checks a document and returns its problems (unsorted).
pub fn validate(document: &Document) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let index = first_index_by_id(&document.measures);
    references::check_ids(document, &mut diagnostics);
    let graph = references::check_dependencies(document, &index, &mut diagnostics);
    scores::check_dimensions(document, &mut diagnostics);
    scores::check_amounts(document, &mut diagnostics);
    if document.kind == DocumentKind::Portfolio
        && let Some(calendar) = &document.calendar
    {
        horizon::check_resources(document, calendar, &mut diagnostics);
        horizon::check_measures(document, calendar, &graph, &mut diagnostics);
    }
    diagnostics
}

/// Builds the dependency graph of measures (unknown ids and self-dependencies left out).
pub fn dependency_graph(measures: &[Measure]) -> DependencyGraph {
    let index = first_index_by_id(measures);
    DependencyGraph::new(measures.len(), &dependency_edges(measures, &index))
}

fn first_index_by_id(measures: &[Measure]) -> HashMap<&str, usize> {
    let mut index = HashMap::new();
    for (i, measure) in measures.iter().enumerate() {
        index.entry(measure.id.value.as_str()).or_insert(i);
    }
    index
}

fn dependency_edges(measures: &[Measure], index: &HashMap<&str, usize>) -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    for (dependent, measure) in measures.iter().enumerate() {
        for dependency in &measure.depends_on {
            if let Some(&d) = index.get(dependency.value.as_str())
                && d != dependent
            {
                edges.push((d, dependent));
            }
        }
    }
    edges
}
