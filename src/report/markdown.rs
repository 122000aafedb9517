//! Markdown: a document a CI job can commit and GitHub renders well.

use super::lang::Label;
use super::view::{Align, PlanView, Table};

/// Escapes portfolio text for a Markdown table cell or line: pipes, HTML, line breaks, and
/// what would begin a list at the start of a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // At the start of a line, `- `, `+ ` and `1. ` would begin a list (a marker followed by
    // a space or the end); `-5` or `1.234.567 €` would not, and stay as they are.
    let marker_ends = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let list_number =
        digits > 0 && text[digits..].starts_with(['.', ')']) && marker_ends(&text[digits + 1..]);
    if text.starts_with(['-', '+']) && marker_ends(&text[1..]) {
        out.push('\\');
    }
    for (i, c) in text.chars().enumerate() {
        if list_number && i == digits {
            out.push('\\');
        }
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' => out.push_str("\\\\"),
            '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push_str("<br>"),
            // Escape sequences would reach whoever `cat`s the file in a terminal.
            c if c.is_control() && c != '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Cell text: backticks from the view become code spans, the rest is escaped.
pub fn cell(text: &str) -> String {
    // The view marks ids with backticks; keep those spans literal (pipes still escaped).
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push('`');
            let part: String = part
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            out.push_str(&part.replace('|', "\\|"));
            out.push('`');
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// A Markdown table with alignment markers.
pub fn table(table: &Table) -> String {
    let mut out = String::new();
    out.push_str(&format!("## {}\n\n", escape(&table.title)));
    if table.rows.is_empty() {
        out.push_str("–\n\n");
        return out;
    }
    let header: Vec<String> = table.header.iter().map(|h| cell(h)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let markers: Vec<&str> = table
        .align
        .iter()
        .map(|a| match a {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    out.push('|');
    for marker in markers {
        out.push_str(&format!(" {marker} |"));
    }
    out.push('\n');
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}

/// The whole plan report.
pub fn plan(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let portfolio = view.portfolio;
    let mut out = format!("# {}: {}\n\n", t(Label::Roadmap), escape(&portfolio.name));
    if let Some(organisation) = &portfolio.organisation {
        out.push_str(&format!("{}\n\n", escape(organisation)));
    }
    out.push_str(&format!("## {}\n\n", t(Label::Summary)));
    for (key, value) in view.summary() {
        out.push_str(&format!("- **{}**: {}\n", cell(&key), cell(&value)));
    }
    out.push('\n');
    out.push_str(&table(&view.by_period()));
    out.push_str(&table(&view.measures(true)));
    out.push_str(&table(&view.resource_use()));
    out.push_str(&table(&view.coverage()));
    out.push_str(&table(&view.not_scheduled()));
    out.push_str(&format!("<sub>{}</sub>\n", escape(&view.provenance.line())));
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_cannot_start_a_list_or_break_a_table() {
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("+ 1"), "\\+ 1");
        assert_eq!(escape("-5"), "-5");
        assert_eq!(escape("1.234.567 €"), "1.234.567 €");
        assert_eq!(escape("1. Platz"), "1\\. Platz");
        assert_eq!(escape("2027) Plan"), "2027\\) Plan");
        assert_eq!(escape("2027 Plan"), "2027 Plan");
        assert_eq!(escape("a | b"), "a \\| b");
    }
}
