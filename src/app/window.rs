//! Starting the native window, with OpenGL first and wgpu where OpenGL cannot start.

use super::{App, Options, icon};
use eframe::egui;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Starts the window (blocks until it closes).
///
/// OpenGL (glow) first: without a GPU, Mesa draws a frame of this window in about 20 ms of CPU
/// through OpenGL but about 150 ms through wgpu's Vulkan path, and loading shares those cores.
/// Where OpenGL cannot start, wgpu takes over; `ERRLENS_RENDERER=wgpu` asks for it outright.
pub fn run(options: Options) -> anyhow::Result<()> {
    let wgpu_asked = std::env::var("ERRLENS_RENDERER").is_ok_and(|renderer| renderer.eq_ignore_ascii_case("wgpu"));
    if wgpu_asked {
        return run_with(eframe::Renderer::Wgpu, options, &AtomicBool::new(false));
    }
    let started = AtomicBool::new(false);
    match run_with(eframe::Renderer::Glow, options.clone(), &started) {
        Err(error) if !started.load(Ordering::Relaxed) => {
            eprintln!("errlens: OpenGL is not available ({error}); drawing with wgpu instead");
            run_with(eframe::Renderer::Wgpu, options, &started)
        }
        result => result,
    }
}

/// Runs the window with one renderer; `started` is set once the app exists (a failure after that
/// is not the renderer's to retry).
fn run_with(renderer: eframe::Renderer, options: Options, started: &AtomicBool) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 820.0])
            .with_title("errlens")
            .with_app_id("errlens")
            .with_icon(Arc::new(icon::icon()))
            .with_drag_and_drop(true),
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        "errlens",
        native,
        Box::new(|cc| {
            started.store(true, Ordering::Relaxed);
            Ok(Box::new(App::new(cc, options)))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
