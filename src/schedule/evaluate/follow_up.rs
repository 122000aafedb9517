//! The warning `follow-up-costs`: resources whose follow-up costs after the horizon exceed
//! a share of their capacity in the last period (`sustainability.warn_share`, 25 % by
//! default).

use crate::model::Portfolio;
use serde::Serialize;

/// Follow-up costs after the horizon above the share of the last period's capacity that
/// `sustainability.warn_share` (default 25 %) allows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpWarning {
    /// The resource.
    pub resource: usize,
    /// Its follow-up costs per period after the horizon.
    pub follow_up: f64,
    /// Its capacity in the last period.
    pub capacity: f64,
    /// The share above which plans warn.
    pub threshold: f64,
}

/// Every resource whose follow-up costs `follow_up` exceed the warning share of its
/// capacity in the last period, in portfolio order.
pub fn follow_up_warnings(portfolio: &Portfolio, follow_up: &[f64]) -> Vec<FollowUpWarning> {
    let calendar = &portfolio.calendar;
    // The last budget period's capacity (per budget period, as run costs are given).
    let Some(last) = (calendar.budget_len().checked_sub(1)).map(|b| calendar.budget_label(b))
    else {
        return Vec::new();
    };
    let threshold = (portfolio.sustainability.as_ref())
        .and_then(|s| s.warn_share.as_ref())
        .map_or(crate::model::funding::DEFAULT_WARN_SHARE, |w| w.value);
    (portfolio.resources.iter().enumerate())
        .filter_map(|(r, resource)| {
            let capacity = resource.capacity.at(last)?;
            let follow_up = follow_up.get(r).copied().unwrap_or(0.0);
            (capacity.is_finite() && follow_up > threshold * capacity).then_some(FollowUpWarning {
                resource: r,
                follow_up,
                capacity,
                threshold,
            })
        })
        .collect()
}
