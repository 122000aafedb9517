//! What the fuzz targets do with one input: read it as a portfolio (its includes resolved
//! against the shipped catalogs, written to a temporary directory once), check it, plan it, check the roadmap with the
//! independent verifier, plan it again to see the same roadmap, and render every report.
//! Anything that is not an orderly error panics, which the fuzzer records as a crash.

use resiplan::content::catalogs::SHIPPED;
use resiplan::diagnostic;
use resiplan::load::{Disk, FileSystem};
use resiplan::pipeline::{Input, PlanError, Planning, plan_input_reading, score_input_reading};
use resiplan::plan::schedule_bounded;
use resiplan::report::provenance::{Content, Provenance};
use resiplan::report::view::{PlanView, graph_view};
use resiplan::report::{self, Format, GraphFormat};
use resiplan::schedule::search::Effort;
use resiplan::schedule::verify::verify;
use resiplan::schedule::{Bound, Options};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// A directory with the shipped catalogs in `catalogs/`, as in the repository, made once
/// per process; the portfolio is read as `examples/portfolio.yaml` in it, so the
/// examples' includes (`../catalogs/…`) resolve.
fn workspace() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("resiplan-fuzz-{}", std::process::id()));
        let made = std::fs::create_dir_all(dir.join("catalogs"))
            .and_then(|()| std::fs::create_dir_all(dir.join("examples")))
            .and_then(|()| {
                SHIPPED
                    .iter()
                    .try_for_each(|c| std::fs::write(dir.join("catalogs").join(c.file), c.text))
            });
        if let Err(e) = made {
            panic!("cannot prepare {}: {e}", dir.display());
        }
        dir
    })
}

/// A search small enough for thousands of runs a second, still past the priority rules.
fn options() -> Options {
    Options {
        effort: Effort::Iterations(30),
        seed: 1,
        ..Options::default()
    }
}

fn input() -> Input {
    let mut input = Input::file(workspace().join("examples/portfolio.yaml"));
    // The catalogs sit beside `examples/`, outside the portfolio's own directory.
    input.include_roots = vec![workspace().to_path_buf()];
    input
}

/// The input's bytes as the portfolio file (so the loader's own decoding is fuzzed too),
/// every other file from the disk.
struct Portfolio(Vec<u8>);

impl FileSystem for Portfolio {
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        if path == input().path {
            let mut bytes = self.0.clone();
            bytes.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
            return Ok(bytes);
        }
        Disk.read(path, limit)
    }
}

fn files(data: &[u8]) -> Arc<dyn FileSystem> {
    Arc::new(Portfolio(data.to_vec()))
}

/// What became of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A roadmap that verifies, planned twice alike, rendered in every format.
    Planned,
    /// An orderly refusal: diagnostics with at least one error (the first one's message).
    Refused(String),
}

/// Runs one input through the whole product; panics on anything that is not an orderly
/// outcome (a roadmap that verifies, or diagnostics that render).
pub fn exercise(data: &[u8]) -> Outcome {
    let planning = match plan_input_reading(&input(), &options(), files(data)) {
        Ok(planning) => planning,
        // The independent verifier rejected a roadmap: a bug, which is what we look for.
        Err(PlanError::Internal(internal)) => panic!("internal error: {internal}"),
        Err(PlanError::Failed(failed)) => {
            let _ = diagnostic::render_text(&failed.diagnostics, &failed.sources, false);
            for problem in &failed.diagnostics {
                let _ = diagnostic::to_json(problem, &failed.sources);
            }
            assert!(
                failed
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == diagnostic::Severity::Error),
                "the pipeline failed without an error"
            );
            return Outcome::Refused(failed.first_error());
        }
    };
    let portfolio = &planning.scored.portfolio;
    let roadmap = &planning.planned.roadmap;
    let violations = verify(portfolio, roadmap);
    assert!(
        violations.is_empty(),
        "a roadmap that the verifier rejects: {violations:?}"
    );
    // Again, without the upper bound (the roadmap does not depend on it): half the cost.
    let again = score_input_reading(&input(), files(data))
        .map_err(PlanError::from)
        .and_then(|scored| schedule_bounded(scored, &options(), Bound::ResourceFree))
        .unwrap_or_else(|e| panic!("the second plan failed: {e}"));
    assert_eq!(
        &again.planned.roadmap, roadmap,
        "the same input gave another roadmap"
    );
    render(&planning);
    Outcome::Planned
}

/// Every report of a planned portfolio, in both languages.
fn render(planning: &Planning) {
    let scored = &planning.scored;
    let provenance = Provenance::new(
        "0.0.0",
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(&options()),
    );
    for language in [resiplan::model::Language::De, resiplan::model::Language::En] {
        let view = PlanView::of(planning, language, &provenance);
        for format in [
            Format::Table,
            Format::Markdown,
            Format::Json,
            Format::Csv,
            Format::Mermaid,
            Format::Html,
        ] {
            let _ = report::plan(format, &view, 100);
            let _ = report::rank(
                format,
                &scored.portfolio,
                &scored.scores,
                language,
                &provenance,
                100,
            );
        }
        let mut graph = graph_view(&scored.portfolio, &scored.graph, language);
        graph.provenance = Some(&provenance);
        for format in [GraphFormat::Mermaid, GraphFormat::Dot] {
            let _ = report::graph(format, &graph);
        }
    }
}
