//! The plan report's view: the portfolio, its roadmap and numbers, and the report
//! language, with the lookups every format shares (names, periods, amounts, order).

use super::rank::{MeasureRow, RowStatus, measure_row};
use crate::analysis::budget::{Haushalt, haushalt};
use crate::analysis::quick_wins::{QuickWin, quick_wins};
use crate::analysis::slack::{Slack, slack};
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Language, Measure, Portfolio};
use crate::plan::Planning;
use crate::report::lang::Label;
use crate::report::number::{amount, amount_at, precision_above_zero};
use crate::report::provenance::Provenance;
use crate::schedule::bound::BoundMethod;
use crate::schedule::evaluate::Evaluation;
use crate::score::Scores;

/// Everything a plan report needs, finished.
#[derive(Debug, Clone)]
pub struct PlanView<'a> {
    /// The portfolio planned.
    pub portfolio: &'a Portfolio,
    /// Its scores.
    pub scores: &'a Scores,
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// Its numbers.
    pub evaluation: &'a Evaluation,
    /// An upper bound on the objective of any roadmap, how it was found, and objective / bound.
    pub bound: (f64, BoundMethod, f64),
    /// Report language.
    pub language: Language,
    /// Tool, inputs and search settings, for the foot of the report.
    pub provenance: &'a Provenance,
    /// The Haushalt view per budget period (the HTML report's section).
    pub haushalt: Haushalt,
    /// Slack (Puffer) of each measure, parallel to `Portfolio::measures`: `None` unless
    /// scheduled.
    pub slack: Vec<Option<Slack>>,
    /// The quick wins (Schnellerfolge), by value per million.
    pub quick_wins: Vec<QuickWin>,
    /// The re-plan against an adopted plan (`plan --baseline`); `None` without one.
    pub adopted: Option<crate::analysis::baseline::Adopted>,
    /// Plan against actual per budget year: against the estimate of the work done, or
    /// (set by `--baseline`) against the adopted plan; `None` without either.
    pub yearly_actuals: Option<crate::analysis::yearly_actuals::YearlyActuals>,
}

impl<'a> PlanView<'a> {
    /// The view of a finished planning.
    pub fn of(planning: &'a Planning, language: Language, provenance: &'a Provenance) -> Self {
        let planned = &planning.planned;
        PlanView {
            portfolio: &planning.scored.portfolio,
            scores: &planning.scored.scores,
            roadmap: &planned.roadmap,
            evaluation: &planning.evaluation,
            bound: (planned.bound, planned.bound_method, planned.bound_share),
            language,
            provenance,
            haushalt: haushalt(planning),
            slack: slack(planning),
            quick_wins: quick_wins(&planning.scored.portfolio, &planning.scored.scores),
            adopted: None,
            yearly_actuals: crate::analysis::yearly_actuals::yearly_actuals(
                &planning.scored.portfolio,
                &planned.roadmap,
                None,
            ),
        }
    }

    /// The view of a re-plan against an adopted plan (`--baseline`): its changes, and plan
    /// against actual per year against the adopted plan.
    pub fn against_baseline(
        &mut self,
        adopted: crate::analysis::baseline::Adopted,
        baseline: &crate::model::baseline::Baseline,
    ) {
        self.adopted = Some(adopted);
        self.yearly_actuals = crate::analysis::yearly_actuals::yearly_actuals(
            self.portfolio,
            self.roadmap,
            Some(baseline),
        );
    }

    /// A label in the report language.
    pub(crate) fn t(&self, label: Label) -> &'static str {
        label.text_for(self.language, self.portfolio.calendar.period)
    }

    /// A label that names the budget period (capacities, use, follow-up costs per budget
    /// period), in the report language.
    pub(crate) fn t_budget(&self, label: Label) -> &'static str {
        label.text_for(self.language, self.portfolio.calendar.budget_period)
    }

    /// `2027–2031`.
    pub fn horizon(&self) -> String {
        let c = &self.portfolio.calendar;
        format!("{}–{}", c.start, c.end)
    }

    /// Formats an amount of resource `r`.
    pub fn amount(&self, r: usize, value: f64) -> String {
        let resource = &self.portfolio.resources[r];
        amount(
            self.language,
            value,
            resource.unit.as_deref(),
            &self.portfolio.currency,
        )
    }

    /// A positive amount of resource `r` that must not read as zero, such as a shortage:
    /// with the decimals that show it (see [`precision_above_zero`]).
    pub fn amount_above_zero(&self, r: usize, value: f64) -> String {
        let (unit, currency) = (
            self.portfolio.resources[r].unit.as_deref(),
            &self.portfolio.currency,
        );
        let decimals = precision_above_zero(value, unit, currency);
        amount_at(self.language, value, unit, currency, decimals)
    }

    /// The measure's display name in the report language.
    pub fn name(&self, j: usize) -> &str {
        self.portfolio.measures[j].name.get(self.language)
    }

    /// Start label, finish label of a placement (finish = last period it runs; a milestone's is its start).
    pub fn start_finish(&self, j: usize) -> (String, String) {
        let calendar = &self.portfolio.calendar;
        match &self.roadmap.placements[j] {
            Placement::Scheduled { start } => {
                let duration = self.portfolio.measures[j].duration.value as usize;
                let finish = start + duration.max(1) - 1;
                (
                    calendar.label(*start).to_string(),
                    calendar.label(finish).to_string(),
                )
            }
            Placement::Done => (
                self.t(Label::Done).to_owned(),
                self.t(Label::Done).to_owned(),
            ),
            Placement::NotScheduled { .. } => (
                self.t(Label::Nothing).to_owned(),
                self.t(Label::Nothing).to_owned(),
            ),
        }
    }

    /// Total cost of a measure over all resources, formatted (`120.000 € · 2 FTE`).
    pub fn cost(&self, measure: &Measure, run: bool) -> String {
        let amounts = if run {
            &measure.run_cost
        } else {
            &measure.cost
        };
        let parts: Vec<String> = self
            .portfolio
            .resources
            .iter()
            .enumerate()
            .filter_map(|(r, resource)| {
                let value = Measure::amount(amounts, &resource.id.value);
                (value > 0.0).then(|| self.amount(r, value))
            })
            .collect();
        if parts.is_empty() {
            self.t(Label::Nothing).to_owned()
        } else {
            parts.join(" · ")
        }
    }

    /// Why a measure is not scheduled, in words.
    /// Measure indices: scheduled by start (then rank), then done, then not scheduled, by rank.
    pub fn roadmap_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.portfolio.measures.len()).collect();
        order.sort_by_key(|&j| {
            let rank = self.scores.measures[j].rank;
            match &self.roadmap.placements[j] {
                Placement::Scheduled { start } => (0, *start, rank),
                Placement::Done => (1, 0, rank),
                Placement::NotScheduled { .. } => (2, 0, rank),
            }
        });
        order
    }

    /// The measures a chart of the roadmap shows: done ones first (they are complete at the
    /// start), then scheduled ones by start, then rank.
    pub fn chart_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.portfolio.measures.len())
            .filter(|&j| !matches!(self.roadmap.placements[j], Placement::NotScheduled { .. }))
            .collect();
        order.sort_by_key(|&j| {
            let rank = self.scores.measures[j].rank;
            match &self.roadmap.placements[j] {
                Placement::Scheduled { start } => (1, *start, rank),
                _ => (0, 0, rank),
            }
        });
        order
    }

    /// One row per measure, in roadmap order, with its placement and reason.
    pub fn rows(&self) -> Vec<MeasureRow<'_>> {
        self.roadmap_order()
            .into_iter()
            .map(|j| self.row(j))
            .collect()
    }

    /// The row of measure `j`.
    pub fn row(&self, j: usize) -> MeasureRow<'_> {
        let mut row = measure_row(self.portfolio, self.scores, self.language, j);
        match &self.roadmap.placements[j] {
            Placement::Scheduled { start } => {
                let last = start + (row.duration as usize).max(1) - 1;
                row.status = Some(RowStatus::Scheduled);
                row.periods = Some((*start, last));
            }
            Placement::Done => row.status = Some(RowStatus::Done),
            Placement::NotScheduled { reason } => {
                row.status = Some(RowStatus::NotScheduled);
                row.reason = Some(self.reason(reason));
            }
        }
        row
    }

    /// Use of resource `r` in budget period `t` as a share of its capacity; `None` without a
    /// capacity.
    pub fn utilisation(&self, t: usize, r: usize) -> Option<f64> {
        let (used, capacity) = (self.evaluation.usage[t][r], self.evaluation.capacity[t][r]);
        (capacity.is_finite() && capacity > 0.0).then(|| used / capacity)
    }

    /// The quick-wins section, with when each starts; `None` when there are none.
    pub fn quick_wins_table(&self) -> Option<super::Table> {
        super::quick_wins_table(
            self.portfolio,
            self.language,
            &self.quick_wins,
            Some(self.roadmap),
        )
    }

    /// The sections every plan report shows after resource use, in this order: funding per
    /// programme, alternatives and bundles, balance rules, maturity (those that apply).
    pub fn rules_tables(&self) -> Vec<super::Table> {
        let mut tables = self.funding_tables();
        tables.extend(
            [
                self.choices_table(),
                self.balance_table(),
                self.maturity_table(),
            ]
            .into_iter()
            .flatten(),
        );
        tables
    }

    /// The sections of a yearly update (Fortschreibung), in report order: the changes
    /// against the adopted plan, plan against actual per measure and per budget year; each
    /// only when it has something to show.
    pub fn update_tables(&self) -> Vec<super::Table> {
        [
            self.changes_table(),
            self.progress_table(),
            self.yearly_actuals_table(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Whether measure `j` is on the critical chain (scheduled, total slack 0).
    pub fn critical(&self, j: usize) -> bool {
        self.slack
            .get(j)
            .copied()
            .flatten()
            .is_some_and(|s| s.critical())
    }

    /// The slack cell of measure `j`: `2 / 0` (total / free periods), `0 / 0 kritisch` on
    /// the critical chain, `–` when it is not scheduled.
    pub fn slack_text(&self, j: usize) -> String {
        match self.slack.get(j).copied().flatten() {
            Some(s) if s.critical() => {
                format!("{} / {} {}", s.total, s.free, self.t(Label::Critical))
            }
            Some(s) => format!("{} / {}", s.total, s.free),
            None => self.t(Label::Nothing).to_owned(),
        }
    }

    /// The word for a status in the report language.
    pub fn status_text(&self, status: RowStatus) -> &'static str {
        self.t(match status {
            RowStatus::Scheduled => Label::Scheduled,
            RowStatus::Done => Label::Done,
            RowStatus::NotScheduled => Label::NotScheduled,
        })
    }

    /// Display name of an area group (`None` is "no area").
    pub fn area_name<'b>(&self, area: Option<&'b str>) -> &'b str {
        area.unwrap_or(self.t(Label::NoArea))
    }
}
