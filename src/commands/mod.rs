//! One file per subcommand. Each builds its input from the settings, calls the library and
//! hands the text to the terminal; errors carry their exit code.

pub(crate) mod baseline;
pub(crate) mod budget;
pub(crate) mod catalog;
pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod completions;
pub(crate) mod decision;
pub(crate) mod explain;
pub(crate) mod frontier;
pub(crate) mod graph;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod man;
pub(crate) mod plan;
pub(crate) mod profile;
pub(crate) mod rank;
pub(crate) mod robustness;
pub(crate) mod schema;
pub(crate) mod simulate;
pub(crate) mod status;
pub(crate) mod sweep;
pub(crate) mod weights;

use crate::settings::Portfolio;
use resiplan::error::Error;
use resiplan::pipeline::{Input, Planning};
use std::io::Read;

/// The version every report's provenance names.
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The pipeline's input. Commands that load the portfolio more than once (`reloads`) read
/// standard input first, because it can be read only once.
pub(crate) fn input(portfolio: &Portfolio, reloads: bool) -> Result<Input, Error> {
    let mut input = Input::file(&portfolio.file);
    if reloads && portfolio.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                action: "reading standard input".to_owned(),
                source,
            })?;
        input.text = Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    input.overlays = portfolio.overlays.clone();
    input.include_roots = portfolio.include_roots.clone();
    Ok(input)
}

/// Plans the portfolio with `options`, prints its warnings, and names what it was made
/// from: what `plan` and `budget` start with.
pub(crate) fn planned_with_provenance(
    portfolio: &Portfolio,
    options: &resiplan::schedule::Options,
) -> anyhow::Result<(Planning, resiplan::report::provenance::Provenance)> {
    use resiplan::report::provenance::{Content, Provenance};
    let input = input(portfolio, false)?;
    let planning = resiplan::pipeline::plan_input(&input, options).map_err(Error::from)?;
    let scored = &planning.scored;
    crate::terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(options),
    );
    Ok((planning, provenance))
}

/// The measure ids of a planned portfolio, for did-you-mean.
pub(crate) fn measure_ids(planning: &Planning) -> Vec<&str> {
    let measures = &planning.scored.portfolio.measures;
    measures.iter().map(|m| m.id.value.as_str()).collect()
}

/// Refuses `--csv-dialect excel-de` for a format that is not CSV: it would change nothing.
pub(crate) fn csv_dialect_needs_csv(
    csv: bool,
    dialect: resiplan::report::csv::Dialect,
) -> Result<(), Error> {
    if csv || dialect == resiplan::report::csv::Dialect::Machine {
        Ok(())
    } else {
        Err(Error::Usage(
            "--csv-dialect applies to CSV only: add `-f csv`, or leave it out".to_owned(),
        ))
    }
}
