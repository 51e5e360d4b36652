//! The desktop app: open logs, see what failed, how often, since when, and how to fix it.
//!
//! `App` is made of parts with their own files: the [`session`] (the files, the store and the
//! loader that fills it on its own thread), the [`view_state`] (what the current filter shows, and
//! the job that computes it on its own thread), the [`settings`] persisted with eframe storage,
//! and the window's chrome ([`chrome`], [`skipped`]) around the pages ([`overview`], [`records`],
//! [`groups`], [`record`], [`email`]). Each frame pumps the threads' results, handles [`input`],
//! starts a view if the data or the filter changed, then draws.

mod audit_state;
mod chrome;
mod compare_mode;
mod context;
mod dialog;
mod email;
mod export_rows;
mod frame_stats;
mod group_page;
mod groups;
mod health;
mod icon;
mod input;
mod loader;
mod overview;
mod record;
mod records;
mod session;
mod settings;
mod skipped;
mod style;
mod view_state;
mod window;

pub use session::Session;
pub use settings::{GroupOrder, Settings, Theme};
pub use view_state::ViewState;
pub use window::run;

use crate::knowledge::Knowledge;
use crate::output::text::one_line;
use crate::query::Filter;
use eframe::egui;
use std::path::PathBuf;

/// What threads ask for when they have something to show: egui answers a request for a repaint
/// "now" with two frames, one "after a moment" with one, and each frame costs a software renderer
/// ~20 ms of CPU that loading would use.
const ONE_FRAME_SOON: std::time::Duration = std::time::Duration::from_millis(1);

/// The call panel's width when it opens.
const RECORD_PANEL_WIDTH: f32 = 420.0;
/// The width the records table keeps beside the call panel: time, endpoint, status and the start
/// of the kind.
const TABLE_ROOM: f32 = 560.0;

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files from the command line; empty = the last session's, or the samples.
    pub files: Vec<PathBuf>,
    /// The bundled sample logs, opened on the first start.
    pub samples_dir: PathBuf,
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
    /// The audit: how the client treats failures.
    Health,
}

/// The errlens window.
pub struct App {
    /// Persisted settings.
    pub settings: Settings,
    /// The bundled sample logs, written to the cache folder ("Recent" opens them again).
    samples_dir: PathBuf,
    /// The files open, their calls and their loading.
    pub session: Session,
    /// What the current filter shows.
    pub view: ViewState,
    /// The audit of every loaded call.
    pub audit: audit_state::AuditState,
    /// "Export…" of the rows shown.
    pub export: export_rows::RowExport,
    /// The files from before a change, while comparing.
    pub compare: Option<compare_mode::CompareMode>,
    /// The central page.
    pub page: Page,
    /// The record shown in the side panel (a store row).
    pub selected_row: Option<u32>,
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
    /// The selected call as shown, read back and redacted once.
    pub shown_record: record::ShownRecord,
    /// A table position to scroll to on the next frame (set by moves with the keyboard).
    pub scroll_to_position: Option<usize>,
    focus_filter: bool,
    /// What the panels asked for this frame, applied once they are drawn.
    actions: context::Actions,
    open_dialog: Option<dialog::Pending<Vec<PathBuf>>>,
    /// The Open dialog for the files from before a change (compare mode).
    compare_dialog: Option<dialog::Pending<Vec<PathBuf>>>,
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
            session: Session::new(Knowledge::installed().clone()),
            view: ViewState::default(),
            audit: audit_state::AuditState::default(),
            compare: None,
            export: export_rows::RowExport::default(),
            page: Page::Overview,
            selected_row: None,
            messages: Vec::new(),
            notice: None,
            skipped_window: None,
            no_calls_help: None,
            shown_record: None,
            composer: None,
            scroll_to_position: None,
            focus_filter: false,
            actions: context::Actions::default(),
            open_dialog: None,
            compare_dialog: None,
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
        self.session.is_loading()
    }

    /// Opens files and folders (the loading thread lists a folder's files); `replace` starts a
    /// new session.
    pub fn open(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>, replace: bool) {
        if replace {
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
        self.view.stale |= self.session.open(ctx, paths, replace);
        if replace {
            // An audit of the files let go of would be read as one of the new ones.
            self.audit = audit_state::AuditState::default();
        }
        self.audit.invalidate();
        if let Some(compare) = &mut self.compare {
            compare.invalidate();
        }
    }

    /// Compares the files open with `paths`, the logs from before a change (compare mode).
    pub fn compare_with(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        let knowledge = Knowledge::clone(&self.session.store.knowledge);
        self.compare = Some(compare_mode::CompareMode::start(ctx, knowledge, paths));
        self.page = Page::Overview;
    }

    /// Removes one file from the session (the rest is read again).
    pub fn remove_file(&mut self, ctx: &egui::Context, index: usize) {
        let mut files = self.session.paths();
        if index < files.len() {
            files.remove(index);
        }
        self.open(ctx, files, true);
    }

    /// Reads every file of the session again.
    pub fn reload(&mut self, ctx: &egui::Context) {
        let files = self.session.paths();
        self.open(ctx, files, true);
    }

    /// Changes the filter; views recompute on the next frame.
    pub fn set_filter(&mut self, filter: Filter) {
        if filter != self.settings.filter {
            self.settings.filter = filter;
            self.view.stale = true;
        }
    }

    /// Opens the support-email composer for a group, quoting its most recent call.
    pub fn compose_email(&mut self, kind: u32) {
        self.composer = Some(email::Composer::new(kind, None));
    }

    /// Opens the composer for the group of one call, quoting that call.
    pub fn compose_email_for_row(&mut self, row: u32) {
        self.composer = Some(email::Composer::for_row(&self.session.store, row));
    }

    /// What panels may read, where they put their actions, and the call panel's own state.
    fn panels(&mut self) -> (context::PanelContext<'_>, &mut context::Actions, &mut record::ShownRecord) {
        let cx = context::PanelContext {
            store: &self.session.store,
            view: &self.view,
            settings: &self.settings,
            page: self.page,
            selected_row: self.selected_row,
            audit: self.audit.audit.as_deref(),
            export_status: self.export.status.as_deref(),
            export_progress: self.export.progress(),
            compare: self.compare.as_ref(),
        };
        (cx, &mut self.actions, &mut self.shown_record)
    }

    /// Applies what the panels asked for this frame.
    fn apply_actions(&mut self, ctx: &egui::Context) {
        use context::Action;
        let actions = self.actions.take();
        if !actions.is_empty() {
            // What changed is drawn on the next frame.
            ctx.request_repaint();
        }
        for action in actions {
            match action {
                Action::SetFilter(filter) => self.set_filter(filter),
                Action::ShowRecords(filter) => {
                    self.set_filter(filter);
                    self.page = Page::Records;
                }
                Action::ShowPage(page) => self.page = page,
                Action::Select(row) => self.selected_row = row,
                Action::SelectAndScroll { row, position } => {
                    self.selected_row = Some(row);
                    self.scroll_to_position = Some(position);
                }
                Action::Sort(column) => self.view.sort_by(&self.session.store, column),
                Action::SetGroupOrder(order) => self.settings.group_order = order,
                Action::ComposeEmail(kind) => self.compose_email(kind),
                Action::ComposeEmailForRow(row) => self.compose_email_for_row(row),
                Action::Reload => self.reload(ctx),
                Action::StopComparing => self.compare = None,
                Action::ExportRows => self.export.start(ctx, &self.session.store, self.view.rows.clone()),
                Action::CancelExport => self.export.cancel(),
            }
        }
    }

    /// Whether files are loading or a view is being computed.
    pub fn is_busy(&self) -> bool {
        self.is_loading()
            || self.view.is_busy()
            || self.audit.is_busy()
            || self.export.is_busy()
            || self.compare.as_ref().is_some_and(compare_mode::CompareMode::is_busy)
            || self.composer.as_ref().is_some_and(email::Composer::is_busy)
    }

    /// Takes what the threads finished (the Open dialog, the loader, the view job), handles
    /// input, and starts the next view if the data or the filter changed.
    fn pump(&mut self, ctx: &egui::Context) {
        self.poll_open_dialog(ctx);
        if self.session.pump(ctx, &mut self.messages) {
            self.view.stale = true;
            self.audit.invalidate();
            if let Some(compare) = &mut self.compare {
                compare.invalidate();
            }
        }
        if self.session.last_blocks_wait() {
            self.view.hurry();
        }
        self.view.poll();
        self.handle_input(ctx);
        let loading = self.is_loading();
        // The audit begins once the view of every loaded call is shown: the counts first.
        self.audit.pump(ctx, &self.session.store, loading || self.view.is_busy(), &mut self.messages);
        self.export.pump(ctx, &self.session.store);
        if let Some(compare) = &mut self.compare {
            compare.pump(ctx, &self.session.store, loading, &mut self.messages);
        }
        self.view.refresh(ctx, &self.session.store, &self.settings.filter, loading, &mut self.messages);
    }

    /// Messages, the page tabs and the page.
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
        if let Some(error) = &self.view.filter_error {
            ui.colored_label(style::ERROR_RED, error);
        }
        if self.session.store.files.is_empty() && !self.is_loading() {
            ui.centered_and_justified(|ui| ui.heading("Drop a log file here, or Open… (Ctrl+O)"));
            return;
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.page, Page::Overview, "Overview");
            ui.selectable_value(&mut self.page, Page::Records, "Records");
            ui.selectable_value(&mut self.page, Page::Health, "Integration health")
                .on_hover_text("How the client retries and checks statuses, against the vendor's best practices");
            if let Page::Group(kind) = self.page {
                let title = self.session.store.kind_info(kind).map_or_else(String::new, |info| info.title);
                ui.strong(format!("Group: {title}"));
            }
        });
        ui.separator();
        let scroll_to = self.scroll_to_position.take();
        let (cx, actions, _) = self.panels();
        match cx.page {
            Page::Overview => overview::ui(&cx, ui, actions),
            Page::Records => records::table_ui(&cx, ui, scroll_to, actions),
            Page::Group(kind) => group_page::ui(&cx, ui, kind, actions),
            Page::Health => health::ui(&cx, ui, actions),
        }
    }
}

/// What the window is cleared to before a frame is drawn: the panels' color, which they do not
/// fill themselves ([`style::unfilled_panels`]). A renderer that does not clear to it
/// (egui_kittest's clears to transparent) draws it first to show what the window shows.
pub fn window_background(visuals: &egui::Visuals) -> egui::Color32 {
    visuals.panel_fill
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame_started = std::time::Instant::now();
        let frame_cpu = self.frame_stats.as_ref().and_then(|_| frame_stats::thread_cpu_time());
        let ctx = ui.ctx().clone();
        self.pump(&ctx);
        let (side, central) = style::unfilled_panels(ui.style());
        egui::Panel::top("top").frame(side).show(ui, |ui| style::on_panel_fill(ui, |ui| self.top_bar_ui(ui)));
        egui::Panel::bottom("status").frame(side).show(ui, |ui| style::on_panel_fill(ui, |ui| self.status_bar_ui(ui)));
        egui::Panel::left("groups").frame(side).resizable(true).default_size(300.0).show(ui, |ui| {
            style::on_panel_fill(ui, |ui| {
                let (cx, actions, _) = self.panels();
                groups::list_ui(&cx, ui, actions);
            });
        });
        if self.selected_row.is_some() {
            // The call's panel leaves the records table room for its columns; wider content (a
            // long URL or header) wraps or scrolls inside the panel instead of squeezing the table.
            let widest = (ui.available_width() - TABLE_ROOM).max(RECORD_PANEL_WIDTH);
            egui::Panel::right("record")
                .frame(side)
                .resizable(true)
                .default_size(RECORD_PANEL_WIDTH)
                .max_size(widest)
                .show(ui, |ui| {
                    style::on_panel_fill(ui, |ui| {
                        let (cx, actions, shown) = self.panels();
                        record::panel_ui(&cx, ui, shown, actions);
                    });
                });
        }
        egui::CentralPanel::default_margins().frame(central).show(ui, |ui| {
            style::on_panel_fill(ui, |ui| {
                // All of the panel, as the central panel's own `Ui` is (a table's column lines
                // reach its bottom).
                ui.expand_to_include_rect(ui.max_rect());
                self.central_ui(ui)
            })
        });
        self.skipped_window_ui(&ctx);
        email::window_ui(self, &ctx);
        chrome::drop_hint_ui(&ctx);
        self.apply_actions(&ctx);
        if self.focus_filter {
            self.focus_filter = false;
            ctx.memory_mut(|memory| memory.request_focus(records::filter_id()));
        }
        if self.view.stale && !self.is_loading() {
            // The UI changed the filter this frame: draw the result on the next one. (While
            // loading, `refresh` schedules the next view itself: drawing every frame for blocks
            // that keep arriving would take a core from the parsing.)
            ctx.request_repaint();
        }
        // For the user a load ends when its last view is shown, not when its last block is read:
        // the view of the whole file is computed after that.
        let (loading, shown_calls) = (self.is_loading() || self.view.is_busy(), self.view.rows.len());
        if let Some(stats) = &mut self.frame_stats {
            let cpu = frame_cpu.zip(frame_stats::thread_cpu_time()).map(|(before, after)| after.saturating_sub(before));
            stats.record(frame_started.elapsed(), cpu, ctx.current_pass_index(), loading, shown_calls);
        }
    }

    /// The window is cleared to the panels' color, and the panels draw no fill of their own.
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        window_background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
