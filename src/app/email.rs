//! The support-email composer: a pre-filled email for a group, a review list of everything that
//! was removed (reveal an item, or hide another term), an editable body with the markers
//! highlighted, and the ways to send it: clipboard, mail app, `.eml`.

use super::{App, ONE_FRAME_SOON, dialog, style};
use crate::email::{self, SupportEmail};
use crate::output::text::one_line;
use crate::redact::Redactor;
use crate::store::Store;
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The composer's state while it is open.
#[derive(Default)]
pub struct Composer {
    /// The group (kind index in the store).
    pub kind: u32,
    /// The quoted call (1-based, oldest first); `None` = the most recent.
    pub record: Option<usize>,
    /// The quoted call as a store row, until the job finds its position in the group.
    quote_row: Option<u32>,
    /// Removed values the user chose to share.
    pub revealed: Vec<String>,
    /// Terms the user added to hide.
    pub extra_terms: Vec<String>,
    /// The term being typed.
    pub new_term: String,
    /// The composed email (its body as edited by the user).
    pub email: Option<SupportEmail>,
    /// Why composing failed.
    pub error: Option<String>,
    /// What the last action did ("Saved to ...").
    pub status: Option<String>,
    /// Whether the email says how the client retries (the audit's sentence); off at first.
    pub add_retries: bool,
    /// Where "Save as .eml" writes without asking (tests); otherwise a save dialog asks.
    pub save_to: Option<PathBuf>,
    /// The Save dialog while it shows, with the message as it was when Save was clicked.
    saving: Option<(dialog::Pending<PathBuf>, String)>,
    /// The email being composed on its own thread: composing reads every call of the group,
    /// which in a big log is no work for the window's thread.
    job: Option<Receiver<Composed>>,
    stale: bool,
}

/// What a composing job gives back: the quoted call's position, and the email or why not.
struct Composed {
    record: Option<usize>,
    email: Result<SupportEmail, String>,
}

impl Composer {
    /// A composer for a group, quoting `record` (see [`email::compose`]).
    pub fn new(kind: u32, record: Option<usize>) -> Self {
        Self { kind, record, stale: true, ..Self::default() }
    }

    /// A composer for the group of a store row, quoting that row.
    pub fn for_row(store: &Store, row: u32) -> Self {
        Self { quote_row: Some(row), ..Self::new(store.kind[row as usize], None) }
    }

    /// Whether an email is being composed.
    pub fn is_busy(&self) -> bool {
        self.stale || self.job.is_some()
    }

    /// Starts composing again when what it depends on changed, and takes a finished email.
    fn pump(&mut self, ctx: &egui::Context, store: &Arc<Store>, account_email: &str, retries: Option<&str>) {
        if self.stale {
            let retries = retries.filter(|_| self.add_retries).map(str::to_string);
            self.stale = false;
            let redactor = Redactor {
                account_email: Some(account_email.trim().to_string()).filter(|email| !email.is_empty()),
                extra_terms: self.extra_terms.clone(),
                revealed: self.revealed.clone(),
                ..Redactor::default()
            };
            let quote = (self.record, self.quote_row);
            match compose_job(ctx, Arc::clone(store), self.kind, quote, redactor, retries) {
                // A newer job replaces an older one; the older email is dropped unseen.
                Ok(job) => self.job = Some(job),
                Err(error) => self.error = Some(format!("cannot start a worker thread: {error}")),
            }
        }
        let Some(composed) = self.job.as_ref().and_then(|job| job.try_recv().ok()) else { return };
        self.job = None;
        self.record = composed.record;
        self.quote_row = None;
        match composed.email {
            Ok(email) => {
                self.email = Some(email);
                self.error = None;
            }
            Err(error) => self.error = Some(error),
        }
    }
}

/// Composes on a named thread over a snapshot of the store, and asks for a frame when done.
/// `quote` is the quoted call by position in the group or by store row; `retries`, the audit's
/// sentence on how the client retries, when the user added it.
fn compose_job(
    ctx: &egui::Context,
    store: Arc<Store>,
    kind: u32,
    (record, quote_row): (Option<usize>, Option<u32>),
    redactor: Redactor,
    retries: Option<String>,
) -> std::io::Result<Receiver<Composed>> {
    let (sender, receiver) = channel();
    let repaint = ctx.clone();
    std::thread::Builder::new().name("errlens-email".into()).spawn(move || {
        let composed = match email::kind_group(&store, kind) {
            Some(group) => {
                let record = match quote_row {
                    Some(row) => email::group_rows(&store, &group).iter().position(|&r| r == row).map(|at| at + 1),
                    None => record,
                };
                let mut email = email::compose(&store, &group, record, &redactor).map_err(|error| error.to_string());
                if let (Ok(email), Some(retries)) = (&mut email, &retries) {
                    email.add_paragraph("How our client retries", retries);
                }
                Composed { record, email }
            }
            None => Composed { record, email: Err("this group has no calls any more".to_string()) },
        };
        // Let go of the snapshot first: the window adds loaded blocks once it holds the store alone.
        drop(store);
        let _ = sender.send(composed);
        repaint.request_repaint_after(ONE_FRAME_SOON);
    })?;
    Ok(receiver)
}

/// Shows `[marker]`s in the body in the warning colour, so the user sees what was removed.
fn highlighted(ui: &egui::Ui, text: &str, wrap_width: f32) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let normal = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marker = egui::TextFormat {
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        color: ui.visuals().strong_text_color(),
        ..egui::TextFormat::simple(font, ui.visuals().text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|at| open + at + 1);
        match close.filter(|&end| crate::redact::is_marker(&rest[open..end])) {
            Some(end) => {
                job.append(&rest[..open], 0.0, normal.clone());
                job.append(&rest[open..end], 0.0, marker.clone());
                rest = &rest[end..];
            }
            None => {
                job.append(&rest[..=open], 0.0, normal.clone());
                rest = &rest[open + 1..];
            }
        }
    }
    job.append(rest, 0.0, normal);
    job
}

/// The composer window.
pub fn window_ui(app: &mut App, ctx: &egui::Context) {
    let Some(composer) = app.composer.as_mut() else { return };
    let retries = app.audit.audit.as_ref().and_then(|audit| audit.retry_summary());
    composer.pump(ctx, &app.session.store, &app.settings.account_email, retries.as_deref());
    let mut open = true;
    egui::Window::new("Support email").open(&mut open).default_size([980.0, 640.0]).show(ctx, |ui| {
        if app.settings.account_email.trim().is_empty() {
            ui.horizontal(|ui| {
                ui.colored_label(style::ERROR_RED, "The vendor asks for your account email:");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut app.settings.account_email)
                        .hint_text("you@company.example")
                        .id_salt("account_email_inline"),
                );
                if field.lost_focus()
                    && let Some(composer) = app.composer.as_mut()
                {
                    composer.stale = true;
                }
            });
        }
        let Some(composer) = app.composer.as_mut() else { return };
        if let Some(error) = &composer.error {
            ui.colored_label(style::ERROR_RED, error);
            return;
        }
        if composer.email.is_none() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Composing…");
            });
            return;
        }
        egui::Panel::right("redactions").resizable(true).default_size(330.0).show(ui, |ui| review_ui(ui, composer));
        poll_save(composer);
        let save_to = composer.save_to.clone();
        let (status, saving) = (&mut composer.status, &mut composer.saving);
        let (add_retries, stale) = (&mut composer.add_retries, &mut composer.stale);
        let Some(email) = composer.email.as_mut() else { return };
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("To:");
                ui.label(&*one_line(email.to.as_deref().unwrap_or("(no documented support address)")));
            });
            ui.horizontal(|ui| {
                let label = ui.strong("Subject:");
                ui.add(egui::TextEdit::singleline(&mut email.subject).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
            });
            send_ui(ui, email, status, saving, save_to);
            if let Some(retries) = &retries {
                let tick = ui.checkbox(add_retries, "Add how our client retries");
                if tick.on_hover_text(retries.as_str()).changed() {
                    *stale = true;
                }
            }
            if let Some(status) = status.as_deref() {
                ui.label(status);
            }
            let label = ui.strong("Body (editable; highlighted markers show what was removed)");
            egui::ScrollArea::vertical().show(ui, |ui| {
                let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
                    ui.fonts_mut(|fonts| fonts.layout_job(highlighted(ui, text.as_str(), wrap_width)))
                };
                ui.add(
                    egui::TextEdit::multiline(&mut email.body)
                        .id_salt("email_body")
                        .desired_width(f32::INFINITY)
                        .desired_rows(30)
                        .layouter(&mut layouter),
                )
                .labelled_by(label.id);
            });
        });
    });
    if !open {
        app.composer = None;
    }
}

/// Writes the message once the Save dialog has a path.
fn poll_save(composer: &mut Composer) {
    let Some(outcome) = composer.saving.as_ref().and_then(|(pending, _)| pending.poll()) else { return };
    let Some((_, message)) = composer.saving.take() else { return };
    match outcome {
        dialog::Outcome::Chosen(path) => composer.status = Some(write_eml(&path, &message)),
        dialog::Outcome::Cancelled => {}
        dialog::Outcome::Unavailable => {
            composer.status =
                Some("No save dialog could be opened: copy the email to the clipboard instead.".to_string());
        }
    }
}

fn write_eml(path: &std::path::Path, message: &str) -> String {
    match std::fs::write(path, message) {
        Ok(()) => format!("Saved to {}", path.display()),
        Err(error) => format!("Cannot save {}: {error}", path.display()),
    }
}

fn review_ui(ui: &mut egui::Ui, composer: &mut Composer) {
    let Some(email) = &composer.email else { return };
    let review = email.review();
    ui.strong(format!("Removed before sending ({})", review.len()));
    ui.weak("Tick an item to share it as it is.");
    let mut changed = false;
    egui::ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
        // The same value found in several places is one decision, listed once.
        for entry in &review {
            let item = entry.first;
            let mut shared = composer.revealed.contains(&item.original);
            let places = match entry.places {
                1 => String::new(),
                n => format!(", {n} places"),
            };
            let label = format!(
                "{}: {} ({}{places})",
                item.category.label(),
                one_line(&item.preview),
                one_line(&item.location)
            );
            if ui.checkbox(&mut shared, label).changed() {
                changed = true;
                if shared {
                    composer.revealed.push(item.original.clone());
                } else {
                    composer.revealed.retain(|value| *value != item.original);
                }
            }
        }
        for value in composer.revealed.clone() {
            if !email.removed.iter().any(|item| item.original == value) {
                let mut shared = true;
                if ui.checkbox(&mut shared, format!("shared: {}", one_line(&value))).changed() {
                    composer.revealed.retain(|kept| *kept != value);
                    changed = true;
                }
            }
        }
    });
    ui.separator();
    ui.strong("Hide more");
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut composer.new_term).hint_text("a name, an id…").id_salt("hide_term"));
        if ui.button("Hide").clicked() && !composer.new_term.trim().is_empty() {
            composer.extra_terms.push(composer.new_term.trim().to_string());
            composer.new_term.clear();
            changed = true;
        }
    });
    for term in composer.extra_terms.clone() {
        if ui.small_button(format!("hidden: {} ×", one_line(&term))).clicked() {
            composer.extra_terms.retain(|kept| *kept != term);
            changed = true;
        }
    }
    if changed {
        composer.stale = true;
    }
}

type Saving = Option<(dialog::Pending<PathBuf>, String)>;

fn send_ui(
    ui: &mut egui::Ui,
    email: &SupportEmail,
    status: &mut Option<String>,
    saving: &mut Saving,
    save_to: Option<PathBuf>,
) {
    ui.horizontal(|ui| {
        if ui.button("Copy to clipboard").clicked() {
            ui.ctx().copy_text(format!("Subject: {}\n\n{}", email.subject, email.body));
            *status = Some("Copied the subject and body.".to_string());
        }
        match email.to_mailto() {
            Some(url) => {
                if ui.button("Open in mail app").clicked() {
                    ui.ctx().open_url(egui::OpenUrl::same_tab(url));
                    *status = Some("Opened in your mail app.".to_string());
                }
            }
            None => {
                ui.add_enabled(false, egui::Button::new("Open in mail app"))
                    .on_disabled_hover_text("Too long for a mailto link: save as .eml and open that");
            }
        }
        let save = ui
            .add_enabled(saving.is_none(), egui::Button::new("Save as .eml"))
            .on_disabled_hover_text("The Save dialog is showing");
        if save.clicked() {
            match save_to {
                Some(path) => *status = Some(write_eml(&path, &email.to_rfc5322())),
                None => *saving = Some((dialog::save_eml(ui.ctx()), email.to_rfc5322())),
            }
        }
    });
    if email.to_mailto().is_none() {
        ui.weak("This email is too long for a mailto link: save it as .eml and open that in your mail app.");
    }
}
