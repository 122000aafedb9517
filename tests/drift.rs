//! `--check` judges what a report says, not who wrote it (issue 20): the provenance hash is
//! of the loaded portfolio, so comments and formatting do not count, and the tool version
//! and hash in a report's provenance are no drift unless `--strict`. Also the global
//! options `--quiet` and `--color`.

use crate::support::{resiplan, root};
use predicates::prelude::*;
use resiplan::analysis::compare::{Gates, compare, gate_results};
use resiplan::pipeline::{Planning, plan_file};
use resiplan::report::provenance::{Content, Provenance, without_provenance};
use resiplan::report::{self, document, view::PlanView};
use resiplan::schedule::Options;
use std::path::Path;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

/// A copy of the minimal portfolio in a temporary directory, and its ROADMAP.md written.
fn repository() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(root().join(MINIMAL)).expect("fixture");
    std::fs::write(dir.path().join("portfolio.yaml"), &text).expect("copy");
    plan(dir.path(), &["-f", "markdown", "-o", "ROADMAP.md"])
        .success()
        .stdout("");
    (dir, text)
}

fn plan(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    resiplan()
        .current_dir(dir)
        .args(["plan", "portfolio.yaml"])
        .args(args)
        .assert()
}

const CHECK: [&str; 5] = ["-f", "markdown", "-o", "ROADMAP.md", "--check"];

#[test]
fn a_comment_does_not_make_the_roadmap_stale_a_cost_does() {
    let (dir, text) = repository();
    let edit = |text: &str| std::fs::write(dir.path().join("portfolio.yaml"), text).expect("edit");
    // Comments, blank lines and another spelling of the same number: the same portfolio,
    // the same hash, so even the strict check passes.
    edit(&format!(
        "# note: reviewed 2026-11\n\n{}",
        text.replace(
            "cost: { budget: 120k }",
            "cost: { budget: 120_000 }   # est."
        )
    ));
    plan(dir.path(), &CHECK)
        .success()
        .stderr("ROADMAP.md is up to date\n");
    let strict = [&CHECK[..], &["--strict"]].concat();
    plan(dir.path(), &strict).success();
    // A cost is what planning depends on.
    edit(&text.replace("cost: { budget: 120k }", "cost: { budget: 130k }"));
    plan(dir.path(), &CHECK)
        .code(3)
        .stderr(predicate::str::contains("ROADMAP.md is out of date"));
}

#[test]
fn another_version_of_resiplan_is_no_drift_unless_strict() {
    let (dir, _) = repository();
    let path = dir.path().join("ROADMAP.md");
    let written = std::fs::read_to_string(&path).expect("written");
    let version = env!("CARGO_PKG_VERSION");
    assert!(written.contains(&format!("resiplan {version} · inputs ")));
    std::fs::write(
        &path,
        written.replace(&format!("resiplan {version}"), "resiplan 0.0.9"),
    )
    .expect("edit");
    plan(dir.path(), &CHECK).success().stderr(format!(
        "ROADMAP.md is up to date; only its provenance differs (written by resiplan 0.0.9, this is {version})\n"
    ));
    let strict = [&CHECK[..], &["--strict"]].concat();
    plan(dir.path(), &strict).code(3).stderr(predicate::str::contains(format!(
        "ROADMAP.md differs only in its provenance (written by resiplan 0.0.9, this is {version}); \
         without --strict, --check accepts it"
    )));
    // A real change is named at its own line, not at the footer.
    std::fs::write(&path, written.replace("IT inventory", "IT-Inventar")).expect("edit");
    plan(dir.path(), &CHECK)
        .code(3)
        .stderr(predicate::str::contains("1 line differs"));
    plan(dir.path(), &["--strict"]).code(2);
}

/// A report rendered with a given provenance.
type Render<'a> = Box<dyn Fn(&Provenance) -> String + 'a>;

/// Every format of every report puts its provenance where masking finds it: rendered with
/// another version and hash, each masks to the same text.
#[test]
fn every_report_masks_to_the_same_text_under_another_provenance() {
    let options = Options::default();
    let base = plan_file(&root().join(MINIMAL), &options).expect("plans");
    let ours = provenance("0.1.0", &base);
    let mut theirs = provenance("7.0.0-beta.2", &base);
    theirs.inputs_sha256 = "0123456789abcdef".repeat(4);
    let renders: Vec<(&str, Render)> = vec![
        ("plan", Box::new(|p| all_plan_formats(&base, p))),
        (
            "rank",
            Box::new(|p| {
                let scored = &base.scored;
                [
                    report::Format::Table,
                    report::Format::Markdown,
                    report::Format::Json,
                    report::Format::Html,
                ]
                .into_iter()
                .map(|f| {
                    report::rank(
                        f,
                        &scored.portfolio,
                        &scored.scores,
                        resiplan::model::Language::En,
                        p,
                        100,
                    )
                    .expect("renders")
                })
                .collect()
            }),
        ),
        (
            "compare",
            Box::new(|p| {
                let columns = std::slice::from_ref(&base);
                let comparison = compare(&base, columns);
                let gates = Gates {
                    max_loss: Some(0.05),
                    ..Gates::default()
                };
                let results = gate_results(&comparison, &gates, &base, columns);
                let language = resiplan::model::Language::De;
                let doc = report::compare::document(&comparison, &results, language, p);
                let summary = report::compare_summary::document(&comparison, &results, language, p);
                document::markdown(&doc)
                    + &document::terminal(&doc, 100)
                    + &document::markdown(&summary)
                    + &report::json::compare(&comparison, &results, language, p)
            }),
        ),
    ];
    for (name, render) in renders {
        let (a, b) = (render(&ours), render(&theirs));
        assert!(a != b, "{name}: the provenance shows");
        let (a, b) = (without_provenance(&a), without_provenance(&b));
        let first = a.lines().zip(b.lines()).find(|(x, y)| x != y);
        assert!(a == b, "{name}: {first:?}");
    }
}

fn provenance(version: &str, planning: &Planning) -> Provenance {
    let scored = &planning.scored;
    Provenance::new(
        version,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(&Options::default()),
    )
}

fn all_plan_formats(planning: &Planning, provenance: &Provenance) -> String {
    let view = PlanView::of(planning, resiplan::model::Language::En, provenance);
    let formats = [
        report::Format::Table,
        report::Format::Markdown,
        report::Format::Json,
        report::Format::Mermaid,
        report::Format::Html,
    ];
    let mut all: String = formats
        .iter()
        .map(|f| report::plan(*f, &view, 100))
        .collect();
    let scored = &planning.scored;
    let mut graph = report::view::graph_view(
        &scored.portfolio,
        &scored.graph,
        resiplan::model::Language::En,
    );
    graph.provenance = Some(provenance);
    for format in [report::GraphFormat::Mermaid, report::GraphFormat::Dot] {
        all.push_str(&report::graph(format, &graph));
    }
    all
}

#[test]
fn quiet_leaves_out_warnings_and_notes_but_not_errors() {
    let warnings = "tests/fixtures/ok/many-warnings.yaml";
    resiplan()
        .args(["plan", warnings])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning["));
    resiplan()
        .args(["plan", warnings, "--quiet"])
        .assert()
        .success()
        .stderr("");
    resiplan()
        .args(["-q", "check", "tests/fixtures/broken/dependency-cycle.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[dependency-cycle]"));
    let (dir, _) = repository();
    plan(dir.path(), &[&CHECK[..], &["--quiet"]].concat())
        .success()
        .stderr("");
}

#[test]
fn colour_follows_the_option_then_the_environment() {
    let broken = "tests/fixtures/broken/dependency-cycle.yaml";
    let escape = predicate::str::contains("\u{1b}[");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = resiplan();
        command
            .env_remove("NO_COLOR")
            .args(["check", broken])
            .args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        command.assert().code(1)
    };
    run(&["--color", "always"], &[]).stderr(escape.clone());
    run(&["--color", "always"], &[("NO_COLOR", "1")]).stderr(escape.clone());
    run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).stderr(escape.clone().not());
    // Standard error is a pipe here: no colour unless forced.
    run(&[], &[]).stderr(escape.clone().not());
    run(&[], &[("CLICOLOR_FORCE", "1")]).stderr(escape.clone());
    run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).stderr(escape.not());
}
