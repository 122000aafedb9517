//! Periods: the calendar's granularity, period labels and the horizon.
//!
//! A label is written `2027` (year), `2027-H1` (half), `2027-Q3` (quarter) or
//! `2027-07` (month). Inside the engine a period is an index `0..len` over the
//! horizon.

use serde::Serialize;
use std::fmt;

/// How long one period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// Calendar years: `2027`.
    Year,
    /// Half years: `2027-H1`.
    Half,
    /// Quarters: `2027-Q3`.
    Quarter,
    /// Months: `2027-07`.
    Month,
}

impl PeriodKind {
    /// All kinds, in the order they are documented.
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Year,
        PeriodKind::Half,
        PeriodKind::Quarter,
        PeriodKind::Month,
    ];

    /// Periods per year.
    pub fn per_year(self) -> u32 {
        match self {
            PeriodKind::Year => 1,
            PeriodKind::Half => 2,
            PeriodKind::Quarter => 4,
            PeriodKind::Month => 12,
        }
    }

    /// The keyword used in `calendar.period`.
    pub fn keyword(self) -> &'static str {
        match self {
            PeriodKind::Year => "year",
            PeriodKind::Half => "half",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Month => "month",
        }
    }

    /// Parses the keyword of `calendar.period`.
    pub fn from_keyword(keyword: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.keyword() == keyword)
    }

    /// The plural for messages: "years", "half years", …
    pub fn plural(self) -> &'static str {
        match self {
            PeriodKind::Year => "years",
            PeriodKind::Half => "half years",
            PeriodKind::Quarter => "quarters",
            PeriodKind::Month => "months",
        }
    }

    /// An example label of this kind, for messages.
    pub fn example(self) -> &'static str {
        match self {
            PeriodKind::Year => "2027",
            PeriodKind::Half => "2027-H1",
            PeriodKind::Quarter => "2027-Q3",
            PeriodKind::Month => "2027-07",
        }
    }
}

/// One period, as written in a portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PeriodLabel {
    /// The kind the label was written in.
    pub kind: PeriodKind,
    /// Calendar year, 1000..=9999.
    pub year: u16,
    /// 1-based part of the year: half, quarter or month; 1 for years.
    pub part: u8,
}

/// Why a label could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelError(pub String);

impl PeriodLabel {
    /// Parses `2027`, `2027-H1`, `2027-Q3` or `2027-07`.
    pub fn parse(text: &str) -> Result<PeriodLabel, LabelError> {
        let text = text.trim();
        let (year_text, rest) = match text.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (text, None),
        };
        let year = parse_year(year_text).ok_or_else(|| {
            LabelError(format!(
                "`{text}` is not a period label; write a year like `2027`, or `2027-H1`, `2027-Q3`, `2027-07`"
            ))
        })?;
        let Some(rest) = rest else {
            return Ok(PeriodLabel {
                kind: PeriodKind::Year,
                year,
                part: 1,
            });
        };
        let (kind, part_text) = if let Some(p) = rest.strip_prefix(['H', 'h']) {
            (PeriodKind::Half, p)
        } else if let Some(p) = rest.strip_prefix(['Q', 'q']) {
            (PeriodKind::Quarter, p)
        } else {
            (PeriodKind::Month, rest)
        };
        let part: u8 = part_text
            .parse()
            .ok()
            .filter(|_| part_text.chars().all(|c| c.is_ascii_digit()))
            .filter(|p| (1..=kind.per_year() as u8).contains(p))
            .filter(|_| kind != PeriodKind::Month || part_text.len() == 2)
            .ok_or_else(|| {
                LabelError(match kind {
                    PeriodKind::Half => format!("`{text}`: a half year is `H1` or `H2`"),
                    PeriodKind::Quarter => format!("`{text}`: a quarter is `Q1` to `Q4`"),
                    _ => format!(
                        "`{text}` is not a period label; months are written `2027-01` to `2027-12`"
                    ),
                })
            })?;
        Ok(PeriodLabel { kind, year, part })
    }

    /// Position on a continuous scale of this label's kind (year × periods per year + part).
    pub fn ordinal(self) -> i64 {
        i64::from(self.year) * i64::from(self.kind.per_year()) + i64::from(self.part) - 1
    }

    /// The calendar month (1–12) in which this period begins: `2027-H2` → 7, `2027-Q4` → 10.
    pub fn first_month(self) -> u8 {
        let months = (12 / self.kind.per_year()) as u8;
        (self.part - 1) * months + 1
    }

    /// The label `n` periods of `kind` after the first period of this label's ordinal scale.
    pub fn from_ordinal(kind: PeriodKind, ordinal: i64) -> PeriodLabel {
        let per_year = i64::from(kind.per_year());
        PeriodLabel {
            kind,
            year: ordinal.div_euclid(per_year).clamp(0, 9999) as u16,
            part: (ordinal.rem_euclid(per_year) + 1) as u8,
        }
    }
}

fn parse_year(text: &str) -> Option<u16> {
    if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| *y >= 1000)
}

impl fmt::Display for PeriodLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Year => write!(f, "{}", self.year),
            PeriodKind::Half => write!(f, "{}-H{}", self.year, self.part),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.part),
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.part),
        }
    }
}

impl Serialize for PeriodLabel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The planning horizon: period kind, first and last period (inclusive), evaluation tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// Granularity.
    pub period: PeriodKind,
    /// First period.
    pub start: PeriodLabel,
    /// Last period, inclusive.
    pub end: PeriodLabel,
    /// Periods after `end` in which completed measures still count.
    pub evaluation_tail: u32,
    /// The budget period (Haushaltsjahr): capacities are given and checked per budget
    /// period, which holds [`Calendar::per_budget`] whole periods. Defaults to `period`.
    pub budget_period: PeriodKind,
}

impl Serialize for Calendar {
    /// `budget_period` only when it differs from `period`: a calendar without one is
    /// the same model (and hashes the same) as before budget periods existed.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let coarser = self.budget_period != self.period;
        let mut out = serializer.serialize_struct("Calendar", 4 + usize::from(coarser))?;
        out.serialize_field("period", &self.period)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("evaluation_tail", &self.evaluation_tail)?;
        if coarser {
            out.serialize_field("budget_period", &self.budget_period)?;
        }
        out.end()
    }
}

impl Calendar {
    /// Number of periods in the horizon (0 if `end` is before `start`).
    pub fn len(&self) -> usize {
        (self.end.ordinal() - self.start.ordinal() + 1).max(0) as usize
    }

    /// True when the horizon has no periods.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of a label in the horizon, `None` if it has another kind or lies outside.
    pub fn index_of(&self, label: PeriodLabel) -> Option<usize> {
        if label.kind != self.period {
            return None;
        }
        let index = label.ordinal() - self.start.ordinal();
        (0..self.len() as i64)
            .contains(&index)
            .then_some(index as usize)
    }

    /// Signed offset of a label from the start (may lie outside the horizon); `None` for another kind.
    pub fn offset_of(&self, label: PeriodLabel) -> Option<i64> {
        (label.kind == self.period).then(|| label.ordinal() - self.start.ordinal())
    }

    /// The label of period `index` (may lie past the end, e.g. in the evaluation tail).
    pub fn label(&self, index: usize) -> PeriodLabel {
        PeriodLabel::from_ordinal(self.period, self.start.ordinal() + index as i64)
    }

    /// All labels of the horizon, in order.
    pub fn labels(&self) -> Vec<PeriodLabel> {
        (0..self.len()).map(|i| self.label(i)).collect()
    }

    /// Periods per budget period (1 when they are the same; at least 1).
    pub fn per_budget(&self) -> usize {
        (self.period.per_year() / self.budget_period.per_year()).max(1) as usize
    }

    /// Number of budget periods in the horizon (the horizon holds whole budget periods
    /// once validated; a partial one at the end still counts).
    pub fn budget_len(&self) -> usize {
        self.len().div_ceil(self.per_budget())
    }

    /// The budget period that period `t` falls in (past the horizon too).
    pub fn budget_of(&self, t: usize) -> usize {
        t / self.per_budget()
    }

    /// The label of budget period `b` (`2027` for budget years).
    pub fn budget_label(&self, b: usize) -> PeriodLabel {
        let first = self.label(b * self.per_budget());
        PeriodLabel::from_ordinal(
            self.budget_period,
            first.ordinal() / (self.per_budget() as i64),
        )
    }

    /// All budget-period labels of the horizon, in order.
    pub fn budget_labels(&self) -> Vec<PeriodLabel> {
        (0..self.budget_len())
            .map(|b| self.budget_label(b))
            .collect()
    }

    /// Index of a budget-period label in the horizon, `None` if it has another kind or lies
    /// outside.
    pub fn budget_index_of(&self, label: PeriodLabel) -> Option<usize> {
        (label.kind == self.budget_period)
            .then(|| (0..self.budget_len()).find(|&b| self.budget_label(b) == label))
            .flatten()
    }

    /// Whether the horizon is made of whole budget periods: it starts on the first period
    /// of one and ends on the last period of one.
    pub fn budget_aligned(&self) -> bool {
        let k = self.per_budget() as i64;
        self.start.ordinal().rem_euclid(k) == 0 && (self.end.ordinal() + 1).rem_euclid(k) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> PeriodLabel {
        PeriodLabel::parse(text).unwrap()
    }

    #[test]
    fn labels_round_trip() {
        for text in [
            "2027", "2027-H1", "2027-H2", "2027-Q3", "2027-07", "2031-12",
        ] {
            assert_eq!(label(text).to_string(), text);
        }
        assert_eq!(label("2027-q2").to_string(), "2027-Q2");
    }

    #[test]
    fn bad_labels_are_refused() {
        for text in [
            "27",
            "2027-H3",
            "2027-Q0",
            "2027-13",
            "2027-7",
            "2027-",
            "next year",
            "2027-01-01",
        ] {
            assert!(PeriodLabel::parse(text).is_err(), "{text} accepted");
        }
    }

    #[test]
    fn horizon_indices() {
        let calendar = Calendar {
            period: PeriodKind::Quarter,
            start: label("2027-Q3"),
            end: label("2028-Q2"),
            evaluation_tail: 4,
            budget_period: PeriodKind::Quarter,
        };
        assert_eq!(calendar.len(), 4);
        assert_eq!(calendar.index_of(label("2027-Q3")), Some(0));
        assert_eq!(calendar.index_of(label("2028-Q1")), Some(2));
        assert_eq!(calendar.index_of(label("2028-Q3")), None);
        assert_eq!(calendar.index_of(label("2028")), None);
        assert_eq!(calendar.label(3).to_string(), "2028-Q2");
        assert_eq!(calendar.label(5).to_string(), "2028-Q4");
        assert_eq!(calendar.offset_of(label("2027-Q1")), Some(-2));
    }

    #[test]
    fn periods_begin_in_their_first_month() {
        for (text, month) in [
            ("2027", 1),
            ("2027-H2", 7),
            ("2027-Q1", 1),
            ("2027-Q4", 10),
            ("2027-11", 11),
        ] {
            assert_eq!(label(text).first_month(), month, "{text}");
        }
    }

    #[test]
    fn budget_years_hold_whole_quarters() {
        let calendar = Calendar {
            period: PeriodKind::Quarter,
            start: label("2027-Q1"),
            end: label("2028-Q4"),
            evaluation_tail: 0,
            budget_period: PeriodKind::Year,
        };
        assert_eq!(calendar.per_budget(), 4);
        assert_eq!(calendar.budget_len(), 2);
        assert!(calendar.budget_aligned());
        assert_eq!(calendar.budget_of(3), 0);
        assert_eq!(calendar.budget_of(4), 1);
        assert_eq!(calendar.budget_label(1).to_string(), "2028");
        assert_eq!(calendar.budget_index_of(label("2028")), Some(1));
        assert_eq!(calendar.budget_index_of(label("2029")), None);
        assert_eq!(calendar.budget_index_of(label("2028-Q1")), None);
        let months = Calendar {
            period: PeriodKind::Month,
            start: label("2027-07"),
            end: label("2028-06"),
            evaluation_tail: 0,
            budget_period: PeriodKind::Half,
        };
        assert_eq!(months.per_budget(), 6);
        assert!(months.budget_aligned());
        assert_eq!(months.budget_labels()[0].to_string(), "2027-H2");
        assert_eq!(months.budget_labels()[1].to_string(), "2028-H1");
        let unaligned = Calendar {
            start: label("2027-Q2"),
            ..calendar
        };
        assert!(!unaligned.budget_aligned());
    }

    #[test]
    fn months_cross_years() {
        let calendar = Calendar {
            period: PeriodKind::Month,
            start: label("2027-11"),
            end: label("2028-02"),
            evaluation_tail: 0,
            budget_period: PeriodKind::Month,
        };
        let labels: Vec<String> = calendar.labels().iter().map(|l| l.to_string()).collect();
        assert_eq!(labels, ["2027-11", "2027-12", "2028-01", "2028-02"]);
    }
}
