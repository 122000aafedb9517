//! One measure per control: the selected controls with their readable names, the BSI's
//! order as dependencies, their state from the status file and the evidence they produce.

use super::Horizon;
use super::items::{Item, Kind, add_gates};
use super::map::Mapped;
use super::order::{Dep, written};
use super::scope::Selection;
use super::status::State;
use super::tables::{EFFORT, Modal, Stage};

/// The controls as the import sees them once the options are applied.
#[derive(Debug)]
pub(super) struct Prepared<'a> {
    /// Every control of the catalog.
    pub measures: &'a [Mapped],
    /// Their names.
    pub names: Vec<String>,
    /// Their prerequisites (`required` and implied).
    pub deps: Vec<Vec<Dep>>,
    /// Which are taken.
    pub selection: Selection,
    /// The stage each is planned in.
    pub stages: Vec<Stage>,
    /// How far each is implemented.
    pub states: Vec<State>,
}

impl Prepared<'_> {
    /// Indices of the selected controls, in catalog order.
    pub(super) fn selected(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.measures.len()).filter(|&j| self.selection.selected[j])
    }

    /// Periods and person-days control `j` still needs (half of each when partly done).
    pub(super) fn effort(&self, j: usize, horizon: &Horizon) -> (u32, f64) {
        let effort = EFFORT[self.measures[j].level];
        match self.states[j] {
            State::Partial => (
                horizon.periods_for(effort.months.div_ceil(2)),
                f64::from(effort.person_days) / 2.0,
            ),
            State::Open | State::Done => (
                horizon.periods_for(effort.months),
                f64::from(effort.person_days),
            ),
        }
    }

    /// Whether leaving control `j` out needs a risk acceptance: a SOLLTE requirement.
    pub(super) fn needs_acceptance(&self, j: usize) -> bool {
        let m = &self.measures[j];
        m.stage.modal == Modal::Sollte && !m.mandatory
    }
}

/// The items: one per selected control, in catalog order, then the stages' milestones.
pub(super) fn items(p: &Prepared<'_>, horizon: &Horizon) -> Vec<Item> {
    let mut index = vec![usize::MAX; p.measures.len()];
    for (k, j) in p.selected().enumerate() {
        index[j] = k;
    }
    let mut items: Vec<Item> = p
        .selected()
        .map(|j| {
            let m = &p.measures[j];
            let state = p.states[j];
            let (periods, person_days) = p.effort(j, horizon);
            let depends_on = if state == State::Done {
                Vec::new()
            } else {
                written(&p.deps[j], &p.stages, j)
                    .into_iter()
                    .map(|i| index[i])
                    .collect()
            };
            Item {
                id: m.id.clone(),
                name: p.names[j].clone(),
                kind: Kind::Control,
                stage: Some(p.stages[j]),
                area: m.practice().map(str::to_owned),
                periods,
                person_days,
                effort: Some(m.level),
                impact: m.impact.clone(),
                depends_on,
                mandatory: m.mandatory,
                done: state == State::Done,
                risk_acceptance: p.needs_acceptance(j),
                tags: tags(p, j),
                source: Some(format!("BSI Grundschutz++ {} (CC BY-SA 4.0)", m.control.id)),
                notes: notes(p, j),
                documents: m.control.documentation.clone(),
            }
        })
        .collect();
    add_gates(&mut items);
    items
}

fn tags(p: &Prepared<'_>, j: usize) -> Vec<String> {
    let m = &p.measures[j];
    let mut tags = vec![
        format!("effort-{}", m.level),
        m.stage.modal.keyword().to_lowercase(),
        m.stage.level.keyword().to_owned(),
    ];
    tags.extend(m.control.tags.iter().cloned());
    if p.selection.pulled[j] {
        tags.push("voraussetzung".to_owned());
    }
    if p.states[j] == State::Partial {
        tags.push("teilweise".to_owned());
    }
    let mut seen = std::collections::BTreeSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    tags
}

/// The statement, then the evidence it asks for and what the options changed.
fn notes(p: &Prepared<'_>, j: usize) -> Option<String> {
    let m = &p.measures[j];
    let mut parts: Vec<String> = m.control.statement.iter().cloned().collect();
    if !m.control.documentation.is_empty() {
        parts.push(format!("Nachweis: {}.", m.control.documentation.join(", ")));
    }
    if p.selection.pulled[j] {
        parts.push(
            "Außerhalb der gewählten Stufen oder Praktiken; übernommen, weil gewählte \
             Anforderungen sie voraussetzen."
                .to_owned(),
        );
    }
    if p.states[j] == State::Partial {
        parts.push("Teilweise umgesetzt (Status-Datei): Aufwand und Dauer halbiert.".to_owned());
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}
