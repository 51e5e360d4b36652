//! CSV cells (`errlens export --to csv`): the CSV writer quotes what CSV needs quoted; what is
//! left is a spreadsheet's reading. A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR is
//! a formula to Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`, `=cmd|…`), so logged text
//! that starts so gets a `'` before it (OWASP's advice for CSV injection): the cell then shows
//! the text instead of running it.

use std::borrow::Cow;

/// `text` as a cell a spreadsheet shows instead of evaluating.
pub fn cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_other_cells_stay() {
        assert_eq!(cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("\t=1"), "'\t=1");
        for kept in ["/api/customers", "Conflict", "a=b", ""] {
            assert_eq!(cell(kept), kept);
        }
    }
}
