//! On any small catalog (random modal verbs, security levels, effort levels and `required`
//! links) and any staff, the imported portfolio checks clean, plans, and its roadmap keeps
//! the BSI's order: no KANN or erhöht control is scheduled while a normal SOLLTE control is
//! left out, every MUSS control is scheduled, and exactly the SOLLTE controls carry
//! `risk_acceptance`.

use proptest::prelude::*;
use resiplan::content::import::grundschutz::{Level, Modal, Options, import};
use resiplan::model::period::PeriodLabel;
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::plan_text;
use std::collections::BTreeMap;
use std::path::Path;

/// One control: practice, stage, effort level and the earlier controls it requires.
#[derive(Debug, Clone)]
struct Spec {
    practice: usize,
    modal: Modal,
    level: Level,
    effort: u8,
    requires: Vec<usize>,
}

fn spec(index: usize) -> impl Strategy<Value = Spec> {
    (
        0..2_usize,
        prop::sample::select(vec![Modal::Muss, Modal::Sollte, Modal::Kann]),
        prop::sample::select(vec![Level::Normal, Level::Elevated]),
        1..6_u8,
        prop::collection::vec(0..index.max(1), 0..2),
    )
        .prop_map(move |(practice, modal, level, effort, requires)| {
            // MUSS controls are normal-SdT and rated 0, as in the BSI's catalog.
            let (level, effort) = match modal {
                Modal::Muss => (Level::Normal, 0),
                _ => (level, effort),
            };
            Spec {
                practice,
                modal,
                level,
                effort,
                requires: if index == 0 { Vec::new() } else { requires },
            }
        })
}

fn catalog() -> impl Strategy<Value = Vec<Spec>> {
    (1..12_usize).prop_flat_map(|n| (0..n).map(spec).collect::<Vec<_>>())
}

const PRACTICES: [&str; 2] = ["BER", "NOT"];

/// The catalog's JSON and each control's (id, modal verb, level).
fn json(specs: &[Spec]) -> (String, Vec<(String, Modal, Level)>) {
    // Each practice's first control is its `x.1.1`; the others follow.
    let mut count = [0_usize; 2];
    let ids: Vec<String> = specs
        .iter()
        .map(|s| {
            count[s.practice] += 1;
            let p = PRACTICES[s.practice];
            match count[s.practice] {
                1 => format!("{p}.1.1"),
                k => format!("{p}.2.{k}"),
            }
        })
        .collect();
    let mut groups: BTreeMap<usize, Vec<serde_json::Value>> = BTreeMap::new();
    for (i, s) in specs.iter().enumerate() {
        let level = match s.level {
            Level::Normal => "normal-SdT",
            Level::Elevated => "erhöht",
        };
        groups.entry(s.practice).or_default().push(serde_json::json!({
            "id": ids[i],
            "title": format!("Anforderung {i}"),
            "props": [
                { "name": "sec_level", "value": level },
                { "name": "effort_level", "value": s.effort.to_string() }
            ],
            "links": s.requires.iter().map(|&r| serde_json::json!({ "rel": "required", "href": format!("#{}", ids[r]) })).collect::<Vec<_>>(),
            "parts": [ { "name": "statement", "props": [ { "name": "modal_verb", "value": s.modal.keyword() } ] } ]
        }));
    }
    let groups: Vec<serde_json::Value> = groups
        .into_iter()
        .map(|(p, controls)| serde_json::json!({ "id": PRACTICES[p], "title": PRACTICES[p], "controls": controls }))
        .collect();
    let json = serde_json::json!({
        "catalog": { "metadata": { "title": "Zufall", "version": "1" }, "groups": groups }
    });
    let stages = specs
        .iter()
        .zip(&ids)
        .map(|(s, id)| (id.clone(), s.modal, s.level))
        .collect();
    (json.to_string(), stages)
}

/// Per measure of `portfolio`: whether a normal MUSS or SOLLTE control needs it, directly or
/// not (its `required` links and its practice's `x.1.1`, as the import wrote them).
fn needed_by_normal(
    portfolio: &resiplan::model::Portfolio,
    stages: &[(String, Modal, Level)],
) -> Vec<bool> {
    let index = |id: &str| portfolio.measures.iter().position(|m| m.id.value == id);
    let mut needed = vec![false; portfolio.measures.len()];
    let mut stack: Vec<usize> = stages
        .iter()
        .filter(|(_, m, l)| *l == Level::Normal && *m != Modal::Kann)
        .filter_map(|(id, ..)| index(id))
        .flat_map(|j| {
            portfolio.measures[j]
                .depends_on
                .iter()
                .filter_map(|d| index(&d.value))
        })
        .collect();
    while let Some(j) = stack.pop() {
        if !needed[j] {
            needed[j] = true;
            stack.extend(
                portfolio.measures[j]
                    .depends_on
                    .iter()
                    .filter_map(|d| index(&d.value)),
            );
        }
    }
    needed
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_catalog_keeps_the_bsi_order_in_the_roadmap(
        specs in catalog(),
        staff in prop::sample::select(vec![0.1, 0.3, 1.0]),
        per_practice in any::<bool>(),
    ) {
        let (json, stages) = json(&specs);
        let options = Options {
            sec_level: Level::Elevated,
            modal: vec![Modal::Muss, Modal::Sollte, Modal::Kann],
            end: PeriodLabel::parse("2027-Q4").ok(),
            staff: Some(staff),
            per_practice,
            ..Options::default()
        };
        // A horizon too short for a mandatory chain is a usage error: nothing to plan.
        let Ok(text) = import(Path::new("random.json"), &json, &options) else {
            return Ok(());
        };
        let Ok(planning) = plan_text(Path::new("random.yaml"), &text) else {
            // Too little staff for the mandatory controls: `plan` says so; nothing to check.
            return Ok(());
        };
        let portfolio = &planning.scored.portfolio;
        let scheduled = |id: &str| {
            portfolio.measures.iter().position(|m| m.id.value == id).is_some_and(|j| {
                matches!(planning.planned.roadmap.placements[j], Placement::Scheduled { .. })
            })
        };
        if per_practice {
            // Packages: a KANN or erhöht package only after every normal SOLLTE one.
            let ids: Vec<&str> = portfolio.measures.iter().map(|m| m.id.value.as_str()).collect();
            let sollte_out = ids.iter().any(|id| id.starts_with("gs-sollte-") && !scheduled(id));
            let later_in = ids.iter().any(|id| {
                (id.starts_with("gs-kann") || id.starts_with("gs-erhoeht")) && scheduled(id)
            });
            prop_assert!(!(sollte_out && later_in), "{}", text);
            return Ok(());
        }
        let normal_sollte_out = stages.iter().any(|(id, m, l)| {
            *m == Modal::Sollte && *l == Level::Normal && !scheduled(id)
        });
        // A KANN or erhöht control that a normal MUSS or SOLLTE control needs (a strict
        // prerequisite) is planned in that stage: it may come first.
        let needed = needed_by_normal(portfolio, &stages);
        let later_in = stages.iter().any(|(id, m, l)| {
            let j = portfolio.measures.iter().position(|x| &x.id.value == id).expect("imported");
            (*m == Modal::Kann || *l == Level::Elevated) && !needed[j] && scheduled(id)
        });
        prop_assert!(!(normal_sollte_out && later_in), "{}", text);
        for (id, modal, _) in &stages {
            let measure = portfolio.measures.iter().find(|m| &m.id.value == id).expect("imported");
            prop_assert_eq!(measure.risk_acceptance, *modal == Modal::Sollte, "{}", id);
            if *modal == Modal::Muss {
                prop_assert!(scheduled(id), "MUSS {} is scheduled", id);
            }
        }
    }
}
