//! The dependency graph as reports draw it, and measures grouped by area (graphs and Gantt charts).

use crate::graph::DependencyGraph;
use crate::model::period::Calendar;
use crate::model::{Language, Portfolio, Status};
use crate::report::lang::Label;
use crate::report::provenance::Provenance;
use std::collections::BTreeMap;

/// Measures of one area, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGroup<'a> {
    /// The area; `None` for measures without one.
    pub area: Option<&'a str>,
    /// Measure indices.
    pub measures: Vec<usize>,
}

/// Groups `order` by area: areas in the order they first appear in the portfolio,
/// measures without an area last; within a group, the order of `order`.
pub fn area_groups<'a>(portfolio: &'a Portfolio, order: &[usize]) -> Vec<AreaGroup<'a>> {
    // Group index per area, by first appearance; a map keeps this linear for many areas.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut groups: Vec<AreaGroup<'a>> = Vec::new();
    for area in portfolio.measures.iter().filter_map(|m| m.area.as_deref()) {
        index.entry(area).or_insert_with(|| {
            groups.push(AreaGroup {
                area: Some(area),
                measures: Vec::new(),
            });
            groups.len() - 1
        });
    }
    let none = groups.len();
    groups.push(AreaGroup {
        area: None,
        measures: Vec::new(),
    });
    for &j in order {
        let group = portfolio.measures[j]
            .area
            .as_deref()
            .and_then(|area| index.get(area).copied())
            .unwrap_or(none);
        groups[group].measures.push(j);
    }
    groups.retain(|group| !group.measures.is_empty());
    groups
}

/// The first day of period `t` (which may lie past the horizon) as `YYYY-MM-DD`.
pub fn period_date(calendar: &Calendar, t: usize) -> String {
    let label = calendar.label(t);
    format!("{:04}-{:02}-01", label.year, label.first_month())
}

/// A node of the dependency graph as reports draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode<'a> {
    /// Id.
    pub id: &'a str,
    /// Name in the report language.
    pub name: &'a str,
    /// Finished before the horizon.
    pub done: bool,
    /// Must be in the roadmap.
    pub mandatory: bool,
}

/// The dependency graph of a portfolio, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphView<'a> {
    /// Portfolio name.
    pub title: &'a str,
    /// Tool and inputs, for a comment at the top.
    pub provenance: Option<&'a Provenance>,
    /// Report language.
    pub language: Language,
    /// One node per measure, in portfolio order.
    pub nodes: Vec<GraphNode<'a>>,
    /// `(dependency, dependent)` pairs, sorted.
    pub edges: Vec<(usize, usize)>,
    /// Nodes by area (see [`area_groups`]).
    pub groups: Vec<AreaGroup<'a>>,
}

impl GraphView<'_> {
    /// Display name of an area group (`None` is "no area").
    pub fn area_name<'b>(&self, area: Option<&'b str>) -> &'b str {
        area.unwrap_or(Label::NoArea.text(self.language))
    }
}

/// The dependency graph of `portfolio` (built by `validate::dependency_graph`).
pub fn graph_view<'a>(
    portfolio: &'a Portfolio,
    graph: &DependencyGraph,
    language: Language,
) -> GraphView<'a> {
    let nodes = portfolio
        .measures
        .iter()
        .map(|m| GraphNode {
            id: &m.id.value,
            name: m.name.get(language),
            done: m.status.value == Status::Done,
            mandatory: m.mandatory,
        })
        .collect();
    let mut edges: Vec<(usize, usize)> = (0..graph.node_count())
        .flat_map(|j| graph.dependencies(j).into_iter().map(move |d| (d, j)))
        .collect();
    edges.sort_unstable();
    let order: Vec<usize> = (0..portfolio.measures.len()).collect();
    GraphView {
        title: &portfolio.name,
        provenance: None,
        language,
        nodes,
        edges,
        groups: area_groups(portfolio, &order),
    }
}
