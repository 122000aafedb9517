//! `resiplan import grundschutz`: the small OSCAL fixture imports, checks and plans with the
//! documented mapping; broken catalogs fail with their snapshotted message and write nothing;
//! impossible options are usage errors; the full BSI catalog (outside the repository) imports
//! its 674 normal MUSS and SOLLTE controls by default, and all 901 when asked, and checks and
//! plans. The BSI's order, the scope options, the status file and the work packages have
//! tests of their own (`import_order`, `import_status`, `import_packages`).

use crate::support::{resiplan, root};
use proptest::prelude::*;
use resiplan::content::import::grundschutz::{Level, Modal, Options, import, import_file};
use resiplan::model::roadmap::Placement;
use resiplan::model::{Language, Measure};
use resiplan::pipeline::check::check_text;
use resiplan::pipeline::plan_text;
use std::path::Path;

const SMALL: &str = "tests/fixtures/grundschutz/small.json";

/// Every stage of a catalog: normal-SdT and erhöht, MUSS, SOLLTE and KANN.
fn everything() -> Options {
    Options {
        sec_level: Level::Elevated,
        modal: vec![Modal::Muss, Modal::Sollte, Modal::Kann],
        ..Options::default()
    }
}

/// The same on the command line.
const EVERYTHING: [&str; 4] = ["--sec-level", "elevated", "--modal", "MUSS,SOLLTE,KANN"];

fn run_ok(args: &[&str]) -> String {
    let output = resiplan().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn measure<'a>(measures: &'a [Measure], id: &str) -> &'a Measure {
    measures
        .iter()
        .find(|m| m.id.value == id)
        .unwrap_or_else(|| panic!("no measure `{id}`"))
}

fn amount(amounts: &resiplan::model::Amounts, key: &str) -> f64 {
    Measure::amount(amounts, key)
}

#[test]
fn small_fixture_imports_as_snapshotted() {
    let text = run_ok(&["import", "grundschutz", SMALL]);
    insta::assert_snapshot!("import_small", text);
}

#[test]
fn imported_portfolio_checks_clean_and_plans_every_mandatory_control() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("grundschutz.yaml");
    let out_arg = out.to_str().expect("UTF-8 path");
    let printed = run_ok(&["import", "grundschutz", SMALL]);
    run_ok(&["import", "grundschutz", SMALL, "-o", out_arg]);
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        printed,
        "-o writes what stdout shows"
    );
    let check = resiplan().args(["check", out_arg]).output().expect("runs");
    assert!(check.status.success());
    assert!(
        check.stderr.is_empty(),
        "no warnings: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        String::from_utf8_lossy(&check.stdout).contains(
            "ok, portfolio: 6 measures, 6 dependencies, 20 periods (2027-Q1–2031-Q4), 1 resource"
        ),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let plan: serde_json::Value =
        serde_json::from_str(&run_ok(&["plan", out_arg, "-f", "json"])).expect("JSON");
    let measures = plan["measures"].as_array().expect("measures");
    for id in ["BER.1.1", "BER.1.1.1"] {
        let m = measures.iter().find(|m| m["id"] == id).expect("listed");
        assert_eq!(m["mandatory"], true, "{id}");
        assert_eq!(m["status"], "scheduled", "{id}");
    }
    // Staff covers everything here, so everything is planned, in dependency order: the five
    // normal MUSS and SOLLTE controls and the milestone after the MUSS stage.
    assert_eq!(plan["summary"]["scheduled"], 6);
}

#[test]
fn mapping_follows_the_documented_tables() {
    let text = import(Path::new("small.json"), &fixture(SMALL), &everything())
        .unwrap_or_else(|_| panic!("imports"));
    let outcome = check_text(Path::new("small.yaml"), &text);
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
    let document = outcome.document.expect("document");
    let measures = &document.measures;
    assert_eq!(
        measures
            .iter()
            .map(|m| m.id.value.as_str())
            .collect::<Vec<_>>(),
        [
            "BER.1.1",
            "BER.1.1.1",
            "BER.1.2",
            "NOT.1.1",
            "NOT.1.2",
            "XTRA.1",
            "XTRA.2",
            "gs-stufe-muss",
            "gs-stufe-sollte"
        ],
        "one measure per control, nested ones included, in catalog order, then the milestones \
         at the end of the stages with more than one open control"
    );
    // Effort level 0, MUSS: mandatory, one quarter, 5 person-days.
    let muss = measure(measures, "BER.1.1.1");
    assert!(muss.mandatory);
    assert_eq!(muss.duration.value, 1);
    assert_eq!(amount(&muss.cost, "staff"), 5.0);
    assert_eq!(
        muss.name.get(Language::De),
        "BER.1.1.1 Dokumentation: \"Wer darf was?\" #1"
    );
    assert_eq!(muss.area.as_deref(), Some("BER"));
    // Effort 3, SOLLTE (0.8 of the group's impact), a required link and the milestone of the
    // MUSS stage, BSI tags, a parameter in the statement; leaving it out needs a risk acceptance.
    let sollte = measure(measures, "BER.1.2");
    assert!(!sollte.mandatory);
    assert!(sollte.risk_acceptance);
    assert!(!muss.risk_acceptance);
    assert_eq!(sollte.duration.value, 1);
    assert_eq!(amount(&sollte.cost, "staff"), 20.0);
    assert_eq!(amount(&sollte.impact, "protection"), 3.2);
    let deps: Vec<&str> = sollte.depends_on.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(deps, ["BER.1.1", "gs-stufe-muss"]);
    assert_eq!(
        sollte.tags,
        [
            "effort-3",
            "sollte",
            "normal-SdT",
            "Password Policy",
            "Credential Stuffing"
        ]
    );
    assert_eq!(
        sollte.notes.as_deref(),
        Some("Berechtigung SOLLTE Mehr-Faktor-Authentisierung [für alle Fernzugänge] einführen.")
    );
    // Effort 5 is twelve months, four quarters; an erhöht KANN control gets 0.4 × 0.5 of the
    // group's impact.
    let kann = measure(measures, "NOT.1.2");
    assert_eq!(kann.duration.value, 4);
    assert_eq!(amount(&kann.cost, "staff"), 120.0);
    assert_eq!(amount(&kann.impact, "recovery"), 0.8);
    assert_eq!(amount(&kann.impact, "response"), 0.4);
    assert!(!kann.risk_acceptance, "KANN is optional");
    assert_eq!(
        kann.depends_on.len(),
        1,
        "the `related` link is not imported"
    );
    // A group without a mapping gets the default impact (times 0.8 for SOLLTE).
    let other = measure(measures, "XTRA.1");
    assert_eq!(amount(&other.impact, "protection"), 1.6);
    assert_eq!(
        other.name.get(Language::En),
        "XTRA.1 - Bildschirmsperre aktivieren"
    );
    // Without a modal verb a control counts as SOLLTE.
    assert!(
        measure(measures, "XTRA.2")
            .tags
            .contains(&"sollte".to_owned())
    );
    assert!(text.contains("CC BY-SA 4.0"), "attribution in the header");
    assert!(
        text.contains("Changes made:"),
        "changes named in the header"
    );
}

#[test]
fn options_set_period_horizon_and_staff() {
    let text = run_ok(
        &[
            &[
                "import",
                "grundschutz",
                SMALL,
                "--period",
                "month",
                "--start",
                "2028-01",
                "--end",
                "2029-12",
                "--staff",
                "2.5",
            ][..],
            &EVERYTHING,
        ]
        .concat(),
    );
    assert!(text.contains("calendar: { period: month, start: 2028-01, end: 2029-12 }"));
    assert!(text.contains("staff: { unit: person-days, capacity: 50 }   # 2.5 FTE"));
    let outcome = check_text(Path::new("monthly.yaml"), &text);
    let document = outcome.document.expect("document");
    assert_eq!(measure(&document.measures, "NOT.1.2").duration.value, 12);
    assert_eq!(measure(&document.measures, "NOT.1.1").duration.value, 6);
    // The end defaults to five years after --start, in the period of --start.
    let text = run_ok(&["import", "grundschutz", SMALL, "--start", "2030"]);
    assert!(text.contains("calendar: { period: year, start: 2030, end: 2034 }"));
}

/// An import never writes a portfolio that `check` refuses for its length: a horizon
/// over the limit is a usage error that says how to shorten it.
#[test]
fn a_horizon_over_the_period_limit_is_refused() {
    let output = resiplan()
        .args(["import", "grundschutz", SMALL, "--period", "month"])
        .args(["--start", "2027-01", "--end", "2060-12"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is 408 periods; a portfolio has at most 240"),
        "{stderr}"
    );
    // Exactly at the limit is fine, and checks.
    let text = run_ok(&[
        "import",
        "grundschutz",
        SMALL,
        "--period",
        "month",
        "--start",
        "2027-01",
        "--end",
        "2046-12",
    ]);
    assert!(!check_text(Path::new("long.yaml"), &text).failed());
}

#[test]
fn too_little_staff_is_named_in_the_header() {
    let text = run_ok(&[
        "import",
        "grundschutz",
        SMALL,
        "--period",
        "month",
        "--staff",
        "0.1",
    ]);
    assert!(
        text.contains("need up to\n#   10 person-days in one month"),
        "{text}"
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = run_ok(&["import", "grundschutz", SMALL]);
    let second = run_ok(&["import", "grundschutz", SMALL]);
    assert_eq!(first, second);
}

/// Broken catalogs under `tests/fixtures/grundschutz/`, one per kind of problem.
const BROKEN: [&str; 8] = [
    "not-json",
    "not-oscal",
    "missing-id",
    "unknown-link",
    "cycle",
    "effort-level",
    "latin1",
    "empty-id",
];

#[test]
fn broken_catalogs_fail_with_their_message_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("kept.yaml");
    for name in BROKEN {
        std::fs::write(&out, "old content\n").expect("write");
        let file = format!("tests/fixtures/grundschutz/{name}.json");
        let output = resiplan()
            .args(["import", "grundschutz", &file, "-o"])
            .arg(&out)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{name} exits 1");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        assert_eq!(
            std::fs::read_to_string(&out).expect("still there"),
            "old content\n",
            "{name}: OUT untouched"
        );
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(
            stderr.ends_with("nothing was written\n"),
            "{name}: {stderr}"
        );
        insta::assert_snapshot!(format!("import_broken_{name}"), stderr);
        // Every problem points at its line and column.
        let at = format!("--> tests/fixtures/grundschutz/{name}.json:");
        assert!(
            stderr.matches("error[").count() == stderr.matches(&at).count(),
            "{name}: a problem without a line and column:\n{stderr}"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn a_missing_file_is_an_error_that_names_it() {
    let output = resiplan()
        .args([
            "import",
            "grundschutz",
            "tests/fixtures/grundschutz/absent.json",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "a named file that cannot be read"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read `tests/fixtures/grundschutz/absent.json`"),
        "{stderr}"
    );
}

#[test]
fn impossible_options_are_usage_errors() {
    for (args, expected) in [
        (
            vec!["--start", "2027", "--period", "quarter"],
            "--start 2027 is a year label, but the period is quarter; write it like `2027-Q1`",
        ),
        (
            [&["--end", "2027-Q2"][..], &EVERYTHING].concat(),
            "the horizon 2027-Q1–2027-Q2 has 2 quarters, but effort level 5 lasts 4 quarters (`NOT.1.2` and others)",
        ),
        (
            vec!["--start", "2028-Q1", "--end", "2027-Q4"],
            "--end 2027-Q4 is before the start 2028-Q1",
        ),
        (vec!["--staff", "0"], "is not a staff capacity"),
        (vec!["--start", "27"], "is not a period label"),
    ] {
        let output = resiplan()
            .args(["import", "grundschutz", SMALL])
            .args(&args)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_mandatory_chain_longer_than_the_horizon_is_refused() {
    let control = |id: &str, effort: &str, verb: &str, requires: &[&str]| {
        serde_json::json!({
            "id": id,
            "title": id,
            "props": [ { "name": "effort_level", "value": effort } ],
            "links": requires.iter().map(|r| serde_json::json!({ "rel": "required", "href": format!("#{r}") })).collect::<Vec<_>>(),
            "parts": [ { "name": "statement", "props": [ { "name": "modal_verb", "value": verb } ] } ]
        })
    };
    let json = serde_json::json!({
        "catalog": {
            "metadata": { "title": "Kette", "version": "1" },
            "controls": [
                control("A", "4", "SOLLTE", &[]),
                control("B", "5", "MUSS", &["A"]),
            ]
        }
    });
    // Two quarters for A, then four for B: six, but the horizon has five.
    let options = Options {
        end: resiplan::model::period::PeriodLabel::parse("2028-Q1").ok(),
        ..Options::default()
    };
    match import(Path::new("chain.json"), &json.to_string(), &options) {
        Err(resiplan::content::import::ImportError::Usage(message)) => assert!(
            message.contains("mandatory control `B` cannot finish within the horizon")
                && message.contains("it needs 6 quarters"),
            "{message}"
        ),
        Err(_) => panic!("expected a usage error"),
        Ok(_) => panic!("expected the horizon to be refused"),
    }
    let options = Options {
        end: resiplan::model::period::PeriodLabel::parse("2028-Q2").ok(),
        ..Options::default()
    };
    assert!(import(Path::new("chain.json"), &json.to_string(), &options).is_ok());
}

fn fixture(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).expect("fixture")
}

/// The BSI catalog lives outside the repository (`../shared/bsi`); skip when it is absent.
#[test]
fn full_bsi_catalog_imports_checks_and_plans() {
    let file = root().join("../shared/bsi/BSI-Stand-der-Technik-Kernel-catalog.json");
    if !file.exists() {
        eprintln!(
            "skipped: {} not found (the BSI catalog lives outside the repository)",
            file.display()
        );
        return;
    }
    // Everything: 901 controls and a milestone after each of the three stages but the last.
    let all = import_file(&file, &everything()).unwrap_or_else(|e| panic!("{e:?}"));
    let outcome = check_text(Path::new("all.yaml"), &all);
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
    assert_eq!(outcome.summary.expect("summary").measures, 904);
    // By default: the 69 MUSS and 605 SOLLTE controls of normal-SdT and one milestone.
    let text = import_file(&file, &Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let outcome = check_text(Path::new("grundschutz.yaml"), &text);
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
    let summary = outcome.summary.expect("summary");
    assert_eq!(summary.measures, 675);
    let document = outcome.document.expect("document");
    let mandatory: Vec<usize> = document
        .measures
        .iter()
        .enumerate()
        .filter(|(_, m)| m.mandatory)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(mandatory.len(), 69, "every MUSS control is mandatory");
    let planning =
        plan_text(Path::new("grundschutz.yaml"), &text).unwrap_or_else(|e| panic!("plans: {e:?}"));
    for i in mandatory {
        assert!(
            matches!(
                planning.planned.roadmap.placements[i],
                Placement::Scheduled { .. }
            ),
            "mandatory `{}` is scheduled",
            document.measures[i].id.value
        );
    }
}

/// Any characters, control characters included, with YAML's special ones made likely.
fn text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        ':', '#', '"', '\'', '-', '?', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@',
        '`', '\\', ' ', '\t', '\n', '\r', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}', '~',
    ]);
    let words = prop::sample::select(vec![
        "true", "null", "no", "1.5", "2027", "0x1F", ".inf", "- x",
    ]);
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>().prop_map(String::from),
            3 => special.prop_map(String::from),
            1 => words.prop_map(String::from),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever a control's id, title and statement hold, the portfolio reads back the same text.
    #[test]
    fn any_title_and_statement_survive_import_then_load(
        id in "[^\\s\\p{Cc}\\p{Cf}=]{1,16}",
        title in text(),
        statement in text(),
    ) {
        prop_assume!(!statement.contains("{{"));
        let json = serde_json::json!({
            "catalog": {
                "metadata": { "title": title, "version": "1" },
                "groups": [{
                    "id": "BER",
                    "title": title,
                    "controls": [{
                        "id": id,
                        "title": title,
                        "props": [ { "name": "effort_level", "value": "2" } ],
                        "parts": [ { "name": "statement", "prose": statement } ]
                    }]
                }]
            }
        });
        let text = import(Path::new("arbitrary.json"), &json.to_string(), &Options::default())
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let outcome = check_text(Path::new("arbitrary.yaml"), &text);
        prop_assert!(!outcome.failed(), "{:?}\n{}", outcome.diagnostics, text);
        let document = outcome.document.expect("document");
        let m = &document.measures[0];
        prop_assert_eq!(&m.id.value, &id);
        // The id leads the name; the title follows, trimmed, with a spaced hyphen as a dash.
        let shown = title.trim().replace(" - ", " – ");
        let name = if shown.is_empty() { id.clone() } else { format!("{id} {shown}") };
        prop_assert_eq!(m.name.get(Language::De), name.as_str());
        prop_assert_eq!(m.notes.as_deref(), Some(statement.as_str()));
        let name = format!("Grundschutz++: {title}");
        prop_assert_eq!(document.name.as_deref(), Some(name.as_str()));
    }
}

/// A control id with an invisible character (a zero-width space, a bidi override) becomes
/// an id with a `-` there, which the loader reads (it refuses ids with such characters).
#[test]
fn invisible_characters_in_a_control_id_become_dashes() {
    let json = serde_json::json!({
        "catalog": {
            "metadata": { "title": "t", "version": "1" },
            "groups": [{
                "id": "BER",
                "title": "t",
                "controls": [{
                    "id": "BER.1\u{200b}\u{202e}x",
                    "title": "t",
                    "props": [ { "name": "effort_level", "value": "2" } ]
                }]
            }]
        }
    });
    let text =
        import(Path::new("a.json"), &json.to_string(), &Options::default()).expect("imports");
    let outcome = check_text(Path::new("a.yaml"), &text);
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
    let document = outcome.document.expect("document");
    assert_eq!(document.measures[0].id.value, "BER.1--x");
}
