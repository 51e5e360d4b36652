//! Where a text line names its time (`2026-11-20 11:00:44,422`, `10/Oct/2026:13:55:36 +0000`),
//! found by hand exactly as [`super::TIME`] finds it in ASCII text: on an application log the
//! regex's lazy automaton, run forward to a match's end and back to its start, took an eighth of
//! a line's reading. The regex stays the definition (and reads text that holds other scripts'
//! digits, which its `\d` takes too); tests hold the two to the same answer.

/// Where the first time is in `text` (start, end), as the regex
/// `\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?|\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}`
/// finds it; `None` for text with a numeral outside ASCII (ask the regex).
pub fn find(text: &str) -> Option<Option<(usize, usize)>> {
    let bytes = text.as_bytes();
    // Other bytes than ASCII's never hold a shape's byte, so where the regex's `\d` can only
    // take ASCII digits the two agree: Loki's `432.924µs` sent a line in sixteen to the regex,
    // whose building alone cost a 64 MiB log some 2 ms. `is_numeric` takes more than `\d`.
    if !bytes.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return None;
    }
    // Every time has a colon where its hour ends: 13 bytes after its start (ISO) or 11 (CLF).
    // Only those starts are tried (a line's message seldom holds a colon, a time holds three),
    // colon after colon, and at each start the ISO shape first, as the regex's alternation. The
    // first found is the leftmost: a time that started further left would have its colon left
    // of this one, or (left of a CLF time) its ISO colon one byte to the right, where its digits
    // would be the CLF time's `/`.
    let at_start = |start: usize| iso_at(bytes, start).or_else(|| clf_at(bytes, start)).map(|end| (start, end));
    // Most application logs' lines start with their time.
    if let Some(found) = at_start(0) {
        return Some(Some(found));
    }
    let found = memchr::memchr_iter(b':', bytes).find_map(|colon| {
        [colon.checked_sub(ISO_COLON), colon.checked_sub(CLF_COLON)].into_iter().flatten().find_map(at_start)
    });
    Some(found)
}

/// Where the hour's colon is from a time's start: `2026-11-20T11:` and `10/Oct/2026:`.
const ISO_COLON: usize = 13;
const CLF_COLON: usize = 11;

/// Whether `bytes` from `at` hold `shape`: `d` a digit, `A` an upper-case and `a` a lower-case
/// letter, `T` a `T` or a space, `s` a sign, anything else itself. Every byte is checked, without
/// stopping at the first that fails: with the shape a constant, the checks unroll into a few
/// instructions each (stepping through the shape a byte at a time cost a line's time some 300).
#[inline(always)]
fn holds<const N: usize>(bytes: &[u8], at: usize, shape: &[u8; N]) -> bool {
    let Some(here) = bytes.get(at..at + N) else { return false };
    let mut all = true;
    for (&b, &want) in here.iter().zip(shape) {
        all &= match want {
            b'd' => b.is_ascii_digit(),
            b'A' => b.is_ascii_uppercase(),
            b'a' => b.is_ascii_lowercase(),
            b'T' => b == b'T' || b == b' ',
            b's' => b == b'+' || b == b'-',
            _ => b == want,
        };
    }
    all
}

/// The end of `\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?`
/// from `start`. The optional parts are greedy and nothing follows them: each is taken when it
/// holds whole.
fn iso_at(bytes: &[u8], start: usize) -> Option<usize> {
    if !holds(bytes, start, b"dddd-dd-ddTdd:dd:dd") {
        return None;
    }
    let mut end = start + 19;
    if matches!(bytes.get(end), Some(b'.' | b',')) {
        let digits = bytes[end + 1..].iter().take(9).take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    if bytes.get(end) == Some(&b'Z') {
        end += 1;
    } else if holds(bytes, end, b"sdd:dd") {
        end += 6;
    } else if holds(bytes, end, b"sdddd") {
        end += 5;
    }
    Some(end)
}

/// The end of `\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}` from `start`.
fn clf_at(bytes: &[u8], start: usize) -> Option<usize> {
    let shape = b"dd/Aaa/dddd:dd:dd:dd sdddd";
    holds(bytes, start, shape).then_some(start + shape.len())
}
