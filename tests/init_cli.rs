//! `resiplan init`: every variant (skeleton, shipped catalogs copied inline, catalog files
//! included by path) is saved to a temporary directory and must check clean and plan there.

use crate::support::{resiplan, root};
use resiplan::content::catalogs::{SHIPPED, Shipped, Source};
use resiplan::content::init::{Start, portfolio};
use resiplan::model::{Language, Measure};
use resiplan::pipeline::check::{check_file, check_text};
use resiplan::pipeline::plan_text;
use std::path::Path;

/// Runs in `dir` and returns stdout, asserting success.
fn run_in(dir: &Path, args: &[&str]) -> String {
    let output = resiplan()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Saves `text` as `dir/file`, then `check` must pass without a warning and `plan` must succeed.
fn checks_and_plans(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).expect("write");
    let check = resiplan()
        .current_dir(dir)
        .args(["check", file])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success(),
        "{file} does not check:\n{stderr}\n{text}"
    );
    assert!(stderr.is_empty(), "{file} warns:\n{stderr}");
    run_in(dir, &["plan", file]);
}

/// A measure without positions, to compare a copy with its original.
fn plain(m: &Measure) -> serde_json::Value {
    let amounts = |a: &resiplan::model::Amounts| -> Vec<(String, f64)> {
        a.iter().map(|(k, v)| (k.value.clone(), v.value)).collect()
    };
    let label = |l: &Option<
        resiplan::diagnostic::source::Located<resiplan::model::period::PeriodLabel>,
    >| { l.as_ref().map(|l| l.value.to_string()) };
    serde_json::json!({
        "id": m.id.value, "name": m.name, "area": m.area, "duration": m.duration.value,
        "cost": amounts(&m.cost), "run_cost": amounts(&m.run_cost), "impact": amounts(&m.impact),
        "depends_on": m.depends_on.iter().map(|d| d.value.clone()).collect::<Vec<_>>(),
        "earliest": label(&m.earliest), "deadline": label(&m.deadline), "start": label(&m.start),
        "mandatory": m.mandatory, "status": m.status.value, "tags": m.tags, "owner": m.owner,
        "source": m.source, "notes": m.notes,
        "uncertainty": m.uncertainty.as_ref().map(|u| [&u.cost, &u.duration, &u.impact]
            .map(|r| r.as_ref().map(|r| r.value))),
    })
}

#[test]
fn skeleton_in_both_languages_checks_and_plans() {
    let dir = tempfile::tempdir().expect("tempdir");
    for lang in ["en", "de"] {
        let text = run_in(dir.path(), &["init", "--lang", lang]);
        insta::assert_snapshot!(format!("init_skeleton_{lang}"), text);
        checks_and_plans(dir.path(), &format!("skeleton-{lang}.yaml"), &text);
    }
}

#[test]
fn skeleton_shows_every_measure_field() {
    let text = run_in(Path::new("."), &["init"]);
    for field in resiplan::load::MEASURE_FIELDS {
        // `description` is another spelling of `notes`, named in its comment.
        let written = format!("    {field}: ");
        let first = format!("  - {field}: ");
        assert!(
            text.contains(&written)
                || text.contains(&first)
                || text.contains(&format!("`{field}`")),
            "the skeleton shows `{field}`"
        );
    }
}

#[test]
fn shipped_catalogs_are_copied_inline_and_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut every = vec!["init"];
    for shipped in SHIPPED {
        every.extend(["--catalog", shipped.name]);
        let text = run_in(dir.path(), &["init", "--catalog", shipped.name]);
        assert!(!text.contains("include:"), "copied, not included");
        let file = format!("{}.yaml", shipped.name);
        checks_and_plans(dir.path(), &file, &text);
        let original = Source::Shipped(shipped).load().expect("catalog loads");
        let copy = check_file(&dir.path().join(&file)).document.expect("loads");
        assert_eq!(
            copy.measures.iter().map(plain).collect::<Vec<_>>(),
            original
                .catalog
                .measures
                .iter()
                .map(plain)
                .collect::<Vec<_>>(),
            "{}: every measure copied field for field",
            shipped.name
        );
    }
    let text = run_in(dir.path(), &every);
    checks_and_plans(dir.path(), "all.yaml", &text);
}

#[test]
fn copied_catalog_snapshot() {
    let text = run_in(
        Path::new("."),
        &[
            "init",
            "--catalog",
            "fuehrung-krisenmanagement",
            "--lang",
            "de",
        ],
    );
    insta::assert_snapshot!("init_fuehrung_de", text);
}

#[test]
fn a_catalog_file_is_included_by_its_path_as_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("lib")).expect("mkdir");
    std::fs::copy(
        root().join("tests/fixtures/catalogs/security.yaml"),
        dir.path().join("lib/security.yaml"),
    )
    .expect("copy");
    let out = dir.path().join("portfolio.yaml");
    run_in(
        dir.path(),
        &[
            "init",
            "--catalog",
            "lib/security.yaml",
            "-o",
            "portfolio.yaml",
        ],
    );
    let text = std::fs::read_to_string(&out).expect("written with -o");
    assert!(text.contains("  - catalog: lib/security.yaml\n"), "{text}");
    let catalog = Source::File(dir.path().join("lib/security.yaml"))
        .load()
        .expect("catalog");
    for m in &catalog.catalog.measures {
        assert!(
            text.contains(&format!("      - {} ", m.id.value)),
            "`{}` listed for pruning:\n{text}",
            m.id.value
        );
    }
    assert!(text.contains("measures: []\n"));
    checks_and_plans(dir.path(), "portfolio.yaml", &text);
    let portfolio = check_file(&out).document.expect("loads");
    assert_eq!(portfolio.measures.len(), catalog.catalog.measures.len());
}

#[test]
fn an_include_path_is_relative_to_where_the_portfolio_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["lib", "plans/2027"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
    }
    std::fs::copy(
        root().join("tests/fixtures/catalogs/security.yaml"),
        dir.path().join("lib/security.yaml"),
    )
    .expect("copy");
    run_in(
        dir.path(),
        &[
            "init",
            "--catalog",
            "lib/security.yaml",
            "-o",
            "plans/2027/p.yaml",
        ],
    );
    let saved = dir.path().join("plans/2027/p.yaml");
    let text = std::fs::read_to_string(&saved).expect("written with -o");
    assert!(
        text.contains("  - catalog: \"../../lib/security.yaml\"\n"),
        "{text}"
    );
    let check = resiplan()
        .current_dir(dir.path())
        .args(["check", "plans/2027/p.yaml"])
        .output()
        .expect("runs");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn files_and_shipped_catalogs_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("tests/fixtures/catalogs/continuity.yaml"),
        dir.path().join("continuity.yaml"),
    )
    .expect("copy");
    let text = run_in(
        dir.path(),
        &[
            "init",
            "--catalog",
            "continuity.yaml",
            "--catalog",
            "sicherheit-kontinuitaet",
            "--catalog",
            "continuity.yaml",
        ],
    );
    assert_eq!(
        text.matches("- catalog: continuity.yaml").count(),
        1,
        "a repeated catalog counts once"
    );
    checks_and_plans(dir.path(), "mixed.yaml", &text);
}

/// A copied catalog that declares its own dimension brings it along (with the defaults).
#[test]
fn a_copied_catalog_brings_its_dimensions() {
    static WITH_DIMENSION: Shipped = Shipped {
        name: "security",
        file: "security.yaml",
        text: include_str!("fixtures/catalogs/security.yaml"),
    };
    let source = Source::Shipped(&WITH_DIMENSION);
    let catalog = source.load().expect("loads").catalog;
    let start = Start {
        argument: "security".to_owned(),
        source,
        catalog,
    };
    let text = portfolio(&[start], Language::En, None);
    assert!(text.contains("dimensions:\n"), "{text}");
    assert!(
        text.contains(
            "  - { id: climate, name: { de: Klimaanpassung, en: Climate adaptation }, weight: 2 }"
        ),
        "{text}"
    );
    let outcome = check_text(Path::new("with-dimension.yaml"), &text);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let document = outcome.document.expect("document");
    assert_eq!(document.dimensions.len(), 8, "seven defaults and `climate`");
    plan_text(Path::new("with-dimension.yaml"), &text).unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn bad_catalogs_are_errors() {
    let unknown = resiplan()
        .args(["init", "--catalog", "nirgendwo"])
        .output()
        .expect("runs");
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "an unknown name is a usage error"
    );
    assert!(unknown.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("shipped catalogs: "),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
    let broken = resiplan()
        .args([
            "init",
            "--catalog",
            "tests/fixtures/broken/duplicate-key.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(broken.status.code(), Some(1));
    assert!(broken.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&broken.stderr).contains("error[duplicate-key]"),
        "{}",
        String::from_utf8_lossy(&broken.stderr)
    );
}
