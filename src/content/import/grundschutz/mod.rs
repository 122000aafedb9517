//! BSI Grundschutz++ (OSCAL JSON) → a resiplan portfolio.
//!
//! One measure per control (or, with `per_practice`, one work package per practice and
//! stage). The catalog gives each control an effort level (0–5), a modal verb
//! (MUSS/SOLLTE/KANN), a security level, its practice group, the evidence it asks for and
//! the controls it strictly requires. The import keeps the BSI's own order: normal before
//! elevated, MUSS before SOLLTE before KANN, each practice's `x.1.1` before its other
//! controls. Durations, staff effort and impacts are not in the catalog: they come from the
//! tables in [`tables`], which are resiplan's assumptions and are printed into the output's
//! header.

mod controls;
mod items;
mod map;
mod names;
mod order;
mod practice;
mod scope;
mod status;
pub mod tables;
mod write;

pub use tables::{
    DAYS_PER_MONTH, DEFAULT_START_YEAR, DEFAULT_YEARS, EFFORT, Effort, GROUP_IMPACTS, GroupImpact,
    Level, Modal, OTHER_IMPACT, PACKAGE_TEAM_FTE, Size, Stage,
};

use super::ImportError;
use super::oscal;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{SourceMap, display_path};
use crate::model::period::{PeriodKind, PeriodLabel};
use crate::pipeline::Failed;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the catalog is published; named in the attribution.
pub const SOURCE_URL: &str = "https://github.com/BSI-Bund/Stand-der-Technik-Bibliothek";

/// The licence of the catalog, and so of everything derived from it.
pub const LICENCE: &str =
    "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)";

/// Where the licence text is.
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by-sa/4.0/";

/// The modal verbs imported when none are given: what a municipality must and should do.
pub const DEFAULT_MODALS: [Modal; 2] = [Modal::Muss, Modal::Sollte];

/// What to import, and the horizon and capacity of the imported portfolio.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Period kind; default: the kind of `start` or `end`, else quarters.
    pub period: Option<PeriodKind>,
    /// First period; default: the first period of 2027.
    pub start: Option<PeriodLabel>,
    /// Last period; default: five years after `start`, minus one period.
    pub end: Option<PeriodLabel>,
    /// Staff capacity in full-time equivalents; default: that of `size`, or what the
    /// mandatory controls need.
    pub staff: Option<f64>,
    /// The organisation's size, which sets the default staff.
    pub size: Size,
    /// The highest security level imported: `Normal` (default) takes normal-SdT controls,
    /// `Elevated` normal-SdT and erhöht ones.
    pub sec_level: Level,
    /// The modal verbs imported; empty: [`DEFAULT_MODALS`].
    pub modal: Vec<Modal>,
    /// The practices imported (their ids, e.g. `BER`, in any case); empty: all.
    pub practices: Vec<String>,
    /// One work package per practice and stage instead of one measure per control.
    pub per_practice: bool,
    /// A file that maps control ids to `done`, `partial` or `open` (YAML, or CSV by its name).
    pub status: Option<PathBuf>,
    /// Write a catalog (measures only, for `include`) instead of a portfolio.
    pub catalog: bool,
}

impl Options {
    /// The modal verbs imported, in the BSI's order.
    pub fn modals(&self) -> Vec<Modal> {
        let mut modals = if self.modal.is_empty() {
            DEFAULT_MODALS.to_vec()
        } else {
            self.modal.clone()
        };
        modals.sort();
        modals.dedup();
        modals
    }
}

/// Reads the catalog at `path` (`-` for standard input) and imports it.
pub fn import_file(path: &Path, options: &Options) -> Result<String, ImportError> {
    let shown = display_path(path);
    let problem = |code: Code, message: String, help: &str| {
        ImportError::Input(Failed {
            sources: SourceMap::new(),
            diagnostics: vec![Diagnostic::file_error(code, &shown, message).with_help(help)],
        })
    };
    let limit = crate::load::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        problem(
            Code::UnreadableFile,
            format!("cannot read `{shown}`: {e}"),
            "give the path of the Grundschutz++ catalog (`…-catalog.json`); `-` reads standard input",
        )
    })?;
    if bytes.len() as u64 > limit {
        return Err(problem(
            Code::FileTooLarge,
            format!("`{shown}` is larger than {} MiB", limit / (1024 * 1024)),
            "the Grundschutz++ Kernel catalog is about 4 MiB; is this the right file?",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        // Shown with the bad bytes replaced, so that the line and column can be pointed at.
        let offset = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let mut sources = SourceMap::new();
        let file = sources.add(path.to_path_buf(), lossy);
        let text = sources.file(file).map_or("", |f| f.text.as_str());
        let diagnostic = oscal::problem_at(
            file,
            &shown,
            text,
            offset,
            Code::InvalidEncoding,
            format!(
                "`{shown}` is not UTF-8 (byte {} is the first that is not)",
                offset + 1
            ),
            "first byte that is not UTF-8",
        )
        .with_help("JSON files are UTF-8; save or download it again as UTF-8");
        ImportError::Input(Failed {
            sources,
            diagnostics: vec![diagnostic],
        })
    })?;
    import(path, &text, options)
}

/// Imports catalog text, as if read from `path`: the portfolio's YAML text, or why not.
pub fn import(path: &Path, json: &str, options: &Options) -> Result<String, ImportError> {
    let horizon = Horizon::from_options(options).map_err(ImportError::Usage)?;
    if path == Path::new("-") && options.status.as_deref() == Some(Path::new("-")) {
        return Err(ImportError::Usage(
            "the catalog and --status cannot both be read from standard input (`-`); give \
             the status file's path"
                .to_owned(),
        ));
    }
    let text = json.strip_prefix('\u{feff}').unwrap_or(json);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_owned()
    };
    let mut sources = SourceMap::new();
    let file = sources.add(path.to_path_buf(), text);
    let text = sources.file(file).map_or("", |f| f.text.as_str());
    let shown = display_path(path);
    let fail = |sources: SourceMap, diagnostics: Vec<Diagnostic>| {
        ImportError::Input(Failed {
            sources,
            diagnostics,
        })
    };
    let catalog = match oscal::parse(file, &shown, text) {
        Ok(catalog) => catalog,
        Err(diagnostic) => return Err(fail(sources.clone(), vec![*diagnostic])),
    };
    let measures = match map::controls(&catalog, file, text, &shown) {
        Ok(measures) => measures,
        Err(diagnostics) => return Err(fail(sources.clone(), diagnostics)),
    };
    if let Err(diagnostic) = map::check_cycles(&measures, file, text) {
        return Err(fail(sources.clone(), vec![*diagnostic]));
    }
    let deps = order::dependencies(&measures);
    let modals = options.modals();
    let scope = scope::Scope {
        level: options.sec_level,
        modals: &modals,
        practices: &options.practices,
    };
    let selection = scope::select(&measures, &deps, &scope).map_err(ImportError::Usage)?;
    let states = match &options.status {
        None => vec![status::State::Open; measures.len()],
        Some(path) => match status::read(path, &mut sources, &measures) {
            Ok(states) => states,
            Err(diagnostics) => return Err(fail(sources, diagnostics)),
        },
    };
    let stages = order::effective_stages(&measures, &deps, &selection.selected);
    let prepared = controls::Prepared {
        measures: &measures,
        names: names::names(&catalog.controls),
        deps,
        selection,
        stages,
        states,
    };
    let mut items = if options.per_practice {
        practice::items(&prepared, &horizon)
    } else {
        controls::items(&prepared, &horizon)
    };
    items::unique_ids(&mut items);
    let needs = items::Needs::of(&items, &horizon).map_err(ImportError::Usage)?;
    let summary = write::Summary::of(&prepared, options.status.is_some());
    Ok(write::portfolio(
        &catalog, &items, &horizon, &needs, options, &summary,
    ))
}

/// The calendar of the imported portfolio.
#[derive(Debug, Clone, Copy)]
struct Horizon {
    kind: PeriodKind,
    start: PeriodLabel,
    end: PeriodLabel,
}

impl Horizon {
    fn from_options(options: &Options) -> Result<Horizon, String> {
        let kind = options
            .period
            .or(options.start.map(|s| s.kind))
            .or(options.end.map(|e| e.kind))
            .unwrap_or(PeriodKind::Quarter);
        for (flag, label) in [("--start", options.start), ("--end", options.end)] {
            if let Some(label) = label
                && label.kind != kind
            {
                let like = PeriodLabel {
                    kind,
                    year: label.year,
                    part: 1,
                };
                return Err(format!(
                    "{flag} {label} is a {} label, but the period is {}; write it like `{like}`, or set --period {}",
                    label.kind.keyword(),
                    kind.keyword(),
                    label.kind.keyword()
                ));
            }
        }
        let start = options.start.unwrap_or(PeriodLabel {
            kind,
            year: DEFAULT_START_YEAR,
            part: 1,
        });
        let per_year = i64::from(kind.per_year());
        let end = options.end.unwrap_or_else(|| {
            PeriodLabel::from_ordinal(kind, start.ordinal() + DEFAULT_YEARS * per_year - 1)
        });
        if end.ordinal() < start.ordinal() {
            return Err(format!(
                "--end {end} is before the start {start} (set it with --start); the end is the last period, inclusive"
            ));
        }
        let periods = end.ordinal() - start.ordinal() + 1;
        if periods > crate::load::MAX_PERIODS as i64 {
            return Err(format!(
                "--start {start} to --end {end} is {periods} periods; a portfolio has at most {} \
                 (the limit `check` applies): choose a later --start, an earlier --end or a \
                 longer --period",
                crate::load::MAX_PERIODS
            ));
        }
        Ok(Horizon { kind, start, end })
    }

    fn periods(&self) -> usize {
        (self.end.ordinal() - self.start.ordinal() + 1) as usize
    }

    fn months_per_period(&self) -> u32 {
        12 / self.kind.per_year()
    }

    fn days_per_period(&self) -> u32 {
        DAYS_PER_MONTH * self.months_per_period()
    }

    /// Whole periods for a number of months, at least one.
    fn periods_for(&self, months: u32) -> u32 {
        months.div_ceil(self.months_per_period()).max(1)
    }
}
