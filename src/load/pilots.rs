//! Pilots (`pilot_of`): the rollout depends on its pilot. Loading adds the pilot to the
//! rollout's `depends_on`, at the place `pilot_of` was written, so that the graph, the
//! scheduler, the bound, `explain` and the verifier's dependency rule all see the edge.
//!
//! No edge is added where validation reports the pilot instead (`validate::pilots`): an
//! unknown rollout, a measure that is its own pilot, or a rollout the pilot already
//! depends on (the edge would close a circle). An edge the portfolio already writes is
//! not added twice.

use crate::model::Measure;
use std::collections::HashMap;

/// Adds each pilot to its rollout's `depends_on`.
pub(super) fn link(measures: &mut [Measure]) {
    if measures.iter().all(|m| m.pilot_of.is_none()) {
        return;
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, m) in measures.iter().enumerate() {
        index.entry(m.id.value.clone()).or_insert(i);
    }
    for pilot in 0..measures.len() {
        let Some(rollout_id) = measures[pilot].pilot_of.clone() else {
            continue;
        };
        let Some(&rollout) = index.get(&rollout_id.value) else {
            continue;
        };
        let pilot_id = measures[pilot].id.value.clone();
        if rollout == pilot
            || measures[rollout]
                .depends_on
                .iter()
                .any(|d| d.value == pilot_id)
            || depends_on(measures, &index, pilot, rollout)
        {
            continue;
        }
        let mut edge = rollout_id;
        edge.value = pilot_id;
        measures[rollout].depends_on.push(edge);
    }
}

/// Whether measure `from` depends on measure `to`, directly or not.
fn depends_on(
    measures: &[Measure],
    index: &HashMap<String, usize>,
    from: usize,
    to: usize,
) -> bool {
    let mut seen = vec![false; measures.len()];
    let mut pending = vec![from];
    while let Some(m) = pending.pop() {
        for d in &measures[m].depends_on {
            let Some(&j) = index.get(&d.value) else {
                continue;
            };
            if j == to {
                return true;
            }
            if !std::mem::replace(&mut seen[j], true) {
                pending.push(j);
            }
        }
    }
    false
}
