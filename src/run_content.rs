//! Runs the content commands: `import`, `catalog` and `init`. Each calls one library
//! function and prints or writes its text.

use crate::cli::{CatalogCommand, ImportCommand, InitArgs, Lang, Period, ReportFormat};
use crate::run::{ExitCode, print_diagnostics, report_failure};
use anyhow::Result;
use resiplan::content::catalogs::{self, Source};
use resiplan::content::import::{ImportError, grundschutz};
use resiplan::content::init::InitError;
use resiplan::diagnostic::source::display_path;
use resiplan::model::Language;
use resiplan::model::period::PeriodKind;
use resiplan::output::write_atomically;
use resiplan::report::provenance::Provenance;
use resiplan::report::{self, catalog::CatalogFormat};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// `resiplan import grundschutz`.
pub fn import(command: ImportCommand) -> Result<ExitCode> {
    let ImportCommand::Grundschutz {
        file,
        output,
        start,
        end,
        period,
        staff,
    } = command;
    let options = grundschutz::Options {
        period: period.map(period_kind),
        start,
        end,
        staff,
    };
    match grundschutz::import_file(&file, &options) {
        Ok(text) => deliver(output.as_deref(), &text),
        Err(ImportError::Usage(message)) => {
            writeln!(std::io::stderr(), "error: {message}")?;
            Ok(2)
        }
        Err(ImportError::Input(failed)) => report_failure(&failed),
    }
}

/// `resiplan catalog list|show`.
pub fn catalog(command: CatalogCommand) -> Result<ExitCode> {
    let width = table_width();
    match command {
        CatalogCommand::List { dir, format } => {
            let listing = match dir {
                Some(dir) => match catalogs::list_dir(&dir) {
                    Ok(listing) => listing,
                    Err(message) => {
                        writeln!(std::io::stderr(), "error: {message}")?;
                        return Ok(1);
                    }
                },
                None => catalogs::list_shipped(),
            };
            for failed in &listing.failed {
                print_diagnostics(&failed.diagnostics, &failed.sources)?;
            }
            let Some(format) = report_format(format)? else {
                return Ok(2);
            };
            let text = report::catalog::list(format, &listing.catalogs, width);
            deliver(None, &text)?;
            if listing.failed.is_empty() {
                Ok(0)
            } else {
                let n = listing.failed.len();
                writeln!(
                    std::io::stderr(),
                    "error: {n} catalog file{} could not be read; see above",
                    if n == 1 { "" } else { "s" }
                )?;
                Ok(1)
            }
        }
        CatalogCommand::Show {
            catalog,
            format,
            lang,
        } => {
            let source = match Source::resolve(&catalog) {
                Ok(source) => source,
                Err(message) => {
                    writeln!(std::io::stderr(), "error: {message}")?;
                    return Ok(1);
                }
            };
            let loaded = match source.load() {
                Ok(loaded) => loaded,
                Err(failed) => return report_failure(&failed),
            };
            print_diagnostics(&loaded.warnings, &loaded.sources)?;
            let file = display_path(&source.path());
            let Some(format) = report_format(format)? else {
                return Ok(2);
            };
            let provenance = Provenance::new(env!("CARGO_PKG_VERSION"), &[&loaded.sources], None);
            let text = report::catalog::show(
                format,
                &source.name(),
                &file,
                &loaded.catalog,
                language(lang),
                &provenance,
                width,
            );
            deliver(None, &text)
        }
    }
}

/// `resiplan init`.
pub fn init(args: InitArgs) -> Result<ExitCode> {
    let starts = match resiplan::content::init::load(&args.catalog) {
        Ok(starts) => starts,
        Err(InitError::Unknown(message)) => {
            writeln!(std::io::stderr(), "error: {message}")?;
            return Ok(1);
        }
        Err(InitError::Input(failed)) => return report_failure(&failed),
    };
    let text = resiplan::content::init::portfolio(&starts, language(args.lang));
    deliver(args.output.as_deref(), &text)
}

fn language(lang: Option<Lang>) -> Language {
    match lang {
        Some(Lang::De) => Language::De,
        Some(Lang::En) | None => Language::En,
    }
}

/// The catalog format; `None`, after a usage message, for formats catalogs do not have.
fn report_format(format: ReportFormat) -> Result<Option<CatalogFormat>> {
    Ok(match format {
        ReportFormat::Table => Some(CatalogFormat::Table),
        ReportFormat::Markdown => Some(CatalogFormat::Markdown),
        ReportFormat::Json => Some(CatalogFormat::Json),
        other => {
            writeln!(
                std::io::stderr(),
                "error: `catalog` writes table, markdown or json, not {}",
                format!("{other:?}").to_lowercase()
            )?;
            None
        }
    })
}

/// The terminal's width when printing to a terminal; a fixed width otherwise.
fn table_width() -> u16 {
    if std::io::stdout().is_terminal() {
        report::table::terminal_width().unwrap_or(report::table::DEFAULT_WIDTH)
    } else {
        report::table::DEFAULT_WIDTH
    }
}

fn period_kind(period: Period) -> PeriodKind {
    match period {
        Period::Year => PeriodKind::Year,
        Period::Half => PeriodKind::Half,
        Period::Quarter => PeriodKind::Quarter,
        Period::Month => PeriodKind::Month,
    }
}

/// Prints the text, or writes it atomically to `output`.
fn deliver(output: Option<&Path>, text: &str) -> Result<ExitCode> {
    match output {
        Some(path) => write_atomically(path, text)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(0)
}
