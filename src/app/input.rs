//! Input that is not a widget's: dropped files, keyboard shortcuts (Ctrl+O, Ctrl+F, Esc) and the
//! Open dialog, which runs on its own thread.

use super::{App, Page, dialog};
use crate::query::Filter;
use eframe::egui;
use std::path::PathBuf;

impl App {
    /// Files dropped on the window and shortcuts.
    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
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

    /// Shows the Open dialog, unless it is showing.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) {
        if self.open_dialog.is_none() {
            self.open_dialog = Some(dialog::open_logs(ctx));
        }
    }

    /// Shows the Open dialog for the files from before a change, unless it is showing.
    pub(super) fn compare_dialog(&mut self, ctx: &egui::Context) {
        if self.compare_dialog.is_none() {
            self.compare_dialog = Some(dialog::open_logs(ctx));
        }
    }

    /// Opens what was chosen in the Open dialogs, once they closed.
    pub(super) fn poll_open_dialog(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.compare_dialog.as_ref().and_then(dialog::Pending::poll) {
            self.compare_dialog = None;
            match outcome {
                dialog::Outcome::Chosen(files) => self.compare_with(ctx, files),
                dialog::Outcome::Cancelled => {}
                dialog::Outcome::Unavailable => self.notice = Some(dialog::NO_DIALOG_HINT.to_string()),
            }
        }
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
}
