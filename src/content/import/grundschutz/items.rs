//! What the import writes, before it is text: one item per measure (a control, a work
//! package or the milestone that ends a stage), the milestones between the stages, and
//! what the mandatory items need of the horizon and the staff.

use super::Horizon;
use super::tables::Stage;

/// What an item stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// One control.
    Control,
    /// A practice's controls of one stage (`--per-practice`).
    Package,
    /// The milestone at the end of a stage.
    Gate,
}

/// One measure to write.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    /// The measure id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it stands for.
    pub kind: Kind,
    /// The stage it is planned in (none for a milestone between stages).
    pub stage: Option<Stage>,
    /// The practice (top-level group id).
    pub area: Option<String>,
    /// Duration in periods (0 for a milestone).
    pub periods: u32,
    /// Own staff effort in person-days.
    pub person_days: f64,
    /// The effort level of a control, for messages.
    pub effort: Option<usize>,
    /// Score per dimension.
    pub impact: Vec<(&'static str, f64)>,
    /// Indices of the items it needs.
    pub depends_on: Vec<usize>,
    /// The roadmap must hold it.
    pub mandatory: bool,
    /// Implemented before the horizon (`status: done`).
    pub done: bool,
    /// Leaving it out needs a risk acceptance by management (a SOLLTE requirement).
    pub risk_acceptance: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// Where it comes from.
    pub source: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// The evidence documents it produces.
    pub documents: Vec<String>,
}

/// Makes the stages follow each other: every open item of a stage waits for the end of the
/// stage before, which is a milestone (`gs-stufe-…`) that needs every open item of that
/// stage, or the stage's only open item itself. Stages whose items are all done hold
/// nothing up.
pub(super) fn add_gates(items: &mut Vec<Item>) {
    let mut stages: Vec<Stage> = items
        .iter()
        .filter(|i| !i.done)
        .filter_map(|i| i.stage)
        .collect();
    stages.sort();
    stages.dedup();
    let Some((_, earlier)) = stages.split_last() else {
        return;
    };
    let members = |items: &[Item], stage: Stage| -> Vec<usize> {
        (0..items.len())
            .filter(|&i| !items[i].done && items[i].stage == Some(stage))
            .collect()
    };
    for (k, &stage) in earlier.iter().enumerate() {
        let open = members(items, stage);
        let end = match open.as_slice() {
            [only] => *only,
            _ => {
                items.push(gate(k + 1, stage, open));
                items.len() - 1
            }
        };
        for i in members(items, stages[k + 1]) {
            if !items[i].depends_on.contains(&end) {
                items[i].depends_on.push(end);
            }
        }
    }
}

/// The milestone at the end of stage number `number` (from 1).
fn gate(number: usize, stage: Stage, members: Vec<usize>) -> Item {
    Item {
        id: format!("gs-stufe-{}", stage.slug()),
        name: format!(
            "Stufe {number} erreicht: alle {}-Anforderungen ({}) umgesetzt",
            stage.modal.keyword(),
            stage.level.keyword()
        ),
        kind: Kind::Gate,
        stage: None,
        area: None,
        periods: 0,
        person_days: 0.0,
        effort: None,
        impact: Vec::new(),
        depends_on: members,
        mandatory: false,
        done: false,
        risk_acceptance: false,
        tags: vec!["stufe".to_owned()],
        source: None,
        notes: Some(
            "Meilenstein der BSI-Reihenfolge (normal-SdT vor erhöht; MUSS vor SOLLTE vor KANN): \
             die Anforderungen der nächsten Stufe beginnen erst, wenn alle dieser Stufe umgesetzt \
             sind, unabhängig von ihren Kosten."
                .to_owned(),
        ),
        documents: Vec::new(),
    }
}

/// Makes every id unique: an id already taken gets `-2`, `-3`, … (a catalog could name a
/// control like a milestone).
pub(super) fn unique_ids(items: &mut [Item]) {
    let mut taken = std::collections::HashSet::new();
    for item in items.iter_mut() {
        if !taken.insert(item.id.clone()) {
            let mut n = 2;
            while taken.contains(&format!("{}-{n}", item.id)) {
                n += 1;
            }
            item.id = format!("{}-{n}", item.id);
            taken.insert(item.id.clone());
        }
    }
}

/// What the mandatory items need of the horizon and the staff.
#[derive(Debug, Clone, Copy)]
pub(super) struct Needs {
    /// Most person-days the mandatory items and their prerequisites use in one period
    /// when every one starts as early as its dependencies allow.
    pub mandatory_peak: f64,
}

impl Needs {
    /// The needs, or why the horizon is too short (a usage error).
    pub(super) fn of(items: &[Item], horizon: &Horizon) -> Result<Needs, String> {
        let periods = horizon.periods();
        let plural = horizon.kind.plural();
        let open = || items.iter().filter(|i| !i.done);
        // `rev`: of the longest, name the first in the catalog.
        if let Some(longest) = open().rev().max_by_key(|i| i.periods) {
            let d = longest.periods as usize;
            if d > periods {
                let what = match longest.effort {
                    Some(level) => format!("effort level {level}"),
                    None => "a work package".to_owned(),
                };
                return Err(format!(
                    "the horizon {}–{} has {periods} {plural}, but {what} lasts {d} {plural} (`{}` and others); \
                     use a later --end or a longer --period",
                    horizon.start, horizon.end, longest.id
                ));
            }
        }
        let starts = earliest_starts(items);
        // The mandatory items and everything they need.
        let mut needed = vec![false; items.len()];
        let mut stack: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].mandatory && !items[i].done)
            .collect();
        while let Some(i) = stack.pop() {
            if !needed[i] && !items[i].done {
                needed[i] = true;
                stack.extend(&items[i].depends_on);
            }
        }
        let mut load = vec![0.0_f64; periods];
        for (i, item) in items.iter().enumerate().filter(|(i, _)| needed[*i]) {
            let (s, d) = (starts[i] as usize, item.periods as usize);
            if s + d > periods && item.mandatory {
                let what = match item.kind {
                    Kind::Package => "work package",
                    Kind::Control | Kind::Gate => "control",
                };
                return Err(format!(
                    "mandatory {what} `{}` cannot finish within the horizon {}–{} ({periods} {plural}): with its \
                     prerequisites it needs {} {plural}; use a later --end",
                    item.id,
                    horizon.start,
                    horizon.end,
                    s + d
                ));
            }
            if d > 0 {
                let rate = item.person_days / d as f64;
                for period in load.iter_mut().skip(s).take(d) {
                    *period += rate;
                }
            }
        }
        Ok(Needs {
            mandatory_peak: load.iter().copied().fold(0.0, f64::max),
        })
    }
}

/// Earliest start of every item (in periods) if nothing but dependencies held it back; done
/// items are complete before the horizon. The items' dependencies form no cycle.
pub(super) fn earliest_starts(items: &[Item]) -> Vec<u32> {
    let n = items.len();
    let mut waiting: Vec<usize> = items.iter().map(|i| i.depends_on.len()).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, item) in items.iter().enumerate() {
        for &i in &item.depends_on {
            dependents[i].push(j);
        }
    }
    let mut start = vec![0_u32; n];
    let mut ready: Vec<usize> = (0..n).filter(|&j| waiting[j] == 0).collect();
    while let Some(i) = ready.pop() {
        let finish = if items[i].done {
            0
        } else {
            start[i] + items[i].periods
        };
        for &j in &dependents[i] {
            start[j] = start[j].max(finish);
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.push(j);
            }
        }
    }
    start
}
