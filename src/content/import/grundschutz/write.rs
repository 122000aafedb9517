//! The imported portfolio (or catalog) as YAML text, with the attribution, the scope, the
//! BSI's order, the mapping and the assumed horizon and capacity in its header.

use super::controls::Prepared;
use super::items::{Item, Needs};
use super::status::State;
use super::tables::{Modal, Stage};
use super::{Horizon, Options};
use crate::content::emit;
use crate::content::import::oscal::Catalog;
use std::fmt::Write as _;

mod header;

/// What the options took from the catalog, for the header.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Summary {
    /// Controls in the catalog.
    pub controls: usize,
    /// Controls taken.
    pub selected: usize,
    /// Of those, taken only as prerequisites.
    pub pulled: usize,
    /// Controls taken per stage (the stage they are planned in), in the BSI's order.
    pub by_stage: Vec<(Stage, usize)>,
    /// With a status file: done, partial and open controls among those taken, and the
    /// controls outside the selection it marks done or partial.
    pub states: Option<[usize; 4]>,
}

impl Summary {
    /// The summary of a prepared import.
    pub(super) fn of(p: &Prepared<'_>, status_given: bool) -> Summary {
        let mut by_stage: Vec<(Stage, usize)> = Vec::new();
        for j in p.selected() {
            match by_stage.iter_mut().find(|(s, _)| *s == p.stages[j]) {
                Some((_, n)) => *n += 1,
                None => by_stage.push((p.stages[j], 1)),
            }
        }
        by_stage.sort();
        let states = status_given.then(|| {
            let count = |state: State| p.selected().filter(|&j| p.states[j] == state).count();
            let ignored = (0..p.measures.len())
                .filter(|&j| !p.selection.selected[j] && p.states[j] != State::Open)
                .count();
            [
                count(State::Done),
                count(State::Partial),
                count(State::Open),
                ignored,
            ]
        });
        Summary {
            controls: p.measures.len(),
            selected: p.selection.count(),
            pulled: p.selection.pulled_count(),
            by_stage,
            states,
        }
    }
}

/// The staff capacity in FTE and a note on how it was chosen.
pub(super) struct Staff {
    fte: f64,
    note: String,
}

/// The portfolio (or, with `options.catalog`, the catalog) text.
pub(super) fn portfolio(
    catalog: &Catalog,
    items: &[Item],
    horizon: &Horizon,
    needs: &Needs,
    options: &Options,
    summary: &Summary,
) -> String {
    let staff = staff_capacity(horizon, needs, options);
    let mut out = header::header(catalog, items, horizon, &staff, options, summary);
    out.push_str("version: 1\n");
    let name = format!("Grundschutz++: {}", catalog.title);
    let _ = writeln!(out, "name: {}", emit::scalar(&name));
    if let Some(remarks) = &catalog.remarks {
        let _ = writeln!(out, "description: {}", emit::scalar(remarks));
    }
    if options.catalog {
        // Durations and staff efforts are in these periods; a portfolio in finer ones
        // converts them when it includes the catalog.
        let _ = writeln!(out, "period: {}", horizon.kind.keyword());
    } else {
        out.push_str("language: de\n");
        let _ = writeln!(
            out,
            "calendar: {{ period: {}, start: {}, end: {} }}",
            horizon.kind.keyword(),
            horizon.start,
            horizon.end
        );
        out.push_str("resources:\n");
        let days = f64::from(horizon.days_per_period());
        if options.per_practice {
            let _ = writeln!(
                out,
                "  staff: {{ unit: FTE, capacity: {} }}   # {} person-days per {}",
                emit::amount(staff.fte),
                emit::amount(staff.fte * days),
                horizon.kind.keyword()
            );
        } else {
            let _ = writeln!(
                out,
                "  staff: {{ unit: person-days, capacity: {} }}   # {} FTE",
                emit::amount(staff.fte * days),
                emit::amount(staff.fte)
            );
        }
    }
    out.push_str("measures:\n");
    for item in items {
        measure(&mut out, item, items, horizon, options.per_practice);
    }
    out
}

/// `--staff` as given, else the size's staff, raised when the mandatory controls need more.
fn staff_capacity(horizon: &Horizon, needs: &Needs, options: &Options) -> Staff {
    let days = f64::from(horizon.days_per_period());
    let period = horizon.kind.keyword();
    let peak = emit::amount(needs.mandatory_peak.ceil());
    match options.staff {
        Some(fte) if fte * days + 1e-9 < needs.mandatory_peak => Staff {
            fte,
            note: format!(
                "Given with --staff. The mandatory controls (MUSS) and their prerequisites need up to\n\
                 {peak} person-days in one {period} when all start as early as they can; with less,\n\
                 `plan` may fail to place them all."
            ),
        },
        Some(fte) => Staff {
            fte,
            note: "Given with --staff.".to_owned(),
        },
        None => {
            let size = options.size;
            let default = size.staff_fte();
            let needed = (needs.mandatory_peak / days).ceil();
            let shown = emit::amount(default);
            let for_size = format!("--size {} ({})", size.keyword(), size.meaning());
            let enough = format!(
                "the mandatory controls (MUSS) and their\nprerequisites even if all run at once from \
                 their earliest start ({peak} person-days)."
            );
            if needed > default {
                Staff {
                    fte: needed,
                    note: format!(
                        "Raised from the {shown} FTE of {for_size}\nto be enough for {enough}"
                    ),
                }
            } else {
                Staff {
                    fte: default,
                    note: format!(
                        "The {shown} FTE of {for_size};\nset your own with --staff. That is enough for {enough}"
                    ),
                }
            }
        }
    }
}

fn measure(out: &mut String, item: &Item, all: &[Item], horizon: &Horizon, fte: bool) {
    let _ = writeln!(out, "  - id: {}", emit::scalar(&item.id));
    let _ = writeln!(out, "    name: {}", emit::scalar(&item.name));
    if let Some(area) = &item.area {
        let _ = writeln!(out, "    area: {}", emit::scalar(area));
    }
    let _ = writeln!(out, "    duration: {}", item.periods);
    if item.periods > 0 {
        let staff = if fte {
            // FTE-periods, like the shipped catalogs count staff.
            (item.person_days / f64::from(horizon.days_per_period()) * 100.0).round() / 100.0
        } else {
            item.person_days
        };
        let _ = writeln!(out, "    cost: {{ staff: {} }}", emit::amount(staff));
    }
    if !item.impact.is_empty() {
        let impact: Vec<String> = item
            .impact
            .iter()
            .map(|(d, s)| format!("{d}: {}", emit::amount(*s)))
            .collect();
        let _ = writeln!(out, "    impact: {{ {} }}", impact.join(", "));
    }
    if !item.depends_on.is_empty() {
        let ids: Vec<&str> = item
            .depends_on
            .iter()
            .map(|&i| all[i].id.as_str())
            .collect();
        let _ = writeln!(out, "    depends_on: {}", emit::list(&ids));
    }
    if item.mandatory {
        out.push_str("    mandatory: true\n");
    }
    if item.done {
        out.push_str("    status: done\n");
    }
    if item.risk_acceptance {
        out.push_str("    risk_acceptance: true\n");
    }
    if !item.tags.is_empty() {
        let _ = writeln!(out, "    tags: {}", emit::list(&item.tags));
    }
    if !item.documents.is_empty() {
        let _ = writeln!(out, "    documents: {}", emit::list(&item.documents));
    }
    if let Some(source) = &item.source {
        let _ = writeln!(out, "    source: {}", emit::scalar(source));
    }
    if let Some(notes) = &item.notes {
        let _ = writeln!(out, "    notes: {}", emit::scalar(notes));
    }
}

/// `MUSS, SOLLTE`.
pub(super) fn modal_list(modals: &[Modal]) -> String {
    modals
        .iter()
        .map(|m| m.keyword())
        .collect::<Vec<_>>()
        .join(", ")
}
