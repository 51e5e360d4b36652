use super::*;
use crate::record::Message;
use proptest::prelude::*;

/// What `shell -c` passes to curl when given `command` (curl replaced by a function that prints
/// its arguments, each ended by a NUL).
fn arguments_through(shell: &str, command: &str) -> Vec<String> {
    let script = format!("curl() {{ printf '%s\\0' \"$@\"; }}\n{command}");
    let output = std::process::Command::new(shell).arg("-c").arg(script).output().expect("the shell runs");
    assert!(output.status.success(), "{shell} failed: {}", String::from_utf8_lossy(&output.stderr));
    let mut arguments: Vec<String> =
        output.stdout.split(|&byte| byte == 0).map(|bytes| String::from_utf8_lossy(bytes).into_owned()).collect();
    // The last NUL ends the last argument.
    assert_eq!(arguments.pop().as_deref(), Some(""), "{arguments:?}");
    arguments
}

/// The arguments curl should get for `record`.
fn expected_arguments(record: &Record) -> Vec<String> {
    let without_nul = |text: &str| text.replace('\0', "");
    let mut arguments = vec![
        "--globoff".to_string(),
        "-X".to_string(),
        without_nul(record.method.as_deref().unwrap_or("GET")),
        "--url".to_string(),
        without_nul(record.url.as_deref().unwrap_or("/")),
    ];
    for (name, value) in record.request.headers.iter().filter(|(name, _)| is_sendable_header(name)) {
        arguments.extend(["-H".to_string(), without_nul(&format!("{name}: {value}"))]);
    }
    if let Some(body) = &record.request.body {
        arguments.extend(["--data-raw".to_string(), without_nul(body)]);
    }
    arguments
}

/// Any character, with the ones shells, terminals and curl treat specially often among them.
fn hostile_text() -> impl Strategy<Value = String> {
    let special = proptest::sample::select(vec![
        '\'', '"', '$', '`', '\\', '!', '*', '?', '~', '#', ';', '&', '|', '<', '>', '(', ')', '{', '}', '[', ']', ' ',
        '-', '@', '%', '=', '\n', '\r', '\t', '\0', '\u{1b}', '\u{7}', '\u{3}', '\u{15}', '\u{7f}', '\u{85}', '\u{9b}',
        '\u{202e}', '\u{2066}', '\u{2028}', 'é', '字',
    ]);
    proptest::collection::vec(
        prop_oneof![2 => special, 1 => any::<char>(), 1 => proptest::char::range('a', 'z')],
        0..24,
    )
    .prop_map(String::from_iter)
}

fn hostile_record() -> impl Strategy<Value = Record> {
    let text = hostile_text;
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec((text(), text()), 0..4),
        proptest::option::of(text()),
    )
        .prop_map(|(method, url, headers, body)| Record {
            method: method.map(Into::into),
            url,
            request: Message { headers, body },
            ..Record::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn sh_gives_curl_exactly_the_logged_parts(record in hostile_record()) {
        let command = curl_command(&record);
        prop_assert_eq!(arguments_through("sh", &command), expected_arguments(&record), "{}", command);
    }

    #[test]
    fn the_copy_holds_nothing_a_terminal_acts_on(record in hostile_record()) {
        let command = curl_command(&record);
        let hidden: Vec<char> =
            command.chars().filter(|&c| c != '\n' && crate::output::is_hidden_control(c)).collect();
        prop_assert!(hidden.is_empty(), "{:?} in {}", hidden, command);
    }
}

#[test]
fn bash_reads_the_copy_as_sh_does() {
    if std::process::Command::new("bash").arg("-c").arg("true").status().is_err() {
        eprintln!("SKIPPED: no bash here");
        return;
    }
    let record = Record {
        method: Some("PO'ST".into()),
        url: Some("https://api.example/'$(touch /tmp/errlens-owned)'?q={a,b}&x=[1-9]\u{1b}[201~".into()),
        request: Message {
            headers: vec![("X-'$(id)'".into(), "a'\u{15}b\r\nInjected: 1".into()), ("@/etc/passwd".into(), "x".into())],
            body: Some("@/etc/passwd\n`id`\u{202e}".into()),
        },
        ..Record::default()
    };
    let command = curl_command(&record);
    assert_eq!(arguments_through("bash", &command), expected_arguments(&record), "{command}");
    assert_eq!(arguments_through("sh", &command), expected_arguments(&record), "{command}");
}

#[test]
fn plain_calls_read_as_before() {
    let record = Record {
        method: Some("POST".into()),
        url: Some("https://api.example/v1/customers".into()),
        request: Message {
            headers: vec![(":authority".into(), "api.example".into()), ("Accept".into(), "application/json".into())],
            body: Some(r#"{"email":"it's@example.de"}"#.into()),
        },
        ..Record::default()
    };
    assert_eq!(
        curl_command(&record),
        "curl --globoff -X 'POST' --url 'https://api.example/v1/customers' \\\n  -H 'Accept: application/json' \\\n  \
         --data-raw '{\"email\":\"it'\\''s@example.de\"}'"
    );
    assert_eq!(quote(""), "''");
    assert_eq!(quote("\0"), "''");
    assert_eq!(quote("\u{1b}"), "\"$(printf '\\033')\"");
}
