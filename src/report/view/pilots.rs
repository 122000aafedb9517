//! Pilots and their go/no-go decisions (Go/No-Go-Entscheidung) in the plan reports: each
//! pilot, the rollout it prepares, the decision at the pilot's end and the rollout's start.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::roadmap::Placement;
use crate::report::lang::{Label, de_en};
use crate::report::text::Text;

impl PlanView<'_> {
    /// (pilot, rollout) index pairs, in portfolio order of the pilots.
    pub fn pilots(&self) -> Vec<(usize, usize)> {
        let measures = &self.portfolio.measures;
        (measures.iter().enumerate())
            .filter_map(|(p, m)| {
                let rollout = m.pilot_of.as_ref()?;
                let r = measures.iter().position(|x| x.id.value == rollout.value)?;
                Some((p, r))
            })
            .collect()
    }

    /// The period at whose end the go/no-go decision on pilot `p`'s rollout falls: the
    /// pilot's last period (a milestone's own); `None` unless the pilot is scheduled.
    pub fn go_no_go(&self, p: usize) -> Option<usize> {
        let start = self.roadmap.placements[p].start()?;
        let duration = self.portfolio.measures[p].duration.value as usize;
        Some(start + duration.max(1) - 1)
    }

    /// The section of pilots: pilot, rollout, go/no-go decision, rollout start; `None`
    /// without pilots.
    pub fn pilots_table(&self) -> Option<Table> {
        let pairs = self.pilots();
        if pairs.is_empty() {
            return None;
        }
        let calendar = &self.portfolio.calendar;
        let l = self.language;
        let rows = (pairs.iter())
            .map(|&(p, r)| {
                let decision = self.go_no_go(p).map_or_else(
                    || self.t(Label::Nothing).to_owned(),
                    |t| {
                        de_en(l, "Ende {}", "end of {}")
                            .replace("{}", &calendar.label(t).to_string())
                    },
                );
                let rollout = match &self.roadmap.placements[r] {
                    Placement::Scheduled { start } => calendar.label(*start).to_string(),
                    Placement::Done => self.t(Label::Done).to_owned(),
                    Placement::NotScheduled { .. } => self.t(Label::NotScheduled).to_owned(),
                };
                let id = |j: usize| self.portfolio.measures[j].id.value.clone();
                vec![
                    Text::from(id(p)),
                    Text::from(id(r)),
                    Text::from(decision),
                    Text::from(rollout),
                ]
            })
            .collect();
        Some(Table {
            title: de_en(
                l,
                "Pilotprojekte und Go/No-Go-Entscheidungen",
                "Pilots and go/no-go decisions",
            )
            .into(),
            header: vec![
                de_en(l, "Pilot", "Pilot").into(),
                de_en(l, "Rollout", "Rollout").into(),
                de_en(l, "Go/No-Go-Entscheidung", "Go/no-go decision").into(),
                de_en(l, "Beginn Rollout", "Rollout start").into(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left, Align::Left],
            rows,
        })
    }
}
