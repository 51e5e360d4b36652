//! Timestamps in the shapes logs write them, turned into UTC epoch milliseconds.
//!
//! Numbers are told apart by magnitude (seconds, milliseconds, microseconds, nanoseconds); text
//! without a zone (`2026-11-20 10:15:02,123`) is taken as UTC, as log4j-style writers mean it.

use super::json_value::{JsonValue, Shape};
use chrono::{DateTime, NaiveDateTime};

mod format;
mod rfc3339;

pub use format::TimeFormat;
use rfc3339::utc_rfc3339_millis;

/// The earliest time kept: 0000-01-01T00:00:00Z. Times outside the years 0000–9999 are nonsense
/// in a log, cannot be written as RFC 3339, and would overflow arithmetic on time spans.
pub const MIN_TIME_MS: i64 = -62_167_219_200_000;
/// The latest time kept: 9999-12-31T23:59:59.999Z.
pub const MAX_TIME_MS: i64 = 253_402_300_799_999;

/// Common Log Format's time (`10/Oct/2026:13:55:36 -0700`, a fraction of a second allowed), read
/// by hand: access logs write one a line, and chrono's format parser costs a tenth of such a read.
pub fn clf_millis(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    // The zone ends the text: one without it (HAProxy's time) is turned away before being read.
    let zone = b.len().saturating_sub(6);
    if !matches!(b.get(zone..zone + 2), Some([b' ', b'+' | b'-'])) {
        return None;
    }
    let clf = clf_fields(b)?;
    let at = clf.end;
    let zone = b.get(at..at + 6)?;
    if zone[0] != b' ' || !matches!(zone[1], b'+' | b'-') || b.len() != at + 6 {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits(b.get(range)?);
    let offset_minutes = number(at + 2..at + 4)? * 60 + number(at + 4..at + 6)?;
    let offset_minutes = if zone[1] == b'-' { -offset_minutes } else { offset_minutes };
    in_range(clf.local_millis - offset_minutes * 60_000)
}

/// The fields of a Common Log Format time before its zone (`10/Oct/2026:13:55:36.608`).
struct Clf {
    /// The time as if it were UTC.
    local_millis: i64,
    second: i64,
    /// How many digits its fraction has (0: none).
    fraction_digits: usize,
    /// Where what follows it starts.
    end: usize,
}

fn clf_fields(b: &[u8]) -> Option<Clf> {
    if b.len() < 20 || b[2] != b'/' || b[6] != b'/' || b[11] != b':' || b[14] != b':' || b[17] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits(&b[range]);
    let minute: [u8; MINUTE_LEN] = b[..MINUTE_LEN].try_into().ok()?;
    let (last_minute, last_minute_millis) = LAST_MINUTE.get();
    let minute_millis = if minute == last_minute {
        last_minute_millis
    } else {
        let millis = clf_minute_millis(b)?;
        LAST_MINUTE.set((minute, millis));
        millis
    };
    let second = number(18..20)?;
    let mut end = 20;
    let mut millis = 0;
    let mut fraction_digits = 0;
    if b.get(end) == Some(&b'.') {
        fraction_digits = b[end + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        let fraction = &b[end + 1..end + 1 + fraction_digits.min(3)];
        millis =
            fraction.iter().fold(0, |sum, d| sum * 10 + i64::from(d - b'0')) * 10i64.pow(3 - fraction.len() as u32);
        end += 1 + fraction_digits;
    }
    if second >= 61 {
        return None;
    }
    Some(Clf { local_millis: minute_millis + second * 1000 + millis, second, fraction_digits, end })
}

/// `10/Oct/2026:13:55`: a CLF time up to its minute.
const MINUTE_LEN: usize = 17;

thread_local! {
    /// The minute of the last CLF time read on this thread and its milliseconds (as if UTC): an
    /// access log's lines come a minute's worth at a time, whose date is read once.
    static LAST_MINUTE: std::cell::Cell<([u8; MINUTE_LEN], i64)> = const { std::cell::Cell::new(([0; MINUTE_LEN], 0)) };
}

/// The milliseconds (as if UTC) of a CLF time's minute, `None` when it is no date and time.
fn clf_minute_millis(b: &[u8]) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| digits(&b[range]);
    const MONTHS: [&[u8; 3]; 12] =
        [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
    let month = MONTHS.iter().position(|name| &b[3..6] == *name)? as i64 + 1;
    let (day, year) = (number(0..2)?, number(7..11)?);
    let (hour, minute) = (number(12..14)?, number(15..17)?);
    let valid = (1..=31).contains(&day) && hour < 24 && minute < 60;
    if !valid || day > days_in_month(year, month) {
        return None;
    }
    Some((days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60) * 1000)
}

/// The number written in `digits`, all ASCII digits.
fn digits(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |sum, d| d.is_ascii_digit().then(|| sum * 10 + i64::from(d - b'0')))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1) as usize]
}

/// `millis` when it lies in the years 0000–9999.
fn in_range(millis: i64) -> Option<i64> {
    (MIN_TIME_MS..=MAX_TIME_MS).contains(&millis).then_some(millis)
}

/// A JSON value holding a time: a number (epoch s/ms/µs/ns) or a string.
pub fn parse_value(value: &impl JsonValue) -> Option<i64> {
    match value.shape() {
        Shape::Number(number) => number.as_f64().and_then(from_epoch_number),
        Shape::String(text) => parse_text(text),
        _ => None,
    }
}

/// An epoch number whose unit is guessed from its size (dates from 1973 to 5138 are recognized;
/// a number that would mean a time past 9999 is dropped).
pub fn from_epoch_number(number: f64) -> Option<i64> {
    if !number.is_finite() || number <= 0.0 {
        return None;
    }
    let millis = if number < 1e11 {
        number * 1e3
    } else if number < 1e14 {
        number
    } else if number < 1e17 {
        number / 1e3
    } else {
        number / 1e6
    };
    in_range(millis.round() as i64)
}

/// Epoch seconds with at most three fraction digits (Squid's `1386543323.123`), in integers:
/// what [`from_epoch_number`] makes of the number, as its error is far below the half
/// millisecond it rounds to (ten digits and three). `None` for other numbers, left to it.
fn epoch_seconds_millis(text: &str) -> Option<i64> {
    let (seconds, fraction) = text.split_once('.').unwrap_or((text, ""));
    if seconds.is_empty() || seconds.len() > 10 || fraction.len() > 3 {
        return None;
    }
    let number = |digits: &str| {
        digits.bytes().try_fold(0i64, |sum, d| d.is_ascii_digit().then(|| sum * 10 + i64::from(d - b'0')))
    };
    let millis = number(seconds)? * 1000 + number(fraction)? * 10i64.pow(3 - fraction.len() as u32);
    (millis > 0).then_some(millis).and_then(in_range)
}

const NAIVE_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S,%f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y/%m/%d %H:%M:%S%.f",
];

/// The longest text read as a time (trimmed); longer text is none.
pub const MAX_TEXT_LEN: usize = 64;

/// Text forms: RFC 3339 / ISO 8601 with `Z` or an offset, zone-less (UTC) forms, Common Log
/// Format (`20/Nov/2026:10:15:02 +0000`), RFC 2822, and epoch numbers written as text. Only
/// times in the years 0000–9999 are kept.
pub fn parse_text(text: &str) -> Option<i64> {
    parse_text_any(text).and_then(in_range)
}

fn parse_text_any(text: &str) -> Option<i64> {
    let text = super::scan::trim(text);
    if text.is_empty() || text.len() > MAX_TEXT_LEN {
        return None;
    }
    // First the form of nearly every time (which has a `-` where an epoch number has none).
    if let Some(millis) = utc_rfc3339_millis(text.as_bytes()) {
        return Some(millis);
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return epoch_seconds_millis(text).or_else(|| text.parse::<f64>().ok().and_then(from_epoch_number));
    }
    parse_text_by_chrono(text)
}

/// [`parse_text_any`] without its fast path: what the fast path must agree with.
fn parse_text_by_chrono(text: &str) -> Option<i64> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.timestamp_millis());
    }
    if let Ok(time) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z") {
        return Some(time.timestamp_millis());
    }
    if let Ok(time) = DateTime::parse_from_str(text, "%d/%b/%Y:%H:%M:%S %z") {
        return Some(time.timestamp_millis());
    }
    if let Ok(time) = DateTime::parse_from_rfc2822(text) {
        return Some(time.timestamp_millis());
    }
    let zoneless = text.strip_suffix('Z').unwrap_or(text);
    NAIVE_FORMATS.iter().find_map(|format| parse_naive(zoneless, format).map(|time| time.and_utc().timestamp_millis()))
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn parse_naive(text: &str, format: &str) -> Option<NaiveDateTime> {
    if format.ends_with(",%f") {
        // chrono's `%f` wants nanoseconds; `,123` means milliseconds, so pad the fraction.
        let (head, fraction) = text.rsplit_once(',')?;
        if fraction.is_empty() || fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let padded = format!("{head}.{fraction:0<9}");
        return NaiveDateTime::parse_from_str(&padded, "%Y-%m-%d %H:%M:%S%.f").ok();
    }
    NaiveDateTime::parse_from_str(text, format).ok()
}

/// RFC 3339 in UTC with milliseconds, the form the summary prints.
pub fn format_rfc3339(millis: i64) -> Option<String> {
    DateTime::from_timestamp_millis(millis).map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

#[cfg(test)]
mod clf_tests {
    use super::*;

    #[test]
    fn clf_by_hand_is_chronos_answer() {
        let cases = [
            "10/Oct/2000:13:55:36 -0700",
            "29/Feb/2024:00:00:00 +0000",
            "31/Dec/1969:23:59:59 +0130",
            "01/Jan/0001:00:00:00 +0000",
            "17/May/2015:10:05:03 +0000",
            "14/Nov/2015:22:45:25.439 +0100",
        ];
        for text in cases {
            let chrono = DateTime::parse_from_str(text, "%d/%b/%Y:%H:%M:%S%.f %z").map(|at| at.timestamp_millis()).ok();
            assert_eq!(clf_millis(text), chrono, "{text}");
        }
        for bad in [
            "30/Feb/2024:00:00:00 +0000",
            "10/Foo/2000:13:55:36 -0700",
            "10/Oct/2000:25:55:36 -0700",
            "10/Oct/2000:13:55:36",
            "14/Nov/2015:22:45:25.439",
            "10/Oct/2000:13:55:36 -07000",
            "10/Oct/2000:13:55:36 0700",
            " +0000",
            "",
        ] {
            assert_eq!(clf_millis(bad), None, "{bad}");
        }
    }

    /// Two times up to their minute (`10/Oct/2000:13:55`) on one date, some of them no time.
    fn minutes() -> impl proptest::strategy::Strategy<Value = (String, String)> {
        use proptest::sample::select;
        let hour = || select(vec!["00", "23", "24"]);
        let minute = || select(vec!["00", "59", "60"]);
        let date = (
            select(vec!["28", "29", "31", "0x"]),
            select(vec!["Feb", "Oct", "Foo"]),
            select(vec!["2000", "2023", "2024"]),
        );
        (date, hour(), minute(), hour(), minute()).prop_map(|((day, month, year), h1, m1, h2, m2)| {
            (format!("{day}/{month}/{year}:{h1}:{m1}"), format!("{day}/{month}/{year}:{h2}:{m2}"))
        })
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Times read one after another, most in the minute of the one before (which is
        /// remembered), read as chrono reads each: valid or not.
        #[test]
        fn a_remembered_minute_reads_as_chrono_reads_it(
            minutes in minutes(),
            times in proptest::collection::vec(
                (
                    proptest::bool::weighted(0.8),
                    proptest::sample::select(vec!["00", "59", "61", "5x"]),
                    proptest::sample::select(vec!["", ".5", ".123456"]),
                    proptest::sample::select(vec![" +0000", " -0700", ""]),
                ),
                1..24,
            )
        ) {
            for (first, second, fraction, zone) in times {
                let minute = if first { &minutes.0 } else { &minutes.1 };
                let text = format!("{minute}:{second}{fraction}{zone}");
                let chrono =
                    DateTime::parse_from_str(&text, "%d/%b/%Y:%H:%M:%S%.f %z").map(|at| at.timestamp_millis()).ok();
                proptest::prop_assert_eq!(clf_millis(&text), chrono, "{}", text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_in_integers_are_what_the_float_reading_makes_of_them() {
        let float = |text: &str| text.parse::<f64>().ok().and_then(from_epoch_number);
        let mut texts: Vec<String> =
            ["0", "0.000", "00000.001", "1", "1.5", "1386543323.000", "9999999999.999", "1.", ".5", "", "1.2.3"]
                .map(String::from)
                .to_vec();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let seconds = (seed % 10_000_000_000) >> (seed % 30);
            let digits = (seed >> 40) % 4;
            let fraction = (seed >> 20) % 10u64.pow(digits as u32);
            texts.push(match digits {
                0 => seconds.to_string(),
                _ => format!("{seconds}.{fraction:0width$}", width = digits as usize),
            });
        }
        for text in &texts {
            if let Some(millis) = epoch_seconds_millis(text) {
                assert_eq!(Some(millis), float(text), "{text}");
            }
        }
        assert_eq!(epoch_seconds_millis("1386543323.123"), Some(1_386_543_323_123));
        assert_eq!(epoch_seconds_millis("0.000"), None, "not after the epoch, as the float reading says");
        assert_eq!(epoch_seconds_millis("1386543323.1234"), None, "four digits: left to the float reading");
    }

    #[test]
    fn the_fast_path_reads_what_chrono_reads() {
        let texts = [
            "2026-11-20T10:15:02.123Z",
            "2026-11-20T10:15:02Z",
            "2026-11-20 10:15:02",
            "2026-11-20 10:15:02.5",
            "2026-11-20T10:15:02.123456789",
            "2026-11-20 10:15:02.123Z",
            "1969-12-31 23:59:59.999",
            "2024-02-29 00:00:00",
            "2023-02-29 00:00:00",
            "2026-13-01 00:00:00",
            "2026-11-20 24:00:00",
            "2026-11-20 10:15:60",
            "2026-11-20x10:15:02",
            "2026-11-20 10:15:02.",
            "2026-11-20 10:15:02.1234567890",
            "2026-11-20 11:00:02,608",
            "2026-11-20 11:00:02,6",
            "2026-11-20 11:00:02,608Z",
            "2026-11-20T11:00:02,608",
            "2026-11-20 11:00:02,",
        ];
        for text in texts {
            let fast = utc_rfc3339_millis(text.as_bytes());
            if let Some(millis) = fast {
                assert_eq!(Some(millis), parse_text_by_chrono(text), "{text}");
            }
            assert_eq!(parse_text_any(text), fast.or_else(|| parse_text_by_chrono(text)), "{text}");
        }
        assert!(utc_rfc3339_millis(b"2026-11-20 10:15:02").is_some(), "W3C's form takes the fast path");
        assert!(utc_rfc3339_millis(b"2026-11-20 11:00:02,608").is_some(), "so does Python's");
    }

    /// Every byte of a time made every other ASCII byte in turn: what the fast read answers,
    /// chrono answers the same, and a digit for a digit it reads as chrono does (but a leap second).
    #[test]
    fn a_time_with_any_byte_changed_reads_as_chrono_reads_it() {
        for time in
            ["2026-11-20T10:15:02.123Z", "2024-02-29 23:59:59,608", "2026-12-31T19:09:29", "2000-01-01 00:00:00Z"]
        {
            for at in 0..time.len() {
                for byte in 0..=0x7f_u8 {
                    let mut text = time.as_bytes().to_vec();
                    text[at] = byte;
                    let text = String::from_utf8(text).expect("ASCII");
                    let (fast, chrono) = (utc_rfc3339_millis(text.as_bytes()), parse_text_by_chrono(&text));
                    assert!(fast.is_none() || fast == chrono, "{text:?}: {fast:?}, chrono {chrono:?}");
                    let digit_for_digit = byte.is_ascii_digit() && time.as_bytes()[at].is_ascii_digit();
                    if digit_for_digit && !text[17..19].starts_with('6') {
                        assert_eq!(fast, chrono, "{text:?}");
                    }
                }
                // Bytes that are a digit's but for their high bit are no digit either.
                let mut bytes = time.as_bytes().to_vec();
                bytes[at] |= 0x80;
                assert_eq!(utc_rfc3339_millis(&bytes), None, "{bytes:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn utc_timestamps_read_as_chrono_reads_them(
            year in 0i64..=9999,
            month in 0i64..=13,
            day in 0i64..=32,
            hour in 0i64..=25,
            minute in 0i64..=61,
            second in 0i64..=61,
            fraction in "[0-9]{0,11}",
        ) {
            let dot = if fraction.is_empty() { "" } else { "." };
            let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{dot}{fraction}Z");
            let fast = utc_rfc3339_millis(text.as_bytes());
            let chrono = DateTime::parse_from_rfc3339(&text).ok().map(|time| time.timestamp_millis());
            // Where the fast read answers, chrono gives the same; where chrono reads the whole
            // form without a leap second, so does the fast read.
            if let Some(fast) = fast {
                proptest::prop_assert_eq!(Some(fast), chrono, "{}", text);
            } else if second < 60 && fraction.len() <= 9 {
                proptest::prop_assert_eq!(chrono, None, "{}", text);
            }
        }
    }

    proptest::proptest! {
        /// Times read one after another, most on the date of the one before (which is
        /// remembered), read as chrono reads each: valid or not.
        #[test]
        fn a_remembered_date_reads_as_chrono_reads_it(
            dates in (
                proptest::sample::select(vec!["2024-02-29", "2023-02-29", "2026-11-20", "2026-13-01", "2026-1x-01"]),
                proptest::sample::select(vec!["2024-02-29", "2026-11-20", "1969-12-31", "2026-11-00"]),
            ),
            times in proptest::collection::vec(
                (proptest::bool::weighted(0.8), "(00|23|24):(00|59|60):(00|59|60|6x)", "(\\.[0-9]{1,4})?"),
                1..24,
            )
        ) {
            for (first, time, fraction) in times {
                let date = if first { dates.0 } else { dates.1 };
                let text = format!("{date}T{time}{fraction}Z");
                let chrono = DateTime::parse_from_rfc3339(&text).ok().map(|at| at.timestamp_millis());
                // A leap second is chrono's to read.
                let leap = time.ends_with(":60");
                let fast = utc_rfc3339_millis(text.as_bytes());
                proptest::prop_assert!(fast == chrono || leap && fast.is_none(), "{}: {:?} {:?}", text, fast, chrono);
            }
        }
    }

    const T: i64 = 1_763_633_702_123; // 2025-11-20T10:15:02.123Z

    #[test]
    fn text_forms_agree() {
        for text in [
            "2025-11-20T10:15:02.123Z",
            "2025-11-20T11:15:02.123+01:00",
            "2025-11-20 10:15:02,123",
            "2025-11-20 10:15:02.123",
            "2025-11-20T10:15:02.123",
            "1763633702.123",
            "1763633702123",
        ] {
            assert_eq!(parse_text(text), Some(T), "{text}");
        }
        assert_eq!(parse_text("20/Nov/2025:10:15:02 +0000"), Some(T - 123));
        assert_eq!(parse_text("Thu, 20 Nov 2025 10:15:02 GMT"), Some(T - 123));
    }

    #[test]
    fn epoch_units_by_magnitude() {
        assert_eq!(from_epoch_number(1_763_633_702.123), Some(T));
        assert_eq!(from_epoch_number(1_763_633_702_123.0), Some(T));
        assert_eq!(from_epoch_number(1_763_633_702_123_000.0), Some(T));
        assert_eq!(from_epoch_number(1_763_633_702_123_000_000.0), Some(T));
        assert_eq!(from_epoch_number(-5.0), None);
    }

    #[test]
    fn only_the_years_0000_to_9999() {
        assert_eq!(parse_text("1969-07-20T20:17:40Z"), Some(-14_182_940_000));
        assert_eq!(parse_text("0000-01-01T00:00:00Z"), Some(MIN_TIME_MS));
        assert_eq!(parse_text("9999-12-31T23:59:59.999Z"), Some(MAX_TIME_MS));
        assert_eq!(format_rfc3339(MIN_TIME_MS).as_deref(), Some("0000-01-01T00:00:00.000Z"));
        assert_eq!(format_rfc3339(MAX_TIME_MS).as_deref(), Some("9999-12-31T23:59:59.999Z"));
        // chrono reads these; errlens drops them.
        for text in ["-0001-12-31 23:59:59", "+10000-01-01 00:00:00"] {
            assert!(parse_text_any(text).is_some(), "{text}");
            assert_eq!(parse_text(text), None, "{text}");
        }
        assert_eq!(parse_text("10000-01-01T00:00:00Z"), None);
        use serde_json::Value;
        assert_eq!(parse_value(&Value::from(1e30)), None);
        assert_eq!(parse_value(&Value::from(2.6e20)), None);
        assert_eq!(parse_value(&Value::from(2.5e20)), Some(250_000_000_000_000));
    }

    #[test]
    fn nonsense_is_none() {
        for text in ["", "yesterday", "2025-13-45", "10:15"] {
            assert_eq!(parse_text(text), None, "{text}");
        }
        assert_eq!(format_rfc3339(T).as_deref(), Some("2025-11-20T10:15:02.123Z"));
    }
}
