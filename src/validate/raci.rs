//! Responsibilities (RACI): one role per party and measure.

use super::Subject;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::model::raci::{Role, party_key};
use std::collections::HashMap;

/// Reports a party named in two roles of one measure (responsible and accountable may be the
/// same party), or twice in one role.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    for measure in subject.measures {
        let raci = &measure.raci;
        let mut named: Vec<(Role, &Located<String>)> = Vec::new();
        named.extend(raci.accountable.iter().map(|p| (Role::Accountable, p)));
        named.extend(raci.consulted.iter().map(|p| (Role::Consulted, p)));
        named.extend(raci.informed.iter().map(|p| (Role::Informed, p)));
        let responsible = raci.responsible.as_ref().map(|r| party_key(&r.value));
        let mut seen: HashMap<String, (Role, &Located<String>)> = HashMap::new();
        let id = &measure.id.value;
        for (role, party) in named {
            let key = party_key(&party.value);
            if let Some((first_role, first)) = seen.get(&key) {
                let message = if *first_role == role {
                    format!(
                        "`{}` is named twice in `raci.{}` of measure `{id}`",
                        party.value,
                        role.keyword()
                    )
                } else {
                    format!(
                        "`{}` is both {} and {} for measure `{id}`",
                        party.value,
                        first_role.keyword(),
                        role.keyword()
                    )
                };
                diagnostics.push(
                    Diagnostic::error(Code::RaciDuplicate, party.span, message)
                        .with_label(format!("again, as {}", role.keyword()))
                        .with_related(first.span, format!("first as {}", first_role.keyword()))
                        .with_help(help(role, *first_role)),
                );
                continue;
            }
            if role != Role::Accountable && responsible.as_deref() == Some(key.as_str()) {
                let message = format!(
                    "`{}` is both responsible and {} for measure `{id}`",
                    party.value,
                    role.keyword()
                );
                let mut diagnostic = Diagnostic::error(Code::RaciDuplicate, party.span, message)
                    .with_label(format!("again, as {}", role.keyword()))
                    .with_help(help(role, Role::Responsible));
                if let Some(written) = &raci.responsible {
                    diagnostic = diagnostic.with_related(written.span, "responsible");
                }
                diagnostics.push(diagnostic);
                continue;
            }
            seen.insert(key, (role, party));
        }
    }
}

fn help(role: Role, first: Role) -> String {
    if role == first {
        format!("remove one of the two entries of `raci.{}`", role.keyword())
    } else {
        format!(
            "a party has one role per measure (only the responsible party may also be \
             accountable): keep it as {} or as {}",
            first.keyword(),
            role.keyword()
        )
    }
}
