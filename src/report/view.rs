//! What the plan and rank reports show, as language-formatted rows shared by
//! every text format. Values come from `score`, `schedule` and `evaluate`;
//! this module only picks and formats them.

use super::lang::{self, Label};
use crate::graph::DependencyGraph;
use crate::model::period::Calendar;
use crate::model::roadmap::{Placement, Reason, Roadmap};
use crate::model::{Language, Measure, Portfolio, Status};
use crate::schedule::evaluate::Evaluation;
use crate::score::Scores;

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A titled table of formatted cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Section title.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Alignment per column.
    pub align: Vec<Align>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

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
    pub bound: (f64, crate::schedule::bound::BoundMethod, f64),
    /// Report language.
    pub language: Language,
    /// Tool, inputs and search settings, for the foot of the report.
    pub provenance: &'a crate::report::provenance::Provenance,
}

impl PlanView<'_> {
    fn t(&self, label: Label) -> &'static str {
        lang::text(self.language, label)
    }

    /// `2027–2031`.
    pub fn horizon(&self) -> String {
        let c = &self.portfolio.calendar;
        format!("{}–{}", c.start, c.end)
    }

    /// Formats an amount of resource `r`.
    pub fn amount(&self, r: usize, value: f64) -> String {
        let resource = &self.portfolio.resources[r];
        lang::amount(
            self.language,
            value,
            resource.unit.as_deref(),
            &self.portfolio.currency,
        )
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
    pub fn reason(&self, reason: &Reason) -> String {
        let calendar = &self.portfolio.calendar;
        let de = self.language == Language::De;
        match reason {
            Reason::Dependency { dependency } => {
                let id = &self.portfolio.measures[*dependency].id.value;
                if de {
                    format!("Voraussetzung `{id}` ist nicht eingeplant")
                } else {
                    format!("depends on `{id}`, which is not scheduled")
                }
            }
            Reason::NoWindow {
                earliest_start,
                latest_start,
            } => {
                let earliest = calendar.label(*earliest_start);
                if *earliest_start >= calendar.len() {
                    // Its dependencies or `earliest` leave no period of the horizon at all.
                    let last = calendar.label(calendar.len().saturating_sub(1));
                    return if de {
                        format!(
                            "Voraussetzungen oder `earliest` erlauben frühestens {earliest}, nach dem Horizontende {last}"
                        )
                    } else {
                        format!(
                            "its dependencies or `earliest` allow {earliest} at the earliest, after the horizon ends in {last}"
                        )
                    };
                }
                match latest_start {
                    Some(latest) if de => format!(
                        "frühester Beginn {earliest}, spätester Beginn {}",
                        calendar.label(*latest)
                    ),
                    Some(latest) => format!(
                        "could start {earliest} at the earliest but must start by {}",
                        calendar.label(*latest)
                    ),
                    None if de => format!(
                        "frühester Beginn {earliest}: kein Abschluss im Horizont bzw. bis zur Frist möglich"
                    ),
                    None => format!(
                        "could start {earliest} at the earliest: cannot finish within the horizon and by its deadline"
                    ),
                }
            }
            Reason::Capacity {
                resource,
                periods,
                short_by,
                window,
            } => {
                let id = &self.portfolio.resources[*resource].id.value;
                let labels = period_ranges(periods, |t| calendar.label(t).to_string());
                let short = self.amount(*resource, *short_by);
                let starts = if window.0 == window.1 {
                    calendar.label(window.0).to_string()
                } else {
                    format!("{}–{}", calendar.label(window.0), calendar.label(window.1))
                };
                if de {
                    format!(
                        "`{id}` reicht nicht ({labels}; mindestens {short} zu wenig) für jeden Beginn in {starts}"
                    )
                } else {
                    format!(
                        "`{id}` is short in {labels} (by at least {short}) for every start in {starts}"
                    )
                }
            }
        }
    }

    /// "at least 96 % of the best possible (upper bound 228.0, LP relaxation)".
    pub fn quality(&self) -> String {
        use crate::schedule::bound::BoundMethod;
        let (bound, method, share) = self.bound;
        // Round down: "at least" must stay true after rounding.
        let percent = (share * 1000.0).floor() / 10.0;
        let method = match (method, self.language) {
            (BoundMethod::LinearRelaxation, Language::De) => "LP-Relaxierung",
            (BoundMethod::LinearRelaxation, Language::En) => "LP relaxation",
            (BoundMethod::ResourceFree, Language::De) => "ohne Ressourcengrenzen",
            (BoundMethod::ResourceFree, Language::En) => "ignoring resources",
            (BoundMethod::Lagrangian, Language::De) => "Lagrange-Relaxierung",
            (BoundMethod::Lagrangian, Language::En) => "Lagrangian relaxation",
            (BoundMethod::Optimal, Language::De) => "bewiesen optimal",
            (BoundMethod::Optimal, Language::En) => "proven optimal",
        };
        let percent = lang::number(self.language, percent, 1);
        let bound = lang::number(self.language, bound, 1);
        match self.language {
            Language::De => format!(
                "mindestens {percent} % des bestmöglichen Werts (Schranke {bound}, {method})"
            ),
            Language::En => {
                format!("at least {percent}% of the best possible (bound {bound}, {method})")
            }
        }
    }

    /// Summary lines: horizon, objective, counts, resource use, follow-up costs.
    pub fn summary(&self) -> Vec<(String, String)> {
        let e = self.evaluation;
        let total = self.portfolio.measures.len();
        let mut lines = vec![(
            self.t(Label::Horizon).to_owned(),
            format!(
                "{} ({} {})",
                self.horizon(),
                self.portfolio.calendar.len(),
                self.t(Label::Periods)
            ),
        )];
        let de = self.language == Language::De;
        if !self.portfolio.scenarios.is_empty() {
            let names: Vec<String> = self
                .portfolio
                .scenarios
                .iter()
                .map(|s| format!("{} ({})", s.name.get(self.language), s.path))
                .collect();
            lines.push((
                if de { "Szenarien" } else { "Scenarios" }.to_owned(),
                names.join(" · "),
            ));
        }
        if !self.portfolio.overrides.is_empty() {
            let sets: Vec<String> = self
                .portfolio
                .overrides
                .iter()
                .map(|s| format!("`--set {s}`"))
                .collect();
            lines.push((
                if de { "Geändert" } else { "Changed" }.to_owned(),
                sets.join(" "),
            ));
        }
        lines.extend([
            (
                self.t(Label::Objective).to_owned(),
                lang::number(self.language, e.objective, 1),
            ),
            (self.t(Label::Quality).to_owned(), self.quality()),
            (
                self.t(Label::Measures).to_owned(),
                format!(
                    "{} {} · {} {} · {} {} ({total})",
                    e.scheduled,
                    self.t(Label::Scheduled),
                    e.done,
                    self.t(Label::Done),
                    e.not_scheduled,
                    self.t(Label::NotScheduled)
                ),
            ),
        ]);
        for (r, resource) in self.portfolio.resources.iter().enumerate() {
            let used: f64 = e.usage.iter().map(|row| row[r]).sum();
            let capacity: f64 = e.capacity.iter().map(|row| row[r]).sum();
            let share = if capacity.is_finite() && capacity > 0.0 {
                format!(" ({})", lang::percent(self.language, used / capacity))
            } else {
                String::new()
            };
            lines.push((
                format!("{} `{}`", self.t(Label::Resource), resource.id.value),
                format!(
                    "{} / {}{share}",
                    self.amount(r, used),
                    self.amount(r, capacity)
                ),
            ));
        }
        let follow: Vec<String> = self
            .portfolio
            .resources
            .iter()
            .enumerate()
            .filter(|(r, _)| e.follow_up[*r] > 0.0)
            .map(|(r, resource)| {
                format!("{} `{}`", self.amount(r, e.follow_up[r]), resource.id.value)
            })
            .collect();
        lines.push((
            format!(
                "{} ({})",
                self.t(Label::FollowUpCosts),
                self.t(Label::FollowUpNote)
            ),
            if follow.is_empty() {
                self.t(Label::Nothing).to_owned()
            } else {
                follow.join(" · ")
            },
        ));
        lines
    }

    /// Measures in roadmap order: scheduled by start (then rank), then done, then not scheduled by rank.
    /// Without `names` the table fits a narrow terminal (the id is the short name).
    pub fn measures(&self, names: bool) -> Table {
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
                let mut id = measure.id.value.clone();
                if !names && measure.mandatory {
                    id.push_str(" (!)");
                }
                let mut row = vec![self.scores.measures[j].rank.to_string(), id];
                if names {
                    row.push(name);
                }
                row.extend([
                    start,
                    finish,
                    lang::number(self.language, self.scores.measures[j].value, 2),
                    self.cost(measure, false),
                ]);
                row
            })
            .collect();
        let mut header = vec![Label::Rank, Label::Id];
        let mut align = vec![Align::Right, Align::Left];
        if names {
            header.push(Label::Measure);
            align.push(Align::Left);
        }
        header.extend([Label::Start, Label::Finish, Label::Value, Label::Cost]);
        align.extend([Align::Left, Align::Left, Align::Right, Align::Right]);
        Table {
            title: self.t(Label::Measures).to_owned(),
            header: header.iter().map(|l| self.t(*l).to_owned()).collect(),
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
                    calendar.label(t).to_string(),
                    list(starts),
                    list(completes),
                    lang::number(self.language, self.evaluation.curve[t], 2),
                ]
            })
            .collect();
        Table {
            title: self.t(Label::ByPeriod).to_owned(),
            header: vec![
                self.t(Label::Period).to_owned(),
                self.t(Label::Starts).to_owned(),
                self.t(Label::Completes).to_owned(),
                self.t(Label::ResilienceCurve).to_owned(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left, Align::Right],
            rows,
        }
    }

    /// Per period and resource: use against capacity.
    pub fn resource_use(&self) -> Table {
        let calendar = &self.portfolio.calendar;
        let mut header = vec![self.t(Label::Period).to_owned()];
        let mut align = vec![Align::Left];
        for resource in &self.portfolio.resources {
            header.push(format!(
                "{} ({} / {})",
                resource.id.value,
                self.t(Label::Used),
                self.t(Label::Capacity)
            ));
            header.push(self.t(Label::Utilisation).to_owned());
            align.extend([Align::Right, Align::Right]);
        }
        let rows = (0..calendar.len())
            .map(|t| {
                let mut row = vec![calendar.label(t).to_string()];
                for r in 0..self.portfolio.resources.len() {
                    let (used, capacity) =
                        (self.evaluation.usage[t][r], self.evaluation.capacity[t][r]);
                    row.push(format!(
                        "{} / {}",
                        self.amount(r, used),
                        self.amount(r, capacity)
                    ));
                    row.push(self.utilisation(t, r).map_or_else(
                        || self.t(Label::Nothing).to_owned(),
                        |u| lang::percent(self.language, u),
                    ));
                }
                row
            })
            .collect();
        Table {
            title: self.t(Label::ResourceUse).to_owned(),
            header,
            align,
            rows,
        }
    }

    /// Coverage per dimension.
    pub fn coverage(&self) -> Table {
        let rows = self
            .evaluation
            .coverage
            .iter()
            .zip(&self.portfolio.dimensions)
            .map(|(c, d)| {
                vec![
                    d.name.get(self.language).to_owned(),
                    lang::number(self.language, c.achieved, 1),
                    lang::number(self.language, c.possible, 1),
                    if c.possible > 0.0 {
                        lang::percent(self.language, c.share)
                    } else {
                        self.t(Label::Nothing).to_owned()
                    },
                ]
            })
            .collect();
        Table {
            title: self.t(Label::Coverage).to_owned(),
            header: vec![
                self.t(Label::Dimension).to_owned(),
                self.t(Label::Achieved).to_owned(),
                self.t(Label::Possible).to_owned(),
                "%".to_owned(),
            ],
            align: vec![Align::Left, Align::Right, Align::Right, Align::Right],
            rows,
        }
    }

    /// Measures not scheduled, by rank, with their reasons.
    pub fn not_scheduled(&self) -> Table {
        let mut rows: Vec<(usize, Vec<String>)> = self
            .roadmap
            .placements
            .iter()
            .enumerate()
            .filter_map(|(j, p)| match p {
                Placement::NotScheduled { reason } => Some((
                    self.scores.measures[j].rank,
                    vec![
                        self.portfolio.measures[j].id.value.clone(),
                        self.name(j).to_owned(),
                        self.reason(reason),
                    ],
                )),
                _ => None,
            })
            .collect();
        rows.sort_by_key(|(rank, _)| *rank);
        Table {
            title: self.t(Label::NotScheduledTitle).to_owned(),
            header: vec![
                self.t(Label::Id).to_owned(),
                self.t(Label::Measure).to_owned(),
                self.t(Label::Reason).to_owned(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left],
            rows: rows.into_iter().map(|(_, row)| row).collect(),
        }
    }
}

/// `2027, 2029–2031` from sorted period indices.
pub fn period_ranges(periods: &[usize], label: impl Fn(usize) -> String) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < periods.len() {
        let mut j = i;
        while j + 1 < periods.len() && periods[j + 1] == periods[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            label(periods[i])
        } else {
            format!("{}–{}", label(periods[i]), label(periods[j]))
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// The rank report: every measure by rank with its scores.
pub fn ranking(portfolio: &Portfolio, scores: &Scores, language: Language) -> Table {
    let t = |l| lang::text(language, l);
    let rows = scores
        .ranking
        .iter()
        .map(|&j| {
            let measure = &portfolio.measures[j];
            let score = &scores.measures[j];
            let cost: Vec<String> = portfolio
                .resources
                .iter()
                .filter_map(|r| {
                    let v = Measure::amount(&measure.cost, &r.id.value);
                    (v > 0.0)
                        .then(|| lang::amount(language, v, r.unit.as_deref(), &portfolio.currency))
                })
                .collect();
            vec![
                score.rank.to_string(),
                measure.id.value.clone(),
                measure.name.get(language).to_owned(),
                lang::number(language, score.value, 2),
                score.value_per_million.map_or_else(
                    || t(Label::Nothing).to_owned(),
                    |v| lang::number(language, v, 2),
                ),
                lang::number(language, score.enabler_value, 2),
                if cost.is_empty() {
                    t(Label::Nothing).to_owned()
                } else {
                    cost.join(" · ")
                },
            ]
        })
        .collect();
    Table {
        title: t(Label::Ranking).to_owned(),
        header: [
            Label::Rank,
            Label::Id,
            Label::Measure,
            Label::Value,
            Label::ValuePerMillion,
            Label::Enables,
            Label::Cost,
        ]
        .iter()
        .map(|l| t(*l).to_owned())
        .collect(),
        align: vec![
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        rows,
    }
}

/// Where a measure stands in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// In the roadmap.
    Scheduled,
    /// Finished before the horizon.
    Done,
    /// Not in the roadmap.
    NotScheduled,
}

/// One measure with the unformatted figures that exports and charts need.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow<'a> {
    /// Index in `Portfolio::measures`.
    pub index: usize,
    /// Id.
    pub id: &'a str,
    /// Name in the report language.
    pub name: &'a str,
    /// Area, if given.
    pub area: Option<&'a str>,
    /// Must be in the roadmap.
    pub mandatory: bool,
    /// `status: fixed` in the portfolio.
    pub fixed: bool,
    /// Periods it runs; 0 for a milestone.
    pub duration: u32,
    /// In a plan: scheduled, done or not; `None` in a ranking.
    pub status: Option<RowStatus>,
    /// When scheduled: first and last period it runs (a milestone's last is its first).
    pub periods: Option<(usize, usize)>,
    /// Why it is not scheduled, in words.
    pub reason: Option<String>,
    /// Cost per resource (portfolio order), total over the duration.
    pub cost: Vec<f64>,
    /// Run cost per resource (portfolio order), per period after completion.
    pub run_cost: Vec<f64>,
    /// Value (weighted mean impact).
    pub value: f64,
    /// Value per million of the money resource, if it has one and costs any.
    pub value_per_million: Option<f64>,
    /// Value of everything that depends on it.
    pub enabler_value: f64,
    /// Rank (1 = first).
    pub rank: usize,
}

fn measure_row<'a>(
    portfolio: &'a Portfolio,
    scores: &Scores,
    language: Language,
    j: usize,
) -> MeasureRow<'a> {
    let measure = &portfolio.measures[j];
    let score = &scores.measures[j];
    let per_resource = |amounts| {
        portfolio
            .resources
            .iter()
            .map(|r| Measure::amount(amounts, &r.id.value))
            .collect()
    };
    MeasureRow {
        index: j,
        id: &measure.id.value,
        name: measure.name.get(language),
        area: measure.area.as_deref(),
        mandatory: measure.mandatory,
        fixed: measure.status.value == Status::Fixed,
        duration: measure.duration.value,
        status: None,
        periods: None,
        reason: None,
        cost: per_resource(&measure.cost),
        run_cost: per_resource(&measure.run_cost),
        value: score.value,
        value_per_million: score.value_per_million,
        enabler_value: score.enabler_value,
        rank: score.rank,
    }
}

/// Every measure of a ranking, by rank.
pub fn rank_rows<'a>(
    portfolio: &'a Portfolio,
    scores: &Scores,
    language: Language,
) -> Vec<MeasureRow<'a>> {
    scores
        .ranking
        .iter()
        .map(|&j| measure_row(portfolio, scores, language, j))
        .collect()
}

/// Measures of one area, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGroup<'a> {
    /// The area; `None` for measures without one.
    pub area: Option<&'a str>,
    /// Measure indices.
    pub measures: Vec<usize>,
}

/// Groups `order` by area: areas in the order they first appear in the portfolio,
/// measures without an area last; within a group, the order of `order`.
pub fn area_groups<'a>(portfolio: &'a Portfolio, order: &[usize]) -> Vec<AreaGroup<'a>> {
    // Group index per area, by first appearance; a map keeps this linear for many areas.
    let mut index: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut groups: Vec<AreaGroup<'a>> = Vec::new();
    for area in portfolio.measures.iter().filter_map(|m| m.area.as_deref()) {
        index.entry(area).or_insert_with(|| {
            groups.push(AreaGroup {
                area: Some(area),
                measures: Vec::new(),
            });
            groups.len() - 1
        });
    }
    let none = groups.len();
    groups.push(AreaGroup {
        area: None,
        measures: Vec::new(),
    });
    for &j in order {
        let group = portfolio.measures[j]
            .area
            .as_deref()
            .and_then(|area| index.get(area).copied())
            .unwrap_or(none);
        groups[group].measures.push(j);
    }
    groups.retain(|group| !group.measures.is_empty());
    groups
}

/// The first day of period `t` (which may lie past the horizon) as `YYYY-MM-DD`.
pub fn period_date(calendar: &Calendar, t: usize) -> String {
    let label = calendar.label(t);
    format!("{:04}-{:02}-01", label.year, label.first_month())
}

impl PlanView<'_> {
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

    /// Use of resource `r` in period `t` as a share of its capacity; `None` without a capacity.
    pub fn utilisation(&self, t: usize, r: usize) -> Option<f64> {
        let (used, capacity) = (self.evaluation.usage[t][r], self.evaluation.capacity[t][r]);
        (capacity.is_finite() && capacity > 0.0).then(|| used / capacity)
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

/// A node of the dependency graph as reports draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode<'a> {
    /// Id.
    pub id: &'a str,
    /// Name in the report language.
    pub name: &'a str,
    /// Finished before the horizon.
    pub done: bool,
    /// Must be in the roadmap.
    pub mandatory: bool,
}

/// The dependency graph of a portfolio, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphView<'a> {
    /// Portfolio name.
    pub title: &'a str,
    /// Tool and inputs, for a comment at the top.
    pub provenance: Option<&'a crate::report::provenance::Provenance>,
    /// Report language.
    pub language: Language,
    /// One node per measure, in portfolio order.
    pub nodes: Vec<GraphNode<'a>>,
    /// `(dependency, dependent)` pairs, sorted.
    pub edges: Vec<(usize, usize)>,
    /// Nodes by area (see [`area_groups`]).
    pub groups: Vec<AreaGroup<'a>>,
}

impl GraphView<'_> {
    /// Display name of an area group (`None` is "no area").
    pub fn area_name<'b>(&self, area: Option<&'b str>) -> &'b str {
        area.unwrap_or(lang::text(self.language, Label::NoArea))
    }
}

/// The dependency graph of `portfolio` (built by `validate::dependency_graph`).
pub fn graph_view<'a>(
    portfolio: &'a Portfolio,
    graph: &DependencyGraph,
    language: Language,
) -> GraphView<'a> {
    let nodes = portfolio
        .measures
        .iter()
        .map(|m| GraphNode {
            id: &m.id.value,
            name: m.name.get(language),
            done: m.status.value == Status::Done,
            mandatory: m.mandatory,
        })
        .collect();
    let mut edges: Vec<(usize, usize)> = (0..graph.node_count())
        .flat_map(|j| graph.dependencies(j).into_iter().map(move |d| (d, j)))
        .collect();
    edges.sort_unstable();
    let order: Vec<usize> = (0..portfolio.measures.len()).collect();
    GraphView {
        title: &portfolio.name,
        provenance: None,
        language,
        nodes,
        edges,
        groups: area_groups(portfolio, &order),
    }
}
