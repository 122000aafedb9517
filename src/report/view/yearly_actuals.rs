//! The section "Plan und Ist je Haushaltsjahr" of the plan and status reports: per budget
//! year and money resource what was planned (by the adopted plan, else the estimate of the
//! work done), what was actually paid, what this roadmap now plans there (against an
//! adopted plan) and the variance. The numbers come from
//! [`crate::analysis::yearly_actuals`]; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::analysis::yearly_actuals::{PlanBasis, YearlyActuals};
use crate::model::period::PeriodKind;
use crate::report::lang::{Label, de_en};
use crate::report::text::Text;

impl PlanView<'_> {
    /// The plan-against-actual table per budget year; `None` without actual costs or an
    /// adopted plan.
    pub fn yearly_actuals_table(&self) -> Option<Table> {
        let yearly: &YearlyActuals = self.yearly_actuals.as_ref()?;
        let l = self.language;
        let adopted = yearly.basis == PlanBasis::Adopted;
        let dash = || Text::from(self.t(Label::Nothing).to_owned());
        let money = |r: usize, v: f64| Text::from(self.amount(r, v));
        let signed = |r: usize, v: f64| {
            let text = self.amount(r, v.abs());
            Text::from(match v {
                v if v > 0.5 => format!("+{text}"),
                v if v < -0.5 => format!("−{text}"),
                _ => text,
            })
        };
        let resources: Vec<usize> = (0..self.portfolio.resources.len())
            .filter(|r| !self.portfolio.resources[*r].is_staff())
            .filter(|r| {
                yearly.years.iter().any(|y| {
                    [y.planned.as_ref(), Some(&y.actual), Some(&y.replanned)]
                        .into_iter()
                        .flatten()
                        .any(|v| v[*r].abs() > 1e-9)
                }) || yearly.unsplit_actual[*r].abs() > 1e-9
                    || yearly.unsplit_planned[*r].abs() > 1e-9
            })
            .collect();
        if resources.is_empty() {
            return None;
        }
        let mut rows: Vec<Vec<Text>> = Vec::new();
        for year in &yearly.years {
            for &r in &resources {
                let planned = year.planned.as_ref().map(|p| p[r]);
                let variance = year.variance.as_ref().map(|v| v[r]);
                let figures = [planned, Some(year.actual[r]), Some(year.replanned[r])];
                if figures.iter().flatten().all(|v| v.abs() <= 1e-9) {
                    continue;
                }
                let mut row = vec![
                    Text::plain(year.year.to_string()),
                    Text::from(self.resource_name(r)),
                    planned.map_or_else(dash, |v| money(r, v)),
                    if year.begun {
                        money(r, year.actual[r])
                    } else {
                        dash()
                    },
                ];
                if adopted {
                    row.push(if year.in_horizon {
                        money(r, year.replanned[r])
                    } else {
                        dash()
                    });
                }
                row.push(variance.map_or_else(dash, |v| signed(r, v)));
                rows.push(row);
            }
        }
        if !yearly.unsplit.is_empty() {
            let ids: Vec<&str> = (yearly.unsplit.iter())
                .map(|j| self.portfolio.measures[*j].id.value.as_str())
                .collect();
            for &r in &resources {
                let (planned, actual) = (yearly.unsplit_planned[r], yearly.unsplit_actual[r]);
                if planned.abs() <= 1e-9 && actual.abs() <= 1e-9 {
                    continue;
                }
                let mut row = vec![
                    Text::from(format!(
                        "{} ({})",
                        de_en(l, "ohne Jahr", "no year"),
                        ids.join(", ")
                    )),
                    Text::from(self.resource_name(r)),
                    if adopted { dash() } else { money(r, planned) },
                    money(r, actual),
                ];
                if adopted {
                    row.push(dash());
                }
                let variance = yearly.unsplit_variance.as_ref().map(|v| v[r]);
                row.push(variance.map_or_else(dash, |v| signed(r, v)));
                rows.push(row);
            }
        }
        for &r in &resources {
            let [planned, actual, replanned, variance] =
                [0, 1, 2, 3].map(|column| yearly.total[column][r]);
            let mut row = vec![
                Text::from(if adopted {
                    de_en(l, "Summe (beschlossene Jahre)", "Total (adopted years)")
                } else {
                    de_en(l, "Summe", "Total")
                }),
                Text::from(self.resource_name(r)),
                money(r, planned),
                money(r, actual),
            ];
            if adopted {
                row.push(money(r, replanned));
            }
            row.push(signed(r, variance));
            rows.push(row);
        }
        let budget_period = self.portfolio.calendar.budget_period;
        let budget_year = budget_period == PeriodKind::Year;
        let mut header: Vec<Text> = vec![
            crate::report::words::year_word(budget_period, l).into(),
            de_en(l, "Mittel", "Funds").into(),
        ];
        if adopted {
            header.extend([
                de_en(l, "Beschlossen", "Adopted").into(),
                de_en(l, "Ist", "Actual").into(),
                de_en(l, "Neu geplant", "Replanned").into(),
                de_en(l, "Abweichung", "Variance").into(),
            ]);
        } else {
            header.extend([
                de_en(l, "Plan (geleistete Arbeit)", "Planned (work done)").into(),
                de_en(l, "Ist", "Actual").into(),
                de_en(l, "Abweichung", "Variance").into(),
            ]);
        }
        let mut align = vec![Align::Left; 2];
        align.resize(header.len(), Align::Right);
        let title = match (budget_year, l) {
            (true, _) => de_en(
                l,
                "Plan und Ist je Haushaltsjahr",
                "Plan against actual per budget year",
            ),
            (false, _) => de_en(
                l,
                "Plan und Ist je Haushaltsperiode",
                "Plan against actual per budget period",
            ),
        };
        Some(Table {
            title: title.into(),
            header,
            align,
            rows,
        })
    }
}
