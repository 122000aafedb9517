//! Escaping for HTML and the SVG inside it: the one place where portfolio text
//! becomes markup. `html` and `svg` both use it, so neither imports the other for it.
//! Each character is mapped on its own (nothing is checked before it is cleaned), so
//! no text can form a tag, an entity or an attribute end.

use super::text::{Span, Text};

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

/// Report text for HTML: words escaped, code in `<code>`, line breaks as `<br>`.
pub fn text(text: &Text) -> String {
    let mut out = String::new();
    for span in text.spans() {
        match span {
            Span::Plain(words) => out.push_str(&lines(words)),
            Span::Code(code) => out.push_str(&format!("<code>{}</code>", lines(code))),
        }
    }
    out
}

/// Portfolio text for HTML with its line breaks as `<br>`.
pub fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
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
    fn code_becomes_code_elements_and_words_stay_words() {
        let view = Text::plain("depends on ") + Text::code("<b>") + ", a\nb `not code`";
        assert_eq!(
            text(&view),
            "depends on <code>&lt;b&gt;</code>, a<br>b `not code`"
        );
    }
}
