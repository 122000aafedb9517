//! Where measures are and how they moved, in words, for `compare` and `explain`: a
//! slot as periods or a state, the kind of a move, the table of moved measures, and
//! amounts of a resource in its unit.

use super::lang::{Label, de_en};
use super::number;
use super::text::Text;
use super::view::{Align, Table};
use super::words::resource_label;
use crate::analysis::{ChangeKind, Frame, Moved, Slot};
use crate::model::Language;

/// An amount of resource `r` of `frame`, in its unit.
pub fn amount(language: Language, frame: &Frame, r: usize, value: f64) -> String {
    let resource = &frame.resources[r];
    number::amount(language, value, resource.unit.as_deref(), &frame.currency)
}

/// The resource with id `id` as the reader knows it: its name, else "Haushaltsmittel"
/// (funds) for money, "Eigenes Personal" (own staff) for staff, else its id.
pub fn resource_of(language: Language, frame: &Frame, id: &str) -> String {
    let info = frame.resources.iter().find(|r| r.id == id);
    resource_label(
        language,
        info.and_then(|r| r.name.as_ref()),
        info.and_then(|r| r.unit.as_deref()),
        &frame.currency,
        id,
    )
}

/// An amount of the resource with id `id`, in its unit.
pub fn amount_of(language: Language, frame: &Frame, id: &str, value: f64) -> String {
    amount_of_at(language, frame, id, value, None)
}

/// For a positive amount of the resource with id `id` that must not read as zero (a
/// shortage, an extra capacity), the decimals that show it, for it and the amounts beside
/// it ([`amount_of_at`]); `None` when the usual form shows it.
pub fn precision_of(frame: &Frame, id: &str, value: f64) -> Option<usize> {
    let unit = frame
        .resources
        .iter()
        .find(|r| r.id == id)
        .and_then(|r| r.unit.as_deref());
    number::precision_above_zero(value, unit, &frame.currency)
}

/// An amount of the resource with id `id`, in its unit, with at least `decimals` decimals
/// when given (see [`precision_of`]).
pub fn amount_of_at(
    language: Language,
    frame: &Frame,
    id: &str,
    value: f64,
    decimals: Option<usize>,
) -> String {
    let unit = frame
        .resources
        .iter()
        .find(|r| r.id == id)
        .and_then(|r| r.unit.as_deref());
    number::amount_at(language, value, unit, &frame.currency, decimals)
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
pub(super) fn change_text(language: Language, change: ChangeKind) -> &'static str {
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
