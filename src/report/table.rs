//! The terminal (comfy-table): tables readable in 100 columns, no colour, no
//! dependence on the terminal width when stdout is not a terminal, and no control
//! characters from portfolio text.

use super::lang::Label;
use super::view::{Align, PlanView, Table};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};

/// Width used when stdout is not a terminal, so piped output is byte-stable.
pub const DEFAULT_WIDTH: u16 = 100;

/// From this width on, the measures table also shows names.
pub const WIDE: u16 = 140;

/// The longest word a column is kept wide enough for; longer ones (long ids) may break.
const LONGEST_WORD: usize = 16;

/// Units that stay on the line of their number: a non-breaking space between them.
const UNITS: [&str; 6] = ["€", "%", "VZÄ", "FTE", "EUR", "Mio."];

/// `12.000.000 €`, `0,80 VZÄ`, `91 %` with a non-breaking space, so a table wraps before
/// the number, never between it and its unit.
fn glue_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for (i, c) in text.char_indices() {
        let glue = c == ' '
            && previous.is_some_and(|p: char| p.is_ascii_digit())
            && UNITS.iter().any(|unit| text[i + 1..].starts_with(unit));
        out.push(if glue { '\u{a0}' } else { c });
        previous = Some(c);
    }
    out
}

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
        .set_header(table.header.iter().map(|h| glue_units(&h.to_string())));
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| glue_units(&cell.to_string()))
                .collect()
        })
        .collect();
    // Each column at least as wide as its longest word, so that words wrap between them,
    // not inside: the widest bounds that fit the width, from every whole word, to words up
    // to 16 characters in headers and cells, to cells with headers' words up to 10
    // characters, to cells only; else the widest columns give up characters first.
    let header: Vec<String> = table.header.iter().map(ToString::to_string).collect();
    let longest = |texts: &mut dyn Iterator<Item = &String>, cap: usize| {
        texts
            .flat_map(|text| text.split([' ', '\n']))
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let bounds = |header_cap: usize| -> Vec<usize> {
        (0..header.len())
            .map(|i| {
                let cap = header_cap.max(LONGEST_WORD);
                let cells = longest(&mut rows.iter().filter_map(|row| row.get(i)), cap);
                cells.max(longest(&mut std::iter::once(&header[i]), header_cap))
            })
            .collect()
    };
    let frame = 3 * header.len() + 1; // a border and two spaces of padding per column
    let words = [usize::MAX, LONGEST_WORD, 10, 0]
        .into_iter()
        .map(bounds)
        .find(|words| words.iter().sum::<usize>() + frame <= usize::from(width))
        .or_else(|| squeezed(bounds(0), usize::from(width).saturating_sub(frame)));
    for row in rows {
        rendered.add_row(row);
    }
    for (i, align) in table.align.iter().enumerate() {
        if let Some(column) = rendered.column_mut(i) {
            column.set_cell_alignment(match align {
                Align::Left => CellAlignment::Left,
                Align::Right => CellAlignment::Right,
            });
            if keep.contains(&i) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            } else if let Some(words) = &words {
                // comfy-table's widths include the padding of one space on either side.
                let word = u16::try_from(words[i] + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(word)));
            }
        }
    }
    out.push_str(&rendered.to_string());
    out.push_str("\n\n");
    out
}

/// Column bounds that fit `room` characters when whole words cannot: the widest columns
/// give up characters first, one at a time, so that only the longest words (ids, long
/// compounds) are split and short columns (periods, amounts, shares) stay whole. `None`
/// when even that cannot fit (then the table is left to comfy-table).
fn squeezed(mut bounds: Vec<usize>, room: usize) -> Option<Vec<usize>> {
    /// No column is squeezed below this.
    const NARROWEST: usize = 6;
    while bounds.iter().sum::<usize>() > room {
        let (widest, &most) = bounds
            .iter()
            .enumerate()
            .max_by_key(|&(i, b)| (*b, usize::MAX - i))?;
        if most <= NARROWEST {
            return None;
        }
        bounds[widest] = most - 1;
    }
    Some(bounds)
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
        summary.add_row(vec![key.to_string(), glue_units(&value.to_string())]);
    }
    for line in summary.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    for extra in [view.duties_table(), view.risk_table()]
        .into_iter()
        .flatten()
    {
        out.push_str(&table(&extra, width));
    }
    for section in view.update_tables() {
        out.push_str(&table(&section, width));
    }
    out.push_str(&table(&view.by_period(), width));
    out.push_str(&table(&view.measures(width >= WIDE), width));
    for extra in [view.quick_wins_table(), view.pilots_table()]
        .into_iter()
        .flatten()
    {
        out.push_str(&table(&extra, width));
    }
    out.push_str(&table(&view.resource_use(), width));
    for extra in view.rules_tables() {
        out.push_str(&table(&extra, width));
    }
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
    use super::{glue_units, printable, squeezed, table};
    use crate::report::text::Text;
    use crate::report::view::{Align, Table};

    #[test]
    fn long_ids_stay_whole_when_the_table_fits() {
        let long = Table {
            title: Text::plain("Fristen"),
            header: vec!["ID".into(), "Maßnahme".into(), "Frist".into()],
            align: vec![Align::Left, Align::Left, Align::Right],
            rows: vec![vec![
                Text::code("registermodernisierung"),
                "Registermodernisierung: Identifikationsnummer in Fachregistern".into(),
                "2028-Q4".into(),
            ]],
        };
        let text = table(&long, 100);
        assert!(text.contains("`registermodernisierung`"), "{text}");
        assert!(text.contains("Identifikationsnummer"), "{text}");
    }

    #[test]
    fn the_widest_columns_give_way_first() {
        assert_eq!(squeezed(vec![30, 8, 20], 50), Some(vec![22, 8, 20]));
        assert_eq!(squeezed(vec![30, 8, 28], 50), Some(vec![21, 8, 21]));
        assert_eq!(squeezed(vec![10, 10], 11), None);
    }

    #[test]
    fn terminal_text_loses_control_characters_but_keeps_lines() {
        assert_eq!(
            printable("a\u{1b}]0;pwned\u{7}b\n\tc".to_owned()),
            "a\u{FFFD}]0;pwned\u{FFFD}b\n\tc"
        );
        assert_eq!(printable("plain\n".to_owned()), "plain\n");
    }

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(
            glue_units("12.000.000 € · 2 VZÄ"),
            "12.000.000\u{a0}€ · 2\u{a0}VZÄ"
        );
        assert_eq!(glue_units("91 % in 2027 und"), "91\u{a0}% in 2027 und");
        assert_eq!(glue_units("Amt 10 / IT"), "Amt 10 / IT");
    }
}
