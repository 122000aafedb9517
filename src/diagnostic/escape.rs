//! Invisible characters made visible: Unicode format characters (general category Cf:
//! zero-width spaces and joiners, bidi overrides, the BOM, …) and control characters are
//! shown as `\u{200b}` in every diagnostic, so that `backup\u{200b}` cannot pass for `backup`
//! and a bidi override cannot reorder a message.

use std::borrow::Cow;

/// The code points of Unicode general category Cf (format), as of Unicode 16.0.
const FORMAT: [(u32, u32); 21] = [
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Whether `c` is a Unicode format character (general category Cf): invisible, yet part of
/// the text, such as U+200B ZERO WIDTH SPACE or U+202E RIGHT-TO-LEFT OVERRIDE.
pub fn is_format(c: char) -> bool {
    let c = u32::from(c);
    // Everything below U+00AD is ASCII or Latin-1 letters and signs: the common case.
    c >= 0xAD
        && FORMAT
            .binary_search_by(|&(low, high)| {
                if high < c {
                    std::cmp::Ordering::Less
                } else if low > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// Whether `c` is shown escaped: a format character, or a control character other than a
/// line break or tab.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_format(c)
}

/// `text` with format and control characters (but line breaks and tabs) written as
/// `\u{200b}`; borrowed when there are none.
pub fn escape_invisible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{FORMAT, escape_invisible, is_format};

    #[test]
    fn format_characters_are_known_and_the_table_is_sorted() {
        for c in [
            '\u{200b}',
            '\u{200d}',
            '\u{202e}',
            '\u{feff}',
            '\u{ad}',
            '\u{e0041}',
        ] {
            assert!(is_format(c), "{c:?}");
        }
        for c in [
            'a',
            'ä',
            '€',
            ' ',
            '\u{200a}',
            '\u{2010}',
            '😀',
            '\u{10ffff}',
        ] {
            assert!(!is_format(c), "{c:?}");
        }
        assert!(FORMAT.windows(2).all(|w| w[0].1 < w[1].0));
    }

    #[test]
    fn invisible_characters_are_escaped_and_the_rest_is_kept() {
        assert_eq!(escape_invisible("backup\u{200b}"), "backup\\u{200b}");
        assert_eq!(
            escape_invisible("a\u{202e}b\u{1b}[31m"),
            "a\\u{202e}b\\u{1b}[31m"
        );
        assert_eq!(escape_invisible("line\n\tnext äö €"), "line\n\tnext äö €");
        assert!(matches!(
            escape_invisible("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
