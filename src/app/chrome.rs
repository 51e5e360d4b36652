//! The window's chrome around the pages: the top bar (Open, Recent, Reload, a chip per file, the
//! filter bar), the status bar (loading progress, totals, Settings) and the hint shown while files
//! are dragged over the window.

use super::{App, records, style};
use crate::ingest;
use crate::output::text::one_line;
use crate::query::Filter;
use eframe::egui;

/// Lines of file chips at most; the files that do not fit are listed in a menu.
const FILE_LINES: usize = 2;
/// Room for the menu of the files left out ("+12 more files").
const MORE_FILES_WIDTH: f32 = 130.0;

/// A chip's width before it is first drawn (a name, a format, calls and skipped lines).
const FIRST_CHIP_WIDTH: f32 = 300.0;

/// What the file chips asked for.
#[derive(Default)]
struct FileActions {
    remove: Option<usize>,
    filter_file: Option<usize>,
}

impl App {
    /// Open, Recent, Reload and the files; the filter bar below.
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
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
            let compare = ui
                .add_enabled(self.compare_dialog.is_none(), egui::Button::new("Compare…"))
                .on_hover_text("Did the fix work? Open the logs from before it: the overview compares them with these")
                .on_disabled_hover_text("The Open dialog is showing");
            if compare.clicked() {
                self.compare_dialog(ui.ctx());
            }
        });
        self.files_ui(ui);
        ui.horizontal_wrapped(|ui| {
            let (cx, actions, _) = self.panels();
            records::filter_bar_ui(&cx, ui, actions);
        });
    }

    /// A chip per file: its format and calls, its skipped lines, a way to remove it. Every file
    /// is in sight: the chips go on as many lines as they need (a row that scrolls sideways hides
    /// most of them), on at most [`FILE_LINES`]; the rest are listed in a menu.
    fn files_ui(&mut self, ui: &mut egui::Ui) {
        let files = self.session.store.files.len();
        let mut actions = FileActions::default();
        // egui lays out a chip (a group of widgets) without wrapping it: the lines are cut here,
        // by each chip's width on the frame before.
        let width_id = |index: usize| egui::Id::unique(("file chip width", index));
        let available = ui.available_width();
        let gap = ui.spacing().item_spacing.x;
        let known_widths = |ctx: &egui::Context| {
            ctx.data(|data| (0..files).map(|index| data.get_temp::<f32>(width_id(index))).collect())
        };
        let widths: Vec<Option<f32>> = known_widths(ui.ctx());
        let lines = cut_chip_lines(&widths, available, gap);
        let chips: usize = lines.iter().map(Vec::len).sum();
        for (number, line) in lines.iter().enumerate() {
            ui.horizontal(|ui| {
                for &index in line {
                    let width = self.file_chip_ui(ui, index, &mut actions);
                    if widths[index].is_none_or(|known| (known - width).abs() > 0.5) {
                        ui.ctx().data_mut(|data| data.insert_temp(width_id(index), width));
                    }
                }
                if number + 1 == lines.len() && chips < files {
                    self.more_files_ui(ui, chips, &mut actions);
                }
            });
        }
        // A chip whose width changed (its count of calls grew while loading) is drawn again only
        // when the lines would be cut otherwise: a frame for nothing took the parsing threads'
        // core as a view's frame does (five a big file's load).
        if cut_chip_lines(&known_widths(ui.ctx()), available, gap) != lines {
            ui.ctx().request_repaint();
        }
        if let Some(index) = actions.filter_file {
            let file = if self.settings.filter.file == Some(index) { None } else { Some(index) };
            self.set_filter(Filter { file, ..self.settings.filter.clone() });
        }
        if let Some(index) = actions.remove {
            self.remove_file(ui.ctx(), index);
        }
    }

    /// The files past the chips, in a menu.
    fn more_files_ui(&mut self, ui: &mut egui::Ui, chips: usize, actions: &mut FileActions) {
        let files = self.session.store.files.len();
        ui.menu_button(format!("+{} more files", files - chips), |ui| {
            egui::ScrollArea::vertical().max_height(400.0).show(ui, |ui| {
                for index in chips..files {
                    ui.horizontal(|ui| self.file_chip_ui(ui, index, actions));
                }
            });
        });
    }

    /// One file's chip; returns its width.
    fn file_chip_ui(&mut self, ui: &mut egui::Ui, index: usize, actions: &mut FileActions) -> f32 {
        let loading = self.is_loading();
        let (remove, filter_file) = (&mut actions.remove, &mut actions.filter_file);
        let file = &self.session.store.files[index];
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
                            *filter_file = Some(index);
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
                                ingest::dead_end::explain(&file.path, format.name(), &file.skipped, file.skipped_count)
                            });
                        }
                    }
                    (None, None) => {}
                }
                if ui.small_button("×").on_hover_text(format!("Remove {name}")).clicked() {
                    *remove = Some(index);
                }
            })
        });
        chip.response.rect.width()
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(progress) = &self.session.progress {
                let fraction = if progress.total_bytes == 0 {
                    1.0
                } else {
                    progress.done_bytes as f32 / progress.total_bytes as f32
                };
                ui.label(format!("Loading {}", one_line(&progress.path.to_string_lossy())));
                ui.add(egui::ProgressBar::new(fraction).desired_width(200.0).show_percentage());
                ui.label(format!("{} MB · {} records", progress.done_bytes >> 20, style::thousands(progress.records)));
                if ui.button("Cancel").clicked() {
                    self.session.cancel();
                }
            } else if let Some(found) = self.session.listing {
                ui.label(format!("Listing {} files…", style::thousands(found)));
                if ui.button("Cancel").clicked() {
                    self.session.cancel();
                }
            } else if self.is_loading() {
                // No spinner: it asks for a frame after every frame, and this moment (before a
                // file's first bytes, or after its last while the last view is worked out) is short.
                ui.label("Loading…");
            } else {
                ui.label(format!(
                    "{} file(s) · {} calls",
                    self.session.store.files.len(),
                    style::thousands(self.session.store.len())
                ));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.settings_ui(ui);
            });
        });
    }
}

/// While files are dragged over the window, says what dropping them does.
pub(super) fn drop_hint_ui(ctx: &egui::Context) {
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

/// The files' chips cut into lines within `available` (each chip's width as drawn last, a
/// first guess for one never drawn), on at most [`FILE_LINES`]: the indexes of the chips on
/// each line. When not all fit, the last line leaves room for the menu of the others.
fn cut_chip_lines(widths: &[Option<f32>], available: f32, gap: f32) -> Vec<Vec<usize>> {
    let width_of = |index: usize| widths[index].unwrap_or(FIRST_CHIP_WIDTH);
    let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    for index in 0..widths.len() {
        let width = width_of(index);
        if used + width > available && lines.last().is_some_and(|line| !line.is_empty()) {
            if lines.len() == FILE_LINES {
                break;
            }
            lines.push(Vec::new());
            used = 0.0;
        }
        used += width + gap;
        if let Some(line) = lines.last_mut() {
            line.push(index);
        }
    }
    let chips: usize = lines.iter().map(Vec::len).sum();
    if chips < widths.len() {
        // The last line makes room for the menu of the files left out.
        while used + MORE_FILES_WIDTH > available
            && let Some(line) = lines.last_mut().filter(|line| line.len() > 1)
            && let Some(index) = line.pop()
        {
            used -= width_of(index) + gap;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_are_cut_into_lines_by_their_widths_with_room_for_the_menu() {
        let widths = |list: &[f32]| list.iter().map(|&width| Some(width)).collect::<Vec<_>>();
        assert_eq!(cut_chip_lines(&widths(&[100.0, 100.0, 100.0]), 250.0, 10.0), [vec![0, 1], vec![2]]);
        // A wider count on the same line leaves the cut as it was: no frame is asked for it.
        assert_eq!(cut_chip_lines(&widths(&[112.0, 100.0, 100.0]), 250.0, 10.0), [vec![0, 1], vec![2]]);
        assert_eq!(cut_chip_lines(&widths(&[160.0, 100.0, 100.0]), 250.0, 10.0), [vec![0], vec![1, 2]]);
        // Past two lines the last one makes room for the menu of the files left out.
        let five = widths(&[100.0; 5]);
        assert_eq!(cut_chip_lines(&five, 250.0, 10.0), [vec![0, 1], vec![2]]);
        // A chip never drawn is guessed at its first width.
        assert_eq!(cut_chip_lines(&[None, Some(100.0)], 350.0, 10.0), [vec![0], vec![1]]);
    }
}
