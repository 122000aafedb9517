//! Funding programmes (`funding:`): grants that pay a share of a measure's eligible
//! spending inside a window of periods, up to a cap shared by every measure drawing on
//! the programme (DigitalPakt, Gigabitförderung, KHZG, …).

use crate::diagnostic::source::{Located, Span};
use crate::model::Text;
use crate::model::period::PeriodLabel;
use serde::Serialize;

/// The periods in which spending is eligible, both ends included.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    /// First period.
    pub from: Located<PeriodLabel>,
    /// Last period, inclusive.
    pub to: Located<PeriodLabel>,
}

/// One funding programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programme {
    /// Identifier measures name in their `funding`.
    pub id: Located<String>,
    /// Display name (`id` when not given).
    pub name: Option<Text>,
    /// Share of eligible spending the grant pays, `0..=1` (written `50%` or `0.5`).
    pub rate: Located<f64>,
    /// Total grant of the programme, shared by every measure that draws on it; `None`:
    /// no cap.
    pub cap: Option<Located<f64>>,
    /// Periods in which spending is eligible; `None`: the whole horizon.
    pub window: Option<Window>,
    /// Resources (by id) whose spending it co-funds.
    pub eligible: Vec<Located<String>>,
    /// The period by whose end the application is due (shown in reports).
    pub apply_by: Option<Located<PeriodLabel>>,
    /// Where the figures come from.
    pub source: Option<String>,
    /// Where the programme was written.
    #[serde(skip)]
    pub span: Span,
}

impl Programme {
    /// The display name in `language`, else the id.
    pub fn display_name(&self, language: crate::model::Language) -> &str {
        self.name
            .as_ref()
            .map(|n| n.get(language))
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.id.value)
    }
}

/// The default share of the last period's capacity above which follow-up costs after the
/// horizon are warned about (`sustainability.warn_share`).
pub const DEFAULT_WARN_SHARE: f64 = 0.25;

/// The limit `sustainability` puts on follow-up costs after the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum RunCostLimit {
    /// At most this share of the resource's capacity in the last period.
    Share(Located<f64>),
    /// At most this amount per period.
    Amount(Located<f64>),
}

/// `sustainability:` a limit on follow-up costs after the horizon, and the share above
/// which every plan warns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sustainability {
    /// The resource the limit is on (required with a limit).
    pub resource: Option<Located<String>>,
    /// The limit; `None`: only the warning.
    pub limit: Option<RunCostLimit>,
    /// Share of the last period's capacity above which plans warn (default
    /// [`DEFAULT_WARN_SHARE`]).
    pub warn_share: Option<Located<f64>>,
    /// Where `sustainability` was written.
    #[serde(skip)]
    pub span: Span,
}
