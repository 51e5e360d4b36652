//! Shapes of real browser exports and real URLs (issue 21): several cookies in one `Set-Cookie`,
//! secrets that reappear elsewhere in a record, OAuth parameters, signed URLs, session ids in paths.

use super::*;

fn real_cases() -> Vec<(&'static str, Input, String)> {
    vec![
        (
            "set-cookie with a cookie a line, as browsers export repeated headers",
            headers(&[(
                "set-cookie",
                "sid=abc123; Path=/; HttpOnly\nvtc=Zx9Yq8Wp7; Domain=.x.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT",
            )]),
            "set-cookie: sid=[cookie]; Path=/; HttpOnly\nvtc=[cookie]; Domain=.x.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT"
                .into(),
        ),
        (
            "set-cookie lines ended by CRLF, one without attributes",
            headers(&[("Set-Cookie", "a=first1\r\nb=second2\r\nc=third3; Secure")]),
            "Set-Cookie: a=[cookie]\r\nb=[cookie]\r\nc=[cookie]; Secure".into(),
        ),
        (
            "a quoted cookie value holding `=` goes whole",
            headers(&[("Set-Cookie", "uid=u1; path=/\nUIXX_UPDT=\"UIKX=1510574583589\"; domain=sc.com")]),
            "Set-Cookie: uid=[cookie]; path=/\nUIXX_UPDT=[cookie]; domain=sc.com".into(),
        ),
        (
            "a HAR set-cookie pair with newline-joined cookies and a folded one",
            body(r#"{"headers":[{"name":"set-cookie","value":"a=1; Path=/\nb=two2, c=three3; HttpOnly"}]}"#),
            r#"{"headers":[{"name":"set-cookie","value":"a=[cookie]; Path=/\nb=[cookie], c=[cookie]; HttpOnly"}]}"#.into(),
        ),
    ]
}

#[test]
fn real_shapes_table() {
    let redactor = redactor();
    let mut failures = Vec::new();
    for (name, input, expected) in &real_cases() {
        let (output, _) = run(&redactor, input);
        if output != *expected {
            failures.push(format!("{name}\n  expected: {expected}\n  actual:   {output}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
