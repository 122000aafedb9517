//! The plan's summary lines, its quality sentence and the reasons measures are not scheduled.

use super::plan::PlanView;
use crate::model::roadmap::Reason;
use crate::report::lang::{Label, de_en};
use crate::report::number::{number, percent, percent_at_least};
use crate::report::text::{Text, set_option};
use crate::schedule::bound::BoundMethod;

impl PlanView<'_> {
    /// Why a measure is not scheduled, in words; ids are code.
    pub fn reason(&self, reason: &Reason) -> Text {
        let l = self.language;
        let calendar = &self.portfolio.calendar;
        match reason {
            Reason::Dependency { dependency } => {
                let id = Text::code(&self.portfolio.measures[*dependency].id.value);
                de_en(
                    l,
                    Text::plain("Voraussetzung ") + id.clone() + " ist nicht eingeplant",
                    Text::plain("depends on ") + id + ", which is not scheduled",
                )
            }
            Reason::NoWindow {
                earliest_start,
                latest_start,
            } => {
                let earliest = calendar.label(*earliest_start);
                if *earliest_start >= calendar.len() {
                    // Its dependencies or `earliest` leave no period of the horizon at all.
                    let last = calendar.label(calendar.len().saturating_sub(1));
                    return de_en(
                        l,
                        Text::plain("Voraussetzungen oder ")
                            + Text::code("earliest")
                            + format!(
                                " erlauben frühestens {earliest}, nach dem Horizontende {last}"
                            ),
                        Text::plain("its dependencies or ")
                            + Text::code("earliest")
                            + format!(
                                " allow {earliest} at the earliest, after the horizon ends in {last}"
                            ),
                    );
                }
                match latest_start {
                    Some(latest) => {
                        let latest = calendar.label(*latest);
                        de_en(
                            l,
                            format!("frühester Beginn {earliest}, spätester Beginn {latest}"),
                            format!(
                                "could start {earliest} at the earliest but must start by {latest}"
                            ),
                        )
                        .into()
                    }
                    None => de_en(
                        l,
                        format!(
                            "frühester Beginn {earliest}: kein Abschluss im Horizont bzw. bis zur Frist möglich"
                        ),
                        format!(
                            "could start {earliest} at the earliest: cannot finish within the horizon and by its deadline"
                        ),
                    )
                    .into(),
                }
            }
            Reason::Capacity {
                resource,
                periods,
                short_by,
                window,
            } => {
                let id = Text::code(&self.portfolio.resources[*resource].id.value);
                let labels = period_ranges(periods, |t| calendar.label(t).to_string());
                // Never "by at least €0": a shortage of cents shows its cents.
                let short = self.amount_above_zero(*resource, *short_by);
                let starts = if window.0 == window.1 {
                    calendar.label(window.0).to_string()
                } else {
                    format!("{}–{}", calendar.label(window.0), calendar.label(window.1))
                };
                de_en(
                    l,
                    id.clone()
                        + format!(
                            " reicht nicht ({labels}; mindestens {short} zu wenig) für jeden Beginn in {starts}"
                        ),
                    id + format!(
                        " is short in {labels} (by at least {short}) for every start in {starts}"
                    ),
                )
            }
        }
    }

    /// "at least 96 % of the best possible (upper bound 228.0, LP relaxation)".
    pub fn quality(&self) -> String {
        let l = self.language;
        let (bound, method, share) = self.bound;
        let method_name = match method {
            BoundMethod::LinearRelaxation => de_en(l, "LP-Relaxierung", "LP relaxation"),
            BoundMethod::ResourceFree => de_en(l, "ohne Ressourcengrenzen", "ignoring resources"),
            BoundMethod::Lagrangian => de_en(l, "Lagrange-Relaxierung", "Lagrangian relaxation"),
            BoundMethod::Optimal => de_en(l, "bewiesen optimal", "proven optimal"),
        };
        // Rounded down: "at least" must stay true after rounding.
        let percent = percent_at_least(l, share);
        let bound = number(l, bound, 1);
        if method == BoundMethod::Optimal {
            return de_en(
                l,
                format!("optimal (bewiesen: Schranke {bound} = Zielwert)"),
                format!("optimal (proven: bound {bound} = objective)"),
            );
        }
        de_en(
            l,
            format!(
                "mindestens {percent} % des bestmöglichen Werts (Schranke {bound}, {method_name})"
            ),
            format!("at least {percent}% of the best possible (bound {bound}, {method_name})"),
        )
    }

    /// Summary lines: horizon, objective, counts, resource use, follow-up costs.
    pub fn summary(&self) -> Vec<(Text, Text)> {
        let e = self.evaluation;
        let total = self.portfolio.measures.len();
        let mut lines: Vec<(Text, Text)> = vec![(
            self.t(Label::Horizon).into(),
            format!(
                "{} ({} {})",
                self.horizon(),
                self.portfolio.calendar.len(),
                if self.portfolio.calendar.len() == 1 {
                    de_en(self.language, "Periode", "period")
                } else {
                    self.t(Label::Periods)
                }
            )
            .into(),
        )];
        if !self.portfolio.scenarios.is_empty() {
            let names: Vec<String> = self
                .portfolio
                .scenarios
                .iter()
                .map(|s| format!("{} ({})", s.name.get(self.language), s.path))
                .collect();
            lines.push((
                de_en(self.language, "Szenarien", "Scenarios").into(),
                names.join(" · ").into(),
            ));
        }
        if !self.portfolio.overrides.is_empty() {
            let sets = self
                .portfolio
                .overrides
                .iter()
                .map(|s| Text::code(set_option(s)));
            lines.push((
                de_en(self.language, "Geändert", "Changed").into(),
                Text::join(sets, " "),
            ));
        }
        lines.extend([
            (
                self.t(Label::Objective).into(),
                number(self.language, e.objective, 1).into(),
            ),
            (self.t(Label::Quality).into(), self.quality().into()),
            (
                self.t(Label::Measures).into(),
                format!(
                    "{} {} · {} {} · {} {} ({total})",
                    e.scheduled,
                    self.t(Label::Scheduled),
                    e.done,
                    self.t(Label::Done),
                    e.not_scheduled,
                    self.t(Label::NotScheduled)
                )
                .into(),
            ),
        ]);
        for (r, resource) in self.portfolio.resources.iter().enumerate() {
            let used: f64 = e.usage.iter().map(|row| row[r]).sum();
            let capacity: f64 = e.capacity.iter().map(|row| row[r]).sum();
            let share = if capacity.is_finite() && capacity > 0.0 {
                format!(" ({})", percent(self.language, used / capacity))
            } else {
                String::new()
            };
            lines.push((
                Text::plain(format!("{} ", self.t(Label::Resource)))
                    + Text::code(&resource.id.value),
                format!(
                    "{} / {}{share}",
                    self.amount(r, used),
                    self.amount(r, capacity)
                )
                .into(),
            ));
        }
        let follow: Vec<Text> = self
            .portfolio
            .resources
            .iter()
            .enumerate()
            .filter(|(r, _)| e.follow_up[*r] > 0.0)
            .map(|(r, resource)| {
                Text::plain(format!("{} ", self.amount(r, e.follow_up[r])))
                    + Text::code(&resource.id.value)
            })
            .collect();
        lines.push((
            format!(
                "{} ({})",
                self.t(Label::FollowUpCosts),
                self.t(Label::FollowUpNote)
            )
            .into(),
            if follow.is_empty() {
                self.t(Label::Nothing).into()
            } else {
                Text::join(follow, " · ")
            },
        ));
        lines
    }
}

/// `2027, 2029–2031` from sorted period indices.
pub fn period_ranges(periods: &[usize], label: impl Fn(usize) -> String) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < periods.len() {
        let mut j = i;
        while j + 1 < periods.len() && periods[j + 1] == periods[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            label(periods[i])
        } else {
            format!("{}–{}", label(periods[i]), label(periods[j]))
        });
        i = j + 1;
    }
    parts.join(", ")
}
