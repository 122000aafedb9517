//! Markdown: a document a CI job can commit and GitHub renders well.
//!
//! All text reaches Markdown through this file, in one order: cleaned first (control
//! characters out), then escaped (every character Markdown or HTML would read as syntax),
//! then checked where it stands (the start of a line, where `- `, `1. ` or `---` would open
//! a block). Words are always escaped as words; code ([`Span::Code`]) becomes a code span,
//! or a `<code>` element when it holds a backtick.

use super::lang::Label;
use super::text::{Span, Text};
use super::view::{Align, PlanView, Table};

/// Escapes portfolio text for Markdown: a table cell, a heading, a list item or a line of
/// its own. Line breaks become `<br>`; the text never opens a block.
pub fn escape(text: &str) -> String {
    line_start(&inline(text))
}

/// Report text outside a table: words escaped, code as code.
pub fn text(text: &Text) -> String {
    render(text, false)
}

/// Report text in a table cell: as [`text`], with pipes in code escaped too (GitHub splits
/// cells before it reads code spans).
pub fn cell(text: &Text) -> String {
    render(text, true)
}

fn render(text: &Text, in_table: bool) -> String {
    let mut out = String::new();
    for (i, span) in text.spans().iter().enumerate() {
        match span {
            Span::Plain(words) if i == 0 => out.push_str(&escape(words)),
            Span::Plain(words) => out.push_str(&inline(words)),
            Span::Code(code) => out.push_str(&code_span(code, in_table)),
        }
    }
    out
}

/// Code: a code span, or, when the code holds a backtick (which no code span can hold at
/// every position), a `<code>` element with the text escaped inside.
fn code_span(code: &str, in_table: bool) -> String {
    let code: String = code
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if code.contains('`') {
        format!("<code>{}</code>", inline(&code))
    } else if in_table {
        format!("`{}`", code.replace('|', "\\|"))
    } else {
        format!("`{code}`")
    }
}

/// Cleans, then escapes every character that is syntax in the middle of a line: pipes,
/// HTML, emphasis, links, headings, code and strike-through marks; line breaks become
/// `<br>`, other control characters (escape sequences for whoever `cat`s the file) spaces.
/// An `&` stays as it is (a plain-text reader of the file sees "Steuerung & Strategie")
/// unless what follows would make it an entity (`&amp;`, `&#39;`): then it gets a backslash.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\r' => {}
            '\n' => out.push_str("<br>"),
            c if c.is_control() && c != '\t' => out.push(' '),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("\\&"),
            '\\' => out.push_str("\\\\"),
            '*' | '_' | '[' | ']' | '#' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `rest` (what follows an `&`) would make it a character reference in
/// CommonMark: a name or `#` and digits, then `;`.
fn starts_entity(rest: &str) -> bool {
    let name = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(rest.len(), |(i, _)| i);
    name > 0 && rest[name..].starts_with(';')
}

/// Checks escaped text where it may stand at the start of a line: leading blanks (an
/// indented code block) go, and what would begin a list (`- `, `+ `, `1. `, `2027) `) or a
/// thematic break (`---`) gets a backslash; `-5` or `1.234.567 €` stay as they are.
fn line_start(escaped: &str) -> String {
    let text = escaped.trim_start_matches([' ', '\t']);
    let marker_ends = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let list_item = text.starts_with(['-', '+']) && marker_ends(&text[1..]);
    let thematic_break =
        text.matches('-').count() >= 3 && text.chars().all(|c| matches!(c, '-' | ' ' | '\t'));
    if list_item || thematic_break {
        format!("\\{text}")
    } else if digits > 0
        && text[digits..].starts_with(['.', ')'])
        && marker_ends(&text[digits + 1..])
    {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_owned()
    }
}

/// A Markdown table with alignment markers.
pub fn table(table: &Table) -> String {
    let mut out = String::new();
    out.push_str(&format!("## {}\n\n", text(&table.title)));
    if table.rows.is_empty() {
        out.push_str("–\n\n");
        return out;
    }
    let header: Vec<String> = table.header.iter().map(cell).collect();
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
        let cells: Vec<String> = row.iter().map(cell).collect();
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
        out.push_str(&format!("- **{}**: {}\n", text(&key), text(&value)));
    }
    out.push('\n');
    for extra in [view.duties_table(), view.risk_table()]
        .into_iter()
        .flatten()
    {
        out.push_str(&table(&extra));
    }
    for section in view.update_tables() {
        out.push_str(&table(&section));
    }
    out.push_str(&table(&view.by_period()));
    out.push_str(&table(&view.measures_documented()));
    for extra in [view.quick_wins_table(), view.pilots_table()]
        .into_iter()
        .flatten()
    {
        out.push_str(&table(&extra));
    }
    out.push_str(&table(&view.resource_use()));
    for extra in view.rules_tables() {
        out.push_str(&table(&extra));
    }
    out.push_str(&table(&view.coverage()));
    out.push_str(&table(&view.not_scheduled()));
    for extra in [
        view.acceptance_table(),
        view.documents_table(),
        view.sources_table(),
    ]
    .into_iter()
    .flatten()
    {
        out.push_str(&table(&extra));
    }
    let (note, quality) = view.technical_note();
    out.push_str(&format!("## {}\n\n{}\n\n", text(&note), text(&quality)));
    out.push_str(&format!("<sub>{}</sub>\n", escape(&view.provenance.line())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn an_ampersand_stays_readable_unless_it_would_start_an_entity() {
        assert_eq!(escape("Steuerung & Strategie"), "Steuerung & Strategie");
        assert_eq!(escape("R&D"), "R&D");
        assert_eq!(escape("a &; b &"), "a &; b &");
        assert_eq!(escape("&amp; and &#39;"), "\\&amp; and \\&\\#39;");
    }

    #[test]
    fn the_start_is_checked_after_cleaning() {
        // A control character first used to hide the marker from the check, then became a
        // space: ` - item` still opens a list.
        assert_eq!(escape("\u{1}- item"), "\\- item");
        assert_eq!(escape("   1. x"), "1\\. x");
        assert_eq!(escape("\t\tcode"), "code");
        assert_eq!(escape("-- -"), "\\-- -");
        assert_eq!(escape("~~~"), "\\~\\~\\~");
        assert_eq!(escape("```"), "\\`\\`\\`");
        assert_eq!(escape("a ~struck~ b"), "a \\~struck\\~ b");
    }

    #[test]
    fn words_are_words_and_code_is_code() {
        let text = Text::plain("Name `tick` ") + Text::code("a|b") + " and " + Text::code("x`y");
        assert_eq!(
            super::text(&text),
            "Name \\`tick\\` `a|b` and <code>x\\`y</code>"
        );
        assert_eq!(
            cell(&text),
            "Name \\`tick\\` `a\\|b` and <code>x\\`y</code>"
        );
        // Only the start of the text is a line start.
        assert_eq!(
            super::text(&(Text::code("id") + " - 1. note")),
            "`id` - 1. note"
        );
    }

    /// Strings from characters that Markdown or a reader treats specially.
    fn awkward() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pool: Vec<char> = "a9 -+.)=~*_#`|<>&[]\\\n\r\t\u{1}\u{1b}\u{7f}ä"
            .chars()
            .collect();
        prop::collection::vec(prop::sample::select(pool), 0..12)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_opens_no_block_and_holds_no_raw_syntax(text in awkward()) {
            let out = escape(&text);
            proptest::prop_assert!(!out.starts_with([' ', '\t']), "{:?}", out);
            proptest::prop_assert!(!out.chars().any(|c| c.is_control() && c != '\t'), "{:?}", out);
            let marker_ends = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
            proptest::prop_assert!(!(out.starts_with(['-', '+']) && marker_ends(&out[1..])), "{:?}", out);
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            proptest::prop_assert!(
                !(digits > 0 && out[digits..].starts_with(['.', ')']) && marker_ends(&out[digits + 1..])),
                "{:?}", out
            );
            proptest::prop_assert!(
                !(out.matches('-').count() >= 3 && out.chars().all(|c| matches!(c, '-' | ' ' | '\t'))),
                "{:?}", out
            );
            // Every syntax character is escaped: drop escaped pairs and entities, none is left.
            let bare = out.replace("\\\\", "").replace("<br>", "");
            let mut rest = bare.as_str();
            let mut left = String::new();
            while let Some(c) = rest.chars().next() {
                if c == '\\' {
                    rest = &rest[1..];
                    if let Some(next) = rest.chars().next() {
                        rest = &rest[next.len_utf8()..];
                    }
                    continue;
                }
                left.push(c);
                rest = &rest[c.len_utf8()..];
            }
            for raw in ['|', '<', '>', '*', '_', '`', '~', '[', ']', '#'] {
                proptest::prop_assert!(!left.contains(raw), "{:?} in {:?}", raw, out);
            }
        }
    }
}
