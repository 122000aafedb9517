//! PSPLIB single-mode RCPSP instances (`.sm`) as portfolios, for benchmarks.
//!
//! Every job becomes a mandatory measure (periods are months; resource use per
//! period written as totals over the duration); the dummy sink becomes the
//! milestone `end` after the last jobs, carrying all the value, with
//! `evaluation_tail: 0`. Maximising resilience-periods then minimises the
//! makespan: the period in which `end` is reached. This mirrors
//! `to_portfolio.py` of the benchmark's distribution; the instance files are
//! not part of this repository.

use std::collections::BTreeMap;

/// One parsed instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// Jobs including the dummy source (1) and sink (last).
    pub jobs: usize,
    /// Successors of each job.
    pub successors: BTreeMap<usize, Vec<usize>>,
    /// Duration of each job.
    pub duration: BTreeMap<usize, usize>,
    /// Use of each resource per period, per job.
    pub usage: BTreeMap<usize, Vec<usize>>,
    /// Capacity of each resource.
    pub capacity: Vec<usize>,
}

/// Reads an instance; `None` when the text is not one.
pub fn parse(text: &str) -> Option<Instance> {
    let mut instance = Instance {
        jobs: 0,
        successors: BTreeMap::new(),
        duration: BTreeMap::new(),
        usage: BTreeMap::new(),
        capacity: Vec::new(),
    };
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("jobs (incl. supersource/sink ):") {
            instance.jobs = rest.trim().parse().ok()?;
        } else if line.starts_with("PRECEDENCE RELATIONS") {
            section = "precedence";
        } else if line.starts_with("REQUESTS/DURATIONS") {
            section = "requests";
        } else if line.starts_with("RESOURCEAVAILABILITIES") {
            section = "capacity";
        } else if line.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let numbers: Vec<usize> = line
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match section {
                "precedence" if numbers.len() >= 3 => {
                    instance
                        .successors
                        .insert(numbers[0], numbers[3..3 + numbers[2]].to_vec());
                }
                "requests" if numbers.len() >= 3 => {
                    instance.duration.insert(numbers[0], numbers[2]);
                    instance.usage.insert(numbers[0], numbers[3..].to_vec());
                }
                "capacity" => instance.capacity = numbers,
                _ => {}
            }
        }
    }
    Some(instance)
}

/// The portfolio of an instance, as `to_portfolio.py` writes it.
pub fn portfolio(name: &str, instance: &Instance) -> String {
    let (source, sink) = (1, instance.jobs);
    let mut predecessors: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&i, successors) in &instance.successors {
        for &j in successors {
            predecessors.entry(j).or_default().push(i);
        }
    }
    let horizon: usize = instance.duration.values().sum();
    let (years, month) = ((horizon - 1) / 12, (horizon - 1) % 12);
    let id = |j: usize| {
        if j == sink {
            "end".to_owned()
        } else {
            format!("job{j:03}")
        }
    };
    let mut out = vec![
        "version: 1".to_owned(),
        format!("name: PSPLIB {name}"),
        "currency: EUR".to_owned(),
        format!(
            "calendar: {{ period: month, start: 2027-01, end: {}-{:02}, evaluation_tail: 0 }}",
            2027 + years,
            month + 1
        ),
        "dimensions:".to_owned(),
        "  - { id: completion, name: Completion, weight: 1 }".to_owned(),
        "resources:".to_owned(),
    ];
    for (k, capacity) in instance.capacity.iter().enumerate() {
        out.push(format!(
            "  R{}: {{ unit: units, capacity: {capacity} }}",
            k + 1
        ));
    }
    out.push("measures:".to_owned());
    for j in 2..=sink {
        let duration = instance.duration.get(&j).copied().unwrap_or(0);
        let mut parts = vec![
            format!("id: {}", id(j)),
            format!("name: Job {j}"),
            format!("duration: {duration}"),
            "mandatory: true".to_owned(),
        ];
        let cost: Vec<String> = instance
            .usage
            .get(&j)
            .map(|u| {
                u.iter()
                    .enumerate()
                    .filter(|(_, u)| **u > 0)
                    .map(|(k, u)| format!("R{}: {}", k + 1, u * duration))
                    .collect()
            })
            .unwrap_or_default();
        if !cost.is_empty() {
            parts.push(format!("cost: {{ {} }}", cost.join(", ")));
        }
        parts.push(if j == sink {
            "impact: { completion: 5 }".to_owned()
        } else {
            "impact: {}".to_owned()
        });
        let deps: Vec<String> = predecessors
            .get(&j)
            .map(|p| p.iter().filter(|&&i| i != source).map(|&i| id(i)).collect())
            .unwrap_or_default();
        if !deps.is_empty() {
            parts.push(format!("depends_on: [{}]", deps.join(", ")));
        }
        out.push(format!("  - {{ {} }}", parts.join(", ")));
    }
    out.join("\n") + "\n"
}

/// The makespan of a planned instance: the period in which the milestone `end` is reached.
pub fn makespan(planning: &crate::pipeline::Planning) -> Option<usize> {
    let end = planning
        .scored
        .portfolio
        .measures
        .iter()
        .position(|m| m.id.value == "end")?;
    planning.planned.roadmap.placements.get(end)?.start()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up instance: jobs 2 and 3 both need 2 of 3 units, so they cannot overlap; 4 follows 2.
    const TINY: &str = "\
jobs (incl. supersource/sink ):  6
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          3           2   3   4
   2        1          1           4
   3        1          1           6
   4        1          1           5
   5        1          1           6
   6        1          0
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     2       2
  3      1     3       2
  4      1     1       1
  5      1     1       0
  6      1     0       0
RESOURCEAVAILABILITIES:
  R 1
    3
";

    #[test]
    fn converts_and_plans_to_the_optimal_makespan() {
        let instance = parse(TINY).expect("parses");
        assert_eq!(instance.jobs, 6);
        assert_eq!(instance.capacity, vec![3]);
        let text = portfolio("tiny", &instance);
        assert!(
            text.contains(
                "- { id: job002, name: Job 2, duration: 2, mandatory: true, cost: { R1: 4 }"
            ),
            "{text}"
        );
        let planning =
            crate::pipeline::plan_text(std::path::Path::new("tiny.yaml"), &text).expect("plans");
        // 2 then 3 (or 3 then 2) cannot overlap: 2 + 3 = 5 periods; 4 and 5 fit alongside job 3.
        assert_eq!(makespan(&planning), Some(5));
    }
}
