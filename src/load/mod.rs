//! Loading: files → [`Document`], with every problem reported as a positioned diagnostic.
//!
//! `read` turns bytes into text, `yaml` text into a positioned tree, `include`
//! resolves catalogs, and `decode`/`measure`/`sections` read the tree into the
//! model. Semantic checks across fields (ids, dependencies, horizon) are in
//! `validate`.

mod amount;
mod balance;
mod budget;
mod choice;
mod confine;
mod decode;
mod document;
mod funding;
mod include;
mod limits;
mod maturity;
mod measure;
mod node;
mod number;
mod obligations;
mod overlay;
mod pairs;
mod pilots;
mod progress;
mod quick_wins;
mod read;
mod risks;
mod scalar;
mod sections;
mod units;
mod weights;
mod yaml;

pub use crate::model::DocumentKind;
pub use document::{Document, Loaded};
pub use limits::{
    MAX_DIMENSIONS, MAX_INCLUDE_DEPTH, MAX_INCLUDES, MAX_MEASURES, MAX_PERIODS, MAX_RESOURCES,
};
pub use measure::MEASURE_FIELDS;
pub use number::{MAX_AMOUNT, parse_amount, parse_resource_amount};
pub use overlay::{Overlay, SCENARIO_FIELDS};
pub use pairs::{Pair, read_pairs};
pub use read::{Disk, FileSystem, MAX_FILE_BYTES};

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Located, SourceMap, Span, display_path};
use crate::model::{DEFAULT_DIMENSIONS, DEFAULT_IMPACT_SCALE, Dimension, Language, Text};
use decode::Decoder;
use node::{Node, NodeKind};
use read::{Files, ReadProblem};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Top-level fields of a portfolio.
pub const PORTFOLIO_FIELDS: [&str; 24] = [
    "version",
    "name",
    "organisation",
    "description",
    "currency",
    "language",
    "calendar",
    "impact_scale",
    "dimensions",
    "weights",
    "resources",
    "funding",
    "sustainability",
    "quick_wins",
    "include",
    "measures",
    "alternatives",
    "bundles",
    "obligations",
    "as_of",
    "risks",
    "objective",
    "balance",
    "maturity",
];

/// Top-level fields of a catalog.
pub const CATALOG_FIELDS: [&str; 7] = [
    "version",
    "name",
    "description",
    "period",
    "dimensions",
    "include",
    "measures",
];

/// Loads a portfolio or catalog from `path` (`-` reads standard input).
pub fn load(path: &Path) -> Loaded {
    load_with(path, None, &[])
}

/// Loads a portfolio or catalog from text; includes are resolved relative to `path`.
pub fn load_text(path: &Path, text: &str) -> Loaded {
    load_with(path, Some(text), &[])
}

/// Loads a portfolio (from `text` if given, else from `path`) and applies scenarios and
/// `--set` changes in the order given.
pub fn load_with(path: &Path, text: Option<&str>, overlays: &[Overlay]) -> Loaded {
    load_reading(path, text, overlays, Arc::new(Disk), &[])
}

/// Like [`load_with`], reading every file (portfolio, catalogs, scenarios) through `files`.
/// `include_roots` are directories includes may read from besides the working directory
/// and the portfolio's directory (`--include-root`).
pub fn load_reading(
    path: &Path,
    text: Option<&str>,
    overlays: &[Overlay],
    files: Arc<dyn FileSystem>,
    include_roots: &[PathBuf],
) -> Loaded {
    let mut loader = Loader {
        files: Files(files),
        roots: confine::Roots::new(path, include_roots),
        ..Loader::default()
    };
    let document = loader.load_document(path, text, overlays);
    loader.finish(document)
}

/// Reads files, caching each so a catalog included twice is parsed once.
#[derive(Default)]
struct Loader {
    files: Files,
    sources: SourceMap,
    dec: Decoder,
    cache: HashMap<PathBuf, (FileId, Node)>,
    /// Files read through `include`.
    catalogs: Vec<FileId>,
    /// Where includes may read from.
    roots: confine::Roots,
    /// Include entries resolved so far, against [`MAX_INCLUDES`].
    includes: usize,
    /// A limit was exceeded: the document is refused before anything expensive runs.
    refused: bool,
    /// Unknown ids in include lists given a did-you-mean so far.
    suggested: usize,
    /// The `period` each included catalog declares.
    catalog_periods: units::CatalogPeriods,
}

impl Loader {
    fn finish(self, document: Option<Document>) -> Loaded {
        Loaded {
            sources: self.sources,
            document,
            diagnostics: self.dec.diagnostics,
            catalogs: self.catalogs,
        }
    }

    /// Reads and parses a file named on the command line (a portfolio or a scenario), which
    /// may be a pipe; included catalogs are read by `read_catalog`.
    fn read(&mut self, path: &Path) -> Option<(FileId, Node)> {
        let text = match self.files.read_text(path) {
            Ok(text) => text,
            Err(problem) => {
                self.report_read_problem(path, None, problem);
                return None;
            }
        };
        self.parse(path, text)
    }

    fn parse(&mut self, path: &Path, text: String) -> Option<(FileId, Node)> {
        let file = self.sources.add(path.to_path_buf(), text);
        let text = &self.sources.file(file)?.text;
        match yaml::parse(text, file) {
            Ok(root) => Some((file, root)),
            Err(diagnostic) => {
                self.dec.report(*diagnostic);
                None
            }
        }
    }

    fn report_read_problem(&mut self, path: &Path, at: Option<Span>, problem: ReadProblem) {
        let shown = display_path(path);
        let (code, message, help) = match problem {
            ReadProblem::Io(reason) => (
                Code::UnreadableFile,
                format!("cannot read `{shown}`: {reason}"),
                "check the path; `-` reads standard input".to_owned(),
            ),
            ReadProblem::TooLarge(limit) => (
                Code::FileTooLarge,
                format!("`{shown}` is larger than {} MiB", limit / (1024 * 1024)),
                "a portfolio of 10,000 measures is about 6 MiB; split the file with `include`"
                    .to_owned(),
            ),
            ReadProblem::Empty => (
                Code::EmptyFile,
                format!("`{shown}` is empty"),
                "a portfolio starts with `version: 1`, a `name`, a `calendar` and `measures`; \
                 `resiplan init` writes a starting point"
                    .to_owned(),
            ),
            ReadProblem::NotUtf8 {
                text,
                offset,
                advice,
            } => {
                let file = self.sources.add(path.to_path_buf(), text);
                let text = self.sources.file(file).map_or("", |f| f.text.as_str());
                let span = Span::at(file, text, offset, 1);
                self.dec.report(
                    Diagnostic::error(
                        Code::InvalidEncoding,
                        span,
                        format!("`{shown}` is not UTF-8"),
                    )
                    .with_label("first byte that is not UTF-8")
                    .with_help(advice),
                );
                return;
            }
        };
        let diagnostic = match at {
            Some(span) => Diagnostic::error(code, span, message).with_label("included here"),
            None => Diagnostic::file_error(code, shown, message),
        };
        self.dec.report(diagnostic.with_help(help));
    }

    /// Reads scenario files and `--set` arguments into changes; problems become diagnostics.
    fn read_overlays(&mut self, overlays: &[Overlay]) -> overlay::Changes {
        let mut changes = overlay::Changes::default();
        for item in overlays {
            match item {
                Overlay::Scenario(path) => {
                    if let Some((file, root)) = self.read(path) {
                        let text = self.sources.file(file).map_or("", |f| f.text.as_str());
                        overlay::read_scenario(
                            &mut self.dec,
                            path,
                            (file, text),
                            &root,
                            &mut changes,
                        );
                    }
                }
                Overlay::Set(argument) => {
                    // The argument becomes a source of its own, so problems point into it.
                    let file = self
                        .sources
                        .add(PathBuf::from("--set"), argument.to_owned());
                    overlay::read_set_argument(&mut self.dec, file, argument, &mut changes);
                }
                Overlay::Scale { resource, factor } => changes.add_scale(resource, *factor),
            }
        }
        changes
    }

    fn load_document(
        &mut self,
        path: &Path,
        text: Option<&str>,
        overlays: &[Overlay],
    ) -> Option<Document> {
        let (file, mut root) = match text {
            Some(text) => match read::decode(text.as_bytes().to_vec()) {
                Ok(text) => self.parse(path, text)?,
                Err(problem) => {
                    self.report_read_problem(path, None, problem);
                    return None;
                }
            },
            None => self.read(path)?,
        };
        if root.get("calendar").is_none()
            && ["weights", "force", "set", "exclude", "exclude_duty"]
                .iter()
                .any(|f| root.get(f).is_some())
        {
            self.dec.report(
                Diagnostic::error(
                    Code::NotAPortfolio,
                    root.span,
                    format!("`{}` is a scenario, not a portfolio", display_path(path)),
                )
                .with_help(format!(
                    "check it with its portfolio: `resiplan check PORTFOLIO --scenario {}`",
                    display_path(path)
                )),
            );
            return None;
        }
        let kind = if PORTFOLIO_FIELDS
            .iter()
            .filter(|f| !CATALOG_FIELDS.contains(f))
            .any(|f| root.get(f).is_some())
            || root.get("measures").is_none()
        {
            DocumentKind::Portfolio
        } else {
            DocumentKind::Catalog
        };
        let (what, known): (&str, &[&str]) = match kind {
            DocumentKind::Portfolio => ("the portfolio", &PORTFOLIO_FIELDS),
            DocumentKind::Catalog => ("the catalog", &CATALOG_FIELDS),
        };
        let changes = self.read_overlays(overlays);
        if kind == DocumentKind::Catalog && !changes.is_empty() {
            self.dec.report(Diagnostic::file_error(
                Code::NotAPortfolio,
                display_path(path),
                "scenarios and `--set` apply to portfolios; this file is a catalog",
            ));
        }
        overlay::apply_to_root(&mut self.dec, &changes, &mut root);
        let fields = self.dec.fields(&root, what, known)?;
        match fields.get("version") {
            Some(version) => self.dec.version(version),
            None => self.dec.missing(&fields, what, "version", "1"),
        }
        let mut stack: Vec<PathBuf> = path.canonicalize().into_iter().collect();
        if stack.is_empty() {
            stack.push(path.to_path_buf()); // standard input, or text: the depth still counts
        }
        let mut collected = self.collect(&root, path, &mut stack);
        if self.refused || !limits::check_columns(&mut self.dec, &fields) {
            return None;
        }
        let excluded = overlay::apply_to_measures(&mut self.dec, &changes, &mut collected.measures);
        let string = |dec: &mut Decoder, key: &str| {
            fields
                .get(key)
                .and_then(|n| dec.string(n, &format!("`{key}`")))
                .map(|s| s.value)
        };
        let name = string(&mut self.dec, "name");
        if name.is_none() && fields.get("name").is_none() {
            self.dec.missing(
                &fields,
                what,
                "name",
                "\"Digitale Resilienz Musterstadt 2027–2031\"",
            );
        }
        let organisation = string(&mut self.dec, "organisation");
        let description = string(&mut self.dec, "description");
        let currency = string(&mut self.dec, "currency").unwrap_or_else(|| "EUR".to_owned());
        let language = fields
            .get("language")
            .and_then(|n| sections::decode_language(&mut self.dec, n));
        let calendar = match (kind, fields.get("calendar")) {
            (DocumentKind::Portfolio, Some(n)) => sections::decode_calendar(&mut self.dec, n),
            (DocumentKind::Portfolio, None) => {
                self.dec.missing(
                    &fields,
                    what,
                    "calendar",
                    "{ period: year, start: 2027, end: 2031 }",
                );
                None
            }
            (DocumentKind::Catalog, _) => None,
        };
        let calendar_span = fields.key("calendar").map_or(fields.start(), |k| k.span);
        let impact_scale = match fields.get("impact_scale") {
            Some(n) => self.dec.amount(n, "`impact_scale`").filter(|scale| {
                if scale.value == 0.0 {
                    self.dec.report(
                        Diagnostic::error(Code::InvalidValue, scale.span, "`impact_scale` is 0")
                            .with_label("must be above 0")
                            .with_help(
                                "impact scores run from 0 to `impact_scale`; the default is 5",
                            ),
                    );
                }
                scale.value > 0.0
            }),

            None => None,
        }
        .unwrap_or_else(|| Located::new(DEFAULT_IMPACT_SCALE, fields.start()));
        // A portfolio's `dimensions` replace the defaults; a catalog's only add to them,
        // the way they add to a portfolio that includes the catalog.
        let (declared, mut extra) = match kind {
            DocumentKind::Portfolio => (fields.get("dimensions"), Vec::new()),
            DocumentKind::Catalog => (
                None,
                fields
                    .get("dimensions")
                    .map(|d| vec![d.clone()])
                    .unwrap_or_default(),
            ),
        };
        extra.extend(collected.dimensions.iter().cloned());
        let mut dimensions = self.dimensions(declared, &extra, fields.start());
        if self.refused {
            return None;
        }
        let weighting = match (kind, fields.get("weights"), fields.key("weights")) {
            (DocumentKind::Portfolio, Some(node), Some(key)) => weights::decode_weights(
                &mut self.dec,
                node,
                &weights::Place {
                    key: key.span,
                    file,
                },
                &mut dimensions,
                &sections::explicit_weights(declared),
            ),
            _ => None,
        };
        let resources = fields
            .get("resources")
            .map(|n| sections::decode_resources(&mut self.dec, n))
            .unwrap_or_default();
        let funding = fields
            .get("funding")
            .map(|n| funding::decode_funding(&mut self.dec, n))
            .unwrap_or_default();
        let sustainability = fields
            .get("sustainability")
            .and_then(|n| funding::decode_sustainability(&mut self.dec, n));
        let quick_wins = (fields.get("quick_wins"))
            .and_then(|n| quick_wins::decode_quick_wins(&mut self.dec, n));
        let mut measures: Vec<_> = collected
            .measures
            .iter()
            .filter_map(|m| measure::decode_measure(&mut self.dec, m))
            .collect();
        match (kind, &calendar) {
            (DocumentKind::Portfolio, Some(calendar)) => units::convert(
                &mut self.dec,
                &self.catalog_periods,
                calendar,
                &resources,
                &mut measures,
            ),
            (DocumentKind::Catalog, _) => {
                if let Some(node) = fields.get("period") {
                    units::decode_period(&mut self.dec, node);
                }
            }
            _ => {}
        }
        if let (DocumentKind::Portfolio, Some(calendar)) = (kind, &calendar) {
            progress::settle(&mut self.dec, calendar, &mut measures);
        }
        pilots::link(&mut measures);
        let mut choices = crate::model::choice::Choices {
            alternatives: (fields.get("alternatives"))
                .map(|n| choice::decode_alternatives(&mut self.dec, n))
                .unwrap_or_default(),
            bundles: (fields.get("bundles"))
                .map(|n| choice::decode_bundles(&mut self.dec, n))
                .unwrap_or_default(),
        };
        choices.forget(&excluded);
        let balance = (fields.get("balance"))
            .map(|n| balance::decode_balance(&mut self.dec, n))
            .unwrap_or_default();
        let obligations = fields
            .get("obligations")
            .map(|n| obligations::decode_obligations(&mut self.dec, n))
            .unwrap_or_default();
        let as_of = fields
            .get("as_of")
            .and_then(|n| obligations::date(&mut self.dec, n, "`as_of`"));
        let risks = (fields.get("risks"))
            .map(|n| risks::decode_risks(&mut self.dec, n))
            .unwrap_or_default();
        let objective = (fields.get("objective")).and_then(|n| risks::objective(&mut self.dec, n));
        let maturity = (fields.get("maturity"))
            .map(|n| maturity::decode_maturity(&mut self.dec, n))
            .unwrap_or_default();
        if let Some(calendar) = &calendar {
            crate::model::obligation::bind(&obligations, &mut measures, calendar);
        }
        Some(Document {
            kind,
            name,
            organisation,
            description,
            currency,
            language,
            calendar,
            calendar_span,
            impact_scale,
            dimensions,
            weighting,
            resources,
            funding,
            sustainability,
            quick_wins: quick_wins.unwrap_or_default(),
            measures,
            choices,
            balance,
            obligations,
            as_of,
            risks,
            objective,
            maturity,
            scenarios: changes.scenarios,
            overrides: overlays
                .iter()
                .filter_map(|o| match o {
                    Overlay::Set(set) => Some(set.clone()),
                    _ => None,
                })
                .collect(),
        })
    }

    /// Declared dimensions, or the defaults; dimensions from catalogs are added when new.
    fn dimensions(
        &mut self,
        declared: Option<&Node>,
        from_catalogs: &[Node],
        at: Span,
    ) -> Vec<Dimension> {
        let mut dimensions = match declared {
            Some(node) => sections::decode_dimensions(&mut self.dec, node),
            None => DEFAULT_DIMENSIONS
                .iter()
                .map(|(id, de, en)| Dimension {
                    id: Located::new((*id).to_owned(), at),
                    name: Text {
                        by_language: [
                            (Language::De, (*de).to_owned()),
                            (Language::En, (*en).to_owned()),
                        ]
                        .into(),
                    },
                    weight: Located::new(1.0, at),
                })
                .collect(),
        };
        let from_catalogs: Vec<Node> = from_catalogs
            .iter()
            .flat_map(|node| match &node.kind {
                NodeKind::Seq(items) => items.clone(),
                _ => vec![node.clone()],
            })
            .collect();
        let mut known: HashSet<String> = dimensions.iter().map(|d| d.id.value.clone()).collect();
        for node in &from_catalogs {
            let Some(dimension) = sections::decode_dimensions(
                &mut self.dec,
                &Node {
                    kind: NodeKind::Seq(vec![node.clone()]),
                    span: node.span,
                },
            )
            .pop() else {
                continue;
            };
            if known.insert(dimension.id.value.clone()) {
                dimensions.push(dimension);
            }
            if dimensions.len() > MAX_DIMENSIONS {
                limits::too_many(&mut self.dec, node.span, MAX_DIMENSIONS, "dimensions");
                self.refused = true;
                break;
            }
        }
        dimensions
    }
}
