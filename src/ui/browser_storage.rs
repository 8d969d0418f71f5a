//! localStorage (through gloo-storage) as the core's key-value store.

use crate::storage::{KeyValueStore, StoreError};
use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage for this origin.
#[derive(Clone, Copy)]
pub struct BrowserStorage;

fn local_storage() -> Result<web_sys::Storage, StoreError> {
    // Ask first: gloo's `raw()` panics when storage is switched off.
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(gloo_storage::LocalStorage::raw()),
        Some(Err(err)) => Err(unavailable(&err)),
        _ => Err(StoreError::Unavailable(
            "this browser offers no local storage".into(),
        )),
    }
}

pub(super) fn unavailable(err: &JsValue) -> StoreError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        Some(e) => StoreError::Unavailable(e.message()),
        None => StoreError::Unavailable(
            err.as_string()
                .unwrap_or_else(|| "the browser refused".to_owned()),
        ),
    }
}

impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        local_storage()?.get_item(key).map_err(|e| unavailable(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        local_storage()?
            .set_item(key, value)
            .map_err(|e| unavailable(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        local_storage()?
            .remove_item(key)
            .map_err(|e| unavailable(&e))
    }

    fn keys(&self) -> Vec<String> {
        let Ok(storage) = local_storage() else {
            return Vec::new();
        };
        let n = storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }

    fn used_chars(&self) -> usize {
        let Ok(storage) = local_storage() else {
            return 0;
        };
        self.keys()
            .into_iter()
            .map(|k| {
                // The value's length as the quota counts it (UTF-16 units), read
                // in JavaScript: copying megabytes into wasm just to count them
                // would slow every save. A key that names a Storage method reads
                // as that method, so it falls back to a copy.
                let units = js_sys::Reflect::get(&storage, &JsValue::from_str(&k))
                    .ok()
                    .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                    .map(|v| v.length() as usize)
                    .unwrap_or_else(|| {
                        let v = storage.get_item(&k).ok().flatten().unwrap_or_default();
                        v.encode_utf16().count()
                    });
                k.encode_utf16().count() + units
            })
            .sum()
    }
}
