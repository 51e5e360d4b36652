//! Format detection from the content: never from the file name.

use super::formats::{self, LineFormatId};
use super::{logfmt, w3c};
use std::fmt;
use std::str::FromStr;

/// The shapes errlens reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line.
    Ndjson,
    /// A JSON array of calls, or one object holding an array of calls.
    Json,
    /// HAR 1.2 (`log.entries`).
    Har,
    /// CSV with a header row.
    Csv,
    /// Plain text lines that carry requests and/or embedded JSON.
    Text,
    /// W3C extended log (IIS, CloudFront), its columns named by `#Fields:` lines.
    W3c,
    /// `key=value` lines (logfmt: Go services, Heroku, Loki).
    Logfmt,
    /// Lines of a format defined as data ([`formats`]).
    Line(LineFormatId),
    /// An Apache Parquet file: a table of calls, each row read like an NDJSON line
    /// ([`super::table`]).
    Parquet,
    /// An Arrow IPC file (Feather v2), read like Parquet.
    ArrowIpc,
}

/// The built-in formats, in the order `errlens formats` lists them.
pub const BUILTIN: &[Format] = &[
    Format::Ndjson,
    Format::Json,
    Format::Har,
    Format::Csv,
    Format::W3c,
    Format::Logfmt,
    Format::Text,
    Format::Parquet,
    Format::ArrowIpc,
];

impl Format {
    /// The name used on the command line and in the summary.
    pub fn name(self) -> &'static str {
        match self {
            Self::Ndjson => "ndjson",
            Self::Json => "json",
            Self::Har => "har",
            Self::Csv => "csv",
            Self::Text => "text",
            Self::W3c => "w3c",
            Self::Logfmt => "logfmt",
            Self::Line(id) => id.def().name,
            Self::Parquet => "parquet",
            Self::ArrowIpc => "arrow-ipc",
        }
    }

    /// What the format is, for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::Ndjson => "one JSON object per line (app logs, ECS, Traefik, Envoy JSON, cloud exports)",
            Self::Json => "a JSON array of calls, or an object holding one",
            Self::Har => "HAR 1.2 (browser DevTools, mitmproxy, Charles, Playwright)",
            Self::Csv => "CSV with a header row",
            Self::W3c => "W3C extended log driven by its #Fields: lines (IIS, CloudFront)",
            Self::Logfmt => "key=value lines (logfmt: Go services, Heroku router, Loki)",
            Self::Text => "text lines that name a request and a status, or embed a JSON error body",
            Self::Line(id) => &id.def().title,
            Self::Parquet => {
                "Apache Parquet: a table of calls, columns named like JSON fields (data lakes, errlens export)"
            }
            Self::ArrowIpc => "Arrow IPC / Feather v2: a table of calls, columns named like JSON fields",
        }
    }

    /// The built-in format with this name.
    pub fn builtin(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "ndjson" | "jsonl" | "jsonlines" => Some(Self::Ndjson),
            "json" => Some(Self::Json),
            "har" => Some(Self::Har),
            "csv" => Some(Self::Csv),
            "text" | "txt" | "log" => Some(Self::Text),
            "w3c" | "iis" => Some(Self::W3c),
            "logfmt" => Some(Self::Logfmt),
            "parquet" => Some(Self::Parquet),
            "arrow-ipc" | "arrow" | "ipc" | "feather" => Some(Self::ArrowIpc),
            _ => None,
        }
    }

    /// Whether the format is read line by line (and so can be read in chunks).
    pub fn is_line_based(self) -> bool {
        matches!(self, Self::Ndjson | Self::Text | Self::Logfmt | Self::Line(_))
    }

    /// Whether the format is a binary table, read through polars as the NDJSON text of its rows.
    pub fn is_table(self) -> bool {
        matches!(self, Self::Parquet | Self::ArrowIpc)
    }
}

impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if let Some(format) = Self::builtin(name) {
            return Ok(format);
        }
        formats::registry()
            .find(name)
            .map(Self::Line)
            .ok_or_else(|| format!("unknown input format {name:?}: `errlens formats` lists the formats errlens reads"))
    }
}

/// How many non-blank lines are looked at to tell NDJSON from text.
const SAMPLE_LINES: usize = 64;

/// Detects the format of (decompressed, BOM-free) bytes.
pub fn detect(bytes: &[u8]) -> Format {
    // Binary tables by their magic bytes, before anything looks at them as text.
    if let Some(table) = super::table::magic(bytes) {
        return table;
    }
    let body = body_of(bytes);
    match body.first() {
        Some(b'[') if opens_json_array(body) => return Format::Json,
        Some(b'{') => return detect_json_object(body),
        _ => {}
    }
    if looks_like_csv(body) {
        return Format::Csv;
    }
    detect_text(body)
}

/// Whether [`detect`] answers on `bytes` (the start of some content) as it would on any longer
/// start of the same content, so that a file's first bytes suffice to detect its format: a
/// table's magic, or the lines detection samples all ended within `bytes`, and nothing else read
/// (a JSON document whose first line is not whole is parsed as far as it goes).
pub fn decided_by(bytes: &[u8]) -> bool {
    if super::table::magic(bytes).is_some() {
        return true;
    }
    let body = body_of(bytes);
    let ended = &body[..memchr::memrchr(b'\n', body).map_or(0, |at| at + 1)];
    // Each sampled line then ends within `bytes`, and so do the W3C directives and a CSV header
    // (the first lines).
    if non_blank_lines(ended).take(SAMPLE_LINES).count() < SAMPLE_LINES {
        return false;
    }
    body.first() != Some(&b'{') || first_line_is_whole(body)
}

/// What [`detect`] reads of `bytes`: without a UTF-16 mark that lied about a UTF-8 file (see
/// `encoding`: it is not content) and the whitespace before the first line.
fn body_of(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xFF\xFE").or_else(|| bytes.strip_prefix(b"\xFE\xFF")).unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Whether the first line of `body` is a whole JSON value.
fn first_line_is_whole(body: &[u8]) -> bool {
    let first_line = body.split(|&b| b == b'\n').next().unwrap_or(body);
    serde_json::from_slice::<serde::de::IgnoredAny>(first_line).is_ok()
}

/// Lines of text: W3C by its directives, else the line format that reads the most of the first
/// lines, counting the generic text reader and logfmt as two more candidates.
fn detect_text(body: &[u8]) -> Format {
    if w3c::looks_like(body) {
        return Format::W3c;
    }
    let sample: Vec<String> =
        non_blank_lines(body).take(SAMPLE_LINES).map(|line| String::from_utf8_lossy(line).into_owned()).collect();
    let lines = sample.iter().map(String::as_str);
    let defined = formats::detect(lines.clone());
    if let Some((id, read)) = defined
        && read == sample.len()
    {
        // A definition that reads every line wins whatever the other readers read (a tie is its):
        // they are not asked (the generic reader's regexes alone take milliseconds to build).
        return Format::Line(id);
    }
    let read_as_text = lines.clone().filter(|line| super::text::parse(line, super::Detail::Summary).is_ok()).count();
    let read_as_logfmt = lines.clone().filter(|line| logfmt::reads_call(line)).count();
    let best_other = read_as_text.max(read_as_logfmt);
    match defined {
        // A definition reads fields the generic reader guesses at: it wins a tie.
        Some((id, read)) if read >= best_other => Format::Line(id),
        // logfmt reads what text does in a key=value line, and its keys besides (the time).
        _ if read_as_logfmt > 0 && read_as_logfmt >= read_as_text => Format::Logfmt,
        _ => Format::Text,
    }
}

fn detect_json_object(body: &[u8]) -> Format {
    if !first_line_is_whole(body) {
        // A pretty-printed document spans lines; a broken first line of NDJSON does not start one.
        return if has_har_log(body) { Format::Har } else { document_or_lines(body) };
    }
    let sample: Vec<&[u8]> = non_blank_lines(body).take(SAMPLE_LINES).collect();
    if sample.len() == 1 {
        return if has_har_log(body) {
            Format::Har
        } else if holds_call_array(body) {
            Format::Json
        } else {
            Format::Ndjson
        };
    }
    let json_lines = sample.iter().filter(|line| line.first() == Some(&b'{')).count();
    if json_lines * 5 >= sample.len() * 4 { Format::Ndjson } else { Format::Text }
}

/// A multi-line document opens with `{` on its own or with a key; NDJSON with a bad first line
/// has other lines that are whole objects: two of them, or half of a short sample (a two-line
/// file whose first line is damaged is still NDJSON).
fn document_or_lines(body: &[u8]) -> Format {
    if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
        return Format::Json;
    }
    let sample: Vec<&[u8]> = non_blank_lines(body).take(SAMPLE_LINES).collect();
    let whole_lines =
        sample.iter().filter(|line| serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()).count();
    if whole_lines >= 2 || (sample.len() >= 2 && whole_lines * 2 >= sample.len()) {
        Format::Ndjson
    } else {
        Format::Json
    }
}

/// `[{`, `[]` or `[` at the end of its line open a JSON array; `[2026-11-20T...]` opens a text line.
fn opens_json_array(body: &[u8]) -> bool {
    let after = body[1..].iter().find(|b| **b != b' ' && **b != b'\t' && **b != b'\r');
    matches!(after, None | Some(b'{' | b']' | b'\n' | b'"' | b'['))
}

fn has_har_log(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    text.contains("\"log\"")
        && (text.contains("\"entries\"") || text.contains("\"creator\"") || text.contains("\"version\""))
}

/// Borrowed, not parsed: the one line may be very long.
fn holds_call_array(body: &[u8]) -> bool {
    serde_json::from_slice::<std::collections::HashMap<String, &serde_json::value::RawValue>>(body)
        .is_ok_and(|map| map.values().any(|value| value.get().starts_with('[')))
}

/// Non-blank lines, trimmed, without a byte order mark that starts one (files joined with `cat`).
fn non_blank_lines(body: &[u8]) -> impl Iterator<Item = &[u8]> {
    body.split(|&b| b == b'\n')
        .map(|line| super::encoding::strip_utf8_bom(line.trim_ascii_start()).trim_ascii())
        .filter(|line| !line.is_empty())
}

fn looks_like_csv(body: &[u8]) -> bool {
    let mut lines = non_blank_lines(body);
    let Some(header) = lines.next() else { return false };
    let header = String::from_utf8_lossy(header);
    let columns: Vec<String> =
        header.split(',').map(|name| name.trim().trim_matches('"').to_ascii_lowercase()).collect();
    let names_a_status = columns.iter().any(|name| {
        super::fields::STATUS.iter().any(|alias| alias.eq_ignore_ascii_case(name)) || name.ends_with("status")
    });
    let short_names = columns.iter().all(|name| name.len() < 64);
    columns.len() >= 2 && names_a_status && short_names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_content() {
        let cases: &[(&str, Format)] = &[
            ("{\"status\":200}\n{\"status\":404}\n", Format::Ndjson),
            ("{\"status\":200}\n", Format::Ndjson),
            ("[{\"status\":200}]", Format::Json),
            ("  \n[\n  {\"status\": 200}\n]\n", Format::Json),
            ("{\n  \"calls\": [\n {\"status\": 200}\n ]\n}\n", Format::Json),
            ("{\"calls\": [{\"status\": 200}]}", Format::Json),
            ("{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"entries\": []\n  }\n}", Format::Har),
            ("{\"log\":{\"version\":\"1.2\",\"entries\":[]}}", Format::Har),
            ("time,method,status\n2026-11-20,GET,200\n", Format::Csv),
            ("GET /a 200\nPOST /b 409\n", Format::Text),
            ("[2019] \"GET / HTTP/1.1\" 200\n{\"message\":\"x\"}\n", Format::Text),
            ("{\"status\":20\n{\"status\":200}\n{\"status\":201}\n", Format::Ndjson),
            ("{\"status\":20\n{\"status\":200}\n", Format::Ndjson),
            ("{\"calls\": [\n{\"status\":200},\n{\"status\":500},\n{\"status\":404}\n]}\n", Format::Json),
            ("{\n  \"calls\": [\n    {\"status\": 200},\n", Format::Json),
            ("{\"status\":200}\n\u{feff}{\"status\":500}\n", Format::Ndjson),
            ("", Format::Text),
            ("[2022-06-22T10:17:14.118Z] \"GET /a HTTP/1.1\" 503\n", Format::Text),
            ("[\n]", Format::Json),
            ("PAR1\u{15}\u{4}", Format::Parquet),
            ("ARROW1\0\0", Format::ArrowIpc),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text.as_bytes()), *expected, "{text:?}");
        }
    }

    /// Asserts that every start of `content` cut at a line end (or a byte either side of one)
    /// that [`decided_by`] calls enough detects as the whole does; returns the first such cut.
    fn first_settling_cut(content: &[u8]) -> Option<usize> {
        let whole = detect(content);
        let ends = content.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(at, _)| at + 1);
        let mut cuts: Vec<usize> =
            ends.flat_map(|end| [end - 1, end, end + 1]).filter(|&cut| cut <= content.len()).collect();
        cuts.push(content.len());
        let settling: Vec<usize> = cuts.into_iter().filter(|&cut| decided_by(&content[..cut])).collect();
        for &cut in &settling {
            assert_eq!(
                detect(&content[..cut]),
                whole,
                "the first {cut} bytes of {:?}",
                String::from_utf8_lossy(content)
            );
        }
        settling.first().copied()
    }

    #[test]
    fn a_start_that_settles_detection_detects_as_the_whole_content() {
        let json_line = "{\"status\":500,\"url\":\"/a\"}\n";
        let text_line = "GET /a 200\n";
        // Twelve JSON lines, then text: NDJSON by its first dozen lines, text by the 64 sampled.
        let mixed = format!("{}{}", json_line.repeat(12), text_line.repeat(70));
        assert_eq!(detect(mixed.as_bytes()), Format::Text);
        let line_64_end = 12 * json_line.len() + 52 * text_line.len();
        assert_eq!(first_settling_cut(mixed.as_bytes()), Some(line_64_end), "settled by the 64th line's end");
        // Blank lines are not sampled: the 64th sampled line ends later.
        let spaced = format!("\n\n{}", text_line.repeat(40)).repeat(2);
        let line_64_end = 2 + 40 * text_line.len() + 2 + 24 * text_line.len();
        assert_eq!(first_settling_cut(spaced.as_bytes()), Some(line_64_end), "blank lines not counted");
        // A document over many lines is parsed as far as it goes: never settled by a start.
        let document =
            format!("{{\n  \"calls\": [\n{}    {{\"status\": 200}}\n  ]\n}}\n", "    {\"status\": 500},\n".repeat(80));
        assert_eq!(detect(document.as_bytes()), Format::Json);
        assert_eq!(first_settling_cut(document.as_bytes()), None);
        // NDJSON whose first line is whole is settled by its sample; a table by its magic bytes.
        let ndjson = json_line.repeat(70);
        assert_eq!(first_settling_cut(ndjson.as_bytes()), Some(64 * json_line.len()));
        assert!(decided_by(b"PAR1"));
        // W3C directives and a CSV header are among the first lines.
        let w3c = format!(
            "#Software: IIS\n#Fields: date time cs-method cs-uri-stem sc-status\n{}",
            "2026-11-20 10:00:00 GET /a 500\n".repeat(70)
        );
        assert_eq!(detect(w3c.as_bytes()), Format::W3c);
        assert!(first_settling_cut(w3c.as_bytes()).is_some());
    }

    #[test]
    fn format_names_round_trip() {
        for format in BUILTIN.iter().copied().chain(formats::registry().ids().map(|(id, _)| Format::Line(id))) {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("yaml".parse::<Format>().is_err());
    }
}
