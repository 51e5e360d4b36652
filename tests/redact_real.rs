//! Redaction on real browser exports (issue 21): every cookie and credential value in the real
//! HARs, found by this file's own small parser (a serde_json walk, none of the engine's code), must
//! be gone from `errlens redact`'s copy and from the email of every call of every group; the copy
//! must still read as the same calls.

mod common;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Shorter values (`1`, `en-US`, `true`) are not what a leak check can judge by substring.
const MIN_CHARS: usize = 16;

/// Query and form parameters whose value is a credential, by name (lower case).
const CREDENTIAL_PARAMS: &[&str] = &[
    "api_key",
    "apikey",
    "access_token",
    "id_token",
    "refresh_token",
    "token",
    "code",
    "sig",
    "signature",
    "x-amz-signature",
    "x-amz-security-token",
    "password",
];

/// The HARs beside the checkout (`../shared/real-logs`) and the bundled sample export.
fn hars() -> Vec<PathBuf> {
    let mut files = vec![common::root().join("sample-logs/browser-export.har")];
    if let Some(dir) = common::real_logs() {
        let mut real: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("real-logs lists")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "har"))
            .collect();
        real.sort();
        files.extend(real);
    }
    files
}

/// Every cookie and credential value of a HAR, as the file spells it (JSON-decoded).
fn credentials(har: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let entries = har["log"]["entries"].as_array().map(Vec::as_slice).unwrap_or_default();
    for entry in entries {
        for side in [&entry["request"], &entry["response"]] {
            for cookie in side["cookies"].as_array().map(Vec::as_slice).unwrap_or_default() {
                found.extend(cookie["value"].as_str().map(str::to_string));
            }
            for header in side["headers"].as_array().map(Vec::as_slice).unwrap_or_default() {
                let (Some(name), Some(value)) = (header["name"].as_str(), header["value"].as_str()) else { continue };
                found.extend(header_credentials(&name.to_ascii_lowercase(), value));
            }
        }
        let request = &entry["request"];
        let params = request["queryString"].as_array().into_iter().chain(request["postData"]["params"].as_array());
        for param in params.flatten() {
            let (Some(name), Some(value)) = (param["name"].as_str(), param["value"].as_str()) else { continue };
            if CREDENTIAL_PARAMS.contains(&name.to_ascii_lowercase().as_str()) {
                found.insert(value.to_string());
            }
        }
    }
    jwts(&har.to_string(), &mut found);
    found
        .into_iter()
        .map(|v| v.trim().trim_matches('"').to_string())
        .filter(|v| v.chars().count() >= MIN_CHARS)
        .collect()
}

/// The values a header carries as credentials.
fn header_credentials(name: &str, value: &str) -> Vec<String> {
    let pair_value = |pair: &str| pair.split_once('=').map(|(_, v)| v.to_string());
    match name {
        "cookie" => value.split(';').filter_map(pair_value).collect(),
        // One cookie a line; a line may fold several with `, name=` (the comma of `Expires=Wed, 21`
        // is followed by a date, not by a name and `=`).
        "set-cookie" => value
            .lines()
            .flat_map(|line| {
                let mut starts = vec![0];
                for (comma, _) in line.match_indices(',') {
                    let next = &line[comma + 1..];
                    let name = next.split('=').next().unwrap_or_default().trim();
                    let is_name = next.contains('=') && !name.is_empty() && !name.contains([' ', ';']);
                    if is_name && !name.eq_ignore_ascii_case("expires") {
                        starts.push(comma + 1);
                    }
                }
                starts.push(line.len() + 1);
                starts.windows(2).filter_map(|w| line.get(w[0]..w[1] - 1)).map(str::to_string).collect::<Vec<_>>()
            })
            .filter_map(|cookie| cookie.split(';').next().and_then(pair_value))
            .collect(),
        "authorization" | "proxy-authorization" => {
            value.split_whitespace().last().map(str::to_string).into_iter().collect()
        }
        // `:authority` is the host, not a credential.
        _ if name.contains("authority") => Vec::new(),
        _ if ["auth", "token", "api-key", "apikey", "secret", "session"].iter().any(|w| name.contains(w)) => {
            vec![value.to_string()]
        }
        _ => Vec::new(),
    }
}

/// `eyJ…` runs of base64url with two dots: JSON web tokens, wherever they are.
fn jwts(text: &str, found: &mut BTreeSet<String>) {
    for (start, _) in text.match_indices("eyJ") {
        let run: String =
            text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
        if run.matches('.').count() >= 2 {
            found.insert(run);
        }
    }
}

/// The values that `text` still holds, raw or as JSON spells them.
fn leaked<'a>(text: &str, values: &'a BTreeSet<String>) -> Vec<&'a str> {
    values
        .iter()
        .filter(|v| {
            let escaped = Value::String(v.to_string()).to_string();
            text.contains(v.as_str()) || text.contains(&escaped[1..escaped.len() - 1])
        })
        .map(String::as_str)
        .collect()
}

fn kinds(summary: &Value) -> BTreeMap<String, u64> {
    let groups = summary["groups"].as_array().map(Vec::as_slice).unwrap_or_default();
    groups
        .iter()
        .map(|g| (g["kind"].as_str().unwrap_or_default().to_string(), g["count"].as_u64().unwrap_or(0)))
        .collect()
}

/// The leaks of one HAR: in the redacted copy, and in the email of every call of every group. Each
/// leaked value is reported once, with the first place it was found.
fn check(path: &Path, scratch: &Path) -> (usize, BTreeMap<String, String>) {
    let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).expect("HAR is UTF-8");
    let har: Value = serde_json::from_str(&text).expect("HAR is JSON");
    let values = credentials(&har);
    let mut leaks = BTreeMap::new();

    let output = common::errlens(&["redact", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{name}");
    let redacted = String::from_utf8(output.stdout).expect("UTF-8");
    for value in leaked(&redacted, &values) {
        leaks.entry(value.to_string()).or_insert_with(|| format!("{name} redact"));
    }
    let in_copy = leaks.len();

    // The copy reads as the same calls.
    let copy = scratch.join(&name);
    std::fs::write(&copy, &redacted).expect("write");
    let (before, _) = common::summary(&[path]);
    let (after, code) = common::summary(&[&copy]);
    assert_eq!(code, 0, "{name}");
    assert_eq!(after["inputs"][0]["format"], before["inputs"][0]["format"], "{name}");
    assert_eq!(after["records"], before["records"], "{name}");
    assert_eq!(after["by_status"], before["by_status"], "{name}");
    assert_eq!(kinds(&after), kinds(&before), "{name}");

    let store = errlens::cli::load_store(&[path.to_path_buf()], None);
    let summary = errlens::summary::summarize(&store, None);
    let redactor = errlens::redact::Redactor::default();
    for group in &summary.groups {
        for n in 1..=errlens::email::group_rows(&store, group).len() {
            let email = errlens::email::compose(&store, group, Some(n), &redactor).expect("email");
            let message = email.to_rfc5322();
            for value in leaked(&message, &values) {
                leaks.entry(value.to_string()).or_insert_with(|| format!("{name} email {} #{n}", group.kind));
            }
        }
    }
    eprintln!(
        "{name}: {} cookie and credential values of {MIN_CHARS}+ chars checked, {} leaked ({in_copy} in the redacted copy)",
        values.len(),
        leaks.len()
    );
    (values.len(), leaks)
}

#[test]
fn no_cookie_or_credential_of_a_real_har_survives_redact_or_the_email() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut checked = 0;
    let mut leaks = Vec::new();
    for path in hars() {
        let (count, found) = check(&path, scratch.path());
        checked += count;
        leaks.extend(found.into_iter().map(|(value, place)| format!("{place}: {value}")));
    }
    eprintln!("{checked} values checked in all, {} leaks", leaks.len());
    assert!(checked > 0, "the parser found no credential at all: the check would be empty");
    assert!(leaks.is_empty(), "{} leaks:\n{}", leaks.len(), leaks.join("\n"));
}
