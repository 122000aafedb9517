//! Payment profiles (`cost_profile`, `staff_profile`): one share per period of the
//! measure's duration, not all zero (the loader refuses negative shares).

use super::Subject;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;

/// Reports profiles of the wrong length and profiles without a positive share.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    for measure in subject.measures {
        let id = &measure.id.value;
        let duration = measure.duration.value as usize;
        for (key, profile) in [
            ("cost_profile", &measure.cost_profile),
            ("staff_profile", &measure.staff_profile),
        ] {
            let Some(profile) = profile else {
                continue;
            };
            let shares = &profile.value;
            if shares.len() != duration {
                let count = match shares.len() {
                    1 => "1 share".to_owned(),
                    n => format!("{n} shares"),
                };
                let even = vec!["1"; duration.max(1)].join(", ");
                diagnostics.push(
                    Diagnostic::error(
                        Code::ProfileLength,
                        profile.span,
                        format!(
                            "`{key}` of `{id}` has {count}, but the measure runs {duration} {}",
                            if duration == 1 { "period" } else { "periods" }
                        ),
                    )
                    .with_label(count)
                    .with_help(if duration == 0 {
                        format!(
                            "a milestone pays nothing: remove `{key}`, or give the measure a duration"
                        )
                    } else {
                        format!(
                            "give one relative share per period, e.g. `[{even}]` for an even \
                             spread, or change `duration`"
                        )
                    }),
                );
            } else if shares.iter().all(|s| *s == 0.0) && duration > 0 {
                diagnostics.push(
                    Diagnostic::error(
                        Code::ProfileZero,
                        profile.span,
                        format!("`{key}` of `{id}` has no positive share"),
                    )
                    .with_label("all shares are 0")
                    .with_help(
                        "shares are relative (`[30, 50, 20]`: 30 %, 50 %, 20 %): give at least \
                         one period a positive share, or remove the profile for an even spread",
                    ),
                );
            }
        }
    }
}
