//! What is remembered between runs (eframe storage), and the Settings menu that changes it.

use super::{App, style};
use crate::query::Filter;
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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

impl App {
    /// The Settings menu: the account email for support requests, and the theme.
    pub(super) fn settings_ui(&mut self, ui: &mut egui::Ui) {
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
}
