//! `--per-practice`: one work package per practice and stage instead of one measure per
//! control, for a municipal portfolio to include under its ISMS measure. The MUSS controls of
//! all practices form one mandatory package (the base every practice starts from); the
//! SOLLTE and KANN controls one package per practice. Links between packages of one stage
//! are named in the notes, not made dependencies: a package would otherwise wait for the
//! whole of another, and such links can go round (ASST → DET → KONF → ASST).

use super::Horizon;
use super::controls::Prepared;
use super::items::{Item, Kind, add_gates, earliest_starts};
use super::map::group_impact;
use super::names::title;
use super::order::written;
use super::status::State;
use super::tables::{Modal, PACKAGE_TEAM_FTE, Stage};

/// One package: its stage, its practice (none for the MUSS package of all practices) and
/// its controls.
struct Package {
    stage: Stage,
    practice: Option<String>,
    members: Vec<usize>,
}

/// The items: one package per practice and stage (stages in the BSI's order, practices in
/// catalog order), then the stages' milestones.
pub(super) fn items(p: &Prepared<'_>, horizon: &Horizon) -> Vec<Item> {
    let mut packages: Vec<Package> = Vec::new();
    for j in p.selected() {
        let stage = p.stages[j];
        let practice = match stage.modal {
            Modal::Muss => None,
            Modal::Sollte | Modal::Kann => Some(p.measures[j].practice().unwrap_or("").to_owned()),
        };
        match packages
            .iter_mut()
            .find(|k| k.stage == stage && k.practice == practice)
        {
            Some(package) => package.members.push(j),
            None => packages.push(Package {
                stage,
                practice,
                members: vec![j],
            }),
        }
    }
    packages.sort_by_key(|k| k.stage);
    let (mut items, shortest): (Vec<Item>, Vec<u32>) =
        packages.iter().map(|k| item(p, k, horizon)).unzip();
    add_gates(&mut items);
    // A package that its team could not finish after its prerequisites gets a larger team:
    // it is shortened to end with the horizon, never below its longest chain. Shortening
    // moves later packages only earlier, so one pass settles all.
    let starts = earliest_starts(&items);
    let periods = horizon.periods() as u32;
    for (k, &least) in shortest.iter().enumerate() {
        let item = &mut items[k];
        if !item.done && starts[k] + item.periods > periods {
            item.periods = periods.saturating_sub(starts[k]).max(least).max(1);
        }
    }
    items
}

/// The package as an item, and the periods its longest chain of controls needs.
fn item(p: &Prepared<'_>, package: &Package, horizon: &Horizon) -> (Item, u32) {
    let stage = package.stage;
    let open: Vec<usize> = package
        .members
        .iter()
        .copied()
        .filter(|&j| p.states[j] != State::Done)
        .collect();
    let person_days: f64 = open.iter().map(|&j| p.effort(j, horizon).1).sum();
    let days = f64::from(horizon.days_per_period()) * PACKAGE_TEAM_FTE;
    let by_team = (person_days / days).ceil() as u32;
    let chain = critical_path(p, &open, horizon);
    let periods = chain.max(by_team).min(horizon.periods() as u32).max(1);
    let mut practices: Vec<&str> = Vec::new();
    for &j in &package.members {
        if let Some(practice) = p.measures[j].practice()
            && !practices.contains(&practice)
        {
            practices.push(practice);
        }
    }
    let practice_name = |id: &str| {
        let group = package
            .members
            .iter()
            .find_map(|&j| p.measures[j].control.group.as_ref().filter(|g| g.0 == id));
        match group {
            _ if id.is_empty() => "Ohne Praktik".to_owned(),
            Some((id, name)) if title(name) != *id => format!("{id} {}", title(name)),
            _ => id.to_owned(),
        }
    };
    let single = match (&package.practice, practices.as_slice()) {
        (Some(practice), _) => Some(practice.as_str()),
        (None, [practice]) => Some(*practice),
        (None, _) => None,
    };
    let id = match &package.practice {
        Some(practice) => format!("gs-{}-{}", stage.slug(), slug(practice)),
        None => format!("gs-{}", stage.slug()),
    };
    let (name, area) = match single {
        Some(practice) => (
            format!("{}: ", practice_name(practice)),
            Some(practice.to_owned()).filter(|p| !p.is_empty()),
        ),
        None => ("Alle Praktiken: ".to_owned(), None),
    };
    let name = format!(
        "{name}{} {}-Anforderungen ({})",
        package.members.len(),
        stage.modal.keyword(),
        stage.level.keyword()
    );
    let mandatory = open.iter().any(|&j| p.measures[j].mandatory);
    let mut documents: Vec<String> = Vec::new();
    for &j in &open {
        for d in &p.measures[j].control.documentation {
            if !documents.contains(d) {
                documents.push(d.clone());
            }
        }
    }
    let item = Item {
        id,
        name,
        kind: Kind::Package,
        stage: Some(stage),
        area,
        periods,
        person_days,
        effort: None,
        impact: impact(&practices, stage),
        depends_on: Vec::new(),
        mandatory,
        done: open.is_empty(),
        risk_acceptance: stage.modal == Modal::Sollte && !mandatory,
        tags: vec![
            "grundschutz-paket".to_owned(),
            stage.modal.keyword().to_lowercase(),
            stage.level.keyword().to_owned(),
        ],
        source: Some(format!(
            "BSI Grundschutz++, {} Anforderungen (CC BY-SA 4.0)",
            package.members.len()
        )),
        notes: Some(notes(p, package, &documents)),
        documents,
    };
    (item, chain)
}

/// Periods from the package's start until its last open control is done, with each control
/// starting as soon as the controls of the package it needs are done.
fn critical_path(p: &Prepared<'_>, open: &[usize], horizon: &Horizon) -> u32 {
    let mut finish: Vec<Option<u32>> = vec![None; p.measures.len()];
    // The package's dependencies form no cycle: settle what can be settled until all are.
    let mut left: Vec<usize> = open.to_vec();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|&j| {
            let inside = written(&p.deps[j], &p.stages, j)
                .into_iter()
                .filter(|i| open.contains(i));
            let mut start = 0;
            for i in inside {
                match finish[i] {
                    Some(f) => start = start.max(f),
                    None => return true,
                }
            }
            finish[j] = Some(start + p.effort(j, horizon).0);
            false
        });
        if left.len() == before {
            break;
        }
    }
    open.iter().filter_map(|&j| finish[j]).max().unwrap_or(0)
}

/// The practices' impact (averaged over them for the package of all practices), times the
/// stage's share.
fn impact(practices: &[&str], stage: Stage) -> Vec<(&'static str, f64)> {
    let groups: Vec<&[(&'static str, f64)]> = if practices.is_empty() {
        vec![group_impact(None)]
    } else {
        practices.iter().map(|p| group_impact(Some(p))).collect()
    };
    let mut sum: Vec<(&'static str, f64)> = Vec::new();
    for group in &groups {
        for (dimension, score) in *group {
            match sum.iter_mut().find(|(d, _)| d == dimension) {
                Some((_, total)) => *total += score,
                None => sum.push((dimension, *score)),
            }
        }
    }
    let n = groups.len() as f64;
    sum.into_iter()
        .map(|(d, total)| (d, (total / n * stage.share() * 100.0).round() / 100.0))
        .collect()
}

/// What the package holds, what it needs from other packages, and its evidence.
fn notes(p: &Prepared<'_>, package: &Package, documents: &[String]) -> String {
    let count = |state: State| {
        package
            .members
            .iter()
            .filter(|&&j| p.states[j] == state)
            .count()
    };
    let mut out = format!(
        "{} Anforderungen der Stufe {}",
        package.members.len(),
        package.stage.label()
    );
    let (done, partial) = (count(State::Done), count(State::Partial));
    if done + partial > 0 {
        out.push_str(&format!(
            " (laut Status-Datei {done} umgesetzt, {partial} teilweise)"
        ));
    }
    let names: Vec<&str> = package
        .members
        .iter()
        .map(|&j| p.names[j].as_str())
        .collect();
    out.push_str(&format!(": {}.", names.join("; ")));
    let outside: Vec<String> = package
        .members
        .iter()
        .flat_map(|&j| {
            p.deps[j]
                .iter()
                .filter(|d| !package.members.contains(&d.on) && p.stages[d.on] == package.stage)
                .map(move |d| {
                    format!(
                        "{} → {}",
                        p.measures[j].control.id, p.measures[d.on].control.id
                    )
                })
        })
        .collect();
    if !outside.is_empty() {
        out.push_str(&format!(
            "\nVoraussetzungen in anderen Paketen derselben Stufe (im Paket abzustimmen): {}.",
            outside.join(", ")
        ));
    }
    if !documents.is_empty() {
        out.push_str(&format!("\nNachweise: {}.", documents.join(", ")));
    }
    out
}

/// A practice id as part of a measure id: lower case, anything but letters and digits `-`.
fn slug(practice: &str) -> String {
    let slug: String = practice
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if slug.trim_matches('-').is_empty() {
        "sonstige".to_owned()
    } else {
        slug
    }
}
