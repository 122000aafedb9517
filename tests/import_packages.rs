//! `import grundschutz --per-practice`: one work package per practice and stage, which keeps
//! the BSI's order between the stages; as a portfolio it checks and plans, and with
//! `--as-catalog` a municipal portfolio includes it under its ISMS measure.

use crate::support::stdout;

const ORDER: &str = "tests/fixtures/grundschutz/order.json";

/// The ids of the measures of a portfolio or catalog, in order.
fn ids(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect()
}

#[test]
fn one_package_per_practice_and_stage_in_the_bsi_order() {
    let text = stdout(&[
        "import",
        "grundschutz",
        ORDER,
        "--per-practice",
        "--sec-level",
        "elevated",
        "--modal",
        "MUSS,SOLLTE,KANN",
    ]);
    assert_eq!(
        ids(&text),
        [
            "gs-muss",
            "gs-sollte-ber",
            "gs-sollte-not",
            "gs-kann-not",
            "gs-erhoeht-sollte-not",
            "gs-erhoeht-kann-ber",
            "gs-stufe-sollte"
        ]
    );
    assert!(text.contains("  staff: { unit: FTE, capacity: 5 }"));
    // The MUSS package of all practices is mandatory; each SOLLTE package waits for it and
    // is listed for a risk acceptance when left out; the KANN packages wait for every
    // SOLLTE package (through the milestone).
    let block = |id: &str| {
        let from = text.find(&format!("  - id: {id}\n")).expect("listed");
        let rest = &text[from + 4..];
        rest[..rest.find("\n  - id: ").unwrap_or(rest.len())].to_owned()
    };
    assert!(block("gs-muss").contains("mandatory: true"));
    assert!(
        block("gs-muss").contains("name: \"Alle Praktiken: 4 MUSS-Anforderungen (normal-SdT)\"")
    );
    for id in ["gs-sollte-ber", "gs-sollte-not"] {
        assert!(block(id).contains("depends_on: [gs-muss]"), "{id}");
        assert!(block(id).contains("risk_acceptance: true"), "{id}");
    }
    assert!(block("gs-stufe-sollte").contains("depends_on: [gs-sollte-ber, gs-sollte-not]"));
    assert!(block("gs-kann-not").contains("depends_on: [gs-stufe-sollte]"));
    assert!(
        block("gs-sollte-ber")
            .contains("name: \"BER Berechtigung: 3 SOLLTE-Anforderungen (normal-SdT)\"")
    );
    // A link between packages of one stage is named, not a dependency.
    assert!(block("gs-sollte-not").contains("NOT.2.2 → BER.2.1"));
    assert!(!block("gs-sollte-not").contains("gs-sollte-ber"));
    // It checks and plans.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("packages.yaml");
    std::fs::write(&file, &text).expect("write");
    let file = file.to_str().expect("UTF-8");
    assert!(stdout(&["check", file]).contains("ok, portfolio: 7 measures"));
    stdout(&["plan", file]);
}

#[test]
fn a_municipal_portfolio_includes_the_packages_under_its_isms_measure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = dir.path().join("grundschutz-pakete.yaml");
    stdout(&[
        "import",
        "grundschutz",
        ORDER,
        "--per-practice",
        "--as-catalog",
        "--period",
        "year",
        "-o",
        catalog.to_str().expect("UTF-8"),
    ]);
    let text = std::fs::read_to_string(&catalog).expect("written");
    assert!(!text.contains("\ncalendar:") && !text.contains("\nresources:"));
    assert!(text.contains("CC BY-SA 4.0"), "the attribution stays");
    assert!(
        text.contains("\nperiod: year\n"),
        "the catalog says its durations are years, so quarterly portfolios convert them"
    );
    let portfolio = dir.path().join("kreis.yaml");
    std::fs::write(
        &portfolio,
        "version: 1\n\
         name: Landkreis\n\
         calendar: { period: year, start: 2027, end: 2031 }\n\
         resources:\n  staff: { unit: FTE, capacity: 3 }\n\
         include:\n  - catalog: grundschutz-pakete.yaml\n    measures: [gs-muss, gs-sollte-ber, gs-sollte-not]\n\
         measures:\n\
         \x20 - id: isms-grundschutz\n    name: ISMS nach BSI IT-Grundschutz\n    duration: 1\n    cost: { staff: 1 }\n    impact: { governance: 4, protection: 5 }\n\
         \x20 - id: gs-muss\n    depends_on: [isms-grundschutz]\n",
    )
    .expect("write");
    let portfolio = portfolio.to_str().expect("UTF-8");
    assert!(stdout(&["check", portfolio]).contains("ok, portfolio: 4 measures"));
    let plan: serde_json::Value =
        serde_json::from_str(&stdout(&["plan", portfolio, "-f", "json"])).expect("JSON");
    assert_eq!(plan["summary"]["scheduled"], 4);
    assert_eq!(plan["risk_acceptance"], serde_json::json!([]));
}
