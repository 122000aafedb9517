//! Scheduling: place measures into periods under every rule of the semantics,
//! maximising resilience-periods.
//!
//! `problem` compiles the portfolio to numbers, `rules` gives placement orders,
//! `sgs` places measures in one order; [`plan`] tries every rule and keeps the
//! best roadmap. What every roadmap must hold (fixed and mandatory measures and,
//! transitively, their prerequisites, in time for them) is placed first. Infeasible
//! inputs (such measures that cannot be placed, fixed or done measures that overrun a
//! resource) are diagnostics (`infeasible`); every roadmap passes the independent
//! verifier before it is returned (`checked`).

pub mod balance;
pub mod bound;
pub mod checked;
pub mod choice;
pub mod demand;
pub mod evaluate;
pub mod funding;
mod infeasible;
mod lns;
pub mod money;
pub mod problem;
mod repair;
mod risk_search;
pub mod rules;
pub mod search;
pub mod sgs;
mod unplaced;
pub mod verify;

use crate::diagnostic::Diagnostic;
use crate::graph::DependencyGraph;
use crate::model::Portfolio;
use crate::model::roadmap::{Placement, Roadmap};
use crate::score::Scores;
use checked::Internal;
use problem::Problem;
use rules::Rule;
use sgs::{Schedule, Slot};

/// Why [`plan`] gives no roadmap.
#[derive(Debug)]
pub enum NoRoadmap {
    /// No roadmap meets every rule: diagnostics that say why (the blocking chain, the
    /// resource and the periods).
    Infeasible(Vec<Diagnostic>),
    /// A bug in resiplan, caught before any report is written.
    Internal(Internal),
}

/// A roadmap and how it was found.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// Its objective (resilience-periods).
    pub objective: f64,
    /// The rule whose order produced it.
    pub rule: &'static str,
    /// An upper bound on the objective of any roadmap.
    pub bound: f64,
    /// How the bound was obtained.
    pub bound_method: crate::schedule::bound::BoundMethod,
    /// objective / bound, at most 1; 1 when the two agree up to round-off (e.g. both 0).
    pub bound_share: f64,
}

/// How hard `plan` searches, and with which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Search effort.
    pub effort: search::Effort,
    /// Seed of the local search; the same seed gives the same roadmap.
    pub seed: u64,
    /// How far beyond the local search a plan goes.
    pub depth: Depth,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            effort: search::Effort::Normal,
            seed: 1,
            depth: Depth::Full,
        }
    }
}

/// How far beyond the priority rules and the local search a plan goes: one roadmap for a
/// council deserves every exact method; the hundreds of re-plans of an analysis
/// (`robustness`, `sweep`) are compared with each other and need many plans quickly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Depth {
    /// The exact solve with its full node budget and, unless it proves the roadmap
    /// optimal, the large-neighbourhood search (`plan`, `compare`, `frontier`, …).
    #[default]
    Full,
    /// The exact solve with a quarter of the nodes and no large-neighbourhood search:
    /// about a third of the time of a full plan on the examples, and within a few tenths
    /// of a percent of its objective on average (measured in BENCHMARKS.md).
    Analysis,
}

/// Plans a validated portfolio with the default options.
pub fn plan(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
) -> Result<Planned, NoRoadmap> {
    plan_with(portfolio, graph, scores, &Options::default())
}

/// Which upper bound [`plan_bounded`] computes. The roadmap is the same either way: the
/// search never looks at the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bound {
    /// The best bound affordable for the model's size (see [`bound::best_bound`]).
    #[default]
    Best,
    /// Only the resource-free bound (linear time): for re-plans that compare roadmaps
    /// and never show the bound.
    ResourceFree,
}

/// Plans a validated portfolio. Errors are diagnostics that say what blocks the plan, or
/// an internal error (see [`plan_bounded`]).
pub fn plan_with(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
    options: &Options,
) -> Result<Planned, NoRoadmap> {
    plan_bounded(portfolio, graph, scores, options, Bound::Best)
}

/// Like [`plan_with`], with the upper bound to compute.
///
/// Every roadmap it returns has passed the independent verifier ([`checked::verified`]);
/// one that does not, or an LP relaxation without a solution beside it, is
/// [`NoRoadmap::Internal`].
pub fn plan_bounded(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
    options: &Options,
    bound: Bound,
) -> Result<Planned, NoRoadmap> {
    plan_from(portfolio, graph, scores, options, bound, &[])
}

/// Like [`plan_bounded`], warm-started from `warm`: roadmaps of an earlier, related plan
/// (a start per measure of this portfolio, `None`: not scheduled). Each is decoded
/// first, so when one is feasible here, the roadmap returned is at least as good: more
/// capacity never gives a worse objective.
pub fn plan_from(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
    options: &Options,
    bound: Bound,
    warm: &[Vec<Option<usize>>],
) -> Result<Planned, NoRoadmap> {
    let problem = Problem::new(portfolio, graph, scores);
    let errors = infeasible::fixed_overruns(portfolio, &problem);
    if !errors.is_empty() {
        return Err(NoRoadmap::Infeasible(errors));
    }
    let (schedule, rule, proven) = best_schedule(&problem, scores, options, warm);
    // A proof on the linear risk value is no proof on the true objective.
    let proven = proven
        && !portfolio
            .objective
            .as_ref()
            .is_some_and(|o| o.value.has_risk());
    let mut schedule = risk_search::improve(portfolio, &problem, schedule);
    sgs::settle_reasons(&problem, &mut schedule.slots);
    let mut errors = infeasible::missing(portfolio, &problem, &schedule);
    errors.extend(unplaced::missing(portfolio, &problem, &schedule));
    if errors.is_empty() {
        errors.extend(repair::short(portfolio, &problem, &schedule));
    }
    if !errors.is_empty() {
        return Err(NoRoadmap::Infeasible(errors));
    }
    let placements = schedule
        .slots
        .iter()
        .map(|slot| match slot {
            Slot::Start(start) => Placement::Scheduled { start: *start },
            Slot::Done => Placement::Done,
            Slot::Unscheduled(reason) => Placement::NotScheduled {
                reason: reason.clone(),
            },
        })
        .collect();
    let roadmap = Roadmap { placements };
    checked::verified(portfolio, &roadmap).map_err(NoRoadmap::Internal)?;
    let (bound, bound_method) = match bound {
        // No roadmap does better than a proven optimum: it is its own bound.
        _ if proven => (schedule.objective, bound::BoundMethod::Optimal),
        // The roadmap is a point of the LP relaxation: an LP without a solution is a bug.
        Bound::Best => bound::best_bound(&problem, schedule.objective)
            .map_err(|_| NoRoadmap::Internal(Internal::BoundInfeasible))?,
        Bound::ResourceFree => (
            bound::resource_free_bound(&problem),
            bound::BoundMethod::ResourceFree,
        ),
    };
    // An upper bound is at least the objective; this only absorbs solver round-off.
    let bound = bound.max(schedule.objective);
    // Under a risk objective the scheduler and the bound work on the linear risk value,
    // which over-estimates combined mitigation (1 − Π(1 − s) ≤ Σ s): the roadmap is judged
    // by the true objective, and the linear bound stays an upper bound of it.
    let objective = evaluate::risk::true_objective(
        portfolio,
        &evaluate::risk::completions(portfolio, &roadmap),
    )
    .unwrap_or(schedule.objective);
    let bound_share = if bound - objective <= 1e-6 * (1.0 + bound) {
        1.0
    } else {
        (objective / bound).min(1.0)
    };
    Ok(Planned {
        roadmap,
        objective,
        rule: rule.name(),
        bound,
        bound_method,
        bound_share,
    })
}

/// The best schedule the priority rules, the local search, the exact solve and the
/// large-neighbourhood search find: fewest missing required measures first, then the
/// highest objective. `true` when the exact solver proved it optimal.
fn best_schedule(
    problem: &Problem,
    scores: &Scores,
    options: &Options,
    warm: &[Vec<Option<usize>>],
) -> (Schedule, Rule, bool) {
    let enabler: Vec<f64> = scores.measures.iter().map(|s| s.enabler_value).collect();
    let mut best: Option<(Schedule, Rule, Vec<usize>)> = None;
    for rule in Rule::ALL {
        let list = rules::list(problem, rule, &enabler);
        let schedule = sgs::generate(problem, &list);
        let better = match &best {
            None => true,
            Some((current, _, _)) => {
                let (missing, current_missing) =
                    (schedule.shortfall(problem), current.shortfall(problem));
                missing < current_missing
                    || (missing == current_missing && schedule.objective > current.objective)
            }
        };
        if better {
            best = Some((schedule, rule, list));
        }
    }
    let (mut schedule, mut rule, mut list) = best.unwrap_or_else(|| {
        let list = problem.order.clone();
        (sgs::generate(problem, &list), Rule::Value, list)
    });
    for starts in warm.iter().filter(|w| w.len() == problem.jobs.len()) {
        let decoded = sgs::generate_from(problem, starts, &list);
        if search::better(
            search::key(problem, &decoded),
            search::key(problem, &schedule),
        ) {
            schedule = decoded;
            rule = Rule::Search;
        }
    }
    // Guided by prices: the Lagrangian relaxation's starts, where resources are priced so
    // that each measure pays its way (for the searches that follow).
    if lns_parts(options, problem.jobs.len()) > 0 {
        let guide = bound::lagrangian_starts(problem, schedule.objective, GUIDE_WORK);
        let guided_list = rules::guided(problem, &guide);
        let guided = sgs::generate_from(problem, &guide, &guided_list);
        if search::better(
            search::key(problem, &guided),
            search::key(problem, &schedule),
        ) {
            schedule = guided;
            rule = Rule::Search;
            list = guided_list;
        }
    }
    let searched = search::improve(problem, &list, &schedule, options.effort, options.seed);
    if search::better(
        search::key(problem, &searched),
        search::key(problem, &schedule),
    ) {
        schedule = searched;
        rule = Rule::Search;
    }
    schedule = repair::repair(problem, schedule, &list);
    let exact = improve_exactly(problem, &schedule, rule, &enabler, exact_work(options));
    if let Some(improved) = exact.improved {
        schedule = improved;
        rule = Rule::Exact;
    }
    if exact.proven {
        return (schedule, rule, true);
    }
    let base = lns_parts(options, problem.jobs.len());
    let parts = base * difficulty(problem);
    if parts == 0 {
        return (schedule, rule, false);
    }
    // Hard problems get a second, chain-aware search on the second core (not the largest:
    // there its few parts cover little, and its decodings cost as much as the first's).
    let (improved, unused) = if difficulty(problem) > 1 && problem.jobs.len() <= SECOND_LNS_MAX {
        lns::best_of_two(problem, &list, &schedule, parts, base, options.seed)
    } else {
        lns::improve(
            problem,
            &list,
            &schedule,
            parts,
            base,
            options.seed,
            lns::Mix::Plain,
        )
    };
    if search::better(
        search::key(problem, &improved),
        search::key(problem, &schedule),
    ) {
        schedule = improved;
        rule = Rule::Search;
    }
    // Where parts are too costly to solve (long horizons), the rounds left go to the
    // local search instead: its effort scales with the problem's difficulty.
    if unused > 0 {
        let n = problem.jobs.len();
        let extra = search::Effort::Normal.iterations(n) * EXTRA_SEARCH * unused / parts.max(1);
        let searched = search::improve(
            problem,
            &list,
            &schedule,
            search::Effort::Iterations(extra),
            options.seed,
        );
        if search::better(
            search::key(problem, &searched),
            search::key(problem, &schedule),
        ) {
            schedule = searched;
            rule = Rule::Search;
        }
    }
    schedule = repair::repair(problem, schedule, &list);
    // The exact solve's optimum, when it was proven, caps what any roadmap reaches.
    let proven = exact
        .optimum
        .is_some_and(|optimum| reaches(schedule.objective, optimum))
        && schedule.shortfall(problem) == 0;
    (schedule, rule, proven)
}

/// Parts the large-neighbourhood search solves for `n` measures: none for an analysis's
/// re-plans.
fn lns_parts(options: &Options, n: usize) -> usize {
    match options.depth {
        Depth::Full => options.effort.parts(n),
        Depth::Analysis => 0,
    }
}

/// Work of the exact solve (nodes times start variables): a quarter for `quick` and for
/// an analysis's re-plans, where hundreds of plans must stay within seconds.
fn exact_work(options: &Options) -> usize {
    match (options.depth, options.effort) {
        (Depth::Analysis, _) | (_, search::Effort::Quick) => EXACT_WORK_QUICK,
        _ => EXACT_WORK,
    }
}

/// Exact-solve work of a full plan: enough to prove 30-measure portfolios optimal (the
/// benchmarks of BENCHMARKS.md).
const EXACT_WORK: usize = 600_000;

/// Exact-solve work of quick plans and analysis re-plans.
const EXACT_WORK_QUICK: usize = 150_000;

/// How many times the base number of large-neighbourhood parts a problem deserves: more
/// for many measures over many periods, where the whole model is beyond the exact solve
/// and parts can only cover a small share of it (within the base number's budget of
/// work, so costly parts do not take longer). Above 1, a second large-neighbourhood search
/// with chain-aware exchanges runs beside the first ([`lns::best_of_two`]).
fn difficulty(problem: &Problem) -> usize {
    if problem.jobs.len() >= 100 && problem.periods >= 12 {
        2
    } else {
        1
    }
}

/// Most measures for which a hard problem gets the second large-neighbourhood search.
const SECOND_LNS_MAX: usize = 2_000;

/// Local-search iterations, in units of `normal`'s, that all unused large-neighbourhood
/// rounds are worth.
const EXTRA_SEARCH: usize = 25;

/// Work of the Lagrangian guide, in (start, resource) evaluations.
const GUIDE_WORK: usize = 60_000_000;

/// Whether `objective` reaches a proven `optimum`, up to the solver's round-off.
fn reaches(objective: f64, optimum: f64) -> bool {
    objective >= optimum - 1e-6 * (1.0 + optimum.abs())
}

/// Largest model that `plan` hands to the exact solver, in start variables times periods
/// (each branch-and-bound node solves an LP of about that many non-zeros).
pub const EXACT_WORK_LIMIT: usize = 8_000;

/// Branch-and-bound nodes the exact solver may use on a model of `size` start variables
/// within `work` (nodes times variables): a deterministic effort limit, smaller for larger
/// models since each node costs more.
pub fn exact_node_limit(size: usize, work: usize) -> u64 {
    (work / size.max(1)).clamp(10, work / 60) as u64
}

/// What the exact solve of the whole model gave.
struct ExactOutcome {
    /// Its roadmap, where it is better than the heuristic's.
    improved: Option<Schedule>,
    /// The optimum, when the solver proved it.
    optimum: Option<f64>,
    /// Whether the better of the two roadmaps reaches the proven optimum.
    proven: bool,
}

/// Solves the time-indexed model with integer variables, warm-started from the
/// heuristic, and keeps its roadmap when it is better (or places a mandatory
/// measure the heuristic could not). Measures it leaves out are offered to the
/// serial generator again, which also gives their reasons.
fn improve_exactly(
    problem: &Problem,
    heuristic: &Schedule,
    rule: Rule,
    enabler: &[f64],
    work: usize,
) -> ExactOutcome {
    let none = ExactOutcome {
        improved: None,
        optimum: None,
        proven: false,
    };
    let size = crate::schedule::bound::model_size(problem);
    if size * problem.periods.max(1) > EXACT_WORK_LIMIT {
        return none;
    }
    let hint: Vec<Option<usize>> = heuristic
        .slots
        .iter()
        .map(|slot| match slot {
            Slot::Start(s) => Some(*s),
            _ => None,
        })
        .collect();
    let Some(solved) = bound::exact(problem, exact_node_limit(size, work), Some(&hint)) else {
        return none;
    };
    let candidate = repair::decode_exact(
        problem,
        &solved.starts,
        &rules::list(problem, rule, enabler),
    );
    let missing = |s: &Schedule| s.shortfall(problem);
    let better = missing(&candidate) < missing(heuristic)
        || (missing(&candidate) == missing(heuristic)
            && candidate.objective > heuristic.objective + 1e-9);
    let optimum = solved.optimal.then_some(solved.objective);
    let kept = if better { &candidate } else { heuristic };
    let proven = optimum.is_some_and(|o| reaches(kept.objective, o)) && missing(kept) == 0;
    ExactOutcome {
        improved: better.then_some(candidate),
        optimum,
        proven,
    }
}
