//! Planning a portfolio against an adopted plan (`plan --baseline ROADMAP.json [--freeze
//! N|PERIOD]`): the freeze becomes `fixed` starts on the portfolio (as `--set` changes the
//! report does not list as the user's), the search starts from the adopted roadmap, the
//! adopted roadmap is kept when the new one is not better by more than
//! [`crate::analysis::baseline::TOLERANCE`], the freeze is checked independently, and the
//! changes are listed.

use super::Input;
use crate::analysis::baseline::{
    Adopted, Freeze, adopted_starts, changes, check_shared, frozen, stable, warm_start,
};
use crate::load::Overlay;
use crate::model::baseline::Baseline;
use crate::plan::{PlanError, Planning};
use crate::schedule::{Bound, Options};

/// Why a plan against a baseline was not made.
#[derive(Debug)]
pub enum BaselineFailure {
    /// The baseline does not fit the portfolio (another portfolio, other periods, a
    /// freeze label of another kind): what to do.
    Refused(String),
    /// Planning failed (the portfolio, or the freeze, has problems), or a bug.
    Plan(PlanError),
}

/// Plans `input` against `baseline`.
pub fn plan_against(
    input: &Input,
    options: &Options,
    baseline: &Baseline,
    freeze: Option<Freeze>,
) -> Result<(Planning, Adopted), BaselineFailure> {
    let scored =
        super::score_input(input).map_err(|f| BaselineFailure::Plan(PlanError::Failed(f)))?;
    check_shared(baseline, &scored.portfolio).map_err(BaselineFailure::Refused)?;
    let adopted = adopted_starts(baseline, &scored.portfolio).map_err(BaselineFailure::Refused)?;
    let frozen = match freeze {
        Some(freeze) => {
            frozen(&scored.portfolio, &adopted, freeze).map_err(BaselineFailure::Refused)?
        }
        None => Vec::new(),
    };
    let mut generated = Vec::new();
    for (id, start) in &frozen {
        generated.push(format!("measures.{id}.status=fixed"));
        generated.push(format!("measures.{id}.start={start}"));
    }
    let mut input = input.clone();
    input
        .overlays
        .extend(generated.iter().cloned().map(Overlay::Set));
    let mut scored =
        super::score_input(&input).map_err(|f| BaselineFailure::Plan(PlanError::Failed(f)))?;
    // The freeze is not a change the user wrote: the report lists it in its own section.
    scored
        .portfolio
        .overrides
        .retain(|o| !generated.contains(o));
    let warm = vec![warm_start(&adopted)];
    let mut planning = crate::plan::schedule_from(scored, options, Bound::Best, &warm)
        .map_err(BaselineFailure::Plan)?;
    let kept = stable(&mut planning, &adopted);
    let violations = crate::schedule::verify::freeze::frozen(
        &planning.scored.portfolio,
        &planning.planned.roadmap,
        &frozen,
    );
    if !violations.is_empty() {
        return Err(BaselineFailure::Plan(PlanError::Internal(
            crate::schedule::checked::Internal::Rejected(violations),
        )));
    }
    let changes = changes(baseline, &planning);
    Ok((
        planning,
        Adopted {
            frozen,
            kept,
            changes,
        },
    ))
}
