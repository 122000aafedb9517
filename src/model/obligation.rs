//! Legal duties (`obligations:`), the duty class of a measure (`duty:`) and dates (`as_of`).
//!
//! An obligation names a legal norm (`basis`), who it binds (`addressee`), by when
//! (`deadline`) and when the legal state was last checked (`as_of`). Measures declare
//! which obligations they fulfil (`fulfils`). [`bind`] turns an obligation with a deadline
//! into the rules every stage already honours: each measure that fulfils it and is not
//! done becomes mandatory, with the obligation's deadline (or its own, if earlier). The
//! scheduler, the bound, the chain errors of validation and the verifier therefore treat
//! an obligation exactly like a mandatory deadline; the verifier checks the obligation
//! itself as well.

use super::period::{Calendar, PeriodKind, PeriodLabel};
use super::{Measure, Status, Text};
use crate::diagnostic::source::Located;
use serde::Serialize;
use std::fmt;

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1000..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, valid for the month.
    pub day: u8,
}

impl Date {
    /// Parses `2026-11-30`; `None` when it is not a valid date in that form.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if ![y, m, d]
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let date = Date {
            year: y.parse().ok().filter(|y| *y >= 1000)?,
            month: m.parse().ok().filter(|m| (1..=12).contains(m))?,
            day: d.parse().ok()?,
        };
        (1..=date.days_in_month())
            .contains(&date.day)
            .then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            2 if self.year.is_multiple_of(4)
                && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Whether this date lies more than twelve months before `later`.
    pub fn over_a_year_before(self, later: Date) -> bool {
        let a_year_on = Date {
            year: self.year.saturating_add(1),
            ..self
        };
        a_year_on < later
    }

    /// The last period of `kind` that ends on or before this date: the period by whose end
    /// something due on this date must be complete. `2028-06-30` → `2028-H1` or `2027`;
    /// `2028-12-31` → `2028`.
    pub fn period_due(self, kind: PeriodKind) -> PeriodLabel {
        let month = i64::from(self.year) * 12 + i64::from(self.month) - 1;
        // The month counts as complete only on its last day.
        let complete = if self.day == self.days_in_month() {
            month
        } else {
            month - 1
        };
        let months = i64::from(12 / kind.per_year());
        PeriodLabel::from_ordinal(kind, (complete + 1).div_euclid(months) - 1)
    }

    /// The first day of a period.
    pub fn start_of(label: PeriodLabel) -> Date {
        Date {
            year: label.year,
            month: label.first_month(),
            day: 1,
        }
    }

    /// The last day of a period.
    pub fn end_of(label: PeriodLabel) -> Date {
        let months = 12 / label.kind.per_year() as u8;
        let mut date = Date {
            year: label.year,
            month: label.part * months,
            day: 1,
        };
        date.day = date.days_in_month();
        date
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// When an obligation is due: a period label or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// By the end of this period (of any length: `2028` binds a quarterly calendar by 2028-Q4).
    Period(PeriodLabel),
    /// On this date.
    Date(Date),
}

impl Due {
    /// The last period of `kind` by whose end it must be complete.
    pub fn period(self, kind: PeriodKind) -> PeriodLabel {
        self.date().period_due(kind)
    }

    /// The last day it may be complete on.
    pub fn date(self) -> Date {
        match self {
            Due::Period(label) => Date::end_of(label),
            Due::Date(date) => date,
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Period(label) => label.fmt(f),
            Due::Date(date) => date.fmt(f),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One legal duty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obligation {
    /// Identifier measures name in `fulfils`.
    pub id: Located<String>,
    /// Display name (`id` when not given).
    pub name: Option<Text>,
    /// The legal norm, e.g. `§ 8 OZG`.
    pub basis: Option<String>,
    /// Whom it binds, e.g. `Kommunen`.
    pub addressee: Option<String>,
    /// By when a measure fulfilling it must be complete.
    pub deadline: Option<Located<Due>>,
    /// The date the legal state was checked.
    pub as_of: Option<Located<Date>>,
    /// Where it comes from.
    pub source: Option<String>,
}

impl Obligation {
    /// The name in `language`, or the id.
    pub fn title(&self, language: super::Language) -> &str {
        self.name
            .as_ref()
            .map_or(self.id.value.as_str(), |n| n.get(language))
    }

    /// The deadline as a period of the calendar, if it lies inside the horizon.
    pub fn deadline_in(&self, calendar: &Calendar) -> Option<PeriodLabel> {
        let label = self.deadline.as_ref()?.value.period(calendar.period);
        calendar.index_of(label).map(|_| label)
    }
}

/// The duty class of a measure: pflichtig, Weisung, freiwillig.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Duty {
    /// A statutory duty (Pflichtaufgabe).
    Statutory,
    /// A task directed by a higher authority (Weisungsaufgabe, Pflichtaufgabe nach Weisung).
    Directed,
    /// A voluntary service (freiwillige Leistung).
    Voluntary,
}

impl Duty {
    /// Every class, in the order reports list them.
    pub const ALL: [Duty; 3] = [Duty::Statutory, Duty::Directed, Duty::Voluntary];

    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            Duty::Statutory => "statutory",
            Duty::Directed => "directed",
            Duty::Voluntary => "voluntary",
        }
    }

    /// Parses the keyword.
    pub fn from_keyword(keyword: &str) -> Option<Duty> {
        Duty::ALL.into_iter().find(|d| d.keyword() == keyword)
    }

    /// The class of a measure: its `duty` if given; else `statutory` when it fulfils an
    /// obligation and `voluntary` when it does not.
    pub fn of(given: Option<Duty>, fulfils_any: bool) -> Duty {
        given.unwrap_or(if fulfils_any {
            Duty::Statutory
        } else {
            Duty::Voluntary
        })
    }
}

/// Makes every measure that fulfils an obligation with a deadline inside the horizon and is
/// not done mandatory, with the obligation's deadline or its own, whichever is earlier. An
/// obligation whose deadline lies before the horizon makes its measures mandatory only (the
/// deadline is missed already; `check` warns); one whose deadline lies after the horizon
/// binds nothing in it. Idempotent: applied after loading and after every change in memory,
/// so no change can plan an obligation away.
pub fn bind(obligations: &[Obligation], measures: &mut [Measure], calendar: &Calendar) {
    if obligations.is_empty() {
        return;
    }
    for measure in measures.iter_mut() {
        if measure.status.value == Status::Done {
            continue;
        }
        for id in &measure.fulfils {
            let Some(obligation) = obligations.iter().find(|o| o.id.value == id.value) else {
                continue;
            };
            let Some(due) = &obligation.deadline else {
                continue;
            };
            let label = due.value.period(calendar.period);
            let Some(offset) = calendar.offset_of(label) else {
                continue;
            };
            if offset >= calendar.len() as i64 {
                continue;
            }
            measure.mandatory = true;
            if offset < 0 {
                continue;
            }
            let earlier = match &measure.deadline {
                Some(own) => calendar.offset_of(own.value).is_none_or(|o| o > offset),
                None => true,
            };
            if earlier {
                measure.deadline = Some(Located::new(label, due.span));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, Due};
    use crate::model::period::{PeriodKind, PeriodLabel};

    fn label(text: &str) -> PeriodLabel {
        PeriodLabel::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            Date::parse("2028-02-29").map(|d| d.to_string()),
            Some("2028-02-29".to_owned())
        );
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-1-01",
            "27-01-01",
            "2027-04-31",
            "x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_date_is_due_by_the_last_period_that_ends_on_or_before_it() {
        let due = |d: &str, kind| {
            Due::Date(Date::parse(d).unwrap_or_else(|| panic!("{d}")))
                .period(kind)
                .to_string()
        };
        assert_eq!(due("2028-12-31", PeriodKind::Year), "2028");
        assert_eq!(due("2028-12-30", PeriodKind::Year), "2027");
        assert_eq!(due("2028-06-30", PeriodKind::Year), "2027");
        assert_eq!(due("2028-06-30", PeriodKind::Half), "2028-H1");
        assert_eq!(due("2028-06-30", PeriodKind::Quarter), "2028-Q2");
        assert_eq!(due("2028-07-01", PeriodKind::Quarter), "2028-Q2");
        assert_eq!(due("2028-01-15", PeriodKind::Month), "2027-12");
        // A label binds by its own end, in a calendar of any length.
        assert_eq!(
            Due::Period(label("2028")).period(PeriodKind::Quarter),
            label("2028-Q4")
        );
        assert_eq!(
            Due::Period(label("2028-Q3")).period(PeriodKind::Year),
            label("2027")
        );
    }

    #[test]
    fn staleness_counts_twelve_months() {
        let d = |t: &str| Date::parse(t).unwrap_or_else(|| panic!("{t}"));
        assert!(!d("2025-11-30").over_a_year_before(d("2026-11-30")));
        assert!(d("2025-11-29").over_a_year_before(d("2026-11-30")));
    }
}
