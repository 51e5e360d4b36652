//! One call in the side panel: request and response with headers and bodies, where it came from,
//! and copy buttons. Credentials and customers' personal data are redacted here unless revealed.

use super::context::{Action, Actions, PanelContext};
use super::style;
use crate::output::text::{self, one_line};
use crate::record::Message;
use crate::redact::Redactor;
use eframe::egui;

fn message_ui(ui: &mut egui::Ui, title: &str, message: &Message) {
    egui::CollapsingHeader::new(format!("{title} headers ({})", message.headers.len())).default_open(false).show(
        ui,
        |ui| {
            // A long value (a user agent, a cookie) scrolls sideways instead of widening the panel.
            egui::ScrollArea::horizontal().id_salt((title, "headers")).show(ui, |ui| {
                egui::Grid::new(title).striped(true).show(ui, |ui| {
                    for (name, value) in &message.headers {
                        ui.monospace(&*one_line(name));
                        ui.monospace(&*one_line(value));
                        ui.end_row();
                    }
                });
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
        // Line breaks stay; other controls (a terminal's escapes, BiDi overrides) show escaped.
        ui.add(egui::Label::new(egui::RichText::new(text::lines(&pretty)).monospace()).wrap());
    });
}

/// The selected call as shown, by (row, masked, account email): read back and redacted once.
pub type ShownRecord = Option<((u32, bool, String), Option<crate::record::Record>)>;

/// The record side panel; `shown` keeps the call read back for the frames that show it.
pub fn panel_ui(cx: &PanelContext, ui: &mut egui::Ui, shown: &mut ShownRecord, actions: &mut Actions) {
    let Some(row) = cx.selected_row else { return };
    let mask = !ui.ctx().data(|data| data.get_temp::<bool>(egui::Id::unique("reveal_secrets")).unwrap_or(false));
    // Reading back and redacting happen once per selection, not once per frame.
    let key = (row, mask, cx.settings.account_email.clone());
    if shown.as_ref().is_none_or(|(shown_key, _)| *shown_key != key) {
        let redactor = Redactor {
            account_email: Some(cx.settings.account_email.clone()).filter(|email| !email.is_empty()),
            ..Redactor::default()
        };
        let record = cx
            .store
            .record(row as usize)
            .map(|record| if mask { redactor.redact_record(&record).value } else { record });
        *shown = Some((key, record));
    }
    let Some((_, Some(record))) = shown.as_ref() else {
        let file = cx.store.files.get(cx.store.file[row as usize] as usize);
        if file.is_some_and(crate::store::SourceFile::changed_on_disk) {
            ui.colored_label(
                style::ERROR_RED,
                "The file changed on disk since it was loaded: this call can no longer be read.",
            );
            if ui.button("Reload").on_hover_text("Read every file again").clicked() {
                actions.push(Action::Reload);
            }
        } else {
            ui.colored_label(style::ERROR_RED, "This call can no longer be read from its file.");
        }
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Call");
        if ui.button("×").on_hover_text("Close the call").clicked() {
            actions.push(Action::Select(None));
        }
    });
    ui.horizontal(|ui| {
        style::status_badge(ui, record.status);
        let call = format!(
            "{} {}",
            one_line(record.method.as_deref().unwrap_or("?")),
            one_line(record.url.as_deref().unwrap_or("(unknown path)"))
        );
        // Wrapped: a long URL would otherwise widen the panel.
        ui.add(egui::Label::new(egui::RichText::new(call).strong()).wrap());
    });
    let file = &cx.store.files[cx.store.file[row as usize] as usize];
    ui.label(format!("{}:{}", one_line(&file.path.to_string_lossy()), record.source.line));
    if let Some(time) = record.time_ms {
        ui.label(style::local_time(time));
    }
    if let Some(kind) = cx.store.kind_id(row as usize) {
        ui.label(format!("kind: {}", one_line(kind)));
    }
    if let Some(message) = &record.message {
        ui.label(format!("message: {}", one_line(message)));
    }
    if let Some(id) = &record.request_id {
        ui.label(format!("request id: {}", one_line(id)));
    }
    if let Some(duration) = record.duration_ms {
        ui.label(format!("duration: {duration:.1} ms"));
    }
    ui.horizontal(|ui| {
        if ui.button("Copy as cURL").clicked() {
            ui.ctx().copy_text(crate::output::shell::curl_command(record));
        }
        if ui.button("Copy as JSON").clicked() {
            let json = serde_json::json!({
                "method": record.method, "url": record.url, "status": record.status,
                "request_id": record.request_id, "message": record.message,
                "request_body": record.request.body, "response_body": record.response.body,
            });
            ui.ctx().copy_text(crate::output::json::to_string_pretty(&json).unwrap_or_default());
        }
        if cx.store.is_failure(row as usize)
            && ui.button("Compose email").on_hover_text("A support email quoting this call").clicked()
        {
            actions.push(Action::ComposeEmailForRow(row));
        }
        let mut reveal = !mask;
        if ui.checkbox(&mut reveal, "show sensitive values").changed() {
            ui.ctx().data_mut(|data| data.insert_temp(egui::Id::unique("reveal_secrets"), reveal));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        message_ui(ui, "Request", &record.request);
        ui.separator();
        message_ui(ui, "Response", &record.response);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::shell::curl_command;
    use crate::record::Record;

    #[test]
    fn what_is_copied_is_what_is_shown() {
        let key = format!("sk_live_{}", "a1B2".repeat(12));
        let record = Record {
            method: Some("POST".into()),
            url: Some(format!("https://api.my-virtual-office.com/api/customers?api_key={key}")),
            request: Message {
                headers: vec![("X-API-Key".into(), key.clone()), ("Accept".into(), "application/json".into())],
                body: Some(r#"{"first_name":"Anna","email":"anna.schmidt@example.de","language":"de"}"#.into()),
            },
            message: Some("Duplicate email: anna.schmidt@example.de is already registered".into()),
            ..Record::default()
        };
        let redactor = Redactor { account_email: Some("ops@acme-shop.example".into()), ..Redactor::default() };
        let masked = redactor.redact_record(&record).value;
        let curl = curl_command(&masked);
        for secret in [key.as_str(), "anna.schmidt@example.de", "Anna"] {
            assert!(!curl.contains(secret), "{secret} in {curl}");
            assert!(!format!("{masked:?}").contains(secret), "{secret} shown");
        }
        assert!(curl.contains("-H 'Accept: application/json'") && curl.contains("\"language\":\"de\""), "{curl}");
        assert!(curl_command(&record).contains(&key));
    }
}
