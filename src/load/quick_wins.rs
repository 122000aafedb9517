//! Decodes `quick_wins:`, the rule for the quick-wins section.

use super::decode::Decoder;
use super::funding::rate;
use super::node::Node;
use crate::model::quick_wins::QuickWinRule;

/// Decodes `quick_wins: { max_duration, max_cost_share, top_share }`.
pub(super) fn decode_quick_wins(dec: &mut Decoder, node: &Node) -> Option<QuickWinRule> {
    let fields = dec.fields(
        node,
        "`quick_wins`",
        &["max_duration", "max_cost_share", "top_share"],
    )?;
    Some(QuickWinRule {
        max_duration: (fields.get("max_duration"))
            .and_then(|n| dec.whole(n, "`quick_wins.max_duration`")),
        max_cost_share: (fields.get("max_cost_share"))
            .and_then(|n| rate(dec, n, "`quick_wins.max_cost_share`")),
        top_share: (fields.get("top_share")).and_then(|n| rate(dec, n, "`quick_wins.top_share`")),
    })
}
