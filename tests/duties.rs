//! Legal duties: obligations bind their measures by their deadlines, `check` warns about
//! stale and past ones, `exclude_duty` drops voluntary measures, reports show the duties.

use crate::support::{resiplan, stdout};

const OBLIGATIONS: &str = "tests/fixtures/ok/obligations.yaml";

/// The finish of measure `id` in `plan -f json` of `text`, `None` when not scheduled.
fn finish(text: &str, extra: &[&str], id: &str) -> Option<String> {
    let output = resiplan()
        .args(["plan", "-", "-f", "json"])
        .args(extra)
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let measure = json["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["id"] == id)
        .expect("the measure")
        .clone();
    measure["finish"].as_str().map(str::to_owned)
}

fn fixture() -> String {
    std::fs::read_to_string(crate::support::root().join(OBLIGATIONS)).expect("fixture")
}

#[test]
fn an_obligation_forces_a_fulfilling_measure_in_by_its_deadline() {
    let text = fixture();
    // Without the obligation the register measure has too little value to be planned.
    let free = text.replace(", fulfils: [register]", "");
    assert_ne!(free, text);
    assert_eq!(finish(&free, &[], "reg"), None);
    let due = finish(&text, &[], "reg").expect("scheduled");
    assert!(due.as_str() <= "2028", "{due}");
    // A date deadline binds the last period that ends by then: 2028-06-30 is 2027.
    let earlier = text.replace("deadline: 2028-12-31", "deadline: 2028-06-30");
    assert_eq!(finish(&earlier, &[], "reg").as_deref(), Some("2027"));
    // `--set` cannot plan the duty away: the obligation outranks it.
    assert_eq!(
        finish(&text, &["--set", "measures.reg.mandatory=false"], "reg").as_deref(),
        finish(&text, &[], "reg").as_deref()
    );
}

#[test]
fn an_impossible_obligation_deadline_names_the_chain() {
    let file = "tests/fixtures/broken/obligation-deadline-unreachable.yaml";
    let output = resiplan().args(["check", file]).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[deadline-unreachable]"), "{stderr}");
    assert!(
        stderr.contains("`inventory` (2 periods) → `register`"),
        "{stderr}"
    );
    // Without `fulfils` the same measures are fine.
    let text = std::fs::read_to_string(crate::support::root().join(file)).expect("fixture");
    let free = text.replace(", fulfils: [registermodernisierung]", "");
    let output = resiplan()
        .args(["check", "-"])
        .write_stdin(free)
        .output()
        .expect("runs");
    assert!(output.status.success());
}

#[test]
fn check_warns_about_stale_past_unfulfilled_and_outside_obligations() {
    let output = resiplan()
        .args(["check", "tests/fixtures/ok/obligation-warnings.yaml"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    insta::assert_snapshot!("duties_check_warnings", stderr);
}

#[test]
fn the_plan_of_the_fixture_passes_the_verifier_with_the_obligation() {
    // `plan` verifies every roadmap; the obligation is also checked on its own there.
    let out = stdout(&["plan", OBLIGATIONS]);
    assert!(out.contains("reg"), "{out}");
}

/// The ids of the measures in `plan -f json` of `text` under `scenario`.
fn planned_ids(text: &str, scenario: &str) -> Vec<String> {
    let output = resiplan()
        .args(["plan", "-", "-f", "json", "--scenario", scenario])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    json["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .map(|m| m["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn exclude_duty_drops_voluntary_measures_that_have_not_started_and_keeps_duties() {
    let scenario = "tests/fixtures/scenarios/haushaltssicherung.yaml";
    let text = fixture();
    // `wert` and `wert2` are voluntary by default, `frei` by `duty`; `reg` fulfils an
    // obligation (statutory), `weisung` is directed.
    assert_eq!(planned_ids(&text, scenario), ["reg", "weisung"]);
    // A started voluntary measure stays, and so does one a duty depends on.
    let started = text
        .replace(
            "impact: { capability: 2 }, duty: voluntary }",
            "impact: { capability: 2 }, duty: voluntary, status: fixed, start: 2029 }",
        )
        .replace(
            "fulfils: [register] }",
            "fulfils: [register], depends_on: [wert2] }",
        );
    assert_eq!(
        planned_ids(&started, scenario),
        ["wert2", "reg", "frei", "weisung"]
    );
}

const REPORT: &str = "tests/fixtures/ok/duties-report.yaml";

#[test]
fn the_plan_shows_the_duties_above_the_roadmap_in_every_format_and_both_languages() {
    for (format, lang) in [
        ("table", "en"),
        ("table", "de"),
        ("markdown", "de"),
        ("html", "de"),
        ("json", "en"),
    ] {
        let text = stdout(&["plan", REPORT, "-f", format, "--lang", lang]);
        let (duties, ranking) = match lang {
            "de" => ("Rechtspflichten", "Roadmap nach Jahren"),
            _ => ("Legal duties", "Roadmap by year"),
        };
        if format != "json" {
            let at = |what: &str| text.find(what).unwrap_or_else(|| panic!("{what}"));
            assert!(at(duties) < at(ranking), "{format} {lang}");
            let loud = if lang == "de" {
                "ERFÜLLT:"
            } else {
                "FULFILLED:"
            };
            assert!(text.contains(loud), "{format} {lang}");
        }
        insta::assert_snapshot!(format!("duties_plan_{format}_{lang}"), text);
    }
    // Without obligations there is no duties section and no `duties` in the JSON.
    let plain = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"]);
    assert!(!plain.contains("\"duties\"") && !plain.contains("\"duty\""));
}

#[test]
fn rank_shows_statutory_duties_and_directed_tasks_as_their_own_group() {
    let text = stdout(&["rank", REPORT, "--lang", "de"]);
    let duties = text
        .find("Pflicht- und Weisungsaufgaben")
        .expect("the group");
    let ranking = text.find("Priorisierung").expect("the ranking");
    assert!(duties < ranking);
    // A duty has its class in place of a rank; the free measure keeps its rank.
    assert!(text.contains("│ Pflichtaufgabe  ┆ reg"), "{text}");
    assert!(text.contains("│ Weisungsaufgabe ┆ weisung"), "{text}");
    insta::assert_snapshot!("duties_rank_table_de", text);
    let markdown = stdout(&["rank", REPORT, "-f", "markdown", "--lang", "en"]);
    insta::assert_snapshot!("duties_rank_markdown_en", markdown);
    let json = stdout(&["rank", REPORT, "-f", "json"]);
    assert!(json.contains("\"duty\": \"statutory\""), "{json}");
}

#[test]
fn explain_names_the_obligation_that_puts_a_measure_in() {
    let text = stdout(&["explain", REPORT, "reg", "--lang", "de"]);
    assert!(text.contains("Aufgabenart"), "{text}");
    assert!(
        text.contains("Registermodernisierung (§ 1 IDNrG), fällig 2028-12-31"),
        "{text}"
    );
    let json = stdout(&["explain", REPORT, "reg", "-f", "json"]);
    assert!(
        json.contains("\"fulfils\": [\n    \"register\"\n  ]"),
        "{json}"
    );
}

#[test]
fn the_measure_profile_states_the_duty_class_and_the_obligation() {
    let text = stdout(&["profile", REPORT, "reg", "--lang", "de"]);
    assert!(text.contains("- **Aufgabenart**: Pflichtaufgabe"), "{text}");
    assert!(
        text.contains("- **Rechtspflicht**: Registermodernisierung"),
        "{text}"
    );
    let directed = stdout(&["profile", REPORT, "weisung", "--lang", "en"]);
    assert!(
        directed.contains("- **Duty class**: directed task"),
        "{directed}"
    );
    // A voluntary measure that fulfils nothing gets neither line.
    let free = stdout(&["profile", REPORT, "wert", "--lang", "de"]);
    assert!(!free.contains("Aufgabenart"), "{free}");
}

#[test]
fn the_duties_json_meets_the_report_schemas() {
    use resiplan::schema::Kind;
    for (kind, args) in [
        (Kind::PlanReport, vec!["plan", REPORT, "-f", "json"]),
        (Kind::RankReport, vec!["rank", REPORT, "-f", "json"]),
        (
            Kind::ExplainReport,
            vec!["explain", REPORT, "reg", "-f", "json"],
        ),
    ] {
        let json: serde_json::Value = serde_json::from_str(&stdout(&args)).expect("json");
        let validator = crate::json_reports::validator(kind);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
}
