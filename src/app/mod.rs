//! The desktop app: open logs, see what failed, how often, since when, and how to fix it.
//!
//! State that outlives a run (settings, files, filters) is persisted with eframe storage. Loading
//! runs on a background thread ([`loader`]); the view reads the store and caches the filtered
//! rows, the summary and the timeline until the data or the filter change.

mod dialog;
mod email;
mod frame_stats;
mod groups;
mod icon;
mod loader;
mod overview;
mod record;
mod records;
mod style;
mod view;

use crate::ingest;
use crate::knowledge::Knowledge;
use crate::output::text::one_line;
use crate::query::{Filter, Timeline};
use crate::store::Store;
use crate::summary::{self, Summary};
use eframe::egui;
use loader::{Event, Loader};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What threads ask for when they have something to show: egui answers a request for a repaint
/// "now" with two frames, one "after a moment" with one, and each frame costs a software renderer
/// ~20 ms of CPU that loading would use.
const ONE_FRAME_SOON: std::time::Duration = std::time::Duration::from_millis(1);
/// How often counts and charts are recomputed while a file is still loading: under the 100 ms
/// the counts should take at most to change, as each view takes a little longer than the last
/// (more rows) and frames come a few milliseconds late.
const REFRESH_WHILE_LOADING: std::time::Duration = std::time::Duration::from_millis(90);

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files from the command line; empty = the last session's, or the samples.
    pub files: Vec<PathBuf>,
    /// The bundled sample logs, opened on the first start.
    pub samples_dir: PathBuf,
}

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Dark.
    Dark,
    /// Light.
    Light,
}

/// Group list order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupOrder {
    /// Most frequent first.
    #[default]
    Count,
    /// Most recently seen first.
    Recent,
}

/// What is remembered between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The account email for support requests.
    pub account_email: String,
    /// Colour theme.
    pub theme: Theme,
    /// The files of the last session.
    pub files: Vec<PathBuf>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The last filter.
    pub filter: Filter,
    /// Group list order.
    pub group_order: GroupOrder,
}

/// The central area's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Headline figures and charts.
    Overview,
    /// The records table.
    Records,
    /// One group's page (by kind index).
    Group(u32),
}

/// A file being loaded.
struct Progress {
    path: PathBuf,
    done_bytes: u64,
    total_bytes: u64,
    records: usize,
}

/// The errlens window.
pub struct App {
    /// Persisted settings.
    pub settings: Settings,
    /// The bundled sample logs, written to the cache folder ("Recent" opens them again).
    samples_dir: PathBuf,
    /// Every loaded call (shared with a view job computing from a snapshot).
    pub store: Arc<Store>,
    /// The central page.
    pub page: Page,
    /// The record shown in the side panel (a store row).
    pub selected_row: Option<u32>,
    /// Rows that pass the filter, in table order.
    pub rows: Vec<u32>,
    /// Summary of `rows`.
    pub summary: Option<Summary>,
    /// The first and last time among `rows`.
    pub span: Option<(i64, i64)>,
    /// Failures over time of `rows`.
    pub timeline: Timeline,
    /// Messages for the user (unreadable files, ...), newest last.
    pub messages: Vec<String>,
    /// A hint shown above the content (the samples notice).
    pub notice: Option<String>,
    /// The file whose skipped lines are listed.
    pub skipped_window: Option<usize>,
    /// Why the listed file gave no calls, and how to read it (when it gave none).
    no_calls_help: Option<String>,
    /// The support-email composer, while open.
    pub composer: Option<email::Composer>,
    /// The selected call as shown, by (row, masked, account email): read back and redacted once.
    pub shown_record: Option<((u32, bool, String), Option<crate::record::Record>)>,
    /// Per kind, its trend over the time span.
    pub trends: std::collections::HashMap<u32, Vec<u32>>,
    /// A table position to scroll to on the next frame (set by moves with the keyboard).
    pub scroll_to_position: Option<usize>,
    /// Table sort: column and ascending.
    pub sort: Option<(crate::view::SortColumn, bool)>,
    filter_error: Option<String>,
    loader: Option<Loader>,
    /// Loader events not yet added to the store (a view job holds it).
    arrived: Vec<Event>,
    /// Files to load once the current loader is done.
    queued: Vec<PathBuf>,
    progress: Option<Progress>,
    /// Files found so far while the loader lists folders.
    listing: Option<usize>,
    stale: bool,
    /// When the last view began its work (while loading, a view may wait to begin).
    last_refresh: Option<std::time::Instant>,
    view_job: Option<view::Job>,
    /// The file being loaded, which the row of files scrolls to.
    reveal_file: Option<usize>,
    focus_filter: bool,
    open_dialog: Option<dialog::Pending<Vec<PathBuf>>>,
    frame_stats: Option<frame_stats::FrameStats>,
}

impl App {
    /// Builds the app, restoring settings and opening the start files.
    pub fn new(cc: &eframe::CreationContext<'_>, options: Options) -> Self {
        let settings: Settings =
            cc.storage.and_then(|storage| eframe::get_value(storage, eframe::APP_KEY)).unwrap_or_default();
        style::apply(&cc.egui_ctx, settings.theme);
        // Off the window's thread; without a thread, the first selected call compiles them.
        let _ = std::thread::Builder::new().name("errlens-warm-up".into()).spawn(crate::redact::warm_up);
        let mut app = Self {
            settings,
            samples_dir: options.samples_dir.clone(),
            store: Arc::new(Store::new(Arc::new(Knowledge::installed().clone()))),
            page: Page::Overview,
            selected_row: None,
            rows: Vec::new(),
            summary: None,
            span: None,
            timeline: Timeline::default(),
            messages: Vec::new(),
            notice: None,
            skipped_window: None,
            no_calls_help: None,
            shown_record: None,
            composer: None,
            trends: std::collections::HashMap::new(),
            sort: None,
            scroll_to_position: None,
            filter_error: None,
            loader: None,
            arrived: Vec::new(),
            queued: Vec::new(),
            progress: None,
            listing: None,
            stale: true,
            last_refresh: None,
            view_job: None,
            reveal_file: None,
            focus_filter: false,
            open_dialog: None,
            frame_stats: frame_stats::FrameStats::from_env(),
        };
        let files = if !options.files.is_empty() {
            options.files
        } else if !app.settings.files.is_empty() {
            app.settings.files.clone()
        } else {
            app.notice = Some(format!(
                "Showing the bundled sample logs ({}). Open your own with Open… or drop files here.",
                options.samples_dir.display()
            ));
            vec![options.samples_dir]
        };
        app.open(&cc.egui_ctx, files, true);
        app
    }

    /// Whether files are still loading.
    pub fn is_loading(&self) -> bool {
        self.loader.is_some() || !self.arrived.is_empty() || !self.queued.is_empty()
    }

    /// Opens files and folders (the loading thread lists a folder's files); `replace` starts a
    /// new session.
    pub fn open(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>, replace: bool) {
        if replace {
            self.store = Arc::new(Store::new(Arc::clone(&self.store.knowledge)));
            self.arrived.clear();
            self.settings.files.clear();
            self.selected_row = None;
            self.shown_record = None;
            self.page = Page::Overview;
        }
        for path in &paths {
            self.settings.files.push(path.clone());
            self.settings.recent.retain(|known| known != path);
            self.settings.recent.insert(0, path.clone());
        }
        self.settings.recent.truncate(12);
        if replace {
            self.queued.clear();
            if let Some(loader) = self.loader.take() {
                loader.cancel();
            }
        } else if self.loader.is_some() {
            // Files added while others load wait their turn; the loading one is not cut short.
            self.queued.extend(paths);
            return;
        }
        self.start_loader(ctx, paths);
    }

    fn start_loader(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        let ctx = ctx.clone();
        let repaint = move || ctx.request_repaint_after(ONE_FRAME_SOON);
        self.loader = Some(Loader::start(paths, Arc::clone(&self.store.knowledge), repaint));
        // A cancelled load's progress is not this one's: the status bar says "Loading…" or
        // "Listing…" until the new loader reports.
        self.progress = None;
        self.listing = None;
        self.stale = true;
    }

    /// Removes one file from the session (the rest is read again).
    pub fn remove_file(&mut self, ctx: &egui::Context, index: usize) {
        let mut files: Vec<PathBuf> = self.store.files.iter().map(|file| file.path.clone()).collect();
        if index < files.len() {
            files.remove(index);
        }
        self.open(ctx, files, true);
    }

    /// Reads every file of the session again.
    pub fn reload(&mut self, ctx: &egui::Context) {
        let files = self.store.files.iter().map(|file| file.path.clone()).collect();
        self.open(ctx, files, true);
    }

    /// Changes the filter; views recompute on the next frame.
    pub fn set_filter(&mut self, filter: Filter) {
        if filter != self.settings.filter {
            self.settings.filter = filter;
            self.stale = true;
        }
    }

    /// A group over every loaded call, whatever the filter: an email speaks about the whole log.
    pub fn full_group(&self, kind: u32) -> Option<crate::summary::Group> {
        let summary = summary::summarize(&self.store, None);
        summary.groups.into_iter().find(|group| group.kind_index == kind)
    }

    /// Opens the support-email composer for a group, quoting its most recent call.
    pub fn compose_email(&mut self, kind: u32) {
        self.composer = Some(email::Composer::new(kind, None));
    }

    /// Opens the composer for the group of one call, quoting that call.
    pub fn compose_email_for_row(&mut self, row: u32) {
        email::open_for_row(self, row);
    }

    fn poll_loader(&mut self, ctx: &egui::Context) {
        // Blocks that arrived while a view held the store are added once it lets go, even after
        // the loader is done: the last ones often wait for the last view.
        self.add_arrived();
        let Some(loader) = &self.loader else { return };
        let mut finished = false;
        while let Ok(event) = loader.events.try_recv() {
            match &event {
                Event::Listing { found } => {
                    self.listing = Some(*found);
                    continue;
                }
                Event::LeftOut(left_out) => {
                    self.messages.extend(loader::left_out_messages(left_out));
                    continue;
                }
                Event::Started { path, opened } => {
                    self.listing = None;
                    self.progress = Some(Progress {
                        path: path.clone(),
                        done_bytes: 0,
                        total_bytes: opened.total_bytes,
                        records: 0,
                    });
                }
                Event::Block { rows, done_bytes, total_bytes } => {
                    if let Some(progress) = &mut self.progress {
                        progress.done_bytes = *done_bytes;
                        progress.total_bytes = *total_bytes;
                        progress.records += rows.len();
                    }
                }
                Event::Failed { error, .. } => self.messages.push(error.clone()),
                Event::Room(_) => {}
                Event::Finished => finished = true,
            }
            if !matches!(event, Event::Finished) {
                self.arrived.push(event);
            }
        }
        if finished {
            self.loader = None;
            self.progress = None;
            self.listing = None;
            if !self.queued.is_empty() {
                let queued = std::mem::take(&mut self.queued);
                self.start_loader(ctx, queued);
            }
        }
        self.add_arrived();
    }

    /// Adds what the loader sent to the store, unless a view job is reading a snapshot of it:
    /// then it waits for the job, rather than copy a store of millions of rows.
    fn add_arrived(&mut self) {
        let idle = self.loader.is_none();
        if self.arrived.is_empty() && !(idle && self.store.has_rooms()) {
            return;
        }
        let Some(store) = Arc::get_mut(&mut self.store) else { return };
        let added = !self.arrived.is_empty();
        for event in self.arrived.drain(..) {
            match event {
                Event::Started { path, opened } => {
                    store.begin_file(path, &opened);
                    // More files than the top bar holds scroll it: the new one is shown.
                    self.reveal_file = Some(store.files.len() - 1);
                }
                Event::Block { rows, .. } => store.extend_file(store.files.len().saturating_sub(1), *rows),
                Event::Room(room) => store.add_room(*room),
                Event::Failed { error, started: true, .. } => {
                    store.fail_file(store.files.len().saturating_sub(1), error)
                }
                Event::Failed { path, error, started: false } => store.add_failed(path, error),
                Event::Listing { .. } | Event::LeftOut(_) | Event::Finished => {}
            }
        }
        if idle {
            // Room made ahead for rows that did not come.
            store.release_rooms();
        }
        self.stale |= added;
    }

    /// Recomputes rows, summary and timeline when data or filter changed.
    fn refresh(&mut self, ctx: &egui::Context) {
        let now = std::time::Instant::now();
        let mut not_before = None;
        if self.is_loading() {
            // While files load the window draws at the views' pace (the loader asks for no frames
            // between blocks): the frame that shows a view starts the next, which waits until
            // REFRESH_WHILE_LOADING after the last began, so one frame a refresh is drawn.
            if self.view_job.is_some() {
                // Its end asks for a frame. Blocks wait for it; a newer one would make them wait longer.
                return;
            }
            if !self.stale {
                ctx.request_repaint_after(REFRESH_WHILE_LOADING);
                return;
            }
            not_before = self.last_refresh.map(|last| last + REFRESH_WHILE_LOADING).filter(|due| *due > now);
        } else if !self.stale {
            return;
        }
        self.last_refresh = Some(not_before.unwrap_or(now));
        self.stale = false;
        let repaint = ctx.clone();
        let job =
            view::Job::start(Arc::clone(&self.store), self.settings.filter.clone(), self.sort, not_before, move || {
                repaint.request_repaint_after(ONE_FRAME_SOON);
            });
        match job {
            // A newer job replaces an older one; the older result is dropped unseen.
            Ok(job) => self.view_job = Some(job),
            Err(error) => self.messages.push(format!("cannot start a worker thread: {error}")),
        }
    }

    fn poll_view(&mut self) {
        if let Some(view) = self.view_job.as_ref().and_then(view::Job::try_take) {
            self.view_job = None;
            self.show(view);
        }
    }

    fn show(&mut self, view: crate::view::View) {
        self.filter_error = view.error;
        if self.filter_error.is_some() && view.summary.is_none() {
            return;
        }
        self.rows = view.rows;
        self.summary = view.summary;
        self.span = view.span;
        self.timeline = view.timeline;
        self.trends = view.trends;
    }

    /// Whether files are loading or a view is being computed.
    pub fn is_busy(&self) -> bool {
        self.is_loading() || self.view_job.is_some() || self.stale
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.notice = None;
            self.open(ctx, dropped, false);
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.open_dialog(ctx);
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.focus_filter = true;
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            if matches!(self.page, Page::Group(_)) {
                self.page = Page::Overview;
            } else {
                self.set_filter(Filter { regex: self.settings.filter.regex, ..Filter::default() });
            }
        }
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        if self.open_dialog.is_none() {
            self.open_dialog = Some(dialog::open_logs(ctx));
        }
    }

    fn poll_open_dialog(&mut self, ctx: &egui::Context) {
        let Some(outcome) = self.open_dialog.as_ref().and_then(dialog::Pending::poll) else { return };
        self.open_dialog = None;
        match outcome {
            dialog::Outcome::Chosen(files) => {
                self.notice = None;
                self.open(ctx, files, false);
            }
            dialog::Outcome::Cancelled => {}
            dialog::Outcome::Unavailable => self.notice = Some(dialog::NO_DIALOG_HINT.to_string()),
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let open = ui
                .add_enabled(self.open_dialog.is_none(), egui::Button::new("Open…"))
                .on_hover_text("Open log files (Ctrl+O)")
                .on_disabled_hover_text("The Open dialog is showing");
            if open.clicked() {
                self.open_dialog(ui.ctx());
            }
            ui.menu_button("Recent", |ui| {
                if self.settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in self.settings.recent.clone() {
                    if ui.button(&*one_line(&path.to_string_lossy())).clicked() {
                        self.open(ui.ctx(), vec![path], false);
                        ui.close();
                    }
                }
                ui.separator();
                if ui.button("The bundled sample logs").on_hover_text("Open errlens' own examples").clicked() {
                    self.open(ui.ctx(), vec![self.samples_dir.clone()], false);
                    ui.close();
                }
            });
            if ui.button("Reload").on_hover_text("Read every file again").clicked() {
                self.reload(ui.ctx());
            }
            ui.separator();
            egui::ScrollArea::horizontal().show(ui, |ui| ui.horizontal(|ui| self.files_ui(ui)));
        });
        ui.horizontal_wrapped(|ui| records::filter_bar_ui(self, ui));
    }

    fn files_ui(&mut self, ui: &mut egui::Ui) {
        let mut remove = None;
        let mut filter_file = None;
        let loading = self.is_loading();
        for (index, file) in self.store.files.iter().enumerate() {
            // A file's name is anyone's to choose: shown on one line, its controls escaped.
            let name =
                one_line(&file.path.file_name().map_or_else(|| file.path.to_string_lossy(), |n| n.to_string_lossy()))
                    .into_owned();
            let chip = ui.group(|ui| {
                ui.horizontal(|ui| {
                    match (&file.error, file.format) {
                        (Some(error), _) => {
                            ui.colored_label(style::ERROR_RED, format!("{name}: unreadable"))
                                .on_hover_text(&*one_line(error));
                        }
                        (None, Some(format)) => {
                            let gz = if file.gzip { ".gz" } else { "" };
                            let encoding = match file.encoding {
                                ingest::encoding::Encoding::Utf8 => String::new(),
                                other => format!(" · {other}"),
                            };
                            let chip = format!(
                                "{name} · {}{gz}{encoding} · {} calls",
                                format.name().to_uppercase(),
                                style::thousands(file.records)
                            );
                            let only_this = self.settings.filter.file == Some(index);
                            let mut hover = format!("Show only this file\nRead as {}", format.title());
                            if file.repaired_lines > 0 {
                                hover.push_str(&format!(
                                    "\n{} line(s) had bytes that are not UTF-8, read as Windows-1252",
                                    style::thousands(file.repaired_lines as usize)
                                ));
                            }
                            if ui.selectable_label(only_this, chip).on_hover_text(hover).clicked() {
                                filter_file = Some(index);
                            }
                            let no_calls = file.records == 0 && !loading;
                            let (link, tip) = if no_calls {
                                (
                                    "no calls: why? (!)".to_string(),
                                    "Its first lines, why each is not a call, and how to read it",
                                )
                            } else {
                                (
                                    format!("{} skipped (!)", style::thousands(file.skipped_count)),
                                    "List the lines that are not API calls",
                                )
                            };
                            if file.skipped_count > 0 && ui.link(link).on_hover_text(tip).clicked() {
                                self.skipped_window = Some(index);
                                // Read once, when asked: the file's first 64 KiB.
                                self.no_calls_help = no_calls.then(|| {
                                    ingest::dead_end::explain(
                                        &file.path,
                                        format.name(),
                                        &file.skipped,
                                        file.skipped_count,
                                    )
                                });
                            }
                        }
                        (None, None) => {}
                    }
                    if ui.small_button("×").on_hover_text(format!("Remove {name}")).clicked() {
                        remove = Some(index);
                    }
                })
            });
            // Only when out of view: asking the row to scroll asks for another frame, and while
            // loading that would draw frames back to back instead of one a refresh.
            let in_view = ui.clip_rect().expand(1.0).contains_rect(chip.response.rect);
            if self.reveal_file == Some(index) && !in_view {
                // At once, not animated: the chip grows as its calls are counted.
                chip.response.scroll_to_me_animation(Some(egui::Align::Max), egui::style::ScrollAnimation::none());
            }
        }
        // The row follows the file being loaded until it is done.
        if !self.is_loading() {
            self.reveal_file = None;
        }
        if let Some(index) = filter_file {
            let file = if self.settings.filter.file == Some(index) { None } else { Some(index) };
            self.set_filter(Filter { file, ..self.settings.filter.clone() });
        }
        if let Some(index) = remove {
            self.remove_file(ui.ctx(), index);
        }
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(progress) = &self.progress {
                let fraction = if progress.total_bytes == 0 {
                    1.0
                } else {
                    progress.done_bytes as f32 / progress.total_bytes as f32
                };
                ui.label(format!("Loading {}", one_line(&progress.path.to_string_lossy())));
                ui.add(egui::ProgressBar::new(fraction).desired_width(200.0).show_percentage());
                ui.label(format!("{} MB · {} records", progress.done_bytes >> 20, style::thousands(progress.records)));
                if ui.button("Cancel").clicked()
                    && let Some(loader) = &self.loader
                {
                    loader.cancel();
                }
            } else if let Some(found) = self.listing {
                ui.label(format!("Listing {} files…", style::thousands(found)));
                if ui.button("Cancel").clicked()
                    && let Some(loader) = &self.loader
                {
                    loader.cancel();
                }
            } else if self.is_loading() {
                // No spinner: it asks for a frame after every frame, and this moment (before a
                // file's first bytes, or after its last while the last view is worked out) is short.
                ui.label("Loading…");
            } else {
                ui.label(format!("{} file(s) · {} calls", self.store.files.len(), style::thousands(self.store.len())));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.settings_ui(ui);
            });
        });
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("Settings", |ui| {
            ui.label("Account email (for support requests)");
            ui.add(egui::TextEdit::singleline(&mut self.settings.account_email).hint_text("you@company.example"));
            ui.separator();
            ui.label("Theme");
            for (theme, label) in [(Theme::System, "Follow system"), (Theme::Dark, "Dark"), (Theme::Light, "Light")] {
                if ui.radio_value(&mut self.settings.theme, theme, label).clicked() {
                    style::apply(ui.ctx(), theme);
                }
            }
        });
    }

    fn skipped_window_ui(&mut self, ctx: &egui::Context) {
        let Some(index) = self.skipped_window else { return };
        let Some(file) = self.store.files.get(index) else {
            self.skipped_window = None;
            return;
        };
        let mut open = true;
        let title = format!("Skipped lines: {}", one_line(&file.path.to_string_lossy()));
        let help = self.no_calls_help.as_deref();
        egui::Window::new(title).open(&mut open).default_width(560.0).show(ctx, |ui| {
            if let Some(help) = help {
                // Logged lines are shown escaped (the explanation escapes them itself).
                egui::ScrollArea::vertical().id_salt("no calls").max_height(260.0).show(ui, |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(help).monospace()).wrap());
                });
                ui.separator();
            }
            let kept = file.skipped.len();
            ui.label(format!(
                "{} line(s) are not API calls and were not counted:",
                style::thousands(file.skipped_count)
            ));
            if kept < file.skipped_count {
                ui.weak(format!("The first {} are listed.", style::thousands(kept)));
            }
            let row_height = ui.text_style_height(&egui::TextStyle::Body);
            // Only the visible rows are laid out: a file of garbage keeps 10,000 of them.
            egui::ScrollArea::vertical().max_height(320.0).auto_shrink([false, true]).show_rows(
                ui,
                row_height,
                kept,
                |ui, range| {
                    for skipped in &file.skipped[range] {
                        ui.horizontal(|ui| {
                            ui.add_sized([90.0, row_height], egui::Label::new(format!("line {}", skipped.line)));
                            ui.label(&*one_line(&skipped.reason.to_string()));
                        });
                    }
                },
            );
        });
        if !open {
            self.skipped_window = None;
            self.no_calls_help = None;
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(notice) = &self.notice {
            ui.colored_label(ui.visuals().weak_text_color(), notice);
        }
        for message in &self.messages {
            // Errors name files and quote what was read.
            ui.colored_label(style::ERROR_RED, &*one_line(message));
        }
        if !self.messages.is_empty() && ui.small_button("Dismiss messages").clicked() {
            self.messages.clear();
        }
        if let Some(error) = &self.filter_error {
            ui.colored_label(style::ERROR_RED, error);
        }
        if self.store.files.is_empty() && !self.is_loading() {
            ui.centered_and_justified(|ui| ui.heading("Drop a log file here, or Open… (Ctrl+O)"));
            return;
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.page, Page::Overview, "Overview");
            ui.selectable_value(&mut self.page, Page::Records, "Records");
            if let Page::Group(kind) = self.page {
                let title = self.store.kind_info(kind).map_or_else(String::new, |info| info.title);
                ui.strong(format!("Group: {title}"));
            }
        });
        ui.separator();
        match self.page {
            Page::Overview => overview::ui(self, ui),
            Page::Records => records::table_ui(self, ui),
            Page::Group(kind) => groups::page_ui(self, ui, kind),
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame_started = std::time::Instant::now();
        let frame_cpu = self.frame_stats.as_ref().and_then(|_| frame_stats::thread_cpu_time());
        let ctx = ui.ctx().clone();
        self.poll_open_dialog(&ctx);
        self.poll_loader(&ctx);
        self.poll_view();
        self.handle_input(&ctx);
        self.refresh(&ctx);
        egui::Panel::top("top").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("groups").resizable(true).default_size(300.0).show(ui, |ui| groups::list_ui(self, ui));
        if self.selected_row.is_some() {
            egui::Panel::right("record").resizable(true).default_size(420.0).show(ui, |ui| record::panel_ui(self, ui));
        }
        egui::CentralPanel::default_margins().show(ui, |ui| self.central_ui(ui));
        self.skipped_window_ui(&ctx);
        email::window_ui(self, &ctx);
        drop_hint_ui(&ctx);
        if self.focus_filter {
            self.focus_filter = false;
            ctx.memory_mut(|memory| memory.request_focus(records::filter_id()));
        }
        if self.stale && !self.is_loading() {
            // The UI changed the filter this frame: draw the result on the next one. (While
            // loading, `refresh` schedules the next view itself: drawing every frame for blocks
            // that keep arriving would take a core from the parsing.)
            ctx.request_repaint();
        }
        let (loading, shown_calls) = (self.is_loading(), self.rows.len());
        if let Some(stats) = &mut self.frame_stats {
            let cpu = frame_cpu.zip(frame_stats::thread_cpu_time()).map(|(before, after)| after.saturating_sub(before));
            stats.record(frame_started.elapsed(), cpu, ctx.current_pass_index(), loading, shown_calls);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// While files are dragged over the window, says what dropping them does.
fn drop_hint_ui(ctx: &egui::Context) {
    let count = ctx.input(|input| input.raw.hovered_files.len());
    if count == 0 {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-hint")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(180));
    let text =
        if count == 1 { "Drop to open this file".to_string() } else { format!("Drop to open these {count} files") };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("{text} (folders: every log inside)"),
        egui::TextStyle::Heading.resolve(&ctx.global_style()),
        egui::Color32::WHITE,
    );
}

/// Starts the window (blocks until it closes).
///
/// OpenGL (glow) first: without a GPU, Mesa draws a frame of this window in about 20 ms of CPU
/// through OpenGL but about 150 ms through wgpu's Vulkan path, and loading shares those cores.
/// Where OpenGL cannot start, wgpu takes over; `ERRLENS_RENDERER=wgpu` asks for it outright.
pub fn run(options: Options) -> anyhow::Result<()> {
    let wgpu_asked = std::env::var("ERRLENS_RENDERER").is_ok_and(|renderer| renderer.eq_ignore_ascii_case("wgpu"));
    if wgpu_asked {
        return run_with(eframe::Renderer::Wgpu, options, &AtomicBool::new(false));
    }
    let started = AtomicBool::new(false);
    match run_with(eframe::Renderer::Glow, options.clone(), &started) {
        Err(error) if !started.load(Ordering::Relaxed) => {
            eprintln!("errlens: OpenGL is not available ({error}); drawing with wgpu instead");
            run_with(eframe::Renderer::Wgpu, options, &started)
        }
        result => result,
    }
}

/// Runs the window with one renderer; `started` is set once the app exists (a failure after that
/// is not the renderer's to retry).
fn run_with(renderer: eframe::Renderer, options: Options, started: &AtomicBool) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 820.0])
            .with_title("errlens")
            .with_app_id("errlens")
            .with_icon(Arc::new(icon::icon()))
            .with_drag_and_drop(true),
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        "errlens",
        native,
        Box::new(|cc| {
            started.store(true, Ordering::Relaxed);
            Ok(Box::new(App::new(cc, options)))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
