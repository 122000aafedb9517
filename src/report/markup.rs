//! Escaping for HTML and the SVG inside it: the one place where portfolio text
//! becomes markup. `html` and `svg` both use it, so neither imports the other for it.

/// Escapes text for HTML or SVG element content and quoted attribute values. Control
/// characters other than line breaks and tabs (such as terminal escape codes) become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text from a view for HTML: spans in backticks (ids) become `<code>`, everything is
/// escaped, line breaks become `<br>`.
pub fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        let part = escape(part).replace('\n', "<br>");
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(&part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn control_characters_do_not_reach_the_page() {
        assert_eq!(escape("a\u{1b}[31mb\r\nc\td"), "a [31mb \nc\td");
    }

    #[test]
    fn view_code_spans_become_code_elements_and_stay_escaped() {
        assert_eq!(
            inline("depends on `<b>`, a\nb"),
            "depends on <code>&lt;b&gt;</code>, a<br>b"
        );
    }
}
