//! The export formats (CSV, Mermaid, HTML) and the `graph` command (Mermaid, DOT):
//! snapshots, byte-stability, and hostile portfolio text in every format.

use crate::support::{resiplan, stdout};
use predicates::prelude::*;

const EXAMPLE: &str = "examples/musterstadt.yaml";
const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";
const HOSTILE: &str = "tests/fixtures/ok/hostile.yaml";

fn stem(file: &str) -> &str {
    std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("x")
}

#[test]
fn export_snapshots() {
    for file in [EXAMPLE, MINIMAL] {
        let stem = stem(file);
        for format in ["csv", "mermaid", "html"] {
            let text = stdout(&["plan", file, "--format", format]);
            insta::assert_snapshot!(format!("plan_{stem}_{format}"), text);
        }
        for format in ["mermaid", "dot"] {
            let text = stdout(&["graph", file, "--format", format]);
            insta::assert_snapshot!(format!("graph_{stem}_{format}"), text);
        }
    }
    // The other language, and the ranking.
    let text = stdout(&["plan", EXAMPLE, "--format", "csv", "--lang", "en"]);
    insta::assert_snapshot!("plan_musterstadt_csv_en", text);
    let text = stdout(&["plan", EXAMPLE, "--format", "html", "--lang", "en"]);
    insta::assert_snapshot!("plan_musterstadt_html_en", text);
    for format in ["csv", "html"] {
        let text = stdout(&["rank", EXAMPLE, "--format", format]);
        insta::assert_snapshot!(format!("rank_musterstadt_{format}"), text);
    }
}

#[test]
fn exports_are_byte_identical_across_runs() {
    for args in [
        ["plan", EXAMPLE, "--format", "csv"],
        ["plan", EXAMPLE, "--format", "mermaid"],
        ["plan", EXAMPLE, "--format", "html"],
        ["graph", EXAMPLE, "--format", "mermaid"],
        ["graph", EXAMPLE, "--format", "dot"],
    ] {
        assert_eq!(
            stdout(&args),
            stdout(&args),
            "{args:?} differs between runs"
        );
    }
}

/// Splits CSV text into records of fields (RFC 4180), independently of the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    parse_csv_with(text, ',')
}

/// [`parse_csv`] with another separator (`;` for `--csv-dialect excel-de`).
pub(crate) fn parse_csv_with(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == separator => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '\n' && c != '\r', "bare line break outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "last record unterminated"
    );
    records
}

#[test]
fn csv_is_rfc_4180_with_numbers_that_stay_numbers() {
    for lang in ["de", "en"] {
        let text = stdout(&["plan", EXAMPLE, "-f", "csv", "--lang", lang]);
        let records = parse_csv(&text);
        assert_eq!(records.len(), 40, "header and 39 measures");
        let header = &records[0];
        assert!(records.iter().all(|r| r.len() == header.len()));
        let column = |name: &str| header.iter().position(|h| h == name).expect(name);
        // Column ids, the same in every language.
        let (value, cost) = (column("value"), column("cost_konsumtiv"));
        for record in &records[1..] {
            for cell in [&record[value], &record[cost]] {
                assert!(
                    cell.contains('.') && cell.parse::<f64>().is_ok(),
                    "{cell} is not a number with a decimal point ({lang})"
                );
            }
        }
    }
    let rank = parse_csv(&stdout(&["rank", EXAMPLE, "-f", "csv"]));
    assert_eq!(rank.len(), 40);
    assert_eq!(rank[1][0], "1", "rank order");
}

#[test]
fn hostile_text_in_csv_is_quoted_and_never_a_formula() {
    let records = parse_csv(&stdout(&["plan", HOSTILE, "-f", "csv"]));
    assert_eq!(
        records.len(),
        7,
        "header and 6 measures, whatever the line breaks"
    );
    let names: Vec<&str> = records[1..].iter().map(|r| r[1].as_str()).collect();
    for expected in [
        "'=cmd|' /C calc'!A0",
        "Name with | pipe and <script>alert('x')</script>",
        "Two\nlines \"quoted\" and \\backslash\\N",
        "'+SUM(A1:A2); #35; title of a task",
        "'@formula -1 \\\"}%% `tick",
        "'\tTabbed\r\nCR name",
    ] {
        assert!(names.contains(&expected), "{expected:?} not in {names:?}");
    }
    for record in &records {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
    assert_eq!(records[1][0], "'@cmd", "ids are text cells too");
    assert!(records[0].contains(&"cost_<staff>".to_owned()));
    // The unit is in the spreadsheet dialect's header, quoted.
    let excel = stdout(&["plan", HOSTILE, "-f", "csv", "--csv-dialect", "excel-de"]);
    let excel = parse_csv_with(excel.trim_start_matches('\u{feff}'), ';');
    assert!(excel[0].contains(&"Kosten <staff> (F\"TE)".to_owned()));
}

/// Replaces Mermaid entity codes (`#35;`) with their characters.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
        match (
            tail[digits.len()..].starts_with(';'),
            digits.parse::<u32>().ok().and_then(char::from_u32),
        ) {
            (true, Some(c)) => {
                out.push(c);
                rest = &tail[digits.len() + 1..];
            }
            _ => panic!("a raw `#` reached Mermaid: {text}"),
        }
    }
    out.push_str(rest);
    out
}

/// Mermaid statements (not comments) must not hold characters that end a statement, open a
/// comment or markup, except inside entity codes.
fn assert_no_raw_syntax(line: &str) {
    let mut bare = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('#') {
        bare.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let digits = tail.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && tail[digits..].starts_with(';') {
            rest = &tail[digits + 1..];
        } else {
            bare.push('#');
            rest = tail;
        }
    }
    bare.push_str(rest);
    for raw in [
        '<', '>', ';', '#', '%', '{', '}', '|', '`', '\\', '"', '\t', '\r',
    ] {
        assert!(!bare.contains(raw), "raw {raw:?} in Mermaid line {line:?}");
    }
}

#[test]
fn hostile_text_in_the_mermaid_gantt_is_entity_coded() {
    let text = stdout(&["plan", HOSTILE, "-f", "mermaid"]);
    let mut tasks = Vec::new();
    for line in text.lines() {
        if line.starts_with("%%") {
            assert!(!line.contains("%%{"), "a directive in a comment: {line}");
            continue;
        }
        assert!(
            line == "gantt" || line.starts_with("    "),
            "a line break escaped into the chart: {line:?}"
        );
        if let Some((task, data)) = line.trim_start().split_once(" :") {
            assert_no_raw_syntax(task);
            assert!(!task.contains(':'), "raw colon in {task:?}");
            tasks.push(decode_entities(task));
            assert!(
                data.split(", ")
                    .all(|d| d.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')),
                "task data {data:?}"
            );
        } else if let Some(section) = line.trim_start().strip_prefix("section ") {
            assert_no_raw_syntax(section);
        }
    }
    for expected in [
        "=cmd|' /C calc'!A0",
        "Name with | pipe and <script>alert('x')</script>",
        "Two lines \"quoted\" and \\backslash\\N",
        "+SUM(A1:A2); #35; title of a task",
        "Tabbed  CR name",
    ] {
        assert!(
            tasks.iter().any(|t| t == expected),
            "{expected:?} not in {tasks:?}"
        );
    }
    assert!(
        text.contains("%% - @formula -1 \\\"#125;#37;#37; `tick (back\\slash): "),
        "the measure not scheduled is listed in a comment:\n{text}"
    );
    assert!(
        text.contains(":crit, 2028-01-01, 2028-07-01"),
        "on the critical chain is crit"
    );
    assert!(text.contains(":done, milestone, 2027-01-01, 0d"), "done");
    assert!(
        text.contains(":crit, milestone, 2028-07-01, 0d"),
        "milestone"
    );
}

#[test]
fn hostile_text_in_the_mermaid_graph_is_entity_coded() {
    let text = stdout(&["graph", HOSTILE, "--format", "mermaid"]);
    let mut labels = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with("%%")) {
        // Labels sit between `["` and `"]`; everything outside is generated.
        let Some((head, rest)) = line.split_once("[\"") else {
            let statement = line.trim();
            let edge = statement.split(" --> ").all(|node| {
                node.strip_prefix('m')
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            });
            assert!(
                edge || ["flowchart LR", "end"].contains(&statement)
                    || statement.starts_with("classDef ")
                    || statement.starts_with("class "),
                "not a generated statement: {line:?}"
            );
            continue;
        };
        let (label, tail) = rest.rsplit_once("\"]").expect("closed label");
        assert!(tail.is_empty(), "text after the label: {line:?}");
        assert!(
            head.trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ')
        );
        assert!(!label.contains('"'), "raw quote in {label:?}");
        assert_no_raw_syntax(&label.replace("<br>", " "));
        labels.push(decode_entities(&label.replace("<br>", "\n")));
    }
    assert!(labels.contains(
        &"pipe|id\nName with | pipe and <script>alert('x')</script>\n(mandatory)".to_owned()
    ));
    assert!(labels.contains(&"q\"uote\nTwo lines \"quoted\" and \\backslash\\N".to_owned()));
    assert!(labels.contains(&"<b>Security</b>".to_owned()));
    assert!(
        labels.contains(&"Area: with # and ; and %%{init: {\"theme\": \"dark\"}}%%".to_owned())
    );
    assert_eq!(text.matches(" --> ").count(), 3, "one arrow per dependency");
}

/// The quoted strings of a DOT file, unescaped (`\"` and `\\`), checking that none holds a raw line break.
fn dot_strings(text: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next().expect("string closes") {
                '"' => break,
                '\\' => match chars.next().expect("escape") {
                    'n' => s.push('\n'),
                    '"' => s.push('"'),
                    '\\' => s.push('\\'),
                    other => panic!("unexpected escape \\{other} in {s}"),
                },
                '\n' | '\r' => panic!("raw line break in a DOT string: {s}"),
                c => s.push(c),
            }
        }
        strings.push(s);
    }
    strings
}

/// A DOT line without its quoted strings (which may hold escaped quotes).
fn outside_quotes(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            out.push(c);
            continue;
        }
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                _ => {}
            }
        }
    }
    out
}

#[test]
fn hostile_text_in_dot_is_quoted_and_escaped() {
    let text = stdout(&["graph", HOSTILE, "--format", "dot"]);
    let strings = dot_strings(&text);
    for id in [
        "@cmd",
        "pipe|id",
        "q\"uote",
        "semi;colon#hash",
        "back\\slash",
        "tab",
    ] {
        assert!(
            strings.contains(&id.to_owned()),
            "id {id:?} not quoted in\n{text}"
        );
    }
    // Labels are the id and the name on lines of their own, exactly as written.
    assert!(strings.contains(&"q\"uote\nTwo\nlines \"quoted\" and \\backslash\\N".to_owned()));
    assert!(strings.contains(&"back\\slash\n@formula -1 \\\"}%% `tick".to_owned()));
    assert!(
        text.contains("\"q\\\"uote\" [label="),
        "quotes in ids are escaped"
    );
    for line in text.lines() {
        let outside = outside_quotes(line);
        assert!(
            !outside.contains(['<', '|', '\\', '#', '%']),
            "unquoted text: {line}"
        );
    }
    assert_eq!(text.matches(" -> ").count(), 3);
}

#[test]
fn dot_output_is_accepted_by_graphviz_when_installed() {
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("skipped: Graphviz `dot` is not on PATH");
        return;
    }
    for file in [EXAMPLE, HOSTILE] {
        let text = stdout(&["graph", file, "--format", "dot"]);
        let mut child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("dot starts");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
        let output = child.wait_with_output().expect("dot runs");
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "dot rejected {file}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let svg = String::from_utf8_lossy(&output.stdout);
        if file == HOSTILE {
            assert!(
                svg.contains(
                    "Name with | pipe and &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                )
            );
            assert!(svg.contains(">lines &quot;quoted&quot; and \\backslash\\N<"));
        }
    }
}

#[test]
fn hostile_text_in_html_is_escaped_everywhere() {
    let html = stdout(&["plan", HOSTILE, "-f", "html"]);
    for raw in ["<script", "<b>", "<img", "\"quoted\"", "'x'"] {
        assert!(!html.contains(raw), "raw {raw:?} in the HTML");
    }
    for escaped in [
        "Hostile &lt;script&gt;alert(1)&lt;/script&gt; | &quot;quoted&quot; ; #hash",
        "&lt;b&gt;Security&lt;/b&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "Name with | pipe and &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
    ] {
        assert!(html.contains(escaped), "{escaped:?} missing");
    }
    // In SVG tooltips and attributes too.
    assert!(html.contains("<title>pipe|id · Name with | pipe and &lt;script&gt;"));
    assert!(html.contains("aria-label=\"budget\""));
    assert!(html.contains("aria-label=\"&lt;staff&gt;\""));
    let rank = stdout(&["rank", HOSTILE, "-f", "html"]);
    assert!(!rank.contains("<script") && rank.contains("&lt;script&gt;"));
}

#[test]
fn hostile_text_in_markdown_is_escaped() {
    let markdown = stdout(&["plan", HOSTILE, "-f", "markdown"]);
    assert!(
        !markdown.contains("<script") && !markdown.contains("<b>") && !markdown.contains("<img")
    );
    for line in markdown.lines().filter(|l| l.starts_with('|')) {
        // Unescaped pipes are the cell borders: as many on every row of a table as in its header.
        let borders = line
            .match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'))
            .count();
        assert!(
            [5, 9, 6, 4, 7].contains(&borders),
            "a pipe from the portfolio split a cell: {line}"
        );
    }
    assert!(markdown.contains("| pipe\\|id | pipe\\|id |"));
    assert!(markdown.contains("Name with \\| pipe and &lt;script&gt;"));
    assert!(
        markdown.contains("Two<br>lines"),
        "line breaks stay inside the cell"
    );
}

#[test]
fn html_is_self_contained() {
    let html = stdout(&["plan", EXAMPLE, "-f", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    for outside in [
        "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import",
    ] {
        assert!(
            !html.contains(outside),
            "{outside} in a self-contained page"
        );
    }
    let links = html.matches("http").count();
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(links, namespaces, "the only URLs are SVG namespaces");
    assert!(namespaces >= 5, "Gantt, two resources, curve, coverage");
    assert!(html.contains("@media print") && html.contains("size: A4 landscape"));
    let english = stdout(&["plan", EXAMPLE, "-f", "html", "--lang", "en"]);
    assert!(english.contains("<html lang=\"en\">") && english.contains("<h2>Schedule</h2>"));
}

#[test]
fn rank_has_no_gantt_chart() {
    resiplan()
        .args(["rank", EXAMPLE, "-f", "mermaid"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("invalid value 'mermaid' for '--format <FORMAT>'").and(
                predicate::str::contains("[possible values: table, markdown, json, csv, html]"),
            ),
        );
}

#[test]
fn graph_writes_files_checks_drift_and_refuses_broken_portfolios() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("deps.dot");
    let out_arg = out.to_str().expect("utf-8 path");
    resiplan()
        .args(["graph", MINIMAL, "-f", "dot", "-o", out_arg])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        stdout(&["graph", MINIMAL, "-f", "dot"])
    );
    resiplan()
        .args(["graph", MINIMAL, "-f", "dot", "-o", out_arg, "--check"])
        .assert()
        .success();
    resiplan()
        .args(["graph", MINIMAL, "-f", "mermaid", "-o", out_arg, "--check"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is out of date"));
    assert!(
        stdout(&["graph", MINIMAL]).contains("flowchart LR"),
        "Mermaid by default"
    );
    resiplan()
        .args(["graph", "tests/fixtures/broken/dependency-cycle.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("dependency cycle"));
    resiplan()
        .args(["graph", MINIMAL, "-f", "png"])
        .assert()
        .code(2);
}

#[test]
fn graph_labels_follow_the_language() {
    let text = stdout(&["graph", MINIMAL, "--lang", "de"]);
    assert!(
        text.contains("ISMS nach Grundschutz<br>(Pflichtmaßnahme)"),
        "{text}"
    );
    let text = stdout(&["graph", EXAMPLE, "--format", "dot", "--lang", "en"]);
    assert!(text.contains("label=\"Dependencies: "));
}
