//! One call in the side panel: request and response with headers and bodies, where it came from,
//! and copy buttons. Credentials and customers' personal data are redacted here unless revealed.

use super::{App, style};
use crate::record::{Message, Record};
use crate::redact::Redactor;
use eframe::egui;

/// Header names whose values are credentials.
const SECRET_HEADERS: &[&str] =
    &["authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie", "x-auth-token"];

fn mask_header(name: &str, value: &str) -> String {
    if !SECRET_HEADERS.iter().any(|secret| secret.eq_ignore_ascii_case(name)) {
        return value.to_string();
    }
    match value.split_once(' ') {
        Some((scheme, _)) if name.eq_ignore_ascii_case("authorization") => format!("{scheme} [authorization]"),
        _ => "[hidden]".to_string(),
    }
}

/// The call as a cURL command (with the credentials as shown).
pub fn as_curl(record: &Record, mask: bool) -> String {
    let mut command =
        format!("curl -X {} '{}'", record.method.as_deref().unwrap_or("GET"), record.url.as_deref().unwrap_or("/"));
    for (name, value) in &record.request.headers {
        if name.starts_with(':') {
            continue;
        }
        let value = if mask { mask_header(name, value) } else { value.clone() };
        command.push_str(&format!(" \\\n  -H '{name}: {}'", value.replace('\'', "'\\''")));
    }
    if let Some(body) = &record.request.body {
        command.push_str(&format!(" \\\n  --data '{}'", body.replace('\'', "'\\''")));
    }
    command
}

/// The message as shown: redacted (credentials and customers' personal data) unless revealed.
fn shown(message: &Message, redactor: Option<&Redactor>) -> Message {
    let Some(redactor) = redactor else { return message.clone() };
    Message {
        headers: redactor.redact_headers(&message.headers).value,
        body: message.body.as_deref().map(|body| redactor.redact_body(body).value),
    }
}

fn message_ui(ui: &mut egui::Ui, title: &str, message: &Message, redactor: Option<&Redactor>) {
    let message = &shown(message, redactor);
    egui::CollapsingHeader::new(format!("{title} headers ({})", message.headers.len())).default_open(false).show(
        ui,
        |ui| {
            egui::Grid::new(title).striped(true).show(ui, |ui| {
                for (name, value) in &message.headers {
                    ui.monospace(name);
                    ui.monospace(value);
                    ui.end_row();
                }
            });
        },
    );
    let Some(body) = &message.body else {
        ui.weak(format!("{title}: no body logged"));
        return;
    };
    egui::CollapsingHeader::new(format!("{title} body")).default_open(true).show(ui, |ui| {
        let pretty = serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|value| serde_json::to_string_pretty(&value).ok())
            .unwrap_or_else(|| body.clone());
        ui.add(egui::Label::new(egui::RichText::new(pretty).monospace()).wrap());
    });
}

/// The record side panel.
pub fn panel_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some(row) = app.selected_row else { return };
    let Some(record) = app.store.record(row as usize) else {
        ui.colored_label(style::ERROR_RED, "This call can no longer be read from its file.");
        return;
    };
    let mask = !ui.ctx().data(|data| data.get_temp::<bool>(egui::Id::unique("reveal_secrets")).unwrap_or(false));
    ui.horizontal(|ui| {
        ui.heading("Call");
        if ui.button("×").on_hover_text("Close the call").clicked() {
            app.selected_row = None;
        }
    });
    ui.horizontal(|ui| {
        style::status_badge(ui, record.status);
        ui.strong(format!(
            "{} {}",
            record.method.as_deref().unwrap_or("?"),
            record.url.as_deref().unwrap_or("(unknown path)")
        ));
    });
    let file = &app.store.files[app.store.file[row as usize] as usize];
    ui.label(format!("{}:{}", file.path.display(), record.source.line));
    if let Some(time) = record.time_ms {
        ui.label(style::local_time(time));
    }
    if let Some(kind) = app.store.kind_id(row as usize) {
        ui.label(format!("kind: {kind}"));
    }
    if let Some(message) = &record.message {
        ui.label(format!("message: {message}"));
    }
    if let Some(id) = &record.request_id {
        ui.label(format!("request id: {id}"));
    }
    if let Some(duration) = record.duration_ms {
        ui.label(format!("duration: {duration:.1} ms"));
    }
    ui.horizontal(|ui| {
        if ui.button("Copy as cURL").clicked() {
            ui.ctx().copy_text(as_curl(&record, mask));
        }
        if ui.button("Copy as JSON").clicked() {
            let json = serde_json::json!({
                "method": record.method, "url": record.url, "status": record.status,
                "request_id": record.request_id, "message": record.message,
                "request_body": record.request.body, "response_body": record.response.body,
            });
            ui.ctx().copy_text(serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        let mut reveal = !mask;
        if ui.checkbox(&mut reveal, "show sensitive values").changed() {
            ui.ctx().data_mut(|data| data.insert_temp(egui::Id::unique("reveal_secrets"), reveal));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let redactor = Redactor {
            account_email: Some(app.settings.account_email.clone()).filter(|e| !e.is_empty()),
            ..Redactor::default()
        };
        let redactor = mask.then_some(&redactor);
        message_ui(ui, "Request", &record.request, redactor);
        ui.separator();
        message_ui(ui, "Response", &record.response, redactor);
    });
}
