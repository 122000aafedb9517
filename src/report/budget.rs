//! `budget`: the Haushalt view as a document (terminal, Markdown, and HTML in [`super::html`]), in
//! the administration's words (Auszahlungen für Investitionen, Aufwendungen, Personal in
//! VZÄ-Jahren, Folgekosten, Verpflichtungsermächtigungen). Every number comes from
//! [`crate::analysis::budget`]; this file only words and formats it.

use super::document::{Block, Document};
use super::lang::de_en;
use super::number::{money, number};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use super::words::resource_label;
pub use super::words::year_word;
use crate::analysis::budget::{Haushalt, Line, MoneyLine};
use crate::model::{Language, ResourceKind};

/// The line's resource as the reader knows it: its name, else "Haushaltsmittel" for money,
/// "Eigenes Personal" for staff, else its id.
pub fn name(h: &Haushalt, line: &Line, l: Language) -> String {
    let unit = match line.kind {
        // Investment and operating money without a unit is money in the currency.
        ResourceKind::Investment | ResourceKind::Operating if line.unit.is_none() => {
            Some(h.currency.as_str())
        }
        _ => line.unit.as_deref(),
    };
    resource_label(l, line.name.as_ref(), unit, &h.currency, &line.id)
}

/// The budget line a kind of money is booked on.
pub fn kind_label(kind: ResourceKind, l: Language) -> &'static str {
    match kind {
        ResourceKind::Investment => {
            de_en(l, "Auszahlungen für Investitionen", "Capital expenditure")
        }
        ResourceKind::Operating => de_en(l, "Aufwendungen", "Operating expenses"),
        ResourceKind::Staff => de_en(l, "Personal (VZÄ-Jahre)", "Staff (FTE-years)"),
        ResourceKind::Other => de_en(l, "Sonstige Mittel", "Other funds"),
    }
}

/// The money lines in the order of a budget: investment, operating, other.
pub fn in_budget_order(h: &Haushalt) -> Vec<&MoneyLine> {
    let mut lines: Vec<&MoneyLine> = h.money.iter().collect();
    lines.sort_by_key(|m| match m.resource.kind {
        ResourceKind::Investment => 0,
        ResourceKind::Operating => 1,
        _ => 2,
    });
    lines
}

/// A money line's row label: its budget line ("Auszahlungen für Investitionen",
/// "Aufwendungen"), with the resource's name when several resources share the line; money of
/// another kind by its name.
pub fn money_label(h: &Haushalt, line: &Line, l: Language) -> String {
    if line.kind == ResourceKind::Other {
        return name(h, line, l);
    }
    let shared = h
        .money
        .iter()
        .filter(|m| m.resource.kind == line.kind)
        .count()
        > 1;
    if shared {
        format!("{} – {}", kind_label(line.kind, l), name(h, line, l))
    } else {
        kind_label(line.kind, l).to_owned()
    }
}

/// A staff line's row label: "Personal (VZÄ-Jahre)", with the name when there are several.
fn staff_label(h: &Haushalt, line: &Line, l: Language) -> String {
    if h.staff.len() > 1 {
        format!(
            "{} – {}",
            kind_label(ResourceKind::Staff, l),
            name(h, line, l)
        )
    } else {
        kind_label(ResourceKind::Staff, l).to_owned()
    }
}

/// `what` for the line, e.g. "Folgekosten" alone for the only money line, else
/// "Folgekosten – Aufwendungen".
fn of_line(what: &str, label: String, alone: bool) -> String {
    if alone {
        what.to_owned()
    } else {
        format!("{what} – {label}")
    }
}
/// One row: a label, one cell per budget period, and the sum.
fn row(label: String, values: &[f64], format: &dyn Fn(f64) -> String) -> Vec<Text> {
    let mut cells: Vec<Text> = vec![label.into()];
    cells.extend(values.iter().map(|v| format(*v).into()));
    cells.push(format(values.iter().sum()).into());
    cells
}

fn header(h: &Haushalt, first: &str, total: bool, l: Language) -> Vec<Text> {
    let mut header: Vec<Text> = vec![first.into()];
    header.extend(h.years.iter().map(|y| y.to_string().into()));
    if total {
        header.push(de_en(l, "Summe", "Total").into());
    }
    header
}

/// The currency as a table's title gives it: `€` for euros, else the code.
fn currency_sign(h: &Haushalt) -> &str {
    if h.currency == "EUR" {
        "€"
    } else {
        &h.currency
    }
}

/// Whole currency units without the sign (the title names the currency), so that five
/// budget years and a sum fit a 100-column terminal.
fn whole(l: Language) -> impl Fn(f64) -> String {
    move |v| number(l, v, 0)
}

fn titled(title: String, header: Vec<Text>, rows: Vec<Vec<Text>>) -> Table {
    let mut align = vec![Align::Right; header.len()];
    align[0] = Align::Left;
    Table {
        title: title.into(),
        header,
        align,
        rows,
    }
}

/// Payments, staff, personnel costs, the places for grants, own share and depreciation,
/// and follow-up costs, per budget period.
fn overview(h: &Haushalt, l: Language) -> Table {
    let cash = whole(l);
    let fte = |v: f64| number(l, v, 2);
    let mut rows = Vec::new();
    let money_lines = in_budget_order(h);
    let one_money = h.money.len() == 1;
    let one_staff = h.staff.len() == 1;
    for m in &money_lines {
        rows.push(row(money_label(h, &m.resource, l), &m.payments, &cash));
    }
    for s in &h.staff {
        rows.push(row(staff_label(h, &s.resource, l), &s.fte_years, &fte));
        if let Some(costs) = &s.personnel_costs {
            let what = de_en(l, "Personalkosten", "Personnel costs");
            let label = of_line(what, name(h, &s.resource, l), one_staff);
            rows.push(row(label, costs, &cash));
        }
    }
    // Filled by funding programmes and `useful_life`; absent until then.
    let placeholders = [
        (&h.grants, de_en(l, "Zuwendungen", "Grants received")),
        (&h.own_share, de_en(l, "Eigenanteil", "Own share")),
        (&h.depreciation, de_en(l, "Abschreibungen", "Depreciation")),
    ];
    for (values, label) in placeholders {
        if let Some(values) = values {
            rows.push(row(label.to_owned(), values, &cash));
        }
    }
    // Follow-up costs where there are any (over the horizon or after it).
    let nothing = |values: &[f64], after: f64| values.iter().all(|v| *v == 0.0) && after == 0.0;
    for m in money_lines
        .iter()
        .filter(|m| !nothing(&m.follow_up, m.after_horizon))
    {
        let what = de_en(l, "Folgekosten", "Follow-up costs");
        let label = of_line(what, money_label(h, &m.resource, l), one_money);
        rows.push(row(label, &m.follow_up, &cash));
    }
    for s in (h.staff.iter()).filter(|s| !nothing(&s.follow_up_fte_years, s.after_horizon)) {
        let what = de_en(
            l,
            "Folgekosten Personal (VZÄ-Jahre)",
            "Follow-up staff (FTE-years)",
        );
        let label = of_line(what, name(h, &s.resource, l), one_staff);
        rows.push(row(label, &s.follow_up_fte_years, &fte));
    }
    let title = de_en(
        l,
        format!(
            "Haushalt je {} (in {})",
            year_word(h.budget_period, l),
            currency_sign(h)
        ),
        format!(
            "Budget per {} (in {})",
            year_word(h.budget_period, l).to_lowercase(),
            currency_sign(h)
        ),
    );
    titled(
        title,
        header(h, de_en(l, "Position", "Line"), true, l),
        rows,
    )
}

/// Verpflichtungsermächtigungen per money line, and per kind where several lines share it.
fn commitments(h: &Haushalt, l: Language) -> Table {
    let cash = whole(l);
    let mut rows = Vec::new();
    for (kind, total) in h.commitments_by_kind() {
        let lines: Vec<&MoneyLine> = (h.money.iter())
            .filter(|m| m.resource.kind == kind)
            .collect();
        for m in &lines {
            rows.push(row(money_label(h, &m.resource, l), &m.commitments, &cash));
        }
        if lines.len() > 1 {
            let label = format!(
                "{} {}",
                kind_label(kind, l),
                de_en(l, "zusammen", "together")
            );
            rows.push(row(label, &total, &cash));
        }
    }
    titled(
        format!(
            "{} (in {})",
            de_en(
                l,
                "Verpflichtungsermächtigungen",
                "Commitment appropriations"
            ),
            currency_sign(h)
        ),
        header(h, de_en(l, "Position", "Line"), true, l),
        rows,
    )
}

/// Capacity, carried in, used and left per money line.
fn capacity(h: &Haushalt, l: Language) -> Table {
    let cash = |v: Option<f64>| {
        v.map_or_else(
            || de_en(l, "unbegrenzt", "unlimited").to_owned(),
            |v| number(l, v, 0),
        )
    };
    let mut rows = Vec::new();
    let alone = h.money.len() == 1;
    for m in in_budget_order(h) {
        let who = money_label(h, &m.resource, l);
        let mut push = |label: &str, values: Vec<Option<f64>>| {
            let mut cells: Vec<Text> = vec![of_line(label, who.clone(), alone).into()];
            cells.extend(values.into_iter().map(|v| cash(v).into()));
            rows.push(cells);
        };
        push(de_en(l, "Ansatz", "Appropriation"), m.capacity.clone());
        if m.carry_over {
            push(
                de_en(l, "übertragen", "carried over"),
                m.carried_in.iter().map(|v| Some(*v)).collect(),
            );
        }
        push(
            de_en(l, "verplant", "planned"),
            m.used.iter().map(|v| Some(*v)).collect(),
        );
        push(de_en(l, "Rest", "Left"), m.left.clone());
    }
    titled(
        format!(
            "{} (in {})",
            de_en(l, "Kapazität und Rest", "Capacity and rest"),
            currency_sign(h)
        ),
        header(h, de_en(l, "Position", "Line"), false, l),
        rows,
    )
}

/// Payments per measure and money line.
fn by_measure(h: &Haushalt, l: Language) -> Table {
    let cash = whole(l);
    let mut rows = Vec::new();
    for measure in &h.measures {
        for (m, payments) in h.money.iter().zip(&measure.payments) {
            if payments.iter().all(|v| *v == 0.0) {
                continue;
            }
            let mut cells = row(String::new(), payments, &cash);
            cells[0] = Text::plain(format!("{} ", measure.name.get(l))) + Text::code(&measure.id);
            cells.insert(1, name(h, &m.resource, l).into());
            rows.push(cells);
        }
    }
    let mut head = header(h, de_en(l, "Maßnahme", "Measure"), true, l);
    head.insert(1, de_en(l, "Mittel", "Funds").into());
    let mut table = titled(
        format!(
            "{} (in {})",
            de_en(l, "Auszahlungen je Maßnahme", "Payments per measure"),
            currency_sign(h)
        ),
        head,
        rows,
    );
    table.align[1] = Align::Left;
    table
}

/// Run costs per budget period after the horizon, of the resources that have any.
fn after_horizon(h: &Haushalt, l: Language) -> Table {
    let mut rows: Vec<Vec<Text>> = in_budget_order(h)
        .into_iter()
        .filter(|m| m.after_horizon != 0.0)
        .map(|m| {
            let label = money_label(h, &m.resource, l);
            vec![label.into(), money(l, m.after_horizon, &h.currency).into()]
        })
        .collect();
    rows.extend(h.staff.iter().filter(|s| s.after_horizon != 0.0).map(|s| {
        let fte = format!(
            "{} {}",
            number(l, s.after_horizon, 2),
            de_en(l, "VZÄ", "FTE")
        );
        vec![name(h, &s.resource, l).into(), fte.into()]
    }));
    let per = year_word(h.budget_period, l);
    Table {
        title: de_en(
            l,
            format!("Folgekosten nach dem Horizont (je {per})"),
            format!(
                "Follow-up costs after the horizon (per {})",
                per.to_lowercase()
            ),
        )
        .into(),
        header: vec![
            de_en(l, "Position", "Line").into(),
            de_en(l, "Betrag", "Amount").into(),
        ],
        align: vec![Align::Left, Align::Right],
        rows,
    }
}

/// The Haushalt view as a document; `by_measure` adds the payments per measure.
pub fn document(
    h: &Haushalt,
    by_measure_too: bool,
    l: Language,
    provenance: &Provenance,
) -> Document {
    let per = year_word(h.budget_period, l);
    let mut blocks = vec![
        Block::Table(overview(h, l)),
        Block::Paragraph(
            de_en(
                l,
                format!(
                    "Nominale Beträge je {per} (Zahlungsprofile und Preisindex angewandt). Folgekosten: \
                     Betriebskosten abgeschlossener Maßnahmen im {per}."
                ),
                format!(
                    "Nominal amounts per {} (payment profiles and price index applied). Follow-up \
                     costs: run costs of completed measures in the {}.",
                    per.to_lowercase(),
                    per.to_lowercase()
                ),
            )
            .into(),
        ),
        Block::Table(commitments(h, l)),
        Block::Paragraph(
            de_en(
                l,
                format!(
                    "Was Maßnahmen, die im {per} beginnen, für Auszahlungen in späteren \
                     {per}en binden."
                ),
                format!(
                    "What measures that start in the {} commit for payments in later {}s.",
                    per.to_lowercase(),
                    per.to_lowercase()
                ),
            )
            .into(),
        ),
        Block::Table(capacity(h, l)),
        Block::Table(after_horizon(h, l)),
    ];
    if by_measure_too {
        blocks.push(Block::Table(by_measure(h, l)));
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!("{}: {}", de_en(l, "Haushalt", "Budget"), h.portfolio).into(),
        blocks,
    }
}
