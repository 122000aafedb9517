//! Did-you-mean: the closest valid name for a misspelt one.

/// The option closest to `input`, if any is close enough to be a likely typo.
///
/// Ties go to the earlier option, so results do not depend on hash order.
pub fn closest<'a>(input: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for option in options {
        let option_lower = option.to_lowercase();
        let similarity = strsim::jaro_winkler(&input_lower, &option_lower);
        let distance = strsim::levenshtein(&input_lower, &option_lower);
        // Very short names are too easily "close": require them to be nearly equal.
        let length = input.chars().count().min(option.chars().count());
        let close = if length < 4 {
            distance <= 1 && length >= 2
        } else {
            similarity >= 0.85 || distance <= length / 3
        };

        if close && best.is_none_or(|(score, _)| similarity > score) {
            best = Some((similarity, option));
        }
    }
    best.map(|(_, option)| option)
}

/// ` (did you mean `x`?)` or an empty string.
pub fn did_you_mean<'a>(input: &str, options: impl IntoIterator<Item = &'a str>) -> String {
    closest(input, options)
        .map(|option| format!("did you mean `{option}`?"))
        .unwrap_or_default()
}

/// A help text that starts with the closest option (`did you mean `x`?`), when one is close,
/// and goes on with `rest`: "did you mean `backup`? declared ids: …" or just "declared ids: …".
pub fn with_closest<'a>(
    input: &str,
    options: impl IntoIterator<Item = &'a str>,
    rest: &str,
) -> String {
    format!("{} {rest}", did_you_mean(input, options))
        .trim_start()
        .to_owned()
}

/// A readable list of valid choices: `` `a`, `b` or `c` ``, shortened after `limit` items.
pub fn one_of<S: AsRef<str>>(options: &[S], limit: usize) -> String {
    let quoted: Vec<String> = options
        .iter()
        .take(limit)
        .map(|o| format!("`{}`", o.as_ref()))
        .collect();
    let rest = options.len().saturating_sub(limit);
    match quoted.len() {
        0 => "(none)".to_owned(),
        1 if rest == 0 => quoted[0].clone(),
        _ if rest > 0 => format!("{}, … ({rest} more)", quoted.join(", ")),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_but_not_unrelated_names() {
        let fields = ["depends_on", "duration", "deadline", "earliest"];
        assert_eq!(closest("dependson", fields), Some("depends_on"));
        assert_eq!(closest("duraton", fields), Some("duration"));
        assert_eq!(closest("colour", fields), None);
    }

    #[test]
    fn lists_choices() {
        assert_eq!(
            one_of(&["year", "half", "quarter"], 5),
            "`year`, `half` or `quarter`"
        );
        assert_eq!(one_of(&["a", "b", "c"], 2), "`a`, `b`, … (1 more)");
        assert_eq!(one_of(&["a"], 2), "`a`");
    }
}
