//! Critical path and slack, quick wins and pilots (issue 16): on small portfolios whose
//! numbers are checked by hand.

use crate::support::stdout;
use serde_json::Value;

const CHAIN: &str = "tests/fixtures/slack/chain.yaml";
const QUICK: &str = "tests/fixtures/slack/quick-wins.yaml";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

/// a → b → c (c due by 2030), d alone, e for five years (the last finish is the end of
/// 2031): a and b can slip a year before c misses its deadline, but any slip moves the
/// next; c a year; d four years to the last finish; e none.
#[test]
fn slack_on_a_hand_checked_chain() {
    let report = json(&["plan", CHAIN, "-f", "json"]);
    let got: Vec<(String, String, Value)> = (report["measures"].as_array().expect("measures"))
        .iter()
        .map(|m| {
            let id = m["id"].as_str().expect("id").to_owned();
            let start = m["start"].as_str().expect("start").to_owned();
            (id, start, m["slack"].clone())
        })
        .collect();
    let slack = |total: u64, free: u64| serde_json::json!({ "total": total, "free": free, "critical": total == 0 });
    let want = vec![
        ("a".to_owned(), "2027".to_owned(), slack(1, 0)),
        ("b".to_owned(), "2028".to_owned(), slack(1, 0)),
        ("c".to_owned(), "2029".to_owned(), slack(1, 1)),
        ("d".to_owned(), "2027".to_owned(), slack(4, 4)),
        ("e".to_owned(), "2027".to_owned(), slack(0, 0)),
    ];
    assert_eq!(got, want);
    let csv = stdout(&["plan", CHAIN, "-f", "csv"]);
    assert!(
        csv.contains("\r\nd,D,,scheduled,2027,2027,1,4,4,false,"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\ne,E,,scheduled,2027,2031,5,0,0,true,"),
        "{csv}"
    );
}

/// The critical chain is marked in the table, Markdown, Mermaid (`crit`) and the HTML
/// Gantt chart (outlined, with a legend).
#[test]
fn critical_chain_is_marked() {
    insta::assert_snapshot!("slack_chain_table", stdout(&["plan", CHAIN]));
    insta::assert_snapshot!(
        "slack_chain_markdown_de",
        stdout(&["plan", CHAIN, "-f", "markdown", "--lang", "de"])
    );
    insta::assert_snapshot!(
        "slack_chain_mermaid",
        stdout(&["plan", CHAIN, "-f", "mermaid"])
    );
    let html = stdout(&["plan", CHAIN, "-f", "html"]);
    assert_eq!(html.matches("<g class=\"critical\"").count(), 1, "only e");
    assert!(html.contains("Critical path</li>"), "legend");
    let critical = html.find("<g class=\"critical\"").expect("marked");
    let title = html[..critical].rfind("<title>").expect("row title");
    assert!(
        html[title..critical].starts_with("<title>e · E"),
        "{}",
        &html[title..critical]
    );
}

/// q1 and q2 pass the documented rule; `over` costs one euro more than 10 % of the
/// capacity, `edge` is just outside the top half by value per million, `long` runs two
/// years, `late` cannot start in 2027, `after` waits for q1.
#[test]
fn quick_wins_follow_the_documented_rule() {
    let ids = |report: &Value| -> Vec<String> {
        (report["quick_wins"].as_array().expect("quick wins"))
            .iter()
            .map(|w| w["id"].as_str().expect("id").to_owned())
            .collect()
    };
    let rank = json(&["rank", QUICK, "-f", "json"]);
    assert_eq!(ids(&rank), ["q1", "q2"]);
    let plan = json(&["plan", QUICK, "-f", "json"]);
    assert_eq!(ids(&plan), ["q1", "q2"]);
    assert_eq!(plan["quick_wins"][0]["start"], "2027");
    insta::assert_snapshot!(
        "quick_wins_rank_markdown_de",
        stdout(&["rank", QUICK, "-f", "markdown", "--lang", "de"])
    );
    let table = stdout(&["plan", QUICK]);
    assert!(
        table.contains("Quick wins: possible from 2027") && table.contains("(top 50%)"),
        "{table}"
    );
}

const PILOT: &str = "tests/fixtures/slack/pilot.yaml";

/// The pilot precedes its rollout, is planned first although it is worth little on its
/// own (it enables the rollout), and the go/no-go decision at its end shows in every
/// format.
#[test]
fn a_pilot_precedes_its_rollout_with_a_go_no_go_milestone() {
    let report = json(&["plan", PILOT, "-f", "json"]);
    let measure = |id: &str| -> Value {
        (report["measures"].as_array().expect("measures"))
            .iter()
            .find(|m| m["id"] == id)
            .cloned()
            .expect("measure")
    };
    assert_eq!(measure("pilot")["start"], "2027");
    assert_eq!(measure("pilot")["pilot_of"], "rollout");
    assert_eq!(measure("pilot")["go_no_go"], "2027");
    assert_eq!(measure("rollout")["start"], "2028");
    assert_eq!(
        measure("rollout")["depends_on"],
        serde_json::json!(["pilot"])
    );
    assert_eq!(measure("other")["start"], "2030");
    insta::assert_snapshot!(
        "pilot_markdown_de",
        stdout(&["plan", PILOT, "-f", "markdown", "--lang", "de"])
    );
    let mermaid = stdout(&["plan", PILOT, "-f", "mermaid"]);
    assert!(
        mermaid.contains(
            "    Go/no-go decision#58; E-file rollout in every office :milestone, 2028-01-01, 0d\n"
        ),
        "{mermaid}"
    );
    let html = stdout(&["plan", PILOT, "-f", "html"]);
    assert!(html.contains("Pilots and go/no-go decisions"), "html");
}
