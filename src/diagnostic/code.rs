//! Every kind of problem resiplan reports, by its stable kebab-case name.
//!
//! The names appear in every message (`error[duplicate-id]`) and in `check --format json`,
//! so scripts can rely on them. [`Code::ALL`] lists them all: the broken-fixture test
//! checks that each is produced by a fixture or by a test of its own, and the README's
//! table of problems is written from [`Code::ALL`] and [`Code::meaning`].

use serde::{Serialize, Serializer};
use std::fmt;

/// Defines [`Code`] with its variants, names and meanings in one table.
macro_rules! codes {
    ($($variant:ident = $name:literal: $meaning:literal,)*) => {
        /// A kind of problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $meaning]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &[Code] = &[$(Code::$variant),*];

            /// The stable name, e.g. `duplicate-id`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// What the problem is, in one line.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    // Reading files.
    UnreadableFile = "unreadable-file": "A file cannot be read: missing, a directory, no permission.",
    FileTooLarge = "file-too-large": "A file is larger than the limit for input files.",
    EmptyFile = "empty-file": "A file is empty.",
    InvalidEncoding = "invalid-encoding": "A file is not UTF-8.",
    YamlSyntax = "yaml-syntax": "The YAML cannot be parsed.",
    ResourceLimit = "resource-limit": "The YAML is nested too deeply or expands to too many values (an alias bomb).",
    LimitExceeded = "limit-exceeded": "A portfolio is larger than resiplan plans: more than 240 periods, 20,000 measures, 50 resources or 50 dimensions, or includes more than 1,000 times or 16 levels deep.",
    DuplicateKey = "duplicate-key": "A mapping names the same key twice.",
    NotAPortfolio = "not-a-portfolio": "A catalog or scenario was given where a portfolio belongs.",
    NotACatalog = "not-a-catalog": "A portfolio was given where a catalog belongs, or an included file is no catalog at all (its content is not shown).",
    NotAScenario = "not-a-scenario": "A portfolio was given where a scenario belongs.",
    // Fields and values.
    UnsupportedVersion = "unsupported-version": "The format `version` is not one this resiplan reads.",
    UnknownField = "unknown-field": "A field that the format does not have (with the closest one).",
    MissingField = "missing-field": "A required field is missing.",
    WrongType = "wrong-type": "A value of the wrong type: a list where a number belongs, and the like.",
    InvalidValue = "invalid-value": "A value outside what the field allows (a language, a scale factor, a status).",
    InvalidNumber = "invalid-number": "A number that cannot be read (a comma; in a cost or capacity, a dot before three digits such as `110.000`), is not finite, or is above 10^15.",
    NegativeNumber = "negative-number": "A negative amount, capacity, score or weight.",
    InvalidRange = "invalid-range": "An `uncertainty` range, or a risk's `damage` range, whose low end is above its high end.",
    InvalidDurationRange = "invalid-duration-range": "An `uncertainty.duration` range that is not whole periods, or that allows a duration of 0 (a milestone) for a measure with a cost.",
    EstimateOutsideRange = "estimate-outside-range": "A measure's estimate (its duration, or a factor of 1 for cost and impact) lies outside its `uncertainty` range; `simulate` takes the nearer end as the most likely value (warning).",
    InvalidPeriod = "invalid-period": "A period label that cannot be read, e.g. `2027-Q5`.",
    InvalidId = "invalid-id": "An id that is empty or contains whitespace, `=`, control characters or invisible format characters (zero-width, bidi).",
    // Includes, scenarios and `--set`.
    MissingInclude = "missing-include": "An included catalog does not exist.",
    IncludeOutside = "include-outside": "An `include` path is absolute or leads outside the working directory and the portfolio's directory (`--include-root DIR` allows more).",
    IncludeNotAFile = "include-not-a-file": "An `include` names a directory, a pipe, a device or a system file, not a regular file.",
    IncludeCycle = "include-cycle": "Catalogs include each other in a circle.",
    CatalogPeriodTooFine = "catalog-period-too-fine": "An included catalog is written in finer periods (`period: quarter`) than the portfolio plans in (years).",
    UnknownId = "unknown-id": "An include names a measure its catalog does not have, or a `--status` file of `import grundschutz` a control the catalog does not have.",
    InvalidSet = "invalid-set": "A `--set` argument or scenario `set` that cannot be applied.",
    UnknownPath = "unknown-path": "A `--set` path, or a scenario entry, names nothing in the portfolio.",
    ExcludedDependants = "excluded-dependants": "Excluding a measure also excludes the measures that depend on it.",
    // References between measures.
    DuplicateId = "duplicate-id": "Two measures, or two funding programmes, have the same id.",
    UnknownDependency = "unknown-dependency": "`depends_on` names a measure that does not exist.",
    SelfDependency = "self-dependency": "A measure depends on itself.",
    DuplicateDependency = "duplicate-dependency": "`depends_on` names the same measure twice.",
    DependencyCycle = "dependency-cycle": "Measures depend on each other in a circle (the whole circle is shown).",
    UnknownPilot = "unknown-pilot": "`pilot_of` names a measure that does not exist.",
    SelfPilot = "self-pilot": "A measure is named as the pilot of itself (`pilot_of`).",
    PilotCycle = "pilot-cycle": "A pilot depends on the measure it is the pilot of, which depends on its pilot.",
    // Alternatives and bundles.
    UnknownMember = "unknown-member": "An alternative group or a bundle names a measure the portfolio does not have (with the closest id).",
    ChoiceConflict = "choice-conflict": "Alternatives and bundles that cannot hold together: a measure named twice, in two alternative groups or in two bundles, a bundle holding two measures of one alternative group, two measures of one group that must both be in the roadmap (mandatory, fixed, done, a prerequisite of one, or bundled with one), or a group or bundle id used twice.",
    ChoiceExcludes = "choice-excludes": "A bundle needs a measure that its alternative group's fixed choice (a mandatory, fixed or done alternative) leaves out, so the bundle can never be scheduled.",
    // Balance rules.
    BalanceRule = "balance-rule": "A `balance` rule that is neither a value rule (`dimension`, `min_value_share`) nor a spending rule (`resource`, `area`, `min_spend_share`), or mixes the two.",
    BalanceShare = "balance-share": "A `balance` rule's `min_value_share` or `min_spend_share` outside 0 % to 100 % (or a bare number above 1).",
    UnknownBalanceTarget = "unknown-balance-target": "A `balance` rule names a dimension, a resource or an area (a measure's `area`) the portfolio does not have (with the closest one).",
    // Responsibilities (RACI).
    RaciConflict = "raci-conflict": "`owner` and `raci.responsible` of a measure name different parties (`owner` is the responsible party).",
    RaciDuplicate = "raci-duplicate": "A party holds two RACI roles of one measure, or is named twice in one role (only the responsible party may also be accountable).",
    // Dimensions, resources and scores.
    UnknownDimension = "unknown-dimension": "`impact`, a pairwise comparison or a maturity indicator names a dimension the portfolio does not have.",
    UnknownResource = "unknown-resource": "`cost`, `run_cost` or a funding programme's `eligible` names a resource the portfolio does not have.",
    ImpactAboveScale = "impact-above-scale": "An impact score above `impact_scale`.",
    ZeroWeights = "zero-weights": "Every dimension weight is zero, so no measure has a value.",
    MilestoneCost = "milestone-cost": "A milestone (duration 0) has a cost.",
    ProfileLength = "profile-length": "A `cost_profile` or `staff_profile` with another number of shares than the measure has periods.",
    ProfileZero = "profile-zero": "A `cost_profile` or `staff_profile` whose shares are all zero, so nothing could be paid.",
    // Funding programmes.
    UnknownFunding = "unknown-funding": "A measure's `funding` names a programme the portfolio does not declare under `funding`, or names one twice.",
    InvalidRate = "invalid-rate": "A funding `rate` or a `sustainability` share above 100 % (or a bare number above 1), or programmes of one measure whose rates on one resource add up to more than 100 %, or a `mitigates` share outside 0 % to 100 %.",
    ReversedWindow = "reversed-window": "A funding programme's `window` ends (`to`) before it starts (`from`).",
    // Legal duties.
    InvalidDate = "invalid-date": "A date that is not `YYYY-MM-DD` (`as_of`), or an obligation's `deadline` that is neither a period nor a date.",
    UnknownObligation = "unknown-obligation": "A measure's `fulfils` names an obligation the portfolio does not declare under `obligations`, or names one twice.",
    DuplicateObligation = "duplicate-obligation": "Two obligations have the same id.",
    UnfulfilledObligation = "unfulfilled-obligation": "An obligation that no measure fulfils (warning).",
    ObligationOutsideHorizon = "obligation-outside-horizon": "An obligation's deadline lies before or after the horizon: before, its measures are mandatory without a deadline; after, it binds nothing in the horizon (warning).",
    StaleObligation = "stale-obligation": "An obligation's `as_of` lies more than 12 months before the portfolio's `as_of`: check the legal state again (warning).",
    ObligationPastDeadline = "obligation-past-deadline": "An obligation's deadline has passed at the portfolio's `as_of` and no measure fulfilling it is done (warning).",
    // Risk in euros.
    UnknownRisk = "unknown-risk": "A measure's `mitigates` names a risk the portfolio does not declare under `risks`.",
    DuplicateRisk = "duplicate-risk": "Two risks have the same id.",
    InvalidLikelihood = "invalid-likelihood": "A risk's `likelihood` per year is not above 0 % and at most 100 %.",
    ObjectiveWithoutRisk = "objective-without-risk": "`objective` counts risk, but the portfolio declares no risk or no measure mitigates one.",
    // Maturity (Ist → Soll).
    MaturityScale = "maturity-scale": "A maturity indicator's `scale` is neither named `levels` (at least two) nor a `count` above 0, or mixes the two.",
    MaturityLevel = "maturity-level": "A maturity level (an indicator's `baseline` or `target`, a measure's `raises`) that is not a whole number on the indicator's scale, or a `raises` of 0 on a count.",
    DuplicateIndicator = "duplicate-indicator": "Two maturity indicators have the same id.",
    UnknownIndicator = "unknown-indicator": "A measure's `raises` names a maturity indicator the portfolio does not declare under `maturity` (with the closest id).",
    BaselineAboveTarget = "baseline-above-target": "A maturity indicator's `baseline` (Ist) lies above its `target` (Soll).",
    TargetOutsideHorizon = "target-outside-horizon": "A maturity indicator's `target_by` lies before the horizon (the report judges the Ist level) or after it (the report judges the level at the horizon's end) (warning).",
    TargetUnreachable = "target-unreachable": "No roadmap can reach a maturity indicator's `target`: the measures that raise it, all complete, take it no higher than the level named (warning).",
    // Pairwise weighting.
    InvalidComparison = "invalid-comparison": "A pairwise comparison outside Saaty's scale (1/9 to 9), or of a dimension with itself.",
    IncompleteComparisons = "incomplete-comparisons": "Pairwise weighting leaves pairs of dimensions uncompared (each is named).",
    InconsistentComparisons = "inconsistent-comparisons": "Pairwise comparisons with a consistency ratio above 0.1; the most inconsistent one is marked (warning).",
    ConflictingWeight = "conflicting-weight": "A dimension gives a `weight` in a portfolio whose weights come from pairwise comparisons.",
    // The horizon.
    EndBeforeStart = "end-before-start": "The calendar's `end` is before its `start`.",
    PeriodKindMismatch = "period-kind-mismatch": "A period label of another length than the calendar's (`2027-Q1` in a yearly calendar), or a maturity `target_by` that is not a year.",
    OutsideHorizon = "outside-horizon": "A period outside the horizon.",
    BudgetPeriodTooFine = "budget-period-too-fine": "`calendar.budget_period` is finer than `calendar.period` (budget quarters in a yearly calendar).",
    BudgetPeriodMisaligned = "budget-period-misaligned": "The horizon does not hold whole budget periods (a quarterly calendar with budget years that starts in Q2).",
    MissingCapacity = "missing-capacity": "A resource has no capacity in a period of the horizon.",
    NoEffect = "no-effect": "A setting that changes nothing, e.g. an `earliest` before the horizon (warning).",
    DeadlineBeforeEarliest = "deadline-before-earliest": "A deadline before the measure's `earliest`.",
    DurationTooLong = "duration-too-long": "A measure longer than the horizon.",
    FixedWithoutStart = "fixed-without-start": "A `fixed` measure without `start`.",
    StartWithoutFixed = "start-without-fixed": "A `start` on a measure that is not `fixed`.",
    StartBeforeEarliest = "start-before-earliest": "A fixed `start` before the measure's `earliest`.",
    FixedBeforeDependency = "fixed-before-dependency": "A fixed measure starts before its dependency can be complete.",
    DoneDependsOnPlanned = "done-depends-on-planned": "A `done` measure depends on one that is not done.",
    // Progress and actual costs (the yearly update).
    InvalidProgress = "invalid-progress": "A `progress` that is not a share from 0 % to 100 %, or a `progress` on a measure that is not `started`.",
    StartedWithoutStart = "started-without-start": "A `started` measure, or one with `contracted: true`, without `start`.",
    StartedLater = "started-later": "A `started` measure whose `start` lies after the horizon's first period, or a `done` measure whose `finished` lies inside the horizon.",
    ActualsNotBegun = "actuals-not-begun": "An `actual_cost` on a measure that has neither started nor is done, or a `finished` on one that is not `done`.",
    ActualYear = "actual-year": "An `actual_cost` given per year whose key is not a budget period of the calendar (a year), lies in a budget period that has not begun by `as_of` (money not spent yet), or that mixes years with resources.",
    DeadlineUnreachable = "deadline-unreachable": "A deadline that the dependency chain cannot meet (the chain is named).",
    MandatoryUnreachable = "mandatory-unreachable": "A mandatory measure whose chain cannot finish inside the horizon.",
    Unreachable = "unreachable": "A measure that cannot finish inside the horizon; it will not be scheduled (warning).",
    // Planning.
    MandatoryInfeasible = "mandatory-infeasible": "The mandatory measures do not fit the capacities (the resource and periods are named).",
    FixedInfeasible = "fixed-infeasible": "A fixed measure's prerequisites do not fit the capacities before its start (the chain, resource and periods are named).",
    FixedOverrun = "fixed-overrun": "Fixed and done measures alone use more than a capacity, or have more follow-up costs than `sustainability` allows.",
    ChoiceInfeasible = "choice-infeasible": "No measure of an `exactly_one` alternative group can be placed within the capacities and rules (the group and its measures are named), or a measure bundled with one that must be in the roadmap (such as the rollout of a mandatory pilot) cannot be placed.",
    BalanceInfeasible = "balance-infeasible": "No roadmap found meets a `balance` rule: the rule is named with the share the best roadmap reaches and what it falls short by.",
    FollowUpCosts = "follow-up-costs": "The roadmap's follow-up costs per budget period after the horizon exceed a share of the last budget period's capacity (`sustainability.warn_share`, default 25 %): a warning every plan gives, so that the roadmap stays affordable.",
    // Importing Grundschutz++ (OSCAL).
    InvalidJson = "invalid-json": "The file is not valid JSON.",
    NotOscal = "not-oscal": "The JSON is not an OSCAL catalog.",
    MissingEffortLevel = "missing-effort-level": "A control has no effort level.",
    InvalidEffortLevel = "invalid-effort-level": "A control's effort level is not 0 to 5.",
    UnknownLink = "unknown-link": "A `required` link points to a control that is not in the catalog.",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        schemars::json_schema!({
            "description": "The problem kind, stable across versions (see the README's table of problem codes).",
            "type": "string",
            "enum": names
        })
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_kebab_case_and_meanings_are_sentences() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a name is used twice");
        for code in Code::ALL {
            let name = code.name();
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            assert!(code.meaning().ends_with('.'), "{name}");
        }
    }
}
