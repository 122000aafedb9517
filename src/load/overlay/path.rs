//! Addressing a value by its path: `measures.ID.cost.budget`, `resources.ID.capacity.2028`,
//! `dimensions.ID.weight`. Ids may contain dots (the longest known id wins); unknown
//! roots, ids and fields are reported with did-you-mean, pointing into the path text.

use crate::diagnostic::Code;
use crate::diagnostic::source::Span;
use crate::diagnostic::{Diagnostic, suggest};
use crate::load::decode::Decoder;

/// Portfolio fields `set` can change (measures, resources and dimensions are addressed by id).
pub(super) const SETTABLE_ROOTS: [&str; 12] = [
    "measures",
    "resources",
    "dimensions",
    "calendar",
    "sustainability",
    "name",
    "organisation",
    "description",
    "currency",
    "impact_scale",
    "objective",
    "risks",
];

/// A path such as `measures.glasfaser-schulen.cost.budget`, with where each byte was written.
#[derive(Debug, Clone)]
pub(super) struct PathText {
    /// The path as written.
    pub(super) text: String,
    /// Span of the whole path; segment spans are cut from it when it maps byte for byte.
    pub(super) span: Span,
    /// Whether the path maps byte for byte onto `span` (not a quoted key or a generated path).
    pub(super) exact: bool,
}

impl PathText {
    /// The span of `text[start..end]`.
    pub(super) fn span_of(&self, start: usize, end: usize) -> Span {
        if !self.exact {
            return self.span;
        }
        Span {
            offset: self.span.offset + start,
            len: end - start,
            column: self.span.column + self.text[..start].chars().count() as u32,
            ..self.span
        }
    }

    /// The span of the whole path.
    pub(super) fn whole(&self) -> Span {
        self.span
    }
}

/// Checks that `segment` (at byte `start` of the path) is one of `known`, else reports it.
pub(super) fn known_segment(
    dec: &mut Decoder,
    path: &PathText,
    start: usize,
    segment: &str,
    known: &[&str],
    under: &str,
) -> bool {
    let first = segment.split('.').next().unwrap_or("");
    if known.contains(&first) {
        return true;
    }
    let span = path.span_of(
        start.min(path.text.len()),
        (start + first.len()).min(path.text.len()),
    );
    let hint = suggest::closest(first, known.iter().copied())
        .map(|c| {
            format!(
                "did you mean `{}`? ",
                replaced(&path.text, start, start + first.len(), c)
            )
        })
        .unwrap_or_default();
    let message = if first.is_empty() {
        format!("`{}` does not name a field of {under}", path.text)
    } else {
        format!("`{}`: {under} has no field `{first}`", path.text)
    };
    dec.report(
        Diagnostic::error(Code::UnknownPath, span, message)
            .with_label("unknown")
            .with_help(format!(
                "{hint}fields here: {}",
                suggest::one_of(known, known.len())
            )),
    );
    false
}

/// Reports an id that names nothing, with the closest ids.
fn unknown_id(
    dec: &mut Decoder,
    path: &PathText,
    start: usize,
    id: &str,
    what: &str,
    ids: &[String],
) {
    let span = path.span_of(
        start.min(path.text.len()),
        (start + id.len()).min(path.text.len()),
    );
    let hint = suggest::closest(id, ids.iter().map(String::as_str))
        .map(|c| {
            format!(
                "did you mean `{}`? ",
                replaced(&path.text, start, start + id.len(), c)
            )
        })
        .unwrap_or_default();
    dec.report(
        Diagnostic::error(
            Code::UnknownPath,
            span,
            format!("`{}`: there is no {what} `{id}`", path.text),
        )
        .with_label(format!("no such {what}"))
        .with_help(format!("{hint}{what}s: {}", suggest::one_of(ids, 12))),
    );
}

/// Splits `rest` (at byte `start` of the path) into a known id and what follows it, and
/// checks that this names one of `fields`; reports what it cannot find. Returns the id,
/// the part below it and where that part starts in the path.
pub(super) fn id_and_field<'r>(
    dec: &mut Decoder,
    path: &PathText,
    start: usize,
    rest: &'r str,
    ids: &[String],
    what: &str,
    fields: &[&str],
) -> Option<(&'r str, &'r str, usize)> {
    let Some((id, below)) = split_id(rest, ids) else {
        let id = rest.split('.').next().unwrap_or("");
        unknown_id(dec, path, start, id, what, ids);
        return None;
    };
    let field_start = start + id.len() + 1;
    known_segment(
        dec,
        path,
        field_start,
        below,
        fields,
        &format!("{what} `{id}`"),
    )
    .then_some((id, below, field_start))
}

/// The known id that `rest` starts with (ids may contain dots: the longest match wins),
/// and what follows it.
pub(super) fn split_id<'p>(rest: &'p str, ids: &[String]) -> Option<(&'p str, &'p str)> {
    ids.iter()
        .filter(|id| {
            rest.starts_with(id.as_str())
                && (rest.len() == id.len() || rest.as_bytes().get(id.len()) == Some(&b'.'))
        })
        .max_by_key(|id| id.len())
        .map(|id| {
            let below = rest.get(id.len() + 1..).unwrap_or("");
            (&rest[..id.len()], below)
        })
}

/// `text` with `text[start..end]` replaced, for did-you-mean paths.
pub(super) fn replaced(text: &str, start: usize, end: usize, with: &str) -> String {
    format!(
        "{}{with}{}",
        text.get(..start).unwrap_or(""),
        text.get(end..).unwrap_or("")
    )
}

/// The dot-separated segments of `below`, which starts at byte `start` of the path.
pub(super) fn segments<'p>(
    path: &'p PathText,
    start: usize,
    below: &'p str,
) -> Vec<(&'p str, Span)> {
    let mut out = Vec::new();
    let mut offset = start;
    for segment in below.split('.') {
        out.push((segment, path.span_of(offset, offset + segment.len())));
        offset += segment.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{PathText, id_and_field, known_segment, replaced, segments, split_id};
    use crate::diagnostic::source::{FileId, Span};
    use crate::load::decode::Decoder;

    fn path(text: &str, exact: bool) -> PathText {
        PathText {
            text: text.to_owned(),
            span: Span::at(FileId(0), text, 0, text.len()),
            exact,
        }
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_longest_known_id_wins_even_with_dots() {
        let known = ids(&["a", "a.b", "backup"]);
        assert_eq!(
            split_id("a.b.cost.budget", &known),
            Some(("a.b", "cost.budget"))
        );
        assert_eq!(split_id("a.cost", &known), Some(("a", "cost")));
        assert_eq!(split_id("backup", &known), Some(("backup", "")));
        // A prefix of an id is not the id.
        assert_eq!(split_id("back.cost", &known), None);
        assert_eq!(split_id("backups.cost", &known), None);
    }

    #[test]
    fn segments_point_at_their_bytes_when_the_path_is_exact() {
        let exact = path("resources.budget.capacity.2028", true);
        let parts = segments(&exact, "resources.budget.".len(), "capacity.2028");
        let texts: Vec<&str> = parts.iter().map(|(s, _)| *s).collect();
        assert_eq!(texts, ["capacity", "2028"]);
        assert_eq!(parts[0].1.offset, 17);
        assert_eq!(parts[0].1.len, 8);
        assert_eq!(parts[1].1.column, exact.span.column + 26);
        // A generated or quoted path cannot be cut: every part points at the whole.
        let whole = path("resources.budget.capacity.2028", false);
        let parts = segments(&whole, 17, "capacity.2028");
        assert!(parts.iter().all(|(_, span)| *span == whole.span));
    }

    #[test]
    fn a_misspelt_field_is_reported_with_the_corrected_path() {
        let mut dec = Decoder::default();
        let p = path("measures.backup.dedline", true);
        let fields = ["deadline", "duration", "cost"];
        assert!(!known_segment(
            &mut dec,
            &p,
            16,
            "dedline",
            &fields,
            "measure `backup`"
        ));
        assert_eq!(dec.diagnostics.len(), 1);
        let problem = &dec.diagnostics[0];
        assert_eq!(problem.code, crate::diagnostic::Code::UnknownPath);
        assert_eq!(problem.span.map(|s| (s.offset, s.len)), Some((16, 7)));
        let help = problem.help.as_deref().unwrap_or_default();
        assert!(help.contains("`measures.backup.deadline`"), "{help}");
        assert!(known_segment(&mut dec, &p, 16, "deadline.x", &fields, "m"));
        assert_eq!(dec.diagnostics.len(), 1);
    }

    #[test]
    fn an_unknown_id_is_reported_at_the_id_with_the_closest_one() {
        let mut dec = Decoder::default();
        let p = path("measures.bakup.cost", true);
        let found = id_and_field(
            &mut dec,
            &p,
            9,
            "bakup.cost",
            &ids(&["backup", "soc"]),
            "measure",
            &["cost"],
        );
        assert_eq!(found, None);
        let problem = &dec.diagnostics[0];
        assert_eq!(problem.span.map(|s| (s.offset, s.len)), Some((9, 5)));
        let help = problem.help.as_deref().unwrap_or_default();
        assert!(help.contains("`measures.backup.cost`"), "{help}");
        let mut dec = Decoder::default();
        let found = id_and_field(
            &mut dec,
            &path("measures.backup.cost.budget", true),
            9,
            "backup.cost.budget",
            &ids(&["backup"]),
            "measure",
            &["cost"],
        );
        assert_eq!(found, Some(("backup", "cost.budget", 16)));
        assert!(dec.diagnostics.is_empty());
    }

    #[test]
    fn replaced_swaps_one_segment() {
        assert_eq!(replaced("a.bx.c", 2, 4, "b"), "a.b.c");
        assert_eq!(replaced("abc", 5, 6, "x"), "x");
    }
}
