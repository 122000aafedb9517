//! The terminal (comfy-table): tables readable in 100 columns, no colour, no
//! dependence on the terminal width when stdout is not a terminal, and no control
//! characters from portfolio text.

use super::lang::Label;
use super::view::{Align, PlanView, Table};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, presets};

/// Width used when stdout is not a terminal, so piped output is byte-stable.
pub const DEFAULT_WIDTH: u16 = 100;

/// From this width on, the measures table also shows names.
pub const WIDE: u16 = 140;

/// Renders one table at `width` columns.
pub fn table(table: &Table, width: u16) -> String {
    table_keeping(table, width, &[])
}

/// Like [`table`], but the columns listed in `keep` are never wrapped (ids, names of files).
pub fn table_keeping(table: &Table, width: u16, keep: &[usize]) -> String {
    let mut out = format!("{}\n", table.title);
    if table.rows.is_empty() {
        out.push_str("  –\n\n");
        return out;
    }
    let mut rendered = comfy_table::Table::new();
    rendered
        .load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(table.header.iter().map(ToString::to_string));
    for row in &table.rows {
        rendered.add_row(row.iter().map(ToString::to_string));
    }
    for (i, align) in table.align.iter().enumerate() {
        if let Some(column) = rendered.column_mut(i) {
            column.set_cell_alignment(match align {
                Align::Left => CellAlignment::Left,
                Align::Right => CellAlignment::Right,
            });
            if keep.contains(&i) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
    }
    out.push_str(&rendered.to_string());
    out.push_str("\n\n");
    out
}

/// The whole plan for the terminal.
pub fn plan(view: &PlanView<'_>, width: u16) -> String {
    let t = |l: Label| l.text(view.language);
    let mut out = format!("{}: {}\n", t(Label::Roadmap), view.portfolio.name);
    if let Some(organisation) = &view.portfolio.organisation {
        out.push_str(&format!("{organisation}\n"));
    }
    out.push('\n');
    // Key–value lines, wrapped to the width like the tables.
    let mut summary = comfy_table::Table::new();
    summary
        .load_style(presets::NOTHING)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    for (key, value) in view.summary() {
        summary.add_row(vec![key.to_string(), value.to_string()]);
    }
    for line in summary.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&table(&view.by_period(), width));
    out.push_str(&table(&view.measures(width >= WIDE), width));
    out.push_str(&table(&view.resource_use(), width));
    out.push_str(&table(&view.coverage(), width));
    out.push_str(&table(&view.not_scheduled(), width));
    for extra in [view.acceptance_table(), view.documents_table()]
        .into_iter()
        .flatten()
    {
        out.push_str(&table(&extra, width));
    }
    let (note, quality) = view.technical_note();
    out.push_str(&format!("{note}: {quality}\n\n"));
    out.push_str(&format!("{}\n", view.provenance.line()));
    out
}

/// Text for a terminal: control characters from portfolio text (escape sequences that
/// could retitle the terminal or hide lines) become `�`; line breaks and tabs stay.
pub fn printable(text: String) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The width of the terminal on stdout, when stdout is one.
pub fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn terminal_text_loses_control_characters_but_keeps_lines() {
        assert_eq!(
            printable("a\u{1b}]0;pwned\u{7}b\n\tc".to_owned()),
            "a\u{FFFD}]0;pwned\u{FFFD}b\n\tc"
        );
        assert_eq!(printable("plain\n".to_owned()), "plain\n");
    }
}
