//! Markdown (CommonMark with GitHub's tables): logged text shown as itself. Inline text has every
//! character Markdown gives a meaning backslash-escaped (emphasis, code, links, images, raw HTML,
//! entities, table pipes, headings) and a list marker or block quote that would start its line
//! too, so `<script>` stays text and `|` stays in its cell; a code block is fenced with more
//! backticks than any run in it. Hidden controls are escaped first ([`super::text`]); a value
//! on one line keeps its line breaks escaped, so it cannot end a table row or a list item.

/// Characters escaped wherever they are. `.`, `-`, `+`, `(` and `)` matter only where a line
/// starts (see [`text`]).
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '{', '}', '<', '>', '|', '!', '~', '&', '#', '$'];

/// `value` as inline text on one line, e.g. in a paragraph, a list item or a table cell.
pub fn text(value: &str) -> String {
    let value = super::text::one_line(value);
    let mut out = String::with_capacity(value.len() + 8);
    // `1.`, `2)`, `-`, `+`, `=` at the start would make a list or a heading's underline.
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let marker_at = match value.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => Some(digits),
        Some(b'-' | b'+' | b'=') if digits == 0 => Some(0),
        _ => None,
    };
    for (at, c) in value.char_indices() {
        if SPECIAL.contains(&c) || Some(at) == marker_at {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `value` as a fenced code block (its lines as they are, hidden controls escaped), ending in a
/// line break.
pub fn code_block(value: &str) -> String {
    let value = super::text::lines(value);
    let longest_run = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let newline = if value.ends_with('\n') { "" } else { "\n" };
    format!("{fence}text\n{value}{newline}{fence}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_logged_text_stays_text() {
        assert_eq!(text("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(
            text("`x` *y* _z_ [l](u) ![i](u) &amp; ~~s~~"),
            "\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\!\\[i\\](u) \\&amp; \\~\\~s\\~\\~"
        );
        assert_eq!(text("# not a heading"), "\\# not a heading");
        assert_eq!(text("1. not a list"), "1\\. not a list");
        assert_eq!(text("- not a list"), "\\- not a list");
        assert_eq!(text("C:\\path"), "C:\\\\path");
        assert_eq!(text("two\nlines|\u{1b}[2J"), "two\\\\nlines\\|\\\\e\\[2J");
        assert_eq!(text("POST /api/customers/{id} 2026-11-20"), "POST /api/customers/\\{id\\} 2026-11-20");
    }

    #[test]
    fn a_code_block_is_fenced_longer_than_any_backtick_run_in_it() {
        assert_eq!(code_block("a\nb"), "```text\na\nb\n```\n");
        let hostile = "```\n</pre><script>x</script>\n`````";
        let block = code_block(hostile);
        assert!(block.starts_with("``````text\n") && block.ends_with("\n``````\n"), "{block}");
        assert_eq!(code_block("\u{1b}]0;title\u{7}\r\n"), "```text\n\\e]0;title\\u{7}\\r\n```\n");
    }
}
