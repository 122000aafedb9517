//! Risk in euros: risk ids, the `mitigates` references of measures, and an `objective`
//! that counts risk in a portfolio without any risk or mitigation.

use super::Subject;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::DocumentKind;

/// Reports every problem with the risk register, `mitigates` and the objective.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let risks = subject.risks;
    for (i, risk) in risks.iter().enumerate() {
        if let Some(first) = risks[..i].iter().find(|r| r.id.value == risk.id.value) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateRisk,
                    risk.id.span,
                    format!("risk `{}` is declared twice", risk.id.value),
                )
                .with_label("declared again here")
                .with_related(first.id.span, "first declared here")
                .with_help("give each risk its own id, or remove one of them"),
            );
        }
    }
    let ids: Vec<&str> = risks.iter().map(|r| r.id.value.as_str()).collect();
    // A catalog's measures name risks the portfolio that includes it declares.
    if subject.kind == DocumentKind::Portfolio {
        for measure in subject.measures {
            for (id, _) in &measure.mitigates {
                if ids.contains(&id.value.as_str()) {
                    continue;
                }
                let choices = if ids.is_empty() {
                    "the portfolio declares no risks; add it under `risks:` with `id`, `name`, \
                     `likelihood` and `damage`"
                        .to_owned()
                } else {
                    format!("declared risks: {}", suggest::one_of(&ids, 12))
                };
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownRisk,
                        id.span,
                        format!(
                            "unknown risk `{}` in `mitigates` of measure `{}`",
                            id.value, measure.id.value
                        ),
                    )
                    .with_label("not a declared risk")
                    .with_help(suggest::with_closest(
                        &id.value,
                        ids.iter().copied(),
                        &choices,
                    )),
                );
            }
        }
    }
    let Some(objective) = subject.objective else {
        return;
    };
    if !objective.value.has_risk() || subject.kind != DocumentKind::Portfolio {
        return;
    }
    let mitigated = (subject.measures.iter())
        .flat_map(|m| &m.mitigates)
        .any(|(id, share)| share.value > 0.0 && ids.contains(&id.value.as_str()));
    if risks.is_empty() || !mitigated {
        let missing = if risks.is_empty() {
            "the portfolio declares no risk"
        } else {
            "no measure mitigates a declared risk"
        };
        diagnostics.push(
            Diagnostic::error(
                Code::ObjectiveWithoutRisk,
                objective.span,
                format!("`objective` counts risk, but {missing}"),
            )
            .with_label("nothing to count")
            .with_help(
                "declare the threats under `risks:` (`id`, `name`, `likelihood`, `damage`) and \
                 give the measures that reduce them `mitigates: { risk-id: 60% }`; or plan for \
                 `objective: impact`",
            ),
        );
    }
}
