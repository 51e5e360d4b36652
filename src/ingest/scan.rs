//! Finding bytes in a line, sixteen at a time: memchr's iterators set up their search at every
//! step, which on a log line's few dozen bytes, with a quote every few, cost more than the search.

use wide::u8x16;

/// Where `byte` first is in `text`, for the short texts (a URL's segments, a host) on which
/// memchr spends more setting its search up (its dispatch and alignment, some 50 instructions a
/// call) than searching: sixteen bytes at a time, then one at a time, inlined.
#[inline]
pub fn find_byte(text: &[u8], byte: u8) -> Option<usize> {
    find_either(text, byte, byte)
}

/// Where `a` or `b` first is in `text`, as [`find_byte`] finds one byte.
#[inline]
pub fn find_either(text: &[u8], a: u8, b: u8) -> Option<usize> {
    let (a_lanes, b_lanes) = (u8x16::splat(a), u8x16::splat(b));
    let mut chunks = text.chunks_exact(16);
    for (index, chunk) in chunks.by_ref().enumerate() {
        let lanes = u8x16::new(chunk.try_into().expect("sixteen bytes"));
        let mask = (lanes.cmp_eq(a_lanes) | lanes.cmp_eq(b_lanes)).move_mask();
        if mask != 0 {
            return Some(index * 16 + mask.trailing_zeros() as usize);
        }
    }
    let tail = chunks.remainder();
    if tail.len() < SHORT_TAIL {
        return tail.iter().position(|&byte| byte == a || byte == b).map(|at| text.len() - tail.len() + at);
    }
    // The tail in one more comparison of sixteen: the text's last sixteen bytes when it has
    // them, else the tail copied into zeros; a byte at a time cost a host or a URL's segment some
    // seven instructions a byte.
    let (lanes, skipped) = match text.len().checked_sub(16) {
        Some(last) => (u8x16::new(text[last..].try_into().expect("sixteen bytes")), 16 - tail.len()),
        None => {
            let mut lanes = [0u8; 16];
            lanes[..tail.len()].copy_from_slice(tail);
            (u8x16::new(lanes), 0)
        }
    };
    // Only the tail's own lanes count (`a` or `b` may be zero, which pads it).
    let mask =
        ((lanes.cmp_eq(a_lanes) | lanes.cmp_eq(b_lanes)).move_mask() as u32 >> skipped) & ((1u32 << tail.len()) - 1);
    (mask != 0).then(|| text.len() - tail.len() + mask.trailing_zeros() as usize)
}

/// Tails shorter than this are searched a byte at a time ([`find_either`]).
const SHORT_TAIL: usize = 4;

/// Where `a` or `b` is in `text`, in order.
pub fn positions_of(text: &[u8], a: u8, b: u8) -> impl Iterator<Item = usize> + '_ {
    let (a, b) = (u8x16::splat(a), u8x16::splat(b));
    let mask_of = move |lanes: [u8; 16]| {
        let lanes = u8x16::new(lanes);
        (lanes.cmp_eq(a) | lanes.cmp_eq(b)).move_mask() as u32
    };
    let chunks = text.chunks_exact(16);
    let tail = chunks.remainder();
    let full = chunks.map(move |chunk| mask_of(chunk.try_into().expect("sixteen bytes")));
    let last = (!tail.is_empty()).then(|| {
        let mut lanes = [0u8; 16];
        lanes[..tail.len()].copy_from_slice(tail);
        // Only the tail's own lanes count (`a` or `b` may be zero, which pads it).
        mask_of(lanes) & ((1u32 << tail.len()) - 1)
    });
    full.chain(last).enumerate().flat_map(|(chunk, mut mask)| {
        std::iter::from_fn(move || {
            (mask != 0).then(|| {
                let bit = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                chunk * 16 + bit
            })
        })
    })
}

/// Whether `bytes` are a UUID: 36 bytes, hex digits of either case in groups of 8-4-4-4-12
/// (what a UUID regex matches whole, checked by hand: a text line's quoted values and a
/// message's words are tested by the dozen).
#[inline]
pub fn is_uuid(bytes: &[u8]) -> bool {
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            8 | 13 | 18 | 23 => *byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// Whether `text` holds `first` followed by `second`, sixteen positions at a time. (A loop of
/// its own: the iterator of [`positions_of`] filtered for the pair is inlined, or not, by where
/// the compiler's units fall: when it was not, the generic text reader and logfmt ran 1.4–2.2 %
/// more instructions.)
pub fn holds_pair(text: &[u8], first: u8, second: u8) -> bool {
    let (firsts, seconds) = (u8x16::splat(first), u8x16::splat(second));
    let mut at = 0;
    while let (Some(here), Some(next)) = (text.get(at..at + 16), text.get(at + 1..at + 17)) {
        let here = u8x16::new(here.try_into().expect("sixteen bytes"));
        let next = u8x16::new(next.try_into().expect("sixteen bytes"));
        if (here.cmp_eq(firsts) & next.cmp_eq(seconds)).move_mask() != 0 {
            return true;
        }
        at += 16;
    }
    text[at..].windows(2).any(|pair| pair == [first, second])
}

/// How many bytes `text` starts with that are printable ASCII (`!` to `~`) other than `a` and
/// `b`: the run a scanner of URLs and words steps over before it has a byte to look at.
#[inline]
pub fn printable_run(text: &[u8], a: u8, b: u8) -> usize {
    let (space, delete) = (u8x16::splat(b' '), u8x16::splat(0x7f));
    let (a_lanes, b_lanes) = (u8x16::splat(a), u8x16::splat(b));
    let mut chunks = text.chunks_exact(16);
    for (chunk_index, chunk) in chunks.by_ref().enumerate() {
        let lanes = u8x16::new(chunk.try_into().expect("sixteen bytes"));
        // Unsigned `<= b' '` and `>= 0x7f`, by whether the minimum or maximum is the lane.
        let outside = lanes.min(space).cmp_eq(lanes) | lanes.max(delete).cmp_eq(lanes);
        let mask = (outside | lanes.cmp_eq(a_lanes) | lanes.cmp_eq(b_lanes)).move_mask();
        if mask != 0 {
            return chunk_index * 16 + mask.trailing_zeros() as usize;
        }
    }
    let tail = chunks.remainder();
    let plain = tail.iter().take_while(|&&byte| byte.is_ascii_graphic() && byte != a && byte != b).count();
    text.len() - tail.len() + plain
}

/// Whether `text` holds one of `names` (ASCII), in any case. Each name's first two bytes are
/// looked for sixteen positions at a time with their case folded (a byte `| 0x20`, which folds
/// letters and leaves a few other bytes looking like others: only a candidate), and each
/// candidate compared whole. Its first byte alone (an `r` for `retry-after`) stopped at every
/// word of a JSON body.
pub fn mentions_ignoring_case(text: &[u8], names: &[&str]) -> bool {
    names.iter().any(|name| {
        let name = name.as_bytes();
        let is_at = |at: usize| text.get(at..at + name.len()).is_some_and(|window| window.eq_ignore_ascii_case(name));
        let [first, second, ..] = *name else { return (0..text.len().max(1)).any(is_at) };
        let fold = u8x16::splat(0x20);
        let (firsts, seconds) = (u8x16::splat(first | 0x20), u8x16::splat(second | 0x20));
        // The candidates among the sixteen positions from `at` (which the text holds, and one byte more).
        let candidates_at = |at: usize| {
            let here = u8x16::new(text[at..at + 16].try_into().expect("sixteen bytes")) | fold;
            let next = u8x16::new(text[at + 1..at + 17].try_into().expect("sixteen bytes")) | fold;
            (here.cmp_eq(firsts) & next.cmp_eq(seconds)).move_mask() as u32
        };
        let any_at = |at: usize, mut candidates: u32| {
            while candidates != 0 {
                if is_at(at + candidates.trailing_zeros() as usize) {
                    return true;
                }
                candidates &= candidates - 1;
            }
            false
        };
        if text.len() < 17 {
            return (0..text.len()).any(is_at);
        }
        let mut at = 0;
        while at + 17 <= text.len() {
            if any_at(at, candidates_at(at)) {
                return true;
            }
            at += 16;
        }
        // The rest in one last window ending with the text, without the positions seen already
        // (the last position starts no name of two bytes or more).
        let last = text.len() - 17;
        any_at(last, candidates_at(last) >> (at - last) << (at - last))
    })
}

/// `a == b`, up to sixteen bytes by two loads of each (overlapping where the length is not a
/// multiple of the load): a `memcmp` call for every short key compared cost about as much as
/// reading the key.
#[inline(always)]
pub fn same_short(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if b.len() != len {
        return false;
    }
    let word = |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let half = |bytes: &[u8], at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    match len {
        17.. => a == b,
        8.. => word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8),
        4.. => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        _ => a == b,
    }
}

/// `text.trim()`, cutting byte by byte: the ASCII whitespace `char::is_whitespace` knows
/// (vertical tab included, unlike `u8::is_ascii_whitespace`), and only an end left on a byte
/// that is not ASCII, which may start other whitespace (`U+00A0`), goes to `str::trim`. The
/// character walk of `str::trim` cost a W3C row, which trims every value, a tenth of its time.
#[inline]
pub fn trim(text: &str) -> &str {
    // Most values start and end with a byte that is neither whitespace nor past ASCII.
    let plain = |byte: &u8| (b'!'..=b'~').contains(byte);
    if text.as_bytes().first().is_some_and(plain) && text.as_bytes().last().is_some_and(plain) {
        return text;
    }
    trim_ends(text)
}

/// Whether `byte` is ASCII whitespace as `char::is_whitespace` says (vertical tab included), and
/// as the format programs' and ASCII regexes' `\s` does.
pub fn is_space(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// `text.trim_start()`, by bytes as [`trim`].
pub fn trim_start(text: &str) -> &str {
    let start = text.as_bytes().iter().position(|byte| !is_space(byte)).unwrap_or(text.len());
    let cut = &text[start..];
    if cut.as_bytes().first().is_some_and(|byte| !byte.is_ascii()) { cut.trim_start() } else { cut }
}

/// `text` without the bytes `cut` says at its start and end (ASCII bytes: a cut stays between
/// characters).
pub fn trim_bytes(text: &str, cut: impl Fn(&u8) -> bool) -> &str {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|byte| !cut(byte)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|byte| !cut(byte)).map_or(start, |last| last + 1);
    &text[start..end]
}

fn trim_ends(text: &str) -> &str {
    let cut = trim_bytes(text, is_space);
    match (cut.as_bytes().first(), cut.as_bytes().last()) {
        (Some(first), Some(last)) if !first.is_ascii() || !last.is_ascii() => cut.trim(),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        find_byte, find_either, holds_pair, mentions_ignoring_case, positions_of, printable_run, trim, trim_start,
    };
    use proptest::prelude::*;

    /// Every length around the sixteen-byte steps and the tail's two ways (a byte at a time, one
    /// more comparison), the byte at every place or nowhere, zero among the bytes sought.
    #[test]
    fn finds_the_byte_at_every_place_of_every_length() {
        for len in 0..=49 {
            for sought in [0u8, b':'] {
                for at in (0..len).map(Some).chain([None]) {
                    let mut text = vec![if sought == 0 { b'x' } else { 0 }; len];
                    if let Some(at) = at {
                        text[at] = sought;
                        // A second one after it is not the first.
                        if at + 1 < len {
                            text[len - 1] = sought;
                        }
                    }
                    assert_eq!(find_byte(&text, sought), at, "{len} bytes, {sought} at {at:?}");
                    assert_eq!(find_either(&text, b'#', sought), at, "{len} bytes, {sought} at {at:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn finds_what_a_byte_loop_finds(text in proptest::collection::vec(prop_oneof![Just(0u8), Just(b'"'), Just(b'-'), any::<u8>()], 0..80), a in any::<u8>(), b in any::<u8>()) {
            let found: Vec<usize> = positions_of(&text, a, b).collect();
            let expected: Vec<usize> = text.iter().enumerate().filter(|(_, byte)| **byte == a || **byte == b).map(|(at, _)| at).collect();
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn finds_first_what_a_byte_loop_finds_first(text in proptest::collection::vec(prop_oneof![Just(0u8), Just(b'/'), Just(b'?'), any::<u8>()], 0..80), a in prop_oneof![Just(b'/'), any::<u8>()], b in any::<u8>()) {
            prop_assert_eq!(find_byte(&text, a), text.iter().position(|byte| *byte == a));
            prop_assert_eq!(find_either(&text, a, b), text.iter().position(|byte| *byte == a || *byte == b));
        }

        #[test]
        fn holds_a_pair_where_a_byte_loop_finds_it(text in proptest::collection::vec(prop_oneof![Just(b'"'), Just(b'-'), any::<u8>()], 0..80)) {
            prop_assert_eq!(holds_pair(&text, b'"', b'-'), text.windows(2).any(|pair| pair == b"\"-"));
        }

        #[test]
        fn a_printable_run_ends_where_a_byte_loop_says(text in proptest::collection::vec(prop_oneof![Just(b' '), Just(b'!'), Just(b'~'), Just(0x7f), Just(b'"'), Just(b'['), 0x20u8..0x80, any::<u8>()], 0..80)) {
            let expected = text.iter().position(|byte| !byte.is_ascii_graphic() || *byte == b'"' || *byte == b'[').unwrap_or(text.len());
            prop_assert_eq!(printable_run(&text, b'"', b'['), expected);
        }

        #[test]
        fn trims_what_str_trim_trims(text in proptest::collection::vec(prop_oneof![Just(' '), Just('\t'), Just('\x0B'), Just('\x0C'), Just('\r'), Just('\n'), Just('\u{1C}'), Just('\u{85}'), Just('\u{A0}'), Just('\u{3000}'), Just('é'), Just('a'), any::<char>()], 0..12)) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(trim(&text), text.trim());
            prop_assert_eq!(trim_start(&text), text.trim_start());
        }

        #[test]
        fn mentions_a_name_wherever_it_ends_a_text_of_any_length(before in 0usize..40, after in 0usize..20, cut in 0usize..2) {
            // Every position against the sixteen-byte windows and the last one: the name whole,
            // or cut short by a byte (then nowhere).
            let name = &"Retry-After"[..11 - cut];
            let text = format!("{}{name}{}", "x".repeat(before), "y".repeat(after));
            prop_assert_eq!(mentions_ignoring_case(text.as_bytes(), &["idempotency-key", "retry-after"]), cut == 0);
        }

        #[test]
        fn mentions_what_a_lowercase_search_finds(text in "[a-zA-Z: \r-]{0,60}(Retry-After|retry-after|RETRY\rAFTER|Idempotency-KEY|r)?[a-zA-Z \r-]{0,30}") {
            let lower = text.to_ascii_lowercase();
            // Two names, each alone, and with a name of one byte and an empty one among them.
            let lists: [&[&str]; 5] = [&["retry-after", "idempotency-key"], &["idempotency-key"], &["retry-after"], &["-", "retry-after"], &["", "x"]];
            for names in lists {
                prop_assert_eq!(mentions_ignoring_case(text.as_bytes(), names), names.iter().any(|name| lower.contains(name)), "{:?}", names);
            }
        }
    }
}
