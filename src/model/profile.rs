//! Payment profiles stretched to another duration: when a measure's duration changes (a
//! `--set` or a re-plan's drawn duration in `robustness`, a run's in `simulate`), its
//! `cost_profile` keeps its shape. Each new period takes the part of the profile that
//! falls in it when both span the same time, so the shares keep their sum, and the same
//! length keeps the profile as it is.

/// `profile` stretched (or shrunk) to `duration` periods into `out` (cleared first);
/// empty stays empty, and a duration of 0 gives nothing.
pub fn stretch_into(profile: &[f64], duration: usize, out: &mut Vec<f64>) {
    out.clear();
    if profile.is_empty() || duration == 0 {
        return;
    }
    if profile.len() == duration {
        out.extend_from_slice(profile);
        return;
    }
    let given = profile.len() as f64;
    // The profile's area from its start to `x` (in its own periods).
    let area = |x: f64| -> f64 {
        let whole = (x.floor() as usize).min(profile.len());
        let before: f64 = profile[..whole].iter().sum();
        before
            + profile
                .get(whole)
                .map_or(0.0, |share| share * (x - whole as f64))
    };
    let mut from = 0.0;
    for i in 1..=duration {
        let to = area(i as f64 * given / duration as f64);
        out.push(to - from);
        from = to;
    }
}

/// [`stretch_into`] into a new vector.
pub fn stretch(profile: &[f64], duration: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(duration);
    stretch_into(profile, duration, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::stretch;

    fn stretched(profile: &[f64], duration: usize) -> Vec<f64> {
        (stretch(profile, duration).iter())
            .map(|s| (s * 1e9).round() / 1e9)
            .collect()
    }

    #[test]
    fn a_profile_stretches_and_shrinks_to_another_duration_keeping_its_sum() {
        assert_eq!(stretched(&[0.3, 0.5, 0.2], 3), [0.3, 0.5, 0.2]);
        // Six periods: each given period's share in two halves.
        assert_eq!(
            stretched(&[0.3, 0.5, 0.2], 6),
            [0.15, 0.15, 0.25, 0.25, 0.1, 0.1]
        );
        // Two periods of one and a half given periods each.
        assert_eq!(stretched(&[0.25, 0.5, 0.25], 2), [0.5, 0.5]);
        // Shares as written (not summing to 1) keep their sum.
        assert_eq!(stretched(&[1.0, 3.0], 4), [0.5, 0.5, 1.5, 1.5]);
        assert_eq!(stretched(&[0.2, 0.8], 1), [1.0]);
        assert!(stretched(&[], 4).is_empty());
        assert!(stretched(&[1.0], 0).is_empty());
    }
}
