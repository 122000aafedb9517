//! Actual costs per budget year (`actual_cost: { 2027: { budget: 130k } }`): each year is
//! a budget period of the calendar, and one that has begun by the portfolio's `as_of`
//! (or, without it, by the horizon's first day): money not spent yet is no actual cost.

use super::Subject;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::obligation::Date;

/// Reports the years of `actual_cost` that are not budget periods or have not begun.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let Some(calendar) = subject.calendar else {
        return;
    };
    let budget = calendar.budget_period;
    let (now, now_text) = match subject.as_of {
        Some(as_of) => (as_of.value, format!("`as_of` is {}", as_of.value)),
        None => (
            Date::start_of(calendar.start),
            format!(
                "the horizon starts {} and the portfolio gives no `as_of`",
                calendar.start
            ),
        ),
    };
    for measure in subject.measures {
        for (year, _) in &measure.actuals.actual_by_year {
            let what = format!("`actual_cost` of measure `{}`", measure.id.value);
            if year.value.kind != budget {
                diagnostics.push(
                    Diagnostic::error(
                        Code::ActualYear,
                        year.span,
                        format!(
                            "{what} is given for {}, which is not a budget period: the calendar's \
                             budget periods are {}",
                            year.value,
                            budget.plural()
                        ),
                    )
                    .with_label(format!("expected a label like `{}`", budget.example()))
                    .with_help(format!(
                        "key each actual cost by the budget period it was paid in (`{}`); add \
                         up the amounts of its parts",
                        budget.example()
                    )),
                );
            } else if Date::start_of(year.value) > now {
                diagnostics.push(
                    Diagnostic::error(
                        Code::ActualYear,
                        year.span,
                        format!(
                            "{what} is given for {}, which has not begun: {now_text}",
                            year.value
                        ),
                    )
                    .with_label("not spent yet")
                    .with_help(
                        "actual costs are what was paid up to `as_of`: move the amount to the \
                         year it was paid in, or set `as_of` to the date the figures are from; \
                         what is still to be paid is the remaining cost the roadmap plans",
                    ),
                );
            }
        }
    }
}
