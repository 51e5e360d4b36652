//! Compare mode: "did the fix work?". A second set of files, the logs from before a change, is
//! loaded into a session of its own; once both sides are loaded, [`crate::compare::compare`] runs
//! on a named thread over snapshots of both stores, and the overview shows kind by kind what is
//! new, gone or still failing, with failure rates per 1,000 calls, and the practices side by side.

use super::context::{Action, Actions, PanelContext};
use super::session::Session;
use super::{ONE_FRAME_SOON, style};
use crate::audit::Verdict;
use crate::compare::{Change, Comparison};
use crate::knowledge::Knowledge;
use crate::output::text::one_line;
use crate::store::Store;
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The files from before, and their comparison with the files open.
pub struct CompareMode {
    /// The files from before a change, their calls and their loader.
    pub before: Session,
    /// The latest comparison, once both sides are loaded.
    pub comparison: Option<Comparison>,
    stale: bool,
    job: Option<Receiver<Comparison>>,
}

impl CompareMode {
    /// Starts loading `paths` as the files from before.
    pub fn start(ctx: &egui::Context, knowledge: Knowledge, paths: Vec<PathBuf>) -> Self {
        let mut before = Session::new(knowledge);
        before.open(ctx, paths, true);
        Self { before, comparison: None, stale: true, job: None }
    }

    /// Whether the files from before load, or a comparison is due or being computed.
    pub fn is_busy(&self) -> bool {
        self.before.is_loading() || self.stale || self.job.is_some()
    }

    /// The files open changed: compare again once they are loaded.
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// Adds the files from before as they load, takes a finished comparison, and starts the next
    /// once both sides are loaded.
    pub fn pump(&mut self, ctx: &egui::Context, after: &Arc<Store>, after_loading: bool, messages: &mut Vec<String>) {
        self.stale |= self.before.pump(ctx, messages);
        if let Some(comparison) = self.job.as_ref().and_then(|job| job.try_recv().ok()) {
            self.job = None;
            self.comparison = Some(comparison);
        }
        if !self.stale || after_loading || self.before.is_loading() || self.job.is_some() {
            return;
        }
        self.stale = false;
        let (sender, receiver) = channel();
        let (before, after, repaint) = (Arc::clone(&self.before.store), Arc::clone(after), ctx.clone());
        let started = std::thread::Builder::new().name("errlens-compare".into()).spawn(move || {
            let comparison = crate::compare::compare(&before, &after);
            // Let go of the snapshots first: each window part adds loaded blocks once it holds its store alone.
            drop((before, after));
            let _ = sender.send(comparison);
            repaint.request_repaint_after(ONE_FRAME_SOON);
        });
        match started {
            Ok(_) => self.job = Some(receiver),
            Err(error) => messages.push(format!("cannot start a worker thread: {error}")),
        }
    }
}

fn verdict_text(verdict: Verdict) -> (&'static str, egui::Color32) {
    match verdict {
        Verdict::Followed => ("followed", super::health::FOLLOWED_GREEN),
        Verdict::NotFollowed => ("not followed", style::ERROR_RED),
        Verdict::NotSeen => ("not seen", egui::Color32::GRAY),
    }
}

/// The comparison at the top of the overview.
pub fn overview_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    let Some(compare) = cx.compare else { return };
    ui.horizontal(|ui| {
        ui.strong(format!(
            "Before and after: {} earlier file(s), {} calls, compared with the {} file(s) open",
            compare.before.store.files.len(),
            style::thousands(compare.before.store.len()),
            cx.store.files.len()
        ));
        if ui.button("Stop comparing").clicked() {
            actions.push(Action::StopComparing);
        }
    });
    let Some(comparison) = &compare.comparison else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Comparing once both sides are loaded…");
        });
        return;
    };
    let (before, after) = (&comparison.before, &comparison.after);
    ui.label(format!(
        "Failures per 1,000 calls: {:.1} before ({} of {}), {:.1} after ({} of {})",
        before.failures_per_1000,
        style::thousands(before.failures),
        style::thousands(before.calls),
        after.failures_per_1000,
        style::thousands(after.failures),
        style::thousands(after.calls)
    ));
    ui.columns(2, |columns| {
        egui::Grid::new("compare kinds").striped(true).num_columns(4).show(&mut columns[0], |ui| {
            for header in ["Kind", "", "before /1000", "after /1000"] {
                ui.strong(header);
            }
            ui.end_row();
            for kind in &comparison.kinds {
                ui.horizontal(|ui| {
                    style::status_badge(ui, kind.status);
                    ui.label(&*one_line(&kind.title));
                });
                let (word, color) = match kind.change {
                    Change::New => ("new", style::ERROR_RED),
                    Change::StillFailing => ("still failing", egui::Color32::from_rgb(0xe8, 0x9c, 0x2a)),
                    Change::Gone => ("gone", super::health::FOLLOWED_GREEN),
                };
                ui.colored_label(color, word);
                ui.label(format!("{:.1} ({})", kind.before_per_1000, kind.before));
                ui.label(format!("{:.1} ({})", kind.after_per_1000, kind.after));
                ui.end_row();
            }
        });
        egui::Grid::new("compare practices").striped(true).num_columns(3).show(&mut columns[1], |ui| {
            for header in ["Practice", "before", "after"] {
                ui.strong(header);
            }
            ui.end_row();
            for practice in &comparison.practices {
                ui.label(&practice.title);
                for verdict in [practice.before, practice.after] {
                    let (word, color) = verdict_text(verdict);
                    ui.colored_label(color, word);
                }
                ui.end_row();
            }
        });
    });
    ui.separator();
}
