//! Logged text made safe to show on a terminal or in a one-line label: every character of
//! [`is_hidden_control`](super::is_hidden_control) is written as an escape instead
//! (`\e`, `\r`, `\n`, `\t`, `\0`, otherwise `\u{…}` in hex), everything else as it is.
//!
//! A backslash is left as it is: the escapes are for reading, not for reading back, and doubling
//! every backslash of a Windows path or a JSON string would make the common case harder to read.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` cut to at most `chars` characters, with `…` when something was cut: how long a value
/// quoted from a log may be in a message.
pub fn clip(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// `text` on one line, with every hidden control escaped.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// `text` with its line breaks and tabs kept (bodies, emails) and every other hidden control
/// escaped; a CR is escaped too, so a line can only end where a line ends.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, |c| matches!(c, '\n' | '\t'))
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hidden = |c: char| super::is_hidden_control(c) && !keep(c);
    let Some(first) = text.find(hidden) else { return Cow::Borrowed(text) };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if !hidden(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            other => {
                let _ = write!(out, "\\u{{{:x}}}", other as u32);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences_line_breaks_and_bidi_controls() {
        let title = "\u{1b}]0;owned\u{7}";
        assert_eq!(one_line(title), "\\e]0;owned\\u{7}");
        assert_eq!(one_line("\u{1b}[31mred\u{1b}[0m"), "\\e[31mred\\e[0m");
        assert_eq!(one_line("a\r\nfake line\tx\0"), "a\\r\\nfake line\\tx\\0");
        assert_eq!(one_line("user\u{202e}gpj.exe"), "user\\u{202e}gpj.exe");
        assert_eq!(one_line("c1 \u{9b}2J next\u{85}line"), "c1 \\u{9b}2J next\\u{85}line");
    }

    #[test]
    fn printable_text_is_borrowed_unchanged() {
        let text = "Duplicate email: anna@example.de — «déjà» 字 🙂 C:\\logs\\a.log";
        assert!(matches!(one_line(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(lines(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn lines_keeps_line_breaks_and_tabs_but_not_carriage_returns() {
        assert_eq!(lines("{\n\t\"a\": 1\r\n}\u{1b}[2J"), "{\n\t\"a\": 1\\r\n}\\e[2J");
    }

    #[test]
    fn nothing_escaped_is_left_hidden() {
        let all: String = (0..0x3000).filter_map(char::from_u32).collect();
        for escaped in [one_line(&all), lines(&all)] {
            let left: Vec<char> =
                escaped.chars().filter(|&c| super::super::is_hidden_control(c) && c != '\n' && c != '\t').collect();
            assert!(left.is_empty(), "{left:?}");
        }
        assert!(!one_line(&all).contains(['\n', '\t']));
    }
}
