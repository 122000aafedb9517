//! Mermaid: the roadmap as a Gantt chart and the dependency graph as a flowchart,
//! both rendered by GitHub and GitLab in ```` ```mermaid ```` blocks.
//!
//! Portfolio text never reaches Mermaid's parser as syntax: every ASCII character
//! that could end a statement, open a comment or directive, or be read as markup
//! becomes an entity code (`#35;`), which Mermaid turns back into the character
//! when it draws. Nodes and tasks get generated ids (`m0`, `m1`, …), never the
//! portfolio's ids.
//!
//! Every text of a statement (title, section, task, node and subgraph label) goes through
//! one function, `text`: escaped first, then checked. A text that is blank once escaped
//! (a name made of control characters) would leave `title`, `section` or a task without
//! its text and break the whole chart, so the next candidate (the id) or a dash stands in.

use super::lang::{Label, de_en};
use super::view::{self, GraphView, PlanView, RowStatus};
use crate::model::period::PeriodKind;

/// Escapes text for a Mermaid label, title or comment: letters, digits, spaces and
/// `- _ . , / ( ) ' + ? ! *` stay; other ASCII punctuation becomes `#<code>;`;
/// line breaks and other control characters become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || (c.is_whitespace() && c != ' ') {
            out.push(' ');
        } else if !c.is_ascii()
            || c.is_ascii_alphanumeric()
            || matches!(
                c,
                ' ' | '-' | '_' | '.' | ',' | '/' | '(' | ')' | '\'' | '+' | '?' | '!' | '*'
            )
        {
            out.push(c);
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out
}

/// Escapes text for a `%%` comment, which ends only at a line break: line breaks and
/// other control characters become spaces, and `%`, `{`, `}` entity codes, so that no
/// `%%{…}%%` directive can be formed. The rest stays readable; Mermaid never draws comments.
pub fn comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '{' | '}' => out.push_str(&format!("#{};", u32::from(c))),
            c if c.is_control() || (c.is_whitespace() && c != ' ') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Words that the Gantt lexer reads as statements when a line starts with them.
const GANTT_KEYWORDS: [&str; 19] = [
    "gantt",
    "dateformat",
    "inclusiveenddates",
    "topaxis",
    "axisformat",
    "tickinterval",
    "includes",
    "excludes",
    "todaymarker",
    "weekday",
    "weekend",
    "title",
    "accdescription",
    "acctitle",
    "accdescr",
    "section",
    "click",
    "call",
    "href",
];

/// Characters that draw nothing: a text made only of them (and blanks) is empty to a reader.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

/// The one way text enters a Mermaid statement: the first of `candidates` that still shows
/// something once escaped and trimmed, else a dash. Never empty.
fn text(candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|candidate| escape(candidate).trim().to_owned())
        .find(|escaped| !escaped.chars().all(invisible))
        .unwrap_or_else(|| "–".to_owned())
}

/// A Gantt statement's text ([`text`]), never starting like a statement or a date.
fn task_text(candidates: &[&str]) -> String {
    let escaped = text(candidates);
    let lower = escaped.to_lowercase();
    let statement_like = GANTT_KEYWORDS.iter().any(|k| lower.starts_with(k))
        || escaped.starts_with(|c: char| c.is_ascii_digit());
    match escaped.chars().next() {
        Some(first) if statement_like => {
            format!("#{};{}", u32::from(first), &escaped[first.len_utf8()..])
        }
        _ => escaped,
    }
}

/// How tick labels on the time axis are written (d3 time format).
fn axis_format(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "%Y",
        PeriodKind::Half | PeriodKind::Quarter | PeriodKind::Month => "%Y-%m",
    }
}

/// The roadmap as a Gantt chart: sections by area, bars from the first day of the
/// start period to the first day after the finish period, milestones and done
/// measures as milestones (done ones at the start of the horizon), mandatory
/// measures as `crit`. Measures not scheduled are listed in a comment.
pub fn plan(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let calendar = &view.portfolio.calendar;
    let mut out = format!(
        "%% {}: {} ({} {})\n",
        t(Label::Roadmap),
        comment(&view.portfolio.name),
        t(Label::MadeWith),
        comment(&view.provenance.line())
    );
    out.push_str("gantt\n");
    out.push_str(&format!(
        "    title {}\n",
        task_text(&[&view.portfolio.name, t(Label::Roadmap)])
    ));
    out.push_str("    dateFormat YYYY-MM-DD\n");
    out.push_str(&format!(
        "    axisFormat {}\n",
        axis_format(calendar.period)
    ));
    out.push_str("    todayMarker off\n");
    let order = view.chart_order();
    for group in view::area_groups(view.portfolio, &order) {
        out.push_str(&format!(
            "    section {}\n",
            task_text(&[view.area_name(group.area), t(Label::NoArea)])
        ));
        for j in group.measures {
            let row = view.row(j);
            let mut tags: Vec<&str> = Vec::new();
            // `crit`: the critical chain (total slack 0); mandatory measures off it are `active`.
            if view.critical(j) {
                tags.push("crit");
            } else if row.mandatory {
                tags.push("active");
            }
            let (start, end) = match (row.status, row.periods) {
                (Some(RowStatus::Scheduled), Some((first, last))) if row.duration > 0 => (
                    view::period_date(calendar, first),
                    view::period_date(calendar, last + 1),
                ),
                (Some(RowStatus::Scheduled), Some((first, _))) => {
                    tags.push("milestone");
                    (view::period_date(calendar, first), "0d".to_owned())
                }
                // Done before the horizon: complete when the horizon starts.
                _ => {
                    tags.extend(["done", "milestone"]);
                    (view::period_date(calendar, 0), "0d".to_owned())
                }
            };
            tags.push(&start);
            tags.push(&end);
            out.push_str(&format!(
                "    {} :{}\n",
                task_text(&[row.name, row.id]),
                tags.join(", ")
            ));
            out.push_str(&go_no_go(view, j));
        }
    }
    let not_scheduled: Vec<_> = view
        .rows()
        .into_iter()
        .filter(|r| r.status == Some(RowStatus::NotScheduled))
        .collect();
    if !not_scheduled.is_empty() {
        out.push_str(&format!("%% {}:\n", t(Label::NotScheduledTitle)));
        for row in not_scheduled {
            out.push_str(&format!(
                "%% - {} ({}): {}\n",
                comment(row.name),
                comment(row.id),
                comment(
                    &row.reason
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                )
            ));
        }
    }
    out
}

/// The dependency graph as a left-to-right flowchart: one subgraph per area (when
/// there are areas), nodes labelled with id and name, an arrow from each
/// dependency to what depends on it; done measures dashed and grey, mandatory ones
/// with a heavy border.
pub fn graph(view: &GraphView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let mut out = format!("%% {}: {}\n", t(Label::Dependencies), comment(view.title));
    if let Some(provenance) = view.provenance {
        out.push_str(&format!("%% {}\n", comment(&provenance.line())));
    }
    out.push_str("flowchart LR\n");
    let node = |j: usize| {
        let n = &view.nodes[j];
        let mut label = format!("{}<br>{}", text(&[n.id]), text(&[n.name, n.id]));
        if n.mandatory {
            label.push_str(&format!("<br>({})", escape(t(Label::MandatoryNote))));
        }
        if n.done {
            label.push_str(&format!("<br>({})", escape(t(Label::Done))));
        }
        format!("m{j}[\"{label}\"]")
    };
    let grouped = view.groups.iter().any(|g| g.area.is_some());
    for (g, group) in view.groups.iter().enumerate() {
        let indent = if grouped && group.area.is_some() {
            out.push_str(&format!(
                "    subgraph a{g}[\"{}\"]\n",
                text(&[view.area_name(group.area), t(Label::NoArea)])
            ));
            "        "
        } else {
            "    "
        };
        for &j in &group.measures {
            out.push_str(&format!("{indent}{}\n", node(j)));
        }
        if grouped && group.area.is_some() {
            out.push_str("    end\n");
        }
    }
    for (from, to) in &view.edges {
        out.push_str(&format!("    m{from} --> m{to}\n"));
    }
    let members = |pick: fn(&view::GraphNode<'_>) -> bool| -> Vec<String> {
        (0..view.nodes.len())
            .filter(|&j| pick(&view.nodes[j]))
            .map(|j| format!("m{j}"))
            .collect()
    };
    let done = members(|n| n.done);
    let mandatory = members(|n| n.mandatory);
    out.push_str(
        "    classDef done fill:#eeeeee,stroke:#8a8a8a,color:#555555,stroke-dasharray:4 3\n",
    );
    out.push_str("    classDef mandatory stroke:#7a1f2b,stroke-width:3px\n");
    if !done.is_empty() {
        out.push_str(&format!("    class {} done\n", done.join(",")));
    }
    if !mandatory.is_empty() {
        out.push_str(&format!("    class {} mandatory\n", mandatory.join(",")));
    }
    out
}

/// The go/no-go milestone after pilot `j` (at the end of its last period), when it is a
/// scheduled pilot; else nothing.
fn go_no_go(view: &PlanView<'_>, j: usize) -> String {
    let Some(rollout) = view
        .pilots()
        .into_iter()
        .find(|&(p, _)| p == j)
        .map(|(_, r)| r)
    else {
        return String::new();
    };
    let Some(last) = view.go_no_go(j) else {
        return String::new();
    };
    let word = de_en(view.language, "Go/No-Go-Entscheidung", "Go/no-go decision");
    format!(
        "    {} :milestone, {}, 0d\n",
        task_text(&[&format!("{word}: {}", view.name(rollout)), word]),
        view::period_date(&view.portfolio.calendar, last + 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_characters_become_entity_codes() {
        assert_eq!(escape("a: b; c # d"), "a#58; b#59; c #35; d");
        assert_eq!(escape("x\ny\r\tz"), "x y  z");
        assert_eq!(escape("\"<script>\""), "#34;#60;script#62;#34;");
        assert_eq!(escape("%%{init}%%"), "#37;#37;#123;init#125;#37;#37;");
        assert_eq!(escape("Größe – 3-2-1"), "Größe – 3-2-1");
        assert_eq!(escape("a|b`c\\d"), "a#124;b#96;c#92;d");
    }

    #[test]
    fn comments_stay_on_their_line_and_hold_no_directive() {
        assert_eq!(
            comment("a\n%%{init: {\"theme\": \"dark\"}}%%"),
            "a #37;#37;#123;init: #123;\"theme\": \"dark\"#125;#125;#37;#37;"
        );
        assert_eq!(
            comment("`budget` reicht nicht; 2029"),
            "`budget` reicht nicht; 2029"
        );
    }

    #[test]
    fn task_texts_never_start_like_a_statement() {
        assert_eq!(task_text(&["Title of a measure"]), "#84;itle of a measure");
        assert_eq!(task_text(&["click here"]), "#99;lick here");
        assert_eq!(task_text(&["2027-01-01 kickoff"]), "#50;027-01-01 kickoff");
        assert_eq!(task_text(&["  Backup"]), "Backup");
        assert_eq!(task_text(&["Ägide"]), "Ägide");
    }

    #[test]
    fn a_text_blank_once_escaped_gives_way_to_the_next() {
        // The check used to run before escaping: control characters passed it, became
        // spaces and left the task without a text.
        assert_eq!(task_text(&["\u{1}\u{2}\u{7f}", "backup"]), "backup");
        assert_eq!(
            task_text(&["\u{200b}\u{feff} \u{3000}", "title-id"]),
            "#116;itle-id"
        );
        assert_eq!(text(&["\r\n\t", "\u{1b}"]), "–");
    }

    /// Strings from characters that Mermaid or a reader treats specially.
    fn awkward() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pool: Vec<char> = "aZ9 -:;#%{}\"'`|<>\\\n\r\t\u{1}\u{1b}\u{7f}\u{85}\u{a0}\u{200b}\u{202e}\u{feff}\u{3000}ä"
            .chars()
            .collect();
        prop::collection::vec(prop::sample::select(pool), 0..12)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn every_statement_text_shows_something_and_holds_no_syntax(name in awkward(), id in awkward()) {
            let text = task_text(&[&name, &id]);
            proptest::prop_assert!(!text.chars().all(invisible), "{:?}", text);
            proptest::prop_assert_eq!(text.trim(), text.as_str());
            let lower = text.to_lowercase();
            proptest::prop_assert!(!GANTT_KEYWORDS.iter().any(|k| lower.starts_with(k)), "{:?}", text);
            proptest::prop_assert!(!text.starts_with(|c: char| c.is_ascii_digit()), "{:?}", text);
            // Outside entity codes, no character that ends a statement or opens markup.
            let bare: String = text.split('#').enumerate().map(|(i, part)| {
                if i == 0 { part.to_owned() } else {
                    let digits = part.chars().take_while(char::is_ascii_digit).count();
                    part[digits..].strip_prefix(';').map_or_else(|| format!("#{part}"), str::to_owned)
                }
            }).collect();
            for raw in [':', ';', '#', '%', '{', '}', '"', '`', '|', '<', '>', '\\'] {
                proptest::prop_assert!(!bare.contains(raw), "{:?} in {:?}", raw, text);
            }
            proptest::prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
        }
    }
}
