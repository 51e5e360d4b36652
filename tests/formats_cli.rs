//! Formats as data, through the real binary: every real log of `../shared/real-logs/` whose
//! PROVENANCE.md gives its calls is read with exactly those calls and statuses; a user's format
//! in the config folder or `--formats DIR` is picked up; `errlens formats` lists them all.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// (file, calls, statuses) from PROVENANCE.md's rows that end in `N calls (200: 9126, ...)`:
/// parsed here, independently of errlens.
fn provenance_counts(dir: &Path) -> Vec<(String, u64, BTreeMap<String, u64>)> {
    let text = std::fs::read_to_string(dir.join("PROVENANCE.md")).expect("PROVENANCE.md");
    let mut rows = Vec::new();
    for line in text.lines().filter(|line| line.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Some(calls) = cells.last().and_then(|cell| cell.split_once(" calls (")) else { continue };
        let statuses = calls
            .1
            .trim_end_matches(')')
            .split(", ")
            .map(|pair| {
                let (status, count) = pair.split_once(": ").expect("status: count");
                (status.to_string(), count.parse().expect("a count"))
            })
            .collect();
        rows.push((cells[0].to_string(), calls.0.parse().expect("a call count"), statuses));
    }
    rows
}

#[test]
fn every_real_log_gives_the_calls_its_provenance_counts() {
    let Some(dir) = common::real_logs() else { return };
    let rows = provenance_counts(&dir);
    assert!(rows.len() >= 17, "PROVENANCE.md lists the call counts of 17 files");
    let mut wrong = Vec::new();
    for (name, calls, statuses) in &rows {
        let (summary, code) = common::summary(&[&dir.join(name)]);
        let got: BTreeMap<String, u64> = summary["by_status"]
            .as_object()
            .expect("by_status")
            .iter()
            .map(|(status, count)| (status.clone(), count.as_u64().expect("a count")))
            .collect();
        let input = &summary["inputs"][0];
        println!("{name}: {} as {}, {} skipped", input["records"], input["format"], input["skipped"]);
        if code != 0 || summary["records"] != *calls || got != *statuses {
            wrong.push(format!("{name}: {} calls {got:?}, expected {calls} {statuses:?}", summary["records"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_formats_a_real_log_is_read_as() {
    let Some(dir) = common::real_logs() else { return };
    let cases = [
        ("apache-combined-10k.log", "combined"),
        ("lighttpd-access.log", "combined"),
        ("traefik-clf-auth.log", "combined"),
        ("nginx-bad-requests.log", "combined"),
        ("haproxy-httplog-syslog.log", "haproxy-http"),
        ("squid-native.log", "squid"),
        ("iis-w3c.log", "w3c"),
        ("loki-distributor-logfmt.log", "logfmt"),
        ("openstack-nova-2k.log", "oslo-wsgi"),
    ];
    for (name, format) in cases {
        let (summary, _) = common::summary(&[&dir.join(name)]);
        assert_eq!(summary["inputs"][0]["format"], format, "{name}");
    }
    // Times come from the format's own field, in UTC.
    let (haproxy, _) = common::summary(&[&dir.join("haproxy-httplog-syslog.log")]);
    let first_seen: Vec<&str> =
        haproxy["groups"].as_array().expect("groups").iter().filter_map(|g| g["first_seen"].as_str()).collect();
    assert!(first_seen.contains(&"2015-11-14T22:45:11.608Z"), "{first_seen:?}");
}

const USER_FORMAT: &str = r#"
[[format]]
name = "acme-gateway"
title = "ACME gateway lines"
pattern = '''^ACME (?P<method>[A-Z]+) (?P<url>\S+) => (?P<status>\d{3}) req=(?P<request_id>\S+)$'''
sample = "ACME POST /v1/contacts => 409 req=r-1"
expect = { status = 409, method = "POST", url = "/v1/contacts" }
"#;

fn errlens_with_config(config: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_errlens"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .output()
        .expect("errlens runs")
}

#[test]
fn a_users_format_in_the_config_folder_is_read_without_rebuilding() {
    let config = tempfile::tempdir().expect("tempdir");
    let formats = config.path().join("errlens/formats");
    std::fs::create_dir_all(&formats).expect("mkdir");
    std::fs::write(formats.join("acme.toml"), USER_FORMAT).expect("write");
    let log = config.path().join("gateway.log");
    std::fs::write(&log, "ACME POST /v1/contacts => 409 req=r-1\nACME GET /v1/contacts => 200 req=r-2\nboot\n")
        .expect("write");
    let output = errlens_with_config(config.path(), &["summary", "--format", "json", &log.display().to_string()]);
    let summary: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(summary["inputs"][0]["format"], "acme-gateway");
    assert_eq!((summary["records"].as_u64(), summary["inputs"][0]["skipped"].as_u64()), (Some(2), Some(1)));
    assert_eq!(summary["groups"][0]["kind"], "conflict");

    let listed = errlens_with_config(config.path(), &["formats"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("acme-gateway") && listed.contains(&formats.join("acme.toml").display().to_string()));
    assert!(listed.contains("combined") && listed.contains("bundled"), "{listed}");
}

#[test]
fn a_broken_format_file_is_named_and_the_bundled_formats_still_work() {
    let config = tempfile::tempdir().expect("tempdir");
    let extra = config.path().join("more");
    std::fs::create_dir_all(&extra).expect("mkdir");
    std::fs::write(
        extra.join("broken.toml"),
        "[[format]]\nname = \"b\"\ntitle = \"b\"\nsample = \"\"\npattern = '(?P<status>'\n",
    )
    .expect("write");
    let Some(dir) = common::real_logs() else { return };
    let log = dir.join("squid-native.log");
    let output = errlens_with_config(
        config.path(),
        &["summary", "--formats", &extra.display().to_string(), "--format", "json", &log.display().to_string()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("{}:5:11:", extra.join("broken.toml").display())), "{stderr}");
    let summary: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(summary["records"], 4);
}

#[test]
fn a_file_with_no_calls_says_what_its_lines_are_and_how_to_add_a_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("mystery.log");
    std::fs::write(&log, "MYST|POST|/v1/contacts|409\nMYST|GET|/v1/contacts|200\n").expect("write");
    let output = common::errlens(&["summary", &log.display().to_string()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no API calls found"), "{stderr}");
    assert!(stderr.contains("line 1: not JSON") && stderr.contains("MYST|POST|/v1/contacts|409"), "{stderr}");
    assert!(stderr.contains("--input-format") && stderr.contains("formats"), "{stderr}");
}

#[test]
fn a_users_field_names_read_their_json_logs() {
    let config = tempfile::tempdir().expect("tempdir");
    let formats = config.path().join("errlens/formats");
    std::fs::create_dir_all(&formats).expect("mkdir");
    let names = "[fields]\nstatus = [\"resp.code\"]\nmethod = [\"req.verb\"]\nurl = [\"req.target\"]\n";
    std::fs::write(formats.join("gateway-json.toml"), names).expect("write");
    let log = config.path().join("gateway.ndjson");
    let lines = "{\"req\":{\"verb\":\"post\",\"target\":\"/v1/contacts\"},\"resp\":{\"code\":409}}\n\
                 {\"req\":{\"verb\":\"GET\",\"target\":\"/v1/contacts\"},\"resp\":{\"code\":200}}\n";
    std::fs::write(&log, lines).expect("write");
    for home in [Some(config.path()), None] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_errlens"));
        command.args(["summary", "--format", "json", &log.display().to_string()]);
        match home {
            Some(home) => command.env("XDG_CONFIG_HOME", home).env("HOME", home),
            None => command.env("XDG_CONFIG_HOME", config.path().join("none")).env("HOME", config.path().join("none")),
        };
        let summary: Value = serde_json::from_slice(&command.output().expect("runs").stdout).expect("JSON");
        let expected = if home.is_some() { 2 } else { 0 };
        assert_eq!(summary["records"], expected, "with the user's names: {}", home.is_some());
        if home.is_some() {
            assert_eq!(summary["groups"][0]["endpoints"][0]["endpoint"], "POST /v1/contacts");
        }
    }
}
