//! Colours and number formats shared by every view: a status has one colour everywhere.

use super::Theme;
use eframe::egui::{self, Color32};

/// Errors shown in the window.
pub const ERROR_RED: Color32 = Color32::from_rgb(0xd9, 0x48, 0x3b);

/// 4xx in the orange family, 5xx in the red family, no response in violet, success in green.
pub fn status_color(status: u16) -> Color32 {
    match status {
        0 => Color32::from_rgb(0x8e, 0x6c, 0xc8),
        400..=499 => {
            let shade = ((status - 400) % 7) as u8;
            Color32::from_rgb(0xf0 - shade * 6, 0x9a + shade * 8, 0x2a + shade * 6)
        }
        500..=599 => {
            let shade = ((status - 500) % 5) as u8;
            Color32::from_rgb(0xd9 - shade * 10, 0x3a + shade * 12, 0x3a + shade * 10)
        }
        _ => Color32::from_rgb(0x4c, 0xa8, 0x6a),
    }
}

/// `1234567` – `1,234,567`.
pub fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A UTC epoch-ms time in the local zone, with the zone shown.
pub fn local_time(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis).map_or_else(
        || "-".to_string(),
        |time| time.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S %:z").to_string(),
    )
}

/// Applies the theme.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::System => egui::ThemePreference::System,
        Theme::Dark => egui::ThemePreference::Dark,
        Theme::Light => egui::ThemePreference::Light,
    });
}

/// A small coloured status badge.
pub fn status_badge(ui: &mut egui::Ui, status: u16) -> egui::Response {
    let text = if status == 0 { "no resp".to_string() } else { status.to_string() };
    egui::Frame::new()
        .fill(status_color(status))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| ui.label(egui::RichText::new(text).color(Color32::BLACK).strong()))
        .response
}

/// The frames of the side and top panels and of the central panel, as egui makes them but
/// without their fill: the window is cleared to the panels' color ([`eframe::App::clear_color`]),
/// and fills over all of it were drawn again by every frame. Without a GPU (Mesa's software
/// renderer) that was a fill of a million pixels a frame on the cores that load the files: a
/// third of the renderer's CPU while a big file loads. A panel's contents go in
/// [`on_panel_fill`].
pub fn unfilled_panels(style: &egui::Style) -> (egui::Frame, egui::Frame) {
    (
        egui::Frame::side_top_panel(style).fill(egui::Color32::TRANSPARENT),
        egui::Frame::central_panel(style).fill(egui::Color32::TRANSPARENT),
    )
}

/// Runs `add` in a `Ui` whose background is the panels' color, as it was when the panel drew its
/// fill ([`unfilled_panels`]): scroll areas fade their edges into that color.
pub fn on_panel_fill<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let fill = egui::Frame::new().fill(ui.visuals().panel_fill);
    let background = egui::UiStackInfo::new(egui::UiKind::Frame).with_frame(fill);
    ui.scope_builder(egui::UiBuilder::new().ui_stack_info(background), add).inner
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_separators() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_204), "1,204");
        assert_eq!(super::thousands(12_345_678), "12,345,678");
    }
}
