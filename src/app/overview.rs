//! The overview: headline figures and charts. Clicking a bar filters everything to it.

use super::context::{Action, Actions, PanelContext};
use super::style;
use crate::output::text::one_line;
use crate::query::Filter;
use eframe::egui;
use egui_plot::{AxisHints, Bar, BarChart, Plot};

/// Draws the overview page.
pub fn ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    let Some(summary) = &cx.view.summary else {
        return;
    };
    let (records, errors) = (summary.records, summary.errors);
    let rate = if records == 0 { 0.0 } else { 100.0 * errors as f64 / records as f64 };
    let span = match cx.view.span {
        Some((first, last)) => format!("{} – {}", style::local_time(first), style::local_time(last)),
        None => "no times".to_string(),
    };
    ui.heading(format!(
        "{} calls · {} failed ({rate:.0} %) · {span} · {} file(s)",
        style::thousands(records),
        style::thousands(errors),
        cx.store.files.len()
    ));
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        super::compare_mode::overview_ui(cx, ui, actions);
        let width = ui.available_width();
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(width * 0.5 - 8.0);
                by_status_ui(cx, ui, &summary.by_status, actions);
            });
            ui.vertical(|ui| {
                ui.set_width(width * 0.5 - 8.0);
                by_kind_ui(cx, ui, actions);
            });
        });
        ui.add_space(8.0);
        timeline_ui(cx, ui, actions);
        ui.add_space(8.0);
        top_endpoints_ui(cx, ui, actions);
    });
}

/// Category labels show once their bars are this far apart (egui_plot's defaults, made for
/// numbers, hide them below 60 points across and 20 up).
const LABEL_SPACING_X: egui::Rangef = egui::Rangef { min: 30.0, max: 34.0 };
const LABEL_SPACING_Y: egui::Rangef = egui::Rangef { min: 14.0, max: 16.0 };

/// A fixed chart whose bars are clicked, not panned: a click must not move it.
fn clickable_bars(id: &str) -> Plot<'_> {
    Plot::new(id).height(180.0).allow_zoom(false).allow_drag(false).allow_scroll(false).label_formatter(|_| None)
}

fn clicked_bar(response: &egui_plot::PlotResponse<Option<egui_plot::PlotPoint>>, horizontal: bool) -> Option<usize> {
    if !response.response.clicked() {
        return None;
    }
    let point = response.inner?;
    let at = if horizontal { point.y } else { point.x };
    (at >= -0.5).then(|| at.round() as usize)
}

fn by_status_ui(
    cx: &PanelContext,
    ui: &mut egui::Ui,
    by_status: &std::collections::BTreeMap<u16, usize>,
    actions: &mut Actions,
) {
    ui.strong("Failed calls by status");
    let failed: Vec<(u16, usize)> = by_status
        .iter()
        .map(|(&status, &count)| (status, count))
        .filter(|(status, _)| crate::record::is_failure_status(*status))
        .collect();
    let bars: Vec<Bar> = failed
        .iter()
        .enumerate()
        .map(|(index, (status, count))| {
            Bar::new(index as f64, *count as f64)
                .width(0.7)
                .fill(style::status_color(*status))
                .name(status_label(*status))
        })
        .collect();
    // Short labels: a bar is about 40 points wide when all of 4xx and 5xx failed, and a label
    // wider than that is left out ("none" is no response; hovering the bar says so).
    let labels: Vec<String> =
        failed.iter().map(|(status, _)| if *status == 0 { "none".to_string() } else { status.to_string() }).collect();
    let x_axis =
        AxisHints::new_x().formatter(move |mark, _| axis_label(&labels, mark.value)).label_spacing(LABEL_SPACING_X);
    let most = failed.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let response = clickable_bars("by_status")
        .y_axis_min_width(count_axis_width(ui, most))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(count_steps))
        .show_grid([false, true])
        .x_grid_spacer(every_index(failed.len()))
        .custom_x_axes(vec![x_axis])
        // Bar i sits at (i + 0.9) / (n + 0.8) of the width: room at the ends for the outer labels.
        .set_margin_fraction(egui::vec2(0.0, 0.05))
        .include_x(-0.9)
        .include_x(failed.len() as f64 - 0.1)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("failed calls", bars)
                    .element_formatter(Box::new(|bar, _| format!("{}: {}", bar.name, bar.value))),
            );
            plot.pointer_coordinate()
        });
    let label = "Failed calls by status chart";
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, label));
    if let Some(index) = clicked_bar(&response, false)
        && let Some((status, _)) = failed.get(index)
    {
        actions.push(Action::ShowRecords(Filter { status: Some(*status), ..cx.filter().clone() }));
    }
}

/// Room for the count labels of an axis up to `most`. egui_plot sizes an axis by the labels of the
/// frame before, so when counts grow a digit (while a file loads, between two frames) the new
/// labels would be cut until another frame is drawn.
fn count_axis_width(ui: &egui::Ui, most: usize) -> f32 {
    // The axis runs a little past the largest bar, which can add a digit.
    let digits = (most + most / 5).max(1).to_string().len();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = ui.painter().layout_no_wrap("8".repeat(digits), font, egui::Color32::WHITE).size().x;
    // egui_plot's margin on each side of a label.
    widest + 8.0
}

/// Grid steps for a count axis: 1, 2 or 5 times a power of ten, about four labelled lines up the
/// chart (egui_plot's default steps by tens, which labels a chart up to 75,000 with 0 alone).
fn count_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let rough = ((input.bounds.1 - input.bounds.0).abs() / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|times| times * power).find(|step| *step >= rough);
    let step = step.unwrap_or(10.0 * power);
    [(step / 5.0).max(1.0), step, step * 5.0]
}

/// Axis marks at every bar, so each bar has its label.
fn every_index(count: usize) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    move |_| (0..count).map(|index| egui_plot::GridMark { value: index as f64, step_size: 1.0 }).collect()
}

fn status_label(status: u16) -> String {
    if status == 0 { "no response".to_string() } else { status.to_string() }
}

fn axis_label(labels: &[String], value: f64) -> String {
    let index = value.round();
    if (value - index).abs() > 0.01 || index < 0.0 {
        return String::new();
    }
    labels.get(index as usize).cloned().unwrap_or_default()
}

/// Kinds the error-kind chart shows: the most frequent; the rest are counted below it.
const KINDS_CHARTED: usize = 12;

fn by_kind_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    ui.strong("Failed calls by error kind");
    let Some(summary) = &cx.view.summary else { return };
    // The kinds past the chart are said, not dropped: their calls are failures too.
    let (more_kinds, more_calls) = summary
        .groups
        .iter()
        .skip(KINDS_CHARTED)
        .fold((0, 0), |(kinds, calls), group| (kinds + 1, calls + group.count));
    // Most frequent on top: horizontal bars are drawn bottom-up.
    let groups: Vec<(String, String, u16, usize)> = summary
        .groups
        .iter()
        .take(KINDS_CHARTED)
        .rev()
        .map(|g| (g.kind.clone(), one_line(&g.title).into_owned(), g.status, g.count))
        .collect();
    let bars: Vec<Bar> = groups
        .iter()
        .enumerate()
        .map(|(index, (_, title, status, count))| {
            Bar::new(index as f64, *count as f64).width(0.7).fill(style::status_color(*status)).name(title)
        })
        .collect();
    let labels: Vec<String> = groups.iter().map(|(_, title, _, _)| title.clone()).collect();
    let y_axis =
        AxisHints::new_y().formatter(move |mark, _| axis_label(&labels, mark.value)).label_spacing(LABEL_SPACING_Y);
    // A line of text per bar, so every kind keeps its title.
    let height = (groups.len() as f32 * 20.0 + 40.0).max(180.0);
    let response = clickable_bars("by_kind")
        .height(height)
        .show_grid([true, false])
        .y_grid_spacer(every_index(groups.len()))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(count_steps))
        .custom_y_axes(vec![y_axis])
        .y_axis_min_width(150.0)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("failed calls", bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| format!("{}: {}", bar.name, bar.value))),
            );
            plot.pointer_coordinate()
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, "Failed calls by error kind chart"));
    if more_kinds > 0 {
        ui.weak(format!(
            "and {} more kind(s) with {} failed calls: see Groups",
            style::thousands(more_kinds),
            style::thousands(more_calls)
        ));
    }
    if let Some(index) = clicked_bar(&response, true)
        && let Some((kind, _, _, _)) = groups.get(index)
    {
        actions.push(Action::ShowRecords(Filter { kind: Some(kind.clone()), ..cx.filter().clone() }));
    }
}

/// How times on the timeline axis are written: with the year once the span passes most of a
/// year (a log can span years), without the time of day once buckets are days.
fn axis_time_format(span_ms: i64, bucket_ms: i64) -> &'static str {
    const DAY_MS: i64 = 86_400_000;
    match (span_ms > 300 * DAY_MS, bucket_ms >= DAY_MS) {
        (true, _) => "%Y-%m-%d",
        (false, true) => "%m-%d",
        (false, false) => "%m-%d %H:%M",
    }
}

fn timeline_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    let timeline = &cx.view.timeline;
    let bucket = crate::query::bucket_text(timeline.bucket_ms);
    ui.strong(format!("Failures over time (per {bucket}, stacked by status)"));
    if timeline.statuses.is_empty() {
        ui.label("No failures with a time.");
        return;
    }
    legend_ui(ui, &timeline.statuses);
    let start = timeline.start_ms;
    let width_ms = timeline.bucket_ms;
    let mut charts: Vec<BarChart> = Vec::new();
    for (series, status) in timeline.statuses.iter().enumerate() {
        // Stacking adds heights bar by bar, so every series keeps every bucket, zeros included.
        let bars: Vec<Bar> = timeline.counts[series]
            .iter()
            .enumerate()
            .map(|(bucket, count)| {
                Bar::new(bucket as f64, f64::from(*count)).width(0.9).fill(style::status_color(*status))
            })
            .collect();
        let chart = BarChart::new(status_label(*status), bars).color(style::status_color(*status));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let buckets = timeline.counts.first().map_or(0, Vec::len);
    let time_format = axis_time_format(buckets as i64 * width_ms, width_ms);
    let tallest = (0..buckets).map(|bucket| timeline.counts.iter().map(|series| series[bucket] as usize).sum()).max();
    let response = Plot::new("timeline")
        .height(170.0)
        .y_axis_min_width(count_axis_width(ui, tallest.unwrap_or(0)))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(count_steps))
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            chrono::DateTime::from_timestamp_millis(start + (mark.value * width_ms as f64) as i64)
                .map(|t| t.with_timezone(&chrono::Local).format(time_format).to_string())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
            plot.pointer_coordinate()
        });
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, "Failures over time chart"));
    // A click on a bucket narrows everything to its time span.
    if let Some(bucket) = clicked_bar(&response, false).filter(|&bucket| bucket < buckets) {
        let from_ms = start + bucket as i64 * width_ms;
        actions.push(Action::SetFilter(Filter {
            from_ms: Some(from_ms),
            to_ms: Some(from_ms + width_ms),
            ..cx.filter().clone()
        }));
    }
}

/// The timeline's statuses with their colours, in a row above the chart: egui_plot's legend sits
/// inside the plot, over the last buckets' bars, which are the latest failures.
fn legend_ui(ui: &mut egui::Ui, statuses: &[u16]) {
    ui.horizontal_wrapped(|ui| {
        for &status in statuses {
            let size = egui::vec2(10.0, 10.0);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, style::status_color(status));
            ui.label(status_label(status));
            ui.add_space(6.0);
        }
    });
}

fn top_endpoints_ui(cx: &PanelContext, ui: &mut egui::Ui, actions: &mut Actions) {
    ui.strong("Top failing endpoints");
    let Some(summary) = &cx.view.summary else { return };
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for group in &summary.groups {
        for endpoint in &group.endpoints {
            *counts.entry(endpoint.endpoint.as_str()).or_default() += endpoint.count;
        }
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let max = counts.first().map_or(1, |(_, count)| *count).max(1);
    let mut chosen = None;
    egui::Grid::new("endpoints").num_columns(3).show(ui, |ui| {
        for (endpoint, count) in counts.iter().take(8) {
            if ui.link(&*one_line(endpoint)).on_hover_text("Show these calls").clicked() {
                chosen = Some(endpoint.to_string());
            }
            ui.add(egui::ProgressBar::new(*count as f32 / max as f32).desired_width(200.0).fill(style::ERROR_RED));
            ui.label(style::thousands(*count));
            ui.end_row();
        }
    });
    if let Some(endpoint) = chosen {
        actions.push(Action::ShowRecords(Filter {
            endpoint: Some(endpoint),
            failures_only: true,
            ..cx.filter().clone()
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::{axis_time_format, count_steps};

    fn steps(top: f64) -> [f64; 3] {
        count_steps(egui_plot::GridInput { bounds: (0.0, top), base_step_size: 0.1 })
    }

    #[test]
    fn count_axes_step_by_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(steps(80_000.0), [4_000.0, 20_000.0, 100_000.0]);
        assert_eq!(steps(210_000.0), [20_000.0, 100_000.0, 500_000.0]);
        assert_eq!(steps(42.0), [4.0, 20.0, 100.0]);
        assert_eq!(steps(19.0), [1.0, 5.0, 25.0]);
        // Counts do not step by less than one.
        assert_eq!(steps(2.0), [1.0, 1.0, 5.0]);
    }

    #[test]
    fn axis_times_name_the_year_when_the_span_crosses_years() {
        let day = 86_400_000;
        assert_eq!(axis_time_format(5 * 365 * day, 7 * day), "%Y-%m-%d");
        assert_eq!(axis_time_format(60 * day, day), "%m-%d");
        assert_eq!(axis_time_format(day, 600_000), "%m-%d %H:%M");
    }
}
