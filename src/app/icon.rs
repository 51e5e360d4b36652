//! The window's icon, drawn here from the shapes of `assets/package/errlens.svg` (the package's
//! icon): a log page seen through a lens, its failing line in red. Drawn rather than decoded, so
//! the window needs no image decoder.

use egui::IconData;

/// The icon's side in pixels.
const SIDE: u32 = 64;

/// The icon as RGBA pixels.
pub fn icon() -> IconData {
    let scale = 256.0 / SIDE as f32;
    let mut rgba = Vec::with_capacity((SIDE * SIDE * 4) as usize);
    for y in 0..SIDE {
        for x in 0..SIDE {
            // The pixel's centre in the SVG's 256-unit square.
            let (px, py) = ((x as f32 + 0.5) * scale, (y as f32 + 0.5) * scale);
            rgba.extend_from_slice(&pixel(px, py));
        }
    }
    IconData { rgba, width: SIDE, height: SIDE }
}

fn pixel(x: f32, y: f32) -> [u8; 4] {
    const LENS: [u8; 4] = [0x38, 0xbd, 0xf8, 0xff];
    let lens_distance = ((x - 150.0).powi(2) + (y - 140.0).powi(2)).sqrt();
    if (lens_distance - 46.0).abs() <= 8.0 || on_handle(x, y) {
        return LENS;
    }
    let in_rect = |left: f32, top: f32, width: f32, height: f32, radius: f32| {
        let dx = (left + radius - x).max(x - (left + width - radius)).max(0.0);
        let dy = (top + radius - y).max(y - (top + height - radius)).max(0.0);
        dx * dx + dy * dy <= radius * radius
    };
    if in_rect(68.0, 118.0, 88.0, 10.0, 5.0) {
        return [0xdc, 0x26, 0x26, 0xff];
    }
    let grey_lines = [(70.0, 88.0), (94.0, 70.0), (142.0, 60.0)];
    if grey_lines.iter().any(|&(top, width)| in_rect(68.0, top, width, 10.0, 5.0)) {
        return [0x9c, 0xa3, 0xaf, 0xff];
    }
    if in_rect(52.0, 48.0, 120.0, 150.0, 10.0) {
        return [0xf3, 0xf4, 0xf6, 0xff];
    }
    if in_rect(16.0, 16.0, 224.0, 224.0, 40.0) {
        return [0x1f, 0x29, 0x37, 0xff];
    }
    [0, 0, 0, 0]
}

/// The lens's handle: a thick segment from (184, 174) to (218, 208).
fn on_handle(x: f32, y: f32) -> bool {
    let (ax, ay, bx, by) = (184.0, 174.0, 218.0, 208.0);
    let t = (((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax).powi(2) + (by - ay).powi(2))).clamp(0.0, 1.0);
    let (cx, cy) = (ax + t * (bx - ax), ay + t * (by - ay));
    (x - cx).powi(2) + (y - cy).powi(2) <= 10.0 * 10.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_has_its_shapes() {
        let icon = super::icon();
        assert_eq!(icon.rgba.len(), (icon.width * icon.height * 4) as usize);
        let at = |x: u32, y: u32| &icon.rgba[((y * icon.width + x) * 4) as usize..][..4];
        assert_eq!(at(0, 0)[3], 0, "the corner is clear");
        assert_eq!(at(32, 31), [0xdc, 0x26, 0x26, 0xff], "the failing line is red");
    }
}
