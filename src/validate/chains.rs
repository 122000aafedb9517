//! Blocking chains: which dependency set each measure's earliest start, and the chain
//! of them that a message names.

use crate::diagnostic::thousands;
use crate::model::Measure;
use crate::model::period::Calendar;

/// Chains of this many links or fewer are shown whole.
const CHAIN_LINKS: usize = 10;
/// A longer chain shows this many links at each end and counts the rest.
const CHAIN_ENDS: usize = 5;

/// The blocking chains: for each measure, the dependency that set its earliest start.
///
/// Each measure's chain follows these links back to a measure with none. The length of
/// every chain and its link `CHAIN_ENDS` from the start are kept as the links are made,
/// so writing one chain costs at most `2 × CHAIN_ENDS` steps however long it is: along
/// a chain of n measures the texts cost O(n), not O(n²) (with O(n³) to find them).
pub(super) struct Chains {
    /// The dependency that set the measure's start, if one did.
    blocker: Vec<Option<usize>>,
    /// Measures in the chain that ends at this one, itself included.
    links: Vec<usize>,
    /// The measure `CHAIN_ENDS` links from the start of the chain (itself when shorter).
    head: Vec<usize>,
}

impl Chains {
    pub(super) fn new(measures: usize) -> Chains {
        Chains {
            blocker: vec![None; measures],
            links: vec![1; measures],
            head: (0..measures).collect(),
        }
    }

    /// Records that `by` (a measure whose chain is complete) set the start of `measure`.
    pub(super) fn link(&mut self, measure: usize, by: usize) {
        self.blocker[measure] = Some(by);
        self.links[measure] = self.links[by] + 1;
        self.head[measure] = if self.links[measure] <= CHAIN_ENDS {
            measure
        } else {
            self.head[by]
        };
    }

    /// `count` measures of the chain ending at `last`, first to last.
    fn walk(&self, last: usize, count: usize) -> Vec<usize> {
        let mut chain = Vec::with_capacity(count);
        let mut current = Some(last);
        while let Some(i) = current
            && chain.len() < count
        {
            chain.push(i);
            current = self.blocker[i];
        }
        chain.reverse();
        chain
    }

    /// `a (2 periods) → b (1) → c (1)`, following the dependency that set each start; a
    /// chain of more than `CHAIN_LINKS` shows its first and last `CHAIN_ENDS` links.
    pub(super) fn text(&self, measures: &[Measure], last: usize, calendar: &Calendar) -> String {
        let links = self.links[last];
        let (first, omitted, rest) = if links <= CHAIN_LINKS {
            (self.walk(last, links), 0, Vec::new())
        } else {
            let first = self.walk(self.head[last], CHAIN_ENDS);
            (first, links - 2 * CHAIN_ENDS, self.walk(last, CHAIN_ENDS))
        };
        let mut parts: Vec<String> = Vec::new();
        if let Some(earliest) = &measures[first[0]].earliest
            && calendar.offset_of(earliest.value).is_some_and(|o| o > 0)
        {
            parts.push(format!("earliest {}", earliest.value));
        }
        let link = |n: usize, i: usize| {
            let d = measures[i].duration.value;
            let unit = match (n, d) {
                (0, 1) => " period",
                (0, _) => " periods",
                _ => "",
            };
            format!("`{}` ({d}{unit})", measures[i].id.value)
        };
        parts.extend(first.iter().enumerate().map(|(n, &i)| link(n, i)));
        if omitted > 0 {
            parts.push(format!("… {} more …", thousands(omitted)));
        }
        parts.extend(rest.iter().map(|&i| link(1, i)));
        parts.join(" → ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::source::{Located, Span};
    use crate::model::period::{PeriodKind, PeriodLabel};
    use crate::model::{Status, Text};

    #[test]
    fn a_chain_of_any_length_is_written_in_a_few_steps() {
        let n = 100_000;
        let at = Span::default();
        let measures: Vec<Measure> = (0..n)
            .map(|i| Measure {
                id: Located::new(format!("m{i}"), at),
                name: Text::plain("M".to_owned()),
                area: None,
                duration: Located::new(1, at),
                cost: Vec::new(),
                run_cost: Vec::new(),
                impact: Vec::new(),
                depends_on: Vec::new(),
                earliest: None,
                deadline: None,
                mandatory: false,
                risk_acceptance: false,
                status: Located::new(Status::Planned, at),
                start: None,
                tags: Vec::new(),
                documents: Vec::new(),
                owner: None,
                raci: Default::default(),
                source: None,
                notes: None,
                uncertainty: None,
                cost_profile: None,
                staff_profile: None,
                useful_life: None,
                funding: Vec::new(),
                pilot_of: None,
                fulfils: Vec::new(),
                mitigates: Vec::new(),
                raises: Vec::new(),
                duty: None,
                actuals: Default::default(),
            })
            .collect();
        let mut chains = Chains::new(n);
        for i in 1..n {
            chains.link(i, i - 1);
        }
        let label = |text: &str| PeriodLabel::parse(text).expect("a label");
        let calendar = Calendar {
            period: PeriodKind::Year,
            start: label("2027"),
            end: label("2031"),
            evaluation_tail: 0,
            budget_period: PeriodKind::Year,
        };
        assert_eq!(
            chains.text(&measures, n - 1, &calendar),
            "`m0` (1 period) → `m1` (1) → `m2` (1) → `m3` (1) → `m4` (1) → … 99,990 more … → \
             `m99995` (1) → `m99996` (1) → `m99997` (1) → `m99998` (1) → `m99999` (1)"
        );
        assert_eq!(
            chains.text(&measures, 9, &calendar),
            (0..10)
                .map(|i| if i == 0 {
                    "`m0` (1 period)".to_owned()
                } else {
                    format!("`m{i}` (1)")
                })
                .collect::<Vec<_>>()
                .join(" → ")
        );
    }
}
