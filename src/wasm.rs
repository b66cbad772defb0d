//! The only module with `#[wasm_bindgen]` exports (being written).
