//! The administration's words for what every report shows: resources by name, staff in
//! VZÄ and VZÄ-Jahre (FTE, FTE-years), periods as years, half-years, quarters or months.
//! Shared by the plan reports ([`super::view`]) and the documents ([`super::documents`]).

use super::lang::de_en;
use super::number;
use crate::model::period::PeriodKind;
use crate::model::{Language, Portfolio, Resource, Text};

/// Whether a resource counts staff (unit `FTE` or `VZÄ`).
pub(crate) fn is_staff(resource: &Resource) -> bool {
    resource.is_staff()
}

/// A resource as the reader knows it: its name, else "Haushaltsmittel" for money, "Personal"
/// for staff, else its id.
pub(crate) fn resource_name(portfolio: &Portfolio, r: usize, language: Language) -> String {
    let resource = &portfolio.resources[r];
    resource_label(
        language,
        resource.name.as_ref(),
        resource.unit.as_deref(),
        &portfolio.currency,
        &resource.id.value,
    )
}

/// A resource's name for a reader from its parts: its `name`, else "Haushaltsmittel"
/// (funds) when its unit is the currency, "Eigenes Personal" (own staff) for staff, else
/// its id as plain text.
pub(crate) fn resource_label(
    language: Language,
    name: Option<&Text>,
    unit: Option<&str>,
    currency: &str,
    id: &str,
) -> String {
    if let Some(name) = name {
        return name.get(language).to_owned();
    }
    let staff = unit.is_some_and(crate::model::is_staff_unit);
    if unit == Some(currency) {
        de_en(language, "Haushaltsmittel", "Funds").to_owned()
    } else if staff {
        de_en(language, "Eigenes Personal", "Own staff").to_owned()
    } else {
        id.to_owned()
    }
}

/// "ein Jahr", "ein Halbjahr", "ein Quartal", "einen Monat" (accusative, as in "ein Jahr
/// früher"); "one year", … in English.
pub(crate) fn one_period(kind: PeriodKind, language: Language) -> String {
    let word = period_word(kind, false, language);
    match (kind, language) {
        (PeriodKind::Month, Language::De) => format!("einen {word}"),
        (_, Language::De) => format!("ein {word}"),
        (_, Language::En) => format!("one {word}"),
    }
}

/// An amount of resource `r`: euros, `1,5 VZÄ` (in a period, or a year's average) or
/// `3,0 VZÄ-Jahre` (`total`: staff summed over time, already in years), else the number and
/// the unit.
pub(crate) fn quantity(
    portfolio: &Portfolio,
    r: usize,
    value: f64,
    total: bool,
    language: Language,
) -> String {
    let resource = &portfolio.resources[r];
    let unit = resource.unit.as_deref();
    if unit == Some(portfolio.currency.as_str()) {
        return number::money(language, value, &portfolio.currency);
    }
    let figure = number::number(language, value, if value == value.round() { 0 } else { 1 });
    if is_staff(resource) {
        let one = figure == "1";
        let unit = match (total, language) {
            (true, Language::De) if one => "VZÄ-Jahr",
            (true, Language::En) if one => "FTE-year",
            (true, Language::De) => "VZÄ-Jahre",
            (true, Language::En) => "FTE-years",
            (false, Language::De) => "VZÄ",
            (false, Language::En) => "FTE",
        };
        return format!("{figure} {unit}");
    }
    match unit {
        Some(unit) => format!("{figure} {unit}"),
        None => figure,
    }
}

/// The period word for running text: "Jahr"/"year" for yearly portfolios, else "Quartal",
/// "Halbjahr", "Monat".
pub(crate) fn period_word(kind: PeriodKind, plural: bool, language: Language) -> &'static str {
    match (kind, plural, language) {
        (PeriodKind::Year, false, Language::De) => "Jahr",
        (PeriodKind::Year, true, Language::De) => "Jahre",
        (PeriodKind::Half, false, Language::De) => "Halbjahr",
        (PeriodKind::Half, true, Language::De) => "Halbjahre",
        (PeriodKind::Quarter, false, Language::De) => "Quartal",
        (PeriodKind::Quarter, true, Language::De) => "Quartale",
        (PeriodKind::Month, false, Language::De) => "Monat",
        (PeriodKind::Month, true, Language::De) => "Monate",
        (PeriodKind::Year, false, Language::En) => "year",
        (PeriodKind::Year, true, Language::En) => "years",
        (PeriodKind::Half, false, Language::En) => "half-year",
        (PeriodKind::Half, true, Language::En) => "half-years",
        (PeriodKind::Quarter, false, Language::En) => "quarter",
        (PeriodKind::Quarter, true, Language::En) => "quarters",
        (PeriodKind::Month, false, Language::En) => "month",
        (PeriodKind::Month, true, Language::En) => "months",
    }
}

/// "Haushaltsjahr" for budget years, else the budget period's word.
pub fn year_word(kind: PeriodKind, l: Language) -> &'static str {
    match kind {
        PeriodKind::Year => de_en(l, "Haushaltsjahr", "Budget year"),
        PeriodKind::Half => de_en(l, "Haushaltshalbjahr", "Budget half-year"),
        PeriodKind::Quarter => de_en(l, "Haushaltsquartal", "Budget quarter"),
        PeriodKind::Month => de_en(l, "Haushaltsmonat", "Budget month"),
    }
}
