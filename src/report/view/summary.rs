//! The plan's summary lines, its quality sentence and the reasons measures are not scheduled.

use super::plan::PlanView;
use crate::model::roadmap::Reason;
use crate::report::lang::{Label, de_en};
use crate::report::number::{money, number, percent, percent_at_least};
use crate::report::objective_words::{objective_name, objective_value};
use crate::report::text::{Text, set_option};
use crate::report::words::{is_staff, period_word, quantity, resource_name};
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
            Reason::Alternative { chosen } => {
                let id = Text::code(&self.portfolio.measures[*chosen].id.value);
                de_en(
                    l,
                    Text::plain("die Alternative ") + id.clone() + " ist eingeplant",
                    Text::plain("its alternative ") + id + " is planned instead",
                )
            }
            Reason::Bundle { member } => {
                let id = Text::code(&self.portfolio.measures[*member].id.value);
                de_en(
                    l,
                    Text::plain("gehört zu einem Paket mit ")
                        + id.clone()
                        + ", das nicht eingeplant werden kann",
                    Text::plain("bundled with ") + id + ", which cannot be scheduled",
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
            Reason::Balance { rule } => {
                let rule =
                    (self.portfolio.balance.get(*rule)).map_or_else(String::new, |r| r.describe());
                de_en(
                    l,
                    Text::plain("zurückgestellt, damit die Ausgewogenheitsregel ")
                        + Text::code(&rule)
                        + " eingehalten wird",
                    Text::plain("left out to keep the balance rule ") + Text::code(&rule),
                )
            }
            Reason::FollowUp {
                resource,
                limit,
                would_be,
            } => {
                let id = self.resource_name(*resource);
                let (would_be, limit) = (
                    self.amount(*resource, *would_be),
                    self.amount(*resource, *limit),
                );
                de_en(
                    l,
                    format!(
                        "Folgekosten ({id}) nach dem Horizont {would_be} je Periode über der Nachhaltigkeitsgrenze {limit}"
                    ),
                    format!(
                        "follow-up costs ({id}) after the horizon of {would_be} per period over the sustainability limit {limit}"
                    ),
                )
                .into()
            }
            Reason::Capacity {
                resource,
                periods,
                short_by,
                window,
            } => {
                let id = Text::plain(self.resource_name(*resource));
                // Budget periods: capacities are checked per budget period.
                let labels = period_ranges(periods, |b| calendar.budget_label(b).to_string());
                // Never "by at least €0": a shortage of cents shows its cents.
                let short = self.amount_above_zero(*resource, *short_by);
                let starts = if window.0 == window.1 {
                    calendar.label(window.0).to_string()
                } else {
                    format!("{}–{}", calendar.label(window.0), calendar.label(window.1))
                };
                de_en(
                    l,
                    Text::plain("Engpass: ")
                        + id.clone()
                        + format!(
                            " ({labels}; es fehlen mindestens {short}) bei jedem Beginn in {starts}"
                        ),
                    id + format!(
                        ": short in {labels} (by at least {short}) for every start in {starts}"
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
        let objective = self.objective();
        let bound = objective_value(l, objective, bound, &self.portfolio.currency);
        if method == BoundMethod::Optimal && objective != crate::model::risk::Objective::Impact {
            let name = objective_name(l, objective);
            return de_en(
                l,
                format!("optimal – bewiesen: keine Roadmap erreicht mehr als {bound} ({name})"),
                format!("optimal – proven: no roadmap reaches more than {bound} ({name})"),
            );
        }
        if method == BoundMethod::Optimal {
            return de_en(
                l,
                format!(
                    "optimal – bewiesen: keine Roadmap erreicht mehr als {bound} Resilienzpunkte"
                ),
                format!("optimal – proven: no roadmap reaches more than {bound} resilience points"),
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

    /// A resource as the reader knows it: its name, else "Haushaltsmittel"/"Eigenes Personal".
    pub fn resource_name(&self, r: usize) -> String {
        resource_name(self.portfolio, r, self.language)
    }

    /// An amount of resource `r` summed over periods: staff in VZÄ-Jahre (FTE-years), since
    /// a period's staff is an average over the period.
    pub fn total_amount(&self, r: usize, value: f64) -> String {
        if is_staff(&self.portfolio.resources[r]) {
            // Staff per budget period is its average headcount: per budget period a year
            // holds, the sum is in FTE-years.
            let per_year = f64::from(self.portfolio.calendar.budget_period.per_year());
            quantity(self.portfolio, r, value / per_year, true, self.language)
        } else {
            self.amount(r, value)
        }
    }

    /// The technical note at the end of a report: how close the roadmap is to the best
    /// possible one, with the solver's terms (not for the main text).
    pub fn technical_note(&self) -> (Text, Text) {
        (self.t(Label::Quality).into(), self.quality().into())
    }

    /// Summary lines: horizon, objective, counts, resource use, follow-up costs.
    pub fn summary(&self) -> Vec<(Text, Text)> {
        let e = self.evaluation;
        let l = self.language;
        let calendar = &self.portfolio.calendar;
        let mut lines: Vec<(Text, Text)> = vec![(
            self.t(Label::Horizon).into(),
            format!(
                "{} ({} {})",
                self.horizon(),
                calendar.len(),
                period_word(calendar.period, calendar.len() != 1, l)
            )
            .into(),
        )];
        if !self.portfolio.scenarios.is_empty() {
            let names: Vec<String> = self
                .portfolio
                .scenarios
                .iter()
                .map(|s| format!("{} ({})", s.name.get(l), s.path))
                .collect();
            lines.push((
                de_en(l, "Szenarien", "Scenarios").into(),
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
                de_en(l, "Geändert", "Changed").into(),
                Text::join(sets, " "),
            ));
        }
        let total = self.portfolio.measures.len();
        // Under `objective: risk` the objective is the expected damage avoided, in money.
        if self.objective() != crate::model::risk::Objective::Risk {
            lines.push((
                objective_name(l, self.objective()).into(),
                format!(
                    "{} ({})",
                    number(l, e.objective, 1),
                    self.t(Label::ObjectiveNote)
                )
                .into(),
            ));
        }
        lines.extend(self.risk_summary());
        lines.extend([(
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
        )]);
        for r in 0..self.portfolio.resources.len() {
            let used: f64 = e.usage.iter().map(|row| row[r]).sum();
            // Each budget period's own capacity: what was carried over is counted once.
            let capacity: f64 = (e.capacity.iter().zip(&e.carried_in))
                .map(|(row, carried)| row[r] - carried[r])
                .sum();
            let share = if capacity.is_finite() && capacity > 0.0 {
                format!(" ({})", percent(l, used / capacity))
            } else {
                String::new()
            };
            let (used, capacity) = (self.total_amount(r, used), self.total_amount(r, capacity));
            lines.push((
                self.resource_name(r).into(),
                de_en(
                    l,
                    format!("{used} verplant, {capacity} verfügbar{share}"),
                    format!("{used} planned of {capacity} available{share}"),
                )
                .into(),
            ));
        }
        let follow: Vec<String> = (0..self.portfolio.resources.len())
            .filter(|&r| e.follow_up[r] > 0.0)
            .map(|r| {
                format!(
                    "{}: {}",
                    self.resource_name(r),
                    self.amount(r, e.follow_up[r])
                )
            })
            .collect();
        lines.push((
            format!(
                "{} ({})",
                self.t(Label::FollowUpCosts),
                self.t_budget(Label::FollowUpNote)
            )
            .into(),
            if follow.is_empty() {
                self.t(Label::Nothing).into()
            } else {
                follow.join(" · ").into()
            },
        ));
        lines.extend(self.money_lines());
        lines
    }

    /// Personnel cost of staff with a `cost_rate`, and depreciation in the last budget
    /// period, when the portfolio has them.
    fn money_lines(&self) -> Vec<(Text, Text)> {
        let (e, l, p) = (self.evaluation, self.language, self.portfolio);
        let mut lines: Vec<(Text, Text)> = Vec::new();
        for (r, resource) in p.resources.iter().enumerate() {
            let Some(rate) = &resource.cost_rate else {
                continue;
            };
            let cost = money(l, e.personnel_cost[r], &p.currency);
            let rate = money(l, rate.value, &p.currency);
            let unit = de_en(l, "VZÄ-Jahr", "FTE-year");
            lines.push((
                format!(
                    "{} ({})",
                    de_en(l, "Personalkosten", "Personnel cost"),
                    self.resource_name(r)
                )
                .into(),
                de_en(
                    l,
                    format!("{cost} (zu {rate} je {unit})"),
                    format!("{cost} (at {rate} per {unit})"),
                )
                .into(),
            ));
        }
        if p.measures.iter().any(|m| m.useful_life.is_some())
            && let Some(last) = e.depreciation.len().checked_sub(1)
        {
            let total: f64 = e.depreciation[last].iter().sum();
            lines.push((
                de_en(l, "Abschreibungen", "Depreciation").into(),
                format!(
                    "{} in {}",
                    money(l, total, &p.currency),
                    p.calendar.budget_label(last)
                )
                .into(),
            ));
        }
        lines.extend(self.funding_summary());
        lines.extend(self.follow_up_warning());
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
