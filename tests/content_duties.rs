//! Legal duties, utilities and choices in the shipped examples (issue 16): the duty classes
//! a Haushaltssicherung freezes by, the NIS2UmsuCG and KRITIS-Dachgesetz duties of the
//! Stadtwerke, and the alternatives and bundles a plan honours.

use crate::support::{root, stdout};
use resiplan::model::obligation::Duty;
use resiplan::model::{Measure, Status};
use resiplan::pipeline::{Input, score_input};
use serde_json::Value;
use std::collections::BTreeMap;

fn plan_json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

/// The measures of a plan's JSON by id, with their status.
fn statuses(plan: &Value) -> BTreeMap<String, String> {
    (plan["measures"].as_array().expect("measures").iter())
        .map(|m| {
            let id = m["id"].as_str().expect("id").to_owned();
            (id, m["status"].as_str().expect("status").to_owned())
        })
        .collect()
}

/// The measures of a shipped portfolio as loaded.
fn measures(file: &str) -> Vec<Measure> {
    let scored = score_input(&Input::file(root().join(file))).expect("plans");
    scored.portfolio.measures
}

/// Musterstadt's Nothaushalt (`exclude_duty: [voluntary]`): every voluntary measure that has
/// not started is out of the plan, every statutory one stays, and what has started or is
/// done stays too.
#[test]
fn the_nothaushalt_freezes_voluntary_measures_and_keeps_the_statutory_ones() {
    let file = "examples/musterstadt.yaml";
    let scenario = "examples/scenarios/musterstadt-nothaushalt.yaml";
    let plan = statuses(&plan_json(&[
        "plan",
        file,
        "--scenario",
        scenario,
        "-f",
        "json",
    ]));
    let all = measures(file);
    let frozen: Vec<&Measure> = (all.iter())
        .filter(|m| m.duty() == Duty::Voluntary && m.status.value == Status::Planned)
        .collect();
    let statutory: Vec<&Measure> = (all.iter())
        .filter(|m| m.duty() == Duty::Statutory)
        .collect();
    let started: Vec<&Measure> = (all.iter())
        .filter(|m| m.status.value != Status::Planned)
        .collect();
    assert!(frozen.len() > 20, "{} voluntary measures", frozen.len());
    assert!(!statutory.is_empty() && !started.is_empty());
    for m in frozen {
        assert!(
            !plan.contains_key(&m.id.value),
            "`{}` is planned",
            m.id.value
        );
    }
    for m in statutory {
        assert_eq!(
            plan.get(&m.id.value).map(String::as_str),
            Some("scheduled"),
            "`{}`",
            m.id.value
        );
    }
    for m in started {
        assert!(plan.contains_key(&m.id.value), "`{}` is gone", m.id.value);
    }
}

/// The Stadtwerke are bound by the NIS2UmsuCG and (as a designated operator) the
/// KRITIS-Dachgesetz: registrations are done in 2026, the risk-management duty in force since
/// 6 Dec 2025 is overdue and `check` says so, the KRITIS risk analysis and resilience plan
/// are planned, and every measure that fulfils one of the duties is statutory.
#[test]
fn the_stadtwerke_plan_their_nis2_and_kritis_duties() {
    let file = "examples/stadtwerke.yaml";
    let output = crate::support::resiplan()
        .args(["check", file])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("warning[obligation-past-deadline]").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("obligation `nis2-risikomanagement` was due by 2025-12-06"),
        "{stderr}"
    );

    let plan = plan_json(&["plan", file, "-f", "json"]);
    let duties: BTreeMap<&str, &Value> = (plan["duties"].as_array().expect("duties").iter())
        .map(|d| (d["id"].as_str().expect("id"), d))
        .collect();
    let state = |id: &str| duties.get(id).map(|d| d["state"].as_str().expect("state"));
    assert_eq!(state("nis2-registrierung"), Some("done"));
    assert_eq!(duties["nis2-registrierung"]["deadline"], "2026-03-06");
    assert_eq!(state("nis2-meldepflicht"), Some("done"));
    assert_eq!(state("nis2-risikomanagement"), Some("late"));
    assert_eq!(state("kritis-registrierung"), Some("done"));
    assert_eq!(state("kritis-risikoanalyse"), Some("planned"));
    assert_eq!(state("kritis-resilienzplan"), Some("planned"));
    for duty in duties.values() {
        let basis = duty["basis"].as_str().expect("basis");
        assert!(
            basis.contains("NIS2UmsuCG") || basis.contains("KRITIS-Dachgesetz"),
            "{duty}"
        );
        assert!(
            duty["source"].as_str().is_some_and(|s| s.contains("[S")),
            "{duty}"
        );
    }
    let status = statuses(&plan);
    for id in [
        "nis2-konformitaet",
        "kritis-risikoanalyse",
        "kritis-resilienzplan",
    ] {
        assert_eq!(status[id], "scheduled", "{id}");
    }
    for m in measures(file).iter().filter(|m| !m.fulfils.is_empty()) {
        assert_eq!(m.duty(), Duty::Statutory, "`{}`", m.id.value);
    }
}

/// Angriffserkennung at the Stadtwerke: a managed SOC or an own SOC (`alternatives`, exactly
/// one), the own SOC a bundle of platform and shift team. The plan schedules exactly one
/// alternative, the bundle all or none, and `explain` says why the other alternative is out;
/// the scenario `stadtwerke-eigenes-soc` turns the choice around.
#[test]
fn the_stadtwerke_choose_one_soc_and_keep_the_own_soc_together() {
    let file = "examples/stadtwerke.yaml";
    let scenario = "examples/scenarios/stadtwerke-eigenes-soc.yaml";
    let group = ["soc-cert-anbindung", "siem-plattform"];
    let bundle = ["siem-plattform", "soc-schichtdienst"];
    let base = plan_json(&["plan", file, "-f", "json"]);
    let own = plan_json(&["plan", file, "--scenario", scenario, "-f", "json"]);
    let mut chosen = Vec::new();
    for plan in [&base, &own] {
        let choices = &plan["choices"];
        assert_eq!(
            choices["alternatives"][0]["measures"],
            serde_json::json!(group)
        );
        assert_eq!(choices["alternatives"][0]["exactly_one"], true);
        assert_eq!(choices["bundles"][0]["measures"], serde_json::json!(bundle));
        let status = statuses(plan);
        let planned: Vec<&str> = (group.iter().copied())
            .filter(|id| status[*id] == "scheduled")
            .collect();
        assert_eq!(planned.len(), 1, "{planned:?}");
        assert_eq!(status[bundle[0]], status[bundle[1]], "{status:?}");
        chosen.push(planned[0]);
    }
    assert_eq!(chosen, ["soc-cert-anbindung", "siem-plattform"]);
    let explain = stdout(&["explain", file, "siem-plattform"]);
    assert!(
        explain.contains("Stattdessen ist ihre Alternative `soc-cert-anbindung`"),
        "{explain}"
    );
    let explain = stdout(&[
        "explain",
        file,
        "--scenario",
        scenario,
        "soc-cert-anbindung",
    ]);
    assert!(
        explain.contains("Stattdessen ist ihre Alternative `siem-plattform`"),
        "{explain}"
    );
}

/// The Land's duties with their class: the courts' electronic files (done, due 1 Jan 2026)
/// and the interoperability assessments are statutory; `explain` calls a done duty done
/// instead of promising it for a year before the horizon.
#[test]
fn the_land_names_its_duties_and_a_done_one_is_done() {
    let plan = plan_json(&["plan", "examples/land.yaml", "-f", "json"]);
    let duties: Vec<&str> = (plan["duties"].as_array().expect("duties").iter())
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(
        duties,
        [
            "idnrg-registermodernisierung",
            "justiz-e-akte",
            "iea-interoperabilitaetsbewertung"
        ]
    );
    let explain = stdout(&["explain", "examples/land.yaml", "e-akte-justiz"]);
    assert!(
        explain.contains("fällig 2026-01-01: umgesetzt"),
        "{explain}"
    );
    assert!(!explain.contains("fertig bis"), "{explain}");
    assert!(explain.contains("Pflichtaufgabe"), "{explain}");
}

/// A Haushaltssicherung freezes what has not started: a measure that has (`status:
/// started`, `contracted: true`) stays, like `fixed` and `done` ones. Before the fix the
/// freeze dropped `isms` and `firewall` here.
#[test]
fn the_freeze_keeps_started_and_contracted_measures() {
    let plan = statuses(&plan_json(&[
        "plan",
        "tests/fixtures/living/progress.yaml",
        "--scenario",
        "tests/fixtures/scenarios/haushaltssicherung.yaml",
        "-f",
        "json",
    ]));
    assert_eq!(plan.get("isms").map(String::as_str), Some("scheduled"));
    assert_eq!(plan.get("firewall").map(String::as_str), Some("scheduled"));
    assert!(
        !plan.contains_key("backup") && !plan.contains_key("awareness"),
        "{plan:?}"
    );
}
