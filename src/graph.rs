//! Dependency graph of measures: owns every graph algorithm of the crate (ordering, cycle
//! detection, reachability, longest chains). This is the only module that uses `petgraph`;
//! its public API speaks plain `usize` node indices (`0..node_count`, portfolio order).
//! An edge `(dependency, dependent)` means "dependent depends on dependency".
//! All algorithms are iterative, so very long chains cannot overflow the stack.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use petgraph::Direction::{self, Incoming, Outgoing};
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

/// Directed graph of measures; edges point from a dependency to its dependent.
#[derive(Debug, Clone, Default)]
pub struct DependencyGraph {
    // `usize` indices: node counts beyond `u32::MAX` cannot overflow petgraph's index type.
    graph: DiGraph<(), (), usize>,
}

impl DependencyGraph {
    /// Build from node count and (dependency, dependent) edges. Duplicate edges are kept once;
    /// self-loops are kept (they form a cycle). Edges with an endpoint `>= node_count` are ignored.
    pub fn new(node_count: usize, edges: &[(usize, usize)]) -> Self {
        let mut distinct: Vec<(usize, usize)> = edges
            .iter()
            .copied()
            .filter(|&(a, b)| a < node_count && b < node_count)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut graph = DiGraph::with_capacity(node_count, distinct.len());
        for _ in 0..node_count {
            graph.add_node(());
        }
        for (a, b) in distinct {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        Self { graph }
    }

    /// Number of nodes (measures).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of distinct edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Direct dependencies of `node` (what it depends on), sorted ascending.
    /// Empty if `node` is out of range.
    pub fn dependencies(&self, node: usize) -> Vec<usize> {
        self.neighbors(node, Incoming)
    }

    /// Direct dependents of `node`, sorted ascending. Empty if `node` is out of range.
    pub fn dependents(&self, node: usize) -> Vec<usize> {
        self.neighbors(node, Outgoing)
    }

    /// All transitive dependencies, sorted ascending, excluding `node` itself unless it lies on
    /// a cycle through itself. Empty if `node` is out of range.
    pub fn ancestors(&self, node: usize) -> Vec<usize> {
        self.reach(node, Incoming)
    }

    /// All transitive dependents, sorted ascending (same self rule as [`Self::ancestors`]).
    pub fn descendants(&self, node: usize) -> Vec<usize> {
        self.reach(node, Outgoing)
    }

    /// Deterministic topological order (dependencies before dependents): Kahn's algorithm,
    /// ties broken by smallest node index. `None` if the graph has a cycle.
    pub fn topological_order(&self) -> Option<Vec<usize>> {
        self.topological_order_by(|_| ())
    }

    /// Topological order with ties among ready nodes broken by the smallest `key(node)`, then
    /// by node index. `None` if the graph has a cycle. `key` is called once per node.
    pub fn topological_order_by<K: Ord>(&self, key: impl Fn(usize) -> K) -> Option<Vec<usize>> {
        let mut indegree: Vec<usize> = self
            .graph
            .node_indices()
            .map(|n| self.graph.neighbors_directed(n, Incoming).count())
            .collect();
        let mut ready: BinaryHeap<Reverse<(K, usize)>> = indegree
            .iter()
            .enumerate()
            .filter(|&(_, &d)| d == 0)
            .map(|(i, _)| Reverse((key(i), i)))
            .collect();
        let mut order = Vec::with_capacity(indegree.len());
        while let Some(Reverse((_, node))) = ready.pop() {
            order.push(node);
            for next in self
                .graph
                .neighbors_directed(NodeIndex::new(node), Outgoing)
            {
                let d = &mut indegree[next.index()];
                *d -= 1;
                if *d == 0 {
                    ready.push(Reverse((key(next.index()), next.index())));
                }
            }
        }
        // Nodes on or behind a cycle never reach indegree 0.
        (order.len() == indegree.len()).then_some(order)
    }

    /// Every dependency cycle, one per strongly connected component that has more than one node
    /// or a self-loop. Each cycle is a path `[a, b, c]` read in "depends on" direction (a depends
    /// on b, b on c, c on a; a self-loop is `[a]`), starting at the component's smallest node and
    /// being a shortest cycle through it (BFS, ties broken by smallest index). Sorted by first node.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        // Fast path: Kahn is much cheaper than a full SCC decomposition.
        if self.topological_order().is_some() {
            return Vec::new();
        }
        let n = self.node_count();
        let mut component = vec![usize::MAX; n];
        let mut starts = Vec::new();
        for (id, scc) in kosaraju_scc(&self.graph).into_iter().enumerate() {
            for v in &scc {
                component[v.index()] = id;
            }
            let Some(start) = scc.iter().map(|v| v.index()).min() else {
                continue;
            };
            let s = NodeIndex::new(start);
            if scc.len() > 1 || self.graph.contains_edge(s, s) {
                starts.push(start);
            }
        }
        starts.sort_unstable();
        // `parent` is shared between BFS runs and reset after each, keeping the total O(V + E).
        let mut parent = vec![usize::MAX; n];
        let mut cycles = Vec::with_capacity(starts.len());
        let mut deps = Vec::new();
        for start in starts {
            let mut queue = VecDeque::from([start]);
            let mut touched = vec![start];
            parent[start] = start;
            let mut last = None;
            while let Some(v) = queue.pop_front() {
                deps.clear();
                deps.extend(self.graph.neighbors_directed(NodeIndex::new(v), Incoming));
                deps.sort_unstable();
                // BFS pops nodes by nondecreasing distance, so the first node depending on
                // `start` closes a shortest cycle.
                if deps.binary_search(&NodeIndex::new(start)).is_ok() {
                    last = Some(v);
                    break;
                }
                for d in deps.iter().map(|d| d.index()) {
                    if component[d] == component[start] && parent[d] == usize::MAX {
                        parent[d] = v;
                        touched.push(d);
                        queue.push_back(d);
                    }
                }
            }
            if let Some(mut v) = last {
                let mut path = vec![v];
                while v != start {
                    v = parent[v];
                    path.push(v);
                }
                path.reverse();
                cycles.push(path);
            }
            for t in touched {
                parent[t] = usize::MAX;
            }
        }
        cycles
    }

    /// For each node, the total duration of the longest dependency chain ending at it, including
    /// its own duration (`durations[i]` for node `i`, missing entries count as 0). Sums saturate.
    /// `None` if there is a cycle.
    pub fn longest_chains(&self, durations: &[u32]) -> Option<Vec<u64>> {
        let order = self.topological_order()?;
        let mut best = vec![0u64; order.len()];
        for v in order {
            let before = self
                .graph
                .neighbors_directed(NodeIndex::new(v), Incoming)
                .map(|d| best[d.index()])
                .max()
                .unwrap_or(0);
            best[v] = before.saturating_add(duration(durations, v));
        }
        Some(best)
    }

    /// The chain realising [`Self::longest_chains`] for `node`: nodes from the chain's first
    /// dependency to `node` itself, inclusive. Ties broken by smallest node index.
    /// `None` if there is a cycle or `node` is out of range.
    pub fn critical_chain(&self, durations: &[u32], node: usize) -> Option<Vec<usize>> {
        if node >= self.node_count() {
            return None;
        }
        let best = self.longest_chains(durations)?;
        let mut chain = vec![node];
        let mut v = node;
        // Walk back through the heaviest dependency, preferring the smallest index on ties.
        while let Some(d) = self
            .graph
            .neighbors_directed(NodeIndex::new(v), Incoming)
            .map(|d| d.index())
            .max_by_key(|&d| (best[d], Reverse(d)))
        {
            chain.push(d);
            v = d;
        }
        chain.reverse();
        Some(chain)
    }

    fn neighbors(&self, node: usize, dir: Direction) -> Vec<usize> {
        if node >= self.node_count() {
            return Vec::new();
        }
        let mut out: Vec<usize> = self
            .graph
            .neighbors_directed(NodeIndex::new(node), dir)
            .map(|n| n.index())
            .collect();
        out.sort_unstable();
        out
    }

    fn reach(&self, node: usize, dir: Direction) -> Vec<usize> {
        if node >= self.node_count() {
            return Vec::new();
        }
        let mut seen = vec![false; self.node_count()];
        let mut stack = vec![node];
        let mut out = Vec::new();
        while let Some(v) = stack.pop() {
            for next in self.graph.neighbors_directed(NodeIndex::new(v), dir) {
                if !seen[next.index()] {
                    seen[next.index()] = true;
                    out.push(next.index());
                    stack.push(next.index());
                }
            }
        }
        out.sort_unstable();
        out
    }
}

fn duration(durations: &[u32], node: usize) -> u64 {
    durations.get(node).copied().map_or(0, u64::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 3 -> {0, 2} -> 1 (1 depends on 0 and 2, both depend on 3), plus isolated 4.
    fn diamond() -> DependencyGraph {
        DependencyGraph::new(5, &[(3, 2), (3, 0), (2, 1), (0, 1)])
    }

    #[test]
    fn diamond_order_breaks_ties_by_index() {
        assert_eq!(diamond().topological_order(), Some(vec![3, 0, 2, 1, 4]));
    }

    #[test]
    fn order_by_key_then_index() {
        let g = DependencyGraph::new(4, &[(0, 3)]);
        let keys = [1, 0, 1, 0];
        assert_eq!(g.topological_order_by(|i| keys[i]), Some(vec![1, 0, 3, 2]));
    }

    #[test]
    fn three_cycle_in_depends_on_direction() {
        // 0 depends on 2, 2 depends on 1, 1 depends on 0; 3 depends on 0.
        let g = DependencyGraph::new(4, &[(2, 0), (1, 2), (0, 1), (0, 3)]);
        assert_eq!(g.cycles(), vec![vec![0, 2, 1]]);
        assert_eq!(g.topological_order(), None);
        assert_eq!(g.longest_chains(&[1; 4]), None);
        assert_eq!(g.critical_chain(&[1; 4], 3), None);
    }

    #[test]
    fn cycle_is_shortest_through_smallest_node() {
        // 0 -> 1 -> 2 -> 0 (length 3) and 0 -> 3 -> 0 (length 2), "->" meaning "depends on".
        let g = DependencyGraph::new(4, &[(1, 0), (2, 1), (0, 2), (3, 0), (0, 3)]);
        assert_eq!(g.cycles(), vec![vec![0, 3]]);
    }

    #[test]
    fn two_separate_cycles_sorted_by_first_node() {
        let edges = [(4, 2), (2, 4), (5, 1), (3, 5), (1, 3), (0, 1)];
        let g = DependencyGraph::new(6, &edges);
        assert_eq!(g.cycles(), vec![vec![1, 5, 3], vec![2, 4]]);
    }

    #[test]
    fn self_loop_is_a_cycle() {
        let g = DependencyGraph::new(3, &[(1, 1), (0, 1)]);
        assert_eq!(g.cycles(), vec![vec![1]]);
        assert_eq!(g.topological_order(), None);
        assert_eq!(g.ancestors(1), vec![0, 1]);
        assert_eq!(g.descendants(0), vec![1]);
        assert_eq!(g.dependencies(1), vec![0, 1]);
    }

    #[test]
    fn ancestors_and_descendants_on_diamond() {
        let g = diamond();
        assert_eq!(g.ancestors(1), vec![0, 2, 3]);
        assert_eq!(g.descendants(3), vec![0, 1, 2]);
        assert_eq!(g.ancestors(3), Vec::<usize>::new());
        assert_eq!(g.descendants(4), Vec::<usize>::new());
        assert_eq!(g.dependencies(1), vec![0, 2]);
        assert_eq!(g.dependents(3), vec![0, 2]);
        assert!(g.cycles().is_empty());
    }

    #[test]
    fn longest_chains_with_milestones_and_missing_durations() {
        // Node 1 is a zero-duration milestone; node 4 has no duration entry.
        let g = diamond();
        assert_eq!(g.longest_chains(&[5, 0, 2, 1]), Some(vec![6, 6, 3, 1, 0]));
        assert_eq!(g.critical_chain(&[5, 0, 2, 1], 1), Some(vec![3, 0, 1]));
        assert_eq!(g.critical_chain(&[1, 0, 2, 1], 1), Some(vec![3, 2, 1]));
        assert_eq!(g.critical_chain(&[], 4), Some(vec![4]));
        let max = DependencyGraph::new(2, &[(0, 1)]).longest_chains(&[u32::MAX; 2]);
        assert_eq!(
            max,
            Some(vec![u64::from(u32::MAX), 2 * u64::from(u32::MAX)])
        );
    }

    #[test]
    fn critical_chain_tie_breaks_by_smallest_index() {
        // Both paths through 0 and 2 weigh 3.
        assert_eq!(
            diamond().critical_chain(&[2, 0, 2, 1], 1),
            Some(vec![3, 0, 1])
        );
        assert_eq!(diamond().critical_chain(&[2, 0, 2, 1], 9), None);
    }

    #[test]
    fn out_of_range_and_duplicate_edges_are_ignored() {
        let edges = [(0, 1), (0, 1), (5, 1), (1, 7), (usize::MAX, 0)];
        let g = DependencyGraph::new(3, &edges);
        assert_eq!((g.node_count(), g.edge_count()), (3, 1));
        assert!(g.dependencies(7).is_empty() && g.ancestors(7).is_empty());
        assert_eq!(g.topological_order(), Some(vec![0, 1, 2]));
        assert!(DependencyGraph::new(0, &[(0, 0)]).cycles().is_empty());
    }

    #[test]
    fn long_chain_does_not_overflow_the_stack() {
        const N: usize = 200_000;
        let mut edges: Vec<(usize, usize)> = (1..N).map(|i| (i - 1, i)).collect();
        let g = DependencyGraph::new(N, &edges);
        let ones = vec![1; N];
        assert_eq!(g.topological_order(), Some((0..N).collect()));
        assert!(g.cycles().is_empty());
        let chains = g.longest_chains(&ones).unwrap_or_default();
        assert_eq!(chains.last(), Some(&(N as u64)));
        assert_eq!(g.critical_chain(&ones, N - 1).map(|c| c.len()), Some(N));
        // Closing the chain: 0 depends on N-1, so the cycle reads 0, N-1, N-2, ..., 1.
        edges.push((N - 1, 0));
        let cycles = DependencyGraph::new(N, &edges).cycles();
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].len(), N);
        assert_eq!(cycles[0][..3], [0, N - 1, N - 2]);
    }

    proptest! {
        #[test]
        fn random_dags_are_ordered_and_chains_are_consistent(
            n in 1usize..40,
            raw in prop::collection::vec((0usize..40, 0usize..40), 0..120),
            durations in prop::collection::vec(0u32..1000, 0..40),
        ) {
            let edges: Vec<(usize, usize)> = raw
                .into_iter()
                .map(|(a, b)| (a % n, b % n))
                .filter(|(a, b)| a != b)
                .map(|(a, b)| (a.min(b), a.max(b)))
                .collect();
            let g = DependencyGraph::new(n, &edges);
            let order = g.topological_order();
            prop_assert!(order.is_some());
            let order = order.unwrap_or_default();
            let mut position = vec![usize::MAX; n];
            for (p, &v) in order.iter().enumerate() {
                prop_assert_eq!(position[v], usize::MAX);
                position[v] = p;
            }
            prop_assert_eq!(order.len(), n);
            let chains = g.longest_chains(&durations).unwrap_or_default();
            prop_assert_eq!(chains.len(), n);
            for &(a, b) in &edges {
                prop_assert!(position[a] < position[b]);
                let own = u64::from(durations.get(b).copied().unwrap_or(0));
                prop_assert!(chains[b] >= chains[a] + own);
            }
            prop_assert!(g.cycles().is_empty());
        }
    }
}
