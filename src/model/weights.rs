//! Pairwise weighting (AHP): dimension weights derived from comparisons on Saaty's scale,
//! and how consistent the comparisons are.
//!
//! `[a, b]: 3` says that dimension `a` matters three times as much as `b`; `1/3` the
//! reverse. The weights are the principal eigenvector of the reciprocal matrix (Saaty) or
//! the normalised geometric means of its rows; the consistency ratio compares the
//! matrix's deviation from a perfectly consistent one (`λmax − n`) with that of random
//! matrices. Everything here is arithmetic and `sqrt`-free iteration, so the numbers are
//! the same on every platform (no `ln`, `exp` or `powf`, whose last bits differ between
//! math libraries).

use crate::diagnostic::source::{Located, Span};
use serde::Serialize;

/// Above this consistency ratio the comparisons count as inconsistent (Saaty's 10 %).
pub const CONSISTENCY_LIMIT: f64 = 0.1;

/// The smallest and largest value on Saaty's scale.
pub const SCALE: (f64, f64) = (1.0 / 9.0, 9.0);

/// How the weights are derived from the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Derivation {
    /// The principal eigenvector (Saaty), by power iteration.
    #[default]
    Eigenvector,
    /// The geometric mean of each row, normalised (Crawford and Williams).
    GeometricMean,
}

impl Derivation {
    /// Every derivation, in the order messages list them.
    pub const ALL: [Derivation; 2] = [Derivation::Eigenvector, Derivation::GeometricMean];

    /// The keyword in files: `eigenvector`, `geometric_mean`.
    pub fn keyword(self) -> &'static str {
        match self {
            Derivation::Eigenvector => "eigenvector",
            Derivation::GeometricMean => "geometric_mean",
        }
    }
}

/// One comparison: `first` matters `value` times as much as `second`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The dimension on the left of the pair.
    pub first: Located<String>,
    /// The dimension on the right.
    pub second: Located<String>,
    /// How many times as much `first` matters (1/9 to 9).
    pub value: Located<f64>,
    /// Where the pair (the key) was written.
    #[serde(skip)]
    pub span: Span,
}

/// A portfolio's pairwise weighting, as written and as derived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pairwise {
    /// How the weights are derived.
    pub derivation: Derivation,
    /// The comparisons, in file order.
    pub comparisons: Vec<Comparison>,
    /// The derived weights and their consistency.
    pub derived: Derived,
    /// Where `weights` was written.
    #[serde(skip)]
    pub span: Span,
}

/// Weights derived from a complete comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    /// Dimension ids, in the order of the matrix (the portfolio's).
    pub dimensions: Vec<String>,
    /// Share of each dimension (they sum to 1).
    pub shares: Vec<f64>,
    /// The principal eigenvalue estimate: the mean of `(A w)_i / w_i`.
    pub lambda_max: f64,
    /// Consistency index `(λmax − n) / (n − 1)` (0 for n ≤ 2).
    pub consistency_index: f64,
    /// Random index of an `n × n` matrix (Saaty; Alonso and Lamata beyond 10).
    pub random_index: f64,
    /// Consistency ratio CI / RI (0 for n ≤ 2).
    pub consistency_ratio: f64,
    /// The comparison that deviates most from what the weights imply, with the value they
    /// imply (index into the comparisons); `None` when every one agrees.
    pub worst: Option<Worst>,
}

/// The comparison least in line with the derived weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worst {
    /// Index into [`Pairwise::comparisons`].
    pub comparison: usize,
    /// `w_first / w_second`: what the weights imply.
    pub implied: f64,
    /// The value on Saaty's scale nearest to `implied`.
    pub suggested: f64,
}

impl Derived {
    /// Whether the ratio is above [`CONSISTENCY_LIMIT`].
    pub fn inconsistent(&self) -> bool {
        self.consistency_ratio > CONSISTENCY_LIMIT
    }
}

/// Random indices of Saaty for n = 1..=10.
const RANDOM_INDEX: [f64; 10] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// The random index of an `n × n` matrix: Saaty's table to 10, then Alonso and Lamata's
/// fit `(1.7699 n − 4.3513) / (n − 1)`, which meets the table at 10.
pub fn random_index(n: usize) -> f64 {
    match n {
        0 => 0.0,
        1..=10 => RANDOM_INDEX[n - 1],
        _ => (1.7699 * n as f64 - 4.3513) / (n as f64 - 1.0),
    }
}

/// Derives weights from a complete reciprocal matrix `matrix[i][j]` (`matrix[i][i] = 1`,
/// `matrix[j][i] = 1 / matrix[i][j]`). `comparisons` are `(i, j, value)` as written, to
/// find the worst one.
pub fn derive(
    dimensions: Vec<String>,
    matrix: &[Vec<f64>],
    comparisons: &[(usize, usize, f64)],
    derivation: Derivation,
) -> Derived {
    let n = matrix.len();
    let shares = match derivation {
        Derivation::Eigenvector => eigenvector(matrix),
        Derivation::GeometricMean => geometric_means(matrix),
    };
    let lambda_max = if n == 0 {
        0.0
    } else {
        (0..n)
            .map(|i| {
                let row: f64 = (0..n).map(|j| matrix[i][j] * shares[j]).sum();
                row / shares[i]
            })
            .sum::<f64>()
            / n as f64
    };
    let (consistency_index, random_index, consistency_ratio) = if n <= 2 {
        (0.0, random_index(n), 0.0)
    } else {
        let ci = ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0);
        let ri = random_index(n);
        (ci, ri, ci / ri)
    };
    let worst = comparisons
        .iter()
        .enumerate()
        .map(|(k, &(i, j, value))| {
            let implied = shares[i] / shares[j];
            (k, implied, apart(value, implied))
        })
        .filter(|(_, _, apart)| *apart > 1.0 + 1e-9)
        .fold(None, |best: Option<(usize, f64, f64)>, item| match best {
            Some(b) if b.2 >= item.2 => Some(b),
            _ => Some(item),
        })
        .map(|(comparison, implied, _)| Worst {
            comparison,
            implied,
            suggested: nearest_on_scale(implied),
        });
    Derived {
        dimensions,
        shares,
        lambda_max,
        consistency_index,
        random_index,
        consistency_ratio,
        worst,
    }
}

/// How far apart two positive ratios are, as a factor of at least 1.
fn apart(a: f64, b: f64) -> f64 {
    if a >= b { a / b } else { b / a }
}

/// The value of Saaty's scale (1/9 … 1/2, 1, 2 … 9) nearest to `ratio`, by factor.
pub fn nearest_on_scale(ratio: f64) -> f64 {
    let scale = (1..=9)
        .rev()
        .map(|k| 1.0 / k as f64)
        .chain((2..=9).map(f64::from));
    scale.fold(1.0, |best, value| {
        if apart(value, ratio) < apart(best, ratio) {
            value
        } else {
            best
        }
    })
}

/// A value of Saaty's scale as written: `3` or `1/3`.
pub fn scale_text(value: f64) -> String {
    if value >= 1.0 {
        format!("{}", value.round())
    } else {
        format!("1/{}", (1.0 / value).round())
    }
}

/// The principal eigenvector, normalised to sum 1, by power iteration (a positive matrix
/// has one, and the iteration converges to it from any positive start).
fn eigenvector(matrix: &[Vec<f64>]) -> Vec<f64> {
    let n = matrix.len();
    let mut w = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let mut next: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| matrix[i][j] * w[j]).sum())
            .collect();
        let total: f64 = next.iter().sum();
        for v in &mut next {
            *v /= total;
        }
        let change = next
            .iter()
            .zip(&w)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        w = next;
        if change <= 1e-15 {
            break;
        }
    }
    w
}

/// The geometric mean of each row, normalised to sum 1.
fn geometric_means(matrix: &[Vec<f64>]) -> Vec<f64> {
    let n = matrix.len();
    let means: Vec<f64> = matrix
        .iter()
        .map(|row| root(row.iter().product(), n))
        .collect();
    let total: f64 = means.iter().sum();
    means.into_iter().map(|m| m / total).collect()
}

/// The `n`-th root of a positive `value` by Newton's method from above, in arithmetic only.
pub fn root(value: f64, n: usize) -> f64 {
    if n <= 1 || value == 1.0 || !(value.is_finite() && value > 0.0) {
        return value;
    }
    if value < 1.0 {
        return 1.0 / root(1.0 / value, n);
    }
    // A start above the root: 2^k with 2^(k n) ≥ value.
    let mut x = 1.0;
    let mut power = 1.0;
    while power < value {
        x *= 2.0;
        power = (0..n).fold(1.0, |p, _| p * x);
    }
    let k = n as f64;
    loop {
        let below = (0..n - 1).fold(1.0, |p, _| p * x);
        let next = ((k - 1.0) * x + value / below) / k;
        // From above, Newton's steps decrease until round-off: stop at the first that does not.
        if next >= x {
            return x;
        }
        x = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize, comparisons: &[(usize, usize, f64)]) -> Vec<Vec<f64>> {
        let mut m = vec![vec![1.0; n]; n];
        for &(i, j, v) in comparisons {
            m[i][j] = v;
            m[j][i] = 1.0 / v;
        }
        m
    }

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("d{i}")).collect()
    }

    #[test]
    fn a_consistent_matrix_gives_its_weights_and_a_ratio_of_zero() {
        // Weights 4 : 2 : 1 : 1 → every ratio exact.
        let comparisons = [
            (0, 1, 2.0),
            (0, 2, 4.0),
            (0, 3, 4.0),
            (1, 2, 2.0),
            (1, 3, 2.0),
            (2, 3, 1.0),
        ];
        let m = matrix(4, &comparisons);
        for derivation in Derivation::ALL {
            let d = derive(names(4), &m, &comparisons, derivation);
            let expected = [0.5, 0.25, 0.125, 0.125];
            for (got, want) in d.shares.iter().zip(expected) {
                assert!((got - want).abs() < 1e-12, "{derivation:?}: {:?}", d.shares);
            }
            assert!((d.lambda_max - 4.0).abs() < 1e-12);
            assert!(d.consistency_ratio.abs() < 1e-12, "{}", d.consistency_ratio);
            assert!(d.worst.is_none(), "{:?}", d.worst);
        }
    }

    #[test]
    fn an_inconsistent_matrix_names_the_comparison_that_deviates_most() {
        // Weights 4 : 2 : 1 : 1 again, except that the last pair says 7 instead of 1.
        let comparisons = [
            (0, 1, 2.0),
            (0, 2, 4.0),
            (0, 3, 4.0),
            (1, 2, 2.0),
            (1, 3, 2.0),
            (2, 3, 7.0),
        ];
        let m = matrix(4, &comparisons);
        let d = derive(names(4), &m, &comparisons, Derivation::Eigenvector);
        assert!(d.inconsistent(), "{}", d.consistency_ratio);
        let worst = d.worst.expect("a worst comparison");
        assert_eq!(worst.comparison, 5);
        assert!(worst.suggested < 7.0, "{worst:?}");
        // A 3×3 circle (a > b > c > a) is as inconsistent as it gets.
        let circle = [(0, 1, 3.0), (1, 2, 3.0), (0, 2, 0.2)];
        let d = derive(
            names(3),
            &matrix(3, &circle),
            &circle,
            Derivation::GeometricMean,
        );
        assert!(d.consistency_ratio > 1.0, "{}", d.consistency_ratio);
    }

    #[test]
    fn the_random_index_continues_the_table_smoothly() {
        assert_eq!(random_index(2), 0.0);
        assert!((random_index(10) - 1.49).abs() < 0.01);
        assert!(random_index(11) > random_index(10) && random_index(50) < 1.75);
    }

    #[test]
    fn roots_and_the_scale_are_exact_where_they_can_be() {
        assert_eq!(root(8.0, 3), 2.0);
        assert_eq!(root(1.0 / 8.0, 3), 0.5);
        assert_eq!(root(81.0, 4), 3.0);
        assert!((root(9f64.powi(50), 50) - 9.0).abs() < 1e-12);
        assert_eq!(nearest_on_scale(2.9), 3.0);
        assert_eq!(nearest_on_scale(0.52), 0.5);
        assert_eq!(nearest_on_scale(100.0), 9.0);
        assert_eq!(nearest_on_scale(1.0), 1.0);
    }
}
