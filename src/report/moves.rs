//! Where measures are and how they moved, in words, for `compare` and `explain`: a
//! slot as periods or a state, the kind of a move, the table of moved measures, and
//! amounts of a resource in its unit.

use super::lang::{Label, de_en};
use super::number;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::{ChangeKind, Frame, Moved, Slot};
use crate::model::Language;

/// An amount of resource `r` of `frame`, in its unit.
pub fn amount(language: Language, frame: &Frame, r: usize, value: f64) -> String {
    let resource = &frame.resources[r];
    number::amount(language, value, resource.unit.as_deref(), &frame.currency)
}

/// An amount of the resource with id `id`, in its unit.
pub fn amount_of(language: Language, frame: &Frame, id: &str, value: f64) -> String {
    match frame.resources.iter().position(|r| r.id == id) {
        Some(r) => amount(language, frame, r, value),
        None => number::number(language, value, number::decimals_for(value)),
    }
}

/// `2028`, `2028–2029`, `done`, `not scheduled`.
pub fn slot_text(language: Language, slot: &Slot) -> String {
    match slot {
        Slot::Scheduled { start, finish, .. } if start == finish => start.clone(),
        Slot::Scheduled { start, finish, .. } => format!("{start}–{finish}"),
        Slot::Done => Label::Done.text(language).to_owned(),
        Slot::NotScheduled => Label::NotScheduled.text(language).to_owned(),
        Slot::Absent => de_en(language, "nicht im Portfolio", "not in the portfolio").to_owned(),
    }
}

/// The kind of a move in words.
fn change_text(language: Language, change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::Earlier => de_en(language, "früher fertig", "earlier"),
        ChangeKind::Later => de_en(language, "später fertig", "later"),
        ChangeKind::Shifted => de_en(language, "verschoben", "shifted"),
        ChangeKind::Dropped => de_en(language, "entfällt", "dropped"),
        ChangeKind::Added => de_en(language, "neu eingeplant", "added"),
    }
}

/// The measures that moved, with where they were and are.
pub fn moved_table(language: Language, title: String, moved: &[Moved]) -> Table {
    Table {
        title: title.into(),
        header: vec![
            Label::Id.text(language).into(),
            Label::Measure.text(language).into(),
            de_en(language, "Änderung", "Change").into(),
            de_en(language, "vorher", "before").into(),
            de_en(language, "nachher", "after").into(),
        ],
        align: vec![Align::Left; 5],
        rows: moved
            .iter()
            .map(|m| {
                vec![
                    Text::code(&m.id),
                    m.name.get(language).into(),
                    change_text(language, m.change).into(),
                    slot_text(language, &m.from).into(),
                    slot_text(language, &m.to).into(),
                ]
            })
            .collect(),
    }
}
