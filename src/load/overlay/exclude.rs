//! Excluding a measure, and with it every measure that depends on it.

use super::no_such;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::load::decode::Decoder;
use crate::load::measure::measure_id;
use crate::load::node::{Node, NodeKind};
use std::borrow::Cow;
use std::collections::BTreeSet;

pub(super) fn exclude(dec: &mut Decoder, measures: &mut Vec<Cow<'_, Node>>, id: &Located<String>) {
    let ids: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
    if !ids.contains(&id.value) {
        no_such(dec, id, "measure", "to exclude", &ids);
        return;
    }
    // Whatever depends on an excluded measure cannot be done without it.
    let mut removed: BTreeSet<String> = [id.value.clone()].into();
    loop {
        let more: Vec<String> = measures
            .iter()
            .filter(|m| measure_id(m).is_some_and(|i| !removed.contains(&i)))
            .filter(|m| depends_on(m).iter().any(|d| removed.contains(d)))
            .filter_map(|m| measure_id(m))
            .collect();
        if more.is_empty() {
            break;
        }
        removed.extend(more);
    }
    measures.retain(|m| measure_id(m).is_none_or(|i| !removed.contains(&i)));
    removed.remove(&id.value);
    if !removed.is_empty() {
        // All of them go: "a, b and c", not one_of's "a, b or c".
        let quoted: Vec<String> = removed.iter().map(|r| format!("`{r}`")).collect();
        let list = match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => quoted.join(""),
        };
        dec.report(
            Diagnostic::warning(
                Code::ExcludedDependants,
                id.span,
                format!(
                    "excluding `{}` also excludes {list}, which depend on it",
                    id.value,
                ),
            )
            .with_label("excluded with its dependants"),
        );
    }
}

fn depends_on(measure: &Node) -> Vec<String> {
    match measure.get("depends_on").map(|d| &d.kind) {
        Some(NodeKind::Seq(items)) => items.iter().filter_map(Node::scalar_text).collect(),
        Some(NodeKind::Str(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::exclude;
    use crate::diagnostic::Severity;
    use crate::diagnostic::source::{FileId, Located, Span};
    use crate::load::decode::Decoder;
    use crate::load::measure::measure_id;
    use crate::load::node::NodeKind;
    use crate::load::yaml;
    use std::borrow::Cow;

    #[test]
    fn dependants_go_too_and_are_named_in_a_warning() {
        let root = yaml::parse(
            "- { id: a }\n- { id: b, depends_on: [a] }\n- { id: c, depends_on: b }\n- { id: d }",
            FileId(0),
        )
        .unwrap_or_else(|d| panic!("{d:?}"));
        let NodeKind::Seq(items) = &root.kind else {
            panic!("not a list");
        };
        let mut measures: Vec<Cow<'_, _>> = items.iter().map(Cow::Borrowed).collect();
        let mut dec = Decoder::default();
        exclude(
            &mut dec,
            &mut measures,
            &Located::new("a".to_owned(), Span::default()),
        );
        let left: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
        assert_eq!(left, ["d"]);
        assert_eq!(dec.diagnostics.len(), 1);
        assert_eq!(dec.diagnostics[0].severity, Severity::Warning);
        assert!(dec.diagnostics[0].message.contains("`b` and `c`"));
        exclude(
            &mut dec,
            &mut measures,
            &Located::new("x".to_owned(), Span::default()),
        );
        assert_eq!(
            dec.diagnostics[1].code,
            crate::diagnostic::Code::UnknownPath
        );
    }
}
