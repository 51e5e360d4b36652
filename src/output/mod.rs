//! Everything that leaves errlens passes through one place per kind of output, where text from a
//! log (which a stranger may have written) is made inert for that output:
//!
//! - [`shell`]: a call copied as a cURL command; every part is quoted, and characters a terminal
//!   or line editor would act on are spelled out, so pasting it runs curl with exactly the logged
//!   method, URL, headers and body.
//! - [`text`]: the CLI's text forms and the window's one-line labels; control characters (C0, DEL,
//!   C1), Unicode's bidirectional controls and line separators are shown escaped (`\e`, `\r`,
//!   `\u{202e}`), so logged text cannot move the cursor, recolour the terminal, set its title or
//!   clipboard, start a fake line, or reorder what is shown.
//! - [`mail`]: `.eml` headers and bodies, `mailto:` links; logged text cannot end a header or add
//!   one, nor add a recipient.
//! - [`json`]: the CLI's JSON and Copy as JSON; what serde_json leaves raw in a string (DEL, C1,
//!   bidirectional controls) is written as `\uXXXX`, the same value to a JSON reader.
//! - [`csv`]: an exported CSV file's cells; logged text that a spreadsheet would run as a formula
//!   (`=…`, `+…`, `-…`, `@…`) starts with `'`.
//! - [`markdown`] and [`html`]: the report (`errlens report`); logged text is escaped into text,
//!   never markup: `<script>` stays text, a `|` stays in its table cell.
//!
//! File names need nothing here: no path that errlens writes to is taken from a log (the
//! `.eml` is saved where the user picks, `errlens redact` writes to stdout).

pub mod csv;
pub mod html;
pub mod json;
pub mod mail;
pub mod markdown;
pub mod shell;
pub mod text;

/// Characters that are not shown as themselves anywhere outside errlens: control characters
/// (C0, DEL, C1), the bidirectional controls that reorder the text around them (Trojan Source,
/// CVE-2021-42574), and Unicode's line and paragraph separators.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's explicit bidirectional formatting characters (UAX #9, table 1).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_separators_are_hidden_and_printable_text_is_not() {
        for c in ['\0', '\u{1b}', '\r', '\n', '\t', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2028}'] {
            assert!(is_hidden_control(c), "{c:?}");
        }
        for c in ['a', ' ', '\\', 'é', '€', '字', '\u{200d}', '🙂'] {
            assert!(!is_hidden_control(c), "{c:?}");
        }
    }
}
