//! HTML (the report): logged text is character data, never markup. `&`, `<`, `>`, `"` and `'`
//! become entities, so a value is inert in an element and in a quoted attribute, and in the
//! report's inline SVG (XML) too; hidden controls are escaped first ([`super::text`]).

/// `value` on one line, as element text or a quoted attribute value.
pub fn text(value: &str) -> String {
    escape(&super::text::one_line(value))
}

/// `value` with its line breaks, for a `<pre>` element.
pub fn block(value: &str) -> String {
    escape(&super::text::lines(value))
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_logged_text_is_character_data() {
        assert_eq!(text("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assert_eq!(text("\" onload=\"x"), "&quot; onload=&quot;x");
        assert_eq!(text("&amp; ]]> <![CDATA["), "&amp;amp; ]]&gt; &lt;![CDATA[");
        assert_eq!(text("a\nb\u{202e}"), "a\\nb\\u{202e}");
        assert_eq!(block("</pre>\n<b>"), "&lt;/pre&gt;\n&lt;b&gt;");
    }
}
