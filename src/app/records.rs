//! The records table (virtualized: only visible rows are drawn) and the filter bar.

use super::context::{Action, Actions, PanelContext};
use super::style;
use crate::output::text::one_line;
use crate::query::{Filter, StatusClass};
use crate::store::{NO_TIME, NONE};
use crate::view::SortColumn;
use eframe::egui;
use egui_extras::{Column as TableColumn, TableBuilder};

/// The filter text field's id (Ctrl+F focuses it).
pub fn filter_id() -> egui::Id {
    egui::Id::unique("filter_text")
}

/// Filter text, regex toggle, status classes, and the active filters with a way to clear them.
pub fn filter_bar_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    let mut filter = cx.filter().clone();
    ui.label("Filter");
    ui.add(
        egui::TextEdit::singleline(&mut filter.text).id(filter_id()).hint_text("Filter… (Ctrl+F)").desired_width(220.0),
    )
    .on_hover_text("Matches endpoint, message, kind, status and file name");
    ui.checkbox(&mut filter.regex, "regex");
    ui.checkbox(&mut filter.failures_only, "failures only");
    for class in [StatusClass::Client, StatusClass::Server, StatusClass::NoResponse, StatusClass::Success] {
        let selected = filter.status_class == Some(class);
        if ui.selectable_label(selected, class.label()).clicked() {
            filter.status_class = if selected { None } else { Some(class) };
        }
    }
    /// An active filter: its label and how to remove it.
    type Chip = (String, fn(&mut Filter));
    let mut chips: Vec<Chip> = Vec::new();
    if let Some(status) = filter.status {
        chips.push((format!("status {status}"), |f| f.status = None));
    }
    if let Some(kind) = &filter.kind {
        chips.push((format!("kind {kind}"), |f| f.kind = None));
    }
    if let Some(endpoint) = &filter.endpoint {
        chips.push((format!("endpoint {endpoint}"), |f| f.endpoint = None));
    }
    if filter.from_ms.is_some() || filter.to_ms.is_some() {
        let end = |ms: Option<i64>| ms.map_or_else(|| "…".to_string(), style::local_time);
        chips.push((format!("time {} – {}", end(filter.from_ms), end(filter.to_ms)), |f| {
            f.from_ms = None;
            f.to_ms = None;
        }));
    }
    if let Some(calls) = &filter.calls {
        chips.push((format!("{} ({} calls)", calls.label, calls.rows.len()), |f| f.calls = None));
    }
    if let Some(file) = filter.file.and_then(|index| cx.store.files.get(index)) {
        chips.push((format!("file {}", file.path.display()), |f| f.file = None));
    }
    for (label, clear) in chips {
        // The endpoint and file come from the log and the disk: shown on one line, escaped.
        if ui.button(format!("{} ×", one_line(&label))).on_hover_text("Remove this filter").clicked() {
            clear(&mut filter);
        }
    }
    if !filter.is_empty() {
        ui.label(format!("{} of {} calls", style::thousands(cx.view.rows.len()), style::thousands(cx.store.len())));
        if ui.button("Clear filters").on_hover_text("Esc").clicked() {
            filter = Filter { regex: filter.regex, ..Filter::default() };
        }
    }
    if filter != *cx.filter() {
        actions.push(Action::SetFilter(filter));
    }
}

fn header(ui: &mut egui::Ui, cx: &PanelContext, column: SortColumn, title: &str, actions: &mut Actions) {
    let arrow = match cx.view.sort {
        Some((sorted, true)) if sorted == column => " (asc)",
        Some((sorted, false)) if sorted == column => " (desc)",
        _ => "",
    };
    if ui.button(format!("{title}{arrow}")).on_hover_text(format!("Sort by {}", title.to_lowercase())).clicked() {
        actions.push(Action::Sort(column));
    }
}

/// The table of all calls that pass the filter.
/// `scroll_to` is a table position a keyboard move asked to show.
pub fn table_ui(cx: &PanelContext, ui: &mut egui::Ui, scroll_to: Option<usize>, actions: &mut Actions) {
    if cx.view.rows.is_empty() {
        ui.label("No calls match the filter. Esc clears it.");
        return;
    }
    ui.horizontal(|ui| {
        if let Some((done, total)) = cx.export_progress {
            let text = format!("Exporting… {} of {} calls", style::thousands(done), style::thousands(total));
            let bar = egui::ProgressBar::new(done as f32 / total.max(1) as f32).text(text).desired_width(320.0);
            ui.add(bar);
            if ui.button("Cancel").on_hover_text("Stop the export; nothing is written").clicked() {
                actions.push(Action::CancelExport);
            }
            return;
        }
        let export = ui.button(format!("Export… ({} calls)", style::thousands(cx.view.rows.len())));
        let hover = "These calls as Parquet, CSV, NDJSON or Arrow IPC, paths and messages redacted";
        if export.on_hover_text(hover).clicked() {
            actions.push(Action::ExportRows);
        }
        if let Some(status) = cx.export_status {
            ui.label(&*one_line(status));
        }
    });
    move_selection_with_keys(cx, ui, actions);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut clicked = None;
    let selected = cx.selected_row;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .column(TableColumn::exact(170.0))
        .column(TableColumn::initial(260.0).resizable(true).clip(true))
        .column(TableColumn::exact(64.0))
        .column(TableColumn::initial(160.0).resizable(true).clip(true))
        .column(TableColumn::remainder().clip(true))
        .column(TableColumn::exact(150.0));
    // Only a move by keyboard scrolls: scrolling to the selection every frame would pin the
    // table there and take the wheel away from the user.
    if let Some(position) = scroll_to {
        table = table.scroll_to_row(position, None);
    }
    table
        .header(row_height + 4.0, |mut header_row| {
            header_row.col(|ui| header(ui, cx, SortColumn::Time, "Time", actions));
            header_row.col(|ui| header(ui, cx, SortColumn::Endpoint, "Endpoint", actions));
            header_row.col(|ui| header(ui, cx, SortColumn::Status, "Status", actions));
            header_row.col(|ui| header(ui, cx, SortColumn::Kind, "Kind", actions));
            header_row.col(|ui| {
                ui.strong("Message");
            });
            header_row.col(|ui| {
                ui.strong("File:line");
            });
        })
        .body(|body| {
            let store = cx.store;
            body.rows(row_height, cx.view.rows.len(), |mut table_row| {
                let row = cx.view.rows[table_row.index()] as usize;
                table_row.set_selected(selected == Some(row as u32));
                let time = store.time_ms[row];
                table_row.col(|ui| {
                    ui.label(if time == NO_TIME { "-".to_string() } else { style::local_time(time) });
                });
                table_row.col(|ui| {
                    ui.label(&*one_line(store.endpoints.get(store.endpoint[row])));
                });
                table_row.col(|ui| {
                    style::status_badge(ui, store.status[row]);
                });
                table_row.col(|ui| {
                    ui.label(store.kind_id(row).unwrap_or("ok"));
                });
                table_row.col(|ui| {
                    let message = store.message[row];
                    ui.label(&*one_line(if message == NONE { "" } else { store.messages.get(message) }));
                });
                table_row.col(|ui| {
                    let file = &store.files[store.file[row] as usize];
                    let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    ui.label(format!("{}:{}", one_line(&name), store.line[row]));
                });
                if table_row.response().clicked() {
                    clicked = Some(row as u32);
                }
            });
        });
    if let Some(row) = clicked {
        actions.push(Action::Select(if selected == Some(row) { None } else { Some(row) }));
    }
}

/// A move through the table asked for with the keyboard.
enum Move {
    By(isize),
    First,
    Last,
}

fn move_selection_with_keys(cx: &PanelContext, ui: &egui::Ui, actions: &mut Actions) {
    if ui.ctx().egui_wants_keyboard_input() || cx.view.rows.is_empty() {
        return;
    }
    let page = (ui.available_height() / ui.text_style_height(&egui::TextStyle::Body)).max(1.0) as isize;
    let pressed = ui.input(|input| {
        [
            (egui::Key::ArrowDown, Move::By(1)),
            (egui::Key::ArrowUp, Move::By(-1)),
            (egui::Key::PageDown, Move::By(page)),
            (egui::Key::PageUp, Move::By(-page)),
            (egui::Key::Home, Move::First),
            (egui::Key::End, Move::Last),
        ]
        .into_iter()
        .find_map(|(key, move_)| input.key_pressed(key).then_some(move_))
    });
    let Some(pressed) = pressed else { return };
    let last = cx.view.rows.len() - 1;
    // Found only on a key press: a scan of millions of rows is no work for every frame.
    let position = cx.selected_row.and_then(|row| cx.view.rows.iter().position(|&r| r == row));
    let next = match pressed {
        Move::By(by) => position.map_or(0, |at| at.saturating_add_signed(by).min(last)),
        Move::First => 0,
        Move::Last => last,
    };
    if let Some(&row) = cx.view.rows.get(next) {
        actions.push(Action::SelectAndScroll { row, position: next });
    }
}
