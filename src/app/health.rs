//! The "Integration health" page: a card per practice with the log's verdict, then each finding
//! with a timeline of its attempts (gaps labelled, Retry-After drawn) and its advice. A click
//! shows the finding's calls in the records table.

use super::context::{Action, Actions, PanelContext};
use super::style;
use crate::audit::{Attempt, Finding, Severity, Verdict};
use crate::output::text::one_line;
use crate::query::{CallSet, Filter};
use crate::store::NO_TIME;
use eframe::egui;

/// A practice followed, a failure gone.
pub const FOLLOWED_GREEN: egui::Color32 = egui::Color32::from_rgb(0x3c, 0xa3, 0x6b);

/// Findings laid out at first, and added by each "Show more".
const FINDINGS_PER_PAGE: usize = 100;

/// Draws the page.
pub fn ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    let Some(audit) = cx.audit else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Auditing the calls once they are loaded…");
        });
        return;
    };
    ui.heading(format!(
        "Integration health · {} calls · {} finding(s)",
        style::thousands(audit.calls),
        style::thousands(audit.findings.len())
    ));
    ui.weak("How the client treats failures, judged against the vendor's best practices (every loaded call).");
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.columns(audit.practices.len().max(1), |columns| {
            for (column, practice) in columns.iter_mut().zip(&audit.practices) {
                egui::Frame::group(column.style()).show(column, |ui| {
                    ui.set_min_height(120.0);
                    let (word, color) = match practice.verdict {
                        Verdict::Followed => ("Followed", FOLLOWED_GREEN),
                        Verdict::NotFollowed => ("Not followed", style::ERROR_RED),
                        Verdict::NotSeen => ("Not seen", ui.visuals().weak_text_color()),
                    };
                    ui.strong(&practice.title);
                    ui.colored_label(color, egui::RichText::new(word).strong());
                    if practice.findings > 0 {
                        ui.label(format!("{} finding(s)", practice.findings));
                    }
                    ui.add(egui::Label::new(egui::RichText::new(&practice.detail).small()).wrap());
                });
            }
        });
        ui.add_space(8.0);
        if audit.findings.is_empty() {
            ui.label(
                "No finding: no retry storm, no retry without backoff or before Retry-After, no result used unchecked.",
            );
            return;
        }
        ui.strong("Findings");
        // A big log can hold a hundred thousand findings: a frame lays out a page of them, more
        // on request, rather than all of them every frame.
        let shown_id = egui::Id::unique("health findings shown");
        let shown = ui.ctx().data(|data| data.get_temp::<usize>(shown_id)).unwrap_or(FINDINGS_PER_PAGE);
        for (index, finding) in audit.findings.iter().enumerate().take(shown) {
            ui.push_id(index, |ui| finding_ui(ui, finding, actions));
            ui.separator();
        }
        let more = audit.findings.len().saturating_sub(shown);
        if more > 0 {
            let label = format!("Show {} more ({} not shown)", FINDINGS_PER_PAGE.min(more), style::thousands(more));
            if ui.button(label).on_hover_text("errlens audit --format json lists them all").clicked() {
                ui.ctx().data_mut(|data| data.insert_temp(shown_id, shown + FINDINGS_PER_PAGE));
            }
        }
    });
}

fn severity_color(severity: Severity) -> egui::Color32 {
    match severity {
        Severity::High => style::ERROR_RED,
        Severity::Medium => egui::Color32::from_rgb(0xe8, 0x9c, 0x2a),
        Severity::Low => egui::Color32::GRAY,
    }
}

fn finding_ui(ui: &mut egui::Ui, finding: &Finding, actions: &mut Actions) {
    let status = if finding.status == 0 { "no response".to_string() } else { finding.status.to_string() };
    ui.horizontal_wrapped(|ui| {
        let severity = format!("{:?}", finding.severity).to_lowercase();
        ui.colored_label(severity_color(finding.severity), egui::RichText::new(severity).strong());
        ui.strong(&finding.rule);
        ui.label(format!("{} after {status} · {} attempts", one_line(&finding.endpoint), finding.attempts.len()));
        let rows = finding.attempts.iter().map(|attempt| attempt.row).collect();
        let label = format!("{} on {}", finding.rule, one_line(&finding.endpoint));
        if ui.button("Show the calls").on_hover_text("List these attempts in the records table").clicked() {
            let calls = Some(CallSet::new(label, rows));
            actions.push(Action::ShowRecords(Filter { calls, ..Filter::default() }));
        }
    });
    attempts_timeline(ui, &finding.attempts, finding.retry_after_ms);
    ui.add(egui::Label::new(egui::RichText::new(&finding.advice).weak()).wrap());
}

/// How long a gap is, in a few characters.
fn short_duration(ms: i64) -> String {
    match ms {
        ..1_000 => format!("{ms} ms"),
        1_000..60_000 => {
            let seconds = ms as f64 / 1_000.0;
            if ms % 1_000 == 0 { format!("{seconds:.0} s") } else { format!("{seconds:.1} s") }
        }
        _ => format!("{:.1} min", ms as f64 / 60_000.0),
    }
}

/// A line with a dot per attempt at its time (coloured by status), each gap labelled, and the
/// wait a Retry-After asked for drawn after the attempt whose response named it.
fn attempts_timeline(ui: &mut egui::Ui, attempts: &[Attempt], retry_after_ms: Option<u32>) {
    let timed: Vec<&Attempt> = attempts.iter().filter(|attempt| attempt.time_ms != NO_TIME).collect();
    let (Some(first), Some(last)) = (timed.first(), timed.last()) else {
        ui.weak("These calls have no time.");
        return;
    };
    // The Retry-After wait counts from the attempt that was told to wait (the first 429).
    let told = attempts.iter().find(|attempt| attempt.status == 429 && attempt.time_ms != NO_TIME);
    let wait = retry_after_ms.zip(told).map(|(ms, attempt)| (attempt.time_ms, attempt.time_ms + i64::from(ms)));
    let end = wait.map_or(last.time_ms, |(_, until)| until.max(last.time_ms));
    let span = (end - first.time_ms).max(1) as f32;
    let width = ui.available_width().min(720.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 40.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let inner = rect.shrink2(egui::vec2(10.0, 0.0));
    let x = |time: i64| inner.left() + inner.width() * (time - first.time_ms) as f32 / span;
    let line_y = rect.top() + 14.0;
    let weak = ui.visuals().weak_text_color();
    if let Some((from, until)) = wait {
        let band = egui::Rect::from_x_y_ranges(x(from)..=x(until), (line_y - 8.0)..=(line_y + 8.0));
        painter.rect_filled(band, 2.0, style::status_color(429).gamma_multiply(0.25));
        let label = format!("Retry-After {}", short_duration(until - from));
        painter.text(band.right_top(), egui::Align2::RIGHT_BOTTOM, label, egui::FontId::proportional(10.0), weak);
    }
    painter.line_segment([egui::pos2(inner.left(), line_y), egui::pos2(inner.right(), line_y)], (1.0, weak));
    let font = egui::FontId::proportional(10.0);
    for pair in timed.windows(2) {
        let (a, b) = (x(pair[0].time_ms), x(pair[1].time_ms));
        // A label only where it fits between its two dots.
        let label = short_duration(pair[1].time_ms - pair[0].time_ms);
        let galley = painter.layout_no_wrap(label, font.clone(), weak);
        if galley.size().x + 6.0 < b - a {
            let at = egui::pos2((a + b) / 2.0 - galley.size().x / 2.0, line_y + 6.0);
            painter.galley(at, galley, weak);
        }
    }
    for attempt in &timed {
        painter.circle_filled(egui::pos2(x(attempt.time_ms), line_y), 5.0, style::status_color(attempt.status));
    }
    let described = timed.len();
    response.on_hover_text(format!(
        "{described} attempts from {} to {}",
        style::local_time(first.time_ms),
        style::local_time(last.time_ms)
    ));
}

#[cfg(test)]
mod tests {
    use super::short_duration;

    #[test]
    fn gaps_read_in_a_few_characters() {
        assert_eq!(short_duration(250), "250 ms");
        assert_eq!(short_duration(1_000), "1 s");
        assert_eq!(short_duration(30_500), "30.5 s");
        assert_eq!(short_duration(90_000), "1.5 min");
    }
}
