//! The browser entry point; the app itself lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    activity_register::ui::start();
}
