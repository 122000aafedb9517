//! `sweep`: plan every combination of values for a few paths of the portfolio (a budget ×
//! staff grid, a weight, a deadline), in memory and in parallel, one row per combination.
//!
//! An axis is `PATH=FROM..TO/N` (N values evenly spaced from FROM to TO, both included),
//! `PATH=A,B,C` (a list) or `PATH=VALUE`. The paths are those of `--set` whose change can be
//! applied to the loaded portfolio ([`Change`]); see [`PATHS`]. Every combination is the
//! base with one value of each axis applied, re-planned with the same options and seed, so
//! the rows do not depend on the number of threads or their order.

mod repair;

use super::{Slot, slot};
use crate::model::Portfolio;
use crate::model::change::Change;
use crate::model::period::PeriodLabel;
use crate::plan::{PlanError, Scored, replan_from};
use crate::schedule::checked::Internal;
use crate::schedule::{Bound, Depth, Options};

/// The paths a sweep can vary, for messages and the README.
pub const PATHS: &str = "`resources.ID.capacity`, `resources.ID.capacity.default`, \
    `resources.ID.capacity.PERIOD`, `measures.ID.cost.RESOURCE`, \
    `measures.ID.run_cost.RESOURCE`, `measures.ID.duration`, `measures.ID.impact.DIMENSION`, \
    `measures.ID.deadline`, `measures.ID.mandatory`, `dimensions.ID.weight`";

/// Most values on one range.
pub const MAX_STEPS: usize = 1000;

/// Most combinations in one sweep.
pub const MAX_COMBINATIONS: usize = 10_000;

/// What a path changes, with its ids.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// `resources.R.capacity` (every period), `.default` (periods without their own) or
    /// `.PERIOD`.
    Capacity(String, Periods),
    Cost(String, String),
    RunCost(String, String),
    Duration(String),
    Impact(String, String),
    Deadline(String),
    Mandatory(String),
    Weight(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Periods {
    All,
    Default,
    One(PeriodLabel),
}

/// One value of an axis.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(f64),
    Period(PeriodLabel),
    Flag(bool),
}

/// One `--set` of a sweep: a path and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The path as given.
    pub path: String,
    target: Target,
    values: Vec<Value>,
}

impl Axis {
    /// The values as they appear in the report (`800000`, `2029`, `true`).
    pub fn labels(&self) -> Vec<String> {
        self.values.iter().map(value_label).collect()
    }
}

fn value_label(value: &Value) -> String {
    match value {
        Value::Number(n) => {
            let text = format!("{n:.6}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
        Value::Period(p) => p.to_string(),
        Value::Flag(b) => b.to_string(),
    }
}

/// A sweep argument that cannot be used; the message says what to write.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("--set '{argument}': {message}")]
pub struct SweepError {
    /// The argument as given.
    pub argument: String,
    /// What is wrong and what to do.
    pub message: String,
}

/// Reads `PATH=VALUES` for `portfolio`: the path, and the values of its kind. `amount`
/// reads an amount as the loader does (`800k`, `1.2M`), or says what is wrong with it.
pub fn parse_axis(
    argument: &str,
    portfolio: &Portfolio,
    amount: &dyn Fn(&str) -> Result<f64, String>,
) -> Result<Axis, SweepError> {
    let fail = |message: String| SweepError {
        argument: argument.to_owned(),
        message,
    };
    let (path, values) = argument
        .split_once('=')
        .ok_or_else(|| fail("write PATH=FROM..TO/N, PATH=A,B,C or PATH=VALUE".to_owned()))?;
    let target = target(path.trim(), portfolio).map_err(&fail)?;
    let values = values.trim();
    let values = match values.split_once("..") {
        Some((from, rest)) => range(&target, from, rest, amount).map_err(&fail)?,
        None => list(&target, values)
            .map_err(&fail)?
            .into_iter()
            .map(|v| value(&target, v, amount))
            .collect::<Result<Vec<Value>, String>>()
            .map_err(&fail)?,
    };
    let axis = Axis {
        path: path.trim().to_owned(),
        target,
        values,
    };
    // Ids the change does not check itself (validation would, in every row).
    let known = |ids: Vec<&str>, id: &str, kind: &str| {
        if ids.contains(&id) {
            Ok(())
        } else {
            Err(fail(format!(
                "there is no {kind} `{id}`; {kind}s: {}",
                ids.join(", ")
            )))
        }
    };
    let dimensions = portfolio
        .dimensions
        .iter()
        .map(|d| d.id.value.as_str())
        .collect();
    let resources = portfolio
        .resources
        .iter()
        .map(|r| r.id.value.as_str())
        .collect();
    match &axis.target {
        Target::Impact(_, d) => known(dimensions, d, "dimension")?,
        Target::Cost(_, r) | Target::RunCost(_, r) => known(resources, r, "resource")?,
        _ => {}
    }
    // The other ids are checked by applying the first value: what cannot apply is refused now.
    for change in changes(&axis.target, &axis.values[0], portfolio) {
        change.apply(portfolio).map_err(|e| fail(format!("{e}")))?;
    }
    Ok(axis)
}

fn target(path: &str, portfolio: &Portfolio) -> Result<Target, String> {
    let parts: Vec<&str> = path.split('.').collect();
    let owned = |s: &str| s.to_owned();
    Ok(match parts.as_slice() {
        ["resources", r, "capacity"] => Target::Capacity(owned(r), Periods::All),
        ["resources", r, "capacity", "default"] => Target::Capacity(owned(r), Periods::Default),
        ["resources", r, "capacity", period] => {
            let label = PeriodLabel::parse(period).map_err(|e| e.0)?;
            if !portfolio.calendar.labels().contains(&label) {
                return Err(format!("{label} is not a period of the horizon"));
            }
            Target::Capacity(owned(r), Periods::One(label))
        }
        ["measures", m, "cost", r] => Target::Cost(owned(m), owned(r)),
        ["measures", m, "run_cost", r] => Target::RunCost(owned(m), owned(r)),
        ["measures", m, "duration"] => Target::Duration(owned(m)),
        ["measures", m, "impact", d] => Target::Impact(owned(m), owned(d)),
        ["measures", m, "deadline"] => Target::Deadline(owned(m)),
        ["measures", m, "mandatory"] => Target::Mandatory(owned(m)),
        ["dimensions", d, "weight"] => Target::Weight(owned(d)),
        _ => return Err(format!("`{path}` cannot be swept; a sweep varies {PATHS}")),
    })
}

/// The items of `A,B,C`. A list of amounts where some have a unit and others not
/// (`1,2 Mio`) is refused: it is likely a decimal comma, which amounts never have.
fn list<'a>(target: &Target, values: &'a str) -> Result<Vec<&'a str>, String> {
    let items: Vec<&str> = values.split(',').map(str::trim).collect();
    let numeric = !matches!(target, Target::Deadline(_) | Target::Mandatory(_));
    let suffixed = |item: &&str| item.contains(|c: char| c.is_alphabetic());
    if numeric && items.iter().any(suffixed) && !items.iter().all(suffixed) {
        return Err(format!(
            "`{values}` reads as {} values separated by commas; a decimal is written with a \
             point (`1.2M`), and in a list give every value its unit (`800k,1.2M`)",
            items.len()
        ));
    }
    Ok(items)
}

/// `FROM..TO/N`, numbers only.
fn range(
    target: &Target,
    from: &str,
    rest: &str,
    amount: &dyn Fn(&str) -> Result<f64, String>,
) -> Result<Vec<Value>, String> {
    let (to, steps) = rest.split_once('/').ok_or_else(|| {
        format!("a range needs the number of values: `{from}..{rest}/5` for 5 values")
    })?;
    let steps: usize = steps.trim().parse().map_err(|_| {
        format!("`{steps}` is not a number of values: write a whole number from 2 to {MAX_STEPS}")
    })?;
    if !(2..=MAX_STEPS).contains(&steps) {
        return Err(format!(
            "a range has 2 to {MAX_STEPS} values, not {steps}; for one value write PATH=VALUE"
        ));
    }
    let (Value::Number(from), Value::Number(to)) = (
        value(target, from.trim(), amount)?,
        value(target, to.trim(), amount)?,
    ) else {
        return Err("only numbers have ranges: list the values instead (A,B,C)".to_owned());
    };
    let values: Vec<f64> = (0..steps)
        .map(|i| from + (to - from) * i as f64 / (steps - 1) as f64)
        .collect();
    if matches!(target, Target::Duration(_)) && values.iter().any(|v| v.fract() != 0.0) {
        return Err(format!(
            "durations are whole periods, but {steps} values from {from} to {to} are not; \
             choose N so that the steps are whole, or list the values"
        ));
    }
    Ok(values.into_iter().map(Value::Number).collect())
}

/// One value of the path's kind.
fn value(
    target: &Target,
    text: &str,
    amount: &dyn Fn(&str) -> Result<f64, String>,
) -> Result<Value, String> {
    match target {
        Target::Deadline(_) => PeriodLabel::parse(text)
            .map(Value::Period)
            .map_err(|e| format!("`{text}`: {}", e.0)),
        Target::Mandatory(_) => match text {
            "true" => Ok(Value::Flag(true)),
            "false" => Ok(Value::Flag(false)),
            _ => Err(format!("`{text}` is not true or false")),
        },
        Target::Duration(_) => match text.parse::<u32>() {
            Ok(n) => Ok(Value::Number(f64::from(n))),
            Err(_) => Err(format!("`{text}` is not a whole number of periods")),
        },
        _ => {
            let number = amount(text).map_err(|e| format!("`{text}`: {e}"))?;
            if number < 0.0 {
                return Err(format!("`{text}` is negative"));
            }
            Ok(Value::Number(number))
        }
    }
}

/// The changes that set `target` to `value` in `portfolio`.
fn changes(target: &Target, value: &Value, portfolio: &Portfolio) -> Vec<Change> {
    let number = match value {
        Value::Number(n) => *n,
        _ => 0.0,
    };
    let owned = Clone::clone;
    match target {
        Target::Capacity(resource, periods) => {
            let own: Vec<PeriodLabel> = portfolio
                .resources
                .iter()
                .find(|r| &r.id.value == resource)
                .map(|r| r.capacity.by_period.iter().map(|(l, _)| l.value).collect())
                .unwrap_or_default();
            let labels = match periods {
                Periods::One(label) => vec![*label],
                Periods::All => portfolio.calendar.budget_labels(),
                Periods::Default => (portfolio.calendar.budget_labels().into_iter())
                    .filter(|l| !own.contains(l))
                    .collect(),
            };
            let labels = if labels.is_empty() {
                // Still one change, so that an unknown resource is reported.
                portfolio
                    .calendar
                    .budget_labels()
                    .into_iter()
                    .take(1)
                    .collect()
            } else {
                labels
            };
            labels
                .into_iter()
                .map(|period| Change::Capacity {
                    resource: owned(resource),
                    period,
                    amount: number,
                })
                .collect()
        }
        Target::Cost(measure, resource) => vec![Change::Cost {
            measure: owned(measure),
            resource: owned(resource),
            amount: number,
        }],
        Target::RunCost(measure, resource) => vec![Change::RunCost {
            measure: owned(measure),
            resource: owned(resource),
            amount: number,
        }],
        Target::Duration(measure) => vec![Change::Duration {
            measure: owned(measure),
            periods: number as u32,
        }],
        Target::Impact(measure, dimension) => vec![Change::Impact {
            measure: owned(measure),
            dimension: owned(dimension),
            score: number,
        }],
        Target::Deadline(measure) => match value {
            Value::Period(period) => vec![Change::Deadline {
                measure: owned(measure),
                period: *period,
            }],
            _ => Vec::new(),
        },
        Target::Mandatory(measure) => vec![Change::Mandatory {
            measure: owned(measure),
            mandatory: matches!(value, Value::Flag(true)),
        }],
        Target::Weight(dimension) => vec![Change::Weight {
            dimension: owned(dimension),
            weight: number,
        }],
    }
}

/// Every combination planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    /// Portfolio title.
    pub portfolio: String,
    /// The portfolio's report language.
    pub language: Option<crate::model::Language>,
    /// The portfolio's currency.
    pub currency: String,
    /// What the roadmap is planned for, so the report names the objective's unit.
    pub objective: crate::model::risk::Objective,
    /// The axes' paths, in the order given.
    pub paths: Vec<String>,
    /// Every resource, for the follow-up columns.
    pub resources: Vec<super::ResourceInfo>,
    /// The measures tracked (`--track`).
    pub tracked: Vec<String>,
    /// One row per combination; the last axis varies fastest.
    pub rows: Vec<Row>,
}

/// One combination and its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// One value per axis, as labels.
    pub values: Vec<String>,
    /// The plan, or why there is none.
    pub result: RowResult,
}

/// A combination's plan.
#[derive(Debug, Clone, PartialEq)]
pub enum RowResult {
    /// Planned.
    Planned {
        /// Resilience-periods.
        objective: f64,
        /// Measures in the roadmap (scheduled or done before the horizon).
        scheduled: usize,
        /// Measures not scheduled.
        not_scheduled: usize,
        /// Run costs per period after the horizon, per resource.
        follow_up: Vec<f64>,
        /// Per tracked measure: where it is.
        tracked: Vec<Slot>,
    },
    /// Mandatory or fixed measures do not fit: the first problem.
    Infeasible {
        /// The problem, in words.
        problem: String,
    },
}

/// A combination's row, and its roadmap (a start per measure) when it has one.
type Planned = (Result<RowResult, Internal>, Option<Vec<Option<usize>>>);

/// Why a sweep stopped.
#[derive(Debug, thiserror::Error)]
pub enum SweepRunError {
    /// Too many combinations (refused before planning).
    #[error(
        "{0} combinations are more than a sweep plans (at most {MAX_COMBINATIONS}): use fewer values"
    )]
    TooMany(usize),
    /// `--track` names no measure.
    #[error("--track `{0}` is not a measure of the portfolio")]
    UnknownMeasure(String),
    /// A bug.
    #[error(transparent)]
    Internal(Internal),
}

/// Plans every combination of `axes` on `threads` threads (at least 1); `progress` is
/// called once per combination planned. Every combination is planned at
/// [`Depth::Analysis`] (whatever `options.depth` says).
pub fn sweep(
    scored: &Scored,
    axes: &[Axis],
    track: &[String],
    options: &Options,
    threads: usize,
    progress: &(dyn Fn() + Sync),
) -> Result<Sweep, SweepRunError> {
    let options = &Options {
        depth: Depth::Analysis,
        ..*options
    };
    let portfolio = &scored.portfolio;
    if let Some(id) = track
        .iter()
        .find(|id| !portfolio.measures.iter().any(|m| &m.id.value == *id))
    {
        return Err(SweepRunError::UnknownMeasure(id.clone()));
    }
    let total = axes
        .iter()
        .try_fold(1usize, |n, a| n.checked_mul(a.values.len()))
        .unwrap_or(usize::MAX);
    if total > MAX_COMBINATIONS {
        return Err(SweepRunError::TooMany(total));
    }
    // Combination i: the digits of i in the mixed radix of the axes, the last fastest.
    let combination = |mut i: usize| -> Vec<usize> {
        let mut digits = vec![0; axes.len()];
        for (a, axis) in axes.iter().enumerate().rev() {
            digits[a] = i % axis.values.len();
            i /= axis.values.len();
        }
        digits
    };
    let changes_of = |i: usize| -> Vec<Change> {
        axes.iter()
            .zip(combination(i))
            .flat_map(|(axis, d)| changes(&axis.target, &axis.values[d], portfolio))
            .collect()
    };
    let plan_one = |i: usize, warm: &[Vec<Option<usize>>]| -> Planned {
        match replan_from(scored, &changes_of(i), options, Bound::ResourceFree, warm) {
            Ok(planning) => (
                Ok(RowResult::Planned {
                    objective: planning.evaluation.objective,
                    scheduled: planning.evaluation.scheduled + planning.evaluation.done,
                    not_scheduled: planning.evaluation.not_scheduled,
                    follow_up: planning.evaluation.follow_up.clone(),
                    tracked: track.iter().map(|id| slot(&planning, id)).collect(),
                }),
                Some(repair::starts(&planning)),
            ),
            Err(PlanError::Failed(failed)) => (
                Ok(RowResult::Infeasible {
                    problem: failed.first_error(),
                }),
                None,
            ),
            Err(PlanError::Internal(internal)) => (Err(internal), None),
        }
    };
    let mut planned = crate::parallel::map(total, threads.max(1), |i| {
        let result = plan_one(i, &[]);
        progress();
        result
    });
    repair::repair(axes, threads.max(1), &combination, &plan_one, &mut planned);
    let mut rows = Vec::with_capacity(total);
    for (i, (result, _)) in planned.into_iter().enumerate() {
        rows.push(Row {
            values: axes
                .iter()
                .zip(combination(i))
                .map(|(axis, d)| value_label(&axis.values[d]))
                .collect(),
            result: result.map_err(SweepRunError::Internal)?,
        });
    }
    Ok(Sweep {
        portfolio: portfolio.name.clone(),
        language: portfolio.language,
        currency: portfolio.currency.clone(),
        objective: portfolio
            .objective
            .as_ref()
            .map(|o| o.value)
            .unwrap_or_default(),
        paths: axes.iter().map(|a| a.path.clone()).collect(),
        resources: portfolio
            .resources
            .iter()
            .map(|r| super::ResourceInfo {
                id: r.id.value.clone(),
                unit: r.unit.clone(),
                name: r.name.clone(),
            })
            .collect(),
        tracked: track.to_vec(),
        rows,
    })
}
