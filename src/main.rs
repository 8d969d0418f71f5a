//! The browser entry point; the app itself lives in the library.

fn main() {
    #[cfg(all(target_arch = "wasm32", feature = "ui"))]
    activity_register::ui::start();
}
