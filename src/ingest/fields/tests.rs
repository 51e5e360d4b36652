use super::*;
use serde_json::{Map, Value};

fn discover_full(object: &Map<String, Value>) -> Option<Record> {
    discover(object, Detail::Full)
}
use serde_json::json;

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

fn nest(path: &str, leaf: Value) -> Value {
    path.rsplit('.').fold(leaf, |inner, key| json!({ key: inner }))
}

#[test]
fn every_status_alias_nested_and_flattened() {
    for path in STATUS.iter() {
        for leaf in [json!(409), json!("409")] {
            let nested = discover_full(&object(nest(path, leaf.clone())));
            assert_eq!(nested.map(|r| r.status), Some(409), "nested {path} = {leaf}");
            let flat = discover_full(&object(json!({ *path: leaf })));
            assert_eq!(flat.map(|r| r.status), Some(409), "flat {path} = {leaf}");
        }
    }
}

#[test]
fn a_word_status_is_not_a_status() {
    // A customer's `status: "active"` must not be read as an HTTP status.
    let record = discover_full(&object(json!({"status": "active", "status_code": 201})));
    assert_eq!(record.map(|r| r.status), Some(201));
    assert!(discover_full(&object(json!({"status": "active", "msg": "hello"}))).is_none());
    assert!(discover_full(&object(json!({"status": 409.5}))).is_none());
}

#[test]
fn ecs_gateway_line() {
    let line = json!({
        "@timestamp": "2026-11-20T10:00:00.500Z",
        "http": {
            "request": {"method": "post", "id": "req-1", "body": {"content": "{\"email\":\"a@b.de\"}"}},
            "response": {"status_code": 409, "body": {"content": "{\"error\":\"Conflict\",\"message\":\"Duplicate email\"}"}}
        },
        "url": {"full": "https://api.my-virtual-office.com/api/customers", "path": "/api/customers"},
        "event": {"duration": 35_000_000}
    });
    let record = discover_full(&object(line)).expect("a call");
    assert_eq!(record.status, 409);
    assert_eq!(record.method.as_deref(), Some("POST"));
    assert_eq!(record.url.as_deref(), Some("https://api.my-virtual-office.com/api/customers"));
    assert_eq!(record.time_ms, Some(1_795_168_800_500));
    assert_eq!(record.request_id.as_deref(), Some("req-1"));
    assert_eq!(record.duration_ms, Some(35.0));
    assert_eq!(record.error_type.as_deref(), Some("Conflict"));
    assert_eq!(record.message.as_deref(), Some("Duplicate email"));
    assert_eq!(record.request.body.as_deref(), Some("{\"email\":\"a@b.de\"}"));
}

#[test]
fn traefik_and_istio_fields() {
    let traefik = discover_full(&object(json!({
        "DownstreamStatus": 502, "OriginStatus": 0, "RequestMethod": "GET", "RequestPath": "/x",
        "StartUTC": "2021-03-16T18:56:54.735539596Z", "Duration": 40356
    })))
    .expect("a call");
    assert_eq!((traefik.status, traefik.url.as_deref()), (502, Some("/x")));
    assert!(traefik.duration_ms.is_some_and(|ms| (ms - 0.040356).abs() < 1e-9), "{:?}", traefik.duration_ms);

    let istio = discover_full(&object(json!({
        "method": "GET", "path": "/reviews/0", "response_code": 503,
        "response_code_details": "no_healthy_upstream", "start_time": "2022-09-08T12:51:05.656Z"
    })))
    .expect("a call");
    assert_eq!(istio.status, 503);
    assert_eq!(istio.message.as_deref(), Some("no_healthy_upstream"));
}

#[test]
fn headers_in_every_shape() {
    let as_object = headers_of(&json!({"X-Api-Key": "k", "Accept": ["a", "b"]}));
    assert_eq!(as_object, vec![("X-Api-Key".into(), "k".into()), ("Accept".into(), "a, b".into())]);
    let as_har = headers_of(&json!([{"name": "cookie", "value": "s=1"}]));
    assert_eq!(as_har, vec![("cookie".into(), "s=1".into())]);
    let as_lines = headers_of(&json!(["Retry-After: 30"]));
    assert_eq!(as_lines, vec![("Retry-After".into(), "30".into())]);
}

#[test]
fn request_line_and_reason_phrase() {
    let record =
        discover_full(&object(json!({"request": "PATCH /api/customers/1 HTTP/1.1", "status": 404}))).expect("a call");
    assert_eq!(record.method.as_deref(), Some("PATCH"));
    assert_eq!(record.url.as_deref(), Some("/api/customers/1"));

    let body_only = discover_full(&object(json!({"error": "Too Many Requests", "message": "slow down"})))
        .expect("an error body names its status");
    assert_eq!((body_only.status, body_only.message.as_deref()), (429, Some("slow down")));
}

#[test]
fn the_error_is_read_from_a_failures_body_not_a_successs() {
    let call = |status: Value| {
        let body = json!({"error": "Conflict", "message": "Duplicate email"});
        discover_full(&object(json!({"url": "/api/customers", "status": status, "response": {"body": body}})))
            .expect("a call")
    };
    let failure = call(json!(409));
    assert_eq!(
        (failure.error_type.as_deref(), failure.message.as_deref()),
        (Some("Conflict"), Some("Duplicate email"))
    );
    let success = call(json!(201));
    assert_eq!((success.error_type, success.message), (None, None));
    // The body is still kept whole, for the email and the call's view.
    assert!(success.response.body.is_some_and(|body| body.contains("Duplicate email")));
    // Without a status the body is read, and its reason phrase names the status.
    let unknown = call(Value::Null);
    assert_eq!((unknown.status, unknown.error_type.as_deref()), (409, Some("Conflict")));
}

#[test]
fn network_failures_have_no_response() {
    let record = discover_full(&object(
        json!({"method": "POST", "url": "/api/customers", "error": "connect ETIMEDOUT 1.2.3.4:443"}),
    ))
    .expect("a failed call");
    assert_eq!(record.status, 0);
    assert!(discover_full(&object(json!({"method": "POST", "url": "/api/customers"}))).is_none());
}

#[test]
fn lookup_prefers_flat_keys_then_nesting() {
    let map = object(json!({"a.b": 1, "a": {"b": 2, "c": {"d": 3}}}));
    assert_eq!(lookup(&map, "a.b"), Some(&json!(1)));
    assert_eq!(lookup(&map, "a.c.d"), Some(&json!(3)));
    assert_eq!(lookup(&map, "a.x"), None);
}

/// The lookup as first written: the path whole, then split at each dot from the right.
fn lookup_reference<'a>(object: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    if let Some(value) = object.get(path) {
        return Some(value);
    }
    let mut split_at = path.len();
    while let Some(dot) = path[..split_at].rfind('.') {
        if let Some(Value::Object(inner)) = object.get(&path[..dot])
            && let Some(value) = lookup_reference(inner, &path[dot + 1..])
        {
            return Some(value);
        }
        split_at = dot;
    }
    None
}

fn small_object(depth: u32) -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    // Few keys, so that flattened and nested spellings of one path meet in the same object.
    let key = prop::sample::select(vec!["a", "b", "a.b", "b.c", "a.b.c", "c", ""]);
    let leaf = (0..1000i64).prop_map(Value::from);
    leaf.prop_recursive(depth, 24, 4, move |inner| {
        prop::collection::vec((key.clone(), inner), 0..7)
            .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
    #[test]
    fn lookup_by_keys_finds_what_splitting_the_path_finds(
        object in small_object(3),
        path in proptest::sample::select(vec!["a", "a.b", "a.b.c", "b.c", "a.b.c.a", "c.a.b", "a..b", "b"]),
    ) {
        let Value::Object(object) = object else { return Ok(()) };
        proptest::prop_assert_eq!(lookup(&object, path), lookup_reference(&object, path));
    }
}

/// Every alias, flattened and cut at each dot (`error`, `error.response`, `response.status`),
/// among keys no table names.
fn call_shaped_keys() -> Vec<&'static str> {
    let tables = [*STATUS, *METHOD, *URL, *REQUEST_LINE, *RESPONSE_BODY, *ERROR_TYPE, *ERROR_MESSAGE, *TIME];
    let aliases = tables.into_iter().flatten().copied();
    let dots = |path: &'static str| path.match_indices('.').map(|(dot, _)| dot).collect::<Vec<_>>();
    let firsts = aliases
        .clone()
        .flat_map(move |path| dots(path).into_iter().flat_map(move |dot| [&path[..dot], &path[dot + 1..]]));
    let others = ["ts", "msg", "level", "host", "statuses", "errors", "message", "body_size", "", "error"];
    aliases.chain(firsts).chain(others).collect()
}

fn call_shaped_leaves() -> [Value; 7] {
    [
        json!(404),
        json!("GET"),
        json!("Not Found"),
        json!("GET /v1/x HTTP/1.1"),
        json!("https://api.example.com/v1/x"),
        json!("connect ETIMEDOUT"),
        json!({"error": "Too Many Requests"}),
    ]
}

/// An object none of whose keys starts with a key a call is read from is no call, read by
/// serde_json or by the scanner.
fn turned_away_is_no_call(map: &Map<String, Value>) -> Result<(), String> {
    if may_be_call(map) {
        return Ok(());
    }
    if call_in(&Lookups::plain(map)).is_some() {
        return Err(format!("{map:?} is a call"));
    }
    let text = Value::Object(map.clone()).to_string();
    if let Some(sparse::Node::Object(members)) = sparse::parse_value(text.as_bytes(), sparse::leaked_bump())
        && (may_be_call(&members) || call_in(&Lookups::plain(&members)).is_some())
    {
        return Err(format!("{text} read by the scanner"));
    }
    Ok(())
}

/// Every key with every value, alone and below every key.
#[test]
fn an_object_turned_away_by_its_keys_is_no_call() {
    let keys = call_shaped_keys();
    for key in &keys {
        for leaf in call_shaped_leaves() {
            assert_eq!(turned_away_is_no_call(&object(json!({ *key: leaf.clone() }))), Ok(()));
            for outer in &keys {
                assert_eq!(turned_away_is_no_call(&object(json!({ *outer: { *key: leaf.clone() } }))), Ok(()));
            }
        }
        // A method or URL beside a message of a request that got no answer.
        for message_key in ERROR_MESSAGE.iter().chain(&["msg", "message"]) {
            for request in [json!("GET"), json!("https://api.example.com/v1/x")] {
                let map = object(json!({ *key: request, *message_key: "connect ETIMEDOUT" }));
                assert_eq!(turned_away_is_no_call(&map), Ok(()));
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// Key bits never rule out a path an object holds, whatever shapes its keys' values have
    /// (a part of a path that holds a string leads nowhere; one that holds an object may).
    #[test]
    fn key_bits_rule_out_no_path_an_object_holds(map in call_shaped_object()) {
        let text = Value::Object(map).to_string();
        let Some(sparse::Node::Object(members)) = sparse::parse_value(text.as_bytes(), sparse::leaked_bump()) else {
            return Err(proptest::test_runner::TestCaseError::fail(format!("{text} is an object")));
        };
        for aliases in [&STATUS_ALIASES, &METHOD_ALIASES, &URL_ALIASES, &RESPONSE_BODY_ALIASES, &TIME_ALIASES] {
            for path in aliases.paths.iter().filter(|path| lookup(&members, path).is_some()) {
                proptest::prop_assert!(aliases.in_object(&members).any(|held| held == *path), "{} in {}", path, text);
            }
        }
    }
}

fn call_shaped_object() -> impl proptest::strategy::Strategy<Value = Map<String, Value>> {
    use proptest::prelude::*;
    let keys = call_shaped_keys();
    let leaf = prop::sample::select(call_shaped_leaves().to_vec());
    let keys_below = keys.clone();
    let value = leaf.prop_recursive(2, 16, 4, move |inner| {
        prop::collection::vec((prop::sample::select(keys_below.clone()), inner), 0..4)
            .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    });
    prop::collection::vec((prop::sample::select(keys), value), 0..4)
        .prop_map(|pairs| pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
    /// The same, for a few keys at once, nested.
    #[test]
    fn objects_turned_away_by_their_keys_are_no_calls(map in call_shaped_object()) {
        proptest::prop_assert_eq!(turned_away_is_no_call(&map), Ok(()));
    }
}

/// A plan keeps each table's places at the table's id: the ids are the tables' places in
/// `ALIASES`, and the URL's parts, looked up only in a URL's object, have none there.
#[test]
fn every_alias_table_is_at_its_id() {
    for (place, aliases) in ALIASES.iter().enumerate() {
        assert_eq!(aliases.id, place, "{:?}", aliases.paths.first());
    }
    assert!(URL_PARTS.id >= ALIASES.len());
}

/// `map` with every value that is not an object replaced by one of `call_shaped_leaves`' others (or
/// null, or an empty string), chosen by `seed`: an object of the same shape with other values.
fn same_shape_other_values(map: &Map<String, Value>, seed: &mut u64) -> Map<String, Value> {
    let mut leaves: Vec<Value> = call_shaped_leaves().into_iter().filter(|leaf| !leaf.is_object()).collect();
    leaves.extend([Value::Null, json!(""), json!("-"), json!(503)]);
    let mut value_for = |value: &Value| match value {
        Value::Object(inner) => Value::Object(same_shape_other_values(inner, seed)),
        _ => {
            *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            leaves[(*seed >> 33) as usize % leaves.len()].clone()
        }
    };
    map.iter().map(|(key, value)| (key.clone(), value_for(value))).collect()
}

/// What the scanner's object of `map` gives through this thread's remembered shapes, against
/// serde_json's looked up path by path; and whether its shape was remembered.
fn remembered_against_looked_up(map: &Map<String, Value>, detail: Detail) -> Result<bool, String> {
    let text = Value::Object(map.clone()).to_string();
    let Some(sparse::Node::Object(members)) = sparse::parse_value(text.as_bytes(), sparse::leaked_bump()) else {
        return Err(format!("{text} is an object"));
    };
    let lookups = Lookups::remembered(&members);
    let read = discover_through(&lookups, detail);
    let looked_up = discover(map, detail);
    let remembered = lookups.is_remembered();
    if read == looked_up { Ok(remembered) } else { Err(format!("{text}: {read:?} against {looked_up:?}")) }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// An object of a shape seen before reads as one whose paths are looked up, whatever its
    /// values: a null or empty first alias, a status that is a word, a URL that is a number.
    #[test]
    fn a_remembered_shape_reads_as_its_lookups_do(map in call_shaped_object(), mut seed in proptest::prelude::any::<u64>()) {
        let twin = same_shape_other_values(&map, &mut seed);
        let other = same_shape_other_values(&map, &mut seed);
        for detail in [Detail::Summary, Detail::Full] {
            for object in [&map, &twin, &other, &map] {
                proptest::prop_assert_eq!(remembered_against_looked_up(object, detail).map(|_| ()), Ok(()));
            }
        }
    }
}

/// Objects of a shape seen before are read through it, and read as their lookups read them, also
/// when their keys, or which of their values are objects, differ from a shape seen; shapes that
/// seldom repeat are looked up, after a trial, for a while.
#[test]
fn objects_are_read_through_shapes_while_shapes_repeat() {
    let line = object(json!({"ts": "2026-12-07T10:00:00Z", "status": 404, "url": "/v1/a", "response": {"body": "x"}}));
    let same = object(json!({"ts": "2026-12-07T10:00:01Z", "status": null, "url": "/v1/b", "response": {"body": ""}}));
    let string_for_object =
        object(json!({"ts": "2026-12-07T10:00:02Z", "status": 500, "url": "/v1/c", "response": "{}"}));
    let other_key =
        object(json!({"ts": "2026-12-07T10:00:03Z", "status": 500, "url": "/v1/d", "responses": {"body": "y"}}));
    let remembered = |map: &Map<String, Value>| remembered_against_looked_up(map, Detail::Summary).expect("same call");
    for map in [&line, &same, &string_for_object, &other_key, &line] {
        assert!(remembered(map));
    }
    let unique = |n: usize| object(json!({ format!("key{n}"): 1, "status": 404 }));
    let remembered_count = (0..200).filter(|&n| remembered(&unique(n))).count();
    assert!(remembered_count < 100, "{remembered_count} of 200 remembered");
    assert!(!remembered(&line));
}

/// The scanner's objects rule alias paths out by the bits of their keys: a path an object holds,
/// flattened or nested, beside other keys, is never ruled out.
#[test]
fn no_alias_an_object_holds_is_ruled_out_by_its_keys_bits() {
    let tables = ALIASES.iter().copied().chain([&*URL_PARTS]);
    for aliases in tables {
        let paths = sparse::Paths::new(aliases.paths.iter().copied(), [], []);
        for path in aliases.paths {
            let flat = json!({ "a": 1, *path: "x", "zz": {"b": 2} });
            let mut nested = object(nest(path, json!("x")));
            nested.insert("a".into(), json!(1));
            for line in [flat.to_string(), Value::Object(nested).to_string()] {
                let members = sparse::parse(line.as_bytes(), &paths, sparse::leaked_bump()).expect("valid JSON");
                assert!(lookup(&members, path).is_some(), "{path} in {line}");
                assert!(aliases.in_object(&members).any(|held| held == *path), "{path} ruled out of {line}");
            }
        }
        // A key written twice holds its last value, though it held another shape first.
        for path in aliases.paths.iter().filter(|path| path.contains('.')) {
            let line = format!(
                r#"{{"{}": "x", {}"#,
                first_key(path),
                &Value::Object(object(nest(path, json!(1)))).to_string()[1..]
            );
            let Some(members) = sparse::parse(line.as_bytes(), &paths, sparse::leaked_bump()) else { panic!("{line}") };
            assert!(lookup(&members, path).is_some(), "{path} in {line}");
            assert!(aliases.in_object(&members).any(|held| held == *path), "{path} ruled out of {line}");
        }
        // A path whose keys are missing is ruled out by most objects (the point of the bits).
        let members = sparse::parse(br#"{"q": 1}"#, &paths, sparse::leaked_bump()).expect("valid JSON");
        assert!(aliases.in_object(&members).count() < aliases.paths.len().max(2), "{:?}", aliases.paths);
    }
}

/// (producer, line, status, method, URL).
type Shape = (&'static str, &'static str, u16, Option<&'static str>, Option<&'static str>);

/// One line of each JSON shape the README's format table names, from the producers' documented
/// output, read through the line reader (summary and full) as a log would be.
#[test]
fn cloud_client_and_server_json_shapes() {
    let lines: &[Shape] = &[
        (
            "caddy",
            r#"{"level":"info","ts":1646861401.52,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"127.0.0.1","proto":"HTTP/1.1","method":"POST","host":"api.example.com","uri":"/v1/contacts","headers":{}},"duration":0.0009,"size":12,"status":409,"resp_headers":{}}"#,
            409,
            Some("POST"),
            Some("/v1/contacts"),
        ),
        (
            "kong",
            r#"{"request":{"method":"POST","uri":"/v1/contacts","url":"http://api.example.com:8000/v1/contacts","headers":{}},"response":{"status":429,"headers":{"retry-after":"30"}},"started_at":1700000000000,"latencies":{"request":12}}"#,
            429,
            Some("POST"),
            Some("http://api.example.com:8000/v1/contacts"),
        ),
        (
            "cloudflare",
            r#"{"ClientRequestHost":"api.example.com","ClientRequestMethod":"PUT","ClientRequestURI":"/v1/contacts/42","EdgeResponseStatus":503,"EdgeStartTimestamp":"2026-11-20T10:15:02Z","RayID":"7c0f8a2b3d4e5f60"}"#,
            503,
            Some("PUT"),
            Some("/v1/contacts/42"),
        ),
        (
            "azure app service (flattened)",
            r#"{"TimeGenerated":"2026-11-20T10:15:02Z","CsMethod":"DELETE","CsUriStem":"/v1/contacts/42","ScStatus":404,"CsHost":"app.azurewebsites.net"}"#,
            404,
            Some("DELETE"),
            Some("/v1/contacts/42"),
        ),
        (
            "opentelemetry",
            r#"{"timestamp":"2026-11-20T10:15:02Z","attributes":{"http.request.method":"POST","url.full":"https://api.example.com/v1/contacts","http.response.status_code":422}}"#,
            422,
            Some("POST"),
            Some("https://api.example.com/v1/contacts"),
        ),
        (
            "opentelemetry (old names)",
            r#"{"timestamp":"2026-11-20T10:15:02Z","http.method":"GET","http.url":"https://api.example.com/v1/contacts","http.status_code":500}"#,
            500,
            Some("GET"),
            Some("https://api.example.com/v1/contacts"),
        ),
        (
            "axios error by pino",
            r#"{"level":50,"time":1700000000000,"err":{"type":"AxiosError","message":"Request failed with status code 409","config":{"url":"https://api.example.com/v1/contacts","method":"post","data":"{\"email\":\"a@b.c\"}"},"response":{"status":409,"data":{"error":"Conflict","message":"A contact with this email already exists"}}},"msg":"create contact failed"}"#,
            409,
            Some("POST"),
            Some("https://api.example.com/v1/contacts"),
        ),
        (
            "axios timeout by winston",
            r#"{"level":"error","message":"create contact failed","error":{"code":"ECONNABORTED","message":"timeout of 5000ms exceeded","config":{"url":"https://api.example.com/v1/contacts","method":"post"}}}"#,
            0,
            Some("POST"),
            Some("https://api.example.com/v1/contacts"),
        ),
    ];
    for (name, line, status, method, url) in lines {
        for detail in [Detail::Summary, Detail::Full] {
            let record = crate::ingest::read_one(line.as_bytes(), crate::ingest::Format::Ndjson, detail)
                .expect("a line format")
                .unwrap_or_else(|reason| panic!("{name}: {reason}"));
            assert_eq!(record.status, *status, "{name}");
            assert_eq!((record.method.as_deref(), record.url.as_deref()), (*method, *url), "{name}");
        }
    }
}

/// Azure App Service HTTP logs as diagnostic settings write them: `properties` is JSON text.
#[test]
fn azure_properties_written_as_json_text() {
    let line = r#"{"time":"2026-11-20T10:15:02.0000000Z","resourceId":"/SUBSCRIPTIONS/X/RESOURCEGROUPS/Y/PROVIDERS/MICROSOFT.WEB/SITES/APP","category":"AppServiceHTTPLogs","properties":"{\"CsHost\":\"app.azurewebsites.net\",\"CsMethod\":\"POST\",\"CsUriStem\":\"/v1/contacts\",\"ScStatus\":409,\"TimeTaken\":21}"}"#;
    for detail in [Detail::Summary, Detail::Full] {
        let record = crate::ingest::read_one(line.as_bytes(), crate::ingest::Format::Ndjson, detail)
            .expect("a line format")
            .expect("a call");
        assert_eq!(
            (record.status, record.method.as_deref(), record.url.as_deref()),
            (409, Some("POST"), Some("/v1/contacts"))
        );
        assert_eq!(record.time_ms, crate::ingest::time::parse_text("2026-11-20T10:15:02Z"), "{detail:?}");
    }
}

#[test]
fn words_are_split_where_split_whitespace_splits() {
    // A plain request line's method and target are its two words, which pass the checks.
    let plain_agrees = |line: &str| {
        if let Some((method, target)) = plain_request(line) {
            assert_eq!(Some((method, target)), first_two_words(line), "{line:?}");
            let is_target = target.starts_with('/') || crate::endpoint::scheme_end(target).is_some();
            assert!(method.len() <= 10 && method.bytes().all(|b| b.is_ascii_uppercase()) && is_target);
        }
        plain_request(line).is_some()
    };
    let mut plain = 0;
    for line in [
        "GET /x HTTP/1.1",
        "  POST\t/a\x0B b",
        "PUT",
        "",
        " \x0C ",
        "DELETE /a\r\n/b",
        "GET  /x",
        "a\x0Bb c",
        "ABCDEFGHIJ /x",
        "ABCDEFGHIJK /x",
        "GET /",
        "GET /a\u{a0}b c",
        "GET /a\x08b c",
        "Get /x",
        "POST https://h.example/x HTTP/1.1",
        "GET x HTTP/1.1",
    ] {
        assert_eq!(first_two_words_fast(line), first_two_words(line), "{line:?}");
        plain += usize::from(plain_agrees(line));
    }
    assert_eq!(plain, 5, "the plain lines above");
    // Every mix of a few words, each kind of whitespace, other low bytes, DEL and characters
    // beyond ASCII (no-break space and NEL are Unicode whitespace) between them.
    let pieces = [
        "GET",
        "/a/long/path?with=query",
        " ",
        "\t",
        "\n",
        "\x0B",
        "\x0C",
        "\r",
        "\x08",
        "\x0E",
        "\x7F",
        "x",
        "\u{a0}",
        "\u{85}",
        "é",
        "\u{3000}",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in pieces {
                    let line = [a, b, c, d].concat();
                    assert_eq!(first_two_words_fast(&line), first_two_words(&line), "{line:?}");
                    plain_agrees(&line);
                }
            }
        }
    }
}
