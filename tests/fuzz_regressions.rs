//! The fuzz targets' findings, replayed on every `cargo test` through the targets' own bodies
//! (`fuzz/src/lib.rs`, included here), so they stay fixed without running a fuzzer in CI. Each
//! finding is the (minimized) input that failed, with what was wrong and what fixed it. The
//! harnesses also run over the heads of the sample logs, which keeps them building and true.

mod common;
#[path = "../fuzz/src/lib.rs"]
mod targets;

/// A target's body: takes the fuzzer's bytes, panics on a broken invariant.
type Target = fn(&[u8]);

/// The targets by name, as `scripts/fuzz.sh` runs them.
const TARGETS: &[(&str, Target)] = &[
    ("ingest_detect", targets::ingest_detect),
    ("ingest_lines", targets::ingest_lines),
    ("ingest_csv", targets::ingest_csv),
    ("ingest_document", targets::ingest_document),
    ("redact", targets::redact),
    ("email", targets::email),
    ("format_engine", targets::format_engine),
];

fn target(name: &str) -> Target {
    TARGETS.iter().find(|(target, _)| *target == name).map(|(_, run)| *run).expect("a target")
}

#[test]
fn the_format_engine_harness_takes_every_bundled_pattern() {
    let bundled = errlens::ingest::formats::bundled_patterns();
    assert!(bundled.len() > 30, "{} patterns", bundled.len());
    let samples: String =
        errlens::ingest::formats::registry().formats.iter().map(|format| format!("{}\n", format.sample)).collect();
    for (index, &expected) in bundled.iter().enumerate() {
        let picked = targets::bundled_pattern(&format!("@{index}")).expect("a bundled pattern");
        assert_eq!(picked, expected);
        let pattern = errlens::ingest::formats::Pattern::lazy(picked).expect("a program");
        assert!(pattern.has_generated_code(), "{picked:?} runs as generated code");
        targets::format_engine(format!("@{index}\n{samples}").as_bytes());
    }
}

#[test]
fn the_harnesses_hold_on_the_sample_logs() {
    let mut paths: Vec<std::path::PathBuf> =
        std::fs::read_dir(common::root().join("sample-logs")).expect("samples").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).expect("read");
        let head = &bytes[..bytes.len().min(4096)];
        for (_, run) in TARGETS {
            // 0x40 and up: the shapeless secret in several cookies, or as a known value seen again
            // (0xc8, 0xd8: with the first line as terms to hide).
            for selector in [0u8, 1, 2, 3, 4, 0x80, 0x40, 0x41, 0x50, 0x61, 0x70, 0x48, 0x58, 0xc8, 0xd8] {
                let mut input = vec![selector, 0x20, 0x00];
                input.extend_from_slice(head);
                run(&input);
            }
            run(head);
        }
    }
}

/// Findings: (target, input, what it showed and what fixed it).
const FINDINGS: &[(&str, &[u8], &str)] = &[
    (
        "redact",
        b"\x03\x00\x00see https://h/x",
        "harness on the head of sample-logs/app.ndjson: redact_url copied everything before the first \
         `://` as the scheme, so a key in the text before a URL survived; fix: only an RFC 3986 \
         scheme is a scheme",
    ),
    (
        "redact",
        b"\x00\x1b\x00-----BEGIN PRIVATE KEY-----",
        "fuzzer (crash-b26f4949, 94k runs): a PEM header with no END line takes the base64-ish \
         characters after it, up to the `_` inside `sk_live_`; the key's candidate started inside \
         that match and was dropped, so `_live_…` survived; fix: a candidate keeps the part past \
         the one before it",
    ),
    (
        "redact",
        b"\x80\x03\x00e sk\nthe",
        "review (same cause): a term the user hides (`e sk`) that overlaps the start of a key",
    ),
    (
        "redact",
        b"\x04\x00\x00Cookie: =1",
        "review: cookie names were copied as they were; a key sitting where a name goes survived; \
         fix: the kept parts of a cookie header are scanned like text",
    ),
    ("redact", b"\x04\x0c\x00Set-Cookie: a=1; Path=/", "review: the same for Set-Cookie attributes"),
    (
        "redact",
        b"\x01\x06\x00{\"a\":\"\",\"a\":1}",
        "fuzzer (crash-c372fdd9, second 10-minute run): a document that repeats a key parses to its \
         last value; the earlier one, holding the key, was never walked, and as nothing was hidden \
         the text was kept byte for byte; fix: such a document is written from what was walked",
    ),
    (
        "redact",
        b"\x58\x03\x00{\"ab_address\":\"Main St 1\"}",
        "fuzzer (crash-da2a3089, known-value mode, 16k runs): a cookie value seen again inside a JSON \
         key was swept from the text, but the location of the address under that key still named it; \
         fix: the sweep also sweeps the locations of what was removed",
    ),
    (
        "ingest_lines",
        b"\x00\x23\x00\x23\x20\x4c\x00\x69\x00\x4c\x00\x6f",
        "fuzzer (crash-84f810c6, the audit's 240 s run): UTF-16 of odd length read in chunks; \
         progress ended at the decoded text's 10 bytes, the harness expected the input's 11; the \
         harness was wrong (this reader's progress counts the decoded text): it compares \
         with the decoded length",
    ),
    (
        "format_engine",
        b"(?P<status>x)?(?:b| ??c)\na c",
        "fuzzer (crash-60e39113, issue 22's 10-minute run, minimized by hand): a lazy run (` ??`) \
         that nothing after it can start was made possessive like a greedy one, so it never took \
         its byte and the program's match started one byte after the regex crate's; fix: a \
         possessive run takes its longest, lazy or not (the one end a match can use)",
    ),
    (
        "ingest_detect",
        W3C_LONG_FIELDS,
        "fuzzer (crash-92795dc5, issue 22's 10-minute run of ingest_detect, minimized by hand; it \
         failed before the round too): a `#Fields:` line over the line limit was skipped unread, \
         so the rows after it were read with the columns of the `#Fields:` before it, and read \
         back with its own; fix: an unread `#Fields:` line leaves no fields in effect, in a block \
         read line by line and where a block starts",
    ),
    (
        "ingest_detect",
        concat!(
            "2026-11-20 12:01:13.603  4321-4398 I/okhttp.OkHttpClient: <-- END HTTP (426-byte body)\n",
            "OkHttpClient: --> POST https://api.my-virtual-office.com/api/customers\n",
            "2026-11-20 12:03:02.743  4321-4398 I/okhttp.OkHttpClient: <-- 201 Created https://api.my-virtual-office.com/api/customers (122ms)\n",
        )
        .as_bytes(),
        "fuzzer (crash-ed73fc64, issue 22's second run of ingest_detect, minimized by hand; it failed \
         before the round too): an OkHttp opener that also reads as a header line (`OkHttpClient: \
         --> POST`) was passed over as a continuation when looking for where a block may start, so a \
         block started at its call's line and the call lost its opener when read in chunks; fix: no \
         block starts below a line that may open a call, continuation-like or not",
    ),
    (
        "ingest_detect",
        OKHTTP_LONG_BODY_LINE,
        "fuzzer (crash-51904248, issue 22's third run of ingest_detect, minimized by hand; it failed \
         before the round too): a body line over the line limit inside an OkHttp call held text \
         that reads as a call's `<--` line; ingest (within the limit) kept it as the body, reading \
         the call back (without a limit) ended the call there; fix: a call is read back with the \
         limits it was read with",
    ),
    (
        "redact",
        b"\xd8\x05\x003\nsee glued",
        "fuzzer (issue 22's sixth session, second run of redact; it failed before that session too; \
         input rebuilt by hand): the user hides `3`; the secret, a `Cookie: sid=` value, is written \
         again bare in a text log, where the term was hidden inside it before the known values were \
         swept, so the sweep no longer found it and all but its pieces between the 3s survived; fix: \
         with terms, a first run learns the credentials and the run that counts hides them before \
         the terms (`Redactor::terms_after_known`)",
    ),
    (
        "redact",
        b"\xc8\x09\x003,e\nsession expired",
        "the same in a call (the email's path): the secret in the URL, message, Referer and body \
         of a call whose Cookie header holds it",
    ),
    (
        "redact",
        b"\x4f\x0f\x00https://h/p?a%7=john.doe@example.com",
        "fuzzer (crash-04231426, issue 22's eighth session, redact; it failed before that session \
         too; input rebuilt by hand): a call's Cookie value written again in its URL right after a \
         `%7`, as a query key; the email found in that key's value was reported at the key as \
         decoded (`%74` reads `t`), where the sweep of known values, which looks for the value as \
         the copy spells it, no longer found it; fix: a location names a URL's key as the copy \
         writes it",
    ),
];

/// An OkHttp call whose body line (over the harness's 300 bytes) reads as a response line.
const OKHTTP_LONG_BODY_LINE: &[u8] = concat!(
    "2026-11-20 12:01:13.407  I/okhttp.OkHttpClient: --> POST https://api.example.com/a\n",
    "2026-11-20 12:01:13.407  I/okhttp.OkHttpClient: {\"note\":\"<-- 500 Internal https://api.example.com/b (197ms) ",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n",
    "2026-11-20 12:01:13.603  I/okhttp.OkHttpClient: <-- 201 Created https://api.example.com/a (122ms)\n",
)
.as_bytes();

/// A W3C log whose second `#Fields:` line (other columns) passes the harness's 300-byte limit.
const W3C_LONG_FIELDS: &[u8] = concat!(
    "#Fields: date time cs-method cs-uri-stem sc-status\n",
    "2022-11-07 14:29:06 GET /a 404\n",
    "#Fields: s-ip date time cs-method cs-uri-stem sc-status",
    " x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad",
    " x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad",
    " x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad x-pad\n",
    "2022-11-07 15:42:39 GET /b 404\n",
)
.as_bytes();

#[test]
fn every_finding_stays_fixed() {
    let failed: Vec<&str> = FINDINGS
        .iter()
        .filter(|(name, input, _)| std::panic::catch_unwind(|| target(name)(input)).is_err())
        .map(|(_, _, what)| *what)
        .collect();
    assert!(failed.is_empty(), "findings back: {failed:#?}");
}
