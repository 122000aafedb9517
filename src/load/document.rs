//! What loading produces: the [`Document`] before semantic validation and the
//! [`Loaded`] result with its sources and diagnostics.

use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Located, SourceMap, Span};
use crate::model::period::Calendar;
use crate::model::weights::Pairwise;
use crate::model::{
    Catalog, Dimension, DocumentKind, FORMAT_VERSION, Language, Measure, Portfolio, Resource,
    ScenarioInfo,
};

/// A loaded file before semantic validation. Fields that could not be read are `None`.
#[derive(Debug, Clone)]
pub struct Document {
    /// Portfolio or catalog.
    pub kind: DocumentKind,
    /// Title.
    pub name: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Currency code.
    pub currency: String,
    /// Default report language.
    pub language: Option<Language>,
    /// Horizon, if it could be read.
    pub calendar: Option<Calendar>,
    /// Where `calendar` was written.
    pub calendar_span: Span,
    /// Maximum impact score.
    pub impact_scale: Located<f64>,
    /// Dimensions (declared, default, or added by catalogs).
    pub dimensions: Vec<Dimension>,
    /// The pairwise comparisons the dimension weights come from, if the portfolio has them.
    pub weighting: Option<Pairwise>,
    /// Resources.
    pub resources: Vec<Resource>,
    /// Funding programmes.
    pub funding: Vec<crate::model::funding::Programme>,
    /// The limit on follow-up costs.
    pub sustainability: Option<crate::model::funding::Sustainability>,
    /// The rule for quick wins (`quick_wins:`).
    pub quick_wins: crate::model::quick_wins::QuickWinRule,
    /// Measures that could be decoded.
    pub measures: Vec<Measure>,
    /// Alternative groups and bundles.
    pub choices: crate::model::choice::Choices,
    /// Balance rules.
    pub balance: Vec<crate::model::balance::BalanceRule>,
    /// Legal duties.
    pub obligations: Vec<crate::model::obligation::Obligation>,
    /// The date the portfolio's facts were checked.
    pub as_of: Option<Located<crate::model::obligation::Date>>,
    /// Threat scenarios (`risks:`).
    pub risks: Vec<crate::model::risk::Risk>,
    /// What the roadmap is planned for (`objective:`).
    pub objective: Option<Located<crate::model::risk::Objective>>,
    /// Maturity indicators (`maturity:`).
    pub maturity: Vec<crate::model::maturity::Indicator>,
    /// Scenarios applied, in order.
    pub scenarios: Vec<ScenarioInfo>,
    /// `--set` changes applied, as given.
    pub overrides: Vec<String>,
}

impl Document {
    /// The checked portfolio; `None` for catalogs or without a calendar. Call after validation.
    pub fn into_portfolio(self) -> Option<Portfolio> {
        if self.kind != DocumentKind::Portfolio {
            return None;
        }
        Some(Portfolio {
            version: FORMAT_VERSION,
            name: self.name.unwrap_or_default(),
            organisation: self.organisation,
            description: self.description,
            currency: self.currency,
            language: self.language,
            calendar: self.calendar?,
            calendar_span: self.calendar_span,
            impact_scale: self.impact_scale,
            dimensions: self.dimensions,
            weighting: self.weighting,
            resources: self.resources,
            funding: self.funding,
            sustainability: self.sustainability,
            quick_wins: self.quick_wins,
            measures: self.measures,
            choices: self.choices,
            balance: self.balance,
            obligations: self.obligations,
            as_of: self.as_of,
            risks: self.risks,
            objective: self.objective,
            maturity: self.maturity,
            scenarios: self.scenarios,
            overrides: self.overrides,
        })
    }

    /// The catalog; `None` for portfolios.
    pub fn into_catalog(self) -> Option<Catalog> {
        (self.kind == DocumentKind::Catalog).then(|| Catalog {
            name: self.name.unwrap_or_default(),
            description: self.description,
            dimensions: self.dimensions,
            measures: self.measures,
        })
    }
}

/// The result of loading one file: its sources, the document (if the file could be read) and problems.
#[derive(Debug)]
pub struct Loaded {
    /// Every file read, for rendering diagnostics.
    pub sources: SourceMap,
    /// The document, unless the file could not be read or parsed at all.
    pub document: Option<Document>,
    /// Problems found while loading (not yet the semantic ones).
    pub diagnostics: Vec<Diagnostic>,
    /// The files read as included catalogs.
    pub catalogs: Vec<FileId>,
}
