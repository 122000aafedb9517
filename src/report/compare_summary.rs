//! `compare --summary`: the comparison short enough for a pull-request comment, whatever
//! the portfolio's size: the gates' verdicts, the figures side by side, and per column the
//! number of changes of each kind and the largest ones. Texts from the portfolio are
//! shortened, so the size depends on the number of columns and resources only (GitHub
//! refuses comments over 65,536 characters; a test keeps a 2,000-measure pair under 60 KB).

use super::compare::{column_heading, summary_table, title};
use super::document::{Block, Document};
use super::lang::de_en;
use super::moves::{change_text, moved_table};
use super::provenance::Provenance;
use crate::analysis::compare::{Comparison, GateResult};
use crate::analysis::{ChangeKind, Moved, Slot};
use crate::model::{Language, Text};

/// Changes listed per column; the rest are counted.
pub const TOP_CHANGES: usize = 20;

/// Characters of a name or id shown; longer ones end in `…`.
const NAME_CHARACTERS: usize = 60;

/// The summary document.
pub fn document(
    comparison: &Comparison,
    gates: &[GateResult],
    language: Language,
    provenance: &Provenance,
) -> Document {
    let l = language;
    let mut blocks: Vec<Block> = super::gates::table(l, gates)
        .map(Block::Table)
        .into_iter()
        .collect();
    blocks.push(Block::Table(summary_table(comparison, l)));
    for s in &comparison.scenarios {
        blocks.push(Block::Heading(shorten_text(column_heading(
            comparison, s, l,
        ))));
        blocks.push(Block::Paragraph(counts(l, &s.moved).into()));
        let mut top: Vec<&Moved> = s.moved.iter().collect();
        // Stable: equal changes stay in portfolio order.
        top.sort_by_key(|m| (weight(m.change), std::cmp::Reverse(months_moved(m))));
        let shown: Vec<Moved> = top
            .iter()
            .take(TOP_CHANGES)
            .map(|m| Moved {
                id: shorten(&m.id),
                name: Text::plain(shorten(m.name.get(l))),
                ..(*m).clone()
            })
            .collect();
        if shown.is_empty() {
            continue;
        }
        let title = de_en(l, "Die größten Änderungen", "The largest changes").to_owned();
        blocks.push(Block::Table(moved_table(l, title, &shown)));
        if s.moved.len() > shown.len() {
            blocks.push(Block::Paragraph(
                format!(
                    "{} {} {}",
                    de_en(l, "… und", "… and"),
                    s.moved.len() - shown.len(),
                    de_en(
                        l,
                        "weitere (der vollständige Bericht: ohne --summary)",
                        "more (the full report: without --summary)"
                    )
                )
                .into(),
            ));
        }
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: shorten_text(title(comparison, l)),
        blocks,
    }
}

/// `2 dropped · 5 later · 1 added` (kinds in order of weight; none: `no measure moved`).
fn counts(l: Language, moved: &[Moved]) -> String {
    let kinds = [
        ChangeKind::Dropped,
        ChangeKind::Later,
        ChangeKind::Added,
        ChangeKind::Earlier,
        ChangeKind::Shifted,
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter_map(|&kind| {
            let n = moved.iter().filter(|m| m.change == kind).count();
            (n > 0).then(|| format!("{n} {}", change_text(l, kind)))
        })
        .collect();
    if parts.is_empty() {
        de_en(l, "Keine Maßnahme hat sich verändert.", "No measure moved.").to_owned()
    } else {
        format!(
            "{}: {}",
            de_en(l, "Änderungen", "Changes"),
            parts.join(" · ")
        )
    }
}

/// The order of kinds in the top list: what a reviewer must see first.
fn weight(change: ChangeKind) -> u8 {
    match change {
        ChangeKind::Dropped => 0,
        ChangeKind::Later => 1,
        ChangeKind::Added => 2,
        ChangeKind::Earlier => 3,
        ChangeKind::Shifted => 4,
    }
}

/// How many months the completion moved (0 unless scheduled in both).
fn months_moved(m: &Moved) -> i64 {
    match (&m.from, &m.to) {
        (
            Slot::Scheduled {
                complete_month: a, ..
            },
            Slot::Scheduled {
                complete_month: b, ..
            },
        ) => (a - b).abs(),
        _ => 0,
    }
}

/// At most [`NAME_CHARACTERS`] characters.
fn shorten(text: &str) -> String {
    if text.chars().count() <= NAME_CHARACTERS {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(NAME_CHARACTERS - 1).collect();
    short.push('…');
    short
}

/// A heading or title, shortened to twice [`NAME_CHARACTERS`].
fn shorten_text(text: super::text::Text) -> super::text::Text {
    let plain = text.to_string();
    if plain.chars().count() <= 2 * NAME_CHARACTERS {
        return text;
    }
    let mut short: String = plain.chars().take(2 * NAME_CHARACTERS - 1).collect();
    short.push('…');
    short.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_shortened() {
        assert_eq!(shorten("abc"), "abc");
        let long = "x".repeat(200);
        assert_eq!(shorten(&long).chars().count(), NAME_CHARACTERS);
        assert!(shorten(&long).ends_with('…'));
    }
}
