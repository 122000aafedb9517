//! Maturity in the documents a council reads (issue 17): the decision paper says in plain
//! words which maturity targets the programme meets and by when, and which it misses and
//! why — a measure not in the programme, one finishing too late, none that raises it, or
//! the portfolio's measures stopping short.

use crate::support::{root, stdout};

const FIXTURE: &str = "tests/fixtures/maturity/maturity.yaml";

/// The fixture with `from` replaced by `to`, written to a temporary file.
fn changed(dir: &tempfile::TempDir, replacements: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replace(from, to);
    }
    let path = dir.path().join("changed.yaml");
    std::fs::write(&path, text).expect("written");
    path.to_string_lossy().into_owned()
}

#[test]
fn the_decision_paper_says_which_targets_are_met_and_why_the_others_are_missed() {
    let en = stdout(&["decision", FIXTURE, "--lang", "en"]);
    for line in [
        "the portfolio sets 3 maturity targets; the programme meets 1 of them.",
        "- WiBA-Checklisten erfüllt: target 19 of 19 Checklisten by 2030 (baseline 4 of 19 \
         Checklisten), met in 2028.",
        // Too late: antrag finishes in 2029, after the target year 2028.
        "- OZG maturity of the county's services: target 3 “Online-Antrag” by 2028 (baseline 1 \
         “Information”) missed, by then 2 “Formular-Assistent”, met only in 2029. Why: \
         “Online-Antrag mit Nachweisen” (raises it to 3) finishes only in 2029.",
        // Not scheduled: the Aufbau-BCMS does not fit the budget.
        "- BCMS-Stufe: target 2 “Aufbau-BCMS” by 2030 (baseline 0 “kein BCMS”) missed, by \
         then 1 “Reaktiv-BCMS”. Why: “Aufbau-BCMS” (raises it to 2) is not in the programme.",
    ] {
        assert!(en.contains(line), "{line}\nmissing in\n{en}");
    }
    let de = stdout(&["decision", FIXTURE, "--lang", "de"]);
    for part in [
        "Dafür setzt das Portfolio 3 Zielmarken für den Reifegrad; das Programm erreicht 1 davon.",
        "Erreicht werden:",
        "Verfehlt werden:",
        "„Online-Antrag mit Nachweisen“ (hebt auf 3) wird erst 2029 fertig",
        "„Aufbau-BCMS“ (hebt auf 2) ist nicht im Programm",
    ] {
        assert!(de.contains(part), "{part}\nmissing in\n{de}");
    }
    // The maturity comes after the shares per field it puts into perspective.
    let shares = de.find("Ziele: ").expect("the shares");
    assert!(shares < de.find("Reifegrad (Ist → Soll)").expect("maturity"));
}

#[test]
fn a_target_nothing_raises_or_nothing_raises_enough_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No measure raises the BCMS stage.
    let none = changed(
        &dir,
        &[
            ("raises: { bcms: 1 }", "tags: []"),
            ("raises: { bcms: 2 }", "tags: []"),
        ],
    );
    let en = stdout(&["decision", &none, "--lang", "en"]);
    assert!(
        en.contains("by then unchanged. Why: no measure in the portfolio improves it."),
        "{en}"
    );
    // Only the BIA raises it, to 1: all complete, they stay below the target 2.
    let short = changed(&dir, &[("raises: { bcms: 2 }", "tags: []")]);
    let de = stdout(&["decision", &short, "--lang", "de"]);
    assert!(
        de.contains(
            "Grund: alle Maßnahmen des Portfolios zusammen erreichen höchstens 1 „Reaktiv-BCMS“."
        ),
        "{de}"
    );
}

#[test]
fn a_paper_without_indicators_has_no_maturity() {
    for file in ["tests/fixtures/ok/minimal.yaml", "examples/land.yaml"] {
        let paper = stdout(&["decision", file, "--lang", "de"]);
        assert!(
            !paper.contains("Reifegrad (Ist → Soll)"),
            "{file}:\n{paper}"
        );
    }
}

#[test]
fn the_landkreis_paper_in_html_shows_its_maturity() {
    let html = stdout(&[
        "decision",
        "examples/landkreis.yaml",
        "--body",
        "kreistag",
        "-f",
        "html",
    ]);
    let from = html.find("<p>Reifegrad (Ist → Soll)").expect("the section");
    let rest = &html[from..];
    let end = rest
        .find("<p>Bereits umgesetzt")
        .expect("the next paragraph");
    insta::assert_snapshot!("maturity_decision_landkreis_html", &rest[..end]);
}

#[test]
fn an_alternative_says_which_targets_it_meets_or_misses_unlike_the_proposal() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Three times the budget: the Aufbau-BCMS fits, and the BCMS target is met.
    let scenario = dir.path().join("mehr.yaml");
    std::fs::write(
        &scenario,
        "version: 1\nname: Mehr Mittel\nresources:\n  budget:\n    scale: 3\n",
    )
    .expect("written");
    let scenario = scenario.to_string_lossy().into_owned();
    let en = stdout(&["decision", FIXTURE, "--lang", "en", "--scenario", &scenario]);
    assert!(
        en.contains("- Maturity: BCMS-Stufe meets its target by 2030 in 20"),
        "{en}"
    );
    assert!(en.contains("(proposal: missed)."), "{en}");
    // Without the programme nothing raises a level.
    assert!(
        en.contains("The maturity levels stay at their baseline."),
        "{en}"
    );
    // The proposal as its own alternative changes nothing.
    let same = dir.path().join("gleich.yaml");
    std::fs::write(&same, "version: 1\nname: Gleich\n").expect("written");
    let same = same.to_string_lossy().into_owned();
    let de = stdout(&["decision", FIXTURE, "--lang", "de", "--scenario", &same]);
    assert!(!de.contains("- Reifegrad: "), "{de}");
}
