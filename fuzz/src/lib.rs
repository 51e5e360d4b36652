//! The fuzz targets' bodies and what they check, whatever the input. The targets in
//! `fuzz_targets/` only call these; `tests/fuzz_regressions.rs` in the main crate includes this
//! file to replay every finding through the same code. Ingest: nothing panics; for line formats every
//! non-blank line is a record or a skipped line, exactly once; every record's span lies in the
//! input, names its line, and reads back as the same record; reading in chunks gives what reading
//! whole gives; the store and the summary (JSON and text) take whatever came out. Redaction: a
//! secret planted in the input is gone from the output, and no preview shows a whole value.

use errlens::ingest::{self, Detail, Format, IngestLimits, Parsed};
use errlens::knowledge::Knowledge;
use errlens::record::{Message, Record};
use errlens::redact::{Redacted, Redactor};
use errlens::store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The name inputs go by in errors.
pub const PATH: &str = "fuzz.log";

/// Small limits, so short inputs reach the too-long path too.
pub const LIMITS: IngestLimits = IngestLimits { max_content_bytes: 1 << 20, max_line_bytes: 300 };

/// The input without a leading byte order mark, as ingest sees it.
fn content(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// 1-based numbers of the lines (split at LF) that hold a byte other than ASCII whitespace: the
/// definition in the `ingest` module doc, written out independently.
pub fn non_blank_line_numbers(content: &[u8]) -> Vec<u64> {
    content
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(index, _)| index as u64 + 1)
        .collect()
}

/// Ingests `bytes` (as `format`, or detected) and checks every invariant; then summarizes.
pub fn check_ingest(bytes: &[u8], format: Option<Format>) {
    let path = Path::new(PATH);
    let expected_format = format.unwrap_or_else(|| ingest::detect_input(bytes));
    let ingested = match ingest::ingest_bytes_with_limits(path, bytes, format, &LIMITS) {
        Ok(ingested) => ingested,
        Err(error) => {
            assert!(matches!(expected_format, Format::Json | Format::Har), "only documents fail whole: {error}");
            assert!(error.to_string().starts_with(PATH), "the error names the input: {error}");
            return;
        }
    };
    assert_eq!(ingested.format, expected_format);
    // UTF-16 and UTF-32 are read as the UTF-8 text they hold: spans and lines count in that.
    let decoded = ingest::decoded(bytes).0;
    let content = content(&decoded);
    let parsed = &ingested.parsed;
    if ingested.format == Format::W3c {
        let mut accounted: Vec<u64> =
            parsed.records.iter().map(|r| r.source.line).chain(parsed.skipped.iter().map(|s| s.line)).collect();
        accounted.sort_unstable();
        assert_eq!(accounted, non_blank_line_numbers(content), "each non-blank W3C line is accounted for once");
    } else if ingested.format.is_line_based() {
        // A call's span covers the lines that continue it (formats whose calls span lines).
        let continued = parsed.records.iter().flat_map(|record| {
            let span = record.source;
            let text = &content[span.offset as usize..(span.offset + span.len) as usize];
            non_blank_line_numbers(text).into_iter().filter(|&line| line > 1).map(move |line| span.line + line - 1)
        });
        let mut accounted: Vec<u64> = parsed
            .records
            .iter()
            .map(|r| r.source.line)
            .chain(parsed.skipped.iter().map(|s| s.line))
            .chain(continued)
            .collect();
        accounted.sort_unstable();
        assert_eq!(accounted, non_blank_line_numbers(content), "each non-blank line is accounted for once");
        assert_eq!(
            parsed.records.len() as u64 + parsed.skipped.len() as u64 + parsed.belonging,
            non_blank_line_numbers(content).len() as u64
        );
        check_chunks(bytes, ingested.format, parsed);
        if ingested.format != Format::W3c {
            // The calls the store is handed one by one (a defined format's from a record
            // reused from line to line) are the calls the parts hold.
            let (visited, rest, held) =
                ingest::calls_visited_and_held(content, ingested.format, Detail::Summary, LIMITS.max_line_bytes);
            assert_eq!(visited, held.records, "the calls visited are the calls held");
            assert_eq!(rest.skipped, held.skipped);
            assert_eq!((rest.repaired, rest.belonging), (held.repaired, held.belonging));
            // A defined format's line whose captures repeat an earlier line's takes that line's
            // row from a memo: the rows are still each call's own.
            if let Err(row) =
                errlens::store::remembered_rows_agree(content, ingested.format, &knowledge(), LIMITS.max_line_bytes)
            {
                panic!("a remembered row differs from its call's own: {row}");
            }
        }
        let lines = content.split(|&b| b == b'\n').map(|raw| raw.strip_suffix(b"\r").unwrap_or(raw));
        for line in lines.filter(|line| !line.trim_ascii().is_empty() && line.len() <= LIMITS.max_line_bytes as usize) {
            check_summary_detail(line, ingested.format);
        }
    } else if !matches!(ingested.format, Format::Csv | Format::W3c) {
        // The input as one item, and each item read as a record.
        check_summary_detail(content, ingested.format);
        for record in &parsed.records {
            let span = record.source;
            check_summary_detail(&content[span.offset as usize..(span.offset + span.len) as usize], ingested.format);
        }
    }
    for skipped in &parsed.skipped {
        assert!(skipped.line >= 1, "line numbers start at 1");
        assert!(!skipped.reason.to_string().is_empty());
    }
    for record in &parsed.records {
        let span = record.source;
        let end = span.offset.checked_add(span.len).expect("span end fits");
        assert!(end <= content.len() as u64, "span {span:?} inside {} bytes", content.len());
        let line = content[..span.offset as usize].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        assert_eq!(line, span.line, "the span's line is the line of its offset");
        let again = ingest::reread_with_limits(bytes, ingested.format, span, &LIMITS);
        assert_eq!(again.as_ref(), Some(record), "a record reads back the same");
    }
    summarize(ingested, bytes);
}

/// Reading line formats in chunks of any size gives exactly the records and skipped lines of
/// reading them whole, with progress ending at the size of the input's text.
fn check_chunks(bytes: &[u8], format: Format, whole: &Parsed) {
    for chunk_bytes in [1, 5, 64] {
        let mut chunks = Parsed::default();
        let mut done = 0;
        let read = ingest::ingest_in_chunks_with_limits(
            Path::new(PATH),
            bytes,
            Some(format),
            chunk_bytes,
            &LIMITS,
            |parsed, done_bytes| {
                assert!(done_bytes >= done, "progress only grows");
                done = done_bytes;
                chunks.records.extend(parsed.records);
                chunks.skipped.extend(parsed.skipped);
                true
            },
        );
        assert_eq!(read.ok(), Some(format));
        assert_eq!(chunks.records, whole.records, "chunks of {chunk_bytes}");
        assert_eq!(chunks.skipped, whole.skipped, "chunks of {chunk_bytes}");
        // Progress counts the text read, which is the input turned into UTF-8 (UTF-16 and
        // UTF-32 are decoded first: 11 bytes of UTF-16 are 10 bytes of text and an odd one).
        let decoded = ingest::decoded(bytes).0;
        if !content(&decoded).is_empty() {
            assert_eq!(done, decoded.len() as u64);
        }
    }
}

/// The summary read (which leaves parts it never reads unbuilt) accepts and rejects a line or
/// item as the full read does, and finds the same call in it.
fn check_summary_detail(text: &[u8], format: Format) {
    let full = ingest::read_one(text, format, Detail::Full).expect("not CSV");
    let summary = ingest::read_one(text, format, Detail::Summary).expect("not CSV");
    match (full, summary) {
        (Ok(full), Ok(summary)) => {
            let retry_after = |record: &Record| record.response.header("retry-after").map(str::to_string);
            assert_eq!(retry_after(&summary), retry_after(&full));
            // A summary keeps neither the request id nor the duration.
            assert_eq!((summary.request_id.as_ref(), summary.duration_ms), (None, None));
            let stripped = |record: Record| Record {
                request: Message::default(),
                request_digest: None,
                response: Message::default(),
                request_id: None,
                duration_ms: None,
                ..record
            };
            assert_eq!(stripped(summary), stripped(full), "summary read = full read");
        }
        (Err(full), Err(summary)) => assert_eq!(summary, full, "the same reason"),
        (full, summary) => panic!("full read {full:?}, summary read {summary:?}"),
    }
}

fn knowledge() -> Arc<Knowledge> {
    static KNOWLEDGE: OnceLock<Arc<Knowledge>> = OnceLock::new();
    Arc::clone(KNOWLEDGE.get_or_init(|| Arc::new(Knowledge::bundled())))
}

/// The store, the summary and both of its forms, and the audit, take whatever ingest produced.
fn summarize(ingested: ingest::Ingested, bytes: &[u8]) {
    let records = ingested.parsed.records.len();
    let mut store = Store::new(knowledge());
    store.add(PathBuf::from(PATH), ingested, Arc::from(bytes));
    assert_eq!(store.len(), records);
    for row in 0..store.len() {
        assert!(store.record(row).is_some(), "row {row} reads back");
    }
    let summary = errlens::summary::summarize(&store, None);
    assert_eq!(summary.records, records);
    let failed: usize = summary.groups.iter().map(|group| group.count).sum();
    assert_eq!(failed, summary.errors, "every failure is in one group");
    serde_json::to_string(&summary).expect("the summary serializes");
    errlens::summary::render_text(&summary);
    // The audit takes it too: every finding's calls are rows of the store, oldest first.
    let audit = errlens::audit::audit(&store);
    for finding in &audit.findings {
        assert!(finding.attempts.len() >= 2 && finding.attempts.iter().all(|a| (a.row as usize) < store.len()));
        assert!(
            finding.attempts.windows(2).all(|pair| pair[0].row < pair[1].row || pair[0].time_ms <= pair[1].time_ms)
        );
    }
    let report = errlens::audit::Report::of(&audit, &store);
    serde_json::to_string(&report).expect("the audit serializes");
    errlens::audit::render_text(&report);
}

/// The 48 characters after `sk_live_` in the planted secret: nothing in errlens knows them.
pub const SECRET_TAIL: &str = "4eC39HqLyjWDarjtT1zdp7dcXq2Lm8VwPz0Rk5TsBn3YhJf9";

/// The secret planted into inputs, with a space on each side so it stands as a token.
pub fn planted_secret() -> String {
    format!(" sk_live_{SECRET_TAIL} ")
}

/// Pieces of the secret long enough to count as a leak.
fn secret_pieces() -> impl Iterator<Item = &'static str> {
    const PIECE: usize = 12;
    (0..=SECRET_TAIL.len() - PIECE).map(|start| &SECRET_TAIL[start..start + PIECE])
}

/// Whether `text` holds any piece of the secret (then a target cannot tell a planted one from
/// one the fuzzer wrote itself, glued to a letter, and skips the input).
pub fn holds_secret(text: &str) -> bool {
    secret_pieces().any(|piece| text.contains(piece))
}

/// `text` with the secret inserted at the char boundary at or before `at` (modulo its length).
pub fn plant(text: &str, at: usize) -> String {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    format!("{}{}{}", &text[..at], planted_secret(), &text[at..])
}

/// The planted secret left no piece in `output`, and the report shows no whole value in a
/// preview or a location.
pub fn assert_redacted<T>(input: &str, output: &str, redacted: &Redacted<T>) {
    for piece in secret_pieces() {
        assert!(!output.contains(piece), "the planted secret survived\ninput:  {input:?}\noutput: {output:?}");
    }
    for removal in &redacted.removed {
        assert!(!holds_secret(&removal.location), "a location names the secret: {removal:?}");
        assert!(!holds_secret(&removal.preview), "a preview shows the secret: {removal:?}");
        let original = removal.original.trim();
        if original.chars().count() >= 12 {
            assert!(!removal.preview.contains(original), "a preview shows a whole value: {removal:?}");
        }
    }
}

/// `ingest_detect`: any bytes, format detected, as every file opened without `--input-format`.
pub fn ingest_detect(data: &[u8]) {
    check_ingest(data, None);
    check_settling_starts(content(data));
}

/// A start of the content that settles detection (the reader then reads no more before
/// detecting) detects as the whole does: checked at the first line ends that settle it.
fn check_settling_starts(content: &[u8]) {
    let whole = ingest::detect::detect(content);
    let ends = content.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(at, _)| at + 1);
    for cut in ends.filter(|&cut| ingest::detect::decided_by(&content[..cut])).take(3) {
        assert_eq!(ingest::detect::detect(&content[..cut]), whole, "the first {cut} bytes settle detection");
    }
}

/// `ingest_lines`: the first byte picks NDJSON (even) or text (odd); the rest is the file.
pub fn ingest_lines(data: &[u8]) {
    let Some((&selector, content)) = data.split_first() else { return };
    let defined = ingest::formats::registry().ids().map(|(id, _)| Format::Line(id));
    let formats: Vec<Format> =
        [Format::Ndjson, Format::Text, Format::Logfmt, Format::W3c].into_iter().chain(defined).collect();
    check_ingest(content, Some(formats[usize::from(selector) % formats.len()]));
}

/// `format_engine`: a user's pattern on the first line, lines to read after it. Whatever the
/// pattern, loading it ends (refused, or compiled within the size limit) and reading a line ends
/// with a call whose status is a status, a reason, or no match, never a panic; and the pattern's
/// program (the fast path) finds in each line exactly the captures the regex crate finds. A first
/// line `@N` takes the N-th bundled pattern instead, whose search is generated code.
pub fn format_engine(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Some((pattern, lines)) = text.split_once('\n') else { return };
    if let Some(bundled) = bundled_pattern(pattern) {
        // An opener or a header pattern captures no status: not a format of its own.
        let pattern = ingest::formats::Pattern::lazy(bundled).expect("a bundled pattern has a program");
        for line in lines.lines() {
            if let Err(problem) = pattern.program_agrees(line.as_bytes()) {
                panic!("{problem}");
            }
        }
        return;
    }
    let Ok(format) = ingest::formats::LineFormat::from_pattern("fuzz", pattern) else { return };
    for line in lines.lines() {
        for pattern in format.patterns() {
            if let Err(problem) = pattern.program_agrees(line.as_bytes()) {
                panic!("{problem}");
            }
        }
        if let Some(Ok(record)) = format.read(line) {
            assert!(record.status == 0 || (100..=599).contains(&record.status), "status {}", record.status);
            assert!(
                record.time_ms.is_none_or(|at| (ingest::time::MIN_TIME_MS..=ingest::time::MAX_TIME_MS).contains(&at))
            );
        }
    }
}

/// For `@N`, the N-th bundled pattern (counting round), whose search is generated code: the
/// fuzzer's lines then check that code against the regex crate.
pub fn bundled_pattern(pattern: &str) -> Option<&'static str> {
    let index: usize = pattern.strip_prefix('@')?.parse().ok()?;
    let bundled = ingest::formats::bundled_patterns();
    bundled.get(index % bundled.len().max(1)).copied()
}

/// `ingest_csv`: CSV forced.
pub fn ingest_csv(data: &[u8]) {
    check_ingest(data, Some(Format::Csv));
}

/// `ingest_document`: the first byte picks a JSON document (even) or HAR (odd); the rest is the file.
pub fn ingest_document(data: &[u8]) {
    let Some((&selector, content)) = data.split_first() else { return };
    let format = if selector % 2 == 0 { Format::Json } else { Format::Har };
    check_ingest(content, Some(format));
}

/// `redact`: text, bodies, JSON values, URLs and headers, each with the secret planted in it.
///
/// Layout: byte 0 picks the entry point (low 3 bits) and whether the first line holds extra terms
/// to hide (bit 7, terms separated by `,`); bytes 1-2 say where the secret goes; the rest is the
/// input, read as UTF-8 with invalid bytes replaced.
pub fn redact(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Some((at, rest)) = rest.split_first_chunk::<2>() else { return };
    let at = usize::from(u16::from_le_bytes(*at));
    let whole = String::from_utf8_lossy(rest);
    if holds_secret(&whole) {
        return;
    }
    let (terms, text) = match whole.split_once('\n') {
        Some((terms, text)) if selector & 0x80 != 0 => (terms.split(',').map(str::to_string).collect(), text),
        _ => (Vec::new(), whole.as_ref()),
    };
    let redactor = Redactor { extra_terms: terms, ..Redactor::default() };
    if selector & 0x40 != 0 {
        return redact_shapeless(selector, at, text, &redactor);
    }
    match selector & 0x07 {
        0 | 5 => {
            let input = plant(text, at);
            let out = redactor.redact_text(&input);
            assert_redacted(&input, &out.value, &out);
        }
        1 | 6 => {
            let input = plant(text, at);
            let out = redactor.redact_body(&input);
            assert_redacted(&input, &out.value, &out);
        }
        2 => {
            // Planted inside a string literal the JSON stays valid; elsewhere it is a body.
            let input = plant(text, at);
            match serde_json::from_str::<serde_json::Value>(&input) {
                Ok(value) => {
                    let out = redactor.redact_json(&value);
                    assert_redacted(&input, &out.value.to_string(), &out);
                }
                Err(_) => {
                    let out = redactor.redact_body(&input);
                    assert_redacted(&input, &out.value, &out);
                }
            }
        }
        3 | 7 => {
            let input = plant(text, at);
            let out = redactor.redact_url(&input);
            assert_redacted(&input, &out.value, &out);
        }
        _ => {
            // Header lines `Name: value`; the secret goes into one value (names are kept by design).
            let mut headers: Vec<(String, String)> = text
                .lines()
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect();
            if headers.is_empty() {
                return;
            }
            let index = at % headers.len();
            headers[index].1 = plant(&headers[index].1, at / headers.len());
            let input = format!("{headers:?}");
            let out = redactor.redact_headers(&headers);
            let values: Vec<&str> = out.value.iter().map(|(_, value)| value.as_str()).collect();
            assert_redacted(&input, &values.join("\n"), &out);
        }
    }
}

/// `text` with [`SECRET_TAIL`] alone at the char boundary at or before `at`: a value with no
/// shape or prefix, which only its position or an earlier sighting can reveal.
pub fn plant_bare(text: &str, at: usize) -> String {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    format!("{}{SECRET_TAIL}{}", &text[..at], &text[at..])
}

/// A cookie name made of `text`'s token characters, never an attribute's name.
fn cookie_name(text: &str) -> String {
    let name: String = text.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(12).collect();
    format!("c{name}")
}

/// `redact` with bit 6 of the selector: the shapeless secret, found only by position or as a known
/// value. Bit 3 picks the case, bit 4 (and 5) its form:
/// - several cookies, the input's lines, in one `Set-Cookie` (joined with `\n` or `, `, bit 5) or
///   `Cookie` value, as a header or a HAR header pair (bit 4), the secret as one cookie's value;
/// - a known value: the secret as a cookie, then again anywhere in the input, in a call (bit 4)
///   or in a text log.
fn redact_shapeless(selector: u8, at: usize, text: &str, redactor: &Redactor) {
    if selector & 0x08 == 0 {
        let lines: Vec<&str> = text.lines().collect();
        let set_cookie = selector & 0x01 == 0;
        let pick = at % (lines.len() + 1);
        let mut cookies: Vec<String> = lines.iter().map(|line| line.to_string()).collect();
        // The secret's cookie keeps the attributes of the line it takes the place of.
        let attributes = lines.get(pick).and_then(|line| line.split_once(';')).map(|(_, a)| a).unwrap_or_default();
        let name = cookie_name(lines.get(pick).unwrap_or(&""));
        if holds_secret(&name) {
            // The name's characters, picked out of the line, spell a piece of the secret: a name
            // is kept, so the secret would seem to survive.
            return;
        }
        let planted = format!("{name}={SECRET_TAIL}; {attributes}");
        cookies.insert(pick, planted);
        let (name, joined) = match (set_cookie, selector & 0x20 != 0) {
            (true, false) => ("Set-Cookie", cookies.join("\n")),
            (true, true) => ("Set-Cookie", cookies.join(", ")),
            (false, _) => ("Cookie", cookies.join("; ")),
        };
        if selector & 0x10 == 0 {
            let out = redactor.redact_headers(&[(name.to_string(), joined.clone())]);
            assert_redacted(&joined, &out.value[0].1, &out);
        } else {
            let har = serde_json::json!({"headers": [{"name": name, "value": joined}]}).to_string();
            let out = redactor.redact_body(&har);
            assert_redacted(&har, &out.value, &out);
        }
        return;
    }
    let again = plant_bare(text, at);
    if selector & 0x10 == 0 {
        let record = Record {
            url: Some(again.clone()),
            message: Some(again.clone()),
            request: Message {
                headers: vec![("Cookie".into(), format!("sid={SECRET_TAIL}")), ("Referer".into(), again.clone())],
                body: Some(again.clone()),
            },
            ..Default::default()
        };
        let out = redactor.redact_record(&record);
        assert_redacted(&again, &format!("{:?}", out.value), &out);
    } else {
        let log = format!("Cookie: sid={SECRET_TAIL}\n{again}\n");
        let out = errlens::redact_log::redact_log(log.as_bytes(), Format::Text, redactor);
        assert_redacted(&log, &out.value, &out);
    }
}

/// `email`: a log with the secret planted in it (bytes 0-1 say where), read as any file is; then
/// the support email of every group, for its most recent and its oldest call, must not carry the
/// secret in its subject, body, `.eml` or `mailto:` form, or show it in the review list.
pub fn email(data: &[u8]) {
    let Some((at, rest)) = data.split_first_chunk::<2>() else { return };
    let text = String::from_utf8_lossy(rest);
    if holds_secret(&text) {
        return;
    }
    let input = plant(&text, usize::from(u16::from_le_bytes(*at)));
    let Ok(ingested) = ingest::ingest_bytes_with_limits(Path::new(PATH), input.as_bytes(), None, &LIMITS) else {
        return;
    };
    let mut store = Store::new(knowledge());
    store.add(PathBuf::from(PATH), ingested, Arc::from(input.as_bytes()));
    let summary = errlens::summary::summarize(&store, None);
    let redactor = Redactor { account_email: Some("support-team@account.example".into()), ..Redactor::default() };
    for group in &summary.groups {
        for record in [None, Some(1)] {
            let Ok(email) = errlens::email::compose(&store, group, record, &redactor) else { continue };
            let forms =
                [email.subject.clone(), email.body.clone(), email.to_rfc5322(), email.to_mailto().unwrap_or_default()];
            let redacted = Redacted { value: (), removed: email.removed.clone() };
            for form in &forms {
                assert_redacted(&input, form, &redacted);
            }
        }
    }
}
