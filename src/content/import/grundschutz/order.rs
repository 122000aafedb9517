//! The BSI's own order as dependencies. Besides the catalog's `required` links, each
//! practice's procedures-and-rules control (`x.1.1`) comes before the practice's other
//! controls (an implied dependency), and the stages follow each other: normal before
//! elevated, MUSS before SOLLTE before KANN. A control that a control of an earlier stage
//! needs is moved into that stage, since it has to be done first anyway.

use super::map::Mapped;
use super::tables::Stage;

/// A prerequisite of a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dep {
    /// The index of the control it needs.
    pub on: usize,
    /// True for the implied `x.1.1` dependency, false for a `required` link.
    pub implied: bool,
}

/// Every control's prerequisites: its `required` links, then the implied dependency on its
/// practice's `x.1.1` control. The implied one is left out for `x.1.1` itself, for the
/// controls nested in it (they are part of it), for a control of an earlier stage than
/// `x.1.1` (procedures that are optional or elevated do not hold up a normal requirement)
/// and where it would close a circle (when `x.1.1` itself needs the control). `measures`
/// must be free of cycles.
pub(super) fn dependencies(measures: &[Mapped]) -> Vec<Vec<Dep>> {
    let mut deps: Vec<Vec<Dep>> = measures
        .iter()
        .map(|m| {
            m.depends_on
                .iter()
                .map(|&on| Dep { on, implied: false })
                .collect()
        })
        .collect();
    let mut practices: Vec<&str> = Vec::new();
    for m in measures {
        if let Some(p) = m.practice()
            && !practices.contains(&p)
        {
            practices.push(p);
        }
    }
    for practice in practices {
        let head_id = format!("{practice}.1.1");
        let Some(head) = measures
            .iter()
            .position(|m| m.practice() == Some(practice) && m.control.id.trim() == head_id)
        else {
            continue;
        };
        // What the head needs, directly or not: none of these may wait for it.
        let before_head = prerequisites(&deps, head);
        for (j, m) in measures.iter().enumerate() {
            if m.practice() != Some(practice)
                || j == head
                || m.stage < measures[head].stage
                || before_head[j]
                || nested_in(measures, j, head)
                || deps[j].iter().any(|d| d.on == head)
            {
                continue;
            }
            deps[j].push(Dep {
                on: head,
                implied: true,
            });
        }
    }
    deps
}

/// Whether control `j` is nested (at any depth) in control `head`.
fn nested_in(measures: &[Mapped], j: usize, head: usize) -> bool {
    let mut parent = measures[j].control.parent;
    while let Some(p) = parent {
        if p == head {
            return true;
        }
        parent = measures.get(p).and_then(|m| m.control.parent);
    }
    false
}

/// Marks every control that `from` needs, directly or through others (not `from` itself,
/// unless a cycle leads back to it).
pub(super) fn prerequisites(deps: &[Vec<Dep>], from: usize) -> Vec<bool> {
    let mut seen = vec![false; deps.len()];
    let mut stack: Vec<usize> = deps[from].iter().map(|d| d.on).collect();
    while let Some(i) = stack.pop() {
        if !seen[i] {
            seen[i] = true;
            stack.extend(deps[i].iter().map(|d| d.on));
        }
    }
    seen
}

/// The stage each selected control is planned in: its own, or the earliest stage of a
/// selected control that needs it (directly or not), whichever comes first. Controls that
/// are not selected keep their own stage.
pub(super) fn effective_stages(
    measures: &[Mapped],
    deps: &[Vec<Dep>],
    selected: &[bool],
) -> Vec<Stage> {
    let n = measures.len();
    let mut stage: Vec<Stage> = measures.iter().map(|m| m.stage).collect();
    // Dependents before their prerequisites: a reverse topological order.
    let mut dependents_left = vec![0_usize; n];
    for (j, d) in deps.iter().enumerate() {
        if selected[j] {
            for dep in d {
                dependents_left[dep.on] += 1;
            }
        }
    }
    let mut ready: Vec<usize> = (0..n)
        .filter(|&j| selected[j] && dependents_left[j] == 0)
        .collect();
    while let Some(j) = ready.pop() {
        for dep in &deps[j] {
            if stage[j] < stage[dep.on] {
                stage[dep.on] = stage[j];
            }
            dependents_left[dep.on] -= 1;
            if dependents_left[dep.on] == 0 && selected[dep.on] {
                ready.push(dep.on);
            }
        }
    }
    stage
}

/// The prerequisites of a control that are written into its `depends_on`: every `required`
/// link, and the implied one only within a stage (across stages the gate between them
/// already holds it).
pub(super) fn written(deps: &[Dep], stage: &[Stage], j: usize) -> Vec<usize> {
    deps.iter()
        .filter(|d| !d.implied || stage[d.on] >= stage[j])
        .map(|d| d.on)
        .collect()
}
