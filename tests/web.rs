//! The JavaScript API (`src/wasm.rs`) in a real browser: headless Chromium via
//! `wasm-bindgen-test-runner` (see `./build.sh test`). These tests look at the JS values the
//! exports return, the way page code sees them: plain objects, snake_case keys, UTF-16 offsets,
//! and `Err`s that arrive as JS `Error`s with readable messages.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use undertone::wasm::{analyze, analyze_with_options, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The seven stable band keys, most negative first.
const BANDS: [&str; 7] = [
    "very_negative",
    "negative",
    "mildly_negative",
    "neutral",
    "mildly_positive",
    "positive",
    "very_positive",
];

const MIXED: &str = "The rescue was a wonderful success and everyone is safe. \
                     But the storm destroyed dozens of homes, and officials warned of terrible flooding.\n\n\
                     The council meets on Tuesday.";

// ---- helpers over JS values ----------------------------------------------------------------

fn get(value: &JsValue, key: &str) -> JsValue {
    assert!(
        value.is_object(),
        "expected an object holding {key:?}, got {value:?}"
    );
    assert!(
        Reflect::has(value, &key.into()).unwrap(),
        "missing key {key:?} in {value:?}"
    );
    Reflect::get(value, &key.into()).unwrap()
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key:?} is not a number"))
}

fn index(value: &JsValue, key: &str) -> u32 {
    let n = num(value, key);
    assert!(
        n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX),
        "{key:?} = {n} is not an index"
    );
    n as u32
}

fn string(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key:?} is not a string"))
}

fn array(value: &JsValue, key: &str) -> Vec<JsValue> {
    let v = get(value, key);
    assert!(Array::is_array(&v), "{key:?} is not an array");
    Array::from(&v).iter().collect()
}

fn strings(value: &JsValue, key: &str) -> Vec<String> {
    array(value, key)
        .iter()
        .map(|v| v.as_string().expect("array of strings"))
        .collect()
}

fn ok(result: Result<JsValue, wasm_bindgen::JsError>) -> JsValue {
    result.unwrap_or_else(|e| panic!("unexpected error: {:?}", JsValue::from(e)))
}

/// The `Error` an export threw, as JS sees it, and its message.
fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let error = match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => JsValue::from(e),
    };
    let error: js_sys::Error = error
        .dyn_into()
        .expect("the thrown value is a JS Error object");
    String::from(error.message())
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// `source.substring(start, end)` in JavaScript's own string indexing (UTF-16 code units).
fn js_substring(source: &str, start: u32, end: u32) -> String {
    let source = JsString::from(source);
    assert!(
        start <= end && end <= source.length(),
        "offsets {start}..{end} outside a string of {} UTF-16 units",
        source.length()
    );
    String::from(source.substring(start, end))
}

fn assert_score(value: &JsValue, what: &str) {
    let score = num(value, "score");
    assert!(
        (-1.0..=1.0).contains(&score),
        "{what}: score {score} outside [-1, 1]"
    );
    let band = string(value, "band");
    assert!(
        BANDS.contains(&band.as_str()),
        "{what}: unknown band {band:?}"
    );
}

/// Every sentence and token of `result` indexes `text` (or, for the title, `title`) exactly.
fn assert_offsets_index(result: &JsValue, text: &str, title: Option<&str>) {
    let check = |sentence: &JsValue, source: &str| {
        let (start, end) = (index(sentence, "start"), index(sentence, "end"));
        assert_eq!(
            js_substring(source, start, end),
            string(sentence, "text"),
            "sentence offsets"
        );
        for token in array(sentence, "tokens") {
            let (ts, te) = (index(&token, "start"), index(&token, "end"));
            assert!(
                start <= ts && te <= end,
                "token {ts}..{te} outside its sentence {start}..{end}"
            );
            assert_eq!(
                js_substring(source, ts, te),
                string(&token, "text"),
                "token offsets"
            );
        }
    };
    for sentence in array(result, "sentences") {
        check(&sentence, text);
    }
    if let Some(title) = title {
        check(&get(result, "title"), title);
    }
}

// ---- the result's shape --------------------------------------------------------------------

#[wasm_bindgen_test]
fn result_is_a_plain_object_with_the_documented_shape() {
    let result = ok(analyze(MIXED, None));
    assert_eq!(
        Object::get_prototype_of(&result),
        Object::get_prototype_of(&Object::new().into()),
        "a plain object, not a Map or a class instance"
    );
    assert_score(&result, "article");
    assert!(!string(&result, "label").is_empty());
    assert_eq!(string(&result, "engine"), "undertone");
    assert_eq!(string(&result, "offsets"), "utf16");
    assert!(
        get(&result, "title").is_null(),
        "no title given: title is null"
    );

    let sentences = array(&result, "sentences");
    assert_eq!(sentences.len(), 3);
    for (i, s) in sentences.iter().enumerate() {
        assert_score(s, &format!("sentence {i}"));
        assert!(index(s, "start") < index(s, "end"));
        assert!(!string(s, "text").is_empty());
        num(s, "contribution");
        index(s, "paragraph");
        for t in array(s, "tokens") {
            index(&t, "start");
            index(&t, "end");
            assert!(!string(&t, "text").is_empty());
            assert!(num(&t, "valence") != 0.0, "only words that moved the score");
        }
    }
    assert_eq!(index(&sentences[2], "paragraph"), 1);
    assert!(num(&sentences[0], "score") > 0.0);
    assert!(num(&sentences[1], "score") < 0.0);

    let drivers = get(&result, "drivers");
    for key in [
        "positive_sentences",
        "negative_sentences",
        "positive_words",
        "negative_words",
    ] {
        array(&drivers, key);
    }
    let positive = array(&drivers, "positive_sentences");
    assert_eq!(positive[0].as_f64(), Some(0.0), "sentence 0 drives it up");
    let negative = array(&drivers, "negative_sentences");
    assert_eq!(negative[0].as_f64(), Some(1.0), "sentence 1 drives it down");
    for w in array(&drivers, "positive_words") {
        assert!(!string(&w, "word").is_empty());
        assert!(num(&w, "contribution") > 0.0);
        assert!(index(&w, "count") >= 1);
    }
    for w in array(&drivers, "negative_words") {
        assert!(num(&w, "contribution") < 0.0);
    }

    let stats = get(&result, "stats");
    assert_eq!(index(&stats, "sentences"), 3);
    assert_eq!(index(&stats, "paragraphs"), 2);
    assert!(index(&stats, "words") > 20);
    assert!(index(&stats, "sentiment_words") >= 4);
    assert!(strings(&result, "notices").is_empty());
}

#[wasm_bindgen_test]
fn contributions_sum_to_the_score() {
    let result = ok(analyze(
        MIXED,
        Some("Relief and grief after the storm".into()),
    ));
    let sum: f64 = array(&result, "sentences")
        .iter()
        .map(|s| num(s, "contribution"))
        .sum::<f64>()
        + num(&get(&result, "title"), "contribution");
    assert!((sum - num(&result, "score")).abs() < 1e-9);
}

// ---- UTF-16 offsets ------------------------------------------------------------------------

#[wasm_bindgen_test]
fn offsets_are_utf16_indices_into_the_js_string() {
    // Emoji are two UTF-16 units (four UTF-8 bytes); accented letters one unit (two bytes).
    let text = "😀 The café reopened and the crème brûlée was wonderful! \
                Sadly 🎉🎉 the naïve plan failed, a terrible blow.\n\n\
                Señora Zoë said the outcome was great 👍🏽 and hopeful.";
    let result = ok(analyze(text, None));
    let sentences = array(&result, "sentences");
    assert_eq!(sentences.len(), 3);
    assert_offsets_index(&result, text, None);

    // The words after the emoji really moved (otherwise the test proves little).
    let last_tokens: Vec<String> = array(&sentences[2], "tokens")
        .iter()
        .map(|t| string(t, "text"))
        .collect();
    assert!(
        last_tokens.iter().any(|t| t == "hopeful"),
        "tokens of the last sentence: {last_tokens:?}"
    );
    let end = index(sentences.last().unwrap(), "end");
    assert_eq!(
        end,
        JsString::from(text).length(),
        "the last sentence ends at the JS length"
    );
}

#[wasm_bindgen_test]
fn astral_characters_inside_words_do_not_break_offsets() {
    let text = "𝒲ow, this is good. 🇫🇷 Great news for Zoë! Terrible 💔 loss.";
    let result = ok(analyze(text, None));
    assert_offsets_index(&result, text, None);
}

// ---- the title -----------------------------------------------------------------------------

#[wasm_bindgen_test]
fn a_title_is_scored_with_offsets_into_the_title_string() {
    let title = "  🎉 Wonderful news for café owners";
    let result = ok(analyze(MIXED, Some(title.to_string())));
    let scored = get(&result, "title");
    assert_score(&scored, "title");
    assert_eq!(string(&scored, "text"), title.trim());
    assert!(num(&scored, "score") > 0.0);
    assert_offsets_index(&result, MIXED, Some(title));

    let without = num(&ok(analyze(MIXED, None)), "score");
    assert!(
        num(&result, "score") > without,
        "a positive title lifts the score"
    );
}

#[wasm_bindgen_test]
fn a_blank_title_is_no_title() {
    for title in ["", "   \n "] {
        let result = ok(analyze(MIXED, Some(title.to_string())));
        assert!(get(&result, "title").is_null(), "title {title:?}");
    }
}

#[wasm_bindgen_test]
fn analyze_with_a_title_matches_analyze() {
    let title = "Storm leaves terrible damage";
    let a = ok(analyze(MIXED, Some(title.to_string())));
    let b = ok(analyze_with_options(
        MIXED,
        options(&[("title", title.into())]),
    ));
    assert_eq!(num(&a, "score"), num(&b, "score"));
    assert_eq!(string(&get(&b, "title"), "text"), title);
}

// ---- engines and options -------------------------------------------------------------------

#[wasm_bindgen_test]
fn missing_options_mean_the_default_engine() {
    let plain = num(&ok(analyze(MIXED, None)), "score");
    for opts in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        options(&[]),
        options(&[("engine", JsValue::UNDEFINED), ("title", JsValue::NULL)]),
    ] {
        let result = ok(analyze_with_options(MIXED, opts));
        assert_eq!(string(&result, "engine"), "undertone");
        assert_eq!(num(&result, "score"), plain);
    }
}

#[wasm_bindgen_test]
fn the_vader_engine_can_be_chosen() {
    for engine in ["undertone", "vader"] {
        let result = ok(analyze_with_options(
            MIXED,
            options(&[("engine", engine.into())]),
        ));
        assert_eq!(string(&result, "engine"), engine);
        assert_score(&result, engine);
        assert_eq!(array(&result, "sentences").len(), 3);
    }
}

// ---- errors become JS exceptions with readable messages -----------------------------------

#[wasm_bindgen_test]
fn an_unknown_engine_is_an_error_naming_it() {
    let message = error_message(analyze_with_options(
        MIXED,
        options(&[("engine", "nope".into())]),
    ));
    assert!(message.contains("engine"), "message: {message}");
    assert!(message.contains("nope"), "message: {message}");
    assert!(
        message.contains("undertone") && message.contains("vader"),
        "lists the choices: {message}"
    );
}

#[wasm_bindgen_test]
fn options_that_are_not_an_object_are_an_error() {
    for bad in [
        JsValue::from(42),
        JsValue::from("vader"),
        JsValue::from(true),
    ] {
        let message = error_message(analyze_with_options(MIXED, bad));
        assert!(message.contains("options"), "message: {message}");
        assert!(message.contains("object"), "message: {message}");
    }
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_are_errors_naming_the_field() {
    let message = error_message(analyze_with_options(MIXED, options(&[("title", 5.into())])));
    assert!(message.contains("title"), "message: {message}");
    let message = error_message(analyze_with_options(
        MIXED,
        options(&[("engine", 5.into())]),
    ));
    assert!(message.contains("engine"), "message: {message}");
}

// ---- notices -------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn notices_arrive_as_stable_keys() {
    struct Case {
        name: &'static str,
        text: &'static str,
        notice: &'static str,
    }
    let cases = [
        Case {
            name: "empty",
            text: "",
            notice: "empty",
        },
        Case {
            name: "whitespace",
            text: " \n\t ",
            notice: "empty",
        },
        Case {
            name: "russian",
            text: "Это очень хорошая новость для всех жителей города.",
            notice: "not_english",
        },
        Case {
            name: "flat",
            text: "The council meets on Tuesday at noon in the town hall.",
            notice: "no_sentiment_words",
        },
    ];
    for case in cases {
        let result = ok(analyze(case.text, None));
        let notices = strings(&result, "notices");
        assert!(
            notices.iter().any(|n| n == case.notice),
            "{}: notices {notices:?}",
            case.name
        );
        assert_eq!(string(&result, "band"), "neutral", "{}", case.name);
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
