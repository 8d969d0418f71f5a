//! Effects and memos through one boxed closure type. Leptos's `Effect::new`
//! and `Memo::new` are generic over their closure, and each copy brings its own
//! task, subscriber and cleanup code into the wasm; every effect of the app goes
//! through `effect` and every memo through `memo`, so that code is there once
//! (once per memo's value type) and each adds only its own body.

use leptos::prelude::{Effect, Memo};

/// Runs `body` now and again whenever a signal it read changes, for as long as
/// the reactive owner it was made under lives (as `Effect::new` does).
pub fn effect(body: impl FnMut() + 'static) {
    boxed(Box::new(body));
}

#[inline(never)]
fn boxed(mut body: Box<dyn FnMut()>) {
    Effect::new(move |_: Option<()>| body());
}

/// As `effect`, handing `body` what it returned last time (`None` on its first
/// run), as `Effect::new(move |last: Option<T>| …)` does.
pub fn effect_with_previous<T: 'static>(mut body: impl FnMut(Option<T>) -> T + 'static) {
    let mut last = None;
    effect(move || last = Some(body(last.take())));
}

/// A value computed from signals, computed again only when one of them changes,
/// and telling its readers only when the value is different (`Memo::new`).
pub fn memo<T>(body: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    boxed_memo(Box::new(body))
}

#[inline(never)]
fn boxed_memo<T>(body: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| body())
}
