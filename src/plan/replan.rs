//! Re-planning in memory: a scored portfolio, changed by [`Change`]s, validated like a
//! loaded one, scored and scheduled again, reading no file.

use super::{Failed, PlanError, Planning, Scored, schedule_from};
use crate::diagnostic::Code;
use crate::diagnostic::source::FileId;
use crate::diagnostic::{self, Diagnostic};
use crate::model::change::{Change, ChangeError, apply_all};
use crate::schedule::{Bound, Options};
use crate::score::score;
use crate::validate::{Subject, validate};

/// `base` with `changes` applied in order, validated and scored. The graph is reused when
/// no change touches the measures' list or dependencies, the scores when no change
/// touches what they depend on. A change that names nothing fails with one diagnostic;
/// an invalid changed model fails with validation's diagnostics (see
/// [`crate::model::change`] for where they point). `warnings` are the changed model's
/// validation warnings.
pub fn rescore(base: &Scored, changes: &[Change]) -> Result<Scored, Failed> {
    let failed = |diagnostics| Failed {
        sources: base.sources.clone(),
        diagnostics,
    };
    let portfolio = apply_all(&base.portfolio, changes)
        .map_err(|error| failed(vec![change_diagnostic(base, &error)]))?;
    let same_measures = !changes.iter().any(|c| matches!(c, Change::Exclude { .. }));
    let validation = validate(
        &Subject::portfolio(&portfolio),
        same_measures.then_some(&base.graph),
    );
    let mut diagnostics = validation.diagnostics;
    diagnostic::sort(&mut diagnostics);
    if diagnostic::has_errors(&diagnostics) {
        return Err(failed(diagnostics));
    }
    let scores = if same_measures && !changes.iter().any(changes_scores) {
        base.scores.clone()
    } else {
        score(&portfolio, &validation.graph)
    };
    Ok(Scored {
        sources: base.sources.clone(),
        warnings: diagnostics,
        portfolio,
        graph: validation.graph,
        scores,
    })
}

/// `base` with `changes` applied, planned again with `options`. `bound` says which upper
/// bound the result carries: [`Bound::ResourceFree`] skips the costly one where only
/// roadmaps and objectives are compared (the roadmap is the same either way).
pub fn replan(
    base: &Scored,
    changes: &[Change],
    options: &Options,
    bound: Bound,
) -> Result<Planning, PlanError> {
    schedule_from(rescore(base, changes)?, options, bound, &[])
}

/// Like [`replan`], warm-started from roadmaps of `base` (a start per measure, `None`:
/// not scheduled; see [`crate::schedule::plan_from`]). They are used only when the
/// changes keep the measures as they are (no exclusion): a change that only adds
/// capacity then never gives a worse objective.
pub fn replan_from(
    base: &Scored,
    changes: &[Change],
    options: &Options,
    bound: Bound,
    warm: &[Vec<Option<usize>>],
) -> Result<Planning, PlanError> {
    let scored = rescore(base, changes)?;
    let same = scored.portfolio.measures.len() == base.portfolio.measures.len()
        && scored
            .portfolio
            .measures
            .iter()
            .zip(&base.portfolio.measures)
            .all(|(a, b)| a.id.value == b.id.value);
    schedule_from(scored, options, bound, if same { warm } else { &[] })
}

/// Whether a change can alter a score: values (impacts, weights) or value per money.
fn changes_scores(change: &Change) -> bool {
    match change {
        Change::Cost { .. }
        | Change::Impact { .. }
        | Change::Weight { .. }
        | Change::Exclude { .. } => true,
        Change::Capacity { .. }
        | Change::Scale { .. }
        | Change::Mandatory { .. }
        | Change::Deadline { .. }
        | Change::RunCost { .. }
        | Change::Duration { .. } => false,
    }
}

/// A change that cannot be applied, as a problem with the portfolio file.
fn change_diagnostic(base: &Scored, error: &ChangeError) -> Diagnostic {
    let code = match error {
        ChangeError::UnknownMeasure(_)
        | ChangeError::UnknownResource(_)
        | ChangeError::UnknownDimension(_) => Code::UnknownPath,
        ChangeError::NotFinite(_) | ChangeError::InvalidFactor(_) => Code::InvalidValue,
    };
    Diagnostic::file_error(
        code,
        base.sources.display_path(FileId(0)),
        error.to_string(),
    )
}
