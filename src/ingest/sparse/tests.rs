use super::*;
use crate::ingest::json_value::JsonValue;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const KEPT: &[&str] = &["status", "response.status", "url", "request", "http.response.status_code"];
const AS_TEXT: &[&str] = &["response.body"];
const PRUNED: &[&str] = &["request.body", "request.headers", "payload"];

/// One table for every test of a thread: the scanner remembers the keys of the last line read
/// with a table (`template`), and a later line is read with what it remembered.
fn paths() -> &'static Paths {
    static PATHS: std::sync::LazyLock<Paths> =
        std::sync::LazyLock::new(|| Paths::new(KEPT.iter().copied(), AS_TEXT.iter().copied(), PRUNED.iter().copied()));
    &PATHS
}

fn sparse(text: &str) -> Option<Value> {
    parse(text.as_bytes(), paths(), leaked_bump()).map(|object| Value::Object(normalized(object.to_map())))
}

/// An object or array kept as text is compared by what it parses to, not by its spacing.
fn normalized(mut object: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(response)) = object.get_mut("response")
        && let Some(body) = response.get_mut("body")
        && let Value::String(text) = body
        && let Ok(value @ (Value::Object(_) | Value::Array(_))) = serde_json::from_str::<Value>(text)
    {
        *body = value;
    }
    object
}

/// What the scanner should give, worked out on the whole parse: a key stays when its path is
/// kept or lies below or above a kept path, and is not pruned.
fn reference(object: &Map<String, Value>, prefix: &str, inside_kept: bool) -> Map<String, Value> {
    let mut kept = Map::new();
    for (key, value) in object {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        if PRUNED.contains(&path.as_str()) {
            continue;
        }
        let inside_kept = inside_kept || KEPT.contains(&path.as_str()) || AS_TEXT.contains(&path.as_str());
        let below = format!("{path}.");
        let ancestor = KEPT.iter().chain(AS_TEXT).chain(PRUNED).any(|other| other.starts_with(&below));
        match value {
            Value::Object(inner) if ancestor => {
                kept.insert(key.clone(), Value::Object(reference(inner, &path, inside_kept)));
            }
            _ if inside_kept || ancestor => {
                kept.insert(key.clone(), value.clone());
            }
            _ => {}
        }
    }
    kept
}

fn expected(text: &str) -> Value {
    let whole: Value = serde_json::from_str(text).expect("valid JSON");
    Value::Object(normalized(reference(whole.as_object().expect("an object"), "", false)))
}

#[test]
fn keeps_kept_paths_nested_or_flattened_and_leaves_out_the_rest() {
    let text = r#"{"level":"info","status":409,"request":{"method":"POST","body":{"a":[1]},"headers":{"k":"v"}},
        "response":{"headers":{"x":"y"},"status":"409","body":{"error":"Conflict","message":"Duplicate"}},
        "http.response.status_code":409,"http":{"response":{"status_code":500,"bytes":10}},"payload":"x"}"#;
    let want = json!({
        "status": 409,
        "request": {"method": "POST"},
        "response": {"status": "409", "body": {"error": "Conflict", "message": "Duplicate"}},
        "http.response.status_code": 409,
        "http": {"response": {"status_code": 500}},
    });
    assert_eq!(sparse(text), Some(want));
    assert_eq!(sparse(text), Some(expected(text)));
}

#[test]
fn an_object_at_a_text_path_is_kept_as_its_json_text() {
    let text = r#"{"response":{"body":{ "error" : "Conflict" }},"x":1}"#;
    let object = parse(text.as_bytes(), paths(), leaked_bump()).expect("valid").to_map();
    assert_eq!(object["response"]["body"], json!(r#"{ "error" : "Conflict" }"#));
    let string_body = r#"{"response":{"body":"{\"a\":1}"}}"#;
    let object = parse(string_body.as_bytes(), paths(), leaked_bump()).expect("valid").to_map();
    assert_eq!(Value::Object(object), serde_json::from_str::<Value>(string_body).expect("valid JSON"));
}

#[test]
fn a_kept_path_that_is_not_an_object_is_kept_whole() {
    let text = r#"{"request":"GET /v1/x HTTP/1.1","response":[{"status":1}],"url":{"full":"https://a/b","port":1}}"#;
    assert_eq!(sparse(text), Some(serde_json::from_str(text).expect("valid JSON")));
}

#[test]
fn strings_escapes_and_numbers_are_serde_jsons_values() {
    let text = r#"{"status":-0,"url":"a\"b\\c\u00e9\n\/","request":[1.5e3,-12,18446744073709551616,0.1,true,null]}"#;
    assert_eq!(sparse(text), Some(serde_json::from_str(text).expect("valid JSON")));
    let escaped_key = r#"{"st\u0061tus":200,"x":1}"#;
    assert_eq!(sparse(escaped_key), Some(json!({"status": 200})));
}

/// Lines that write the same keys as the last line, or other keys at its places, or the same keys
/// another way (escaped, spaced), read as the whole parse reads them.
#[test]
fn a_line_reads_alike_whatever_the_keys_of_the_line_before() {
    let lines = [
        r#"{"status":200,"request":{"method":"GET"},"level":"info"}"#,
        r#"{"status":404,"request":{"method":"PUT"},"level":"warn"}"#,
        r#"{"st\u0061tus":500,"request":{"method":"GET"},"level":"info"}"#,
        r#"{"st\u0061tus":501,"request":{"method":"GET"},"level":"info"}"#,
        r#"{"status" : 502,"request":{"method":"GET"}}"#,
        r#"{"status" : 503,"request":{"method":"GET"}}"#,
        r#"{"request":{"method":"GET"},"status":504}"#,
        r#"{"status":"x","request":"y","level":{"status":1}}"#,
        r#"{"status":200,"request":{"method":"GET"},"level":"info"}"#,
        r#"{"status":200,"request":{"method":"GET"},"level":"info"}"#,
    ];
    for line in lines {
        assert_eq!(sparse(line), Some(expected(line)), "{line}");
    }
}

#[test]
fn a_repeated_key_keeps_the_last_value_like_the_whole_parse() {
    let text = r#"{"status":200,"request":{"body":1},"status":404,"request":{"url":"/x"}}"#;
    assert_eq!(sparse(text), Some(json!({"status": 404, "request": {"url": "/x"}})));
}

#[test]
fn invalid_or_doubtful_json_is_left_to_serde_json() {
    let deep = format!("{{\"x\":{}{}}}", "[".repeat(150), "]".repeat(150));
    let cases: &[&[u8]] = &[
        br#"{"x":"\ud800"}"#,
        br#"{"x":1e400}"#,
        b"{\"x\":\"\x01\"}",
        br#"{"x":{"a":}}"#,
        br#"{"x":"unterminated}"#,
        br#"{"x":01}"#,
        br#"{"x":1.}"#,
        br#"{"x":-}"#,
        br#"{"x":tru}"#,
        br#"{"x":1,}"#,
        br#"{"x":[1,]}"#,
        br#"{"x":1} x"#,
        br#"{"x":"\q"}"#,
        br#"{"x":"\u12g4"}"#,
        br#"{"x":"\u+123"}"#,
        b"{\"x\":\"\xff\"}",
        b"{\"x\":1}\xc2\xa0",
        b"\x0c{\"x\":1}",
        br#"{"$serde_json::private::RawValue":"1"}"#,
        br#"[{"status":200}]"#,
        deep.as_bytes(),
    ];
    for case in cases {
        assert_eq!(parse(case, paths(), leaked_bump()), None, "{}", String::from_utf8_lossy(case));
    }
    // Doubtful but valid: the slower read takes these.
    assert!(serde_json::from_slice::<Value>(br#"{"x":"\ud83d\ude00"}"#).is_ok());
    assert_eq!(parse(br#"{"x":"\ud83d\ude00"}"#, paths(), leaked_bump()), None);
    // An exponent within range is checked by serde_json and accepted.
    assert_eq!(sparse(r#"{"status":2e2,"x":-1E-400}"#), Some(json!({"status": 200.0})));
}

fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "status",
        "request",
        "response",
        "body",
        "headers",
        "url",
        "full",
        "http",
        "response.status",
        "x",
        "é",
        "payload",
        "st\"atus",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "[ -~\u{e9}\u{1F600}\n\"\\\\]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn json_object() -> impl Strategy<Value = String> {
    (json_value(), any::<bool>()).prop_map(|(value, pretty)| {
        let object = match value {
            Value::Object(object) => Value::Object(object),
            other => json!({ "status": other, "response": { "body": other } }),
        };
        if pretty { serde_json::to_string_pretty(&object) } else { serde_json::to_string(&object) }
            .expect("serializable")
    })
}

proptest! {
    #[test]
    fn a_valid_object_reads_as_the_whole_parse_without_the_left_out_keys(text in json_object()) {
        prop_assert_eq!(sparse(&text), Some(expected(&text)));
    }

    #[test]
    fn what_the_scanner_accepts_serde_json_accepts_and_reads_alike(
        text in json_object(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"\"\\{}[],:0-.eE+ux\x01\xff\xc3 tn".to_vec()),
        edit in 0..3u8,
    ) {
        let mut bytes = text.into_bytes();
        let at = at.index(bytes.len() + 1);
        match edit {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ if at < bytes.len() => { bytes.remove(at); }
            _ => {}
        }
        if let Some(object) = parse(&bytes, paths(), leaked_bump()) {
            let whole = serde_json::from_slice::<Value>(&bytes);
            prop_assert!(whole.is_ok(), "accepted what serde_json refuses: {}", String::from_utf8_lossy(&bytes));
            let whole = whole.expect("checked");
            let whole = whole.as_object().expect("an object");
            prop_assert_eq!(normalized(object.to_map()), normalized(reference(whole, "", false)));
        }
    }
}

proptest! {
    #[test]
    fn a_whole_value_reads_as_serde_json_reads_it(
        value in json_value(),
        pretty in any::<bool>(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(b"\"\\{}[],:0-.eE+ux\x01\xff\xc3 tn".to_vec()),
        edit in 0..4u8,
    ) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        let mut bytes = text.expect("serializable").into_bytes();
        let at = at.index(bytes.len() + 1);
        match edit {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 if at < bytes.len() => { bytes.remove(at); }
            _ => prop_assert!(parse_value(&bytes, leaked_bump()).is_some(), "a valid value was refused"),
        }
        if let Some(node) = parse_value(&bytes, leaked_bump()) {
            let whole = serde_json::from_slice::<Value>(&bytes);
            prop_assert!(whole.is_ok(), "accepted what serde_json refuses: {}", String::from_utf8_lossy(&bytes));
            prop_assert_eq!(node.to_value().into_owned(), whole.expect("checked"));
        }
    }
}

#[test]
fn the_first_byte_that_needs_a_look_is_found_in_eight() {
    let special = |byte: u8| byte == b'"' || byte == b'\\' || byte < 0x20;
    for byte in 0..=255u8 {
        for at in 0..8 {
            let mut word = *b"abcdefgh";
            word[at] = byte;
            let want = special(byte).then_some(at);
            assert_eq!(first_special(u64::from_le_bytes(word)), want, "byte {byte:#x} at {at}");
            // A later special byte does not move the first.
            if at < 7 {
                word[7] = b'"';
                assert_eq!(first_special(u64::from_le_bytes(word)), want.or(Some(7)), "byte {byte:#x} at {at}");
            }
        }
    }
    assert_eq!(first_special(u64::from_le_bytes(*b"\xc3\xa9\xff\x80 ~\x7f!")), None);
    assert_eq!(first_special(u64::from_le_bytes(*b"\x00\x00\"\\\x1f\x00\x00\x00")), Some(0));
}

#[test]
fn headers_keep_only_the_wanted_names_in_every_shape() {
    let paths = Paths::new(["response.status"], [], []).with_headers(["response.headers"], ["retry-after"]);
    let read = |text: &str| parse(text.as_bytes(), &paths, leaked_bump()).map(|object| Value::Object(object.to_map()));
    assert_eq!(
        read(r#"{"response":{"headers":{"Date":"x","Retry-After":"5"},"status":429}}"#),
        Some(json!({"response": {"headers": {"Retry-After": "5"}, "status": 429}}))
    );
    assert_eq!(
        read(r#"{"response":{"headers":[{"name":"date","value":"x"},{"name":"retry-after","value":"7"}]}}"#),
        Some(json!({"response": {"headers": [{"name": "retry-after", "value": "7"}]}}))
    );
    assert_eq!(
        read(r#"{"response":{"headers":["Date: x", "Retry-After: 9", "X-\u0052etry: 1"]}}"#),
        Some(json!({"response": {"headers": ["Retry-After: 9", "X-Retry: 1"]}})),
        "an escape may spell a name, so such an item is kept for the reader to check"
    );
}

#[test]
fn the_next_byte_that_needs_a_look_is_found_in_sixteen_eight_and_one() {
    for len in [0, 5, 8, 15, 16, 17, 24, 31, 40] {
        for special in [b'"', b'\\', b'\n', 0x1f, 0] {
            for at in 0..len {
                let mut text = vec![b'a'; len];
                text[at] = special;
                // The caller steps over what is left one byte at a time: the answer may fall short.
                let found = next_special(&text, 0);
                assert!(found <= at, "len {len}, byte {special:#x} at {at}: passed it at {found}");
                assert!(text[found..at].iter().all(|byte| *byte == b'a'), "len {len}, byte {special:#x} at {at}");
                assert!(len - found < 8 || found == at, "len {len}, byte {special:#x} at {at}: stopped at {found}");
            }
        }
        assert!(next_special(&vec![0xc3; len], 0) + 8 > len, "no special byte: at most seven are left");
    }
}

/// A value read while another is (an error body inside a line's reading) gets an arena of its
/// own, and the two arenas' decoded strings stay apart; the thread's arena serves the next line.
#[test]
fn a_value_read_inside_another_reading_gets_an_arena_of_its_own() {
    let line = br#"{"status": 500, "url": "/a\"b", "request": {"url": "/c\\d"}}"#;
    let body = br#"{"error": "e\"f", "list": ["g\\h", 1]}"#;
    let whole = |text: &[u8]| serde_json::from_slice::<Value>(text).expect("valid JSON");
    for _ in 0..3 {
        let (outer, inner) = with_bump(|bump| {
            let object = parse(line, paths(), bump).expect("valid");
            let inner = with_bump(|bump| parse_value(body, bump).map(|node| node.to_value().into_owned()));
            (Value::Object(object.to_map()), inner)
        });
        assert_eq!(outer, whole(line));
        assert_eq!(inner, Some(whole(body)));
    }
}
