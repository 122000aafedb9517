//! The shipped domain content as a practitioner signs it (issue 13): the catalogs sequence
//! measures as BSI practice does, no example or scenario brings a wrong dependency back,
//! corrected facts stay corrected, every measure is named in German and English,
//! Musterstadt's immediate programme lands by 2028, and the README describes the examples
//! and catalogs as they are.

use crate::examples::yaml_files;
use crate::support::{root, stdout};
use resiplan::load::Overlay;
use resiplan::model::{Language, Measure};
use resiplan::pipeline::check::check_file;
use resiplan::pipeline::{Input, score_input};
use serde_json::Value;
use std::collections::BTreeMap;

/// Every measure of every shipped catalog, by id.
fn catalog_measures() -> BTreeMap<String, Measure> {
    let mut measures = BTreeMap::new();
    for file in yaml_files("catalogs") {
        let outcome = check_file(&root().join(&file));
        assert!(!outcome.failed(), "{}", file.display());
        for measure in outcome.document.expect("a catalog").measures {
            measures.insert(measure.id.value.clone(), measure);
        }
    }
    measures
}

/// Every portfolio the project ships, as planned: each example alone and with each of its
/// scenarios (`examples/scenarios/STEM-*.yaml`), with a label for messages.
fn shipped_portfolios() -> Vec<(String, Vec<Measure>)> {
    let scenarios = yaml_files("examples/scenarios");
    let mut portfolios = Vec::new();
    for example in yaml_files("examples") {
        let input = Input::file(root().join(&example));
        let stem = example
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a name");
        let own = scenarios.iter().filter(|s| {
            s.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{stem}-")))
        });
        let mut inputs = vec![(example.display().to_string(), input.clone())];
        for scenario in own {
            inputs.push((
                format!("{} --scenario {}", example.display(), scenario.display()),
                input.with(Overlay::Scenario(root().join(scenario))),
            ));
        }
        for (label, input) in inputs {
            let scored = score_input(&input).unwrap_or_else(|_| panic!("{label} plans"));
            portfolios.push((label, scored.portfolio.measures));
        }
    }
    portfolios
}

fn dependencies(measure: &Measure) -> Vec<&str> {
    measure
        .depends_on
        .iter()
        .map(|d| d.value.as_str())
        .collect()
}

#[test]
fn shipped_catalogs_sequence_measures_as_bsi_practice() {
    let catalogs = catalog_measures();
    let deps = |id: &str| dependencies(&catalogs[id]);
    let none: Vec<&str> = Vec::new();
    // BSI 200-2 starts with initiation (Leitlinie, ISB); the inventory is a step inside.
    assert_eq!(deps("isms-grundschutz"), ["wiba-einstieg"]);
    // An offline copy is a no-regret measure against ransomware: it waits for no BIA.
    assert_eq!(deps("backup-321"), none);
    // Landes-CERT warning services work from day one; log sources come from the inventory.
    assert_eq!(deps("soc-cert-anbindung"), ["it-inventar"]);
    // Leitstelle, MoWaS, Cell Broadcast and NINA warn without the concept or new sirens.
    assert_eq!(deps("warnmittel-mix"), none);
    assert_eq!(deps("fruehwarnung-sensorik"), none);
    // KRITIS-Dachgesetz: registration, then the risk analysis, then the resilience plan.
    assert_eq!(deps("kritis-risikoanalyse"), ["kritis-registrierung"]);
    assert_eq!(deps("kritis-resilienzplan"), ["kritis-risikoanalyse"]);
}

/// A dependency rule for one measure, wherever it appears.
enum Rule {
    /// Depends on nothing but these.
    Only(&'static [&'static str]),
    /// Never depends on these.
    Not(&'static [&'static str]),
}

#[test]
fn no_example_or_scenario_brings_a_wrong_dependency_back() {
    let rules: [(&str, Rule); 6] = [
        ("isms-grundschutz", Rule::Only(&["wiba-einstieg"])),
        ("backup-321", Rule::Only(&["it-inventar"])),
        (
            "soc-cert-anbindung",
            Rule::Not(&["isms-grundschutz", "bcm-200-4"]),
        ),
        ("warnmittel-mix", Rule::Not(&["krisenkommunikation"])),
        ("fruehwarnung-sensorik", Rule::Not(&["warnmittel-mix"])),
        (
            "kommunale-cybersicherheit",
            Rule::Not(&["soc-cert-anbindung"]),
        ),
    ];
    for (label, measures) in shipped_portfolios() {
        for measure in &measures {
            let Some((_, rule)) = rules.iter().find(|(id, _)| *id == measure.id.value) else {
                continue;
            };
            for dep in dependencies(measure) {
                let wrong = match rule {
                    Rule::Only(allowed) => !allowed.contains(&dep),
                    Rule::Not(forbidden) => forbidden.contains(&dep),
                };
                assert!(!wrong, "{label}: `{}` depends on `{dep}`", measure.id.value);
            }
        }
    }
}

#[test]
fn every_measure_is_named_in_german_and_english() {
    let catalogs = catalog_measures().into_values();
    let portfolios = shipped_portfolios().into_iter().flat_map(|(_, m)| m);
    for measure in catalogs.chain(portfolios) {
        let de = measure.name.by_language.get(&Language::De);
        let en = measure.name.by_language.get(&Language::En);
        assert!(
            de.is_some() && en.is_some() && de != en,
            "`{}` needs `name: {{de: …, en: …}}`, has {de:?} / {en:?}",
            measure.id.value
        );
    }
}

#[test]
fn ozg_services_are_not_made_mandatory_by_the_federal_right() {
    // The enforceable right from 2029 covers services of the federal administration only;
    // the shipped organisations execute Land and municipal services (DOMAIN §5).
    for (label, measures) in shipped_portfolios() {
        for measure in measures
            .iter()
            .filter(|m| m.tags.iter().any(|t| t == "ozg"))
        {
            assert!(
                !measure.mandatory,
                "{label}: `{}` is mandatory",
                measure.id.value
            );
        }
    }
}

fn plan_json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

fn measure<'a>(plan: &'a Value, id: &str) -> &'a Value {
    plan["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == id))
        .unwrap_or_else(|| panic!("`{id}` in the plan"))
}

#[test]
fn musterstadt_has_its_offline_backup_and_it_emergency_manual_by_2028() {
    let plan = plan_json(&["plan", "examples/musterstadt.yaml", "-f", "json"]);
    for id in ["backup-321", "it-notfallhandbuch"] {
        let m = measure(&plan, id);
        assert_eq!(m["status"], "scheduled", "{m}");
        // Musterstadt plans in quarters: `2028-Q2` is in 2028.
        let finish: u32 = m["finish"]
            .as_str()
            .and_then(|f| f.get(..4))
            .and_then(|f| f.parse().ok())
            .expect("a period of a year");
        assert!(finish <= 2028, "`{id}` finishes in {finish}");
    }
    // DEMIS (since the end of 2020) and BundID (OZG 2.0) are done; what the city still
    // lacks is planned.
    for id in ["demis-sormas", "bundid-anbindung"] {
        assert_eq!(measure(&plan, id)["status"], "done", "{id}");
    }
    for id in ["ozg-efa", "epayment", "e-akte", "sozialleistungen-digital"] {
        assert_eq!(measure(&plan, id)["status"], "scheduled", "{id}");
    }
}

/// Statements that were true once and are not any more, with what replaced them.
const STALE: [(&str, &str); 11] = [
    ("18 WiBA", "WiBA has 19 checklists (18 was the 2023 draft)"),
    ("50 Registern", "the IDNrG annex lists 51 registers"),
    (
        "10 % auf 30 %",
        "DigitalPakt 2.0 is shared 50/50 by Bund and Länder",
    ),
    (
        "[S86]",
        "the DigitalPakt step model of Dec 2024 was superseded",
    ),
    (
        "[S88]",
        "the right applies from 2029, and to federal services only",
    ),
    (
        "Bundesleistungen",
        "the OZG right covers services of the federal administration",
    ),
    ("weiße Flecken", "the gigabit thresholds are dated"),
    ("graue Flecken", "the gigabit thresholds are dated"),
    ("weißen/grauen", "the gigabit thresholds are dated"),
    (
        "vorläufige Haushaltsführung",
        "contradicted new voluntary starts in 2027",
    ),
    (
        "no separate governance area",
        "`area` is free text; governance has its own",
    ),
];

#[test]
fn corrected_facts_stay_corrected() {
    let mut files = yaml_files("catalogs");
    files.extend(yaml_files("examples"));
    files.extend(yaml_files("examples/scenarios"));
    files.push("README.md".into());
    for file in &files {
        let text = std::fs::read_to_string(root().join(file)).expect("readable");
        for (phrase, why) in STALE {
            assert!(
                !text.contains(phrase),
                "{} says `{phrase}`: {why}",
                file.display()
            );
        }
    }
    let catalog =
        |name: &str| std::fs::read_to_string(root().join("catalogs").join(name)).expect("catalog");
    assert!(catalog("sicherheit-kontinuitaet.yaml").contains("19 WiBA-Checklisten"));
    assert!(catalog("daseinsvorsorge.yaml").contains("51 Registern"));
    let kritis = catalog("kritis-betreiber.yaml");
    assert!(kritis.contains("29 Jan 2026") && kritis.contains("6 Mar 2026"));
    assert!(kritis.contains("17 Jul 2026") && kritis.contains("every four years"));
    // Every Land has run a learning platform since 2020/21: no new platform, no new
    // distance-learning concept, but consolidation and resilience of the existing one.
    let land = plan_json(&["plan", "examples/land.yaml", "-f", "json"]);
    let ids: Vec<&str> = land["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert!(!ids.contains(&"distanzlernen") && ids.contains(&"lms-resilienz"));
    let lms = measure(&land, "lms-schule")["name"].as_str().expect("name");
    assert!(lms.starts_with("Konsolidierung"), "{lms}");
}

/// The fenced block that follows `marker` in `text`, without its fences.
fn block_after<'a>(text: &'a str, marker: &str) -> &'a str {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("README has `{marker}`"));
    let open = start + text[start..].find("```\n").expect("a block") + 4;
    let close = open + text[open..].find("```").expect("closed");
    &text[open..close]
}

#[test]
fn readme_describes_the_shipped_examples_and_catalogs() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let catalogs = plan_json(&["catalog", "list", "-f", "json"]);
    let catalogs = catalogs["catalogs"].as_array().expect("catalogs");
    let measures: u64 = catalogs.iter().filter_map(|c| c["measures"].as_u64()).sum();
    let sentence = format!(
        "The {} catalogs in `catalogs/` hold {measures} typical measures",
        catalogs.len()
    );
    assert!(readme.contains(&sentence), "README lacks `{sentence}`");

    let examples = yaml_files("examples");
    let rows = readme
        .lines()
        .filter(|l| l.starts_with("| `") && l.contains(".yaml` |"));
    assert_eq!(rows.count(), examples.len(), "one README row per example");
    for example in &examples {
        let name = example.file_name().and_then(|n| n.to_str()).expect("name");
        let plan = plan_json(&["plan", example.to_str().expect("UTF-8"), "-f", "json"]);
        let haushalt = plan_json(&["budget", example.to_str().expect("UTF-8"), "-f", "json"]);
        // The money per kind over the horizon, summed over budget years, as the row states it.
        let millions = |kind: &str| -> f64 {
            (haushalt["money"].as_array().expect("money").iter())
                .filter(|m| kind.is_empty() || m["kind"] == kind)
                .flat_map(|m| m["capacity"].as_object().expect("capacity").values())
                .filter_map(serde_json::Value::as_f64)
                .sum::<f64>()
                / 1e6
        };
        let shown = |millions: f64| {
            let text = format!("{millions:.2}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        let years = |label: &str| label.get(..4).unwrap_or(label).to_owned();
        let horizon = format!(
            "{}–{} in {}, {} M€ ({} M€ investive, {} M€ operating)",
            years(plan["portfolio"]["start"].as_str().expect("start")),
            years(plan["portfolio"]["end"].as_str().expect("end")),
            if plan["portfolio"]["start"]
                .as_str()
                .is_some_and(|s| s.contains('Q'))
            {
                "quarters inside budget years"
            } else {
                "years"
            },
            shown(millions("")),
            shown(millions("investment")),
            shown(millions("operating")),
        );
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("README has a row for {name}"));
        assert!(row.contains(&horizon), "{name}: `{horizon}` not in {row}");
    }

    // The excerpts of Musterstadt's output are the output.
    let plan = stdout(&["plan", "examples/musterstadt.yaml"]);
    let summary = block_after(&readme, "It starts like this:");
    assert!(
        plan.starts_with(summary),
        "README's quick start:\n{summary}\nplan:\n{plan}"
    );
    let explain = stdout(&["explain", "examples/musterstadt.yaml", "ozg-efa"]);
    for marker in [
        "rest of the roadmap as planned:",
        "everything else the re-plan moves:",
    ] {
        for line in block_after(&readme, marker).lines() {
            assert!(explain.contains(line), "README's explain excerpt: `{line}`");
        }
    }
}

/// The Land pilots openDesk before its rollout (the catalog's `pilot_of`, DOMAIN [S49]): the
/// go/no-go decision falls at the pilot's end and the rollout starts after it.
#[test]
fn the_land_pilots_opendesk_before_its_rollout() {
    let plan = plan_json(&["plan", "examples/land.yaml", "-f", "json"]);
    let pilot = measure(&plan, "opendesk-pilot");
    let rollout = measure(&plan, "opendesk");
    assert_eq!(pilot["status"], "scheduled", "{pilot}");
    assert_eq!(rollout["status"], "scheduled", "{rollout}");
    assert_eq!(pilot["pilot_of"], "opendesk");
    assert_eq!(pilot["go_no_go"], pilot["finish"], "{pilot}");
    let year = |m: &serde_json::Value, key: &str| -> u32 {
        m[key]
            .as_str()
            .and_then(|y| y.parse().ok())
            .expect("a year")
    };
    assert!(
        year(rollout, "start") > year(pilot, "finish"),
        "{pilot} {rollout}"
    );
}

/// Musterstadt pilots its E-Akte (`e-akte-pilot`, `pilot_of: e-akte`): the pilot is planned,
/// the go/no-go decision falls at its end, and the first stage starts after it.
#[test]
fn musterstadt_pilots_its_e_files_before_the_first_stage() {
    let plan = plan_json(&["plan", "examples/musterstadt.yaml", "-f", "json"]);
    let pilot = measure(&plan, "e-akte-pilot");
    let rollout = measure(&plan, "e-akte");
    assert_eq!(pilot["status"], "scheduled", "{pilot}");
    assert_eq!(rollout["status"], "scheduled", "{rollout}");
    assert_eq!(pilot["pilot_of"], "e-akte");
    let (finish, start) = (
        pilot["finish"].as_str().expect("a finish"),
        rollout["start"].as_str().expect("a start"),
    );
    // Quarter labels (`2028-Q2`) sort as text within one calendar.
    assert!(
        finish < start,
        "pilot ends {finish}, rollout starts {start}"
    );
}

/// The year of a period label (`2027`, `2027-Q1`, `2027-H2`, `2027-03`).
fn year_of(label: &str) -> &str {
    label.get(..4).unwrap_or(label)
}

#[test]
fn the_risk_based_plan_of_musterstadt_puts_the_offline_backup_in_the_first_year() {
    let scenario = "examples/scenarios/risikobasiert.yaml";
    let args = [
        "plan",
        "examples/musterstadt.yaml",
        "--scenario",
        scenario,
        "-f",
        "json",
    ];
    let plan = plan_json(&args);
    let first = plan["periods"][0]["label"]
        .as_str()
        .expect("the first period's label");
    // Label-agnostic: the first budget year, whatever the period of the calendar.
    let backup = measure(&plan, "backup-321");
    assert_eq!(backup["status"], "scheduled", "{backup}");
    let finish = backup["finish"].as_str().expect("a finish");
    assert_eq!(year_of(finish), year_of(first), "{backup}");
    // The plan is made for the expected damage avoided, in euros.
    assert_eq!(plan["risk"]["objective"], "risk");
    let avoided = plan["risk"]["avoided"].as_f64().expect("avoided");
    let expected = plan["risk"]["expected"].as_f64().expect("expected");
    assert!(
        avoided > 0.0 && avoided < expected,
        "{avoided} of {expected}"
    );
    let text = stdout(&["plan", "examples/musterstadt.yaml", "--scenario", scenario]);
    assert!(text.contains("Vermiedener erwarteter Schaden"), "{text}");
    assert!(text.contains("Restrisiko je Risiko und Jahr"), "{text}");
}

/// The Landkreis's balanced programme (balance rules in a scenario): without the rules the
/// basic skills programme for all staff falls out; with them Kompetenzen & Kultur reaches at
/// least 90 % of its achievable value, which brings it in, and every rule is met.
#[test]
fn the_balanced_landkreis_keeps_basic_skills() {
    let base = plan_json(&["plan", "examples/landkreis.yaml", "-f", "json"]);
    assert_eq!(measure(&base, "kompetenz-basis")["status"], "not_scheduled");
    assert!(base.get("balance").is_none());
    let balanced = plan_json(&[
        "plan",
        "examples/landkreis.yaml",
        "--scenario",
        "examples/scenarios/landkreis-ausgewogen.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(measure(&balanced, "kompetenz-basis")["status"], "scheduled");
    let rules = balanced["balance"].as_array().expect("balance rules");
    assert_eq!(rules.len(), 2, "{rules:?}");
    for rule in rules {
        assert_eq!(rule["met"], true, "{rule}");
        assert!(
            rule["actual"].as_f64() >= rule["required"].as_f64(),
            "{rule}"
        );
    }
    assert!(balanced["objective"].as_f64() <= base["objective"].as_f64());
}
