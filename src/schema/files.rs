//! The file formats (portfolio, catalog, scenario) as types for schemars. They mirror what
//! `load` accepts; they are never used to read files (the loader decodes by hand to report
//! every problem with its position).

#![allow(dead_code)] // the fields exist for the schema only

use super::funding::{Programme, Sustainability};
use super::obligations::{Date, Duty, Obligation};
use super::primitives::{Amount, Id, Period, ResourceAmount, Text};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::collections::BTreeMap;

/// Amounts per resource id.
type ResourceAmounts = BTreeMap<String, ResourceAmount>;

/// Scores per dimension id.
type Scores = BTreeMap<String, Amount>;

/// A portfolio of measures with a horizon and resources: what `resiplan plan` reads.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "resiplan portfolio (format version 1)")]
pub(super) struct PortfolioFile {
    /// Format version: 1.
    version: Version,
    /// Title of the portfolio.
    name: String,
    /// The organisation it plans for.
    organisation: Option<String>,
    /// Free description.
    description: Option<String>,
    /// Currency code for money (default `EUR`).
    currency: Option<String>,
    /// Default report language.
    language: Option<Language>,
    /// The horizon.
    calendar: Calendar,
    /// Maximum impact score (default 5).
    impact_scale: Option<Amount>,
    /// Resilience dimensions and weights; omitted = the 7 defaults with equal weights.
    dimensions: Option<Vec<Dimension>>,
    /// Dimension weights derived from pairwise comparisons (then no dimension gives a `weight`).
    weights: Option<Weights>,
    /// Resources consumed per period, by id (e.g. `budget`, `staff`).
    resources: Option<BTreeMap<String, Resource>>,
    /// Funding programmes measures draw on (`funding: [id]` in a measure).
    funding: Option<Vec<Programme>>,
    /// A limit on follow-up costs after the horizon, and the share above which plans warn.
    sustainability: Option<Sustainability>,
    /// The rule for the quick-wins section (Schnellerfolge).
    quick_wins: Option<super::quick_wins::QuickWins>,
    /// Measures taken from catalogs.
    include: Option<Vec<Include>>,
    /// The measures.
    measures: Option<Vec<Measure>>,
    #[serde(flatten)]
    choices: super::choice::Choices,
    /// Legal duties measures fulfil (`fulfils: [id]` in a measure).
    obligations: Option<Vec<Obligation>>,
    /// The date the portfolio's facts were checked, `YYYY-MM-DD` (never the machine's clock).
    as_of: Option<Date>,
    /// Threat scenarios (the risk register) measures mitigate.
    risks: Option<Vec<super::risks::Risk>>,
    /// What the roadmap is planned for: `impact` (default), `risk` or a mix.
    objective: Option<super::risks::Objective>,
    /// Balance rules: least shares of a dimension's value or of a resource's spending.
    balance: Option<Vec<super::balance::BalanceRule>>,
    /// Maturity indicators: baseline (Ist) and target (Soll) on a scale.
    maturity: Option<Vec<super::maturity::Indicator>>,
}

/// Pairwise weighting: every pair of dimensions compared on Saaty's scale.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Weights {
    /// How the weights are given: `pairwise`.
    method: WeightMethod,
    /// How they are derived from the comparisons (default `eigenvector`).
    derivation: Option<Derivation>,
    /// `[a, b]: 3`: dimension `a` matters 3 times as much as `b` (1 equally, 3 moderately,
    /// 5 strongly, 7 very strongly, 9 extremely; `1/3` … `1/9` the reverse). Every pair of
    /// dimensions once.
    comparisons: BTreeMap<String, Saaty>,
}

/// The only method: comparisons of pairs.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum WeightMethod {
    /// Analytic hierarchy process: weights from pairwise comparisons.
    Pairwise,
}

/// How weights are derived from a comparison matrix.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Derivation {
    /// The principal eigenvector (Saaty).
    Eigenvector,
    /// The normalised geometric means of the rows.
    GeometricMean,
}

/// A value on Saaty's scale: a number from 1/9 to 9, or text `1/N`.
struct Saaty;

impl JsonSchema for Saaty {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Saaty".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "How many times as much the first dimension matters: a number from 1/9 to 9, or text such as `1/3`.",
            "anyOf": [
                { "type": "number", "minimum": 0.111, "maximum": 9 },
                { "type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*/\\s*[0-9]+(\\.[0-9]+)?\\s*$" }
            ]
        })
    }
}

/// A reusable library of measures (no calendar, no resources).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "resiplan catalog (format version 1)")]
pub(super) struct CatalogFile {
    /// Format version: 1.
    version: Version,
    /// Title of the catalog.
    name: String,
    /// Free description.
    description: Option<String>,
    /// The periods its durations, staff efforts (FTE-periods), money run costs and labels
    /// are written in; a portfolio in finer periods converts them when it includes the
    /// catalog (default: the including portfolio's period).
    period: Option<PeriodKind>,
    /// Dimensions added to the defaults.
    dimensions: Option<Vec<Dimension>>,
    /// Measures taken from other catalogs.
    include: Option<Vec<Include>>,
    /// The measures.
    measures: Vec<Measure>,
}

/// Changes to a portfolio, applied with `--scenario`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "resiplan scenario (format version 1)")]
pub(super) struct ScenarioFile {
    /// Format version: 1.
    version: Version,
    /// Name of the scenario.
    name: Text,
    /// What question the scenario answers.
    description: Option<String>,
    /// New measures, or adaptations of existing ones by id (keys merged, the scenario's win).
    measures: Option<Vec<Measure>>,
    /// Dimension id → weight.
    weights: Option<BTreeMap<String, Amount>>,
    /// Capacity changes per resource id.
    resources: Option<BTreeMap<String, ResourceChange>>,
    /// Measures made mandatory.
    force: Option<Vec<Id>>,
    /// Values by path, e.g. `measures.glasfaser-schulen.cost.budget: 900k`.
    set: Option<BTreeMap<String, serde_json::Value>>,
    /// Measures dropped (with whatever depends on them).
    exclude: Option<Vec<Id>>,
    /// Duty classes whose measures that have not started are dropped (e.g. `[voluntary]`).
    exclude_duty: Option<Vec<Duty>>,
}

/// The format version: 1.
struct Version;

impl JsonSchema for Version {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Version".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The format version this resiplan reads: 1.",
            "enum": [1, "1"]
        })
    }
}

/// Report language.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Language {
    /// German.
    De,
    /// English.
    En,
}

/// The planning horizon.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Calendar {
    /// Length of a period.
    period: PeriodKind,
    /// First period, matching `period` (`2027`, `2027-H1`, `2027-Q1`, `2027-01`).
    start: Period,
    /// Last period (inclusive).
    end: Period,
    /// Periods after `end` in which completed measures still count (default: the horizon's length).
    evaluation_tail: Option<u32>,
    /// The budget period (Haushaltsjahr): capacities are given and checked per budget
    /// period, `run_cost` is per budget period; as long as `period` or longer, and the
    /// horizon holds whole budget periods (default: `period`).
    budget_period: Option<PeriodKind>,
}

/// Length of a period.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum PeriodKind {
    /// A year.
    Year,
    /// Half a year.
    Half,
    /// A quarter.
    Quarter,
    /// A month.
    Month,
}

/// A resilience dimension.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Dimension {
    /// Id used in `impact`.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// Weight (default 1).
    weight: Option<Amount>,
}

/// A resource with its capacity per period.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Resource {
    /// Unit for reports (`EUR`, `FTE`).
    unit: Option<String>,
    /// Display name.
    name: Option<Text>,
    /// The same capacity in every budget period, or `default` and capacities per
    /// budget-period label.
    capacity: Capacity,
    /// What kind of money (or staff) it is (default: `other`).
    kind: Option<ResourceKind>,
    /// Unspent capacity moves on to the next budget period (Ermächtigungsübertragung).
    carry_over: Option<bool>,
    /// Costs in prices of the first year become nominal amounts: a yearly rate (`2.5%`)
    /// or factors by year (`{ 2028: 1.03 }`).
    price_index: Option<PriceIndex>,
    /// Staff: what one unit costs per year (currency per VZÄ and year).
    cost_rate: Option<ResourceAmount>,
    /// Staff with a `cost_rate`: the money resource its cost is charged to.
    charged_to: Option<String>,
}

/// A yearly rate in percent, or factors by year.
#[derive(JsonSchema)]
#[serde(untagged)]
enum PriceIndex {
    /// `2.5%`.
    Rate(String),
    /// `{ 2028: 1.03, 2029: 1.06 }`.
    Table(BTreeMap<String, Amount>),
}

/// What kind of money (or staff) a resource is.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum ResourceKind {
    /// Investment payments (Auszahlungen für Investitionen, Finanzhaushalt).
    Investment,
    /// Operating expense (Aufwendungen, Ergebnishaushalt).
    Operating,
    /// Own staff in full-time equivalents (VZÄ).
    Staff,
    /// Anything else.
    Other,
}

/// Capacity per period.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Capacity {
    /// Every period.
    Uniform(ResourceAmount),
    /// `default` and period labels.
    PerPeriod(BTreeMap<String, ResourceAmount>),
}

/// Scale factors: one for every period, or per period.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Factors {
    /// Every period.
    Uniform(Amount),
    /// `default` and period labels.
    PerPeriod(BTreeMap<String, Amount>),
}

/// Measures taken from a catalog.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Include {
    /// Path of the catalog, relative to this file.
    catalog: String,
    /// Ids of the measures to take; omitted = all.
    measures: Option<Vec<Id>>,
}

/// Planning state.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Status {
    /// To be scheduled.
    Planned,
    /// Keeps its `start`.
    Fixed,
    /// Has begun (at `start`, at or before the horizon's first period) and is `progress`
    /// done: it goes on from the horizon's first period with what it has left.
    Started,
    /// Finished before the horizon.
    Done,
}

/// Who does what for a measure: responsible (R, the same as `owner`), accountable (A),
/// consulted (C) and informed (I). A party has one role per measure; only the responsible
/// party may also be accountable.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Raci {
    /// Does the work (the same party as `owner`, if both are given).
    responsible: Option<Party>,
    /// Answers for the result and decides.
    accountable: Option<Party>,
    /// Consulted before decisions (the Personalrat, the data protection officer, …).
    consulted: Option<Vec<Party>>,
    /// Kept informed.
    informed: Option<Vec<Party>>,
}

/// An office, body or role, e.g. `Amt 10 / IT` or `Personalrat`.
struct Party;

impl JsonSchema for Party {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Party".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An office, body or role, e.g. `Amt 10 / IT` or `Personalrat`; not empty.",
            "anyOf": [
                { "type": "string", "pattern": "\\S" },
                { "type": "number" }
            ]
        })
    }
}

/// Ranges for the uncertainty simulation.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Uncertainty {
    /// Cost multiplier `[low, high]`.
    cost: Option<[Amount; 2]>,
    /// Duration in periods `[low, high]`.
    duration: Option<[Amount; 2]>,
    /// Impact multiplier `[low, high]`.
    impact: Option<[Amount; 2]>,
}

/// A measure. A new one needs `name` and `duration` as well; one that adapts an included
/// measure (or, in a scenario, an existing one) by id needs only the fields that change.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Measure {
    /// Id of a new measure, or of the one to adapt.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// Area.
    area: Option<String>,
    /// Periods it runs.
    duration: Option<u32>,
    /// Totals per resource.
    cost: Option<ResourceAmounts>,
    /// Relative shares of the cost per period of the duration (`[30, 50, 20]`); default:
    /// even. One per period, not negative, not all zero.
    cost_profile: Option<Vec<f64>>,
    /// Shares for staff resources (`kind: staff`) when they differ from `cost_profile`.
    staff_profile: Option<Vec<f64>>,
    /// Years over which costs on investment resources are depreciated (reported only).
    useful_life: Option<Amount>,
    /// Per budget period after completion.
    run_cost: Option<ResourceAmounts>,
    /// Impact per dimension.
    impact: Option<Scores>,
    /// Dependencies.
    depends_on: Option<Vec<Id>>,
    /// First period.
    earliest: Option<Period>,
    /// Deadline.
    deadline: Option<Period>,
    /// Mandatory.
    mandatory: Option<bool>,
    /// Leaving it out of the roadmap needs a risk acceptance by management (a requirement
    /// that should be met, like a Grundschutz SOLLTE); plan reports list it when left out.
    risk_acceptance: Option<bool>,
    /// Status.
    status: Option<Status>,
    /// Fixed start; for a started measure the period it began in.
    start: Option<Period>,
    /// Tags.
    tags: Option<Vec<String>>,
    /// Documents it produces (evidence, deliverables); plan reports list them.
    documents: Option<Vec<String>>,
    /// The responsible party (the R of `raci`).
    owner: Option<String>,
    /// Who is responsible, accountable, consulted and informed.
    raci: Option<Raci>,
    /// Source of the figures.
    source: Option<String>,
    /// Notes.
    notes: Option<String>,
    /// Uncertainty ranges.
    uncertainty: Option<Uncertainty>,
    /// Description.
    description: Option<String>,
    /// Ids of the funding programmes it draws on; `cost` is then the gross amount.
    funding: Option<Vec<Id>>,
    /// The measure it is the pilot of: that rollout depends on it (go/no-go at its end).
    pilot_of: Option<Id>,
    /// Ids of the obligations it fulfils.
    fulfils: Option<Vec<Id>>,
    /// Duty class (default: `statutory` when it fulfils an obligation, else `voluntary`).
    duty: Option<Duty>,
    /// Shares of risks' expected damage it removes (`{ ransomware: 60% }`).
    mitigates: Option<super::risks::Mitigates>,
    /// Share done of a started measure (`status: started`).
    progress: Option<super::progress::Progress>,
    /// Contracted: keeps its `start` like a fixed measure.
    contracted: Option<bool>,
    /// What a started or done measure has cost so far, per resource, or per budget year
    /// and resource (`{ 2027: { budget: 130k } }`).
    actual_cost: Option<super::progress::ActualCost>,
    /// The period a done measure finished in (before the horizon).
    finished: Option<Period>,
    /// Maturity levels it raises when complete (`{ ozg-reifegrad: 3 }`): the level on a
    /// level scale, the number added on a count.
    raises: Option<super::maturity::Raises>,
}

/// Capacity changes of one resource.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ResourceChange {
    /// Factor on every period's capacity, or per period label (`default` for the rest).
    scale: Option<Factors>,
    /// Capacities of named periods (`default` for the rest).
    capacity: Option<Capacity>,
}
