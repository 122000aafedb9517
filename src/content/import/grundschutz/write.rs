//! The imported portfolio as YAML text, with the attribution, the mapping and
//! the assumed horizon and capacity in its header.

use super::map::{Mapped, Needs};
use super::{
    DAYS_PER_MONTH, DEFAULT_STAFF_FTE, EFFORT, GROUP_IMPACTS, Horizon, KANN_SHARE, LICENCE,
    LICENCE_URL, OTHER_IMPACT, SOURCE_URL,
};
use crate::content::emit;
use crate::content::import::oscal::Catalog;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The staff capacity in FTE and a note on how it was chosen.
struct Staff {
    fte: f64,
    note: String,
}

/// The portfolio text.
pub(super) fn portfolio(
    catalog: &Catalog,
    measures: &[Mapped],
    horizon: &Horizon,
    needs: &Needs,
    staff: Option<f64>,
) -> String {
    let staff = staff_capacity(horizon, needs, staff);
    let capacity = staff.fte * f64::from(horizon.days_per_period());
    let mut out = header(catalog, measures, horizon, &staff);
    out.push_str("version: 1\n");
    let name = format!("Grundschutz++: {}", catalog.title);
    let _ = writeln!(out, "name: {}", emit::scalar(&name));
    if let Some(remarks) = &catalog.remarks {
        let _ = writeln!(out, "description: {}", emit::scalar(remarks));
    }
    out.push_str("language: de\n");
    let _ = writeln!(
        out,
        "calendar: {{ period: {}, start: {}, end: {} }}",
        horizon.kind.keyword(),
        horizon.start,
        horizon.end
    );
    out.push_str("resources:\n");
    let _ = writeln!(
        out,
        "  staff: {{ unit: person-days, capacity: {} }}   # {} FTE",
        emit::amount(capacity),
        emit::amount(staff.fte)
    );
    out.push_str("measures:\n");
    for m in measures {
        measure(&mut out, m, measures, horizon);
    }
    out
}

/// `--staff` as given, else the default, raised when the mandatory controls need more.
fn staff_capacity(horizon: &Horizon, needs: &Needs, staff: Option<f64>) -> Staff {
    let days = f64::from(horizon.days_per_period());
    let period = horizon.kind.keyword();
    let peak = emit::amount(needs.mandatory_peak.ceil());
    match staff {
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
            let needed = (needs.mandatory_peak / days).ceil();
            let (fte, why) = if needed > DEFAULT_STAFF_FTE {
                let default = emit::amount(DEFAULT_STAFF_FTE);
                (needed, format!("Raised from the default {default} FTE"))
            } else {
                let why = "The default (set your own with --staff)".to_owned();
                (DEFAULT_STAFF_FTE, why)
            };
            Staff {
                fte,
                note: format!(
                    "{why}: enough for the mandatory controls (MUSS) and their\n\
                     prerequisites even if all run at once from their earliest start ({peak} person-days)."
                ),
            }
        }
    }
}

fn header(catalog: &Catalog, measures: &[Mapped], horizon: &Horizon, staff: &Staff) -> String {
    let periods = horizon.periods();
    let period = horizon.kind.keyword();
    let plural = horizon.kind.plural();
    let of = |n: u32| if n == 1 { period } else { plural };
    let mut lines = vec![
        format!(
            "Portfolio written by `resiplan import grundschutz` from the BSI catalog \"{}\"",
            catalog.title
        ),
        format!("(version {}).", catalog.version),
        String::new(),
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
        "  Changes made: one measure per control (control title as name, statement as notes, with"
            .to_owned(),
        "  parameters shown as [their label]); durations, staff effort, impacts, calendar and"
            .to_owned(),
        "  resources added by the assumptions below; guidance texts, `related` links and parameter"
            .to_owned(),
        "  details left out.".to_owned(),
        String::new(),
        "MAPPING (resiplan's assumptions, not the BSI's)".to_owned(),
        format!(
            "  effort_level → duration and own staff effort (a person-month is {DAYS_PER_MONTH} working days):"
        ),
    ];
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
    let kann = if (KANN_SHARE - 0.5).abs() < 1e-12 {
        "half".to_owned()
    } else {
        format!("{KANN_SHARE} ×")
    };
    lines.extend([
        format!(
            "  Months are rounded up to whole {plural}; staff effort is spread evenly over the duration."
        ),
        "  Effort level 0 and the modal verb MUSS → `mandatory: true` (the roadmap must hold them).".to_owned(),
        "  `required` links → `depends_on`. Tags: effort level, modal verb, sec_level, the BSI's tags.".to_owned(),
        format!(
            "  Practice group → `area` and the impact on the resilience dimensions (KANN controls get {kann}):"
        ),
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
    let days = f64::from(horizon.days_per_period());
    let capacity = staff.fte * days;
    let total_days: u64 = measures
        .iter()
        .map(|m| u64::from(EFFORT[m.level].person_days))
        .sum();
    let mandatory = measures.iter().filter(|m| m.mandatory).count();
    let dependencies: usize = measures.iter().map(|m| m.depends_on.len()).sum();
    let fte_needed = (total_days as f64 / (days * periods as f64) * 10.0).ceil() / 10.0;
    let verdict = if total_days as f64 > capacity * periods as f64 {
        ", so the roadmap has to choose"
    } else {
        "; the capacity covers them all"
    };
    lines.extend([
        String::new(),
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
    lines.extend([
        "  No budget: the catalog has no cost figures. Add a `budget` resource and `cost.budget`".to_owned(),
        "  where you know them.".to_owned(),
        format!(
            "  The {} measures ({mandatory} mandatory, {dependencies} dependencies) need {total_days} person-days",
            measures.len()
        ),
        format!(
            "  together, as much as {} FTE working through the whole horizon{verdict}.",
            emit::amount(fte_needed)
        ),
    ]);
    emit::comment("", &lines.join("\n"))
}

fn impact_text(impact: &[(&str, f64)]) -> String {
    let parts: Vec<String> = impact
        .iter()
        .map(|(d, s)| format!("{d} {}", emit::amount(*s)))
        .collect();
    parts.join(", ")
}

fn measure(out: &mut String, m: &Mapped, all: &[Mapped], horizon: &Horizon) {
    let effort = EFFORT[m.level];
    let _ = writeln!(out, "  - id: {}", emit::scalar(&m.id));
    let _ = writeln!(out, "    name: {}", emit::scalar(&m.control.title));
    if let Some((group, _)) = &m.control.group {
        let _ = writeln!(out, "    area: {}", emit::scalar(group));
    }
    let _ = writeln!(out, "    duration: {}", horizon.periods_for(effort.months));
    let _ = writeln!(out, "    cost: {{ staff: {} }}", effort.person_days);
    let impact: Vec<String> = m
        .impact
        .iter()
        .map(|(d, s)| format!("{d}: {}", emit::amount(*s)))
        .collect();
    let _ = writeln!(out, "    impact: {{ {} }}", impact.join(", "));
    if !m.depends_on.is_empty() {
        let ids: Vec<&str> = m.depends_on.iter().map(|&i| all[i].id.as_str()).collect();
        let _ = writeln!(out, "    depends_on: {}", emit::list(&ids));
    }
    if m.mandatory {
        out.push_str("    mandatory: true\n");
    }
    let mut tags = vec![format!("effort-{}", m.level)];
    tags.extend(m.control.modal_verb.iter().map(|v| v.trim().to_lowercase()));
    tags.extend(m.control.sec_level.iter().cloned());
    tags.extend(m.control.tags.iter().cloned());
    let mut seen = BTreeSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    let _ = writeln!(out, "    tags: {}", emit::list(&tags));
    let source = format!("BSI Grundschutz++ {} (CC BY-SA 4.0)", m.control.id);
    let _ = writeln!(out, "    source: {}", emit::scalar(&source));
    if let Some(statement) = &m.control.statement {
        let _ = writeln!(out, "    notes: {}", emit::scalar(statement));
    }
}
