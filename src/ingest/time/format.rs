//! A definition's `time_format`: a chrono format, with its common values read by hand.
//!
//! chrono reads a value through a general format interpreter (some 2,000 instructions a time),
//! and a format without a zone was read twice, as a time with a zone first (which always fails).
//! A line format's time is read once a line: for the formats errlens bundles, the values they
//! write are read by the hand-written readers of [`super`] when the format is exactly one they
//! read alike, and only what those leave is read by chrono.

use super::{clf_fields, utc_rfc3339_millis};
use chrono::format::{Item, Parsed, StrftimeItems};

/// A chrono format for a definition's `time` capture.
#[derive(Debug, Clone)]
pub struct TimeFormat {
    /// The pattern as chrono reads it, read once: `parse_from_str` reads the format string anew
    /// for every value (6 % of a Rails log's summary). `None` when chrono refuses the pattern.
    items: Option<Vec<Item<'static>>>,
    /// Whether the format may read a zone (else its values are UTC, and only read as such).
    zoned: bool,
    shape: Shape,
}

/// Formats whose values a hand-written reader reads as chrono does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `2026-11-20 10:15:02.123` (oslo.log, Django, Python); `T` or a comma's fraction are read
    /// by the caller's fallback anyway.
    Iso,
    /// HAProxy's `14/Nov/2026:22:45:11.608`: no fraction, or three digits.
    ClfWithoutZone,
    /// Any other: chrono.
    Other,
}

impl TimeFormat {
    /// `pattern`, a chrono format.
    pub fn new(pattern: String) -> Self {
        // Conservative: a format that might read a zone is tried as one first, as before.
        let zoned = pattern.contains('z') || ["%Z", "%+", "%s"].iter().any(|spec| pattern.contains(spec));
        let shape = match pattern.as_str() {
            "%Y-%m-%d %H:%M:%S%.f" | "%Y-%m-%d %H:%M:%S" | "%Y-%m-%dT%H:%M:%S%.f" | "%Y-%m-%dT%H:%M:%S" => Shape::Iso,
            "%d/%b/%Y:%H:%M:%S%.3f" => Shape::ClfWithoutZone,
            _ => Shape::Other,
        };
        let items = StrftimeItems::new(&pattern).parse_to_owned().ok();
        Self { items, zoned, shape }
    }

    /// The time `value` holds, in milliseconds since the epoch (a format without a zone is UTC),
    /// or `None` when the format does not read it. For [`Shape::Iso`] a value the format does
    /// not read but the generic reader does (`2026-11-20T10:15:02Z`) is read too: the caller
    /// falls back on the generic reader, which would read it alike.
    pub fn parse(&self, value: &str) -> Option<i64> {
        let by_hand = match self.shape {
            Shape::Iso => utc_rfc3339_millis(value.as_bytes()),
            Shape::ClfWithoutZone => clf_without_zone(value),
            Shape::Other => None,
        };
        if by_hand.is_some() {
            return by_hand;
        }
        self.parse_by_chrono(value)
    }

    /// [`TimeFormat::parse`] without the hand-written readers: what they must agree with.
    /// `DateTime::parse_from_str` and then `NaiveDateTime::parse_from_str`, as chrono writes
    /// them, with the format's items read once.
    fn parse_by_chrono(&self, value: &str) -> Option<i64> {
        // A pattern chrono refuses reads no value.
        let items = self.items.as_ref()?;
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, value, items.iter()).ok()?;
        if self.zoned
            && let Ok(at) = parsed.to_datetime()
        {
            return Some(at.timestamp_millis());
        }
        parsed.to_naive_datetime_with_offset(0).ok().map(|at| at.and_utc().timestamp_millis())
    }
}

/// `14/Nov/2026:22:45:11.608` as UTC, as chrono reads it with `%d/%b/%Y:%H:%M:%S%.3f`: a
/// fraction of exactly three digits or none, no leap second.
fn clf_without_zone(value: &str) -> Option<i64> {
    let clf = clf_fields(value.as_bytes())?;
    let whole = clf.end == value.len() && matches!(clf.fraction_digits, 0 | 3) && clf.second < 60;
    whole.then_some(clf.local_millis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDateTime};

    /// How a definition's time was read before the hand-written readers: as a zoned time, else
    /// as UTC; then the generic reader.
    fn before(pattern: &str, value: &str) -> Option<i64> {
        DateTime::parse_from_str(value, pattern)
            .map(|at| at.timestamp_millis())
            .ok()
            .or_else(|| NaiveDateTime::parse_from_str(value, pattern).ok().map(|at| at.and_utc().timestamp_millis()))
            .or_else(|| super::super::parse_text(value))
    }

    #[test]
    fn a_time_reads_as_chrono_and_the_generic_reader_read_it() {
        let patterns = [
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M:%S",
            "%d/%b/%Y:%H:%M:%S%.3f",
            "%d/%b/%Y:%H:%M:%S%.f %z",
            "%d/%b/%Y %H:%M:%S",
            "%a %b %e %H:%M:%S %Y",
            "%Y-%m-%d %H:%M:%S %z",
            "%Y-%m-%dT%H:%M:%S%.f%:z",
            // A pattern chrono refuses: no value is read by it, nor was.
            "%Y-%m-%d %Q",
        ];
        let values = [
            "2026-11-20 10:15:02",
            "2026-11-20 10:15:02.608",
            "2026-11-20 10:15:02.6",
            "2026-11-20 10:15:02.123456789",
            "2026-11-20 10:15:02.1234567891",
            "2026-11-20 10:15:02,608",
            "2026-11-20T10:15:02.608",
            "2026-11-20T10:15:02Z",
            "2026-11-20 10:15:02.",
            "2024-02-29 23:59:59.999",
            "2023-02-29 10:00:00",
            "2026-11-20 10:15:60",
            "2026-11-20 24:00:00",
            "14/Nov/2015:22:45:25.439",
            "14/Nov/2015:22:45:25",
            "14/Nov/2015:22:45:25.43",
            "14/Nov/2015:22:45:25.4391",
            "14/nov/2015:22:45:25.439",
            "14/November/2015:22:45:25.439",
            "29/Feb/2023:22:45:25.439",
            "14/Nov/2015:22:45:60.439",
            "14/Nov/2015:22:45:25.439 +0100",
            "10/Oct/2000:13:55:36 -0700",
            "10/Oct/2000 13:55:36",
            "Mon Nov  3 10:15:02 2026",
            "2026-11-20 10:15:02 +0100",
            "not a time",
            "",
        ];
        for pattern in patterns {
            let format = TimeFormat::new(pattern.to_string());
            for value in values {
                let now = format.parse(value).or_else(|| super::super::parse_text(value));
                assert_eq!(now, before(pattern, value), "{pattern:?} on {value:?}");
            }
        }
    }
}
