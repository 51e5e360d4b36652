//! The desktop app driven as a user would, with egui_kittest: by AccessKit role and label.
//! Snapshot images land in `tests/snapshots/` (update with `UPDATE_SNAPSHOTS=1 cargo test`).

#![cfg(feature = "gui")]

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use errlens::app::{App, Options, Page};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn harness(files: Vec<PathBuf>) -> Harness<'static, App> {
    let mut harness = opened(files);
    wait_loaded(&mut harness);
    harness
}

/// The app at the size of its window, opening `files`, before its first frame.
fn opened(files: Vec<PathBuf>) -> Harness<'static, App> {
    Harness::builder().with_size(egui::vec2(1280.0, 820.0)).build_eframe(move |cc| {
        cleared_as_the_window(&cc.egui_ctx);
        App::new(cc, Options { files, samples_dir: PathBuf::from("sample-logs") })
    })
}

/// Draws the window's background under each frame, as the native window's clear to
/// `App::clear_color` does (the test renderer clears to transparent): the snapshots then show
/// what a user sees.
fn cleared_as_the_window(ctx: &egui::Context) {
    ctx.on_begin_pass(
        "window background",
        std::sync::Arc::new(|ui: &mut egui::Ui| {
            let background = errlens::app::window_background(ui.visuals());
            ui.ctx().layer_painter(egui::LayerId::background()).rect_filled(ui.ctx().content_rect(), 0.0, background);
        }),
    );
}

/// Steps the app until its loader and view threads are done.
fn wait_loaded(harness: &mut Harness<'static, App>) {
    settle(harness);
}

/// Steps the app until nothing is loading or being computed, then a few frames more.
fn settle(harness: &mut Harness<'static, App>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    harness.step();
    while harness.state().is_busy() {
        assert!(Instant::now() < deadline, "the app did not settle");
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    harness.run_steps(3);
}

fn samples() -> Vec<PathBuf> {
    vec![PathBuf::from("sample-logs")]
}

#[test]
fn loads_the_samples_and_shows_the_groups() {
    let mut harness = harness(samples());
    let app = harness.state();
    assert_eq!(app.session.store.files.len(), 10);
    assert_eq!(app.session.store.len(), 751);
    harness.get_by_label_contains("751 calls · 300 failed");
    for title in ["Duplicate email · 18", "Rate limited · 34", "API key revoked", "Customer limit reached · 13"] {
        harness.get_by_label_contains(title);
    }
    // app.ndjson skips five lines (worker.log too: its chip is in the "more files" menu).
    assert_eq!(harness.get_all_by_label("5 skipped (!)").count(), 1);
    harness.snapshot("overview");
}

/// More files than the top bar holds: no chip is cut off, they take two lines at most, and the
/// files left out are a click away in a menu, with their own chips.
#[test]
fn every_file_is_in_sight_or_in_the_more_files_menu() {
    let mut harness = harness(samples());
    let width = harness.ctx.content_rect().width();
    let names = [
        "android-okhttp.log ·",
        "app.ndjson ·",
        "app.ndjson.gz ·",
        "browser-export.har ·",
        "calls.json ·",
        "envoy-access.log ·",
        "export.csv ·",
        "gateway-ecs.ndjson ·",
        "mvo-retries.ndjson ·",
        "worker.log ·",
    ];
    let menu = harness.get_by_label_contains("more files");
    assert!(menu.rect().min.x >= 0.0 && menu.rect().max.x <= width);
    let label = egui_kittest::kittest::NodeT::accesskit_node(&menu).label().unwrap_or_default();
    let in_menu: usize = label.trim_start_matches('+').split(' ').next().and_then(|n| n.parse().ok()).expect(&label);
    let (shown, more) = names.split_at(names.len() - in_menu);
    assert!(shown.len() >= 5, "only {} chips on two lines at 1280 points", shown.len());
    let mut lines = Vec::new();
    for name in shown {
        let chip = harness.get_by_label_contains(name).rect();
        assert!(chip.min.x >= 0.0 && chip.max.x <= width, "{name}'s chip spans {:?} of {width}", chip.x_range());
        lines.push(chip.min.y.round() as i32);
    }
    lines.dedup();
    assert!(lines.len() <= 2, "the chips take {} lines", lines.len());
    for name in more {
        assert!(harness.query_by_label_contains(name).is_none(), "{name} is shown and also counted in the menu");
    }
    menu.click();
    harness.run_steps(2);
    harness.get_by_label_contains("worker.log · TEXT");
    // Its skipped lines' link too (app.ndjson's is the other).
    assert_eq!(harness.get_all_by_label("5 skipped (!)").count(), 2);
}

#[test]
fn selecting_a_group_shows_its_documented_fix() {
    let mut harness = harness(samples());
    harness.get_by_label_contains("Duplicate email · 18").click();
    settle(&mut harness);
    assert!(matches!(harness.state().page, Page::Group(_)));
    harness.get_by_label_contains("instead of creating it again");
    harness.get_by_label("Retrying will not help.");
    harness.get_by_label_contains("POST /api/customers · 18");
    harness.snapshot("group_duplicate_email");

    harness.get_by_label("Show records").click();
    settle(&mut harness);
    assert_eq!(harness.state().page, Page::Records);
    assert_eq!(harness.state().view.rows.len(), 18);
}

#[test]
fn typing_a_filter_narrows_the_table_and_esc_clears_it() {
    let mut harness = harness(samples());
    harness.get_by_label("Records").click();
    settle(&mut harness);
    let all = harness.state().view.rows.len();
    harness.get_by_role(Role::TextInput).focus();
    settle(&mut harness);
    harness.get_by_role(Role::TextInput).type_text("revoked");
    settle(&mut harness);
    let rows = harness.state().view.rows.clone();
    assert!(!rows.is_empty() && rows.len() < all, "{} of {all}", rows.len());
    assert!(rows.iter().all(|&row| harness.state().session.store.kind_id(row as usize) == Some("api_key_revoked")));
    harness.get_by_label_contains(&format!("{} of 751 calls", rows.len()));
    harness.snapshot("records_filtered");

    harness.get_by_label("Clear filters").click();
    settle(&mut harness);
    assert_eq!(harness.state().view.rows.len(), all);
}

#[test]
fn clicking_a_status_bar_filters_to_that_status() {
    let mut harness = harness(samples());
    let chart = harness.get_by_label("Failed calls by status chart").rect();
    // Bars sit at (i + 0.9) / (n + 0.8) of the plot's width; the first is "no response" (status 0).
    let statuses = harness.summary_failed_statuses() as f32;
    let first_bar = egui::pos2(chart.left() + chart.width() * 0.9 / (statuses + 0.8), chart.bottom() - 30.0);
    harness.hover_at(first_bar);
    settle(&mut harness);
    harness.event(egui::Event::PointerButton {
        pos: first_bar,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: first_bar,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.settings.filter.status, Some(0));
    assert_eq!(app.page, Page::Records);
    assert_eq!(app.view.rows.len(), 26);
    harness.get_by_label("status 0 ×");
}

#[test]
fn clicking_a_timeline_bucket_narrows_to_its_time_span() {
    let mut harness = harness(samples());
    let chart = harness.get_by_label("Failures over time chart").rect();
    let bucket_ms = harness.state().view.timeline.bucket_ms;
    let at = egui::pos2(chart.center().x, chart.bottom() - 40.0);
    harness.hover_at(at);
    settle(&mut harness);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    settle(&mut harness);
    let app = harness.state();
    let (from, to) = (app.settings.filter.from_ms.expect("from"), app.settings.filter.to_ms.expect("to"));
    assert_eq!(to - from, bucket_ms, "one bucket of the chart that was clicked");
    assert!(!app.view.rows.is_empty() && app.view.rows.len() < 751, "{} rows", app.view.rows.len());
    assert!(app.view.rows.iter().all(|&row| (from..to).contains(&app.session.store.time_ms[row as usize])));
    harness.get_by_label_contains("time 2026-11-20");
}

#[test]
fn selecting_a_record_shows_the_call_with_credentials_masked() {
    let mut harness = harness(vec![PathBuf::from("sample-logs/browser-export.har")]);
    harness.get_by_label("Records").click();
    settle(&mut harness);
    let row = harness.state().view.rows[0];
    harness.state_mut().selected_row = Some(row);
    settle(&mut harness);
    harness.get_by_label("Copy as cURL");
    harness.get_by_label_contains("Request headers").click();
    settle(&mut harness);
    let record = harness.state().session.store.record(row as usize).expect("record");
    let source = PathBuf::from("sample-logs/browser-export.har");
    harness.get_by_label(&format!("{}:{}", source.display(), record.source.line));
    let key = record
        .request
        .header("x-api-key")
        .or_else(|| record.request.header("authorization"))
        .expect("a credential header")
        .to_string();
    assert!(harness.query_by_label_contains(&key).is_none(), "the key is masked");
    harness.get_by_label_contains("[customer email]");
    harness.snapshot("record");
}

#[test]
fn a_file_with_bad_lines_reports_them_and_an_unreadable_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cut = dir.path().join("cut.har");
    std::fs::write(&cut, "{\"log\": {\"entries\": [\n {\"request\": ").expect("write");
    let empty = dir.path().join("empty.log");
    std::fs::write(&empty, "").expect("write");
    let mut harness = harness(vec![PathBuf::from("sample-logs/app.ndjson"), cut, empty]);
    harness.get_by_label_contains("cut.har:2:");
    // An empty file is still listed, with no calls, rather than vanishing.
    harness.get_by_label("empty.log · TEXT · 0 calls");
    harness.get_by_label("5 skipped (!)").click();
    settle(&mut harness);
    harness.get_by_label_contains("truncated JSON");
    harness.get_by_label("line 69");
    assert_eq!(harness.state().session.store.len(), 90);
}

#[test]
fn composing_a_support_email_end_to_end() {
    let mut harness = harness(samples());
    harness.state_mut().settings.account_email = "ops@acme-shop.example".into();
    harness.get_by_label_contains("Duplicate email · 18").click();
    settle(&mut harness);
    harness.get_by_label("Compose support email").click();
    settle(&mut harness);
    let email = harness.state().composer.as_ref().and_then(|c| c.email.clone()).expect("an email");
    assert_eq!(email.to.as_deref(), Some("hello@my-virtual-office.com"));
    assert!(
        email.subject.starts_with("[API] 409 Duplicate email on POST /api/customers (18 failures"),
        "{}",
        email.subject
    );
    assert!(email.body.contains("1. Endpoint\n   POST https://api.my-virtual-office.com/api/customers"));
    assert!(email.body.contains("4. Account email\n   ops@acme-shop.example"));
    let planted = common::planted();
    let leaked: Vec<&String> = planted.iter().filter(|value| email.body.contains(value.as_str())).collect();
    assert!(leaked.is_empty(), "leaked {leaked:?}");
    harness.snapshot("email");

    // Reveal the customer's email: it comes back into the text, and only it.
    let item = email
        .removed
        .iter()
        .find(|r| r.category == errlens::redact::Category::CustomerEmail)
        .expect("an email removed");
    harness.get_by_label_contains(&format!("Customer email: {} (", item.preview)).click();
    settle(&mut harness);
    let revealed = harness.state().composer.as_ref().and_then(|c| c.email.clone()).expect("an email");
    assert!(revealed.body.contains(&item.original), "the revealed email is shared");
    assert_eq!(
        revealed.removed.len(),
        email.removed.len() - email.removed.iter().filter(|r| r.original == item.original).count()
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("request.eml");
    harness.state_mut().composer.as_mut().expect("composer").save_to = Some(path.clone());
    harness.get_by_label("Save as .eml").click();
    settle(&mut harness);
    let saved = std::fs::read_to_string(&path).expect("saved .eml");
    assert!(saved.starts_with("From: ops@acme-shop.example\r\nTo: hello@my-virtual-office.com\r\nSubject: [API] 409"));
    harness.get_by_label_contains("Saved to");

    // Off at first: one line on how the client retries, from the audit, once ticked.
    let body = |harness: &Harness<'static, App>| {
        harness.state().composer.as_ref().and_then(|c| c.email.as_ref()).map(|e| e.body.clone()).unwrap_or_default()
    };
    assert!(!body(&harness).contains("How our client retries"));
    harness.get_by_label("Add how our client retries").click();
    settle(&mut harness);
    let with_retries = body(&harness);
    assert!(with_retries.contains("\nHow our client retries: The client "), "{with_retries}");
}

/// Every hostile file at once: the window shows each file's result or its error by name, stays
/// usable (the table lists every call, and each call opens), and nothing panics.
#[test]
fn the_hostile_corpus_opens_in_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = corpus::write_files(dir.path());
    let mut harness = harness(paths.clone());
    let app = harness.state();
    assert_eq!(app.session.store.files.len(), paths.len());
    let unreadable: Vec<String> = app
        .session
        .store
        .files
        .iter()
        .filter(|file| file.error.is_some())
        .map(|file| file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    for name in &unreadable {
        // The message in the window names the file.
        assert!(harness.query_all_by_label_contains(name.as_str()).count() >= 1, "{name} is not named");
    }
    let rows = harness.state().session.store.len();
    harness.get_by_label("Records").click();
    settle(&mut harness);
    assert_eq!(harness.state().view.rows.len(), rows);
    for row in 0..rows.min(200) as u32 {
        harness.state_mut().selected_row = Some(row);
        harness.step();
    }
    settle(&mut harness);
    println!("{} files, {} unreadable ({unreadable:?}), {rows} calls", paths.len(), unreadable.len());
}

trait FailedStatuses {
    fn summary_failed_statuses(&self) -> usize;
}

impl FailedStatuses for Harness<'static, App> {
    fn summary_failed_statuses(&self) -> usize {
        let summary = self.state().view.summary.as_ref().expect("summary");
        summary.by_status.keys().filter(|&&s| s == 0 || s >= 400).count()
    }
}

/// The `file:line` cell of the call at `position` in the table.
fn file_line_at(app: &App, position: usize) -> String {
    let row = app.view.rows[position] as usize;
    let file = &app.session.store.files[app.session.store.file[row] as usize];
    let name = file.path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{name}:{}", app.session.store.line[row])
}

#[test]
fn end_and_home_jump_through_the_table_and_the_wheel_still_scrolls_away_from_the_selection() {
    let mut harness = harness(samples());
    harness.get_by_label("Records").click();
    settle(&mut harness);
    let count = harness.state().view.rows.len();
    let (first, last) = (file_line_at(harness.state(), 0), file_line_at(harness.state(), count - 1));
    let shown = |harness: &Harness<'static, App>, label: &str| harness.query_all_by_label(label).next().is_some();
    assert!(shown(&harness, &first) && !shown(&harness, &last), "the table starts at the top");

    harness.key_press(egui::Key::End);
    settle(&mut harness);
    assert_eq!(harness.state().selected_row, harness.state().view.rows.last().copied());
    assert!(shown(&harness, &last) && !shown(&harness, &first), "End shows the last call");

    // The selection stays, and the wheel takes the table back up (it is not pinned to it).
    let table = harness.get_by_label("Time").rect();
    harness.hover_at(table.center() + egui::vec2(0.0, 200.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Page,
        delta: egui::vec2(0.0, 1000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut harness);
    assert_eq!(harness.state().selected_row, harness.state().view.rows.last().copied());
    assert!(shown(&harness, &first), "the wheel scrolled back to the top");

    harness.key_press(egui::Key::Home);
    settle(&mut harness);
    assert_eq!(harness.state().selected_row, harness.state().view.rows.first().copied());
}

#[test]
fn a_file_added_while_others_load_is_loaded_after_them() {
    let mut harness = opened(samples());
    // Before a single frame ran, so the samples are still loading.
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, vec![PathBuf::from("sample-logs/app.ndjson")], false);
    assert!(harness.state().is_loading());
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.session.store.files.len(), 11, "the ten samples, then app.ndjson again");
    assert_eq!(app.session.store.len(), 751 + 90);
    harness.get_by_label_contains("841 calls · ");
}

#[test]
fn blocks_that_wait_for_a_view_are_added_after_the_loader_is_done() {
    let mut harness = harness(Vec::new());
    let before = harness.state().session.store.len();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, vec![PathBuf::from("sample-logs/app.ndjson")], false);
    // A view being computed holds the store, so loaded blocks wait; meanwhile the loader reads
    // the whole file and says it is done.
    let view = std::sync::Arc::clone(&harness.state().session.store);
    let deadline = Instant::now() + Duration::from_secs(10);
    // The status bar says "Loading…" without a file once the loader is done and blocks wait.
    while harness.query_by_label("Loading…").is_none() {
        assert!(Instant::now() < deadline, "the loader never finished");
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(harness.state().is_loading(), "the blocks wait for the view");
    assert_eq!(harness.state().session.store.len(), before);
    drop(view);
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.state().is_busy() {
        assert!(Instant::now() < deadline, "the waiting blocks were never added");
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(harness.state().session.store.len(), before + 90);
}

/// A folder with links back to itself, and a file name that holds terminal escapes and a BiDi
/// override: listed on the loading thread, each file once, the links named, the name escaped.
#[cfg(unix)]
#[test]
fn a_folder_with_symlink_loops_opens_with_each_file_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("logs");
    std::fs::create_dir_all(root.join("sub")).expect("mkdir");
    let call = "{\"method\":\"GET\",\"url\":\"/v1/orders\",\"status\":500}\n";
    for name in ["a.ndjson", "sub/b.ndjson", "c\u{1b}]0;owned\u{7}\u{202e}.ndjson"] {
        std::fs::write(root.join(name), call).expect("write");
    }
    std::os::unix::fs::symlink("..", root.join("sub/up")).expect("symlink");
    std::os::unix::fs::symlink(".", root.join("self")).expect("symlink");
    let harness = harness(vec![root.clone()]);
    let app = harness.state();
    assert_eq!((app.session.store.files.len(), app.session.store.len()), (3, 3));
    assert_eq!(app.settings.files, std::slice::from_ref(&root), "the folder is remembered, not its files");
    for link in ["self", "sub/up"] {
        let said = format!("Left out {}: a link to a folder, not followed", root.join(link).display());
        assert!(app.messages.contains(&said), "{said} in {:?}", app.messages);
    }
    harness.get_by_label_contains("c\\e]0;owned\\u{7}\\u{202e}.ndjson · NDJSON");
}

/// The audit in the window: a card per practice with its verdict, each finding with its attempts,
/// and a click that lists a finding's calls in the table.
#[test]
fn the_integration_health_page_shows_each_practice_and_lists_a_findings_calls() {
    let mut harness = harness(vec![PathBuf::from("sample-logs/mvo-retries.ndjson")]);
    harness.get_by_label("Integration health").click();
    settle(&mut harness);
    assert_eq!(harness.state().page, Page::Health);
    for practice in ["Check status codes", "Retry transient (5xx) errors with exponential backoff"] {
        harness.get_by_label(practice);
    }
    assert_eq!(harness.get_all_by_label("Not followed").count(), 3);
    harness.get_by_label("Followed");
    harness.get_by_label_contains("PATCH /api/customers/{id} after 500 · 12 attempts");
    harness.snapshot("health");

    // The first finding is the retry storm: its twelve attempts, and nothing else, in the table.
    harness.get_all_by_label("Show the calls").next().expect("a finding").click();
    settle(&mut harness);
    assert_eq!(harness.state().page, Page::Records);
    assert_eq!(harness.state().view.rows.len(), 12);
    harness.get_by_label_contains("retry_storm on PATCH /api/customers/{id} (12 calls) ×").click();
    settle(&mut harness);
    assert_eq!(harness.state().view.rows.len(), harness.state().session.store.len());
}

/// Compare mode: the logs from before a change in a second set; the overview shows, kind by kind,
/// what the core's comparison of the same files says.
#[test]
fn compare_mode_shows_the_files_from_before_beside_these() {
    let (before, after) = (PathBuf::from("sample-logs/mvo-retries.ndjson"), PathBuf::from("sample-logs/app.ndjson"));
    let mut harness = harness(vec![after.clone()]);
    let ctx = harness.ctx.clone();
    harness.state_mut().compare_with(&ctx, vec![before.clone()]);
    settle(&mut harness);
    let shown = harness.state().compare.as_ref().and_then(|c| c.comparison.clone()).expect("a comparison");
    let store = |path: &PathBuf| {
        let mut store = errlens::store::Store::new(std::sync::Arc::new(errlens::knowledge::Knowledge::bundled()));
        store.load(path.clone(), None);
        store
    };
    assert_eq!(shown, errlens::compare::compare(&store(&before), &store(&after)));
    assert_eq!((shown.before.calls, shown.after.calls), (105, 90));
    harness.get_by_label_contains("Before and after: 1 earlier file(s), 105 calls");
    harness.snapshot("compare");
    let new = shown.kinds.iter().filter(|kind| kind.change == errlens::compare::Change::New).count();
    assert_eq!((new > 0, harness.get_all_by_label("new").count()), (true, new));

    harness.get_by_label("Stop comparing").click();
    settle(&mut harness);
    assert!(harness.state().compare.is_none());
}

/// "Export…" writes exactly the rows the table shows, redacted, in the format the file name asks for.
#[test]
fn export_writes_the_rows_the_table_shows() {
    let mut harness = harness(samples());
    harness.get_by_label_contains("Duplicate email · 18").click();
    settle(&mut harness);
    harness.get_by_label("Show records").click();
    settle(&mut harness);
    let shown = harness.state().view.rows.len();
    assert_eq!(shown, 18);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("duplicates.parquet");
    harness.state_mut().export.save_to = Some(path.clone());
    harness.get_by_label("Export… (18 calls)").click();
    settle(&mut harness);
    harness.get_by_label_contains("Exported 18 calls to");
    // The Parquet file opens as a log again: the same calls, kind and status.
    let mut store = errlens::store::Store::new(std::sync::Arc::new(errlens::knowledge::Knowledge::bundled()));
    store.load(path.clone(), None);
    assert_eq!(store.len(), shown);
    assert!(
        (0..store.len()).all(|row| store.status.get(row) == Some(409) && store.kind_id(row) == Some("duplicate_email"))
    );
    // Read back (Parquet is compressed: its bytes would hide a secret from a plain search).
    let exported: String = (0..store.len()).map(|row| format!("{:?}", store.record(row))).collect();
    assert!(exported.contains("/api/customers"), "{exported}");
    for secret in common::planted() {
        assert!(!exported.contains(&secret), "{secret} exported");
    }
}

/// A long export shows its progress and stops at Cancel, leaving no file.
#[test]
fn a_long_export_shows_its_progress_and_cancel_leaves_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("big.ndjson");
    let lines = std::fs::read("sample-logs/app.ndjson").expect("sample");
    std::fs::write(&log, lines.repeat(1_500)).expect("written");
    let mut harness = harness(vec![log]);
    harness.get_by_label("Records").click();
    settle(&mut harness);
    let path = dir.path().join("big.parquet");
    harness.state_mut().export.save_to = Some(path.clone());
    harness.get_by_label_contains("Export… (").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Exporting… ");
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    harness.get_by_label("Export cancelled; nothing was written.");
    assert!(!path.exists(), "a cancelled export left {}", path.display());
}

/// A log with more findings than a page: the first page is laid out, the rest a click away.
#[test]
fn the_health_page_lays_out_findings_a_page_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("retries.ndjson");
    let mut lines = String::new();
    // 130 requests, each sent four times a second apart after a 503: 130 retries without backoff.
    for request in 0..130 {
        for attempt in 0..4 {
            let seconds = request * 10 + attempt;
            let (minutes, seconds) = (seconds / 60, seconds % 60);
            lines.push_str(&format!(
                "{{\"time\":\"2026-11-20T{:02}:{:02}:{:02}Z\",\"method\":\"GET\",\"url\":\"/api/items?n={request}\",\"status\":503}}\n",
                minutes / 60,
                minutes % 60,
                seconds
            ));
        }
    }
    std::fs::write(&log, lines).expect("written");
    let mut harness = harness(vec![log]);
    harness.get_by_label("Integration health").click();
    settle(&mut harness);
    let findings = harness.state().audit.audit.as_ref().map_or(0, |audit| audit.findings.len());
    assert_eq!(findings, 130);
    assert_eq!(harness.get_all_by_label("Show the calls").count(), 100);
    // The button is below the first page, out of view: scrolled to, as the user would.
    harness.get_by_label("Show 30 more (30 not shown)").scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("Show 30 more (30 not shown)").click();
    settle(&mut harness);
    assert_eq!(harness.get_all_by_label("Show the calls").count(), 130);
    assert!(harness.query_by_label_contains("not shown)").is_none());
}

#[test]
fn a_w3c_log_whose_columns_change_reads_its_calls_back_in_the_window() {
    // Some 3 MB, read block by block: the columns change every 17,000 rows, so most blocks start
    // with a `#Fields:` line read in another block.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("u_ex261120.log");
    let mut log = String::from("#Software: Microsoft Internet Information Services 10.0\n");
    for n in 0..70_000usize {
        let full = (n / 17_000).is_multiple_of(2);
        if n % 17_000 == 0 {
            log.push_str(if full {
                "#Fields: date time cs-method cs-uri-stem sc-status\n"
            } else {
                "#Fields: sc-status cs-uri-stem cs-method\n"
            });
        }
        if full {
            log.push_str(&format!("2026-11-20 10:{:02}:{:02} GET /v1/a/{n} 503\n", n / 60 % 60, n % 60));
        } else {
            log.push_str(&format!("404 /v1/b/{n} DELETE\n"));
        }
    }
    std::fs::write(&path, &log).expect("write");
    let mut harness = harness(vec![path]);
    let rows = harness.state().view.rows.clone();
    assert_eq!(rows.len(), 70_000);
    for &row in rows.iter().step_by(4_999) {
        let store = &harness.state().session.store;
        let record = store.record(row as usize).expect("the call reads back");
        let url = record.url.as_deref().expect("its URL");
        let n: usize = url.rsplit('/').next().and_then(|n| n.parse().ok()).expect("a number");
        let full = (n / 17_000).is_multiple_of(2);
        let wanted = if full { (503, "GET", "a") } else { (404, "DELETE", "b") };
        assert_eq!((record.status, record.method.as_deref()), (wanted.0, Some(wanted.1)), "row {n}");
        assert_eq!(url, format!("/v1/{}/{n}", wanted.2));
    }
    // And the call's panel shows it.
    let last = *rows.last().expect("rows");
    harness.get_by_label("Records").click();
    harness.state_mut().selected_row = Some(last);
    settle(&mut harness);
    let url = harness.state().session.store.record(last as usize).and_then(|record| record.url).expect("a URL");
    assert!(!harness.query_all_by_label_contains(&url).collect::<Vec<_>>().is_empty(), "the panel shows {url}");
}
