//! Alternatives and bundles: each rule on a small portfolio, planned by the library and
//! driven through the binary (`check`, `plan`, `explain`).

use crate::support::{resiplan, root, stdout};
use resiplan::model::roadmap::{Placement, Reason};
use resiplan::pipeline::score_text;
use resiplan::schedule::plan;
use resiplan::schedule::verify::verify;
use std::path::Path;

/// Plans a fixture (or its text with `edit` applied) and returns each measure's id and
/// whether it is in the roadmap.
fn planned(path: &str, edit: impl Fn(String) -> String) -> Vec<(String, Placement)> {
    let text = std::fs::read_to_string(root().join(path)).expect("fixture");
    let text = edit(text);
    let scored = score_text(Path::new(path), &text).unwrap_or_else(|f| panic!("{f:?}"));
    let planned = plan(&scored.portfolio, &scored.graph, &scored.scores).expect("plans");
    assert!(verify(&scored.portfolio, &planned.roadmap).is_empty());
    (scored.portfolio.measures.iter())
        .map(|m| m.id.value.clone())
        .zip(planned.roadmap.placements)
        .collect()
}

fn scheduled(plan: &[(String, Placement)]) -> Vec<&str> {
    (plan.iter())
        .filter(|(_, p)| matches!(p, Placement::Scheduled { .. } | Placement::Done))
        .map(|(id, _)| id.as_str())
        .collect()
}

/// The text without its `alternatives:` or `bundles:` block (the last block of each fixture).
fn without(block: &'static str) -> impl Fn(String) -> String {
    move |text| text.split(block).next().unwrap_or_default().to_owned()
}

#[test]
fn an_alternative_pair_yields_one() {
    let path = "tests/fixtures/choice/alternatives.yaml";
    // Without the group both vendors fit and both are planned.
    assert_eq!(
        scheduled(&planned(path, without("alternatives:"))),
        ["soc_a", "soc_b", "backup"]
    );
    let plan = planned(path, |t| t);
    assert_eq!(scheduled(&plan), ["soc_a", "backup"]);
    assert_eq!(
        plan[1].1,
        Placement::NotScheduled {
            reason: Reason::Alternative { chosen: 0 }
        }
    );
}

#[test]
fn exactly_one_yields_one_even_when_neither_is_attractive() {
    let path = "tests/fixtures/choice/exactly-one.yaml";
    // Neither tool has any value: without `exactly_one` the valuable programme takes the
    // whole budget and neither tool is planned.
    let free = planned(path, |t| {
        t.replace("exactly_one: true", "exactly_one: false")
    });
    assert_eq!(scheduled(&free), ["big"]);
    let plan = planned(path, |t| t);
    let chosen = scheduled(&plan);
    assert_eq!(chosen.len(), 1, "{chosen:?}");
    assert!(["vendor_a", "vendor_b"].contains(&chosen[0]), "{chosen:?}");
}

#[test]
fn a_bundle_yields_both_or_neither() {
    let path = "tests/fixtures/choice/bundle.yaml";
    // Without bundles the wallet pilot fits alone (its rollout never does).
    let free = planned(path, without("bundles:"));
    assert!(scheduled(&free).contains(&"wallet"));
    let plan = planned(path, |t| t);
    // The SIEM and its analysts fit together: both; the rollout fits nowhere: neither.
    assert_eq!(scheduled(&plan), ["siem", "siem_staff"]);
    assert_eq!(
        plan[2].1,
        Placement::NotScheduled {
            reason: Reason::Bundle { member: 3 }
        }
    );
}

#[test]
fn a_bundle_with_a_mandatory_member_is_planned_whole() {
    let path = "tests/fixtures/choice/bundle.yaml";
    let plan = planned(path, |t| {
        t.replace(
            "    cost: { budget: 30_000 }\n",
            "    cost: { budget: 30_000 }\n    mandatory: true\n",
        )
        .replace("cost: { budget: 60_000 }", "cost: { budget: 90_000 }")
    });
    assert_eq!(scheduled(&plan), ["siem", "siem_staff"]);
}

#[test]
fn a_mandatory_alternative_is_the_choice_and_leaves_the_other_out() {
    let path = "tests/fixtures/choice/alternatives.yaml";
    let plan = planned(path, |t| {
        t.replace(
            "    impact: { response: 3 }\n",
            "    impact: { response: 3 }\n    mandatory: true\n",
        )
    });
    assert_eq!(scheduled(&plan), ["soc_b", "backup"]);
    assert_eq!(
        plan[0].1,
        Placement::NotScheduled {
            reason: Reason::Alternative { chosen: 1 }
        }
    );
}

#[test]
fn an_exactly_one_group_that_fits_nowhere_is_refused_by_name() {
    let output = resiplan()
        .args(["plan", "tests/fixtures/infeasible/choice.yaml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[choice-infeasible]"), "{stderr}");
    assert!(stderr.contains("`reporting`"), "{stderr}");
}

#[test]
fn explain_says_the_alternative_is_in() {
    let path = "tests/fixtures/choice/alternatives.yaml";
    let en = stdout(&["explain", path, "soc_b", "--lang", "en"]);
    assert!(
        en.contains(
            "Not scheduled: its alternative `soc_a` of the choice `soc` is planned instead."
        ),
        "{en}"
    );
    // Every period it could start in is blocked by the alternative, not "nothing".
    assert!(en.contains("its alternative `soc_a` is planned"), "{en}");
    let de = stdout(&["explain", path, "soc_b", "--lang", "de"]);
    assert!(de.contains("Stattdessen ist ihre Alternative"), "{de}");
    assert!(
        de.contains("ihre Alternative `soc_a` ist eingeplant"),
        "{de}"
    );
    let json = stdout(&["explain", path, "soc_b", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let reason = &value["not_scheduled"];
    assert_eq!(reason["kind"], "alternative", "{json}");
    assert_eq!(reason["chosen"], "soc_a", "{json}");
    assert_eq!(reason["group"], "soc", "{json}");
    assert_eq!(
        value["blocked"][0]["reason"]["kind"], "alternative",
        "{json}"
    );
}

#[test]
fn reports_list_the_chosen_alternative_and_each_bundle() {
    let path = "tests/fixtures/choice/bundle-and-alternatives.yaml";
    for (format, lang) in [
        ("markdown", "de"),
        ("table", "en"),
        ("json", "en"),
        ("table", "de"),
    ] {
        let text = stdout(&["plan", path, "-f", format, "--lang", lang]);
        insta::assert_snapshot!(format!("choice_{format}_{lang}"), text);
    }
    let json = stdout(&["plan", path, "-f", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let choices = &value["choices"];
    assert_eq!(choices["alternatives"][0]["chosen"], "soc_a", "{json}");
    assert_eq!(choices["bundles"][0]["planned"], true, "{json}");
    assert_eq!(choices["bundles"][1]["planned"], false, "{json}");
    let html = stdout(&["plan", path, "-f", "html", "--lang", "de"]);
    assert!(html.contains("Alternativen und Pakete"), "{html}");
    assert!(html.contains("vollständig eingeplant"), "{html}");
    // A portfolio without either has no such section.
    let plain = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"]);
    assert!(!plain.contains("\"choices\""));
}

#[test]
fn a_scenario_that_excludes_an_alternative_leaves_the_other() {
    let path = "tests/fixtures/choice/alternatives.yaml";
    let scenario = "tests/fixtures/scenarios/exclude-soc-a.yaml";
    let json = stdout(&["plan", path, "--scenario", scenario, "-f", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        value["choices"]["alternatives"][0]["chosen"], "soc_b",
        "{json}"
    );
    assert_eq!(
        value["choices"]["alternatives"][0]["measures"],
        serde_json::json!(["soc_b"]),
        "{json}"
    );
}
