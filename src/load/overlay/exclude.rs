//! Excluding measures, and with them every measure that depends on them.
//!
//! A scenario's `exclude` list is applied as one change: every id is looked up before
//! anything is removed, so `exclude: [it-inventar, backup-321]` works even though
//! `backup-321` depends on `it-inventar`. An id that an earlier exclusion already took
//! (named twice, or gone with what it depends on) is fine: it is excluded, as asked.

use super::no_such;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::load::decode::Decoder;
use crate::load::measure::measure_id;
use crate::load::node::{Node, NodeKind};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// Removes the measures `ids` and their dependants from `measures`. `excluded` holds the ids
/// that earlier exclusions removed; this one's are added to it.
pub(super) fn exclude(
    dec: &mut Decoder,
    measures: &mut Vec<Cow<'_, Node>>,
    ids: &[Located<String>],
    excluded: &mut BTreeSet<String>,
) {
    let present: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
    let mut named: Vec<&Located<String>> = Vec::new();
    for id in ids {
        if named.iter().any(|n| n.value == id.value) || excluded.contains(&id.value) {
            continue; // already excluded: by this list or an earlier one, or with what it needs
        }
        if present.contains(&id.value) {
            named.push(id);
        } else {
            no_such(dec, id, "measure", "to exclude", &present);
        }
    }
    if named.is_empty() {
        return;
    }
    // Whatever depends on an excluded measure cannot be done without it.
    let dependants = dependants(measures);
    let mut removed: BTreeSet<String> = named.iter().map(|n| n.value.clone()).collect();
    for root in &named {
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut stack = vec![root.value.clone()];
        while let Some(id) = stack.pop() {
            for dependant in dependants.get(&id).into_iter().flatten() {
                if !removed.contains(dependant) && taken.insert(dependant.clone()) {
                    stack.push(dependant.clone());
                }
            }
        }
        if !taken.is_empty() {
            warn_dependants(dec, root, &taken);
        }
        removed.extend(taken);
    }
    measures.retain(|m| measure_id(m).is_none_or(|i| !removed.contains(&i)));
    excluded.extend(removed);
}

/// For each id, the ids of the measures that name it in `depends_on`.
fn dependants(measures: &[Cow<'_, Node>]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for measure in measures {
        let Some(id) = measure_id(measure) else {
            continue;
        };
        for dependency in depends_on(measure) {
            out.entry(dependency).or_default().push(id.clone());
        }
    }
    out
}

fn warn_dependants(dec: &mut Decoder, root: &Located<String>, taken: &BTreeSet<String>) {
    // All of them go: "a, b and c", not one_of's "a, b or c".
    let quoted: Vec<String> = taken.iter().map(|r| format!("`{r}`")).collect();
    let list = match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    };
    dec.report(
        Diagnostic::warning(
            Code::ExcludedDependants,
            root.span,
            format!(
                "excluding `{}` also excludes {list}, which depend on it",
                root.value,
            ),
        )
        .with_label("excluded with its dependants"),
    );
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
    use crate::load::node::{Node, NodeKind};
    use crate::load::yaml;
    use std::borrow::Cow;
    use std::collections::BTreeSet;

    const MEASURES: &str =
        "- { id: a }\n- { id: b, depends_on: [a] }\n- { id: c, depends_on: b }\n- { id: d }";

    fn ids(list: &[&str]) -> Vec<Located<String>> {
        list.iter()
            .map(|id| Located::new((*id).to_owned(), Span::default()))
            .collect()
    }

    fn left(measures: &[Cow<'_, Node>]) -> Vec<String> {
        measures.iter().filter_map(|m| measure_id(m)).collect()
    }

    fn items(root: &Node) -> Vec<Cow<'_, Node>> {
        let NodeKind::Seq(items) = &root.kind else {
            panic!("not a list");
        };
        items.iter().map(Cow::Borrowed).collect()
    }

    #[test]
    fn dependants_go_too_and_are_named_in_a_warning() {
        let root = yaml::parse(MEASURES, FileId(0)).unwrap_or_else(|d| panic!("{d:?}"));
        let mut measures = items(&root);
        let mut dec = Decoder::default();
        let mut excluded = BTreeSet::new();
        exclude(&mut dec, &mut measures, &ids(&["a"]), &mut excluded);
        assert_eq!(left(&measures), ["d"]);
        assert_eq!(dec.diagnostics.len(), 1);
        assert_eq!(dec.diagnostics[0].severity, Severity::Warning);
        assert!(dec.diagnostics[0].message.contains("`b` and `c`"));
        exclude(&mut dec, &mut measures, &ids(&["x"]), &mut excluded);
        assert_eq!(
            dec.diagnostics[1].code,
            crate::diagnostic::Code::UnknownPath
        );
    }

    #[test]
    fn a_measure_and_its_dependant_can_both_be_named_and_twice() {
        let root = yaml::parse(MEASURES, FileId(0)).unwrap_or_else(|d| panic!("{d:?}"));
        let mut measures = items(&root);
        let mut dec = Decoder::default();
        let mut excluded = BTreeSet::new();
        exclude(
            &mut dec,
            &mut measures,
            &ids(&["a", "b", "a"]),
            &mut excluded,
        );
        assert_eq!(left(&measures), ["d"]);
        // Only `c` went without being named, and it depends on `b`, not directly on `a`.
        assert_eq!(dec.diagnostics.len(), 1, "{:?}", dec.diagnostics);
        assert_eq!(
            dec.diagnostics[0].message,
            "excluding `b` also excludes `c`, which depend on it"
        );
        // A later exclusion of what is already gone is what was asked for.
        exclude(&mut dec, &mut measures, &ids(&["c", "d"]), &mut excluded);
        assert!(left(&measures).is_empty());
        assert_eq!(dec.diagnostics.len(), 1, "{:?}", dec.diagnostics);
    }
}
