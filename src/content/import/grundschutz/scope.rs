//! Which controls an import takes: those of the security level, modal verbs and practices
//! asked for, and every control they need (a prerequisite outside the selection is taken
//! too, since the BSI's `required` links are strict).

use super::map::Mapped;
use super::order::Dep;
use super::tables::{Level, Modal};
use crate::diagnostic::suggest;

/// What to take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scope<'a> {
    /// The highest level: `Normal` takes normal-SdT only, `Elevated` both.
    pub level: Level,
    /// The modal verbs taken.
    pub modals: &'a [Modal],
    /// The practices taken (top-level group ids, any case); empty: all.
    pub practices: &'a [String],
}

/// The controls taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Selection {
    /// Per control: taken (chosen or needed).
    pub selected: Vec<bool>,
    /// Per control: taken only because a chosen control needs it.
    pub pulled: Vec<bool>,
}

impl Selection {
    /// How many controls are taken.
    pub(super) fn count(&self) -> usize {
        self.selected.iter().filter(|s| **s).count()
    }

    /// How many were taken only as prerequisites.
    pub(super) fn pulled_count(&self) -> usize {
        self.pulled.iter().filter(|s| **s).count()
    }
}

/// The selection, or why the scope cannot work (a usage error: an unknown practice, or no
/// control that matches).
pub(super) fn select(
    measures: &[Mapped],
    deps: &[Vec<Dep>],
    scope: &Scope<'_>,
) -> Result<Selection, String> {
    let mut known: Vec<&str> = Vec::new();
    for p in measures.iter().filter_map(Mapped::practice) {
        if !known.contains(&p) {
            known.push(p);
        }
    }
    let mut wanted: Vec<&str> = Vec::new();
    for asked in scope.practices {
        match known.iter().find(|k| k.eq_ignore_ascii_case(asked.trim())) {
            Some(k) => wanted.push(k),
            None => {
                let hint = suggest::did_you_mean(&asked.to_uppercase(), known.iter().copied());
                return Err(format!(
                    "--practices: `{asked}` is not a practice of this catalog. {hint} Its practices: {}",
                    known.join(", ")
                )
                .replace(".  ", ". "));
            }
        }
    }
    let chosen: Vec<bool> = measures
        .iter()
        .map(|m| {
            m.stage.level <= scope.level
                && scope.modals.contains(&m.stage.modal)
                && (wanted.is_empty() || m.practice().is_some_and(|p| wanted.contains(&p)))
        })
        .collect();
    if !chosen.contains(&true) {
        return Err(format!(
            "no control of the catalog is {} with the modal verb {}{}; {}",
            match scope.level {
                Level::Normal => "at the level normal-SdT",
                Level::Elevated => "at the level normal-SdT or erhöht",
            },
            scope
                .modals
                .iter()
                .map(|m| m.keyword())
                .collect::<Vec<_>>()
                .join(" or "),
            if wanted.is_empty() {
                String::new()
            } else {
                format!(" in the practices {}", wanted.join(", "))
            },
            "widen the choice with --sec-level elevated, --modal MUSS,SOLLTE,KANN or other --practices"
        ));
    }
    let mut selected = chosen.clone();
    let mut stack: Vec<usize> = (0..measures.len()).filter(|&j| chosen[j]).collect();
    while let Some(j) = stack.pop() {
        for dep in &deps[j] {
            if !selected[dep.on] {
                selected[dep.on] = true;
                stack.push(dep.on);
            }
        }
    }
    let pulled = selected
        .iter()
        .zip(&chosen)
        .map(|(s, c)| *s && !c)
        .collect();
    Ok(Selection { selected, pulled })
}
