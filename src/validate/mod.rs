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
use std::collections::HashMap;

/// Checks a document and returns its problems (unsorted).
pub fn validate(document: &Document) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let index = first_index_by_id(document);
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

/// Builds the dependency graph of a document's measures (unknown ids and self-dependencies left out).
pub fn dependency_graph(document: &Document) -> DependencyGraph {
    let index = first_index_by_id(document);
    DependencyGraph::new(document.measures.len(), &dependency_edges(document, &index))
}

fn first_index_by_id(document: &Document) -> HashMap<&str, usize> {
    let mut index = HashMap::new();
    for (i, measure) in document.measures.iter().enumerate() {
        index.entry(measure.id.value.as_str()).or_insert(i);
    }
    index
}

fn dependency_edges(document: &Document, index: &HashMap<&str, usize>) -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    for (dependent, measure) in document.measures.iter().enumerate() {
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
