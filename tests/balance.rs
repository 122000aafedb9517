//! Balance rules (issue 16): on a small portfolio where the valuable protection measures
//! would take the whole budget, a value rule and a spending rule each change the roadmap;
//! a rule that cannot hold is refused by name; the verifier rejects a roadmap below a rule;
//! every plan format shows each rule and how well it is met.

use crate::support::{resiplan, root, stdout};
use resiplan::model::roadmap::Placement;
use resiplan::pipeline::score_text;
use resiplan::schedule::plan;
use resiplan::schedule::verify::{ViolationKind, verify};
use std::path::Path;

const SERVICES: &str = "tests/fixtures/balance/services.yaml";

fn text(edit: impl Fn(String) -> String) -> String {
    edit(std::fs::read_to_string(root().join(SERVICES)).expect("fixture"))
}

/// The ids in the roadmap of the fixture with `edit` applied.
fn scheduled(edit: impl Fn(String) -> String) -> Vec<String> {
    let scored = score_text(Path::new(SERVICES), &text(edit)).unwrap_or_else(|f| panic!("{f:?}"));
    let planned = plan(&scored.portfolio, &scored.graph, &scored.scores).expect("plans");
    assert!(verify(&scored.portfolio, &planned.roadmap).is_empty());
    (scored
        .portfolio
        .measures
        .iter()
        .zip(&planned.roadmap.placements))
    .filter(|(_, p)| matches!(p, Placement::Scheduled { .. } | Placement::Done))
    .map(|(m, _)| m.id.value.clone())
    .collect()
}

/// The fixture without its `balance:` block.
fn without_rules(text: String) -> String {
    text.split("balance:").next().unwrap_or_default().to_owned()
}

/// The fixture with a spending rule instead of its value rule.
fn spending_rule(text: String) -> String {
    text.replace(
        "{ dimension: service_delivery, min_value_share: 50% }",
        "{ resource: budget, area: services, min_spend_share: 40% }",
    )
}

#[test]
fn a_value_rule_changes_the_roadmap() {
    // Without the rule the protection measures, worth more per euro, take every year.
    assert_eq!(scheduled(without_rules), ["p1", "p2", "p3"]);
    // Half of the achievable service value asks for one service measure.
    let ids = scheduled(|t| t);
    assert_eq!(
        ids.iter().filter(|id| id.starts_with('s')).count(),
        1,
        "{ids:?}"
    );
    assert_eq!(ids.len(), 3, "{ids:?}");
}

#[test]
fn a_spending_rule_changes_the_roadmap() {
    // 40 % of the money to services: both service measures and one protection measure
    // (120k of 220k); two protection measures would take it to 120k of 320k.
    let ids = scheduled(spending_rule);
    assert_eq!(
        ids.iter().filter(|id| id.starts_with('s')).count(),
        2,
        "{ids:?}"
    );
    assert_eq!(ids.len(), 3, "{ids:?}");
}

#[test]
fn a_rule_that_cannot_hold_is_refused_by_name() {
    let output = resiplan()
        .args([
            "plan",
            "tests/fixtures/infeasible/balance.yaml",
            "--lang",
            "en",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[balance-infeasible]"), "{stderr}");
    assert!(
        stderr.contains("min_value_share 100% of dimension `service_delivery`"),
        "{stderr}"
    );
    assert!(stderr.contains("falls short by 4.00"), "{stderr}");
    assert!(stderr.contains("balance.yaml:38:53"), "{stderr}");
}

#[test]
fn the_verifier_rejects_a_roadmap_below_a_rule() {
    for edit in [|t: String| t, spending_rule] {
        let free = score_text(Path::new(SERVICES), &without_rules(text(edit))).expect("checks");
        let planned = plan(&free.portfolio, &free.graph, &free.scores).expect("plans");
        let ruled = score_text(Path::new(SERVICES), &text(edit)).expect("checks");
        let violations = verify(&ruled.portfolio, &planned.roadmap);
        assert_eq!(
            violations.iter().map(|v| v.kind).collect::<Vec<_>>(),
            [ViolationKind::BalanceUnmet],
            "{violations:?}"
        );
        assert!(violations[0].message.contains("below"), "{violations:?}");
    }
}

/// The section of a report from its title to the next blank line (or closing tag).
fn section(report: &str, title: &str, end: &str) -> String {
    let from = report
        .find(title)
        .unwrap_or_else(|| panic!("no {title}:\n{report}"));
    let rest = &report[from..];
    rest[..rest.find(end).unwrap_or(rest.len())].to_owned()
}

#[test]
fn every_plan_format_shows_each_rule_and_how_well_it_is_met() {
    let both = "tests/fixtures/balance/both.yaml";
    let table = stdout(&["plan", both, "--lang", "en"]);
    insta::assert_snapshot!("balance_table", section(&table, "Balance\n", "\n\n"));
    let markdown = stdout(&["plan", both, "--format", "markdown", "--lang", "de"]);
    insta::assert_snapshot!(
        "balance_markdown",
        section(&markdown, "## Ausgewogenheit", "\n\n## ")
    );
    let html = stdout(&["plan", both, "--format", "html", "--lang", "de"]);
    insta::assert_snapshot!(
        "balance_html",
        section(&html, ">Ausgewogenheit<", "</table>")
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["plan", both, "--format", "json"])).expect("json");
    insta::assert_json_snapshot!("balance_json", json["balance"]);
}
