//! Report text as spans: words, and code-like values (ids, field names, `--set`
//! arguments) kept apart from them. Views and analysis reports build [`Text`]; each format
//! marks code its own way (backticks in plain text, code spans or `<code>` in Markdown,
//! `<code>` in HTML) and escapes words as words, so portfolio text with a backtick is
//! never read as a mark, and an id with one never breaks the code around it.
//!
//! [`shell_word`] quotes a command-line argument for a POSIX shell where it needs it, so
//! that a `--set` line built from any id can be pasted into a shell.

use std::fmt;
use std::ops::{Add, AddAssign};

/// One run of report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Words, portfolio text among them: every format shows them as text.
    Plain(String),
    /// An id, a field name or a command line: code in Markdown and HTML, between
    /// backticks in plain text.
    Code(String),
}

/// Report text: spans in order. Built with [`Text::plain`], [`Text::code`] and `+`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    spans: Vec<Span>,
}

impl Text {
    /// Words.
    pub fn plain(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            spans: if text.is_empty() {
                Vec::new()
            } else {
                vec![Span::Plain(text)]
            },
        }
    }

    /// Code: an id, a field name, a command line.
    pub fn code(code: impl Into<String>) -> Text {
        Text {
            spans: vec![Span::Code(code.into())],
        }
    }

    /// A message written elsewhere with code between backticks (validation's messages:
    /// "mandatory measure `isms` cannot be placed"): each pair of backticks becomes code;
    /// an unpaired one stays a word. Its plain form is the message as it was. Only for
    /// such messages: text from a portfolio is [`Text::plain`].
    pub fn marked(message: &str) -> Text {
        let parts: Vec<&str> = message.split('`').collect();
        let paired = if parts.len() % 2 == 1 {
            parts.len()
        } else {
            parts.len() - 1
        };
        let mut out = Text::default();
        for (i, part) in parts.iter().enumerate() {
            if i >= paired {
                out += format!("`{part}");
            } else if i % 2 == 1 {
                out += Text::code(*part);
            } else {
                out += *part;
            }
        }
        out
    }

    /// The spans in order; neighbouring words are one span.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The texts with `separator` (words) between them.
    pub fn join(texts: impl IntoIterator<Item = Text>, separator: &str) -> Text {
        let mut out = Text::default();
        for (i, text) in texts.into_iter().enumerate() {
            if i > 0 {
                out += separator;
            }
            out += text;
        }
        out
    }

    /// The text without marks: code as its bare characters (for messages on stderr).
    pub fn unmarked(&self) -> String {
        self.spans
            .iter()
            .map(|span| match span {
                Span::Plain(text) | Span::Code(text) => text.as_str(),
            })
            .collect()
    }

    fn push(&mut self, span: Span) {
        if let Span::Plain(text) = &span {
            if text.is_empty() {
                return;
            }
            if let Some(Span::Plain(last)) = self.spans.last_mut() {
                last.push_str(text);
                return;
            }
        }
        self.spans.push(span);
    }
}

/// Plain text as the terminal, JSON and CSV show it: code between backticks.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for span in &self.spans {
            match span {
                Span::Plain(text) => f.write_str(text)?,
                Span::Code(code) => write!(f, "`{code}`")?,
            }
        }
        Ok(())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text::plain(text.as_str())
    }
}

impl<T: Into<Text>> AddAssign<T> for Text {
    fn add_assign(&mut self, other: T) {
        for span in other.into().spans {
            self.push(span);
        }
    }
}

impl<T: Into<Text>> Add<T> for Text {
    type Output = Text;

    fn add(mut self, other: T) -> Text {
        self += other;
        self
    }
}

/// `argument` as one word for a POSIX shell (sh, bash, zsh): as it is when every character
/// is safe unquoted (letters, digits and `_ @ % + = : , . / -`, and no `=` first, which zsh
/// would expand), else in single quotes, a quote inside written `'\''`.
pub fn shell_word(argument: &str) -> String {
    let safe = |c: char| {
        c.is_alphanumeric()
            || matches!(c, '_' | '@' | '%' | '+' | '=' | ':' | ',' | '.' | '/' | '-')
    };
    if !argument.is_empty() && !argument.starts_with('=') && argument.chars().all(safe) {
        argument.to_owned()
    } else {
        format!("'{}'", argument.replace('\'', "'\\''"))
    }
}

/// `--set ARGUMENT` as a shell reads it.
pub fn set_option(argument: &str) -> String {
    format!("--set {}", shell_word(argument))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_keep_words_and_code_apart() {
        let text = Text::plain("depends on ") + Text::code("a`b") + ", " + "which is not";
        assert_eq!(
            text.spans(),
            [
                Span::Plain("depends on ".to_owned()),
                Span::Code("a`b".to_owned()),
                Span::Plain(", which is not".to_owned()),
            ]
        );
        assert_eq!(text.to_string(), "depends on `a`b`, which is not");
        assert_eq!(text.unmarked(), "depends on a`b, which is not");
        let list = Text::join([Text::code("x"), Text::code("y")], ", ");
        assert_eq!(list.to_string(), "`x`, `y`");
        assert!(Text::plain("").is_empty());
    }

    #[test]
    fn marked_messages_keep_their_code_and_their_text() {
        for message in [
            "measure `isms` of `a`",
            "no marks",
            "odd `one",
            "`x`",
            "a `b` c `d",
        ] {
            assert_eq!(Text::marked(message).to_string(), message);
        }
        assert_eq!(
            Text::marked("measure `isms` cannot").spans(),
            [
                Span::Plain("measure ".to_owned()),
                Span::Code("isms".to_owned()),
                Span::Plain(" cannot".to_owned()),
            ]
        );
        assert_eq!(
            Text::marked("odd `one").spans(),
            [Span::Plain("odd `one".to_owned())]
        );
    }

    #[test]
    fn shell_words_are_quoted_when_a_shell_would_read_them() {
        assert_eq!(
            shell_word("measures.backup-321.mandatory=true"),
            "measures.backup-321.mandatory=true"
        );
        assert_eq!(
            shell_word("resources.budget.capacity.2029=1_393_000"),
            "resources.budget.capacity.2029=1_393_000"
        );
        assert_eq!(
            shell_word("measures.größe.deadline=2029"),
            "measures.größe.deadline=2029"
        );
        assert_eq!(
            shell_word("measures.a`b.mandatory=true"),
            "'measures.a`b.mandatory=true'"
        );
        assert_eq!(
            shell_word("measures.it's.mandatory=true"),
            "'measures.it'\\''s.mandatory=true'"
        );
        assert_eq!(
            shell_word("measures.$(x).name=a b"),
            "'measures.$(x).name=a b'"
        );
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("=x"), "'=x'");
        assert_eq!(set_option("a.b=1"), "--set a.b=1");
    }
}
