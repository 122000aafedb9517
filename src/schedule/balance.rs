//! Balance rules (`balance:`) compiled to numbers: what each measure adds to each rule.
//!
//! Each rule counts, per measure and start, what the measure adds to it: its impact in the
//! rule's dimension, or what it spends of the rule's resource in the horizon (the
//! verifier's `spend`, so that both sum the same numbers in the same order and agree to
//! the last bit). A roadmap meets a value rule when its impact reaches the share of the
//! dimension's achievable impact, a spending rule when the area's measures spend the share
//! of what the roadmap spends of the resource ([`crate::schedule::verify::balance`]).
//! The repair pass that makes a roadmap meet them is `schedule::repair`.

use crate::model::Portfolio;
pub(super) use crate::model::balance::BalanceKind;
use crate::model::roadmap::Placement;
use crate::schedule::verify::balance::holds;
use crate::schedule::verify::spend;

/// Where a measure stands in a roadmap being judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Not in it.
    Out,
    /// Starts in this period.
    Start(usize),
    /// Done before the horizon.
    Done,
}

/// What one rule counts.
#[derive(Debug, Clone)]
pub enum Counts {
    /// A value rule: each measure's impact in the dimension, and the achievable total.
    Value {
        /// Per measure.
        impact: Vec<f64>,
        /// The sum over every measure (the share's base).
        achievable: f64,
    },
    /// A spending rule: per measure whether it is of the area, what it spends of the
    /// resource per start (`spend[j][s]`) and done (`done[j]`).
    Spend {
        /// Per measure: of the rule's area.
        area: Vec<bool>,
        /// Per measure and start.
        spend: Vec<Vec<f64>>,
        /// Per measure, when done before the horizon.
        done: Vec<f64>,
    },
}

/// One balance rule by numbers.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its index in `Portfolio::balance`.
    pub rule: usize,
    /// The least share (0 to 1).
    pub share: f64,
    /// What it counts.
    pub counts: Counts,
}

/// Compiles the portfolio's balance rules (empty without any).
pub fn compile(portfolio: &Portfolio) -> Vec<Rule> {
    let periods = portfolio.calendar.len();
    let charges = if portfolio.balance.is_empty() {
        Vec::new()
    } else {
        spend::charges(portfolio)
    };
    (portfolio.balance.iter().enumerate())
        .map(|(k, rule)| {
            let counts = match &rule.kind {
                BalanceKind::Value { dimension } => {
                    let impact: Vec<f64> = (portfolio.measures.iter())
                        .map(|m| crate::model::Measure::amount(&m.impact, &dimension.value))
                        .collect();
                    Counts::Value {
                        achievable: impact.iter().sum(),
                        impact,
                    }
                }
                BalanceKind::Spend { resource, area } => {
                    let r = (portfolio.resources.iter()).position(|x| x.id.value == resource.value);
                    let spent = |j: usize, placement: Placement| -> f64 {
                        let mut total = 0.0;
                        spend::measure(portfolio, &charges, j, &placement, &mut |_, _, x, a, _| {
                            if Some(x) == r {
                                total += a;
                            }
                        });
                        total
                    };
                    let n = portfolio.measures.len();
                    Counts::Spend {
                        area: (portfolio.measures.iter())
                            .map(|m| m.area.as_deref() == Some(area.value.as_str()))
                            .collect(),
                        spend: (0..n)
                            .map(|j| {
                                (0..periods)
                                    .map(|s| spent(j, Placement::Scheduled { start: s }))
                                    .collect()
                            })
                            .collect(),
                        done: (0..n).map(|j| spent(j, Placement::Done)).collect(),
                    }
                }
            };
            Rule {
                rule: k,
                share: rule.share.value,
                counts,
            }
        })
        .collect()
}

impl Rule {
    /// Number of measures.
    fn len(&self) -> usize {
        match &self.counts {
            Counts::Value { impact, .. } => impact.len(),
            Counts::Spend { area, .. } => area.len(),
        }
    }

    /// What measure `j` adds to the rule's count and to its base at `place`.
    fn of(&self, j: usize, place: Place) -> (f64, f64) {
        match (&self.counts, place) {
            (_, Place::Out) => (0.0, 0.0),
            (Counts::Value { impact, .. }, _) => (impact[j], 0.0),
            (Counts::Spend { area, spend, done }, place) => {
                let amount = match place {
                    Place::Start(s) => spend[j].get(s).copied().unwrap_or(0.0),
                    _ => done[j],
                };
                (if area[j] { amount } else { 0.0 }, amount)
            }
        }
    }

    /// What the roadmap with measure `j` at `place(j)` reaches and the base of the share,
    /// summed in measure order as the verifier does.
    pub fn totals(&self, place: impl Fn(usize) -> Place) -> (f64, f64) {
        let (mut achieved, mut base) = (0.0, 0.0);
        for j in 0..self.len() {
            let (a, b) = self.of(j, place(j));
            achieved += a;
            base += b;
        }
        match &self.counts {
            Counts::Value { achievable, .. } => (achieved, *achievable),
            Counts::Spend { .. } => (achieved, base),
        }
    }

    /// Whether the roadmap at `place` meets the rule.
    pub fn met(&self, place: impl Fn(usize) -> Place) -> bool {
        let (achieved, base) = self.totals(place);
        holds(achieved, base, self.share)
    }

    /// How far the roadmap at `place` falls short, as a share of the base (0 when the rule
    /// holds).
    pub fn gap(&self, place: impl Fn(usize) -> Place) -> f64 {
        let (achieved, base) = self.totals(place);
        if holds(achieved, base, self.share) || base <= 0.0 {
            0.0
        } else {
            (self.share * base - achieved) / base
        }
    }

    /// What measure `j` does to the rule when in the roadmap, at its first start: more
    /// than 0 raises the share, less lowers it.
    pub fn pull(&self, j: usize) -> f64 {
        match &self.counts {
            Counts::Value { impact, .. } => impact[j],
            Counts::Spend { area, spend, .. } => {
                let amount = spend[j].iter().copied().fold(0.0, f64::max);
                (if area[j] { 1.0 } else { 0.0 } - self.share) * amount
            }
        }
    }
}

/// The rules the roadmap at `place` breaks, by index into `rules`.
pub fn unmet(rules: &[Rule], place: impl Fn(usize) -> Place + Copy) -> Vec<usize> {
    (rules.iter().enumerate())
        .filter(|(_, r)| !r.met(place))
        .map(|(k, _)| k)
        .collect()
}
