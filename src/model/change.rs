//! Typed changes to a portfolio, applied in memory: what `explain`, `frontier` and later
//! analyses (simulation, sweeps, robustness) vary, without reading or parsing files again.
//!
//! Every change that `--set` can express also gives that `--set PATH=VALUE` text
//! ([`Change::to_set_argument`]). Amounts are applied as that text writes them
//! ([`amount_text`], two decimals at most), so loading the portfolio with the text gives
//! the very same numbers. A change that makes the model invalid (a negative capacity, a
//! deadline the chain cannot meet) is applied as given: validating the changed model
//! reports it as the loader reports the same `--set`.
//!
//! A changed value has no place in any file. It keeps the span of the value it replaces;
//! a value the portfolio did not have takes the span of its owner's id (the measure's, the
//! resource's), or of the capacity's default. Diagnostics about it point there.

use super::{Amounts, Portfolio, amount_text};
use crate::diagnostic::source::{Located, Span};
use crate::model::period::PeriodLabel;
use std::collections::BTreeSet;

/// One change to a portfolio.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The capacity of a resource in one period.
    Capacity {
        /// Resource id.
        resource: String,
        /// The period.
        period: PeriodLabel,
        /// The new capacity (rounded to two decimals, as written).
        amount: f64,
    },
    /// Every capacity of a resource (the default and each period's) times a factor:
    /// what `frontier` varies. The products are not rounded.
    Scale {
        /// Resource id.
        resource: String,
        /// Factor, finite and not negative.
        factor: f64,
    },
    /// Whether a measure must be in the roadmap.
    Mandatory {
        /// Measure id.
        measure: String,
        /// Must it be?
        mandatory: bool,
    },
    /// The period by whose end a measure must be complete.
    Deadline {
        /// Measure id.
        measure: String,
        /// The deadline.
        period: PeriodLabel,
    },
    /// A measure's total cost of a resource over its duration.
    Cost {
        /// Measure id.
        measure: String,
        /// Resource id (validation reports one the portfolio does not declare).
        resource: String,
        /// The cost (rounded to two decimals, as written).
        amount: f64,
    },
    /// A measure's cost of a resource per period after completion.
    RunCost {
        /// Measure id.
        measure: String,
        /// Resource id (validation reports one the portfolio does not declare).
        resource: String,
        /// The run cost (rounded to two decimals, as written).
        amount: f64,
    },
    /// A measure's duration in periods (0: a milestone); its payment profiles are
    /// stretched to it ([`super::profile::stretch`]).
    Duration {
        /// Measure id.
        measure: String,
        /// Periods.
        periods: u32,
    },
    /// A measure's impact score on a dimension.
    Impact {
        /// Measure id.
        measure: String,
        /// Dimension id (validation reports one the portfolio does not declare).
        dimension: String,
        /// The score (rounded to two decimals, as written).
        score: f64,
    },
    /// A dimension's weight.
    Weight {
        /// Dimension id.
        dimension: String,
        /// The weight (rounded to two decimals, as written).
        weight: f64,
    },
    /// Drops a measure, and every measure that (transitively) depends on it, as a
    /// scenario's `exclude` does.
    Exclude {
        /// Measure id.
        measure: String,
    },
}

/// Why a change cannot be applied to a portfolio: it names nothing there, or its number
/// is unusable. (What the changed model makes invalid is validation's to report.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChangeError {
    /// No measure has this id.
    #[error("there is no measure `{0}` to change")]
    UnknownMeasure(String),
    /// No resource has this id.
    #[error("there is no resource `{0}` to change")]
    UnknownResource(String),
    /// No dimension has this id.
    #[error("there is no dimension `{0}` to change")]
    UnknownDimension(String),
    /// A NaN or infinite amount.
    #[error("{0} is not a finite number")]
    NotFinite(String),
    /// A scale factor below 0 or not finite.
    #[error("a scale factor must be a number of 0 or more, found {0}")]
    InvalidFactor(f64),
}

impl Change {
    /// The portfolio with this change applied.
    pub fn apply(&self, portfolio: &Portfolio) -> Result<Portfolio, ChangeError> {
        let mut changed = portfolio.clone();
        self.apply_to(&mut changed)?;
        Ok(changed)
    }

    /// Applies the change in place. A change with a `--set` argument records it in
    /// [`Portfolio::overrides`], as `--set` does; on an error the portfolio is unchanged.
    pub fn apply_to(&self, portfolio: &mut Portfolio) -> Result<(), ChangeError> {
        match self {
            Change::Capacity {
                resource,
                period,
                amount,
            } => {
                let amount = written(*amount, "the capacity")?;
                let resource = resource_mut(portfolio, resource)?;
                let capacity = &mut resource.capacity;
                let span = capacity
                    .default
                    .as_ref()
                    .map_or(resource.id.span, |d| d.span);
                match capacity
                    .by_period
                    .iter_mut()
                    .rev()
                    .find(|(l, _)| l.value == *period)
                {
                    Some((_, value)) => value.value = amount,
                    None => capacity
                        .by_period
                        .push((Located::new(*period, span), Located::new(amount, span))),
                }
            }
            Change::Scale { resource, factor } => {
                if !factor.is_finite() || *factor < 0.0 {
                    return Err(ChangeError::InvalidFactor(*factor));
                }
                let capacity = &mut resource_mut(portfolio, resource)?.capacity;
                for value in capacity
                    .default
                    .iter_mut()
                    .chain(capacity.by_period.iter_mut().map(|(_, v)| v))
                {
                    value.value *= factor;
                }
            }
            Change::Mandatory { measure, mandatory } => {
                measure_mut(portfolio, measure)?.mandatory = *mandatory;
            }
            Change::Deadline { measure, period } => {
                let measure = measure_mut(portfolio, measure)?;
                let span = measure
                    .deadline
                    .as_ref()
                    .map_or(measure.id.span, |d| d.span);
                measure.deadline = Some(Located::new(*period, span));
            }
            Change::Cost {
                measure,
                resource,
                amount,
            } => {
                let amount = written(*amount, "the cost")?;
                let measure = measure_mut(portfolio, measure)?;
                set_amount(&mut measure.cost, resource, amount, measure.id.span);
            }
            Change::RunCost {
                measure,
                resource,
                amount,
            } => {
                let amount = written(*amount, "the run cost")?;
                let measure = measure_mut(portfolio, measure)?;
                set_amount(&mut measure.run_cost, resource, amount, measure.id.span);
            }
            Change::Duration { measure, periods } => {
                let measure = measure_mut(portfolio, measure)?;
                measure.duration.value = *periods;
                // A payment profile keeps its shape over the new duration.
                for profile in [&mut measure.cost_profile, &mut measure.staff_profile] {
                    if let Some(shares) = profile.as_mut() {
                        shares.value = super::profile::stretch(&shares.value, *periods as usize);
                    }
                    if profile.as_ref().is_some_and(|p| p.value.is_empty()) {
                        *profile = None;
                    }
                }
            }
            Change::Impact {
                measure,
                dimension,
                score,
            } => {
                let score = written(*score, "the impact")?;
                let measure = measure_mut(portfolio, measure)?;
                set_amount(&mut measure.impact, dimension, score, measure.id.span);
            }
            Change::Weight { dimension, weight } => {
                let weight = written(*weight, "the weight")?;
                let dimension = portfolio
                    .dimensions
                    .iter_mut()
                    .find(|d| d.id.value == *dimension)
                    .ok_or_else(|| ChangeError::UnknownDimension(dimension.clone()))?;
                dimension.weight.value = weight;
            }
            Change::Exclude { measure } => exclude(portfolio, measure)?,
        }
        // An obligation outranks a change: its measures stay mandatory by its deadline.
        super::obligation::bind(
            &portfolio.obligations,
            &mut portfolio.measures,
            &portfolio.calendar,
        );
        if let Some(argument) = self.to_set_argument() {
            portfolio.overrides.push(argument);
        }
        Ok(())
    }

    /// The `--set PATH=VALUE` argument (without `--set`) with the same effect when loading
    /// the portfolio. `None` for what `--set` cannot express: a scale (a scenario's
    /// `resources: { ID: { scale: F } }` or `frontier` does it) and an exclusion (a
    /// scenario's `exclude`).
    pub fn to_set_argument(&self) -> Option<String> {
        Some(match self {
            Change::Capacity {
                resource,
                period,
                amount,
            } => format!(
                "resources.{resource}.capacity.{period}={}",
                amount_text(*amount)
            ),
            Change::Mandatory { measure, mandatory } => {
                format!("measures.{measure}.mandatory={mandatory}")
            }
            Change::Deadline { measure, period } => format!("measures.{measure}.deadline={period}"),
            Change::Cost {
                measure,
                resource,
                amount,
            } => format!(
                "measures.{measure}.cost.{resource}={}",
                amount_text(*amount)
            ),
            Change::RunCost {
                measure,
                resource,
                amount,
            } => format!(
                "measures.{measure}.run_cost.{resource}={}",
                amount_text(*amount)
            ),
            Change::Duration { measure, periods } => {
                format!("measures.{measure}.duration={periods}")
            }
            Change::Impact {
                measure,
                dimension,
                score,
            } => format!(
                "measures.{measure}.impact.{dimension}={}",
                amount_text(*score)
            ),
            Change::Weight { dimension, weight } => {
                format!("dimensions.{dimension}.weight={}", amount_text(*weight))
            }
            Change::Scale { .. } | Change::Exclude { .. } => return None,
        })
    }
}

/// Applies changes in order to a copy of `portfolio`.
pub fn apply_all(portfolio: &Portfolio, changes: &[Change]) -> Result<Portfolio, ChangeError> {
    let mut changed = portfolio.clone();
    for change in changes {
        change.apply_to(&mut changed)?;
    }
    Ok(changed)
}

/// The number [`amount_text`] writes for `value`: rounded to two decimals, as `--set`
/// would read it back.
pub fn written_amount(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn written(value: f64, what: &str) -> Result<f64, ChangeError> {
    if value.is_finite() {
        Ok(written_amount(value))
    } else {
        Err(ChangeError::NotFinite(what.to_owned()))
    }
}

fn resource_mut<'p>(
    portfolio: &'p mut Portfolio,
    id: &str,
) -> Result<&'p mut super::Resource, ChangeError> {
    portfolio
        .resources
        .iter_mut()
        .find(|r| r.id.value == id)
        .ok_or_else(|| ChangeError::UnknownResource(id.to_owned()))
}

fn measure_mut<'p>(
    portfolio: &'p mut Portfolio,
    id: &str,
) -> Result<&'p mut super::Measure, ChangeError> {
    portfolio
        .measures
        .iter_mut()
        .find(|m| m.id.value == id)
        .ok_or_else(|| ChangeError::UnknownMeasure(id.to_owned()))
}

/// Sets the amount under `key`, or adds it at the end (as `--set` adds a new key).
fn set_amount(amounts: &mut Amounts, key: &str, value: f64, span: Span) {
    match amounts.iter_mut().find(|(k, _)| k.value == key) {
        Some((_, amount)) => amount.value = value,
        None => amounts.push((
            Located::new(key.to_owned(), span),
            Located::new(value, span),
        )),
    }
}

/// Removes `id` and whatever depends on it, directly or not.
fn exclude(portfolio: &mut Portfolio, id: &str) -> Result<(), ChangeError> {
    if !portfolio.measures.iter().any(|m| m.id.value == id) {
        return Err(ChangeError::UnknownMeasure(id.to_owned()));
    }
    let mut removed: BTreeSet<&str> = [id].into();
    loop {
        let more: Vec<&str> = portfolio
            .measures
            .iter()
            .filter(|m| !removed.contains(m.id.value.as_str()))
            .filter(|m| {
                m.depends_on
                    .iter()
                    .any(|d| removed.contains(d.value.as_str()))
            })
            .map(|m| m.id.value.as_str())
            .collect();
        if more.is_empty() {
            break;
        }
        removed.extend(more);
    }
    let removed: BTreeSet<String> = removed.into_iter().map(str::to_owned).collect();
    portfolio
        .measures
        .retain(|m| !removed.contains(&m.id.value));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::written_amount;
    use crate::model::amount_text;

    #[test]
    fn written_amounts_read_back_from_their_text() {
        for value in [1_234_567.891, 0.375, 2.5, 12_000.0, 1e-7, 1_800_000.0 / 3.0] {
            let text = amount_text(value).replace('_', "");
            let read: f64 = text.parse().unwrap();
            assert_eq!(read, written_amount(value), "{value} → {text}");
        }
    }

    #[test]
    fn a_changed_duration_stretches_the_payment_profiles() {
        let text = "version: 1\nname: t\ncalendar: { period: quarter, start: 2027-Q1, end: 2028-Q4 }\n\
            resources:\n  budget: { capacity: 100 }\nmeasures:\n\
            - { id: a, name: A, duration: 2, cost: { budget: 10 }, cost_profile: [1, 3] }\n";
        let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), text);
        let portfolio = loaded.document.and_then(|d| d.into_portfolio()).unwrap();
        let change = super::Change::Duration {
            measure: "a".into(),
            periods: 4,
        };
        let changed = change.apply(&portfolio).unwrap();
        let profile = changed.measures[0].cost_profile.as_ref().unwrap();
        assert_eq!(profile.value, [0.5, 0.5, 1.5, 1.5]);
        assert!(changed.measures[0].staff_profile.is_none());
        // A milestone pays nothing over time: no profile.
        let milestone = super::Change::Duration {
            measure: "a".into(),
            periods: 0,
        };
        assert!(
            milestone.apply(&portfolio).unwrap().measures[0]
                .cost_profile
                .is_none()
        );
    }
}
