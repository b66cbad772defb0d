//! The JavaScript API: the only module with `#[wasm_bindgen]` exports. It converts arguments,
//! calls the plain-Rust core and returns plain JS objects whose offsets are UTF-16 code units
//! (JavaScript string indices).

use crate::{analyze_with, Engine, OffsetUnit, Options};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// `analyze(text, title?)`: the default engine's analysis of `text`, as a plain object.
#[wasm_bindgen]
pub fn analyze(text: &str, title: Option<String>) -> Result<JsValue, JsError> {
    run(text, title.as_deref(), Engine::Undertone)
}

/// `analyzeWith(text, {title?, engine?})`: `engine` is `"undertone"` (default) or `"vader"`.
#[wasm_bindgen(js_name = analyzeWith)]
pub fn analyze_with_options(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (title, engine) = if options.is_undefined() || options.is_null() {
        (None, Engine::Undertone)
    } else {
        if !options.is_object() {
            return Err(JsError::new(
                "options must be an object like {title, engine}",
            ));
        }
        let title = js_sys::Reflect::get(&options, &"title".into()).unwrap_or(JsValue::UNDEFINED);
        let title = match (title.is_undefined() || title.is_null(), title.as_string()) {
            (true, _) => None,
            (false, Some(t)) => Some(t),
            (false, None) => return Err(JsError::new("options.title must be a string")),
        };
        let engine = js_sys::Reflect::get(&options, &"engine".into()).unwrap_or(JsValue::UNDEFINED);
        let engine = if engine.is_undefined() || engine.is_null() {
            Engine::Undertone
        } else {
            let name = engine
                .as_string()
                .ok_or_else(|| JsError::new("options.engine must be a string"))?;
            Engine::from_name(&name).ok_or_else(|| {
                JsError::new(&format!(
                    "unknown engine \"{name}\": expected \"undertone\" or \"vader\""
                ))
            })?
        };
        (title, engine)
    };
    run(text, title.as_deref(), engine)
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn run(text: &str, title: Option<&str>, engine: Engine) -> Result<JsValue, JsError> {
    let mut result = analyze_with(
        text,
        &Options {
            title,
            engine,
            ..Default::default()
        },
    );
    result.convert_offsets(text, title, OffsetUnit::Utf16);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&result, &serializer)
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}
