//! Progress and actual costs in a yearly update (Fortschreibung): a measure that has started
//! (`status: started` with `start` and `progress`), one that is contracted
//! (`contracted: true`), and what done or started measures actually cost (`actual_cost`,
//! `finished`).
//!
//! Loading turns a started measure into a fixed one that starts in the horizon's first
//! period and runs its remaining periods at its remaining cost ([`Started::remaining`]),
//! so the scheduler, the bound, the verifier and every analysis keep it where it is
//! without knowing about progress; the figures as written stay here for the reports.

use super::Amounts;
use super::period::PeriodLabel;
use crate::diagnostic::source::Located;
use serde::Serialize;

/// What a measure's update says about its progress and actual costs; empty for a measure
/// that gives none of the fields.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Actuals {
    /// `status: started`: the measure as written, before loading fixed its remainder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<Started>,
    /// `contracted: true`: decided and contracted, so it keeps its `start` like a fixed
    /// measure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub contracted: bool,
    /// What it has cost so far (started) or in all (done), per resource: the sum of
    /// `actual_by_year` when the file gives it per year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actual_cost: Amounts,
    /// What it cost in each budget year (`actual_cost: { 2027: { budget: 130k } }`), in
    /// file order; empty when `actual_cost` is a total.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actual_by_year: Vec<(Located<PeriodLabel>, Amounts)>,
    /// The period a done measure finished in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished: Option<Located<PeriodLabel>>,
}

impl Actuals {
    /// True when the measure gives none of the fields (it hashes as before they existed).
    pub fn is_empty(&self) -> bool {
        self.started.is_none()
            && !self.contracted
            && self.actual_cost.is_empty()
            && self.actual_by_year.is_empty()
            && self.finished.is_none()
    }
}

/// A started measure as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Started {
    /// The period it started in (at or before the horizon's first period).
    pub start: Located<PeriodLabel>,
    /// The share done, 0 to 1 (`progress: 40%`).
    pub progress: Located<f64>,
    /// Its whole duration in periods, as written.
    pub duration: u32,
    /// Its whole cost per resource (the estimate of the whole measure), as written.
    pub cost: Amounts,
}

impl Started {
    /// The periods left to run: the undone share of the duration, rounded up, and at least
    /// one period while it is not complete (0 at 100 %: it completes when the horizon
    /// starts).
    pub fn remaining(duration: u32, progress: f64) -> u32 {
        if progress >= 1.0 || duration == 0 {
            return 0;
        }
        // A tolerance so that 4 periods at 75 % leave exactly one, not two.
        let left = (f64::from(duration) * (1.0 - progress) - 1e-9).ceil();
        (left.max(1.0) as u32).min(duration)
    }

    /// The share of the cost still to be paid: the undone share (remaining work at the
    /// estimated cost; the actual cost so far does not change it).
    pub fn remaining_share(progress: f64) -> f64 {
        (1.0 - progress).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Started;

    #[test]
    fn remaining_periods_round_up_and_keep_one_while_not_complete() {
        assert_eq!(Started::remaining(4, 0.75), 1);
        assert_eq!(Started::remaining(4, 0.5), 2);
        assert_eq!(Started::remaining(3, 0.5), 2);
        assert_eq!(Started::remaining(2, 0.99), 1);
        assert_eq!(Started::remaining(2, 0.0), 2);
        assert_eq!(Started::remaining(2, 1.0), 0);
        assert_eq!(Started::remaining(0, 0.5), 0);
    }
}
