//! `check`: load and validate one file, and summarise it when it is clean.

use crate::diagnostic::Code;
use crate::diagnostic::source::{SourceMap, display_path};
use crate::diagnostic::{self, Diagnostic};
use crate::graph::DependencyGraph;
use crate::load::{self, Disk, Document, DocumentKind, FileSystem};
use crate::model::Status;
use crate::pipeline::Input;
use crate::validate::{self, Subject};
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// What a clean file contains, for the one-line summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckSummary {
    /// File as the user named it.
    pub file: String,
    /// `portfolio` or `catalog`.
    pub kind: &'static str,
    /// Number of measures (after includes).
    pub measures: usize,
    /// Number of dependency edges.
    pub dependencies: usize,
    /// Number of periods in the horizon (0 for catalogs).
    pub periods: usize,
    /// First and last period label, for portfolios.
    pub horizon: Option<(String, String)>,
    /// Number of resources.
    pub resources: usize,
    /// Length in periods of the longest dependency chain.
    pub longest_chain: u64,
    /// The ids along that chain, first to last.
    pub longest_chain_ids: Vec<String>,
}

/// Result of checking one file.
#[derive(Debug)]
pub struct CheckOutcome {
    /// Files read, for rendering diagnostics.
    pub sources: SourceMap,
    /// All problems, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Present when the file has no errors.
    pub summary: Option<CheckSummary>,
    /// The validated document (also when it has errors, if it could be read).
    pub document: Option<Document>,
    /// Its dependency graph, built once by validation (present with the document).
    pub graph: Option<DependencyGraph>,
}

impl CheckOutcome {
    /// True when the file has errors (warnings do not count).
    pub fn failed(&self) -> bool {
        diagnostic::has_errors(&self.diagnostics)
    }
}

/// Loads and validates `path` (`-` for standard input).
pub fn check_file(path: &Path) -> CheckOutcome {
    let loaded = load::load(path);
    finish(path, loaded)
}

/// Loads and validates text as if it were the file `path`.
pub fn check_text(path: &Path, text: &str) -> CheckOutcome {
    finish(path, load::load_text(path, text))
}

/// Loads a portfolio (from `text` if given), applies scenarios and `--set` changes, and validates it.
pub fn check_with(path: &Path, text: Option<&str>, overlays: &[load::Overlay]) -> CheckOutcome {
    finish(path, load::load_with(path, text, overlays))
}

/// Loads an input (its file or text, then its scenarios and `--set` changes) and validates it.
pub fn check(input: &Input) -> CheckOutcome {
    check_reading(input, Arc::new(Disk))
}

/// Like [`check`], reading every file through `files`.
pub fn check_reading(input: &Input, files: Arc<dyn FileSystem>) -> CheckOutcome {
    let loaded = load::load_reading(
        &input.path,
        input.text.as_deref(),
        &input.overlays,
        files,
        &input.include_roots,
    );
    finish(&input.path, loaded)
}

fn finish(path: &Path, loaded: load::Loaded) -> CheckOutcome {
    let mut diagnostics = loaded.diagnostics;
    let graph = loaded.document.as_ref().map(|document| {
        let validation = validate::validate(&subject(document), None);
        let mut semantic = validation.diagnostics;
        if document.kind == DocumentKind::Portfolio {
            point_to_adaptation(&mut semantic, &loaded.catalogs);
        }
        diagnostics.extend(semantic);
        validation.graph
    });
    diagnostic::sort(&mut diagnostics);
    let summary = match (&loaded.document, &graph) {
        (Some(document), Some(graph)) if !diagnostic::has_errors(&diagnostics) => {
            Some(summarise(path, document, graph))
        }
        _ => None,
    };
    CheckOutcome {
        sources: loaded.sources,
        diagnostics,
        summary,
        document: loaded.document,
        graph,
    }
}

/// The parts of a loaded document that validation looks at.
fn subject(document: &Document) -> Subject<'_> {
    Subject {
        kind: document.kind,
        calendar: document.calendar.as_ref(),
        impact_scale: &document.impact_scale,
        dimensions: &document.dimensions,
        resources: &document.resources,
        funding: &document.funding,
        sustainability: document.sustainability.as_ref(),
        measures: &document.measures,
        choices: &document.choices,
        obligations: &document.obligations,
        balance: &document.balance,
        as_of: document.as_of.as_ref(),
        risks: &document.risks,
        objective: document.objective.as_ref(),
        maturity: &document.maturity,
    }
}

/// A problem found in a measure of an included catalog is fixed in the portfolio, by a
/// measure with the same id (local fields win): say so, since the marker points into the
/// catalog.
fn point_to_adaptation(
    diagnostics: &mut [Diagnostic],
    catalogs: &[crate::diagnostic::source::FileId],
) {
    for diagnostic in diagnostics {
        // Two catalogs defining one id cannot be fixed by adapting it: that advice would mislead.
        if diagnostic.code != Code::DuplicateId
            && diagnostic
                .span
                .as_ref()
                .is_some_and(|span| catalogs.contains(&span.file))
        {
            let note = "this is in an included catalog: to change it for this portfolio, \
                        give a measure with the same id in the portfolio (its fields win)";
            diagnostic.help = Some(match diagnostic.help.take() {
                Some(help) => format!("{help}; {note}"),
                None => note.to_owned(),
            });
        }
    }
}

fn summarise(path: &Path, document: &Document, graph: &DependencyGraph) -> CheckSummary {
    let durations: Vec<u32> = document
        .measures
        .iter()
        .map(|m| {
            if m.status.value == Status::Done {
                0
            } else {
                m.duration.value
            }
        })
        .collect();
    let chains = graph.longest_chains(&durations).unwrap_or_default();
    let longest = chains
        .iter()
        .enumerate()
        .max_by_key(|(i, length)| (**length, std::cmp::Reverse(*i)))
        .map(|(i, length)| (i, *length));
    let (longest_chain, longest_chain_ids) = match longest {
        Some((i, length)) => (
            length,
            graph
                .critical_chain(&durations, i)
                .unwrap_or_default()
                .into_iter()
                .map(|m| document.measures[m].id.value.clone())
                .collect(),
        ),
        None => (0, Vec::new()),
    };
    CheckSummary {
        file: display_path(path),
        kind: match document.kind {
            DocumentKind::Portfolio => "portfolio",
            DocumentKind::Catalog => "catalog",
        },
        measures: document.measures.len(),
        dependencies: graph.edge_count(),
        periods: document.calendar.map_or(0, |c| c.len()),
        horizon: document
            .calendar
            .map(|c| (c.start.to_string(), c.end.to_string())),
        resources: document.resources.len(),
        longest_chain,
        longest_chain_ids,
    }
}

impl CheckSummary {
    /// The one-line summary printed by `resiplan check`.
    pub fn line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(self.measures, "measure", "measures"),
            plural(self.dependencies, "dependency", "dependencies"),
        ];
        if let Some((first, last)) = &self.horizon {
            parts.push(format!(
                "{} ({first}–{last})",
                plural(self.periods, "period", "periods")
            ));
            parts.push(plural(self.resources, "resource", "resources"));
        }
        let chain = if !self.longest_chain_ids.is_empty() {
            format!(
                "longest chain {} ({})",
                plural(self.longest_chain as usize, "period", "periods"),
                shortened(&self.longest_chain_ids).join(" → ")
            )
        } else {
            format!(
                "longest chain {}",
                plural(self.longest_chain as usize, "period", "periods")
            )
        };
        parts.push(chain);
        format!("{}: ok, {}: {}", self.file, self.kind, parts.join(", "))
    }
}

/// The ids of a chain of up to ten measures; of a longer one, the first and last five
/// with the number left out between them, so a summary line stays a line.
fn shortened(ids: &[String]) -> Vec<String> {
    const ENDS: usize = 5;
    if ids.len() <= 2 * ENDS {
        return ids.to_vec();
    }
    let omitted = ids.len() - 2 * ENDS;
    let mut shown = ids[..ENDS].to_vec();
    shown.push(format!("… {} more …", diagnostic::thousands(omitted)));
    shown.extend_from_slice(&ids[ids.len() - ENDS..]);
    shown
}
