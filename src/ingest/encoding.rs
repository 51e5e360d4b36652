//! Text encodings of logs from Windows and older systems. errlens reads UTF-8; a UTF-16 or UTF-32
//! file (what Windows PowerShell 5.1's `>` and `Out-File` write) is told by its byte order mark,
//! or without one by where its zero bytes fall, and turned into UTF-8 whole before it is read, so
//! spans, line numbers and reading a call back work on the UTF-8 text. A line of a UTF-8 file
//! with a few bytes that are not UTF-8 (older .NET and Java services write Windows-1252) is read
//! as Windows-1252 rather than skipped, and counted as repaired.

use std::fmt;

/// The encoding a file's text was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum Encoding {
    /// UTF-8 (or ASCII), with or without a byte order mark.
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian (Windows' "Unicode").
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// UTF-32, little-endian.
    #[serde(rename = "utf-32le")]
    Utf32Le,
    /// UTF-32, big-endian.
    #[serde(rename = "utf-32be")]
    Utf32Be,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Utf32Le => "UTF-32LE",
            Self::Utf32Be => "UTF-32BE",
        })
    }
}

/// UTF-8's byte order mark: some tools write it at the start of a file (and `cat` leaves it in
/// the middle of one). Spans and line offsets count from after it.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without the UTF-8 byte order mark that starts them, if one does.
pub fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

/// Where the content of `bytes` starts: 3 after a UTF-8 byte order mark, else 0.
pub fn utf8_bom_len(bytes: &[u8]) -> usize {
    bytes.len() - strip_utf8_bom(bytes).len()
}

/// How many bytes are looked at to tell the encoding without a byte order mark.
const SNIFF_BYTES: usize = 4096;

/// The encoding of content that starts with `head` (after gzip is unwrapped).
pub fn sniff(head: &[u8]) -> Encoding {
    // UTF-32LE's mark starts like UTF-16LE's: look at it first.
    if head.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Encoding::Utf32Le;
    }
    if head.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Encoding::Utf32Be;
    }
    if head.starts_with(&[0xFF, 0xFE]) && !mark_lies(&head[2..]) {
        return Encoding::Utf16Le;
    }
    if head.starts_with(&[0xFE, 0xFF]) && !mark_lies(&head[2..]) {
        return Encoding::Utf16Be;
    }
    if head.starts_with(UTF8_BOM) {
        return Encoding::Utf8;
    }
    by_zero_bytes(&head[..head.len().min(SNIFF_BYTES)])
}

/// A UTF-16 mark before text that is plainly UTF-8 (no zero byte, valid UTF-8): an editor's or
/// a concatenation's stray mark. The text is read as UTF-8 and the mark's bytes are skipped as
/// a line's start (see `line::parse_one`).
fn mark_lies(after: &[u8]) -> bool {
    let sample = &after[..after.len().min(SNIFF_BYTES)];
    sample.len() >= 8
        && !sample.contains(&0)
        && sample.utf8_chunks().filter(|chunk| !chunk.invalid().is_empty()).count() <= 1
}

/// Text in UTF-16 or UTF-32 without a mark: mostly ASCII, so one or three bytes of every two or
/// four are zero, always at the same places. UTF-8 text never holds so many zeros in that order;
/// a UTF-8 log with a few NUL bytes is not mistaken.
fn by_zero_bytes(head: &[u8]) -> Encoding {
    if head.len() < 8 {
        return Encoding::Utf8;
    }
    let mut zeros = [0usize; 4];
    for (at, byte) in head.iter().enumerate() {
        if *byte == 0 {
            zeros[at % 4] += 1;
        }
    }
    let quarter = head.len() / 4;
    let mostly = |count: usize| count * 10 >= quarter * 9;
    let hardly = |count: usize| count * 10 <= quarter;
    if mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && hardly(zeros[0]) {
        return Encoding::Utf32Le;
    }
    if mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && hardly(zeros[3]) {
        return Encoding::Utf32Be;
    }
    let (even, odd) = (zeros[0] + zeros[2], zeros[1] + zeros[3]);
    let half = head.len() / 2;
    if odd * 10 >= half * 7 && even * 10 <= half {
        Encoding::Utf16Le
    } else if even * 10 >= half * 7 && odd * 10 <= half {
        Encoding::Utf16Be
    } else {
        Encoding::Utf8
    }
}

/// `bytes` in `encoding` as UTF-8 (a byte order mark becomes UTF-8's). Units that are not text
/// (an unpaired surrogate, bytes left over at the end) become U+FFFD. One pass into one buffer:
/// parts turned on both cores and joined cost more in copies and page faults than they saved.
pub fn to_utf8(bytes: &[u8], encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => bytes.to_vec(),
        other => {
            let mut out = Vec::with_capacity(bytes.len() / other.width() + 16);
            decode_into(bytes, other, &mut out);
            out
        }
    }
}

impl Encoding {
    /// Bytes a code unit.
    fn width(self) -> usize {
        match self {
            Self::Utf8 => 1,
            Self::Utf16Le | Self::Utf16Be => 2,
            Self::Utf32Le | Self::Utf32Be => 4,
        }
    }
}

/// Reads `reader` (text in `encoding`, not UTF-8) to its end as UTF-8, a few MiB at a time: the
/// text in the file's encoding is never held whole (for UTF-16, that is twice the UTF-8).
pub fn read_as_utf8(mut reader: impl std::io::Read, encoding: Encoding, size_hint: usize) -> std::io::Result<Vec<u8>> {
    const CHUNK: usize = 4 << 20;
    let width = encoding.width();
    let mut out = Vec::new();
    out.try_reserve_exact(size_hint / width + 16).map_err(|_| std::io::ErrorKind::OutOfMemory)?;
    let mut buffer = vec![0u8; CHUNK];
    let mut filled = 0;
    loop {
        let read = reader.read(&mut buffer[filled..])?;
        filled += read;
        if read == 0 {
            decode_into(&buffer[..filled], encoding, &mut out);
            return Ok(out);
        }
        if filled < CHUNK {
            continue;
        }
        // Whole units only, and never the first half of a surrogate pair: the rest waits.
        let mut cut = filled / width * width;
        if width == 2 && (0xD800..0xDC00).contains(&unit16(&buffer[cut - 2..cut], encoding)) {
            cut -= 2;
        }
        decode_into(&buffer[..cut], encoding, &mut out);
        buffer.copy_within(cut..filled, 0);
        filled -= cut;
    }
}

fn unit16(pair: &[u8], encoding: Encoding) -> u16 {
    let pair = [pair[0], pair[1]];
    if encoding == Encoding::Utf16Le { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
}

/// One part: ASCII (most of a log) byte by byte, the rest through the standard decoders.
/// Text in `encoding` appended to `out` as UTF-8: ASCII (most of a log) unit by unit, the rest
/// through the standard decoders.
fn decode_into(bytes: &[u8], encoding: Encoding, out: &mut Vec<u8>) {
    let width = encoding.width();
    let mut buffer = [0u8; 4];
    let mut push = |c: char, out: &mut Vec<u8>| out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    if width == 2 {
        let mut units = bytes.chunks_exact(2).map(|pair| unit16(pair, encoding)).peekable();
        while let Some(unit) = units.next() {
            if unit < 0x80 {
                out.push(unit as u8);
                continue;
            }
            let pair = match units.peek() {
                Some(&low) if (0xD800..0xDC00).contains(&unit) && (0xDC00..0xE000).contains(&low) => {
                    units.next();
                    [unit, low]
                }
                _ => [unit, 0],
            };
            let len = if pair[1] == 0 { 1 } else { 2 };
            for c in char::decode_utf16(pair[..len].iter().copied()) {
                push(c.unwrap_or(char::REPLACEMENT_CHARACTER), out);
            }
        }
    } else {
        for quad in bytes.chunks_exact(4) {
            let quad = [quad[0], quad[1], quad[2], quad[3]];
            let code = if encoding == Encoding::Utf32Le { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
            push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER), out);
        }
    }
    if !bytes.len().is_multiple_of(width) {
        push(char::REPLACEMENT_CHARACTER, out);
    }
}

/// Windows-1252's characters for the bytes 0x80–0x9F (five of them are unassigned and kept as
/// the C1 control of the same number, as browsers do); 0xA0–0xFF are Latin-1's.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// `bytes` as text, as `String::from_utf8_lossy` reads them, with valid UTF-8 (nearly every
/// line) checked by simdutf8: the standard library's check walks it a chunk at a time, a tenth of
/// reading an OkHttp log, whose lines a format that spans lines reads as text one by one.
pub fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// A line that is not UTF-8 read as Windows-1252 where it is not: runs of valid UTF-8 stay as
/// they are (a line may mix both), every other byte is its Windows-1252 character.
pub fn repair_line(line: &[u8]) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for chunk in line.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().map(|&byte| cp1252(byte)));
    }
    out
}

fn cp1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_text_is_what_the_standard_library_makes_of_the_bytes() {
        for bytes in [&b"plain"[..], "d\u{e9}j\u{e0} \u{2713}".as_bytes(), b"caf\xe9", b"\xff\xfe", b"a\xe2\x82", b""] {
            assert_eq!(lossy(bytes), String::from_utf8_lossy(bytes), "{bytes:?}");
        }
        assert!(matches!(lossy(b"plain"), std::borrow::Cow::Borrowed(_)), "valid text is not copied");
    }

    fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
        let units = mark.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        units.flat_map(|unit| if little { unit.to_le_bytes() } else { unit.to_be_bytes() }).collect()
    }

    #[test]
    fn utf16_and_utf32_with_and_without_a_mark() {
        let text = "{\"status\":409,\"message\":\"René\"}\n{\"status\":200}\n";
        for little in [true, false] {
            for mark in [true, false] {
                let bytes = utf16(text, little, mark);
                let expected = if little { Encoding::Utf16Le } else { Encoding::Utf16Be };
                assert_eq!(sniff(&bytes), expected, "little {little} mark {mark}");
                let decoded = to_utf8(&bytes, expected);
                let decoded = decoded.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&decoded);
                assert_eq!(decoded, text.as_bytes());
            }
        }
        let utf32: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
        assert_eq!(sniff(&utf32), Encoding::Utf32Le);
        assert_eq!(to_utf8(&utf32, Encoding::Utf32Le), text.as_bytes());
        let utf32_be: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect();
        assert_eq!(sniff(&utf32_be), Encoding::Utf32Be);
    }

    #[test]
    fn utf8_with_a_few_nuls_stays_utf8_and_odd_bytes_are_replaced() {
        assert_eq!(sniff(b"{\"a\":1}\n\0\n{\"b\":2}\n"), Encoding::Utf8);
        assert_eq!(sniff(b""), Encoding::Utf8);
        assert_eq!(sniff(b"\xEF\xBB\xBF{}"), Encoding::Utf8);
        assert_eq!(sniff(b"\xFF\xFE{\"status\":500}\n"), Encoding::Utf8, "a mark that lies");
        assert_eq!(sniff(b"\xFF\xFE"), Encoding::Utf16Le, "a lone mark");
        let odd = to_utf8(b"\xFF\xFEa\0b", Encoding::Utf16Le);
        assert_eq!(String::from_utf8(odd).expect("utf-8"), "\u{feff}a\u{fffd}");
        let lone_surrogate = to_utf8(&[0x00, 0xD8, b'x', 0], Encoding::Utf16Le);
        assert_eq!(String::from_utf8(lone_surrogate).expect("utf-8"), "\u{fffd}x");
    }

    #[test]
    fn large_inputs_are_cut_between_characters() {
        // A surrogate pair across every part boundary, and text on both sides.
        let text: String = std::iter::repeat_n("ab😀é", 3 << 20).collect();
        for little in [true, false] {
            let bytes = utf16(&text, little, false);
            let encoding = if little { Encoding::Utf16Le } else { Encoding::Utf16Be };
            assert_eq!(to_utf8(&bytes, encoding), text.as_bytes());
        }
    }

    #[test]
    fn read_a_few_mib_at_a_time_as_whole() {
        // A surrogate pair and odd units across the reader's 4 MiB steps, which come in pieces.
        let text: String = std::iter::repeat_n("ab😀é", 1 << 20).collect();
        for (little, encoding) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
            let bytes = utf16(&text, little, false);
            struct Trickle<'a>(&'a [u8]);
            impl std::io::Read for Trickle<'_> {
                fn read(&mut self, into: &mut [u8]) -> std::io::Result<usize> {
                    let n = into.len().min(self.0.len()).min(1_000_003);
                    into[..n].copy_from_slice(&self.0[..n]);
                    self.0 = &self.0[n..];
                    Ok(n)
                }
            }
            let read = read_as_utf8(Trickle(&bytes), encoding, bytes.len()).expect("read");
            assert_eq!(read, text.as_bytes());
        }
        let odd = read_as_utf8(&b"a\0b"[..], Encoding::Utf16Le, 3).expect("read");
        assert_eq!(String::from_utf8(odd).expect("utf-8"), "a\u{fffd}");
    }

    #[test]
    fn windows_1252_bytes_in_a_utf8_line() {
        assert_eq!(repair_line(b"ren\xe9@example.com \x80 \x93ok\x94 caf\xc3\xa9"), "rené@example.com € “ok” café");
    }
}
