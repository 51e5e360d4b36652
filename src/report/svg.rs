//! The report's charts as inline SVG, written by hand: horizontal bars for counts by a label,
//! vertical bars for failures over time. Labels go through [`crate::output::html`] (SVG in an
//! HTML page is parsed as markup like the page). No script, no external reference.

use crate::output::html::text;
use std::fmt::Write as _;

const WIDTH: u32 = 720;
const LABEL_WIDTH: u32 = 260;
const ROW_HEIGHT: u32 = 22;
/// Labels longer than this are cut (the full text is in the table beside the chart).
const LABEL_CHARS: usize = 36;

/// Horizontal bars, one a label, longest bar = largest count.
pub fn bars(title: &str, items: &[(String, u64)], color: &str) -> String {
    let height = ROW_HEIGHT * items.len().max(1) as u32 + 8;
    let largest = items.iter().map(|(_, count)| *count).max().unwrap_or(0).max(1);
    let room = f64::from(WIDTH - LABEL_WIDTH - 70);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\"><title>{}</title>",
        text(title)
    );
    for (at, (label, count)) in items.iter().enumerate() {
        let y = ROW_HEIGHT * at as u32 + 4;
        let bar = (room * *count as f64 / largest as f64).max(1.0);
        let label = crate::output::text::clip(label, LABEL_CHARS);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{bar:.1}\" height=\"{}\" fill=\"{color}\"/>\
             <text x=\"{:.1}\" y=\"{}\" font-size=\"12\">{count}</text>",
            LABEL_WIDTH - 6,
            y + 14,
            text(&label),
            ROW_HEIGHT - 6,
            f64::from(LABEL_WIDTH) + bar + 4.0,
            y + 14,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Vertical bars of failures per time bucket, with the first and last bucket's times below.
pub fn timeline(buckets: &[(i64, u64)], first: &str, last: &str) -> String {
    let (height, axis) = (160u32, 140u32);
    let largest = buckets.iter().map(|(_, count)| *count).max().unwrap_or(0).max(1);
    let step = f64::from(WIDTH - 20) / buckets.len().max(1) as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\"><title>Failures over time</title>\
         <line x1=\"10\" y1=\"{axis}\" x2=\"{}\" y2=\"{axis}\" stroke=\"#999\"/>",
        WIDTH - 10
    );
    for (at, (_, count)) in buckets.iter().enumerate() {
        if *count == 0 {
            continue;
        }
        let bar = f64::from(axis - 10) * *count as f64 / largest as f64;
        let _ = write!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar:.1}\" fill=\"#c0392b\"><title>{count}</title></rect>",
            10.0 + step * at as f64,
            f64::from(axis) - bar,
            (step - 1.0).max(1.0),
        );
    }
    let _ = write!(
        svg,
        "<text x=\"10\" y=\"{}\" font-size=\"11\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" \
         text-anchor=\"end\">{}</text></svg>",
        axis + 15,
        text(first),
        WIDTH - 10,
        axis + 15,
        text(last)
    );
    svg
}
