//! The rank report's table, and measures as rows of unformatted figures for exports and charts.

use super::duty_words::duty_name;
use super::table::{Align, Table};
use crate::model::obligation::Duty;
use crate::model::{Language, Measure, Portfolio, Status};
use crate::report::lang::{Label, de_en};
use crate::report::number::{amount, number};
use crate::report::text::Text;
use crate::score::Scores;

/// The rank report: every measure by rank with its scores. When measures are statutory
/// duties or directed tasks, they come first as a group of their own (their duty class in
/// place of a rank: a duty is not optional, whatever its value), and the free measures
/// follow with their ranks.
pub fn ranking(portfolio: &Portfolio, scores: &Scores, language: Language) -> Vec<Table> {
    let bound = |j: &usize| portfolio.measures[*j].duty() != Duty::Voluntary;
    if !scores.ranking.iter().any(bound) {
        return vec![ranking_of(
            portfolio,
            scores,
            language,
            &scores.ranking,
            None,
        )];
    }
    let (duties, free): (Vec<usize>, Vec<usize>) = scores.ranking.iter().partition(|j| bound(j));
    let title = de_en(
        language,
        "Pflicht- und Weisungsaufgaben",
        "Statutory duties and directed tasks",
    );
    let class = de_en(language, "Aufgabenart", "Duty class");
    vec![
        ranking_of(portfolio, scores, language, &duties, Some((title, class))),
        ranking_of(portfolio, scores, language, &free, None),
    ]
}

/// A ranking table of the measures `order`; with `duties` (title, first header) the first
/// column is the duty class instead of the rank.
fn ranking_of(
    portfolio: &Portfolio,
    scores: &Scores,
    language: Language,
    order: &[usize],
    duties: Option<(&str, &str)>,
) -> Table {
    let t = |l: Label| l.text(language);
    let rows = order
        .iter()
        .map(|&j| {
            let measure = &portfolio.measures[j];
            let score = &scores.measures[j];
            let cost: Vec<String> = portfolio
                .resources
                .iter()
                .filter_map(|r| {
                    let v = Measure::amount(&measure.cost, &r.id.value);
                    (v > 0.0).then(|| amount(language, v, r.unit.as_deref(), &portfolio.currency))
                })
                .collect();
            let row = [
                match duties {
                    Some(_) => duty_name(language, measure.duty()).to_owned(),
                    None => score.rank.to_string(),
                },
                measure.id.value.clone(),
                measure.name.get(language).to_owned(),
                number(language, score.value, 2),
                score
                    .value_per_million
                    .map_or_else(|| t(Label::Nothing).to_owned(), |v| number(language, v, 2)),
                number(language, score.enabler_value, 2),
                if cost.is_empty() {
                    t(Label::Nothing).to_owned()
                } else {
                    cost.join(" · ")
                },
            ];
            row.into_iter().map(Text::from).collect()
        })
        .collect();
    let mut header: Vec<Text> = [
        Label::Rank,
        Label::Id,
        Label::Measure,
        Label::Value,
        Label::ValuePerMillion,
        Label::Enables,
        Label::Cost,
    ]
    .iter()
    .map(|l| t(*l).into())
    .collect();
    if let Some((_, class)) = duties {
        header[0] = class.into();
    }
    Table {
        title: duties.map_or(t(Label::Ranking), |(title, _)| title).into(),
        header,
        align: vec![
            if duties.is_some() {
                Align::Left
            } else {
                Align::Right
            },
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
    /// Why it is not scheduled, in words; ids are code.
    pub reason: Option<Text>,
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

/// The row of measure `j`, without its place in a plan.
pub(super) fn measure_row<'a>(
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
