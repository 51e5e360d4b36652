//! Groups: the list of failure kinds in the left panel ([`super::group_page`] shows one).

use super::context::{Action, Actions, PanelContext};
use super::{GroupOrder, Page, style};
use crate::output::text::one_line;
use crate::summary::Group;
use eframe::egui;

fn sparkline(ui: &mut egui::Ui, values: &[u32], color: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(64.0, 14.0), egui::Sense::hover());
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f32;
    let width = rect.width() / values.len().max(1) as f32;
    for (index, value) in values.iter().enumerate() {
        let height = rect.height() * (*value as f32 / max);
        let x = rect.left() + index as f32 * width;
        let bar =
            egui::Rect::from_min_max(egui::pos2(x, rect.bottom() - height), egui::pos2(x + width - 1.0, rect.bottom()));
        ui.painter().rect_filled(bar, 0.0, color);
    }
}

pub fn span_text(group: &Group) -> String {
    match group.span_ms {
        Some((first, last)) => format!("{} – {}", short_time(first), short_time(last)),
        None => "no times".to_string(),
    }
}

fn short_time(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|t| t.with_timezone(&chrono::Local).format("%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// The left panel: groups, most frequent (or most recent) first.
pub fn list_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    ui.horizontal(|ui| {
        ui.heading("Groups");
        let mut order = cx.settings.group_order;
        ui.selectable_value(&mut order, GroupOrder::Count, "by count");
        ui.selectable_value(&mut order, GroupOrder::Recent, "by recency");
        if order != cx.settings.group_order {
            actions.push(Action::SetGroupOrder(order));
        }
    });
    let Some(summary) = &cx.view.summary else { return };
    if summary.groups.is_empty() {
        ui.label("No failed calls.");
        return;
    }
    let mut groups: Vec<&Group> = summary.groups.iter().collect();
    if cx.settings.group_order == GroupOrder::Recent {
        groups.sort_by_key(|group| std::cmp::Reverse(group.span_ms.map_or(i64::MIN, |(_, last)| last)));
    }
    let mut chosen = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for group in groups {
            let selected = cx.page == Page::Group(group.kind_index);
            // An id of its own, not one counted from the rows above: rows reorder as counts
            // change, and a button egui has not seen before costs another frame to style.
            let row_id = egui::Id::unique(("group row", &group.kind));
            let response = ui
                .scope_builder(egui::UiBuilder::new().scope_id(row_id), |ui| {
                    ui.horizontal(|ui| {
                        style::status_badge(ui, group.status);
                        let text = format!("{} · {}", one_line(&group.title), style::thousands(group.count));
                        ui.selectable_label(selected, egui::RichText::new(text).strong())
                    })
                    .inner
                })
                .inner;
            ui.horizontal(|ui| {
                ui.add_space(8.0);
                ui.weak(span_text(group));
                if let Some(trend) = cx.view.trends.get(&group.kind_index) {
                    sparkline(ui, trend, style::status_color(group.status));
                }
            });
            ui.add_space(4.0);
            if response.clicked() {
                chosen = Some(group.kind_index);
            }
        }
    });
    if let Some(kind) = chosen {
        actions.push(Action::ShowPage(Page::Group(kind)));
    }
    // Arrow keys move through the groups when no text field has focus.
    if !ui.ctx().egui_wants_keyboard_input()
        && let Page::Group(current) = cx.page
        && let Some(summary) = &cx.view.summary
    {
        let step = ui.input(|input| {
            i32::from(input.key_pressed(egui::Key::ArrowDown)) - i32::from(input.key_pressed(egui::Key::ArrowUp))
        });
        let position = summary.groups.iter().position(|group| group.kind_index == current);
        if step != 0
            && cx.selected_row.is_none()
            && let Some(position) = position
        {
            let next = (position as i32 + step).clamp(0, summary.groups.len() as i32 - 1) as usize;
            actions.push(Action::ShowPage(Page::Group(summary.groups[next].kind_index)));
        }
    }
}
