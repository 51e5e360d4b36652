use super::*;

/// The header lines of `message` (up to the empty line), unfolded.
fn unfolded_headers(message: &str) -> Vec<String> {
    let head = message.split("\r\n\r\n").next().unwrap_or_default();
    let mut headers: Vec<String> = Vec::new();
    for line in head.split("\r\n") {
        match headers.last_mut() {
            Some(last) if line.starts_with([' ', '\t']) => last.push_str(line),
            _ => headers.push(line.to_string()),
        }
    }
    headers
}

/// The text of a header value written by [`header`]: encoded-words decoded (the space between
/// two of them dropped, RFC 2047 section 6.2).
fn decoded(value: &str) -> String {
    let mut text = String::new();
    let mut previous_encoded = false;
    for (index, word) in value.split(' ').enumerate() {
        let encoded = word.strip_prefix("=?utf-8?B?").and_then(|rest| rest.strip_suffix("?="));
        if index > 0 && !(previous_encoded && encoded.is_some()) {
            text.push(' ');
        }
        match encoded {
            Some(base64) => {
                let bytes = base64::engine::general_purpose::STANDARD.decode(base64).expect("base64");
                text.push_str(&String::from_utf8(bytes).expect("whole characters"));
            }
            None => text.push_str(word),
        }
        previous_encoded = encoded.is_some();
    }
    text
}

fn value_of(header_line: &str) -> &str {
    header_line.split_once(": ").map_or("", |(_, value)| value.trim_end_matches("\r\n"))
}

#[test]
fn a_logged_line_break_cannot_start_a_header_or_the_body() {
    let subject = "[API] 500 on POST\r\nBcc: victim@evil.example\r\n\r\nfake body\n.\rX-Evil: 1";
    let written = header("Subject", subject);
    assert_eq!(written, "Subject: [API] 500 on POST Bcc: victim@evil.example fake body . X-Evil: 1\r\n");
    let message = format!("{written}To: a@b.example\r\n\r\nbody\r\n");
    let names: Vec<String> =
        unfolded_headers(&message).iter().map(|line| line.split(':').next().unwrap_or_default().to_string()).collect();
    assert_eq!(names, ["Subject", "To"]);
}

#[test]
fn non_ascii_subjects_are_encoded_words_of_at_most_75_characters() {
    let subject = "[API] 409 Doppelte E-Mail auf POST /api/kunden/grüße (2 Fehler) — ".repeat(4) + "\u{1b}[2J";
    let written = header("Subject", &subject);
    assert!(written.is_ascii(), "{written}");
    for (index, line) in written.trim_end_matches("\r\n").split("\r\n").enumerate() {
        assert!(index == 0 || line.starts_with(' '), "a continuation line: {line:?}");
        for word in line.split(' ').filter(|word| word.starts_with("=?")) {
            assert!(word.len() <= 75, "{word}");
        }
    }
    let unfolded = unfolded_headers(&written).join("");
    let expected = subject.replace('\u{1b}', "\\e");
    assert_eq!(decoded(value_of(&unfolded)), expected);
    // Text that looks like an encoded-word is encoded, so a reader shows it as it was logged.
    let lookalike = "=?utf-8?B?QmNjOiB4?=";
    assert_eq!(decoded(value_of(&header("Subject", lookalike))), lookalike);
}

#[test]
fn long_ascii_values_are_folded_at_spaces_and_unfold_to_the_same_text() {
    let subject =
        "[API] 429 Too many requests on GET /api/customers/{id}/invoices/{id}/lines (120 failures since 2026-11-20)";
    let written = header("Subject", subject);
    assert!(written.split("\r\n").all(|line| line.len() <= 78), "{written}");
    assert!(written.matches("\r\n").count() > 1, "folded: {written}");
    assert_eq!(value_of(&unfolded_headers(&written)[0]), subject);
    // A word no line can hold is encoded rather than cut.
    let endless = format!("GET /{}", "a".repeat(2000));
    let written = header("Subject", &endless);
    assert!(written.split("\r\n").all(|line| line.len() <= MAX_LINE_OCTETS), "{written}");
    assert_eq!(decoded(value_of(&unfolded_headers(&written)[0])), endless);
}

#[test]
fn only_one_plain_address_is_an_address() {
    for good in ["ops@acme-shop.example", "first.last+tag@sub.example.de", " jörg@例え.jp "] {
        assert_eq!(address(good), Some(good.trim()), "{good}");
    }
    for bad in [
        "a@b.example, evil@x.example",
        "a@b.example\r\nBcc: evil@x.example",
        "Anna <a@b.example>",
        "a@b.example?cc=evil@x.example",
        "a@b@c.example",
        "\"a b\"@c.example",
        "@b.example",
        "a@",
        "",
    ] {
        assert_eq!(address(bad), None, "{bad:?}");
    }
}

/// Quoted-printable decoded (RFC 2045, 6.7).
fn quoted_printable_decoded(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let mut bytes = Vec::new();
    let mut rest = joined.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'=' {
            let hex = std::str::from_utf8(&tail[..2]).expect("hex");
            bytes.push(u8::from_str_radix(hex, 16).expect("hex"));
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn the_body_ends_lines_in_crlf_escapes_controls_and_is_quoted_printable_when_a_line_is_too_long() {
    let (encoding, text) = body("Hello,\n\t\"message\": \"a\u{1b}]0;x\u{7}\r\nb\"\n");
    assert_eq!(encoding, "8bit");
    assert_eq!(text, "Hello,\r\n\t\"message\": \"a\\e]0;x\\u{7}\\r\r\nb\"\r\n");

    let long = format!("Hi =) \n{}ü \nend", "x".repeat(2 * MAX_LINE_OCTETS));
    let (encoding, text) = body(&long);
    assert_eq!(encoding, "quoted-printable");
    assert!(text.is_ascii() && text.split("\r\n").all(|line| line.len() <= 76), "{text}");
    assert_eq!(quoted_printable_decoded(&text), long.replace('\n', "\r\n") + "\r\n");
}

#[test]
fn a_mailto_link_cannot_gain_a_field() {
    let url = mailto(Some("help@vendor.example?bcc=evil@x.example"), "a\r\nb&bcc=x", "line\nnext&cc=y");
    assert_eq!(url, "mailto:?subject=a%20b%26bcc%3Dx&body=line%0D%0Anext%26cc%3Dy");
    assert_eq!(mailto(Some("help@vendor.example"), "s", ""), "mailto:help@vendor.example?subject=s&body=");
}
