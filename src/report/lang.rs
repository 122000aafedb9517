//! Report language: the one way reports choose between German and English text.
//!
//! Every report text goes through [`de_en`]: a fixed word as a pair of `&'static str`,
//! a sentence with arguments as a pair of `String`s. Words that several reports share
//! (table headings, status words) are named once as a [`Label`], whose text is such a
//! pair, so that the same word reads the same everywhere. Numbers and amounts in the
//! language's style are formatted in [`super::number`].

use crate::model::Language;
use crate::model::period::PeriodKind;

/// The German or the English text, whichever `language` is. `T` is `&'static str` for
/// fixed words and `String` for sentences built with `format!`.
pub fn de_en<T>(language: Language, de: T, en: T) -> T {
    match language {
        Language::De => de,
        Language::En => en,
    }
}

/// A fixed text that several reports share; each variant is the text it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // the variant names are the texts
pub enum Label {
    Roadmap,
    Summary,
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
    MandatoryShort,
    Owner,
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
    // Catalogs.
    Catalogs,
    Name,
    File,
    Areas,
    Title,
    DurationPeriods,
    DependsOn,
    Source,
    CostsAndSources,
    // Analysis reports (compare, explain, frontier). The objective's name and unit come
    // from `objective_words`, never from a fixed label.
    Change,
    FollowUp,
    // Critical path, quick wins, pilots.
    Slack,
    Critical,
    CriticalPath,
}

impl Label {
    /// The text of this label in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let (de, en) = self.pair();
        de_en(language, de, en)
    }

    /// The text of this label in `language` for a calendar of `period`s: the period words
    /// read "Jahr"/"year" when a period is a year (a reader thinks in years, not periods).
    pub fn text_for(self, language: Language, period: PeriodKind) -> &'static str {
        let named = match period {
            PeriodKind::Year => self.yearly(),
            PeriodKind::Half => self.half_yearly(),
            PeriodKind::Quarter => self.quarterly(),
            PeriodKind::Month => self.monthly(),
        };
        match named {
            Some((de, en)) => de_en(language, de, en),
            None => self.text(language),
        }
    }

    /// The labels that name a period, for calendars of half years.
    fn half_yearly(self) -> Option<(&'static str, &'static str)> {
        use Label as L;
        Some(match self {
            L::Period => ("Halbjahr", "Half year"),
            L::Periods | L::DurationPeriods => ("Halbjahre", "half years"),
            L::ByPeriod => ("Roadmap nach Halbjahren", "Roadmap by half year"),
            L::PerPeriod | L::FollowUpNote => ("je Halbjahr", "per half year"),
            L::RunCost => ("Folgekosten/Halbjahr", "Run cost/half year"),
            L::Duration => ("Dauer (Halbjahre)", "Duration (half years)"),
            L::ObjectiveNote => (
                "jede abgeschlossene Maßnahme zählt ihren Wert in jedem Halbjahr bis zum Ende des Bewertungszeitraums",
                "each completed measure counts its value in every half year to the end of the evaluation period",
            ),
            _ => return None,
        })
    }

    /// The labels that name a period, for calendars of quarters.
    fn quarterly(self) -> Option<(&'static str, &'static str)> {
        use Label as L;
        Some(match self {
            L::Period => ("Quartal", "Quarter"),
            L::Periods | L::DurationPeriods => ("Quartale", "quarters"),
            L::ByPeriod => ("Roadmap nach Quartalen", "Roadmap by quarter"),
            L::PerPeriod | L::FollowUpNote => ("je Quartal", "per quarter"),
            L::RunCost => ("Folgekosten/Quartal", "Run cost/quarter"),
            L::Duration => ("Dauer (Quartale)", "Duration (quarters)"),
            L::ObjectiveNote => (
                "jede abgeschlossene Maßnahme zählt ihren Wert in jedem Quartal bis zum Ende des Bewertungszeitraums",
                "each completed measure counts its value in every quarter to the end of the evaluation period",
            ),
            _ => return None,
        })
    }

    /// The labels that name a period, for calendars of months.
    fn monthly(self) -> Option<(&'static str, &'static str)> {
        use Label as L;
        Some(match self {
            L::Period => ("Monat", "Month"),
            L::Periods | L::DurationPeriods => ("Monate", "months"),
            L::ByPeriod => ("Roadmap nach Monaten", "Roadmap by month"),
            L::PerPeriod | L::FollowUpNote => ("je Monat", "per month"),
            L::RunCost => ("Folgekosten/Monat", "Run cost/month"),
            L::Duration => ("Dauer (Monate)", "Duration (months)"),
            L::ObjectiveNote => (
                "jede abgeschlossene Maßnahme zählt ihren Wert in jedem Monat bis zum Ende des Bewertungszeitraums",
                "each completed measure counts its value in every month to the end of the evaluation period",
            ),
            _ => return None,
        })
    }

    /// German and English of the labels that name a period, for yearly calendars.
    fn yearly(self) -> Option<(&'static str, &'static str)> {
        use Label as L;
        Some(match self {
            L::Period => ("Jahr", "Year"),
            L::Periods => ("Jahre", "years"),
            L::ByPeriod => ("Roadmap nach Jahren", "Roadmap by year"),
            L::PerPeriod | L::FollowUpNote => ("je Jahr", "per year"),
            L::RunCost => ("Folgekosten/Jahr", "Run cost/year"),
            L::ResourceUse => ("Ressourcennutzung je Jahr", "Resource use per year"),
            L::Duration => ("Dauer (Jahre)", "Duration (years)"),
            L::ObjectiveNote => (
                "jede abgeschlossene Maßnahme zählt ihren Wert in jedem Jahr bis zum Ende des Bewertungszeitraums",
                "each completed measure counts its value in every year to the end of the evaluation period",
            ),
            L::DurationPeriods => ("Jahre", "Years"),
            _ => return None,
        })
    }

    /// German and English.
    fn pair(self) -> (&'static str, &'static str) {
        use Label as L;
        match self {
            L::Roadmap => ("Roadmap", "Roadmap"),
            L::Summary => ("Überblick", "Summary"),
            L::Quality => ("Planungsgüte", "Planning quality"),
            L::ObjectiveNote => (
                "jede abgeschlossene Maßnahme zählt ihren Wert in jeder Periode bis zum Ende des Bewertungszeitraums",
                "each completed measure counts its value in every period to the end of the evaluation period",
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
            L::MandatoryShort => ("Pflicht", "mandatory"),
            L::Owner => ("Verantwortlich", "Responsible"),
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
            L::Catalogs => ("Kataloge", "Catalogs"),
            L::Name => ("Name", "Name"),
            L::File => ("Datei", "File"),
            L::Areas => ("Bereiche", "Areas"),
            L::Title => ("Titel", "Title"),
            L::DurationPeriods => ("Perioden", "Periods"),
            L::DependsOn => ("Hängt ab von", "Depends on"),
            L::Source => ("Quelle", "Source"),
            L::CostsAndSources => ("Kosten und Quellen", "Costs and sources"),
            L::Change => ("Veränderung", "Change"),
            L::FollowUp => ("Folgekosten", "Follow-up"),
            L::Slack => ("Puffer gesamt/frei", "Slack total/free"),
            L::Critical => ("kritisch", "critical"),
            L::CriticalPath => ("Kritischer Pfad", "Critical path"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_sentences_follow_the_language() {
        assert_eq!(Label::Scheduled.text(Language::De), "eingeplant");
        assert_eq!(Label::Scheduled.text(Language::En), "scheduled");
        let id = "backup";
        assert_eq!(
            de_en(
                Language::De,
                format!("`{id}` fehlt"),
                format!("`{id}` is missing")
            ),
            "`backup` fehlt"
        );
    }
}
