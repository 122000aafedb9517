//! The header comment: source and licence, what was taken, the BSI's order as the roadmap
//! holds it, the mapping, the status file, and the horizon and capacity.

use super::super::tables::{
    DAYS_PER_MONTH, EFFORT, GROUP_IMPACTS, Level, Modal, OTHER_IMPACT, PACKAGE_TEAM_FTE, Stage,
};
use super::super::{Horizon, LICENCE, LICENCE_URL, Options, SOURCE_URL};
use super::{Staff, Summary, modal_list};
use crate::content::emit;
use crate::content::import::grundschutz::items::{Item, Kind};
use crate::content::import::oscal::Catalog;

/// The header as YAML comment lines.
pub(super) fn header(
    catalog: &Catalog,
    items: &[Item],
    horizon: &Horizon,
    staff: &Staff,
    options: &Options,
    summary: &Summary,
) -> String {
    let what = if options.catalog {
        "Catalog"
    } else {
        "Portfolio"
    };
    let mut lines = vec![
        format!(
            "{what} written by `resiplan import grundschutz` from the BSI catalog \"{}\"",
            catalog.title
        ),
        format!("(version {}).", catalog.version),
        String::new(),
    ];
    licence(&mut lines, options);
    scope(&mut lines, options, summary);
    order(&mut lines, items, options);
    mapping(&mut lines, horizon, options);
    if let Some(states) = summary.states {
        status(&mut lines, options, states);
    }
    capacity(&mut lines, items, horizon, staff, options);
    emit::comment("", &lines.join("\n"))
}

fn licence(lines: &mut Vec<String>, options: &Options) {
    let unit = if options.per_practice {
        "one work package per practice and stage"
    } else {
        "one measure per control"
    };
    lines.extend([
        "SOURCE AND LICENCE".to_owned(),
        "  Derived from the Grundschutz++ catalog of the Bundesamt für Sicherheit in der"
            .to_owned(),
        "  Informationstechnik (BSI), Stand-der-Technik-Bibliothek:".to_owned(),
        format!("  {SOURCE_URL}"),
        format!("  Licence of the catalog: {LICENCE},"),
        format!("  {LICENCE_URL}"),
        "  This file is a derived work (an adaptation) and is licensed under CC BY-SA 4.0 as well."
            .to_owned(),
        "  The BSI has not reviewed or endorsed it.".to_owned(),
        format!("  Changes made: a selection of the controls (SCOPE), {unit} (id and title as"),
        "  name, statement and evidence as notes, parameters shown as [their label]); the BSI's"
            .to_owned(),
        "  order as dependencies and milestones; durations, staff effort, impacts, calendar and"
            .to_owned(),
        "  resources added by the assumptions below; guidance texts, `related` links and parameter"
            .to_owned(),
        "  details left out.".to_owned(),
        String::new(),
    ]);
}

fn scope(lines: &mut Vec<String>, options: &Options, summary: &Summary) {
    let level = match options.sec_level {
        Level::Normal => "normal-SdT (--sec-level normal)",
        Level::Elevated => "normal-SdT and erhöht (--sec-level elevated)",
    };
    let practices = if options.practices.is_empty() {
        "all".to_owned()
    } else {
        options.practices.join(", ")
    };
    lines.extend([
        "SCOPE".to_owned(),
        format!("  Security level {level}; modal verbs {} (--modal);", modal_list(&options.modals())),
        format!("  practices: {practices} (--practices)."),
        format!(
            "  Taken: {} of the catalog's {} controls{}.",
            summary.selected,
            summary.controls,
            match summary.pulled {
                0 => String::new(),
                n => format!(
                    ",\n  {n} of them only because chosen controls require them (tag `voraussetzung`)"
                ),
            }
        ),
    ]);
    let stages: Vec<String> = summary
        .by_stage
        .iter()
        .map(|(stage, n)| format!("{n} {}", stage.label()))
        .collect();
    lines.push(format!("  By stage: {}.", stages.join(", ")));
    lines.push(String::new());
}

fn order(lines: &mut Vec<String>, items: &[Item], options: &Options) {
    let gates: Vec<&str> = items
        .iter()
        .filter(|i| i.kind == Kind::Gate)
        .map(|i| i.id.as_str())
        .collect();
    lines.extend([
        "THE BSI'S ORDER (held by dependencies, regardless of cost)".to_owned(),
        "  Stages: normal-SdT before erhöht; within a level MUSS before SOLLTE before KANN. Every"
            .to_owned(),
        "  control of a stage waits for the end of the stage before, so no roadmap takes a KANN or"
            .to_owned(),
        "  erhöht control while a normal SOLLTE one is left out. A control that an earlier stage"
            .to_owned(),
        "  requires is planned in that stage.".to_owned(),
    ]);
    let mut open: Vec<Stage> = items
        .iter()
        .filter(|i| !i.done)
        .filter_map(|i| i.stage)
        .collect();
    open.sort();
    open.dedup();
    if gates.is_empty() && open.len() < 2 {
        lines.push(
            "  (This import has one stage with open controls, so no milestone is needed.)"
                .to_owned(),
        );
    } else if gates.is_empty() {
        lines
            .push("  (Each stage but the last has one open item, which marks its end.)".to_owned());
    } else {
        lines.push(format!(
            "  Milestones at the end of the stages: {}.",
            gates.join(", ")
        ));
    }
    if options.per_practice {
        lines.extend([
            "  The MUSS controls of all practices are one mandatory package; SOLLTE and KANN controls".to_owned(),
            "  one package per practice. Links between packages of one stage are named in the notes.".to_owned(),
        ]);
    } else {
        lines.push(
            "  Each practice's procedures and rules (x.1.1) come before its other controls."
                .to_owned(),
        );
    }
    lines.push(String::new());
}

fn mapping(lines: &mut Vec<String>, horizon: &Horizon, options: &Options) {
    let period = horizon.kind.keyword();
    let plural = horizon.kind.plural();
    let of = |n: u32| if n == 1 { period } else { plural };
    lines.extend([
        "MAPPING (resiplan's assumptions, not the BSI's)".to_owned(),
        format!(
            "  effort_level → duration and own staff effort (a person-month is {DAYS_PER_MONTH} working days):"
        ),
    ]);
    for (level, effort) in EFFORT.iter().enumerate() {
        let duration = horizon.periods_for(effort.months);
        lines.push(format!(
            "    {level}  {:<52} {:>2} month{}  → {duration} {:<8} {:>3} person-day{}",
            effort.meaning,
            effort.months,
            if effort.months == 1 { " " } else { "s" },
            of(duration),
            effort.person_days,
            if effort.person_days == 1 { "" } else { "s" }
        ));
    }
    let shares = |level: Level| -> String {
        let parts: Vec<String> = Modal::ALL
            .iter()
            .map(|&modal| {
                let stage = Stage { level, modal };
                format!("{} {}", stage.modal.keyword(), emit::amount(stage.share()))
            })
            .collect();
        format!("{} {}", level.keyword(), parts.join(", "))
    };
    lines.extend([
        format!(
            "  Months are rounded up to whole {plural}; staff effort is spread evenly over the duration."
        ),
        "  Effort level 0 and the modal verb MUSS → `mandatory: true` (the roadmap must hold them).".to_owned(),
        "  SOLLTE → `risk_acceptance: true`: a roadmap that leaves one out lists it for a risk".to_owned(),
        "  acceptance by management. The statement's `documentation` (the evidence) → `documents`.".to_owned(),
        "  `required` links → `depends_on`. Tags: effort level, modal verb, sec_level, the BSI's tags.".to_owned(),
        "  Name: the control id, then the title; a title used more than once is led by its parent's".to_owned(),
        "  title or its practice (ASST.1.1.1 Informationen und Assets – Verfahren und Regelungen – …).".to_owned(),
        "  Practice group → `area` and the impact on the resilience dimensions, times the stage's".to_owned(),
        format!("  share ({}; {}):", shares(Level::Normal), shares(Level::Elevated)),
    ]);
    for group in GROUP_IMPACTS {
        lines.push(format!(
            "    {:<5} {:<30} {}",
            group.id,
            group.title,
            impact_text(group.impact)
        ));
    }
    lines.push(format!(
        "    {:<36} {}",
        "other groups",
        impact_text(OTHER_IMPACT)
    ));
    if options.per_practice {
        lines.extend([
            format!(
                "  A package lasts as long as its longest chain of controls, at least as long as a team of {}",
                emit::amount(PACKAGE_TEAM_FTE)
            ),
            "  FTE needs for its person-days, and short enough to end within the horizon after what it".to_owned(),
            format!("  waits for (then with a larger team). Staff is counted in FTE-{plural}."),
        ]);
    }
    lines.push(String::new());
}

fn status(lines: &mut Vec<String>, options: &Options, [done, partial, open, ignored]: [usize; 4]) {
    let file = options
        .status
        .as_ref()
        .map_or_else(String::new, |p| crate::diagnostic::source::display_path(p));
    lines.extend([
        format!("STATUS (from {file})"),
        format!(
            "  {done} done (`status: done`), {partial} partly done (half the effort and duration left,"
        ),
        format!("  tag `teilweise`), {open} open."),
    ]);
    if ignored > 0 {
        let (controls, are) = if ignored == 1 {
            ("control", "is")
        } else {
            ("controls", "are")
        };
        lines.push(format!(
            "  {ignored} {controls} outside the selection {are} marked done or partial there; left out."
        ));
    }
    lines.push(String::new());
}

fn capacity(
    lines: &mut Vec<String>,
    items: &[Item],
    horizon: &Horizon,
    staff: &Staff,
    options: &Options,
) {
    let periods = horizon.periods();
    let period = horizon.kind.keyword();
    let plural = horizon.kind.plural();
    let days = f64::from(horizon.days_per_period());
    let capacity = staff.fte * days;
    let open = || items.iter().filter(|i| !i.done && i.kind != Kind::Gate);
    let total_days: f64 = open().map(|i| i.person_days).sum();
    let mandatory = open().filter(|i| i.mandatory).count();
    let dependencies: usize = items.iter().map(|i| i.depends_on.len()).sum();
    let fte_needed = (total_days / (days * periods as f64) * 10.0).ceil() / 10.0;
    let verdict = if total_days > capacity * periods as f64 {
        ", so the roadmap has to choose"
    } else {
        "; the capacity covers them all"
    };
    lines.extend([
        "HORIZON AND CAPACITY".to_owned(),
        format!(
            "  Calendar {}–{} ({periods} {plural}); change it with --start, --end and --period.",
            horizon.start, horizon.end
        ),
        format!(
            "  Staff: {} person-days per {period} = {} FTE at {} working days per {period}.",
            emit::amount(capacity),
            emit::amount(staff.fte),
            horizon.days_per_period()
        ),
    ]);
    lines.extend(staff.note.lines().map(|l| format!("  {l}")));
    let what = if options.per_practice {
        "work packages"
    } else {
        "measures"
    };
    lines.extend([
        "  No budget: the catalog has no cost figures. Add a `budget` resource and `cost.budget`".to_owned(),
        "  where you know them.".to_owned(),
        format!(
            "  The {} open {what} ({mandatory} mandatory, {dependencies} dependencies) need {} person-days",
            open().count(),
            if total_days.fract() == 0.0 {
                format!("{total_days:.0}")
            } else {
                format!("{total_days}")
            }
        ),
        format!(
            "  together, as much as {} FTE working through the whole horizon{verdict}.",
            emit::amount(fte_needed)
        ),
    ]);
    if options.catalog {
        lines.extend([
            "  This is a catalog: include its measures in a portfolio with a `staff` resource in"
                .to_owned(),
            format!(
                "  {} and {plural} as periods, and make the first depend on your ISMS measure.",
                if options.per_practice {
                    "FTE"
                } else {
                    "person-days"
                }
            ),
        ]);
    }
}

fn impact_text(impact: &[(&str, f64)]) -> String {
    let parts: Vec<String> = impact
        .iter()
        .map(|(d, s)| format!("{d} {}", emit::amount(*s)))
        .collect();
    parts.join(", ")
}
