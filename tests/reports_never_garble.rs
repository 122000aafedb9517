//! Reports that never garble (issue 12): numbers of any finite size stay numbers in JSON,
//! portfolio text is cleaned before it is checked in every format, ids and `--set`
//! arguments are code spans rather than backtick text, and the messages say what is true.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

fn run(args: &[&str]) -> (i32, String, String) {
    let output = resiplan().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn json_keeps_numbers_beyond_1e302() {
    // The second step's capacity over the horizon is 1.5e306: its product with 10⁶, the
    // old rounding, overflowed, and JSON wrote `null`.
    let text = stdout(&[
        "frontier",
        MINIMAL,
        "--budget-scale",
        "1..1e300",
        "--steps",
        "2",
        "-f",
        "json",
    ]);
    let report: Value = serde_json::from_str(&text).expect("JSON");
    let steps = report["steps"].as_array().expect("steps");
    assert_eq!(steps[1]["status"], "planned", "{text}");
    assert_eq!(steps[1]["capacity"].as_f64(), Some(1.5e306), "{text}");
}

#[test]
fn frontier_refuses_a_scale_beyond_the_largest_number_instead_of_calling_it_infeasible() {
    // 200k × 1e305 is infinite: the step used to fail validation ("not a finite number")
    // and be shown as infeasible, as if no roadmap fitted.
    let (code, out, err) = run(&[
        "frontier",
        MINIMAL,
        "--budget-scale",
        "0.5..1e305",
        "--steps",
        "2",
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("would make the capacity of `budget` larger than the largest number"),
        "{err}"
    );
    assert!(err.contains("use factors up to"), "{err}");
}

const BACKTICKS: &str = "tests/fixtures/ok/backtick-ids.yaml";

/// The words a POSIX shell makes of `arguments`.
fn shell_words(arguments: &str) -> Vec<String> {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("printf '%s\\n' {arguments}"))
        .output()
        .expect("sh runs");
    assert!(
        output.status.success(),
        "the shell refused {arguments:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The `--set` arguments after `resiplan plan … ` in the first line from `lead` on that
/// has them.
fn repeat_line<'a>(text: &'a str, lead: &str) -> &'a str {
    // The command is never broken, but a paragraph may wrap before it.
    let at = text
        .find(lead)
        .unwrap_or_else(|| panic!("no {lead:?} in\n{text}"));
    let line = text[at..]
        .lines()
        .find(|l| l.contains("resiplan plan … "))
        .unwrap_or_else(|| panic!("no command after {lead:?} in\n{text}"));
    let start = line.find("resiplan plan … ").expect("a command") + "resiplan plan … ".len();
    line[start..].strip_suffix('`').expect("a code span")
}

#[test]
fn explain_prints_set_lines_a_shell_accepts_for_any_id() {
    let text = stdout(&["explain", BACKTICKS, "it's`late"]);
    let capacity = shell_words(repeat_line(&text, "To repeat:"));
    assert_eq!(
        capacity,
        ["--set", "resources.bud`get.capacity.2027=200_000"],
        "{text}"
    );
    let priority = shell_words(repeat_line(&text, "As a priority"));
    assert_eq!(
        priority,
        [
            "--set",
            "measures.it's`late.mandatory=true",
            "--set",
            "measures.it's`late.deadline=2027"
        ],
        "{text}"
    );
    // The words the shell made repeat what `explain` said: the measure starts in 2027.
    let mut args = vec!["plan", BACKTICKS, "-f", "json"];
    args.extend(capacity.iter().map(String::as_str));
    let plan: Value = serde_json::from_str(&stdout(&args)).expect("JSON");
    let late = plan["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["id"] == "it's`late")
        .expect("the measure");
    assert_eq!(late["start"], "2027", "{plan}");
}

/// Backticks that Markdown reads as marks: those not escaped with a backslash.
fn marks(line: &str) -> usize {
    line.replace("\\\\", "")
        .replace("\\`", "")
        .matches('`')
        .count()
}

#[test]
fn markdown_shows_backticks_in_text_as_text_and_ids_as_code() {
    let plan = stdout(&["plan", BACKTICKS, "-f", "markdown"]);
    let explain = stdout(&["explain", BACKTICKS, "it's`late", "-f", "markdown"]);
    for line in plan.lines().chain(explain.lines()) {
        // Ordinary code spans open and close on the line; ids with a backtick are `<code>`.
        assert_eq!(marks(line) % 2, 0, "a stray mark in {line:?}");
    }
    assert!(
        plan.contains("# Roadmap: Ids with \\`backticks\\` and 'quotes'"),
        "{plan}"
    );
    assert!(plan.contains("| First \\`one\\` |"), "{plan}");
    assert!(plan.contains("| Late \\| \\`x |"), "{plan}");
    // A resource is named as the reader knows it (money: "Funds"), never by its id.
    assert!(plan.contains("- **Funds**: €200,000 planned"), "{plan}");
    assert!(!plan.contains("bud\\`get</code>**"), "{plan}");
    assert!(
        explain.starts_with("# Explanation: <code>it's\\`late</code> Late \\| \\`x\n"),
        "{explain}"
    );
    assert!(
        explain.contains(
            "To repeat: <code>resiplan plan … --set 'resources.bud\\`get.capacity.2027=200\\_000'</code>"
        ),
        "{explain}"
    );
}

#[test]
fn html_shows_backticks_in_text_as_text_and_ids_as_code() {
    let html = stdout(&["plan", BACKTICKS, "-f", "html"]);
    assert!(html.contains("<td>First `one`</td>"), "{html}");
    assert!(!html.contains("<code>one</code>"), "{html}");
    assert!(html.contains("<dt>Funds</dt>"), "{html}");
    assert!(html.contains("<td>Funds: short in 2027–2028"), "{html}");
}

#[test]
fn set_arguments_in_the_summary_are_shell_words() {
    let text = stdout(&[
        "plan",
        MINIMAL,
        "--set",
        "measures.isms.name=ISMS per BSI",
        "--set",
        "measures.isms.cost.budget=400k",
        "-f",
        "markdown",
    ]);
    assert!(
        text.contains(
            "- **Changed**: `--set 'measures.isms.name=ISMS per BSI'` `--set measures.isms.cost.budget=400k`\n"
        ),
        "{text}"
    );
}

const BLANK: &str = "tests/fixtures/ok/blank-names.yaml";

/// Whether `text` shows anything: not only blanks and zero-width characters.
fn shows_something(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}'))
}

#[test]
fn mermaid_statements_keep_a_text_when_names_are_blank_once_cleaned() {
    let gantt = stdout(&["plan", BLANK, "-f", "mermaid"]);
    let mut tasks = 0;
    for line in gantt.lines().filter(|l| l.starts_with("    ")) {
        let statement = line.trim_start();
        if let Some(rest) = statement
            .strip_prefix("title ")
            .or_else(|| statement.strip_prefix("section "))
        {
            assert!(shows_something(rest), "{line:?} in\n{gantt}");
        } else if let Some((task, _)) = statement.split_once(" :") {
            tasks += 1;
            assert!(shows_something(task), "{line:?} in\n{gantt}");
        } else {
            assert!(!statement.starts_with(':'), "a task without text: {line:?}");
        }
    }
    assert_eq!(tasks, 2, "{gantt}");
    // The id stands in for a blank name, the report's word for a blank title or area.
    assert!(
        gantt.contains("\n    backup :crit, 2027-01-01, 2028-01-01\n"),
        "{gantt}"
    );
    assert!(gantt.contains("\n    title Roadmap\n"), "{gantt}");
    let graph = stdout(&["graph", BLANK, "-f", "mermaid"]);
    assert!(graph.contains("m0[\"backup<br>backup\"]"), "{graph}");
    assert!(graph.contains("subgraph a0[\"no area\"]"), "{graph}");
}

const CENTS: &str = "tests/fixtures/ok/cents-short.yaml";

#[test]
fn a_shortage_of_cents_is_never_shown_as_zero() {
    // Tables keep a number and its unit together with a non-breaking space.
    let plan = stdout(&["plan", CENTS]).replace('\u{a0}', " ");
    assert!(
        !plan.contains("€0)") && !plan.contains(" 0.00 FTE"),
        "{plan}"
    );
    assert!(
        plan.contains("Funds: short in 2027 (by at least €0.30)"),
        "{plan}"
    );
    assert!(
        plan.contains("Own staff: short in 2027 (by at least 0.003 FTE)"),
        "{plan}"
    );
    let german = stdout(&["plan", CENTS, "--lang", "de", "-f", "markdown"]);
    assert!(german.contains("es fehlen mindestens 0,30 €"), "{german}");
    let json: Value = serde_json::from_str(&stdout(&["plan", CENTS, "-f", "json"])).expect("JSON");
    let reasons: Vec<&str> = json["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .filter_map(|m| m["reason"]["text"].as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("(by at least €0.30)")),
        "{reasons:?}"
    );
    let explain = stdout(&["explain", CENTS, "b", "-f", "markdown"]);
    assert!(
        explain.contains("needs €50,000.30, free €50,000.00, short by €0.30"),
        "{explain}"
    );
    assert!(
        explain.contains("Funds, 2027: +€0.30 (€100,000.00 → €100,000.30)"),
        "{explain}"
    );
    let explain = stdout(&["explain", CENTS, "c", "--lang", "de", "-f", "markdown"]);
    assert!(
        explain.contains("Bedarf 0,503 VZÄ, frei 0,500 VZÄ, fehlen 0,003 VZÄ"),
        "{explain}"
    );
}

#[test]
fn counts_of_one_are_singular() {
    let plan = stdout(&["plan", CENTS]);
    assert!(plan.contains("2027–2027 (1 year)\n"), "{plan}");
    let german = stdout(&["plan", CENTS, "--lang", "de"]);
    assert!(german.contains("2027–2027 (1 Jahr)\n"), "{german}");
    let explain = stdout(&["explain", CENTS, "d", "-f", "markdown"]);
    assert!(explain.contains("(and one more shortage);"), "{explain}");
    let explain = stdout(&["explain", CENTS, "d", "--lang", "de", "-f", "markdown"]);
    assert!(
        explain.contains("(dazu ein weiterer Engpass);"),
        "{explain}"
    );
}
