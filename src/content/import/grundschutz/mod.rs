//! BSI Grundschutz++ (OSCAL JSON) → a resiplan portfolio.
//!
//! One measure per control. The catalog gives each control an effort level
//! (0–5), a modal verb (MUSS/SOLLTE/KANN), a security level, its practice
//! group and the controls it strictly requires. Durations, staff effort and
//! impacts are not in the catalog: they come from the tables below, which are
//! resiplan's assumptions and are printed into the output's header.

mod map;
mod write;

use super::ImportError;
use super::oscal;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{SourceMap, display_path};
use crate::model::period::{PeriodKind, PeriodLabel};
use crate::pipeline::Failed;
use std::io::Read;
use std::path::Path;

/// Where the catalog is published; named in the attribution.
pub const SOURCE_URL: &str = "https://github.com/BSI-Bund/Stand-der-Technik-Bibliothek";

/// The licence of the catalog, and so of everything derived from it.
pub const LICENCE: &str =
    "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)";

/// Where the licence text is.
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by-sa/4.0/";

/// What one effort level becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effort {
    /// Calendar months until done (rounded up to whole periods).
    pub months: u32,
    /// Own staff effort in person-days.
    pub person_days: u32,
    /// The BSI's meaning of the level, in short (effort_level.csv).
    pub meaning: &'static str,
}

/// Effort levels 0–5 (index = level). Our estimates; the BSI gives only the verbal scale.
pub const EFFORT: [Effort; 6] = [
    Effort {
        months: 1,
        person_days: 5,
        meaning: "not rated, always mandatory (costed like level 2)",
    },
    Effort {
        months: 1,
        person_days: 1,
        meaning: "same day, little effort (quick win)",
    },
    Effort {
        months: 1,
        person_days: 5,
        meaning: "within a week with own staff",
    },
    Effort {
        months: 3,
        person_days: 20,
        meaning: "several weeks to a few months, maybe external help",
    },
    Effort {
        months: 6,
        person_days: 60,
        meaning: "long-term, experts, often third parties",
    },
    Effort {
        months: 12,
        person_days: 120,
        meaning: "complex, deep expertise or external providers",
    },
];

/// Working days of one full-time person in a month (our assumption).
pub const DAYS_PER_MONTH: u32 = 20;

/// Staff capacity when `--staff` is not given, unless the mandatory controls need more.
pub const DEFAULT_STAFF_FTE: f64 = 10.0;

/// First year of the default horizon; the default horizon is five years from it.
pub const DEFAULT_START_YEAR: u16 = 2027;

/// Years in the default horizon (the span of a municipal medium-term financial plan).
pub const DEFAULT_YEARS: i64 = 5;

/// A practice group and its impact on the resilience dimensions (scores 0–5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupImpact {
    /// The group's id in the catalog (its practice abbreviation).
    pub id: &'static str,
    /// The practice's name (practices.csv).
    pub title: &'static str,
    /// Score per dimension.
    pub impact: &'static [(&'static str, f64)],
}

/// Practice group → impact on the resilience dimensions. Our judgement, not the BSI's: the main
/// dimensions a practice strengthens, 4 for its core, 1–3 for side effects.
#[rustfmt::skip]
pub const GROUP_IMPACTS: [GroupImpact; 20] = [
    GroupImpact { id: "GC", title: "Governance und Compliance", impact: &[("governance", 4.0), ("protection", 1.0)] },
    GroupImpact { id: "STM", title: "Strukturmodellierung", impact: &[("governance", 2.0), ("protection", 2.0)] },
    GroupImpact { id: "UMS", title: "Umsetzung", impact: &[("governance", 2.0), ("protection", 2.0)] },
    GroupImpact { id: "VRB", title: "Verbesserung", impact: &[("governance", 2.0), ("capability", 1.0)] },
    GroupImpact { id: "PERF", title: "Monitoring-Evaluation", impact: &[("governance", 2.0), ("response", 1.0)] },
    GroupImpact { id: "RISK", title: "Risikomanagement", impact: &[("governance", 3.0), ("protection", 1.0)] },
    GroupImpact { id: "ASST", title: "Informationen und Assets", impact: &[("protection", 3.0), ("recovery", 1.0), ("governance", 1.0)] },
    GroupImpact { id: "PERS", title: "Personal", impact: &[("capability", 3.0), ("protection", 2.0)] },
    GroupImpact { id: "BES", title: "Beschaffungsmanagement", impact: &[("governance", 3.0), ("protection", 2.0)] },
    GroupImpact { id: "DLS", title: "Dienstleistersteuerung", impact: &[("governance", 3.0), ("protection", 1.0), ("recovery", 1.0)] },
    GroupImpact { id: "TEST", title: "Änderungen und Tests", impact: &[("protection", 2.0), ("recovery", 2.0), ("service_delivery", 1.0)] },
    GroupImpact { id: "GEB", title: "Gebäudemanagement", impact: &[("infrastructure", 3.0), ("protection", 2.0), ("recovery", 1.0)] },
    GroupImpact { id: "SENS", title: "Sensibilisierung", impact: &[("capability", 4.0), ("protection", 2.0)] },
    GroupImpact { id: "ARCH", title: "Architektur", impact: &[("infrastructure", 3.0), ("protection", 2.0), ("recovery", 2.0)] },
    GroupImpact { id: "BER", title: "Berechtigung", impact: &[("protection", 4.0)] },
    GroupImpact { id: "NOT", title: "Notfallplanung", impact: &[("recovery", 4.0), ("response", 2.0)] },
    GroupImpact { id: "DET", title: "Detektion", impact: &[("response", 4.0), ("protection", 1.0)] },
    GroupImpact { id: "REA", title: "Sicherheitsvorfallsbehandlung", impact: &[("response", 4.0), ("recovery", 2.0)] },
    GroupImpact { id: "KONF", title: "Konfiguration", impact: &[("protection", 3.0), ("infrastructure", 1.0)] },
    GroupImpact { id: "DEV", title: "Entwicklung", impact: &[("protection", 3.0), ("service_delivery", 1.0)] },
];

/// Impact of a control whose group is not in [`GROUP_IMPACTS`].
pub const OTHER_IMPACT: &[(&str, f64)] = &[("protection", 2.0)];

/// The share of its group's impact a KANN control (optional, after risk analysis) gets.
pub const KANN_SHARE: f64 = 0.5;

/// Horizon and capacity of the imported portfolio.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Period kind; default: the kind of `start` or `end`, else quarters.
    pub period: Option<PeriodKind>,
    /// First period; default: the first period of 2027.
    pub start: Option<PeriodLabel>,
    /// Last period; default: five years after `start`, minus one period.
    pub end: Option<PeriodLabel>,
    /// Staff capacity in full-time equivalents; default: 10, or what the mandatory controls need.
    pub staff: Option<f64>,
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
    let starts = match map::earliest_starts(&measures, &horizon, file, text) {
        Ok(starts) => starts,
        Err(diagnostic) => return Err(fail(sources.clone(), vec![*diagnostic])),
    };
    let needs = map::Needs::of(&measures, &starts, &horizon).map_err(ImportError::Usage)?;
    Ok(write::portfolio(
        &catalog,
        &measures,
        &horizon,
        &needs,
        options.staff,
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
