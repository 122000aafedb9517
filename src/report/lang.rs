//! Report language: labels in German and English, and number formats
//! (`1.234.567 €` / `€1,234,567`).

use crate::model::Language;

/// A fixed text in reports; each variant is the text it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Roadmap,
    Summary,
    Objective,
    Quality,
    ObjectiveNote,
    Measures,
    Measure,
    Id,
    Rank,
    Value,
    ValuePerMillion,
    Enables,
    Start,
    Finish,
    Status,
    Cost,
    RunCost,
    Area,
    Mandatory,
    MandatoryNote,
    Deadline,
    Scheduled,
    Done,
    NotScheduled,
    NotScheduledTitle,
    Reason,
    ResourceUse,
    Period,
    Periods,
    Resource,
    Used,
    Capacity,
    Utilisation,
    ResilienceCurve,
    FollowUpCosts,
    FollowUpNote,
    Coverage,
    Dimension,
    Achieved,
    Possible,
    Horizon,
    ByPeriod,
    Milestone,
    Yes,
    Ranking,
    PerPeriod,
    Starts,
    Completes,
    Nothing,
    // Exports and charts (csv, mermaid, dot, html).
    NoArea,
    Duration,
    Schedule,
    Dependencies,
    Planned,
    Fixed,
    DoneBeforeHorizon,
    MadeWith,
}

/// The text of a label in a language.
pub fn text(language: Language, label: Label) -> &'static str {
    use Label as L;
    let (de, en) = match label {
        L::Roadmap => ("Roadmap", "Roadmap"),
        L::Summary => ("Überblick", "Summary"),
        L::Objective => (
            "Resilienz-Perioden (Zielwert)",
            "Resilience-periods (objective)",
        ),
        L::Quality => ("Güte", "Quality"),
        L::ObjectiveNote => (
            "Summe der Werte abgeschlossener Maßnahmen über alle Perioden bis zum Ende des Bewertungszeitraums",
            "sum of the values of completed measures over every period to the end of the evaluation tail",
        ),
        L::Measures => ("Maßnahmen", "Measures"),
        L::Measure => ("Maßnahme", "Measure"),
        L::Id => ("ID", "ID"),
        L::Rank => ("Rang", "Rank"),
        L::Value => ("Wert", "Value"),
        L::ValuePerMillion => ("Wert je Mio.", "Value per million"),
        L::Enables => ("ermöglicht", "Enables"),
        L::Start => ("Beginn", "Start"),
        L::Finish => ("Ende", "Finish"),
        L::Status => ("Status", "Status"),
        L::Cost => ("Kosten", "Cost"),
        L::RunCost => ("Folgekosten/Periode", "Run cost/period"),
        L::Area => ("Bereich", "Area"),
        L::Mandatory => ("Pflicht", "Mandatory"),
        L::MandatoryNote => ("Pflichtmaßnahme", "mandatory"),
        L::Deadline => ("Frist", "Deadline"),
        L::Scheduled => ("eingeplant", "scheduled"),
        L::Done => ("erledigt", "done"),
        L::NotScheduled => ("nicht eingeplant", "not scheduled"),
        L::NotScheduledTitle => ("Nicht eingeplant", "Not scheduled"),
        L::Reason => ("Grund", "Reason"),
        L::ResourceUse => ("Ressourcennutzung je Periode", "Resource use per period"),
        L::Period => ("Periode", "Period"),
        L::Periods => ("Perioden", "periods"),
        L::Resource => ("Ressource", "Resource"),
        L::Used => ("genutzt", "used"),
        L::Capacity => ("Kapazität", "capacity"),
        L::Utilisation => ("Auslastung", "Utilisation"),
        L::ResilienceCurve => ("Resilienzkurve", "Resilience curve"),
        L::FollowUpCosts => (
            "Folgekosten nach dem Horizont",
            "Follow-up costs after the horizon",
        ),
        L::FollowUpNote => ("je Periode", "per period"),
        L::Coverage => ("Abdeckung je Dimension", "Coverage per dimension"),
        L::Dimension => ("Dimension", "Dimension"),
        L::Achieved => ("erreicht", "achieved"),
        L::Possible => ("möglich", "possible"),
        L::Horizon => ("Horizont", "Horizon"),
        L::ByPeriod => ("Roadmap nach Perioden", "Roadmap by period"),
        L::Milestone => ("Meilenstein", "milestone"),
        L::Yes => ("ja", "yes"),
        L::Ranking => ("Priorisierung", "Ranking"),
        L::PerPeriod => ("je Periode", "per period"),
        L::Starts => ("beginnt", "starts"),
        L::Completes => ("abgeschlossen", "complete"),
        L::Nothing => ("–", "–"),
        L::NoArea => ("ohne Bereich", "no area"),
        L::Duration => ("Dauer (Perioden)", "Duration (periods)"),
        L::Schedule => ("Zeitplan", "Schedule"),
        L::Dependencies => ("Abhängigkeiten", "Dependencies"),
        L::Planned => ("geplant", "planned"),
        L::Fixed => ("fest terminiert", "fixed start"),
        L::DoneBeforeHorizon => ("vor dem Horizont erledigt", "done before the horizon"),
        L::MadeWith => ("Erstellt mit", "Made with"),
    };
    match language {
        Language::De => de,
        Language::En => en,
    }
}

/// A number with `decimals` decimals and thousands separators in the language's style.
pub fn number(language: Language, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return if value > 0.0 {
            "∞".to_owned()
        } else {
            "–".to_owned()
        };
    }
    let (thousands, decimal) = match language {
        Language::De => ('.', ','),
        Language::En => (',', '.'),
    };
    // Rust formats floats itself (no libc), so the rounding is the same on every platform.
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && text.chars().any(|c| c != '0' && c != '.');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// An amount of money: `1.234.567 €` (German) or `€1,234,567` (English); other currencies by code.
pub fn money(language: Language, value: f64, currency: &str) -> String {
    let amount = number(language, value, 0);
    match (language, currency) {
        (Language::De, "EUR") => format!("{amount} €"),
        (Language::En, "EUR") => format!("€{amount}"),
        (Language::De, code) => format!("{amount} {code}"),
        (Language::En, code) => format!("{code} {amount}"),
    }
}

/// An amount of a resource in its unit: money for the currency, else the number and unit.
pub fn amount(language: Language, value: f64, unit: Option<&str>, currency: &str) -> String {
    match unit {
        Some(u) if u == currency => money(language, value, currency),
        Some(u) => format!("{} {u}", number(language, value, decimals_for(value))),
        None => number(language, value, decimals_for(value)),
    }
}

/// Whole numbers show no decimals; others show up to two.
pub fn decimals_for(value: f64) -> usize {
    if (value - value.round()).abs() < 1e-9 {
        0
    } else {
        2
    }
}

/// A share as a percentage: `85 %` (German) or `85%` (English).
pub fn percent(language: Language, share: f64) -> String {
    let value = number(language, share * 100.0, 0);
    match language {
        Language::De => format!("{value} %"),
        Language::En => format!("{value}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_number_formats() {
        assert_eq!(money(Language::De, 1_234_567.4, "EUR"), "1.234.567 €");
        assert_eq!(money(Language::En, 1_234_567.4, "EUR"), "€1,234,567");
        assert_eq!(number(Language::De, 1234.5, 2), "1.234,50");
        assert_eq!(number(Language::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Language::En, 999.0, 0), "999");
        assert_eq!(number(Language::De, -0.001, 0), "0");
        assert_eq!(number(Language::En, -1500.0, 0), "-1,500");
        assert_eq!(percent(Language::De, 0.856), "86 %");
        assert_eq!(amount(Language::En, 2.5, Some("FTE"), "EUR"), "2.50 FTE");
        assert_eq!(money(Language::En, 10.0, "CHF"), "CHF 10");
    }
}
