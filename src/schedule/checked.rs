//! The checks every roadmap passes before anything is reported: the independent verifier
//! ([`super::verify`]) accepts it, and the upper bound does not contradict it. A roadmap
//! that fails is never output: it is an [`Internal`] error, a bug in resiplan, with the
//! rule and the measure it concerns.

use super::verify::{Violation, verify};
use crate::model::Portfolio;
use crate::model::roadmap::Roadmap;
use std::fmt;

/// A bug in resiplan, caught before any report is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Internal {
    /// The roadmap breaks rules of the semantics: every violation the verifier found.
    Rejected(Vec<Violation>),
    /// The LP relaxation has no solution, although a roadmap that meets every rule (one
    /// of its points) was found.
    BoundInfeasible,
}

impl fmt::Display for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Internal::Rejected(violations) => {
                let Some(first) = violations.first() else {
                    return f.write_str("the roadmap was rejected without a reason");
                };
                write!(
                    f,
                    "the roadmap breaks a rule the independent verifier checks ({}): {}",
                    first.kind.name(),
                    first.message
                )?;
                match violations.len() - 1 {
                    0 => Ok(()),
                    1 => f.write_str(" (and 1 more violation)"),
                    more => write!(f, " (and {more} more violations)"),
                }
            }
            Internal::BoundInfeasible => f.write_str(
                "the LP relaxation of the roadmap's model has no solution, although the \
                 roadmap meets every rule",
            ),
        }
    }
}

impl std::error::Error for Internal {}

/// `Ok` when the independent verifier accepts `roadmap` for `portfolio`; otherwise every
/// rule it breaks. Planning calls this on every roadmap it makes.
pub fn verified(portfolio: &Portfolio, roadmap: &Roadmap) -> Result<(), Internal> {
    let violations = verify(portfolio, roadmap);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Internal::Rejected(violations))
    }
}
