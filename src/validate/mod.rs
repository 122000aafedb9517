//! Semantic validation: what YAML types alone cannot say.
//!
//! Runs on the model (a [`Subject`]: the parts of a loaded document, or of a portfolio
//! changed in memory) and reports every problem with its position: ids and dependencies
//! (`references`), dimensions, resources and scores (`scores`), amounts (`numbers`), the
//! `uncertainty` ranges (`uncertainty`), responsibilities (`raci`), and the calendar
//! (`horizon`). It builds the dependency graph on the way and returns it, so no later stage
//! builds it again.

mod actuals;
mod balance;
mod chains;
mod choice;
mod funding;
mod horizon;
pub(crate) use horizon::kind_mismatch;
mod maturity;
mod money;
mod numbers;
mod obligations;
mod pilots;
mod profile;
mod raci;
mod references;
mod risks;
mod scores;
mod uncertainty;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::graph::DependencyGraph;
use crate::model::period::Calendar;
use crate::model::{Dimension, DocumentKind, Measure, Portfolio, Resource};
use std::collections::HashMap;

/// What validation looks at: the parts of a portfolio or catalog, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// Portfolio or catalog (catalogs name no resources and have no calendar).
    pub kind: DocumentKind,
    /// The horizon, when there is one that could be read.
    pub calendar: Option<&'a Calendar>,
    /// Maximum impact score.
    pub impact_scale: &'a Located<f64>,
    /// Dimensions.
    pub dimensions: &'a [Dimension],
    /// Resources.
    pub resources: &'a [Resource],
    /// Funding programmes.
    pub funding: &'a [crate::model::funding::Programme],
    /// The limit on follow-up costs.
    pub sustainability: Option<&'a crate::model::funding::Sustainability>,
    /// Measures.
    pub measures: &'a [Measure],
    /// Alternative groups and bundles.
    pub choices: &'a crate::model::choice::Choices,
    /// Legal duties.
    pub obligations: &'a [crate::model::obligation::Obligation],
    /// Balance rules.
    pub balance: &'a [crate::model::balance::BalanceRule],
    /// The date the portfolio's facts were checked.
    pub as_of: Option<&'a Located<crate::model::obligation::Date>>,
    /// Threat scenarios.
    pub risks: &'a [crate::model::risk::Risk],
    /// What the roadmap is planned for.
    pub objective: Option<&'a Located<crate::model::risk::Objective>>,
    /// Maturity indicators.
    pub maturity: &'a [crate::model::maturity::Indicator],
}

impl<'a> Subject<'a> {
    /// A whole portfolio, e.g. one changed in memory.
    pub fn portfolio(portfolio: &'a Portfolio) -> Subject<'a> {
        Subject {
            kind: DocumentKind::Portfolio,
            calendar: Some(&portfolio.calendar),
            impact_scale: &portfolio.impact_scale,
            dimensions: &portfolio.dimensions,
            resources: &portfolio.resources,
            funding: &portfolio.funding,
            sustainability: portfolio.sustainability.as_ref(),
            measures: &portfolio.measures,
            choices: &portfolio.choices,
            obligations: &portfolio.obligations,
            balance: &portfolio.balance,
            as_of: portfolio.as_of.as_ref(),
            risks: &portfolio.risks,
            objective: portfolio.objective.as_ref(),
            maturity: &portfolio.maturity,
        }
    }
}

/// What validation found: the problems, and the dependency graph of the valid edges.
#[derive(Debug, Clone)]
pub struct Validation {
    /// Every problem (unsorted).
    pub diagnostics: Vec<Diagnostic>,
    /// The dependency graph (unknown ids and self-dependencies left out).
    pub graph: DependencyGraph,
}

/// Checks a portfolio or catalog and returns its problems (unsorted) and its graph.
///
/// `known` is the graph of a model with the same measures, ids and dependencies that
/// validated without errors (a portfolio changed in memory in other fields): its id and
/// dependency checks are not repeated and its graph is reused instead of built again.
pub fn validate(subject: &Subject, known: Option<&DependencyGraph>) -> Validation {
    let mut diagnostics = Vec::new();
    let graph = match known {
        Some(graph) => graph.clone(),
        None => {
            let index = first_index_by_id(subject.measures);
            references::check_ids(subject, &mut diagnostics);
            let graph = references::check_dependencies(subject, &index, &mut diagnostics);
            pilots::check(subject, &index, &graph, &mut diagnostics);
            graph
        }
    };
    scores::check_dimensions(subject, &mut diagnostics);
    scores::check_amounts(subject, &mut diagnostics);
    numbers::check(subject, &mut diagnostics);
    uncertainty::check(subject, &mut diagnostics);
    profile::check(subject, &mut diagnostics);
    if subject.kind == DocumentKind::Portfolio {
        money::check(subject, &mut diagnostics);
    }
    raci::check(subject, &mut diagnostics);
    obligations::check(subject, &mut diagnostics);
    risks::check(subject, &mut diagnostics);
    maturity::check(subject, &mut diagnostics);
    if subject.kind == DocumentKind::Portfolio
        && let Some(calendar) = subject.calendar
    {
        horizon::check_resources(subject, calendar, &mut diagnostics);
        funding::check(subject, &mut diagnostics);
        choice::check(subject, &graph, &mut diagnostics);
        balance::check(subject, &mut diagnostics);
        actuals::check(subject, &mut diagnostics);
        horizon::check_measures(subject, calendar, &graph, &mut diagnostics);
    }
    Validation { diagnostics, graph }
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
