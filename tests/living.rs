//! The yearly update (Fortschreibung): a started measure goes on from the horizon's first
//! period with what it has left, a contracted one keeps its start, and the plan reports
//! show plan against actual; the verifier holds a started measure to what was written.

use crate::support::{root, section, stdout};
use resiplan::model::roadmap::{Placement, Roadmap};
use resiplan::pipeline::{Planning, plan_text};
use resiplan::schedule::verify::{ViolationKind, verify};
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/living/progress.yaml";

fn planning() -> Planning {
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    plan_text(Path::new(FIXTURE), &text).unwrap_or_else(|_| panic!("{FIXTURE} plans"))
}

fn index(planning: &Planning, id: &str) -> usize {
    (planning.scored.portfolio.measures.iter())
        .position(|m| m.id.value == id)
        .expect("measure")
}

#[test]
fn a_started_measure_goes_on_from_the_first_period_with_what_it_has_left() {
    let planning = planning();
    let isms = index(&planning, "isms");
    let firewall = index(&planning, "firewall");
    let placements = &planning.planned.roadmap.placements;
    assert_eq!(placements[isms], Placement::Scheduled { start: 0 });
    assert_eq!(placements[firewall], Placement::Scheduled { start: 1 });
    let measure = &planning.scored.portfolio.measures[isms];
    // 3 years at 40 %: 1.8 years left, rounded up to 2; 60 % of 450 k€ and 3 FTE-years.
    assert_eq!(measure.duration.value, 2);
    let budget = resiplan::model::Measure::amount(&measure.cost, "budget");
    assert!((budget - 270_000.0).abs() < 1e-6, "{budget}");
    // The tail of its payment profile [20, 40, 40]: 135 k€ in each of 2028 and 2029, with
    // the backup (200 k€) in 2028 and the contracted firewall (100 k€) in 2029.
    let json = stdout(&["plan", FIXTURE, "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let used = |t: usize| report["periods"][t]["resources"]["budget"]["used"].clone();
    assert_eq!(used(0), serde_json::json!(335_000.0));
    assert_eq!(used(1), serde_json::json!(235_000.0));
}

#[test]
fn the_verifier_holds_a_started_measure_to_its_start_and_what_is_left() {
    let planning = planning();
    let portfolio = &planning.scored.portfolio;
    let isms = index(&planning, "isms");
    assert!(verify(portfolio, &planning.planned.roadmap).is_empty());
    // Moved to 2029: both the fixed start and the started rule break.
    let mut moved: Roadmap = planning.planned.roadmap.clone();
    moved.placements[isms] = Placement::Scheduled { start: 1 };
    let kinds: Vec<ViolationKind> = verify(portfolio, &moved).iter().map(|v| v.kind).collect();
    assert!(kinds.contains(&ViolationKind::StartedMoved), "{kinds:?}");
    // A model that charged the whole cost again is caught from what was written.
    let mut whole = portfolio.clone();
    whole.measures[isms].cost = whole.measures[isms]
        .actuals
        .started
        .as_ref()
        .expect("started")
        .cost
        .clone();
    let messages: Vec<String> = verify(&whole, &planning.planned.roadmap)
        .into_iter()
        .filter(|v| v.kind == ViolationKind::StartedMoved)
        .map(|v| v.message)
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("only 270000 of 450000 is left")),
        "{messages:?}"
    );
}

#[test]
fn the_plan_reports_show_plan_against_actual() {
    for (format, lang) in [("table", "en"), ("markdown", "de"), ("json", "en")] {
        let out = stdout(&["plan", FIXTURE, "-f", format, "--lang", lang]);
        let title = if lang == "de" {
            "Stand der Umsetzung"
        } else {
            "Progress: plan against actual"
        };
        let section = section(&out, format, "progress", title);
        insta::assert_snapshot!(format!("living_progress_{format}_{lang}"), section);
    }
    let html = stdout(&["plan", FIXTURE, "-f", "html", "--lang", "de"]);
    assert!(html.contains("Stand der Umsetzung: Plan und Ist"));
    assert!(html.contains("begonnen 2027, 40 %"));
}

#[test]
fn a_portfolio_without_progress_shows_no_such_section() {
    let out = stdout(&["plan", "tests/fixtures/ok/minimal.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(report.get("progress").is_none());
}

#[test]
fn a_start_and_a_deadline_of_the_wrong_period_kind_read_alike() {
    // A label of another period kind gets one message, which names the horizon, whether
    // it is a started measure's `start` or a deadline, and is reported once (loading's copy
    // of the builder left the horizon out, and a started `start` was reported by loading
    // and by validation).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kinds.yaml");
    std::fs::write(
        &path,
        "version: 1\nname: Kinds\ncalendar: { period: year, start: 2028, end: 2031 }\n\
         resources:\n  budget: { capacity: 1M }\nmeasures:\n\
         \x20 - { id: a, name: A, duration: 2, cost: { budget: 100k }, status: started, start: 2027-Q3, progress: 50% }\n\
         \x20 - { id: b, name: B, duration: 1, cost: { budget: 100k }, deadline: 2029-Q3 }\n",
    )
    .expect("written");
    let output = crate::support::resiplan()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let helps: Vec<String> = (report["files"][0]["diagnostics"].as_array().expect("list"))
        .iter()
        .filter(|d| d["code"] == "period-kind-mismatch")
        .map(|d| d["help"].as_str().unwrap_or_default().to_owned())
        .collect();
    let expected = "write year labels such as `2027` (horizon 2028–2031)";
    assert_eq!(helps, [expected, expected], "{report}");
}
