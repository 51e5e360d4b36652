//! Message variants: the same error worded with different values counts as one variant.
//!
//! Emails, UUIDs, long numbers and hex ids are replaced by placeholders, as Sentry does for
//! grouping; this also keeps customers' emails out of summaries.

mod ascii;

use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// What each value looks like, and what it becomes.
const PATTERNS: [(&str, &str); 4] = [
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "{email}"),
    (r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", "{id}"),
    (r"\b[0-9a-fA-F]{16,}\b", "{id}"),
    (r"\b\d{5,}\b", "{n}"),
];

/// [`PATTERNS`] with Unicode's `\w`, `\d` and `\b`, for a message with a non-ASCII character.
static UNICODE: LazyLock<[(Regex, &str); 4]> = LazyLock::new(|| compiled(true));

/// [`PATTERNS`] with ASCII's classes: on ASCII text Unicode's `\w`, `\d` and `\b` are ASCII's,
/// so they replace the same values. What [`ascii::replaced`] is held to.
#[cfg(test)]
static ASCII: LazyLock<[(Regex, &str); 4]> = LazyLock::new(|| compiled(false));

fn compiled(unicode: bool) -> [(Regex, &'static str); 4] {
    PATTERNS.map(|(pattern, placeholder)| {
        let regex = RegexBuilder::new(pattern).unicode(unicode).build().expect("a valid variant pattern");
        (regex, placeholder)
    })
}

/// The variant of a message.
pub fn of(message: &str) -> String {
    let text = message.trim().to_string();
    // Every pattern needs a digit or an `@`: most messages have neither and skip the passes.
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return text;
    }
    if text.is_ascii() { ascii::replaced(text) } else { replaced(&UNICODE, text) }
}

/// `text` with each pattern's values replaced by its placeholder, in the patterns' order.
fn replaced(patterns: &[(Regex, &str); 4], mut text: String) -> String {
    for (pattern, placeholder) in patterns {
        if pattern.is_match(&text) {
            text = pattern.replace_all(&text, *placeholder).into_owned();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::{ASCII, ascii};
    use proptest::prelude::*;

    /// Pieces that make emails, UUIDs, hex ids and numbers, and near misses of each, when joined.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9a-fA-F]{1,20}",
            "[0-9]{1,7}",
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            "[a-zA-Z0-9._+-]{0,6}@[a-zA-Z0-9_-]{0,5}(\\.[a-z0-9_-]{0,4}){0,3}",
            "[ @._+:/(){}gG-]",
            "[ -~]{0,4}",
        ]
    }

    proptest! {
        /// The passes by hand replace what the ASCII regexes replace, in the same order.
        #[test]
        fn the_hand_matched_passes_replace_what_the_regexes_do(pieces in proptest::collection::vec(piece(), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(ascii::replaced(text.clone()), super::replaced(&ASCII, text));
        }

        /// The same over any printable ASCII, where most texts match nothing or near misses.
        #[test]
        fn the_hand_matched_passes_agree_on_any_ascii(text in "[ -~]{0,80}") {
            prop_assert_eq!(ascii::replaced(text.clone()), super::replaced(&ASCII, text));
        }

        /// ASCII text gets the same variant from the ASCII classes as from Unicode's. The
        /// alphabet makes emails, ids and long numbers next to one another.
        #[test]
        fn ascii_classes_replace_what_unicode_ones_do_on_ascii_text(text in "[0-9a-fA-F@._+ xz:-]{0,60}") {
            let ascii = super::replaced(&ASCII, text.clone());
            prop_assert_eq!(ascii, super::replaced(&super::UNICODE, text));
        }
    }

    #[test]
    fn unicode_messages_keep_unicode_classes() {
        assert_eq!(super::of("Kundin zoë.müller@beispiel.de existiert"), "Kundin {email} existiert");
        assert_eq!(super::of("Nummer ٣٤٥٦٧ 12345 fehlt"), "Nummer {n} {n} fehlt");
    }

    #[test]
    fn values_become_placeholders() {
        assert_eq!(
            super::of("Duplicate email: j.meyer@example.com is already registered"),
            "Duplicate email: {email} is already registered"
        );
        assert_eq!(super::of("Customer 3f2a9c1b-1111-4c3d-9e8f-0123456789ab not found"), "Customer {id} not found");
        assert_eq!(super::of("timed out after 30000 ms"), "timed out after {n} ms");
        assert_eq!(
            super::of("Customer limit reached for your plan (500 customers)"),
            "Customer limit reached for your plan (500 customers)"
        );
    }
}
