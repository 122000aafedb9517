//! Writing portfolio YAML by hand: scalars quoted only when they must be,
//! amounts as users write them, comments that cannot break out of their line,
//! and whole measures (for `init`, which copies catalog measures inline).
//!
//! The YAML crate here only reads, so every writer of YAML goes through this
//! module. Whatever it writes reads back through [`crate::load`] as the same
//! text and numbers; the tests below and the property tests hold it to that.

use crate::model::raci::Raci;
use crate::model::{Amounts, Language, Measure, Status, Text, group_digits};

/// A scalar: plain when that reads back as the same text, double-quoted otherwise.
///
/// Plain is allowed only for a conservative set: it starts with a letter, uses
/// letters, digits, spaces and harmless punctuation, and is not a word YAML reads
/// as null or a boolean (in YAML 1.2 or 1.1, so other tools agree).
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_owned()
    } else {
        quoted(text)
    }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    const RESERVED: [&str; 22] = [
        "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes",
        "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y",
    ];
    first.is_alphabetic()
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !RESERVED.contains(&text)
        && !matches!(text, "Y" | "n" | "N")
        && text.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '-'
                        | '_'
                        | '.'
                        | '/'
                        | '('
                        | ')'
                        | '+'
                        | '&'
                        | '\''
                        | ';'
                        | '§'
                        | '€'
                        | '–'
                        | '—'
                        | '„'
                        | '“'
                        | '”'
                        | '‚'
                        | '‘'
                        | '’'
                        | '…'
                        | '·'
                )
        })
    // Letters that are not printable in YAML (none today) or invisible ones would be quoted
    // by `quoted`; `is_alphanumeric` admits no control or format characters.
}

/// A double-quoted scalar with every character YAML could misread escaped.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            // Outside YAML's printable set, or invisible marks a reader might strip.
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount as users write it: `25_000`, `0.3`, `1_200_000.5`; exact (shortest round-trip digits).
pub fn amount(value: f64) -> String {
    let text = format!("{value}");
    match text.split_once('.') {
        Some((whole, fraction)) => format!("{}.{fraction}", group_digits(whole)),
        None if value.abs() >= 10_000.0 => group_digits(&text),
        None => text,
    }
}

/// A flow list of scalars: `[a, "b: c"]`.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|i| scalar(i.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// A flow mapping of amounts: `{ budget: 25_000, staff: 0.3 }`.
pub fn amounts(amounts: &Amounts) -> String {
    let items: Vec<String> = amounts
        .iter()
        .map(|(key, value)| format!("{}: {}", scalar(&key.value), amount(value.value)))
        .collect();
    format!("{{ {} }}", items.join(", "))
}

/// `raci` as a flow mapping without the responsible party, which `owner` names:
/// `{ accountable: Dezernat I, consulted: [Personalrat] }`.
pub fn raci(raci: &Raci) -> String {
    let mut items: Vec<String> = Vec::new();
    if let Some(accountable) = &raci.accountable {
        items.push(format!("accountable: {}", scalar(&accountable.value)));
    }
    for (key, parties) in [("consulted", &raci.consulted), ("informed", &raci.informed)] {
        if !parties.is_empty() {
            let names: Vec<&str> = parties.iter().map(|p| p.value.as_str()).collect();
            items.push(format!("{key}: {}", list(&names)));
        }
    }
    format!("{{ {} }}", items.join(", "))
}

/// Comment lines: every line of `text` behind `prefix` and `# `; control characters become spaces.
pub fn comment(prefix: &str, text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let clean: String = line
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let clean = clean.trim_end();
        if clean.is_empty() {
            out.push_str(&format!("{prefix}#\n"));
        } else {
            out.push_str(&format!("{prefix}# {clean}\n"));
        }
    }
    out
}

/// A text field's value: one string when all languages agree, else `{ de: …, en: … }`.
pub fn text(text: &Text) -> String {
    let values: Vec<&String> = text.by_language.values().collect();
    if values.windows(2).all(|w| w[0] == w[1])
        && let Some(first) = values.first()
    {
        return scalar(first);
    }
    let items: Vec<String> = [Language::De, Language::En]
        .iter()
        .filter_map(|l| {
            text.by_language
                .get(l)
                .map(|v| format!("{}: {}", l.code(), scalar(v)))
        })
        .collect();
    format!("{{ {} }}", items.join(", "))
}

/// One measure as a block list item, indented by `indent` spaces; fields that hold their default are left out.
pub fn measure(measure: &Measure, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut lines = vec![format!("{pad}- id: {}", scalar(&measure.id.value))];
    let mut field = |key: &str, value: String| lines.push(format!("{pad}  {key}: {value}"));
    field("name", text(&measure.name));
    if let Some(area) = &measure.area {
        field("area", scalar(area));
    }
    field("duration", measure.duration.value.to_string());
    for (key, values) in [
        ("cost", &measure.cost),
        ("run_cost", &measure.run_cost),
        ("impact", &measure.impact),
    ] {
        if !values.is_empty() {
            field(key, amounts(values));
        }
    }
    for (key, profile) in [
        ("cost_profile", &measure.cost_profile),
        ("staff_profile", &measure.staff_profile),
    ] {
        if let Some(profile) = profile {
            let shares: Vec<String> = profile.value.iter().map(|v| format!("{v}")).collect();
            field(key, format!("[{}]", shares.join(", ")));
        }
    }
    if !measure.depends_on.is_empty() {
        let ids: Vec<&str> = measure
            .depends_on
            .iter()
            .map(|d| d.value.as_str())
            .collect();
        field("depends_on", list(&ids));
    }
    for (key, label) in [
        ("earliest", &measure.earliest),
        ("deadline", &measure.deadline),
    ] {
        if let Some(label) = label {
            field(key, label.value.to_string());
        }
    }
    if measure.mandatory {
        field("mandatory", "true".to_owned());
    }
    if measure.risk_acceptance {
        field("risk_acceptance", "true".to_owned());
    }
    if measure.status.value != Status::Planned {
        field("status", measure.status.value.keyword().to_owned());
    }
    if let Some(start) = &measure.start {
        field("start", start.value.to_string());
    }
    if !measure.tags.is_empty() {
        field("tags", list(&measure.tags));
    }
    if !measure.documents.is_empty() {
        field("documents", list(&measure.documents));
    }
    if let Some(owner) = &measure.owner {
        field("owner", scalar(owner));
    }
    if measure.raci.has_more_than_responsible() {
        field("raci", raci(&measure.raci));
    }
    for (key, value) in [("source", &measure.source), ("notes", &measure.notes)] {
        if let Some(value) = value {
            field(key, scalar(value));
        }
    }
    if let Some(uncertainty) = &measure.uncertainty {
        let ranges: Vec<String> = [
            ("cost", &uncertainty.cost),
            ("duration", &uncertainty.duration),
            ("impact", &uncertainty.impact),
        ]
        .iter()
        .filter_map(|(key, range)| {
            range
                .as_ref()
                .map(|r| format!("{key}: [{}, {}]", amount(r.value[0]), amount(r.value[1])))
        })
        .collect();
        if !ranges.is_empty() {
            field("uncertainty", format!("{{ {} }}", ranges.join(", ")));
        }
    }
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_only_when_it_reads_back_as_text() {
        assert_eq!(
            scalar("Verfahren und Regelungen"),
            "Verfahren und Regelungen"
        );
        assert_eq!(scalar("ASST.1.1"), "ASST.1.1");
        assert_eq!(scalar("Datensicherung (Backup)"), "Datensicherung (Backup)");
        for tricky in [
            "", "true", "no", "null", "1.5", "2027", "-x", "a: b", "a #b", "#x", "x ", " x", "[x]",
            "a, b", "{x}", "*x", "&x", "!x", "%x", "@x", "`x`", "'x'", "\"x\"", "|", ">", "?x",
            "a\nb", "0x1F", ".inf", "~",
        ] {
            assert!(scalar(tricky).starts_with('"'), "{tricky:?} must be quoted");
        }
    }

    #[test]
    fn quoting_escapes_what_yaml_would_misread() {
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quoted("line\nnext\ttab"), r#""line\nnext\ttab""#);
        assert_eq!(
            quoted("\u{1}\u{7f}\u{85}\u{2028}\u{feff}"),
            r#""\x01\x7F\N\L\uFEFF""#
        );
    }

    #[test]
    fn amounts_are_exact_and_grouped() {
        assert_eq!(amount(25_000.0), "25_000");
        assert_eq!(amount(0.3), "0.3");
        assert_eq!(amount(5.0), "5");
        assert_eq!(amount(1_200_000.5), "1_200_000.5");
        assert_eq!(amount(1.0 / 3.0), "0.3333333333333333");
    }

    #[test]
    fn raci_is_written_so_that_it_reads_back() {
        let portfolio = |measures: &str| {
            format!(
                "version: 1\nname: T\ncalendar: {{ period: year, start: 2027, end: 2028 }}\n\
                 resources: {{ budget: {{ unit: EUR, capacity: 1M }} }}\nmeasures:\n{measures}"
            )
        };
        let first = portfolio(
            "  - id: a\n    name: A\n    duration: 1\n    raci: { responsible: \"Amt 10: IT\", \
             accountable: Dezernat I, consulted: [Personalrat, \"ISB, Amt 10\"], informed: [Rat] }\n",
        );
        let path = std::path::Path::new("t.yaml");
        let read = |text: &str| {
            crate::pipeline::score_text(path, text)
                .map(|mut scored| scored.portfolio.measures.remove(0))
                .map_err(|failed| failed.first_error())
        };
        let measure = read(&first).expect("the first reads");
        let written = super::measure(&measure, 2);
        assert!(written.contains("owner: \"Amt 10: IT\""), "{written}");
        let again = read(&portfolio(&written)).expect("the written one reads");
        assert_eq!(again.owner, measure.owner);
        let names = |m: &Measure| {
            let r = &m.raci;
            (
                r.responsible.as_ref().map(|p| p.value.clone()),
                r.accountable.as_ref().map(|p| p.value.clone()),
                r.consulted
                    .iter()
                    .map(|p| p.value.clone())
                    .collect::<Vec<_>>(),
                r.informed
                    .iter()
                    .map(|p| p.value.clone())
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(names(&again), names(&measure));
        assert_eq!(names(&measure).2, ["Personalrat", "ISB, Amt 10"]);
    }

    #[test]
    fn comments_stay_on_their_lines() {
        assert_eq!(comment("", "a\nb\u{2028}c\r"), "# a\n# b c\n");
        assert_eq!(comment("  ", "x\n\ny"), "  # x\n  #\n  # y\n");
    }
}
