//! Decoding `alternatives:` and `bundles:`: id, name, the measures and, for an
//! alternative group, `exactly_one`. Whether the ids exist and the rules can hold together
//! is checked by validation (`validate::choice`).

use super::decode::{Decoder, Fields};
use super::node::Node;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Text;
use crate::model::choice::{Alternative, Bundle};

/// Every field of an alternative group.
pub(super) const ALTERNATIVE_FIELDS: [&str; 4] = ["id", "name", "measures", "exactly_one"];

/// Every field of a bundle.
pub(super) const BUNDLE_FIELDS: [&str; 3] = ["id", "name", "measures"];

/// Decodes the `alternatives` list.
pub(super) fn decode_alternatives(dec: &mut Decoder, node: &Node) -> Vec<Alternative> {
    let Some(items) = dec.list(node, "`alternatives`") else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    for item in items {
        let Some(fields) = dec.fields(item, "an alternative group", &ALTERNATIVE_FIELDS) else {
            continue;
        };
        let Some((id, name, measures)) = common(dec, &fields, "an alternative group") else {
            continue;
        };
        let exactly_one = fields.get("exactly_one").and_then(|n| {
            dec.boolean(
                n,
                &format!("`exactly_one` of alternative group `{}`", id.value),
            )
        });
        groups.push(Alternative {
            id,
            name,
            measures,
            exactly_one: exactly_one.unwrap_or(false),
            span: item.span,
        });
    }
    groups
}

/// Decodes the `bundles` list.
pub(super) fn decode_bundles(dec: &mut Decoder, node: &Node) -> Vec<Bundle> {
    let Some(items) = dec.list(node, "`bundles`") else {
        return Vec::new();
    };
    let mut bundles = Vec::new();
    for item in items {
        let Some(fields) = dec.fields(item, "a bundle", &BUNDLE_FIELDS) else {
            continue;
        };
        if let Some((id, name, measures)) = common(dec, &fields, "a bundle") {
            bundles.push(Bundle {
                id,
                name,
                measures,
                span: item.span,
            });
        }
    }
    bundles
}

/// What groups and bundles share: id, name and measures.
type Common = (Located<String>, Option<Text>, Vec<Located<String>>);

/// The id, name and measures of a group or bundle (at least two measures).
fn common(dec: &mut Decoder, fields: &Fields<'_>, what: &str) -> Option<Common> {
    let Some(id_node) = fields.get("id") else {
        dec.missing(fields, what, "id", "soc_vendor");
        return None;
    };
    let id = dec.identifier(id_node, &format!("the id of {what}"))?;
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n, &format!("the name of `{}`", id.value)));
    let Some(list) = fields.get("measures") else {
        dec.missing(fields, what, "measures", "[soc_a, soc_b]");
        return None;
    };
    let measures = dec.strings(list, &format!("`measures` of `{}`", id.value));
    if measures.len() < 2 {
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                list.span,
                format!("`{}` names fewer than two measures", id.value),
            )
            .with_label("needs at least two measure ids")
            .with_help(format!(
                "{what} relates two or more measures: `measures: [a, b]`; remove it if there is \
                 nothing to choose or to bundle"
            )),
        );
        return None;
    }
    Some((id, name, measures))
}
