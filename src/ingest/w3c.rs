//! W3C extended log files (IIS, CloudFront, and other servers that write them): `#` directives
//! and rows whose columns a `#Fields:` directive names. The directive may repeat and change
//! mid-file (IIS writes it again at every restart), so a row is read with the last one before it,
//! and a row read back later is given that line again ([`fields_lines`]).

use super::{Detail, Parsed, SkipReason, Skipped, time};
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

/// Reads a whole W3C log.
pub fn parse(content: &[u8], detail: Detail, max_line_bytes: u64) -> Parsed {
    let mut parsed = Parsed::default();
    let mut fields: Option<String> = None;
    let mut start = 0usize;
    let mut number = 1u64;
    while start < content.len() {
        let end = memchr::memchr(b'\n', &content[start..]).map_or(content.len(), |at| start + at);
        let raw = &content[start..end];
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if !line.trim_ascii().is_empty() {
            let text = String::from_utf8_lossy(line);
            let result = if line.len() as u64 > max_line_bytes {
                Err(SkipReason::TooLong { bytes: line.len() as u64, limit: max_line_bytes })
            } else if text.trim_start().starts_with('#') {
                if text.trim_start().starts_with("#Fields:") {
                    fields = Some(text.trim().to_string());
                }
                Err(SkipReason::Directive)
            } else {
                match &fields {
                    Some(fields) => read_row(fields, &text, detail),
                    None => Err(SkipReason::NoFieldsYet),
                }
            };
            match result {
                Ok(mut record) => {
                    record.source = SourceSpan { line: number, offset: start as u64, len: line.len() as u64 };
                    parsed.records.push(record);
                }
                Err(reason) => parsed.skipped.push(Skipped { line: number, reason }),
            }
        }
        number += 1;
        start = end + 1;
    }
    parsed
}

/// One row, read with the `#Fields:` line in effect.
pub fn read_row(fields_line: &str, row: &str, detail: Detail) -> Result<Record, SkipReason> {
    let names: Vec<&str> = fields_line.trim().trim_start_matches("#Fields:").split_whitespace().collect();
    let row = row.trim_matches(['\r', '\n', ' ']);
    // CloudFront separates with tabs (values hold spaces); IIS with spaces (values hold `+`).
    let values: Vec<&str> = if row.contains('\t') { row.split('\t').collect() } else { row.split(' ').collect() };
    if values.len() != names.len() {
        return Err(SkipReason::ColumnCount { found: values.len(), expected: names.len() });
    }
    let get = |wanted: &[&str]| {
        names
            .iter()
            .position(|name| wanted.iter().any(|w| name.eq_ignore_ascii_case(w)))
            .map(|at| values[at].trim())
            .filter(|value| !value.is_empty() && *value != "-")
    };
    let status = get(&["sc-status"]).ok_or(SkipReason::NoApiCall)?;
    let status = match status.parse::<u16>() {
        Ok(0) => 0,
        Ok(code) if (100..=599).contains(&code) => code,
        _ => return Err(SkipReason::BadStatus(status.to_string())),
    };
    let mut record = Record { status, ..Record::default() };
    record.method = get(&["cs-method"]).map(str::to_ascii_uppercase);
    let path = get(&["cs-uri-stem"]);
    record.url = match (get(&["cs-uri"]), path, get(&["cs-uri-query"])) {
        (Some(url), _, _) => Some(url.to_string()),
        (None, Some(path), Some(query)) => Some(format!("{path}?{query}")),
        (None, path, _) => path.map(str::to_string),
    };
    record.host = get(&["cs-host", "cs(Host)", "x-host-header", "s-computername"]).map(str::to_string);
    record.time_ms = match (get(&["date"]), get(&["time"])) {
        (Some(date), Some(at)) => time::parse_text(&format!("{date} {at}")),
        (None, Some(at)) => time::parse_text(at),
        _ => None,
    };
    if record.is_failure() {
        record.message = get(&["x-edge-detailed-result-type", "x-edge-result-type"])
            .filter(|kind| !kind.eq_ignore_ascii_case("Miss") && !kind.eq_ignore_ascii_case("Hit"))
            .map(str::to_string)
            .or_else(|| {
                get(&["sc-substatus"]).filter(|sub| *sub != "0").map(|sub| format!("IIS substatus {status}.{sub}"))
            });
    }
    if detail == Detail::Full {
        record.request_id = get(&["x-edge-request-id", "s-request-id", "x-request-id"]).map(str::to_string);
        // IIS writes milliseconds; CloudFront seconds with a fraction.
        record.duration_ms = get(&["time-taken"]).and_then(|taken| {
            let value: f64 = taken.parse().ok()?;
            Some(if taken.contains('.') { value * 1e3 } else { value })
        });
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLOUDFRONT: &str = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken\n2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t502\t-\tcurl/7.55.1\t-\t-\tError\tFS8-X\twww.example.com\thttps\t23\t0.001\n";

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
        let no_fields = parse(b"#Version: 1.0\nGET / 200\n", Detail::Full, 1 << 20);
        assert_eq!(no_fields.skipped[1].reason, SkipReason::NoFieldsYet);
    }
}
