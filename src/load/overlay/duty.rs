//! `exclude_duty`: a scenario drops every measure of the named duty classes that has not
//! started (`status: planned`; `fixed`, `started`, `contracted` and `done` measures are
//! kept), e.g. the voluntary services under a Haushaltssicherungskonzept. A measure of such
//! a class that a kept measure needs (directly or through others) stays, so no statutory
//! duty loses its prerequisites. The rest goes through `exclude`, as if its ids had been
//! listed there.

use super::exclude::exclude;
use crate::diagnostic::source::Located;
use crate::load::decode::Decoder;
use crate::load::measure::measure_id;
use crate::load::node::{Node, NodeKind};
use crate::model::obligation::Duty;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// Excludes the measures of `classes` that have not started and no kept measure needs.
pub(super) fn exclude_duty(
    dec: &mut Decoder,
    measures: &mut Vec<Cow<'_, Node>>,
    classes: &[Located<Duty>],
    excluded: &mut BTreeSet<String>,
) {
    let Some(at) = classes.first().map(|c| c.span) else {
        return;
    };
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    let mut needs: HashMap<String, Vec<String>> = HashMap::new();
    for measure in measures.iter() {
        let Some(id) = measure_id(measure) else {
            continue;
        };
        needs.insert(id.clone(), list(measure, "depends_on"));
        // Started as the model reads it: `fixed`, `started` or `done`, or `contracted: true`
        // (a contracted measure is fixed).
        let started = text(measure, "status")
            .is_some_and(|s| ["fixed", "started", "done"].contains(&s.as_str()))
            || text(measure, "contracted").is_some_and(|c| c == "true");
        let given = text(measure, "duty").and_then(|d| Duty::from_keyword(&d));
        let duty = Duty::of(given, !list(measure, "fulfils").is_empty());
        if !started && classes.iter().any(|c| c.value == duty) {
            candidates.insert(id);
        }
    }
    // What the kept measures need, transitively, stays.
    let mut stack: Vec<&String> = needs
        .keys()
        .filter(|id| !candidates.contains(*id))
        .collect();
    let mut needed: BTreeSet<&String> = BTreeSet::new();
    while let Some(id) = stack.pop() {
        for dependency in needs.get(id).into_iter().flatten() {
            if needed.insert(dependency) {
                stack.push(dependency);
            }
        }
    }
    let ids: Vec<Located<String>> = candidates
        .iter()
        .filter(|id| !needed.contains(id))
        .map(|id| Located::new(id.clone(), at))
        .collect();
    exclude(dec, measures, &ids, excluded);
}

fn text(measure: &Node, key: &str) -> Option<String> {
    measure.get(key).and_then(Node::scalar_text)
}

fn list(measure: &Node, key: &str) -> Vec<String> {
    match measure.get(key).map(|d| &d.kind) {
        Some(NodeKind::Seq(items)) => items.iter().filter_map(Node::scalar_text).collect(),
        Some(NodeKind::Str(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}
