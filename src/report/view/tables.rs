//! The plan's tables: measures, roadmap by period, resource use, coverage, not scheduled.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::roadmap::Placement;
use crate::report::lang::{Label, de_en};
use crate::report::number::{number, percent};
use crate::report::text::Text;

impl PlanView<'_> {
    /// Measures in roadmap order: scheduled by start (then rank), then done, then not scheduled by rank.
    /// Without `names` the table fits a narrow terminal (the id is the short name).
    pub fn measures(&self, names: bool) -> Table {
        self.measures_with(names, false)
    }

    /// The measures table of the Markdown and HTML reports: with an owner column (when any
    /// measure has an owner) and each name marked with the number of its source note
    /// (see [`PlanView::sources_table`]).
    pub fn measures_documented(&self) -> Table {
        self.measures_with(true, true)
    }

    fn measures_with(&self, names: bool, documented: bool) -> Table {
        let notes = self.note_numbers();
        let owners = documented && self.has_owners();
        let rows = self
            .roadmap_order()
            .iter()
            .map(|&j| {
                let measure = &self.portfolio.measures[j];
                let (start, finish) = self.start_finish(j);
                let mut name = self.name(j).to_owned();
                if measure.mandatory {
                    name.push_str(&format!(" ({})", self.t(Label::MandatoryNote)));
                }
                if let Some(n) = notes[j].filter(|_| documented) {
                    name.push_str(&format!(" [{n}]"));
                }
                let mut id = measure.id.value.clone();
                if !names && measure.mandatory {
                    id.push_str(&format!(" ({})", self.t(Label::MandatoryShort)));
                }
                let mut row = vec![self.scores.measures[j].rank.to_string(), id];
                if names {
                    row.push(name);
                }
                if owners {
                    row.push(measure.owner.clone().unwrap_or_else(|| "–".to_owned()));
                }
                row.extend([
                    start,
                    finish,
                    self.slack_text(j),
                    number(self.language, self.scores.measures[j].value, 2),
                    self.cost(measure, false),
                ]);
                row.into_iter().map(Text::from).collect()
            })
            .collect();
        let mut header = vec![Label::Rank, Label::Id];
        let mut align = vec![Align::Right, Align::Left];
        if names {
            header.push(Label::Measure);
            align.push(Align::Left);
        }
        if owners {
            header.push(Label::Owner);
            align.push(Align::Left);
        }
        header.extend([
            Label::Start,
            Label::Finish,
            Label::Slack,
            Label::Value,
            Label::Cost,
        ]);
        align.extend([
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
        ]);
        Table {
            title: self.t(Label::Measures).into(),
            header: header.iter().map(|l| self.t(*l).into()).collect(),
            align,
            rows,
        }
    }

    /// Per period: what starts, what completes, and the resilience level.
    pub fn by_period(&self) -> Table {
        let calendar = &self.portfolio.calendar;
        let rows = (0..calendar.len())
            .map(|t| {
                let mut starts = Vec::new();
                let mut completes = Vec::new();
                for (j, placement) in self.roadmap.placements.iter().enumerate() {
                    if let Placement::Scheduled { start } = placement {
                        let id = self.portfolio.measures[j].id.value.clone();
                        let duration = self.portfolio.measures[j].duration.value as usize;
                        if *start == t {
                            starts.push(id.clone());
                        }
                        if start + duration.max(1) - 1 == t {
                            completes.push(id);
                        }
                    }
                }
                let list = |ids: Vec<String>| {
                    if ids.is_empty() {
                        self.t(Label::Nothing).to_owned()
                    } else {
                        ids.join(", ")
                    }
                };
                vec![
                    calendar.label(t).to_string().into(),
                    list(starts).into(),
                    list(completes).into(),
                    if self.objective() == crate::model::risk::Objective::Risk {
                        crate::report::number::money(
                            self.language,
                            self.evaluation.curve[t],
                            &self.portfolio.currency,
                        )
                    } else {
                        number(self.language, self.evaluation.curve[t], 2)
                    }
                    .into(),
                ]
            })
            .collect();
        Table {
            title: self.t(Label::ByPeriod).into(),
            header: vec![
                self.t(Label::Period).into(),
                self.t(Label::Starts).into(),
                self.t(Label::Completes).into(),
                self.curve_title().into(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left, Align::Right],
            rows,
        }
    }

    /// Per budget period and resource: use against capacity.
    pub fn resource_use(&self) -> Table {
        let calendar = &self.portfolio.calendar;
        let mut header: Vec<Text> = vec![self.t_budget(Label::Period).into()];
        let mut align = vec![Align::Left];
        for r in 0..self.portfolio.resources.len() {
            header.push(
                format!(
                    "{} ({} / {})",
                    self.resource_name(r),
                    self.t(Label::Used),
                    self.t(Label::Capacity)
                )
                .into(),
            );
            header.push(self.t(Label::Utilisation).into());
            align.extend([Align::Right, Align::Right]);
        }
        let rows = (0..calendar.budget_len())
            .map(|t| {
                let mut row: Vec<Text> = vec![calendar.budget_label(t).to_string().into()];
                for r in 0..self.portfolio.resources.len() {
                    let (used, capacity) =
                        (self.evaluation.usage[t][r], self.evaluation.capacity[t][r]);
                    row.push(
                        format!("{} / {}", self.amount(r, used), self.amount(r, capacity)).into(),
                    );
                    row.push(
                        self.utilisation(t, r)
                            .map_or_else(
                                || self.t(Label::Nothing).to_owned(),
                                |u| percent(self.language, u),
                            )
                            .into(),
                    );
                }
                row
            })
            .collect();
        Table {
            title: self.t_budget(Label::ResourceUse).into(),
            header,
            align,
            rows,
        }
    }

    /// Coverage per dimension; with maturity indicators, each dimension's Ist → Soll
    /// beside it and a title that says coverage is the share of this portfolio's impact.
    pub fn coverage(&self) -> Table {
        let with_maturity = !self.evaluation.maturity.is_empty();
        let rows = self
            .evaluation
            .coverage
            .iter()
            .zip(&self.portfolio.dimensions)
            .map(|(c, d)| {
                let mut row: Vec<Text> = vec![
                    d.name.get(self.language).into(),
                    number(self.language, c.achieved, 1).into(),
                    number(self.language, c.possible, 1).into(),
                    if c.possible > 0.0 {
                        percent(self.language, c.share).into()
                    } else {
                        self.t(Label::Nothing).into()
                    },
                ];
                row.extend(self.coverage_maturity(&d.id.value));
                row
            })
            .collect();
        let mut header: Vec<Text> = vec![
            self.t(Label::Dimension).into(),
            self.t(Label::Achieved).into(),
            self.t(Label::Possible).into(),
            "%".into(),
        ];
        let mut align = vec![Align::Left, Align::Right, Align::Right, Align::Right];
        let title = if with_maturity {
            header.push(
                de_en(
                    self.language,
                    "Reifegrad: Ist → Ende (Soll)",
                    "Maturity: baseline → end (target)",
                )
                .into(),
            );
            align.push(Align::Left);
            de_en(
                self.language,
                "Abdeckung je Dimension (Anteil an der Wirkung der Maßnahmen dieses Portfolios, kein Reifegrad)",
                "Coverage per dimension (share of the impact of this portfolio's measures, not maturity)",
            )
            .into()
        } else {
            self.t(Label::Coverage).into()
        };
        Table {
            title,
            header,
            align,
            rows,
        }
    }

    /// Measures not scheduled, by rank, with their reasons.
    pub fn not_scheduled(&self) -> Table {
        let mut rows: Vec<(usize, Vec<Text>)> = self
            .roadmap
            .placements
            .iter()
            .enumerate()
            .filter_map(|(j, p)| match p {
                Placement::NotScheduled { reason } => Some((
                    self.scores.measures[j].rank,
                    vec![
                        self.portfolio.measures[j].id.value.as_str().into(),
                        self.name(j).into(),
                        self.reason(reason),
                    ],
                )),
                _ => None,
            })
            .collect();
        rows.sort_by_key(|(rank, _)| *rank);
        Table {
            title: self.t(Label::NotScheduledTitle).into(),
            header: vec![
                self.t(Label::Id).into(),
                self.t(Label::Measure).into(),
                self.t(Label::Reason).into(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left],
            rows: rows.into_iter().map(|(_, row)| row).collect(),
        }
    }
}
