use serde_json::{Value, json};

use super::*;

const SK: &str = "sk_live_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2a9f2";
const GHP: &str = "ghp_isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7D";
const GOOGLE: &str = "AIzaUMFxFkM-R5Kjp1vRt_1fjORS-6ilI8ihN5K";
const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const SHARED: &str = "sk_test_SHAREDshared1234";

fn redactor() -> Redactor {
    Redactor {
        account_email: Some("Support@Shop.example".to_owned()),
        extra_terms: vec!["Projekt Falke".to_owned()],
        revealed: vec![SHARED.to_owned()],
        ..Redactor::default()
    }
}

enum Input {
    Text(String),
    Body(String),
    Url(String),
    Headers(Vec<(String, String)>),
}

fn run(redactor: &Redactor, input: &Input) -> (String, Vec<Redaction>) {
    match input {
        Input::Text(t) => {
            let r = redactor.redact_text(t);
            (r.value, r.removed)
        }
        Input::Body(b) => {
            let r = redactor.redact_body(b);
            (r.value, r.removed)
        }
        Input::Url(u) => {
            let r = redactor.redact_url(u);
            (r.value, r.removed)
        }
        Input::Headers(h) => {
            let r = redactor.redact_headers(h);
            let lines: Vec<String> = r.value.iter().map(|(n, v)| format!("{n}: {v}")).collect();
            (lines.join("\n"), r.removed)
        }
    }
}

fn text(s: &str) -> Input {
    Input::Text(s.to_owned())
}
fn body(s: &str) -> Input {
    Input::Body(s.to_owned())
}
fn url(s: &str) -> Input {
    Input::Url(s.to_owned())
}
fn headers(pairs: &[(&str, &str)]) -> Input {
    Input::Headers(pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect())
}

/// Each case: name, input, the exact expected output.
fn cases() -> Vec<(&'static str, Input, String)> {
    vec![
        (
            "json embedded in free text",
            text(r#"ERROR request failed body={"email":"a@b.de","status":"active"}"#),
            r#"ERROR request failed body={"email":"[customer email]","status":"active"}"#.into(),
        ),
        (
            "email inside an error message",
            text("Duplicate email: anna.schmidt@example.de is already registered"),
            "Duplicate email: [customer email] is already registered".into(),
        ),
        (
            "account email kept in any case",
            text("reply to support@shop.example or SUPPORT@SHOP.EXAMPLE"),
            "reply to support@shop.example or SUPPORT@SHOP.EXAMPLE".into(),
        ),
        (
            "phone shapes in text",
            text("call +49 30 1234567 or (555) 123-4567 or 030 1234567."),
            "call [phone] or [phone] or [phone].".into(),
        ),
        (
            "timestamps, ips, ports, ids, versions, counts stay",
            text(concat!(
                "at 2024-01-05T10:30:00.123+01:00 from 192.168.1.10:8080 req_8f2a9c3d4e5f ",
                "id 550e8400-e29b-41d4-a716-446655440000 v1.2.3 status 404 bytes 1048576 ",
                "took 1234 ms port 443 epoch 1704447000123 date 05.01.2024"
            )),
            concat!(
                "at 2024-01-05T10:30:00.123+01:00 from 192.168.1.10:8080 req_8f2a9c3d4e5f ",
                "id 550e8400-e29b-41d4-a716-446655440000 v1.2.3 status 404 bytes 1048576 ",
                "took 1234 ms port 443 epoch 1704447000123 date 05.01.2024"
            )
            .into(),
        ),
        (
            "luhn cards go, look-alike numbers stay",
            text(concat!(
                "card 4111 1111 1111 1111, amex 3782-822463-10005, ",
                "order 1234567890123456, almost 4111 1111 1111 1112, ",
                "next to 100 4242424242424242 ok"
            )),
            concat!(
                "card [card number], amex [card number], ",
                "order 1234567890123456, almost 4111 1111 1111 1112, ",
                "next to 100 [card number] ok"
            )
            .into(),
        ),
        (
            "header lines in a log",
            text(concat!(
                "Authorization: Bearer abc.def.ghi\n",
                "Cookie: session=abc123; theme=dark\n",
                "Set-Cookie: sid=xyz789; Path=/; HttpOnly\n",
                "X-Request-Id: req_8f2a"
            )),
            concat!(
                "Authorization: Bearer [authorization]\n",
                "Cookie: session=[cookie]; theme=[cookie]\n",
                "Set-Cookie: sid=[cookie]; Path=/; HttpOnly\n",
                "X-Request-Id: req_8f2a"
            )
            .into(),
        ),
        (
            "python repr and a curl command",
            text(
                "{'password': 'hunter2', 'first_name': 'Anna', 'tokens_used': 5} \
                 curl -H 'Authorization: Basic dXNlcjpwYXNz' https://api.example.com/v1",
            ),
            "{'password': '[secret]', 'first_name': '[name]', 'tokens_used': 5} \
             curl -H 'Authorization: Basic [authorization]' https://api.example.com/v1"
                .into(),
        ),
        (
            "pem private key block",
            text("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc+/==\n-----END RSA PRIVATE KEY-----\nloaded"),
            "key:\n[private key]\nloaded".into(),
        ),
        (
            "pem block cut off by the log line limit",
            text("-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nAAoIBAQ"),
            "[private key]".into(),
        ),
        (
            "credential shapes anywhere in text",
            text(&format!(
                "vendor={SK}, aws AKIAIOSFODNN7EXAMPLE, gh {GHP}, slack xoxb-1234567890-abcdefghij, google {GOOGLE}, jwt {JWT}"
            )),
            "vendor=[api key], aws [api key], gh [api key], slack [api key], google [api key], jwt [secret]".into(),
        ),
        (
            "extra term hidden, revealed key kept",
            text(&format!("Projekt FALKE uses {SHARED} in test")),
            format!("[hidden] uses {SHARED} in test"),
        ),
        (
            "prefix look-alikes inside identifiers stay",
            text("task_test_abcdefgh12 desk_live_abcdefgh12 AKIA1234"),
            "task_test_abcdefgh12 desk_live_abcdefgh12 AKIA1234".into(),
        ),
        (
            "relative url with credential parameters in a log line",
            text("GET /v1/files?key=abc123&sig=zzz&page=2 HTTP/1.1"),
            "GET /v1/files?key=[url credential]&sig=[url credential]&page=2 HTTP/1.1".into(),
        ),
        (
            "escaped json inside a log line",
            text(r#"payload="{\"password\":\"hunter2\",\"status\":\"active\"}""#),
            r#"payload="{\"password\":\"[secret]\",\"status\":\"active\"}""#.into(),
        ),
        (
            "truncated json is still scanned as text",
            text(r#"{"customer":{"first_name":"Anna","phone":"+49 30 1234567","password":"hun"#),
            r#"{"customer":{"first_name":"[name]","phone":"[phone]","password":"[secret]"#.into(),
        ),
        (
            "url userinfo, query and fragment",
            url(&format!(
                "https://user:pa55@api.example.com/v1/customers?api_key={SK}&page=2#access_token=xyz123&token_type=bearer"
            )),
            "https://[url credential]@api.example.com/v1/customers?api_key=[api key]&page=2#access_token=[secret]&token_type=bearer".into(),
        ),
        (
            "percent-encoding hides nothing, the rest keeps its encoding",
            url("https://api.example.com/v1/customers/anna%40example.de/orders?email=anna%2Bx%40example.de&q=caf%C3%A9+au+lait"),
            "https://api.example.com/v1/customers/[customer email]/orders?email=[customer email]&q=caf%C3%A9+au+lait".into(),
        ),
        (
            "credential inside an encoded redirect url",
            url("https://auth.example.com/authorize?redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Ftoken%3Dabc123&state=xyz"),
            "https://auth.example.com/authorize?redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Ftoken%3D[secret]&state=xyz".into(),
        ),
        (
            "look-alike query parameters stay",
            url("/v1/usage?token_count=5&author=x&keyboard=de&status=active"),
            "/v1/usage?token_count=5&author=x&keyboard=de&status=active".into(),
        ),
        (
            "headers in odd case",
            headers(&[
                ("AUTHORIZATION", &format!("Bearer {SK}")),
                ("x-Api-Key", "abc"),
                ("Proxy-Authorization", "Basic dXNlcjpwYXNz"),
                ("X-Auth-Token", "t0k3n"),
                ("Cookie", "session=abc; theme=dark"),
                ("set-cookie", "sid=xyz; Path=/; HttpOnly; SameSite=Lax"),
                ("X-CSRF-Token", "c5rf"),
                ("Idempotency-Key", "idem-123"),
                ("X-Request-Id", "req_8f2a"),
                ("Content-Type", "application/json"),
                (":path", "/v1/c?access_token=zz&limit=3"),
                ("Referer", "https://app.example/cb?code=abc"),
                ("From", "anna@example.de"),
            ]),
            [
                "AUTHORIZATION: Bearer [authorization]",
                "x-Api-Key: [api key]",
                "Proxy-Authorization: Basic [authorization]",
                "X-Auth-Token: [authorization]",
                "Cookie: session=[cookie]; theme=[cookie]",
                "set-cookie: sid=[cookie]; Path=/; HttpOnly; SameSite=Lax",
                "X-CSRF-Token: [secret]",
                "Idempotency-Key: idem-123",
                "X-Request-Id: req_8f2a",
                "Content-Type: application/json",
                ":path: /v1/c?access_token=[secret]&limit=3",
                "Referer: https://app.example/cb?code=[url credential]",
                "From: [customer email]",
            ]
            .join("\n"),
        ),
        (
            "nested customer object",
            body(r#"{"customer":{"id":"cus_1","name":"Anna Schmidt","email":"anna@example.de","phone":"+49 30 1234567","address":{"line1":"Hauptstr. 1","city":"Berlin"}},"status":"active","language":"de"}"#),
            r#"{"customer":{"id":"cus_1","name":"[name]","email":"[customer email]","phone":"[phone]","address":{"line1":"[address]","city":"[address]"}},"status":"active","language":"de"}"#.into(),
        ),
        (
            "invalid email keeps its shape, pretty layout kept",
            body("{\n    \"email\": \"anna..schmidt@@example,de\",\n    \"error\": {\n        \"type\": \"invalid_request\",\n        \"message\": \"Invalid email\"\n    }\n}\n"),
            "{\n    \"email\": \"xxxx..xxxxxxx@@xxxxxxx,xx\",\n    \"error\": {\n        \"type\": \"invalid_request\",\n        \"message\": \"Invalid email\"\n    }\n}\n".into(),
        ),
        (
            "ecs body content and json escaped twice",
            body(r#"{"http.response.body.content":"{\"user\":{\"name\":\"Anna\",\"email\":\"anna@example.de\"},\"meta\":\"{\\\"api_key\\\":\\\"k123\\\"}\"}","http.response.status_code":409}"#),
            r#"{"http.response.body.content":"{\"user\":{\"name\":\"[name]\",\"email\":\"[customer email]\"},\"meta\":\"{\\\"api_key\\\":\\\"[api key]\\\"}\"}","http.response.status_code":409}"#.into(),
        ),
        (
            "body logged as one escaped json string",
            body(r#""{\"password\":\"x1\",\"id\":\"req_1\"}""#),
            r#""{\"password\":\"[secret]\",\"id\":\"req_1\"}""#.into(),
        ),
        (
            "top-level array of har headers",
            body(r#"[{"name":"Authorization","value":"Bearer tok123"},{"name":"Accept","value":"*/*"},{"name":"x-api-key","value":"k"}]"#),
            r#"[{"name":"Authorization","value":"Bearer [authorization]"},{"name":"Accept","value":"*/*"},{"name":"x-api-key","value":"[api key]"}]"#.into(),
        ),
        (
            "form body",
            body("grant_type=authorization_code&code=xyz&client_secret=s3cr3t&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&email=anna%40example.de&page=2"),
            "grant_type=authorization_code&code=[url credential]&client_secret=[secret]&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&email=[customer email]&page=2".into(),
        ),
        (
            "numbers and flags under secret keys, python spacing kept",
            body(r#"{"a": 1, "card": 4111111111111111, "pin": 1234, "otp": true, "name": "Pro plan", "amount": 1999}"#),
            r#"{"a": 1, "card": "[card number]", "pin": "[secret]", "otp": "[secret]", "name": "Pro plan", "amount": 1999}"#.into(),
        ),
        (
            "look-alike keys and evidence stay byte for byte",
            body(r#"{"token_count":5,"tokens_used":7,"max_tokens":9,"author":"x","keyboard":"de","passenger":"p","compass":"n","secretary":"s","passport_country":"DE","idempotency_key":"k1","status":"active","language":"de","source":"api","created_at":"2024-01-05T10:30:00Z","id":"550e8400-e29b-41d4-a716-446655440000","seller_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","request_id":"req_8f2a9c3d","ip_address":"203.0.113.7","error":{"name":"ValidationError","code":"card_declined"}}"#),
            r#"{"token_count":5,"tokens_used":7,"max_tokens":9,"author":"x","keyboard":"de","passenger":"p","compass":"n","secretary":"s","passport_country":"DE","idempotency_key":"k1","status":"active","language":"de","source":"api","created_at":"2024-01-05T10:30:00Z","id":"550e8400-e29b-41d4-a716-446655440000","seller_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","request_id":"req_8f2a9c3d","ip_address":"203.0.113.7","error":{"name":"ValidationError","code":"card_declined"}}"#.into(),
        ),
        (
            "secret key spellings and containers under them",
            body(r#"{"customer_token":"a1","stripeSecret":"b2","dbPassword":"c3","client_secret":"d4","apiKey":"e5","x-api-key":"f6","privateKey":"g7","sessionid":"h8","cvv":"123","ssn":"078-05-1120","credentials":{"user":"u1","pass":"p1"},"refresh_token":["r1","r2"],"password":null,"otp":""}"#),
            r#"{"customer_token":"[secret]","stripeSecret":"[secret]","dbPassword":"[secret]","client_secret":"[secret]","apiKey":"[api key]","x-api-key":"[api key]","privateKey":"[private key]","sessionid":"[secret]","cvv":"[secret]","ssn":"[secret]","credentials":{"user":"[secret]","pass":"[secret]"},"refresh_token":["[secret]","[secret]"],"password":null,"otp":""}"#.into(),
        ),
        (
            "unchanged json keeps its exact text",
            body("{ \"a\" :1,\"b\":[ 1.0, 1e5 ], \"c\": \"\\u00e9\" }"),
            "{ \"a\" :1,\"b\":[ 1.0, 1e5 ], \"c\": \"\\u00e9\" }".into(),
        ),
        (
            "map keyed by email",
            body(r#"{"by_email":{"anna@example.de":{"orders":3},"ben@example.de":{"orders":1}}}"#),
            r#"{"by_email":{"[customer email]":{"orders":3},"[customer email] (2)":{"orders":1}}}"#.into(),
        ),
        (
            "legal entity and company",
            body(r#"{"legal_entity":{"type":"company","name":"Acme GmbH","address":{"city":"Berlin"}},"company":"Acme GmbH","product":{"name":"Pro plan"}}"#),
            r#"{"legal_entity":{"type":"company","name":"[name]","address":{"city":"[address]"}},"company":"[name]","product":{"name":"Pro plan"}}"#.into(),
        ),
        (
            "arrays keep their length",
            body(r#"{"emails":["a@b.de","c@d.de"],"items":[1,2,3],"phones":[]}"#),
            r#"{"emails":["[customer email]","[customer email]"],"items":[1,2,3],"phones":[]}"#.into(),
        ),
        (
            "postal addresses by key and by object",
            body(r#"{"address_data":{"street":"Hauptstr. 1","zip":"10115"},"postal_redirect_address":{"line1":"Am Markt 2","verified":true},"shipping_address":"Hauptstr 1, Berlin","ip_address":"203.0.113.7","email_address":"anna@example.de"}"#),
            r#"{"address_data":{"street":"[address]","zip":"[address]"},"postal_redirect_address":{"line1":"[address]","verified":true},"shipping_address":"[address]","ip_address":"203.0.113.7","email_address":"[customer email]"}"#.into(),
        ),
        (
            "har cookies keep names",
            body(r#"{"cookies":[{"name":"session","value":"abc","path":"/"}]}"#),
            r#"{"cookies":[{"name":"session","value":"[cookie]","path":"/"}]}"#.into(),
        ),
        (
            "pretty json block in a multi-line log",
            text("response:\n{\n  \"email\": \"anna@example.de\",\n  \"status\": 409\n}\ndone"),
            "response:\n{\n  \"email\": \"[customer email]\",\n  \"status\": 409\n}\ndone".into(),
        ),
        (
            "revealed item kept under a secret key, account email under an email key",
            body(&format!(r#"{{"api_key":"{SHARED}","email":"support@shop.example"}}"#)),
            format!(r#"{{"api_key":"{SHARED}","email":"support@shop.example"}}"#),
        ),
        (
            "extra term in json values and keys of a url",
            body(r#"{"note":"migrated from projekt falke","url":"https://x.example/projekt%20falke/a"}"#),
            r#"{"note":"migrated from [hidden]","url":"https://x.example/[hidden]/a"}"#.into(),
        ),
        (
            "opaque bearer token in prose, but not an english word",
            text("retrying with Bearer 9f8e7d6c5b4a after Bearer authentication failed"),
            "retrying with Bearer [authorization] after Bearer authentication failed".into(),
        ),
        (
            "set-cookie headers joined with commas by the logger",
            text("Set-Cookie: a=1; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT, b=s3cr3t; HttpOnly"),
            "Set-Cookie: a=[cookie]; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT, b=[cookie]; HttpOnly".into(),
        ),
        (
            "xml elements with namespaces",
            body("<soap:Envelope><auth:Password>hunter2</auth:Password><email>anna@example.de</email><Amount>12</Amount></soap:Envelope>"),
            "<soap:Envelope><auth:Password>[secret]</auth:Password><email>[customer email]</email><Amount>12</Amount></soap:Envelope>".into(),
        ),
        (
            "signature header line in a log keeps nothing of its value",
            text("Stripe-Signature: t=1492774577,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e7\nstatus=400"),
            "Stripe-Signature: [secret]\nstatus=400".into(),
        ),
        (
            "unicode and percent-encoded emails in text",
            text("from jürgen.müller@beispiel.de via anna%40example.de to mailto:ben@example.com"),
            "from [customer email] via [customer email] to mailto:[customer email]".into(),
        ),
        (
            "database url and a key name that is itself percent-encoded",
            text("postgres://admin:s3cret@db.internal:5432/app?sslmode=require and /x?api%5Fkey=abc123"),
            "postgres://[url credential]@db.internal:5432/app?sslmode=require and /x?api%5Fkey=[api key]".into(),
        ),
        (
            "names and addresses next to keys in text; a bare name stays",
            text("name=Anna Schmidt first_name=Anna last_name=Schmidt street=Hauptstr. 1 city=Berlin status=active"),
            "name=Anna Schmidt first_name=[name] last_name=[name] street=[address] city=[address] status=active".into(),
        ),
        (
            "person detected by its type, product name kept",
            body(r#"{"data":[{"object":"customer","name":"Anna Schmidt","plan":{"name":"Pro"}},{"object":"product","name":"Widget"}]}"#),
            r#"{"data":[{"object":"customer","name":"[name]","plan":{"name":"Pro"}},{"object":"product","name":"Widget"}]}"#.into(),
        ),
        (
            "markers are not redacted again",
            text("Authorization: Bearer [authorization]\npassword=[secret] [customer email]"),
            "Authorization: Bearer [authorization]\npassword=[secret] [customer email]".into(),
        ),
        (
            "a name in prose after a person noun; the noun and title-case words elsewhere stay",
            text("INFO [sync] synced customer Julia Keller; Customer not found; User-Agent Mozilla; contact: Ana María Pérez"),
            "INFO [sync] synced customer [name]; Customer not found; User-Agent Mozilla; contact: [name]".into(),
        ),
    ]
}

#[test]
fn adversarial_table() {
    let redactor = redactor();
    let cases = cases();
    assert!(cases.len() >= 30, "the table must stay adversarial and broad");
    let mut failures = Vec::new();
    for (name, input, expected) in &cases {
        let (output, _) = run(&redactor, input);
        if output != *expected {
            failures.push(format!("{name}\n  expected: {expected}\n  actual:   {output}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_removal_is_reported_with_a_masked_preview() {
    let redactor = redactor();
    for (name, input, _) in cases() {
        let (output, removed) = run(&redactor, &input);
        for item in &removed {
            assert!(!item.original.trim().is_empty(), "{name}: empty original");
            assert!(
                !item.preview.contains(item.original.trim()),
                "{name}: preview {:?} shows {:?}",
                item.preview,
                item.original
            );
            assert!(!item.location.is_empty(), "{name}: no location");
            // Short originals (`abc`, `DE`) can also occur by chance in kept text.
            if item.original.len() >= 8 {
                assert!(!output.contains(&item.original), "{name}: {:?} still in output", item.original);
            }
        }
    }
}

#[test]
fn categories_and_locations_are_reported_in_document_order() {
    let redactor = redactor();
    let body = format!(
        r#"{{"customer":{{"email":"anna@example.de","first_name":"Anna","phone":"+49 30 1234567","address":{{"city":"Berlin"}}}},"card":"4111 1111 1111 1111","key":"{SK}","password":"hunter2","note":"Projekt Falke"}}"#
    );
    let removed = redactor.redact_body(&body).removed;
    let got: Vec<(Category, &str, &str)> =
        removed.iter().map(|r| (r.category, r.location.as_str(), r.original.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Category::CustomerEmail, "body $.customer.email", "anna@example.de"),
            (Category::Name, "body $.customer.first_name", "Anna"),
            (Category::Phone, "body $.customer.phone", "+49 30 1234567"),
            (Category::Address, "body $.customer.address.city", "Berlin"),
            (Category::CardNumber, "body $.card", "4111 1111 1111 1111"),
            (Category::ApiKey, "body $.key", SK),
            (Category::Secret, "body $.password", "hunter2"),
            (Category::Custom, "body $.note", "Projekt Falke"),
        ]
    );
    let previews: Vec<&str> = removed.iter().map(|r| r.preview.as_str()).collect();
    assert_eq!(previews, vec!["a***@e***.de", "•••", "+49 …4567", "B…", "•••• 1111", "sk_l…a9f2", "h…", "Proj…alke"]);

    let headers = redactor.redact_headers(&[("X-Api-Key".to_owned(), SK.to_owned())]).removed;
    assert_eq!(headers[0].location, "header x-api-key");
    assert_eq!(headers[0].category, Category::ApiKey);

    let url = redactor.redact_url("https://u:p@x.example/a?api_key=k1#access_token=t1").removed;
    let got: Vec<(Category, &str)> = url.iter().map(|r| (r.category, r.location.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Category::UrlCredential, "url userinfo"),
            (Category::ApiKey, "url query api_key"),
            (Category::Secret, "url fragment access_token"),
        ]
    );

    let shaped = redactor.redact_body(r#"{"email":"anna@@x"}"#).removed;
    assert_eq!(shaped[0].category, Category::CustomerEmail);
    assert!(shaped[0].preview.starts_with("shape-preserved"), "{}", shaped[0].preview);

    let text = redactor.redact_text("mail anna@example.de").removed;
    assert_eq!(text[0].location, "text");
}

#[test]
fn json_keeps_every_key_in_order() {
    let redactor = redactor();
    let input = json!({
        "zeta": "anna@example.de",
        "alpha": {"password": "x", "b": 1, "a": [1, {"token": "t"}]},
        "mid": [{"phone": "+49 30 1234567", "z": null}],
        "beta": true,
    });
    let output = redactor.redact_json(&input).value;
    assert_eq!(
        output.to_string(),
        r#"{"zeta":"[customer email]","alpha":{"password":"[secret]","b":1,"a":[1,{"token":"[secret]"}]},"mid":[{"phone":"[phone]","z":null}],"beta":true}"#
    );
    assert_eq!(key_paths(&input), key_paths(&output));
}

#[test]
fn markers_labels_and_ids() {
    assert_eq!(Category::ApiKey.marker(), "[api key]");
    assert_eq!(Category::Custom.marker(), "[hidden]");
    assert_eq!(Category::CustomerEmail.label(), "Customer email");
    let markers: std::collections::HashSet<_> = Category::ALL.iter().map(|c| c.marker()).collect();
    assert_eq!(markers.len(), Category::ALL.len());
    assert!(is_marker("[url credential]"));
    assert!(!is_marker("[url credential"));
}

#[test]
fn deep_nesting_is_walked_without_recursion() {
    // Building, cloning, printing and dropping a 2000-level `Value` recurse in serde_json itself
    // (parsed input never gets this deep: serde_json stops at 128), so give those room; the
    // walk itself keeps its stack on the heap.
    let run = || {
        let mut value = json!({"password": "deep-secret", "note": "mail anna@example.de"});
        for _ in 0..2_000 {
            value = json!({ "next": value });
        }
        let out = redactor().redact_json(&value);
        let text = out.value.to_string();
        assert!(!text.contains("deep-secret"));
        assert!(!text.contains("anna@example.de"));
        assert_eq!(out.removed.len(), 2);
        assert!(out.removed[0].location.ends_with(".next.password"));
    };
    std::thread::Builder::new().stack_size(256 << 20).spawn(run).expect("spawn").join().expect("join");
}

#[test]
fn strings_past_the_depth_limit_are_still_scanned_as_text() {
    let inner = r#"{"password":"pw-beyond","email":"anna@example.de"}"#;
    let mut doc = json!({ "s": inner });
    for _ in 0..MAX_DEPTH + 5 {
        doc = json!({ "n": doc });
    }
    let out = redactor().redact_json(&doc).value.to_string();
    assert!(!out.contains("pw-beyond"), "{out}");
    assert!(!out.contains("anna@example.de"));
}

#[test]
fn hostile_text_does_not_overflow_or_stall() {
    let redactor = redactor();
    let brackets = format!("{}anna@example.de", "[".repeat(100_000));
    let out = redactor.redact_text(&brackets).value;
    assert!(out.ends_with("[customer email]"));

    let objects = format!("{}{{\"password\":\"x9\"}}{}", "{\"a\":".repeat(300), "}".repeat(300));
    let out = redactor.redact_body(&objects).value;
    assert!(!out.contains("x9"), "nested past serde's limit still goes: {out}");
}

#[test]
fn key_words() {
    use super::keys::{Field, KeyKind, classify};
    let secret = KeyKind::Field(Field::Plain(Category::Secret));
    for key in ["customer_token", "stripeSecret", "dbPassword", "session_id", "PIN", "x.password"] {
        assert_eq!(classify(key), secret, "{key}");
    }
    for key in [
        "token_count",
        "tokens_used",
        "author",
        "keyboard",
        "compass",
        "secretary",
        "passport_country",
        "idempotency_key",
        "public_key",
        "error_code",
    ] {
        assert_eq!(classify(key), KeyKind::Plain, "{key}");
    }
    assert_eq!(classify("APIKey"), KeyKind::Field(Field::Plain(Category::ApiKey)));
    assert_eq!(classify("ipAddress"), KeyKind::Plain);
    assert_eq!(classify("billingAddress"), KeyKind::Field(Field::Plain(Category::Address)));
    assert_eq!(classify("emailAddress"), KeyKind::Field(Field::Email));
    assert_eq!(classify("name"), KeyKind::BareName);
}

fn key_paths(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![("$".to_owned(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let p = format!("{path}.{k}");
                    out.push(p.clone());
                    stack.push((p, child));
                }
            }
            Value::Array(items) => {
                out.push(format!("{path}#len{}", items.len()));
                for (i, child) in items.iter().enumerate() {
                    stack.push((format!("{path}[{i}]"), child));
                }
            }
            _ => {}
        }
    }
    out
}

mod planted {
    //! A secret planted anywhere never survives.

    use proptest::prelude::*;
    use serde_json::{Map, Value};

    use super::{Redactor, key_paths};

    const ALNUM: &str = "[A-Za-z0-9]";

    fn luhn_complete(partial: &[u8]) -> u8 {
        let sum: u32 = partial
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                let d = u32::from(d);
                if i % 2 == 0 {
                    let x = d * 2;
                    if x > 9 { x - 9 } else { x }
                } else {
                    d
                }
            })
            .sum();
        ((10 - sum % 10) % 10) as u8
    }

    fn card() -> impl Strategy<Value = String> {
        let prefix = prop_oneof![Just(vec![4u8]), Just(vec![5, 1]), Just(vec![5, 5]), Just(vec![6, 0, 1, 1])];
        (prefix, proptest::collection::vec(0u8..10, 15), any::<bool>()).prop_map(|(prefix, rest, spaced)| {
            let mut digits: Vec<u8> = prefix.into_iter().chain(rest).take(15).collect();
            digits.push(luhn_complete(&digits));
            let plain: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            if spaced {
                plain
                    .as_bytes()
                    .chunks(4)
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                plain
            }
        })
    }

    fn secret() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::string::string_regex(&format!("sk_live_{ALNUM}{{48}}")).expect("regex"),
            proptest::string::string_regex("[a-z]{1,10}(\\.[a-z]{1,8})?@[a-z]{2,10}\\.(com|de|org|io)").expect("regex"),
            card(),
        ]
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::string::string_regex("[a-z]{1,8}").expect("regex"),
            Just("200".to_owned()),
            Just("2024-01-05".to_owned()),
            Just("id:".to_owned()),
            Just("(".to_owned()),
            Just("=".to_owned()),
        ]
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("data"),
            Just("items"),
            Just("meta"),
            Just("value"),
            Just("note"),
            Just("payload"),
            Just("detail"),
            Just("list"),
            Just("x"),
            Just("message"),
            Just("info"),
            Just("extra"),
        ]
        .prop_map(str::to_owned)
    }

    fn tree() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (0u32..100_000).prop_map(Value::from),
            proptest::string::string_regex("[a-z ]{0,12}").expect("regex").prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..5).prop_map(Value::Array),
                proptest::collection::vec((key(), inner), 1..5)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    /// Puts `planted` at the `pick`-th leaf (wrapping), replacing it.
    fn plant(value: &mut Value, pick: usize, planted: Value) {
        let mut leaves: Vec<&mut Value> = Vec::new();
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => stack.extend(map.values_mut()),
                Value::Array(items) => stack.extend(items.iter_mut()),
                leaf => leaves.push(leaf),
            }
        }
        let n = leaves.len();
        if let Some(slot) = leaves.into_iter().nth(pick % n.max(1)) {
            *slot = planted;
        }
    }

    fn forms(secret: &str) -> Vec<String> {
        let mut out = vec![secret.to_owned()];
        out.push(secret.replace('@', "%40").replace(' ', "%20"));
        out.push(secret.replace(' ', "+").replace('@', "%40"));
        out.push(Value::String(secret.to_owned()).to_string().trim_matches('"').to_owned());
        let digits: String = secret.chars().filter(char::is_ascii_digit).collect();
        if secret.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            out.push(digits);
        }
        out
    }

    fn assert_gone(output: &str, secret: &str) -> Result<(), TestCaseError> {
        for form in forms(secret) {
            prop_assert!(!output.contains(&form), "{form:?} survived in {output}");
        }
        Ok(())
    }

    fn sentence(words: &[String], at: usize, secret: &str) -> String {
        let mut words = words.to_vec();
        words.insert(at % (words.len() + 1), secret.to_owned());
        words.join(" ")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

        #[test]
        fn planted_in_json(tree in tree(), secret in secret(), pick in any::<usize>(),
                           words in proptest::collection::vec(word(), 0..4), at in any::<usize>(),
                           as_number in any::<bool>()) {
            let mut doc = tree;
            let planted = match secret.parse::<u64>() {
                Ok(n) if as_number => Value::from(n),
                _ => Value::String(sentence(&words, at, &secret)),
            };
            plant(&mut doc, pick, planted);
            let out = Redactor::default().redact_json(&doc).value;
            assert_gone(&out.to_string(), &secret)?;
            prop_assert_eq!(key_paths(&doc), key_paths(&out));
        }

        #[test]
        fn planted_in_string_encoded_body(tree in tree(), secret in secret(), pick in any::<usize>(),
                                          twice in any::<bool>(), pretty in any::<bool>()) {
            let mut inner = tree;
            plant(&mut inner, pick, Value::String(secret.clone()));
            let inner_text: String = if pretty {
                serde_json::to_string_pretty(&inner).expect("serialize")
            } else {
                inner.to_string()
            };
            let mut content = Value::String(inner_text.clone());
            if twice {
                content = Value::String(content.to_string());
            }
            let outer = serde_json::json!({"http": {"response": {"body": {"content": content}}}, "status": 409});
            let out = Redactor::default().redact_body(&outer.to_string()).value;
            assert_gone(&out, &secret)?;
            let parsed: Value = serde_json::from_str(&out).expect("still json");
            prop_assert_eq!(key_paths(&outer), key_paths(&parsed));
            let mut unwrapped = parsed["http"]["response"]["body"]["content"].clone();
            if twice {
                unwrapped = serde_json::from_str(unwrapped.as_str().unwrap_or_default()).expect("string json");
            }
            let inner_out: Value = serde_json::from_str(unwrapped.as_str().unwrap_or_default()).expect("inner json");
            prop_assert_eq!(key_paths(&inner), key_paths(&inner_out));
            // Compact stays compact, pretty stays pretty (a bare string has no layout).
            prop_assert_eq!(inner_text.contains('\n'), unwrapped.as_str().unwrap_or_default().contains('\n'));
        }

        #[test]
        fn planted_in_header(secret in secret(), name in "X-[A-Za-z]{1,10}", scheme in prop_oneof![Just(""), Just("Bearer "), Just("note ")]) {
            let headers = vec![
                ("Content-Type".to_owned(), "application/json".to_owned()),
                (name, format!("{scheme}{secret}")),
                ("aUtHoRiZaTiOn".to_owned(), format!("Bearer {secret}")),
            ];
            let out = Redactor::default().redact_headers(&headers).value;
            prop_assert_eq!(out.len(), 3);
            let joined: String = out.iter().map(|(n, v)| format!("{n}: {v}\n")).collect();
            assert_gone(&joined, &secret)?;
        }

        #[test]
        fn planted_in_url(secret in secret(), param in "[a-z]{1,8}", encode in any::<bool>()) {
            let value = if encode {
                secret.replace('@', "%40").replace(' ', "%20")
            } else {
                secret.replace(' ', "+")
            };
            let url = format!("https://api.example.com/v1/things?{param}={value}&page=2");
            let out = Redactor::default().redact_url(&url).value;
            assert_gone(&out, &secret)?;
            prop_assert!(out.starts_with("https://api.example.com/v1/things?"), "{}", out);
            prop_assert!(out.ends_with("&page=2"), "{}", out);
        }

        #[test]
        fn planted_in_text(secret in secret(), words in proptest::collection::vec(word(), 0..12), at in any::<usize>()) {
            let line = sentence(&words, at, &secret);
            let out = Redactor::default().redact_text(&line).value;
            assert_gone(&out, &secret)?;
        }
    }
}

mod real_shapes;

/// A log is redacted a line at a time: the settings' patterns are compiled once per thread for the
/// same settings, and anew when they change (a revealed item, a term added in the email).
#[test]
fn patterns_are_compiled_once_for_the_same_settings() {
    let account = Redactor { account_email: Some("ops@acme-shop.example".into()), ..Redactor::default() };
    let first = Patterns::of(&account);
    assert!(Arc::ptr_eq(&first, &Patterns::of(&account.clone())));
    let hiding = Redactor { extra_terms: vec!["acme".into()], ..account.clone() };
    let other = Patterns::of(&hiding);
    assert!(!Arc::ptr_eq(&first, &other));
    assert!(other.terms.as_ref().is_some_and(|terms| terms.is_match("ACME")));
    assert!(first.terms.is_none());
    // Without the terms and with them, one after the other (terms_after_known): both kept.
    assert!(Arc::ptr_eq(&first, &Patterns::of(&account)));
    assert!(Arc::ptr_eq(&other, &Patterns::of(&hiding)));
    assert_eq!(hiding.redact_text("ops@acme-shop.example at acme").value, "ops@acme-shop.example at [hidden]");
}
