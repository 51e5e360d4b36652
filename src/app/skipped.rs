//! The skipped-lines window: the lines of one file that are not calls, each with its reason, and
//! for a file that gave no calls, its first lines and how to read it.

use super::{App, style};
use crate::output::text::one_line;
use eframe::egui;

impl App {
    /// The window, while a file's skipped lines are asked for.
    pub(super) fn skipped_window_ui(&mut self, ctx: &egui::Context) {
        let Some(index) = self.skipped_window else { return };
        let Some(file) = self.session.store.files.get(index) else {
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
}
