//! `resiplan profile` (`steckbrief`): measure profiles, one part per measure, in one
//! document or one file per measure (`-o DIR`).

use crate::commands::{VERSION, input, measure_ids};
use crate::settings::{Destination, Profile, ProfileFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::diagnostic::source::display_path;
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::model::Language;
use resiplan::pipeline::score_input;
use resiplan::plan::{Planning, schedule_bounded};
use resiplan::report::csv::Dialect;
use resiplan::report::document::{self, Document};
use resiplan::report::documents::{file_names, html, profile, raci};
use resiplan::report::lang::de_en;
use resiplan::report::provenance::{Content, Provenance};
use resiplan::schedule::Bound;

/// Plans the portfolio (the profiles show when each measure runs) and delivers the profiles.
pub(crate) fn run(settings: &Profile) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == ProfileFormat::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    // The profiles never show the upper bound: the cheap one does (the roadmap is the same).
    let scored = score_input(&input).map_err(Error::from)?;
    let planning =
        schedule_bounded(scored, &settings.options, Bound::ResourceFree).map_err(Error::from)?;
    terminal::diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
    let portfolio = &planning.scored.portfolio;
    let mut chosen = Vec::new();
    for id in &settings.measures {
        let Some(j) = portfolio.measures.iter().position(|m| &m.id.value == id) else {
            return Err(Error::Usage(
                format!(
                    "there is no measure `{id}` in {}. {}",
                    display_path(&settings.portfolio.file),
                    did_you_mean(id, measure_ids(&planning))
                )
                .trim_end()
                .to_owned(),
            )
            .into());
        };
        chosen.push(j);
    }
    let every = chosen.is_empty();
    if every {
        chosen = (0..portfolio.measures.len()).collect();
    }
    let report = &settings.report;
    let language = report.language(portfolio.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&planning.scored.portfolio)],
        &[&planning.scored.sources],
        Some(&settings.options),
    );
    let inputs = terminal::read_files(&planning.scored.sources);
    let split = match &report.destination {
        Destination::File(dir) | Destination::Check(dir) if dir.is_dir() => Some(dir),
        _ => None,
    };
    let one_file = matches!(report.format, ProfileFormat::Csv | ProfileFormat::Json);
    if let (Some(dir), true) = (split, one_file) {
        return Err(Error::Usage(format!(
            "{} is a directory, and CSV and JSON are one file: name a file with -o",
            display_path(dir)
        ))
        .into());
    }
    if let Some(dir) = split {
        let extension = match report.format {
            ProfileFormat::Html => "html",
            _ => "md",
        };
        let ids = chosen
            .iter()
            .map(|&j| portfolio.measures[j].id.value.as_str());
        for (&j, file) in chosen.iter().zip(file_names(ids, extension)) {
            let path = dir.join(file);
            let destination = match &report.destination {
                Destination::Check(_) => Destination::Check(path),
                _ => Destination::File(path),
            };
            let text = render(
                &planning,
                &[j],
                false,
                report.format,
                settings.csv,
                language,
                &provenance,
            );
            terminal::deliver(&destination, &text, &inputs)?;
        }
        return Ok(());
    }
    let text = render(
        &planning,
        &chosen,
        every,
        report.format,
        settings.csv,
        language,
        &provenance,
    );
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}

/// The profiles of `chosen` as one document; with `appendix`, the RACI matrix and the
/// participation checklist follow. CSV is the RACI matrix in `dialect`.
fn render(
    planning: &Planning,
    chosen: &[usize],
    appendix: bool,
    format: ProfileFormat,
    dialect: Dialect,
    language: Language,
    provenance: &Provenance,
) -> String {
    let portfolio = &planning.scored.portfolio;
    match format {
        ProfileFormat::Csv => return raci::csv(portfolio, language, dialect),
        ProfileFormat::Json => {
            return resiplan::report::json::profile(planning, chosen, language, provenance);
        }
        _ => {}
    }
    let mut parts: Vec<Document> = chosen
        .iter()
        .map(|&j| profile::profile(planning, j, language))
        .collect();
    let blocks = if appendix {
        raci::appendix(portfolio, language)
    } else {
        Vec::new()
    };
    if !blocks.is_empty() {
        parts.push(Document {
            title: de_en(
                language,
                "Anlage: Zuständigkeiten und Beteiligungen",
                "Annex: responsibilities and participations",
            )
            .into(),
            blocks: blocks.into_iter().skip(1).collect(),
        });
    }
    let title = match chosen {
        [one] if !appendix => portfolio.measures[*one].name.get(language).to_owned(),
        _ => format!(
            "{}: {}",
            de_en(language, "Maßnahmensteckbriefe", "Measure profiles"),
            portfolio.name
        ),
    };
    match format {
        ProfileFormat::Html => html::page(&parts, &title, language, provenance),
        _ => {
            let mut out: Vec<String> = parts.iter().map(document::markdown).collect();
            if let Some(last) = out.last_mut() {
                last.push_str(&format!(
                    "\n<sub>{}</sub>\n",
                    resiplan::report::markdown::escape(&provenance.line())
                ));
            }
            out.join("\n---\n\n")
        }
    }
}
