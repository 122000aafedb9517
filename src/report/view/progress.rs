//! The plan-against-actual section of the plan report (Stand der Umsetzung: Soll und Ist):
//! per started, done or contracted measure its progress, its finish (planned → forecast
//! when they differ), the whole estimate, what it cost, the variance against the estimate
//! of the work done, what is left and the cost at completion, then a total. The numbers come from
//! [`crate::analysis::progress`]; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::analysis::progress::{ProgressRow, State, progress, total};
use crate::report::lang::{Label, de_en};
use crate::report::number::{percent, signed};
use crate::report::text::Text;

impl PlanView<'_> {
    /// Amounts per resource, formatted like a measure's cost (`€120,000 · 2 FTE`); a dash
    /// when all are zero. With `sign`, a variance (`+€20,000`).
    pub(crate) fn amounts_text(&self, values: &[f64], sign: bool) -> String {
        let resources = &self.portfolio.resources;
        let unit =
            |r: usize| (resources[r].unit.as_deref()).unwrap_or(self.portfolio.currency.as_str());
        let shown: Vec<usize> = (0..values.len().min(resources.len()))
            .filter(|r| values[*r].abs() > 1e-9)
            .collect();
        let parts: Vec<String> = (shown.iter())
            .map(|&r| {
                let v = values[r];
                let text = self.amount(r, v.abs());
                let text = match (sign, v < 0.0) {
                    (false, _) => text,
                    (true, true) => format!("−{text}"),
                    (true, false) => format!("+{text}"),
                };
                // Two amounts in one unit (investive and operating euros) need their names.
                if shown.iter().any(|&s| s != r && unit(s) == unit(r)) {
                    format!("{} {text}", self.short_resource_name(r))
                } else {
                    text
                }
            })
            .collect();
        if parts.is_empty() {
            self.t(Label::Nothing).to_owned()
        } else {
            parts.join(" · ")
        }
    }

    /// A resource's short name beside an amount: `investiv`/`konsumtiv` (capital/operating)
    /// by its kind, else its id.
    fn short_resource_name(&self, r: usize) -> String {
        use crate::model::ResourceKind;
        let resource = &self.portfolio.resources[r];
        match resource.kind {
            ResourceKind::Investment => de_en(self.language, "investiv", "capital").to_owned(),
            ResourceKind::Operating => de_en(self.language, "konsumtiv", "operating").to_owned(),
            _ => resource.id.value.clone(),
        }
    }

    /// The plan-against-actual table; `None` when no measure is started, contracted, or
    /// done with actual costs.
    pub fn progress_table(&self) -> Option<Table> {
        let rows = progress(self.portfolio, self.roadmap);
        if rows.is_empty() {
            return None;
        }
        let l = self.language;
        let dash = || self.t(Label::Nothing).to_owned();
        let label =
            |p: Option<crate::model::period::PeriodLabel>| p.map_or_else(dash, |p| p.to_string());
        let mut table_rows: Vec<Vec<Text>> = (rows.iter())
            .map(|row: &ProgressRow| {
                let state = match row.state {
                    State::Started => format!(
                        "{} {}, {}",
                        de_en(l, "begonnen", "started"),
                        label(row.start),
                        percent(l, row.progress)
                    ),
                    State::Done => self.t(Label::Done).to_owned(),
                    State::Contracted => format!(
                        "{} ({} {})",
                        de_en(l, "beauftragt", "contracted"),
                        de_en(l, "Beginn", "start"),
                        label(row.start)
                    ),
                };
                let finish = match (row.planned_finish, row.forecast_finish, row.slip) {
                    (Some(p), Some(f), Some(slip)) if slip != 0 => {
                        format!("{p} → {f} ({})", signed(l, slip as f64, 0))
                    }
                    (_, Some(f), _) => f.to_string(),
                    (Some(p), None, _) => p.to_string(),
                    (None, None, _) => dash(),
                };
                vec![
                    Text::plain(&self.portfolio.measures[row.measure].id.value),
                    Text::from(state),
                    Text::from(finish),
                    Text::from(self.amounts_text(&row.planned, false)),
                    Text::from(
                        row.actual
                            .as_ref()
                            .map_or_else(dash, |a| self.amounts_text(a, false)),
                    ),
                    Text::from(
                        row.variance
                            .as_ref()
                            .map_or_else(dash, |v| self.amounts_text(v, true)),
                    ),
                    Text::from(self.amounts_text(&row.remaining, false)),
                    Text::from(self.amounts_text(&row.forecast, false)),
                ]
            })
            .collect();
        let sum = |column: &dyn Fn(&ProgressRow) -> Option<&Vec<f64>>, sign: bool| {
            Text::from(self.amounts_text(&total(&rows, column), sign))
        };
        let any_actual = rows.iter().any(|r| r.actual.is_some());
        table_rows.push(vec![
            Text::from(de_en(l, "Summe", "Total")),
            Text::from(String::new()),
            Text::from(String::new()),
            sum(&|r| Some(&r.planned), false),
            if any_actual {
                sum(&|r| r.actual.as_ref(), false)
            } else {
                Text::from(dash())
            },
            if any_actual {
                sum(&|r| r.variance.as_ref(), true)
            } else {
                Text::from(dash())
            },
            sum(&|r| Some(&r.remaining), false),
            sum(&|r| Some(&r.forecast), false),
        ]);
        let mut align = vec![Align::Left; 3];
        align.extend([Align::Right; 5]);
        Some(Table {
            title: de_en(
                l,
                "Stand der Umsetzung: Plan und Ist",
                "Progress: plan against actual",
            )
            .into(),
            header: vec![
                de_en(l, "Maßnahme", "Measure").into(),
                de_en(l, "Stand", "Status").into(),
                de_en(l, "Ende", "Finish").into(),
                de_en(l, "Plan", "Planned").into(),
                de_en(l, "Ist", "Actual").into(),
                de_en(l, "Abweichung", "Variance").into(),
                de_en(l, "Rest", "Remaining").into(),
                de_en(l, "Prognose", "Forecast").into(),
            ],
            align,
            rows: table_rows,
        })
    }
}
