//! The forms almost every log line carries, `2026-11-20T10:15:02.123Z`, and without the zone
//! (UTC, as everywhere), with a space for the `T` (W3C, Java logs) and a comma before the
//! fraction (Python's logging), read without chrono's general parser (a line's timestamp cost
//! as much as its status, URL and method together). Anything else (offsets, leap seconds, more
//! than nine fraction digits) is left to chrono.
//!
//! The 19 bytes of date and time are read eight at a time: every digit and separator checked in
//! a few word operations, where checking them a byte at a time cost a line some 200 instructions.

use super::{days_from_civil, days_in_month};

/// The time `text` holds in one of these forms, in milliseconds since 1970; `None` for any
/// other text.
pub(super) fn utc_rfc3339_millis(text: &[u8]) -> Option<i64> {
    let zoneless = text.strip_suffix(b"Z").unwrap_or(text);
    let (head, fraction) = match zoneless {
        head if head.len() == 19 => (head, &[][..]),
        // Python's logging writes `,123`, with a space for the `T`.
        head if head.len() > 20 && (head[19] == b'.' || head[19] == b',' && head[10] == b' ') => {
            (&head[..19], &head[20..])
        }
        _ => return None,
    };
    if fraction.len() > 9 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // `dddd-dd-` `ddTdd:dd` and, overlapping, `dd:dd:dd`: byte i of the text is lane i % 8.
    let word = |at: usize| u64::from_le_bytes(head[at..at + 8].try_into().expect("eight bytes"));
    let (date, clock, seconds) = (word(0), word(8), word(11));
    let shaped = not_digits(date, lanes(&[0, 1, 2, 3, 5, 6]))
        | not_digits(clock, lanes(&[0, 1, 3, 4, 6, 7]))
        | not_digits(seconds, lanes(&[6, 7]))
        | (date ^ splat(b'-')) & lanes(&[4, 7])
        | (seconds ^ splat(b':')) & lanes(&[2, 5])
        == 0;
    if !shaped || !matches!(head[10], b'T' | b' ') {
        return None;
    }
    // Each digit's lane holds its value once `0` is taken off.
    let (date, clock, seconds) = (date ^ splat(b'0'), clock ^ splat(b'0'), seconds ^ splat(b'0'));
    let two = |word: u64, lane: u32| i64::from(byte(word, lane)) * 10 + i64::from(byte(word, lane + 1));
    // The date's bytes, `2026-11-20`, as remembered from the line before.
    let date_key = (date, clock & 0xffff);
    let days = match LAST_DATE.get() {
        (last, days) if last == date_key => days,
        _ => {
            let (year, month, day) = (two(date, 0) * 100 + two(date, 2), two(date, 5), two(clock, 0));
            if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
                return None;
            }
            let days = days_from_civil(year, month, day);
            LAST_DATE.set((date_key, days));
            days
        }
    };
    let (hour, minute, second) = (two(clock, 3), two(clock, 6), two(seconds, 6));
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let millis = fraction.iter().chain(b"000").take(3).fold(0, |value, byte| value * 10 + i64::from(byte - b'0'));
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second;
    Some(seconds * 1_000 + millis)
}

thread_local! {
    /// The date of the last time read on this thread (its bytes, `0` taken off each, as read:
    /// the first word and two bytes of the second), and its days since 1970; only a valid date is
    /// remembered. A log's lines come a day's worth at a time, whose date is read once.
    static LAST_DATE: std::cell::Cell<((u64, u64), i64)> = const { std::cell::Cell::new(((u64::MAX, 0), 0)) };
}

/// `byte` in every lane.
const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// All bits of the lanes numbered.
const fn lanes(numbers: &[u32]) -> u64 {
    let mut mask = 0;
    let mut at = 0;
    while at < numbers.len() {
        mask |= 0xff << (8 * numbers[at]);
        at += 1;
    }
    mask
}

/// The lanes among `mask` of `word` that hold no ASCII digit, by their high bit: a digit less
/// `0` is 0 to 9, and 0x76 added to a lane's low seven bits (no carry into the next lane) sets
/// its high bit from 10 up.
fn not_digits(word: u64, mask: u64) -> u64 {
    let value = word ^ splat(b'0');
    ((value & splat(0x7f)).wrapping_add(splat(0x76)) | value) & splat(0x80) & mask
}

fn byte(word: u64, lane: u32) -> u8 {
    (word >> (8 * lane)) as u8
}
