//! `errlens redact`: a copy of a log that a user can share, in the log's own format (NDJSON stays
//! NDJSON, HAR stays valid HAR, CSV stays CSV), with every secret and customer datum replaced by a
//! marker. Reading the copy gives the same calls and kinds as the original.

use crate::ingest::Format;
use crate::redact::{Redacted, Redactor, Spelling};

/// The redacted text of a whole (decompressed) log and how many values were removed. A table
/// (Parquet, Arrow IPC) is given as the NDJSON text of its rows ([`crate::ingest::table_text`]),
/// and its copy is that text.
pub fn redact_log(bytes: &[u8], format: Format, redactor: &Redactor) -> Redacted<String> {
    let text = String::from_utf8_lossy(crate::ingest::encoding::strip_utf8_bom(bytes));
    let redacted = redactor.terms_after_known(|redactor| match format {
        // A document is redacted whole, so it stays valid JSON with its layout.
        Format::Json | Format::Har => redactor.redact_body(&text),
        Format::Csv => redact_csv(&text, redactor),
        Format::Ndjson
        | Format::Text
        | Format::W3c
        | Format::Logfmt
        | Format::Line(_)
        | Format::Parquet
        | Format::ArrowIpc => redact_lines(&text, redactor),
    });
    sweep_known(redacted, format, redactor)
}

/// [`redact_log`] as bytes, for a line format whose lines may hold bytes that are not UTF-8
/// (Windows-1252, as older services write): such a line is read as Windows-1252, as ingest reads
/// it, and written back with its own bytes when nothing in it is removed (the copy stays what the
/// service wrote), or as the redacted UTF-8 text when something is.
pub fn redact_log_bytes(bytes: &[u8], format: Format, redactor: &Redactor) -> Redacted<Vec<u8>> {
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !format.is_line_based() || std::str::from_utf8(content).is_ok() {
        let Redacted { value, removed } = redact_log(bytes, format, redactor);
        return Redacted { value: value.into_bytes(), removed };
    }
    let lines: Vec<&[u8]> = content.split_inclusive(|&b| b == b'\n').collect();
    let read: Vec<String> = lines.iter().map(|line| crate::ingest::encoding::repair_line(line)).collect();
    let Redacted { value, removed } = redact_log(read.concat().as_bytes(), format, redactor);
    let mut out = Vec::with_capacity(bytes.len());
    // redact_lines and the sweep keep the lines as they are: the nth out is the nth in.
    for ((original, as_read), redacted) in lines.iter().zip(&read).zip(value.split_inclusive('\n')) {
        let kept = redacted == as_read && std::str::from_utf8(original).is_err();
        out.extend_from_slice(if kept { original } else { redacted.as_bytes() });
    }
    Redacted { value: out, removed }
}

/// A credential removed from one call goes from every other place in the file too: a cookie set
/// by one response reappears in later calls' URLs, referers and bodies, where nothing about its
/// name or shape says what it is.
fn sweep_known(redacted: Redacted<String>, format: Format, redactor: &Redactor) -> Redacted<String> {
    let known = redactor.known_values(&redacted.removed);
    if known.is_empty() {
        return redacted;
    }
    let Redacted { value, mut removed } = redacted;
    known.sweep_locations(&mut removed);
    let value = match format {
        // CSV quotes a cell's `"` by doubling it: a value holding one is not matched, like in JSON.
        Format::Json | Format::Har | Format::Csv => {
            let swept = known.sweep(&value, "log", Spelling::Json);
            removed.extend(swept.removed);
            swept.value
        }
        Format::Ndjson
        | Format::Text
        | Format::W3c
        | Format::Logfmt
        | Format::Line(_)
        | Format::Parquet
        | Format::ArrowIpc => {
            let mut out = String::with_capacity(value.len());
            for line in value.split_inclusive('\n') {
                let spelling = if line.trim_start().starts_with('{') { Spelling::Json } else { Spelling::Text };
                let swept = known.sweep(line, "log", spelling);
                out.push_str(&swept.value);
                removed.extend(swept.removed);
            }
            out
        }
    };
    Redacted { value, removed }
}

/// Lines are redacted each on its own, so a log's lines are redacted in pieces of about
/// [`PIECE_BYTES`] on every core, and the pieces joined in order: the same copy and list as one
/// pass, in about half the time on two cores.
fn redact_lines(text: &str, redactor: &Redactor) -> Redacted<String> {
    use rayon::prelude::*;
    let pieces: Vec<Redacted<String>> =
        pieces_of_lines(text, PIECE_BYTES).par_iter().map(|piece| redact_piece(piece, redactor)).collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for piece in pieces {
        out.push_str(&piece.value);
        removed.extend(piece.removed);
    }
    Redacted { value: out, removed }
}

/// Bytes of lines redacted as one piece, at least (a piece ends at a line's end).
const PIECE_BYTES: usize = 256 << 10;

/// `text` cut after the first line end past every `size` bytes.
fn pieces_of_lines(text: &str, size: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = match rest.as_bytes().get(size..).and_then(|after| memchr::memchr(b'\n', after)) {
            Some(newline) => size + newline + 1,
            None => rest.len(),
        };
        let (piece, after) = rest.split_at(end);
        pieces.push(piece);
        rest = after;
    }
    pieces
}

fn redact_piece(text: &str, redactor: &Redactor) -> Redacted<String> {
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for line in text.split_inclusive('\n') {
        let (content, ending) = split_ending(line);
        let redacted = if content.trim_start().starts_with('{') {
            redactor.redact_body(content)
        } else {
            redactor.redact_text(content)
        };
        out.push_str(&redacted.value);
        out.push_str(ending);
        removed.extend(redacted.removed);
    }
    Redacted { value: out, removed }
}

fn split_ending(line: &str) -> (&str, &str) {
    let content = line.strip_suffix('\n').unwrap_or(line);
    let content = content.strip_suffix('\r').unwrap_or(content);
    (content, &line[content.len()..])
}

/// Cells are redacted one by one (JSON cells keep their layout); the header row stays.
fn redact_csv(text: &str, redactor: &Redactor) -> Redacted<String> {
    let crlf = text.contains("\r\n");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
        .from_writer(Vec::new());
    let mut removed = Vec::new();
    for (index, row) in reader.records().enumerate() {
        let row = match row {
            Ok(row) => row,
            // An unreadable row is kept as redacted text rather than dropped.
            Err(error) => csv::StringRecord::from(vec![format!("(unreadable row: {error})")]),
        };
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                if index == 0 {
                    return cell.to_string();
                }
                let redacted = redactor.redact_body(cell);
                removed.extend(redacted.removed);
                redacted.value
            })
            .collect();
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    Redacted { value: String::from_utf8_lossy(&bytes).into_owned(), removed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_line_ends_and_hold_every_byte() {
        let text = "a\nbb\nccc\n\ndddd\ne";
        assert_eq!(pieces_of_lines(text, 2), ["a\nbb\n", "ccc\n", "\ndddd\n", "e"]);
        assert_eq!(pieces_of_lines(text, 100), [text]);
        assert!(pieces_of_lines("", 2).is_empty());
    }

    #[test]
    fn a_log_redacted_in_pieces_is_the_log_redacted_in_one() {
        let mut log = String::new();
        for n in 0..12_000 {
            log.push_str(&match n % 3 {
                0 => format!(
                    "2026-11-20 11:00:{:02} INFO charge for customer{n}@example.de with sk_live_{n:024}\r\n",
                    n % 60
                ),
                1 => format!("{{\"status\":401,\"email\":\"user{n}@example.de\",\"token\":\"ghp_{n:036}\"}}\n"),
                _ => "\n".to_string(),
            });
        }
        let redactor = Redactor { account_email: Some("customer3@example.de".into()), ..Redactor::default() };
        assert!(pieces_of_lines(&log, PIECE_BYTES).len() > 2, "several pieces");
        let pieces = redact_lines(&log, &redactor);
        let whole = redact_piece(&log, &redactor);
        assert_eq!(pieces.value, whole.value);
        assert_eq!(pieces.removed, whole.removed);
        assert!(pieces.removed.len() > 15_000 && !pieces.value.contains("sk_live_0"), "{}", pieces.removed.len());
    }

    #[test]
    fn a_windows_1252_line_keeps_its_bytes_unless_something_in_it_is_removed() {
        let redactor = Redactor::default();
        let mut log = b"{\"status\":409,\"message\":\"Ren\xe9 is a duplicate\"}\n".to_vec();
        log.extend(b"{\"status\":401,\"message\":\"caf\xe9\",\"api_key\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"}\n");
        log.extend(b"{\"status\":200}\n");
        let out = redact_log_bytes(&log, Format::Ndjson, &redactor);
        let lines: Vec<&[u8]> = out.value.split_inclusive(|&b| b == b'\n').collect();
        assert_eq!(lines[0], &log[..lines[0].len()], "nothing removed: the line's own bytes");
        let second = String::from_utf8(lines[1].to_vec()).expect("redacted lines are UTF-8");
        assert!(second.contains("café") && !second.contains("sk_live"), "{second}");
        assert_eq!(lines[2], b"{\"status\":200}\n");
    }

    #[test]
    fn each_format_stays_itself() {
        let key = format!("sk_live_{}", "Zx9".repeat(16));
        let redactor = Redactor::default();
        let ndjson =
            format!("{{\"status\":401,\"headers\":{{\"x-api-key\":\"{key}\"}}}}\r\n\nGET /a?api_key={key} 401\n");
        let out = redact_log(ndjson.as_bytes(), Format::Ndjson, &redactor);
        assert!(!out.value.contains(&key));
        assert_eq!(out.value.matches("\r\n").count(), 1);
        assert_eq!(out.value.lines().count(), 3);
        assert!(serde_json::from_str::<serde_json::Value>(out.value.lines().next().unwrap_or_default()).is_ok());
        assert_eq!(out.removed.len(), 2);

        let csv = format!(
            "time,status,response_body\r\n2026-11-20,409,\"{{\"\"message\"\":\"\"a@b.de exists\"\"}}\"\r\n1,2,{key}\r\n"
        );
        let out = redact_log(csv.as_bytes(), Format::Csv, &redactor);
        assert!(!out.value.contains("a@b.de") && !out.value.contains(&key), "{}", out.value);
        assert!(out.value.starts_with("time,status,response_body\r\n"));
        assert_eq!(csv::Reader::from_reader(out.value.as_bytes()).records().count(), 2);
    }
}
