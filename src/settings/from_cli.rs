//! `Settings::from_cli`: clap's types in, typed settings out.

use super::{
    AnalysisFormat, Budget, BudgetFormat, Check, CheckFormat, Compare, Destination, Explain,
    Frontier, FrontierFormat, Graph, Import, Init, Plan, Portfolio, Rank, Report, Settings,
};
use super::{CatalogList, CatalogShow, ColourChoice, CompareFormat, Style, Sweep, SweepFormat};
use super::{Decision, DecisionFormat, Profile, ProfileFormat, uncertainty};
use crate::cli::{self, Cli, Command};
use resiplan::analysis::compare::Gates;
use resiplan::content::import::grundschutz;
use resiplan::load::Overlay;
use resiplan::model::Language;
use resiplan::model::period::PeriodKind;
use resiplan::report::documents::decision::Body;
use resiplan::report::{self, catalog::CatalogFormat};
use resiplan::schedule::Options;
use resiplan::schema;
use std::path::PathBuf;

impl Style {
    /// The global options of the command line.
    pub(crate) fn from_cli(cli: &Cli) -> Style {
        Style {
            quiet: cli.global.quiet,
            colour: match cli.global.color {
                cli::ColorWhen::Auto => ColourChoice::Auto,
                cli::ColorWhen::Always => ColourChoice::Always,
                cli::ColorWhen::Never => ColourChoice::Never,
            },
        }
    }
}

impl Settings {
    /// Converts the parsed command line.
    pub(crate) fn from_cli(cli: Cli) -> Settings {
        match cli.command {
            Command::Check {
                files,
                format,
                changes,
            } => Settings::Check(Check {
                files,
                include_roots: changes.includes.include_roots.clone(),
                overlays: overlays(changes),
                format: match format {
                    cli::CheckFormat::Text => CheckFormat::Text,
                    cli::CheckFormat::Json => CheckFormat::Json,
                    cli::CheckFormat::Github => CheckFormat::Github,
                    cli::CheckFormat::Gitlab => CheckFormat::Gitlab,
                },
            }),
            Command::Plan {
                format,
                csv_dialect,
                report: args,
                changes,
                search,
                baseline,
            } => Settings::Plan(Plan {
                csv: dialect(csv_dialect),
                report: report(&args, plan_format(format)),
                portfolio: portfolio(args, changes),
                options: options(search),
                baseline: baseline.baseline.map(|path| (path, baseline.freeze)),
            }),
            Command::Rank {
                format,
                csv_dialect,
                report: args,
                changes,
            } => Settings::Rank(Rank {
                csv: dialect(csv_dialect),
                report: report(&args, rank_format(format)),
                portfolio: portfolio(args, changes),
            }),
            Command::Status(args) => Settings::Status(super::status::Status {
                report: report(&args.report, super::status::format(args.format)),
                portfolio: portfolio(args.report, args.changes),
                options: options(args.search),
                baseline: args.baseline,
            }),
            Command::Budget {
                format,
                csv_dialect,
                by_measure,
                report: args,
                changes,
                search,
            } => Settings::Budget(Budget {
                csv: dialect(csv_dialect),
                by_measure,
                report: report(
                    &args,
                    match format {
                        cli::BudgetFormat::Table => BudgetFormat::Table,
                        cli::BudgetFormat::Markdown => BudgetFormat::Markdown,
                        cli::BudgetFormat::Json => BudgetFormat::Json,
                        cli::BudgetFormat::Csv => BudgetFormat::Csv,
                        cli::BudgetFormat::Html => BudgetFormat::Html,
                    },
                ),
                portfolio: portfolio(args, changes),
                options: options(search),
            }),
            Command::Explain {
                format,
                report: args,
                measure,
                changes,
                search,
            } => Settings::Explain(Explain {
                report: report(&args, analysis_format(format)),
                portfolio: portfolio(args, changes),
                measure,
                options: options(search),
            }),
            Command::Compare {
                format,
                csv_dialect,
                report: args,
                new,
                base,
                summary,
                scenarios,
                sets,
                fail_if_loss_above,
                fail_if_funding_lost_above,
                fail_if_dropped,
                fail_if_delayed,
                includes,
                search,
                baseline,
            } => {
                let report = report(
                    &args,
                    match format {
                        cli::CompareFormat::Table => CompareFormat::Table,
                        cli::CompareFormat::Markdown => CompareFormat::Markdown,
                        cli::CompareFormat::Json => CompareFormat::Json,
                        cli::CompareFormat::Csv => CompareFormat::Csv,
                    },
                );
                let base_portfolio = portfolio(
                    args,
                    cli::ChangeArgs {
                        scenarios: Vec::new(),
                        sets,
                        includes,
                    },
                );
                // `OLD NEW` and `--base OLD NEW` name the same two versions.
                let (portfolio, new) = match (new, base) {
                    (Some(new), _) => {
                        let new = Portfolio {
                            file: new,
                            ..base_portfolio.clone()
                        };
                        (base_portfolio, Some(new))
                    }
                    (None, Some(old)) => {
                        let old = Portfolio {
                            file: old,
                            ..base_portfolio.clone()
                        };
                        (old, Some(base_portfolio))
                    }
                    (None, None) => (base_portfolio, None),
                };
                Settings::Compare(Compare {
                    report,
                    portfolio,
                    new,
                    summary,
                    csv: dialect(csv_dialect),
                    scenarios,
                    gates: Gates {
                        max_loss: fail_if_loss_above,
                        max_funding_lost: fail_if_funding_lost_above,
                        keep: fail_if_dropped,
                        on_time: fail_if_delayed,
                    },
                    options: options(search),
                    baseline: baseline.baseline.map(|path| (path, baseline.freeze)),
                })
            }
            Command::Frontier {
                format,
                csv_dialect,
                report: args,
                budget_scale,
                steps,
                resource,
                changes,
                search,
            } => Settings::Frontier(Frontier {
                csv: dialect(csv_dialect),
                report: report(&args, frontier_format(format)),
                portfolio: portfolio(args, changes),
                resource,
                scale: budget_scale,
                steps: steps as usize,
                options: options(search),
            }),
            Command::Simulate(args) => {
                let (simulation, options) = uncertainty::simulation(&args);
                Settings::Simulate(super::Simulate {
                    report: report(&args.report, uncertainty::simulate_format(args.format)),
                    csv: dialect(args.csv_dialect),
                    portfolio: portfolio(args.report, args.changes),
                    simulation,
                    options,
                })
            }
            Command::Robustness(args) => {
                let (robustness, options) = uncertainty::robustness(&args);
                Settings::Robustness(super::Robustness {
                    report: report(&args.report, uncertainty::robustness_format(args.format)),
                    csv: dialect(args.csv_dialect),
                    portfolio: portfolio(args.report, args.changes),
                    robustness,
                    options,
                })
            }
            Command::Weights(args) => Settings::Weights(super::Weights {
                report: report(&args.report, analysis_format(args.format)),
                portfolio: portfolio(args.report, args.changes),
            }),
            Command::Profile(args) => Settings::Profile(Profile {
                csv: dialect(args.csv_dialect),
                report: report(
                    &args.report,
                    match args.format {
                        cli::ProfileFormat::Markdown => ProfileFormat::Markdown,
                        cli::ProfileFormat::Html => ProfileFormat::Html,
                        cli::ProfileFormat::Json => ProfileFormat::Json,
                        cli::ProfileFormat::Csv => ProfileFormat::Csv,
                    },
                ),
                portfolio: portfolio(args.report, args.changes),
                measures: args.measures,
                options: options(args.search),
            }),
            Command::Decision(args) => Settings::Decision(Decision {
                report: report(
                    &args.report,
                    match args.format {
                        cli::DecisionFormat::Markdown => DecisionFormat::Markdown,
                        cli::DecisionFormat::Html => DecisionFormat::Html,
                    },
                ),
                portfolio: portfolio(
                    args.report,
                    cli::ChangeArgs {
                        scenarios: Vec::new(),
                        sets: args.sets,
                        includes: args.includes,
                    },
                ),
                scenarios: args.scenarios,
                body: match args.body {
                    cli::Body::Stadtrat => Body::CityCouncil,
                    cli::Body::Kreistag => Body::DistrictCouncil,
                    cli::Body::Kabinett => Body::Cabinet,
                },
                options: options(args.search),
            }),
            Command::Sweep {
                format,
                csv_dialect,
                report: args,
                axes,
                track,
                scenarios,
                jobs,
                includes,
                search,
            } => Settings::Sweep(Sweep {
                csv: dialect(csv_dialect),
                report: report(
                    &args,
                    match format {
                        cli::SweepFormat::Table => SweepFormat::Table,
                        cli::SweepFormat::Markdown => SweepFormat::Markdown,
                        cli::SweepFormat::Json => SweepFormat::Json,
                        cli::SweepFormat::Csv => SweepFormat::Csv,
                    },
                ),
                portfolio: portfolio(
                    args,
                    cli::ChangeArgs {
                        scenarios,
                        sets: Vec::new(),
                        includes,
                    },
                ),
                axes,
                track,
                jobs: jobs.map(|n| n as usize),
                options: options(search),
            }),
            Command::Graph(args) => Settings::Graph(Graph {
                report: report(
                    &args.report,
                    match args.format {
                        cli::GraphFormat::Mermaid => report::GraphFormat::Mermaid,
                        cli::GraphFormat::Dot => report::GraphFormat::Dot,
                    },
                ),
                portfolio: portfolio(args.report, args.changes),
            }),
            Command::Import(cli::ImportCommand::Grundschutz(args)) => {
                Settings::Import(import(args))
            }
            Command::Catalog(cli::CatalogCommand::List { dir, format }) => {
                Settings::CatalogList(CatalogList {
                    dir,
                    format: catalog_format(format),
                })
            }
            Command::Catalog(cli::CatalogCommand::Show {
                catalog,
                format,
                lang,
            }) => Settings::CatalogShow(CatalogShow {
                catalog,
                format: catalog_format(format),
                language: lang.map(language).unwrap_or(Language::En),
            }),
            Command::Init(args) => Settings::Init(Init {
                catalogs: args.catalog,
                language: args.lang.map(language).unwrap_or(Language::En),
                destination: destination(args.output, false),
            }),
            Command::Schema { kind } => Settings::Schema(match kind {
                cli::SchemaKind::Portfolio => schema::Kind::Portfolio,
                cli::SchemaKind::Catalog => schema::Kind::Catalog,
                cli::SchemaKind::Scenario => schema::Kind::Scenario,
                cli::SchemaKind::PlanReport => schema::Kind::PlanReport,
                cli::SchemaKind::RankReport => schema::Kind::RankReport,
                cli::SchemaKind::CheckReport => schema::Kind::CheckReport,
                cli::SchemaKind::CompareReport => schema::Kind::CompareReport,
                cli::SchemaKind::ExplainReport => schema::Kind::ExplainReport,
                cli::SchemaKind::FrontierReport => schema::Kind::FrontierReport,
                cli::SchemaKind::ProfileReport => schema::Kind::ProfileReport,
                cli::SchemaKind::SweepReport => schema::Kind::SweepReport,
                cli::SchemaKind::CatalogListReport => schema::Kind::CatalogListReport,
                cli::SchemaKind::CatalogShowReport => schema::Kind::CatalogShowReport,
                cli::SchemaKind::WeightsReport => schema::Kind::WeightsReport,
                cli::SchemaKind::SimulateReport => schema::Kind::SimulateReport,
                cli::SchemaKind::RobustnessReport => schema::Kind::RobustnessReport,
                cli::SchemaKind::BudgetReport => schema::Kind::BudgetReport,
                cli::SchemaKind::StatusReport => schema::Kind::StatusReport,
            }),
            Command::Completions { shell } => Settings::Completions(shell),
            Command::Man => Settings::Man,
        }
    }
}

fn portfolio(args: cli::ReportArgs, changes: cli::ChangeArgs) -> Portfolio {
    Portfolio {
        file: args.file,
        include_roots: changes.includes.include_roots.clone(),
        overlays: overlays(changes),
    }
}

fn dialect(dialect: cli::CsvDialect) -> report::csv::Dialect {
    match dialect {
        cli::CsvDialect::Machine => report::csv::Dialect::Machine,
        cli::CsvDialect::ExcelDe => report::csv::Dialect::ExcelDe,
    }
}

fn report<F>(args: &cli::ReportArgs, format: F) -> Report<F> {
    Report {
        format,
        destination: match destination(args.output.clone(), args.check) {
            Destination::Check(path) if args.strict => Destination::CheckStrict(path),
            other => other,
        },
        lang: args.lang.map(language),
    }
}

fn destination(output: Option<PathBuf>, check: bool) -> Destination {
    match output {
        // `-o -` is standard output, as `-` is standard input.
        None => Destination::Stdout,
        Some(path) if path.as_os_str() == "-" && !check => Destination::Stdout,
        Some(path) if check => Destination::Check(path),
        Some(path) => Destination::File(path),
    }
}

/// Scenarios first, then `--set` changes.
fn overlays(changes: cli::ChangeArgs) -> Vec<Overlay> {
    let scenarios = changes.scenarios.into_iter().map(Overlay::Scenario);
    scenarios
        .chain(changes.sets.into_iter().map(Overlay::Set))
        .collect()
}

fn options(search: cli::SearchArgs) -> Options {
    Options {
        effort: search.effort,
        seed: search.seed,
        ..Options::default()
    }
}

/// `import grundschutz`'s arguments as settings.
fn import(args: cli::GrundschutzArgs) -> Import {
    use grundschutz::{Level, Modal, Size};
    Import {
        options: grundschutz::Options {
            period: args.period.map(period_kind),
            start: args.start,
            end: args.end,
            staff: args.staff,
            size: match args.size {
                cli::OrgSize::Small => Size::Small,
                cli::OrgSize::Medium => Size::Medium,
                cli::OrgSize::Large => Size::Large,
            },
            sec_level: match args.sec_level {
                cli::SecLevel::Normal => Level::Normal,
                cli::SecLevel::Elevated => Level::Elevated,
            },
            modal: args
                .modal
                .iter()
                .map(|m| match m {
                    cli::ModalVerb::Muss => Modal::Muss,
                    cli::ModalVerb::Sollte => Modal::Sollte,
                    cli::ModalVerb::Kann => Modal::Kann,
                })
                .collect(),
            practices: args
                .practices
                .into_iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
            per_practice: args.per_practice,
            status: args.status,
            catalog: args.as_catalog,
        },
        file: args.file,
        destination: destination(args.output, false),
    }
}

fn language(lang: cli::Lang) -> Language {
    match lang {
        cli::Lang::De => Language::De,
        cli::Lang::En => Language::En,
    }
}

fn period_kind(period: cli::Period) -> PeriodKind {
    match period {
        cli::Period::Year => PeriodKind::Year,
        cli::Period::Half => PeriodKind::Half,
        cli::Period::Quarter => PeriodKind::Quarter,
        cli::Period::Month => PeriodKind::Month,
    }
}

fn plan_format(format: cli::PlanFormat) -> report::Format {
    match format {
        cli::PlanFormat::Table => report::Format::Table,
        cli::PlanFormat::Markdown => report::Format::Markdown,
        cli::PlanFormat::Json => report::Format::Json,
        cli::PlanFormat::Csv => report::Format::Csv,
        cli::PlanFormat::Mermaid => report::Format::Mermaid,
        cli::PlanFormat::Html => report::Format::Html,
    }
}

fn rank_format(format: cli::RankFormat) -> report::Format {
    match format {
        cli::RankFormat::Table => report::Format::Table,
        cli::RankFormat::Markdown => report::Format::Markdown,
        cli::RankFormat::Json => report::Format::Json,
        cli::RankFormat::Csv => report::Format::Csv,
        cli::RankFormat::Html => report::Format::Html,
    }
}

fn analysis_format(format: cli::AnalysisFormat) -> AnalysisFormat {
    match format {
        cli::AnalysisFormat::Table => AnalysisFormat::Table,
        cli::AnalysisFormat::Markdown => AnalysisFormat::Markdown,
        cli::AnalysisFormat::Json => AnalysisFormat::Json,
    }
}

fn frontier_format(format: cli::FrontierFormat) -> FrontierFormat {
    match format {
        cli::FrontierFormat::Table => FrontierFormat::Table,
        cli::FrontierFormat::Markdown => FrontierFormat::Markdown,
        cli::FrontierFormat::Json => FrontierFormat::Json,
        cli::FrontierFormat::Csv => FrontierFormat::Csv,
    }
}

fn catalog_format(format: cli::CatalogFormat) -> CatalogFormat {
    match format {
        cli::CatalogFormat::Table => CatalogFormat::Table,
        cli::CatalogFormat::Markdown => CatalogFormat::Markdown,
        cli::CatalogFormat::Json => CatalogFormat::Json,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(args: &[&str]) -> Settings {
        let cli = Cli::try_parse_from(std::iter::once("resiplan").chain(args.iter().copied()));
        Settings::from_cli(cli.unwrap())
    }

    #[test]
    fn output_and_check_become_one_destination() {
        let Settings::Plan(plan) = settings(&["plan", "p.yaml", "-o", "R.md", "--check"]) else {
            panic!("plan");
        };
        assert_eq!(plan.report.destination, Destination::Check("R.md".into()));
        assert_eq!(plan.report.format, report::Format::Table);
        let Settings::Graph(graph) = settings(&["graph", "p.yaml", "-f", "dot", "-o", "g.dot"])
        else {
            panic!("graph");
        };
        assert_eq!(graph.report.destination, Destination::File("g.dot".into()));
        assert_eq!(graph.report.format, report::GraphFormat::Dot);
    }

    #[test]
    fn compare_applies_set_to_the_base_and_keeps_scenarios_apart() {
        let Settings::Compare(compare) = settings(&[
            "compare",
            "p.yaml",
            "--scenario",
            "s.yaml",
            "--set",
            "a.b=1",
            "--fail-if-loss-above",
            "5",
            "--fail-if-dropped",
            "x",
        ]) else {
            panic!("compare");
        };
        assert_eq!(compare.portfolio.overlays, [Overlay::Set("a.b=1".into())]);
        assert_eq!(compare.scenarios, [PathBuf::from("s.yaml")]);
        assert_eq!(compare.gates.max_loss, Some(0.05));
        assert_eq!(compare.gates.keep, ["x"]);
    }

    #[test]
    fn scenarios_come_before_sets_and_the_language_falls_back_to_the_portfolio() {
        let Settings::Rank(rank) = settings(&[
            "rank",
            "p.yaml",
            "--set",
            "a=1",
            "--scenario",
            "s.yaml",
            "--lang",
            "de",
        ]) else {
            panic!("rank");
        };
        assert_eq!(
            rank.portfolio.overlays,
            [
                Overlay::Scenario("s.yaml".into()),
                Overlay::Set("a=1".into())
            ]
        );
        assert_eq!(rank.report.language(Some(Language::En)), Language::De);
        let Settings::Rank(rank) = settings(&["rank", "p.yaml"]) else {
            panic!("rank");
        };
        assert_eq!(rank.report.language(Some(Language::De)), Language::De);
        assert_eq!(rank.report.language(None), Language::En);
    }
}
