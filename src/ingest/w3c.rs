//! W3C extended log files (IIS, CloudFront, and other servers that write them): `#` directives
//! and rows whose columns a `#Fields:` directive names. The directive may repeat and change
//! mid-file (IIS writes it again at every restart), so a row is read with the last one before it,
//! and a row read back later is given that line again ([`fields_lines`]).

use super::parts::read_in_parts;
use super::{Detail, Parsed, SkipReason, Skipped, scan, time};
use crate::record::{Record, SourceSpan};

/// Whether content is a W3C log: its first line is a directive and a `#Fields:` comes early.
pub fn looks_like(body: &[u8]) -> bool {
    let first = body.split(|&b| b == b'\n').map(<[u8]>::trim_ascii).find(|line| !line.is_empty());
    let directive = |line: &[u8]| {
        [&b"#Software:"[..], b"#Version:", b"#Date:", b"#Fields:", b"#Start-Date:", b"#Remark:"]
            .iter()
            .any(|name| line.starts_with(name))
    };
    first.is_some_and(directive)
        && body.split(|&b| b == b'\n').take(16).any(|line| line.trim_ascii_start().starts_with(b"#Fields:"))
}

/// Every `#Fields:` line with its offset in `content` (line end excluded): what a row read back
/// needs.
pub fn fields_lines(content: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut found = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', content).chain(std::iter::once(content.len())) {
        let line = content[start..end].trim_ascii();
        if line.starts_with(b"#Fields:") {
            found.push((start as u64, line.to_vec()));
        }
        start = end + 1;
        if start > content.len() {
            break;
        }
    }
    found
}

/// Reads a whole W3C log, in blocks on every core: each block starts with the `#Fields:` line in
/// effect where it starts.
pub fn parse(content: &[u8], detail: Detail, max_line_bytes: u64) -> Parsed {
    parse_in_blocks(content, super::stream::TEXT_BLOCK_BYTES, detail, max_line_bytes)
}

fn parse_in_blocks(content: &[u8], block_bytes: usize, detail: Detail, max_line_bytes: u64) -> Parsed {
    use rayon::prelude::*;
    let parts: Vec<Parsed> = blocks(content, block_bytes, max_line_bytes)
        .into_par_iter()
        .map(|block| block.parse(content, detail, max_line_bytes))
        .collect();
    let mut parsed = Parsed::default();
    for part in parts {
        parsed.records.extend(part.records);
        parsed.skipped.extend(part.skipped);
    }
    parsed
}

/// A block of a W3C log, cut at a line end, with the `#Fields:` in effect where it starts.
pub struct Block {
    start: usize,
    /// Where the block ends in the content.
    pub end: usize,
    first_line: u64,
    columns: Option<FieldPositions>,
}

impl Block {
    /// The block's rows.
    pub fn parse(self, content: &[u8], detail: Detail, max_line_bytes: u64) -> Parsed {
        let Self { start, end, first_line, mut columns } = self;
        let mut parsed = Parsed::default();
        parse_block(&content[start..end], first_line, start as u64, &mut columns, detail, max_line_bytes, &mut parsed);
        parsed
    }

    /// The block's rows, 64 KiB of lines at a time ([`parts_of`]).
    pub fn parts(self, content: &[u8], detail: Detail, max_line_bytes: u64) -> impl Iterator<Item = Parsed> + '_ {
        let Self { start, end, first_line, columns } = self;
        parts_of(&content[start..end], first_line, start as u64, columns, detail, max_line_bytes)
    }
}

/// The rows of `block` (whole lines starting at physical line `first_line` and content offset
/// `offset`), with `columns` in effect at its start, 64 KiB of lines at a time (as a line
/// format's block is read): a megabyte's records of some 330 bytes each, built in one vector,
/// were copied as it grew and held until the whole block was counted.
pub fn parts_of(
    block: &[u8],
    first_line: u64,
    offset: u64,
    mut columns: Option<FieldPositions>,
    detail: Detail,
    max_line_bytes: u64,
) -> impl Iterator<Item = Parsed> + '_ {
    read_in_parts(block, first_line, offset, move |piece, line, offset, parsed| {
        parse_block(piece, line, offset, &mut columns, detail, max_line_bytes, parsed)
    })
}

/// The `#Fields:` line in effect as blocks are passed in file order: what a block's rows start
/// with, worked out before the block is parsed (so blocks parse in parallel).
#[derive(Default)]
pub struct FieldsInEffect {
    /// The columns of the last `#Fields:` line passed; none before one, or after one over the
    /// line limit (unread, as where a block is read line by line).
    pub columns: Option<FieldPositions>,
}

impl FieldsInEffect {
    /// Passes the block of whole lines at content offset `offset`: returns its `#Fields:` lines
    /// with their offsets (what a row read back needs), the last one now in effect.
    pub fn pass(&mut self, block: &[u8], offset: u64, max_line_bytes: u64) -> Vec<(u64, Vec<u8>)> {
        let found = fields_lines(block);
        if let Some((at, line)) = found.last() {
            let within = super::line::line_at(block, *at as usize).len() as u64 <= max_line_bytes;
            self.columns = within.then(|| FieldPositions::of(&String::from_utf8_lossy(line)));
        }
        found.into_iter().map(|(at, line)| (offset + at, line)).collect()
    }
}

/// The blocks of about `block_bytes` a W3C log is read in (on every core, as they come: the
/// rows never wait for the whole file's).
pub fn blocks(content: &[u8], block_bytes: usize, max_line_bytes: u64) -> Vec<Block> {
    let mut in_effect = FieldsInEffect::default();
    super::stream::cut_blocks(content, block_bytes, None)
        .into_iter()
        .map(|(start, end, first_line)| {
            let columns = in_effect.columns.clone();
            in_effect.pass(&content[start..end], start as u64, max_line_bytes);
            Block { start, end, first_line, columns }
        })
        .collect()
}

/// The lines of one block, which starts at physical line `first_line` and byte `offset`, with
/// `columns` in effect at its start (and at its end when it returns), read into `parsed`.
fn parse_block(
    block: &[u8],
    first_line: u64,
    offset: u64,
    columns: &mut Option<FieldPositions>,
    detail: Detail,
    max_line_bytes: u64,
    parsed: &mut Parsed,
) -> u64 {
    let mut lines = super::line::lines(block, first_line);
    for (number, start, line) in lines.by_ref() {
        // Valid UTF-8 checked fast (as every line of a line format is); only what is not is repaired.
        let text = super::encoding::lossy(line);
        // Directives are found as `fields_lines` finds them for a row read back: by bytes.
        let fields = line.trim_ascii_start().starts_with(b"#Fields:");
        let result = if line.len() as u64 > max_line_bytes {
            if fields {
                // Unread, it leaves no fields in effect: the rows after it are not read with the
                // columns before it, which they may not be in (nor read back with it).
                *columns = None;
            }
            Err(SkipReason::TooLong { bytes: line.len() as u64, limit: max_line_bytes })
        } else if line.trim_ascii_start().starts_with(b"#") {
            if fields {
                *columns = Some(FieldPositions::of(&text));
            }
            Err(SkipReason::Directive)
        } else {
            match &*columns {
                Some(columns) => read_row_into(columns, &text, detail, &mut parsed.records),
                None => Err(SkipReason::NoFieldsYet),
            }
        };
        match result {
            Ok(()) => {
                if let Some(record) = parsed.records.last_mut() {
                    record.source = SourceSpan { line: number, offset: offset + start as u64, len: line.len() as u64 };
                }
            }
            Err(reason) => parsed.skipped.push(Skipped { line: number, reason }),
        }
    }
    lines.next_number()
}

/// Where the fields errlens reads stand in a row, from a `#Fields:` line (worked out once a
/// `#Fields:` line, not once a row).
#[derive(Debug, Clone, Default)]
pub struct FieldPositions {
    count: usize,
    status: Option<usize>,
    method: Option<usize>,
    uri: Option<usize>,
    uri_stem: Option<usize>,
    query: Option<usize>,
    host: Option<usize>,
    client: Option<usize>,
    date: Option<usize>,
    time: Option<usize>,
    result_type: Option<usize>,
    substatus: Option<usize>,
    request_id: Option<usize>,
    time_taken: Option<usize>,
}

impl FieldPositions {
    /// The columns a `#Fields:` line names.
    pub fn of(fields_line: &str) -> Self {
        let names: Vec<&str> = fields_line.trim().trim_start_matches("#Fields:").split_whitespace().collect();
        let find =
            |wanted: &[&str]| wanted.iter().find_map(|w| names.iter().position(|name| name.eq_ignore_ascii_case(w)));
        Self {
            count: names.len(),
            status: find(&["sc-status"]),
            method: find(&["cs-method"]),
            uri: find(&["cs-uri"]),
            uri_stem: find(&["cs-uri-stem"]),
            query: find(&["cs-uri-query"]),
            host: find(&["cs-host", "cs(Host)", "x-host-header", "s-computername"]),
            client: find(&["c-ip"]),
            date: find(&["date"]),
            time: find(&["time"]),
            result_type: find(&["x-edge-detailed-result-type", "x-edge-result-type"]),
            substatus: find(&["sc-substatus"]),
            request_id: find(&["x-edge-request-id", "s-request-id", "x-request-id"]),
            time_taken: find(&["time-taken"]),
        }
    }
}

/// One row, read with the `#Fields:` line in effect.
pub fn read_row(fields_line: &str, row: &str, detail: Detail) -> Result<Record, SkipReason> {
    read_row_in(&FieldPositions::of(fields_line), row, detail)
}

/// Columns of a row kept on the stack; a row of more is read into a vector.
const STACK_COLUMNS: usize = 48;

fn read_row_in(columns: &FieldPositions, row: &str, detail: Detail) -> Result<Record, SkipReason> {
    super::one_call(|records| read_row_into(columns, row, detail, records))
}

/// [`read_row_in`] with the row's record pushed onto `records` and filled where it stays: a
/// record returned and pushed was copied twice (some 300 bytes, a tenth of reading a row).
fn read_row_into(
    columns: &FieldPositions,
    row: &str,
    detail: Detail,
    records: &mut Vec<Record>,
) -> Result<(), SkipReason> {
    let row = trim_row(row);
    // Cut at bytes, sixteen at a time, into the stack: splitting by char and collecting took a
    // row as long as all the rest of reading it.
    let mut on_stack = [""; STACK_COLUMNS];
    // CloudFront separates with tabs (values hold spaces); IIS with spaces (values hold `+`).
    // Cut at spaces until a tab turns up, then again at tabs; the pass that reached the row's end
    // (`start` past it) is the one that counts. (A labelled loop or a function for the pass read
    // more plainly and cost W3C 3 to 9 % more instructions.)
    let (mut separator, mut found) = (b' ', 0);
    for candidate in [b' ', b'\t'] {
        let mut start = 0;
        found = 0;
        for at in scan::positions_of(row.as_bytes(), candidate, b'\t').chain([row.len()]) {
            if candidate == b' ' && row.as_bytes().get(at) == Some(&b'\t') {
                break;
            }
            if let Some(slot) = on_stack.get_mut(found) {
                *slot = &row[start..at];
            }
            found += 1;
            start = at + 1;
        }
        separator = candidate;
        if start > row.len() {
            break;
        }
    }
    if found != columns.count {
        return Err(SkipReason::ColumnCount { found, expected: columns.count });
    }
    let in_vector: Vec<&str>;
    let values: &[&str] = if found <= STACK_COLUMNS {
        &on_stack[..found]
    } else {
        in_vector = row.split(char::from(separator)).collect();
        &in_vector
    };
    let get = |column: Option<usize>| {
        column.map(|at| scan::trim(values[at])).filter(|value| !value.is_empty() && *value != "-")
    };
    let status = get(columns.status).ok_or(SkipReason::NoApiCall)?;
    let status = match status.parse::<u16>() {
        Ok(0) => 0,
        Ok(code) if (100..=599).contains(&code) => code,
        _ => return Err(SkipReason::BadStatus(status.to_string())),
    };
    // Nothing fails from here on.
    // Written in place (a record built and then pushed is copied into the vector).
    records.resize_with(records.len() + 1, Record::default);
    let record = records.last_mut().expect("pushed");
    record.status = status;
    record.method = get(columns.method).map(crate::record::method_upper);
    let path = get(columns.uri_stem);
    record.url = match (get(columns.uri), path, get(columns.query)) {
        (Some(url), _, _) => Some(url.to_string()),
        (None, Some(path), Some(query)) => Some(format!("{path}?{query}")),
        (None, path, _) => path.map(str::to_string),
    };
    record.host = get(columns.host).map(str::to_string);
    record.client_digest = get(columns.client).map(crate::record::body_digest);
    record.time_ms = match (get(columns.date), get(columns.time)) {
        (Some(date), Some(at)) => date_and_time(date, at),
        (None, Some(at)) => time::parse_text(at),
        _ => None,
    };
    if record.is_failure() {
        record.message = get(columns.result_type)
            .filter(|kind| !kind.eq_ignore_ascii_case("Miss") && !kind.eq_ignore_ascii_case("Hit"))
            .map(str::to_string)
            .or_else(|| {
                get(columns.substatus).filter(|sub| *sub != "0").map(|sub| format!("IIS substatus {status}.{sub}"))
            });
    }
    if detail == Detail::Full {
        record.request_id = get(columns.request_id).map(str::to_string);
        // IIS writes milliseconds; CloudFront seconds with a fraction.
        record.duration_ms = get(columns.time_taken).and_then(|taken| {
            let value: f64 = taken.parse().ok()?;
            Some(if taken.contains('.') { value * 1e3 } else { value })
        });
    }
    Ok(())
}

/// `row` without the line ending and spaces around it (`str::trim_matches` walks characters).
fn trim_row(row: &str) -> &str {
    scan::trim_bytes(row, |byte| matches!(byte, b'\r' | b'\n' | b' '))
}

/// The time of a row's `date` and `time` columns, joined by a space (without allocating:
/// every row has them).
fn date_and_time(date: &str, at: &str) -> Option<i64> {
    let mut joined = [0u8; time::MAX_TEXT_LEN];
    let len = date.len() + 1 + at.len();
    if len > joined.len() {
        // No time is that long (both parts are trimmed, so the joined text is).
        return None;
    }
    joined[..date.len()].copy_from_slice(date.as_bytes());
    joined[date.len()] = b' ';
    joined[date.len() + 1..len].copy_from_slice(at.as_bytes());
    time::parse_text(std::str::from_utf8(&joined[..len]).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_after_a_fields_line_too_long_to_read_have_no_fields() {
        let log = "#Fields: date time cs-method cs-uri-stem sc-status\n2022-11-07 14:29:06 GET /a 404\n\
                   #Fields: s-ip date time cs-method cs-uri-stem sc-status x-pad x-pad\n2022-11-07 15:42:39 GET /b 404\n";
        let parsed = parse(log.as_bytes(), Detail::Full, 60);
        assert_eq!(parsed.records.len(), 1, "the row after the unread #Fields: is not read with the first");
        let reasons: Vec<&SkipReason> = parsed.skipped.iter().map(|skipped| &skipped.reason).collect();
        assert!(matches!(reasons[..], [SkipReason::Directive, SkipReason::TooLong { .. }, SkipReason::NoFieldsYet]));
        // Block by block the same: the block that starts after it has no fields either.
        let in_blocks = parse_in_blocks(log.as_bytes(), 1, Detail::Full, 60);
        assert_eq!(in_blocks.records.len(), 1);
    }

    const CLOUDFRONT: &str = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken\n2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t502\t-\tcurl/7.55.1 (x86_64; a space in a value)\t-\t-\tError\tFS8-X\twww.example.com\thttps\t23\t0.001\n";

    #[test]
    fn cloudfront_rows_by_their_fields() {
        assert!(looks_like(CLOUDFRONT.as_bytes()));
        let parsed = parse(CLOUDFRONT.as_bytes(), Detail::Full, 1 << 20);
        assert_eq!(parsed.skipped.len(), 2);
        let call = &parsed.records[0];
        assert_eq!((call.status, call.method.as_deref(), call.url.as_deref()), (502, Some("GET"), Some("/index.html")));
        assert_eq!(call.host.as_deref(), Some("d111111abcdef8.cloudfront.net"));
        assert_eq!((call.message.as_deref(), call.duration_ms), (Some("Error"), Some(1.0)));
        assert_eq!(call.time_ms, time::parse_text("2019-12-04T21:02:31Z"));
    }

    #[test]
    fn a_changed_fields_line_applies_from_there_on() {
        let log = "#Fields: time cs-method cs-uri-stem sc-status\n10:00:00 GET /a 200\n#Fields: sc-status cs-uri-stem\n404 /b\n3 4 5\nx\n";
        let parsed = parse(log.as_bytes(), Detail::Full, 1 << 20);
        let urls: Vec<_> = parsed.records.iter().map(|r| (r.status, r.url.as_deref())).collect();
        assert_eq!(urls, [(200, Some("/a")), (404, Some("/b"))]);
        let reasons: Vec<_> = parsed.skipped.iter().map(|s| (s.line, s.reason.clone())).collect();
        assert_eq!(reasons[2], (5, SkipReason::ColumnCount { found: 3, expected: 2 }));
        assert_eq!(fields_lines(log.as_bytes()).iter().map(|(at, _)| *at).collect::<Vec<_>>(), [0, 66]);
        for block_bytes in [1, 20, 50] {
            let in_blocks = parse_in_blocks(log.as_bytes(), block_bytes, Detail::Full, 1 << 20);
            assert_eq!(in_blocks.records, parsed.records, "blocks of {block_bytes}");
            assert_eq!(in_blocks.skipped, parsed.skipped, "blocks of {block_bytes}");
        }
        let no_fields = parse(b"#Version: 1.0\nGET / 200\n", Detail::Full, 1 << 20);
        assert_eq!(no_fields.skipped[1].reason, SkipReason::NoFieldsYet);
    }

    #[test]
    fn a_row_of_more_columns_than_the_stack_keeps_reads_alike() {
        for extra in [0, STACK_COLUMNS, STACK_COLUMNS + 10] {
            let pads: String = (0..extra).map(|n| format!(" x-pad{n}")).collect();
            let values: String = (0..extra).map(|n| format!(" v{n}")).collect();
            let log = format!(
                "#Fields: date time cs-method cs-uri-stem sc-status{pads}\n2022-11-07 14:29:06 GET /a 404{values}\n\
                 2022-11-07 14:29:07 GET /b 500{values} one-too-many\n"
            );
            let parsed = parse(log.as_bytes(), Detail::Full, 1 << 20);
            assert_eq!(parsed.records.len(), 1, "{extra} extra columns");
            let record = &parsed.records[0];
            assert_eq!((record.status, record.url.as_deref()), (404, Some("/a")));
            assert_eq!(record.time_ms, time::parse_text("2022-11-07T14:29:06Z"));
            let expected = 5 + extra;
            assert!(matches!(
                parsed.skipped.last().map(|skipped| &skipped.reason),
                Some(SkipReason::ColumnCount { found, expected: wanted }) if *found == expected + 1 && *wanted == expected
            ));
        }
    }

    proptest::proptest! {
        #[test]
        fn a_row_is_trimmed_as_trim_matches_trims_it(row in "[ \r\n\ta\u{A0}]{0,12}") {
            proptest::prop_assert_eq!(trim_row(&row), row.trim_matches(['\r', '\n', ' ']));
        }
    }

    #[test]
    fn a_rows_date_and_time_read_as_the_generic_reader_reads_them_joined() {
        for (date, at) in [("2022-11-07", "14:29:06"), ("2022-11-07", "14:29:06.5"), ("2022-11-07", &*"1".repeat(60))] {
            assert_eq!(date_and_time(date, at), time::parse_text(&format!("{date} {at}")), "{date} {at}");
        }
        assert!(date_and_time("2022-11-07", "14:29:06").is_some());
    }

    #[test]
    fn a_block_read_in_parts_reads_what_it_reads_whole() {
        // Several parts, the columns changing (and an unread `#Fields:`) here and there.
        let mut log = String::from("#Fields: time cs-method cs-uri-stem sc-status\n");
        for n in 0..12_000 {
            match n % 997 {
                0 => log.push_str("#Fields: sc-status cs-uri-stem\n"),
                500 => log.push_str(&format!("#Fields: {}\n", "x-pad ".repeat(40))),
                501 => log.push_str("#Fields: time cs-method cs-uri-stem sc-status\n"),
                _ if n % 7 == 0 => log.push_str("\r\n"),
                _ => log.push_str(&format!("10:00:{:02} GET /v1/contacts/{n} {}\n", n % 60, 200 + n % 300)),
            }
        }
        let bytes = log.as_bytes();
        assert!(bytes.len() > 3 * super::super::parts::PART_BYTES, "several parts");
        for block in blocks(bytes, bytes.len() / 2, 200) {
            let (start, end) = (block.start, block.end);
            let whole = Block { columns: block.columns.clone(), ..block }.parse(bytes, Detail::Full, 200);
            let block = blocks(bytes, bytes.len() / 2, 200).into_iter().find(|b| b.start == start).expect("the block");
            let parts: Vec<Parsed> = block.parts(bytes, Detail::Full, 200).collect();
            assert!(parts.len() > 1, "{} parts of {start}..{end}", parts.len());
            let records: Vec<&Record> = parts.iter().flat_map(|part| &part.records).collect();
            let skipped: Vec<&Skipped> = parts.iter().flat_map(|part| &part.skipped).collect();
            assert!(whole.records.len() > 1_000);
            assert_eq!(records, whole.records.iter().collect::<Vec<_>>());
            assert_eq!(skipped, whole.skipped.iter().collect::<Vec<_>>());
        }
    }
}
