//! Message variants: the same error worded with different values counts as one variant.
//!
//! Emails, UUIDs, long numbers and hex ids are replaced by placeholders, as Sentry does for
//! grouping; this also keeps customers' emails out of summaries.

use regex::Regex;
use std::sync::LazyLock;

static PATTERNS: LazyLock<[(Regex, &'static str); 4]> = LazyLock::new(|| {
    [
        (Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid email pattern"), "{email}"),
        (
            Regex::new(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
                .expect("valid uuid pattern"),
            "{id}",
        ),
        (Regex::new(r"\b[0-9a-fA-F]{16,}\b").expect("valid hex pattern"), "{id}"),
        (Regex::new(r"\b\d{5,}\b").expect("valid number pattern"), "{n}"),
    ]
});

/// The variant of a message.
pub fn of(message: &str) -> String {
    let mut text = message.trim().to_string();
    // Every pattern needs a digit or an `@`: most messages have neither and skip the regexes.
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return text;
    }
    for (pattern, placeholder) in PATTERNS.iter() {
        if pattern.is_match(&text) {
            text = pattern.replace_all(&text, *placeholder).into_owned();
        }
    }
    text
}

#[cfg(test)]
mod tests {
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
