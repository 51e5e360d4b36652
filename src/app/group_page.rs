//! One group's page: what it means and the documented fix beside its latest call and where its
//! failures come from, its failures over time, then its endpoints and messages.

use super::context::{Action, Actions, PanelContext};
use super::groups::span_text;
use super::style;
use crate::output::text::one_line;
use crate::query::Filter;
use crate::store::{NO_TIME, NONE};
use crate::summary::Group;
use crate::view::{KindDetail, TREND_BUCKETS};
use eframe::egui;
use egui_plot::{Bar, BarChart, Plot};

/// Files listed by name under "By file"; the rest are counted in one line.
const FILES_LISTED: usize = 6;

/// Draws the page of the group of kind `kind`.
pub fn ui(cx: &PanelContext, ui: &mut egui::Ui, kind: u32, actions: &mut Actions) {
    let Some(group) = cx.view.summary.as_ref().and_then(|s| s.groups.iter().find(|g| g.kind_index == kind)) else {
        ui.label("This group has no calls under the current filter.");
        return;
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal(|ui| {
            style::status_badge(ui, group.status);
            ui.heading(&*one_line(&group.title));
            ui.weak(format!("({})", one_line(&group.kind)));
        });
        ui.label(format!("{} failed calls · {}", style::thousands(group.count), span_text(group)));
        if let Some(audit) = cx.audit {
            let in_chains = audit.failures_in_chains(cx.store, kind);
            if in_chains > 0 {
                let text = format!(
                    "{} of this group's failures in all files are attempts of retry chains: see Integration health",
                    style::thousands(in_chains)
                );
                if ui.link(text).on_hover_text("How the client retries them").clicked() {
                    actions.push(Action::ShowPage(super::Page::Health));
                }
            }
        }
        if let Some(vendor) = &group.vendor {
            ui.weak(format!("Documented by {}", one_line(vendor)));
        }
        ui.horizontal(|ui| {
            if ui.button("Show records").on_hover_text("Filter the table to this group").clicked() {
                actions.push(Action::ShowRecords(Filter { kind: Some(group.kind.clone()), ..cx.filter().clone() }));
            }
            let compose = ui.button("Compose support email");
            if compose.on_hover_text("A pre-filled email to the vendor, with sensitive data removed").clicked() {
                actions.push(Action::ComposeEmail(kind));
            }
        });
        ui.add_space(6.0);
        ui.columns(2, |columns| {
            fix_ui(&mut columns[0], group);
            if let Some(detail) = cx.view.kinds.get(&kind) {
                latest_call_ui(cx, &mut columns[1], detail, actions);
                columns[1].add_space(6.0);
                by_file_ui(cx, &mut columns[1], group, detail, actions);
            }
        });
        ui.add_space(6.0);
        timeline_ui(cx, ui, group);
        ui.add_space(6.0);
        ui.columns(2, |columns| {
            columns[0].strong("Endpoints");
            for endpoint in &group.endpoints {
                columns[0].label(format!("{} · {}", one_line(&endpoint.endpoint), style::thousands(endpoint.count)));
            }
            columns[1].strong("Messages");
            for message in &group.messages {
                columns[1].label(format!("{} · {}", one_line(&message.message), style::thousands(message.count)));
            }
        });
    });
}

/// What it means, the documented fix and when to retry.
fn fix_ui(ui: &mut egui::Ui, group: &Group) {
    ui.strong("What it means");
    ui.label(&group.meaning);
    ui.add_space(6.0);
    ui.strong("How to fix it");
    for (step, text) in group.fix.iter().enumerate() {
        ui.label(format!("{}. {text}", step + 1));
    }
    ui.add_space(6.0);
    ui.strong("Retry");
    ui.label(group.retry.advice());
    if !group.retry_after.is_empty() {
        let seen: Vec<String> =
            group.retry_after.iter().map(|(value, count)| format!("{} s ({count}×)", one_line(value))).collect();
        ui.label(format!("Retry-After seen: {}", seen.join(", ")));
    }
}

/// The group's latest call in one line from the store's columns (nothing read back from the
/// file on a frame), and a way to open it.
fn latest_call_ui(cx: &PanelContext, ui: &mut egui::Ui, detail: &KindDetail, actions: &mut Actions) {
    let row = detail.latest_row as usize;
    let store = cx.store;
    ui.strong("Latest call");
    let time = store.time_ms[row];
    let when = if time == NO_TIME { "no time".to_string() } else { style::local_time(time) };
    ui.horizontal_wrapped(|ui| {
        style::status_badge(ui, store.status[row]);
        ui.label(format!("{} · {when}", one_line(store.endpoints.get(store.endpoint[row]))));
    });
    let message = store.message[row];
    if message != NONE {
        ui.label(format!("“{}”", one_line(store.messages.get(message))));
    }
    let file = &store.files[store.file[row] as usize];
    let name = file.path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.weak(format!("{}:{}", one_line(&name), store.line[row]));
        if ui.button("Open this call").on_hover_text("Request and response in the side panel").clicked() {
            actions.push(Action::Select(Some(detail.latest_row)));
        }
    });
}

/// The files the group's failures come from, most first; a click filters to the group in that file.
fn by_file_ui(cx: &PanelContext, ui: &mut egui::Ui, group: &Group, detail: &KindDetail, actions: &mut Actions) {
    ui.strong(format!("By file ({})", detail.by_file.len()));
    for &(file, count) in detail.by_file.iter().take(FILES_LISTED) {
        let Some(source) = cx.store.files.get(file as usize) else { continue };
        let name = source.path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let link = ui.link(format!("{} · {}", one_line(&name), style::thousands(count)));
        if link
            .on_hover_text(format!("Show this group's calls in {}", one_line(&source.path.to_string_lossy())))
            .clicked()
        {
            let filter = Filter { kind: Some(group.kind.clone()), file: Some(file as usize), ..cx.filter().clone() };
            actions.push(Action::ShowRecords(filter));
        }
    }
    let (more_files, more_calls) =
        detail.by_file.iter().skip(FILES_LISTED).fold((0, 0), |(files, calls), (_, count)| (files + 1, calls + count));
    if more_files > 0 {
        ui.weak(format!("and {more_files} more file(s) with {} calls", style::thousands(more_calls)));
    }
}

/// The group's failures over the view's time span (its trend, drawn large).
fn timeline_ui(cx: &PanelContext, ui: &mut egui::Ui, group: &Group) {
    ui.strong("Its failures over time");
    let (Some(trend), Some((first, last))) = (cx.view.trends.get(&group.kind_index), cx.view.span) else {
        ui.weak("No failure of this group has a time.");
        return;
    };
    let step_ms = (last - first) as f64 / (TREND_BUCKETS - 1) as f64;
    let color = style::status_color(group.status);
    let bars: Vec<Bar> = trend
        .iter()
        .enumerate()
        .map(|(at, count)| Bar::new(at as f64, f64::from(*count)).width(0.8).fill(color))
        .collect();
    let time_format = if last - first > 2 * 86_400_000 { "%m-%d" } else { "%m-%d %H:%M" };
    let response = Plot::new(("group timeline", group.kind_index))
        .height(110.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            chrono::DateTime::from_timestamp_millis(first + (mark.value * step_ms) as i64)
                .map(|t| t.with_timezone(&chrono::Local).format(time_format).to_string())
                .unwrap_or_default()
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new("failed calls", bars)));
    let label = "This group's failures over time chart";
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, label));
}
