//! Maximum-weight closure by minimum cut: choose a set of nodes, closed under
//! implications (`a` chosen ⇒ `b` chosen), of the greatest total weight.
//!
//! The Lagrangian relaxation with precedence needs it: with the capacity rows priced,
//! "measure j has started by period t" for every j and t is such a node, and both
//! "started by t ⇒ started by t + 1" and "j started by t ⇒ its prerequisite started by
//! t − duration" are implications. Closure problems are solved exactly by a minimum cut
//! (Picard 1976): source → node with the weight of a positive node, node → sink with that
//! of a negative one, and an uncuttable arc for every implication. The maximum flow is
//! found by Dinic's algorithm (breadth-first levels, blocking flows along them).
//!
//! Soundness does not rest on the flow being maximal: every feasible flow `F` gives
//! `Σ positive weights − F ≥` the best closure's weight, by weak duality. So the value
//! returned is always an upper bound, and equal to the optimum when the flow is maximal.

/// No arc: the end of an adjacency list.
const NONE: u32 = u32::MAX;

/// The implication structure, built once; solved for many weight vectors.
#[derive(Debug, Clone)]
pub(super) struct Closure {
    nodes: usize,
    /// First arc of each node's list (source and sink are the last two nodes).
    head: Vec<u32>,
    to: Vec<u32>,
    next: Vec<u32>,
    /// Capacity of each arc as built: infinite for implications, 0 for their reverses;
    /// source and sink arcs are set per solve.
    initial: Vec<f64>,
    /// Per node: its source arc and its sink arc.
    terminal: Vec<(u32, u32)>,
}

/// A solved closure problem.
#[derive(Debug, Clone)]
pub(super) struct Chosen {
    /// An upper bound on the best closure's weight (equal to it up to round-off).
    pub value: f64,
    /// Per node: whether it is in the closure found.
    pub chosen: Vec<bool>,
    /// Arcs looked at to find it: a measure of the work done, the same on every machine.
    pub work: usize,
}

impl Closure {
    /// `nodes` nodes and the implications `(a, b)`: `a` chosen ⇒ `b` chosen.
    pub(super) fn new(nodes: usize, implications: &[(usize, usize)]) -> Closure {
        let (source, sink) = (nodes, nodes + 1);
        let mut closure = Closure {
            nodes,
            head: vec![NONE; nodes + 2],
            to: Vec::new(),
            next: Vec::new(),
            initial: Vec::new(),
            terminal: Vec::with_capacity(nodes),
        };
        for &(a, b) in implications {
            closure.arc(a, b, f64::INFINITY);
        }
        for v in 0..nodes {
            let from_source = closure.arc(source, v, 0.0);
            let to_sink = closure.arc(v, sink, 0.0);
            closure.terminal.push((from_source, to_sink));
        }
        closure
    }

    /// Number of nodes (without source and sink).
    pub(super) fn nodes(&self) -> usize {
        self.nodes
    }

    /// Adds an arc and its reverse; the arc's index.
    fn arc(&mut self, from: usize, to: usize, capacity: f64) -> u32 {
        let index = self.to.len() as u32;
        for (a, b, c) in [(from, to, capacity), (to, from, 0.0)] {
            self.to.push(b as u32);
            self.next.push(self.head[a]);
            self.initial.push(c);
            self.head[a] = self.to.len() as u32 - 1;
        }
        index
    }

    /// The best closure for `weights` (one per node).
    pub(super) fn solve(&self, weights: &[f64]) -> Chosen {
        let (source, sink) = (self.nodes, self.nodes + 1);
        let mut residual = self.initial.clone();
        let mut positive = 0.0;
        let mut largest: f64 = 0.0;
        for (v, &w) in weights.iter().enumerate() {
            let (s, t) = self.terminal[v];
            if w > 0.0 {
                residual[s as usize] = w;
                positive += w;
            } else if w < 0.0 {
                residual[t as usize] = -w;
            }
            largest = largest.max(w.abs());
        }
        // Residuals this small count as saturated: they cannot move the value, and
        // chasing them would only cost time. The value stays sound (see the module doc).
        let epsilon = largest * 1e-12;
        let mut flow = 0.0;
        let mut work = 0;
        let mut level = vec![u32::MAX; self.nodes + 2];
        let mut queue = Vec::with_capacity(self.nodes + 2);
        loop {
            work += self.to.len();
            if !self.levels(&residual, epsilon, &mut level, &mut queue) {
                break;
            }
            let mut current = self.head.clone();
            loop {
                let (pushed, looked_at) =
                    self.augment(&mut residual, epsilon, &mut level, &mut current);
                work += looked_at;
                if pushed <= 0.0 {
                    break;
                }
                flow += pushed;
            }
        }
        // The source side of the minimum cut: what the source still reaches.
        let mut reached = vec![false; self.nodes + 2];
        reached[source] = true;
        queue.clear();
        queue.push(source as u32);
        while let Some(v) = queue.pop() {
            let mut e = self.head[v as usize];
            while e != NONE {
                let u = self.to[e as usize] as usize;
                if !reached[u] && residual[e as usize] > epsilon {
                    reached[u] = true;
                    queue.push(u as u32);
                }
                e = self.next[e as usize];
            }
        }
        debug_assert!(!reached[sink]);
        reached.truncate(self.nodes);
        Chosen {
            value: positive - flow,
            chosen: reached,
            work,
        }
    }

    /// Breadth-first levels from the source over arcs with residual; whether the sink is reached.
    fn levels(
        &self,
        residual: &[f64],
        epsilon: f64,
        level: &mut [u32],
        queue: &mut Vec<u32>,
    ) -> bool {
        let (source, sink) = (self.nodes, self.nodes + 1);
        level.fill(u32::MAX);
        level[source] = 0;
        queue.clear();
        queue.push(source as u32);
        let mut i = 0;
        while i < queue.len() {
            let v = queue[i] as usize;
            i += 1;
            let mut e = self.head[v];
            while e != NONE {
                let u = self.to[e as usize] as usize;
                if level[u] == u32::MAX && residual[e as usize] > epsilon {
                    level[u] = level[v] + 1;
                    queue.push(u as u32);
                }
                e = self.next[e as usize];
            }
        }
        level[sink] != u32::MAX
    }

    /// One augmenting path along the levels (iteratively, so long chains cannot overflow
    /// the stack); the flow pushed, 0 when the blocking flow is complete, and the arcs
    /// looked at.
    fn augment(
        &self,
        residual: &mut [f64],
        epsilon: f64,
        level: &mut [u32],
        current: &mut [u32],
    ) -> (f64, usize) {
        let (source, sink) = (self.nodes, self.nodes + 1);
        let mut path: Vec<u32> = Vec::new();
        let mut looked_at = 0;
        let mut v = source;
        loop {
            if v == sink {
                let pushed = path
                    .iter()
                    .map(|&e| residual[e as usize])
                    .fold(f64::INFINITY, f64::min);
                for &e in &path {
                    residual[e as usize] -= pushed;
                    residual[(e ^ 1) as usize] += pushed;
                }
                return (pushed, looked_at);
            }
            let mut advanced = false;
            while current[v] != NONE {
                let e = current[v];
                looked_at += 1;
                let u = self.to[e as usize] as usize;
                if residual[e as usize] > epsilon && level[u] == level[v] + 1 {
                    path.push(e);
                    v = u;
                    advanced = true;
                    break;
                }
                current[v] = self.next[e as usize];
            }
            if !advanced {
                if v == source {
                    return (0.0, looked_at);
                }
                // A dead end: no path to the sink through `v` in this phase.
                level[v] = u32::MAX;
                let e = path.pop().unwrap_or(NONE);
                v = self.to[(e ^ 1) as usize] as usize;
                current[v] = self.next[e as usize];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best closure by trying every subset.
    fn brute_force(nodes: usize, implications: &[(usize, usize)], weights: &[f64]) -> f64 {
        (0u32..1 << nodes)
            .filter(|set| {
                implications
                    .iter()
                    .all(|&(a, b)| set & (1 << a) == 0 || set & (1 << b) != 0)
            })
            .map(|set| {
                (0..nodes)
                    .filter(|&v| set & (1 << v) != 0)
                    .map(|v| weights[v])
                    .sum()
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn a_valuable_node_takes_its_costly_prerequisite_only_when_it_pays() {
        let closure = Closure::new(2, &[(0, 1)]);
        let pays = closure.solve(&[5.0, -3.0]);
        assert!((pays.value - 2.0).abs() < 1e-9);
        assert_eq!(pays.chosen, vec![true, true]);
        let does_not = closure.solve(&[5.0, -8.0]);
        assert!(does_not.value.abs() < 1e-9);
        assert_eq!(does_not.chosen, vec![false, false]);
    }

    #[test]
    fn matches_brute_force_on_small_random_problems() {
        let mut state = 12345u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        for _ in 0..300 {
            let nodes = 2 + next() % 9;
            let arcs = next() % (2 * nodes);
            let implications: Vec<(usize, usize)> = (0..arcs)
                .map(|_| (next() % nodes, next() % nodes))
                .filter(|(a, b)| a != b)
                .collect();
            let weights: Vec<f64> = (0..nodes).map(|_| (next() % 21) as f64 - 10.0).collect();
            let closure = Closure::new(nodes, &implications);
            let solved = closure.solve(&weights);
            let best = brute_force(nodes, &implications, &weights);
            assert!((solved.value - best).abs() < 1e-9, "{solved:?} vs {best}");
            // The set found is closed and has that weight.
            for &(a, b) in &implications {
                assert!(!solved.chosen[a] || solved.chosen[b]);
            }
            let weight: f64 = (0..nodes)
                .filter(|&v| solved.chosen[v])
                .map(|v| weights[v])
                .sum();
            assert!((weight - best).abs() < 1e-9);
        }
    }
}
