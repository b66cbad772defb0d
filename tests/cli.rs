//! The `undertone` command as a user runs it: inputs, outputs and every error case.

mod common;

use common::{run, stderr};
use std::process::Output;

fn stdout_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn score_writes_one_line_per_document_in_order() {
    let input = concat!(
        r#"{"id": 1, "text": "What a wonderful, happy day. Everyone loved it."}"#,
        "\n",
        r#"{"id": "b", "text": "The attack killed dozens and wounded many more.", "title": "Deadly attack"}"#,
        "\n",
        r#"{"id": 3, "text": ""}"#,
        "\n"
    );
    let out = run(&["score"], input.as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], "b");
    assert!(lines[0]["score"].as_f64().unwrap() > 0.05, "{}", lines[0]);
    assert!(lines[1]["score"].as_f64().unwrap() < -0.05, "{}", lines[1]);
    assert_eq!(lines[2]["score"].as_f64().unwrap(), 0.0);
    assert_eq!(lines[2]["band"], "neutral");
    assert_eq!(lines[2]["label"], "neutral");
    for line in &lines {
        let band = line["band"].as_str().unwrap();
        assert_eq!(line["label"].as_str().unwrap(), band.replace('_', " "));
    }
}

#[test]
fn score_detail_adds_sentences_with_code_point_offsets() {
    let text = "Café owners are thrilled 😀. The storm was awful.";
    let input = serde_json::json!({"id": 7, "text": text}).to_string();
    let out = run(&["score", "--detail"], input.as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let line = &stdout_lines(&out)[0];
    let sentences = line["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    let chars: Vec<char> = text.chars().collect();
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, s["text"].as_str().unwrap());
    }
    assert!(line["drivers"].is_object());
}

#[test]
fn first_malformed_line_stops_with_its_number_and_keeps_earlier_lines() {
    let input = concat!(
        r#"{"id": 1, "text": "Fine."}"#,
        "\n",
        r#"{"id": 2, "text": "Good."}"#,
        "\n",
        r#"{"id": 3, "text": "#,
        "\n",
        r#"{"id": 4, "text": "Never reached."}"#,
        "\n"
    );
    let out = run(&["score"], input.as_bytes());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 3"), "stderr: {}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn missing_or_mistyped_fields_are_errors_naming_the_field() {
    struct Case {
        name: &'static str,
        line: &'static str,
        message: &'static str,
    }
    let cases = [
        Case {
            name: "no id",
            line: r#"{"text": "x"}"#,
            message: "\"id\"",
        },
        Case {
            name: "no text",
            line: r#"{"id": 1}"#,
            message: "\"text\"",
        },
        Case {
            name: "text not a string",
            line: r#"{"id": 1, "text": 5}"#,
            message: "\"text\"",
        },
        Case {
            name: "title not a string",
            line: r#"{"id": 1, "text": "a", "title": []}"#,
            message: "\"title\"",
        },
        Case {
            name: "not an object",
            line: "[1, 2]",
            message: "object",
        },
    ];
    for case in cases {
        let out = run(&["score"], format!("{}\n", case.line).as_bytes());
        assert!(!out.status.success(), "{}", case.name);
        let err = stderr(&out);
        assert!(
            err.contains("line 1") && err.contains(case.message),
            "{}: {err}",
            case.name
        );
    }
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let out = run(&["score"], b"{\"id\": 1, \"text\": \"caf\xe9\"}\n");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("UTF-8"), "stderr: {}", stderr(&out));

    let out = run(&["analyze"], b"caf\xe9 au lait");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("UTF-8"), "stderr: {}", stderr(&out));
}

#[test]
fn analyze_prints_label_and_two_decimal_score_first() {
    let out = run(
        &["analyze", "-"],
        "The team celebrated a great victory.".as_bytes(),
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    let (label, score) = first.rsplit_once(' ').unwrap();
    assert!(label.contains("positive"), "{first}");
    assert_eq!(score.split_once('.').unwrap().1.len(), 2, "{first}");
}

#[test]
fn analyze_json_is_the_full_result() {
    let out = run(
        &["analyze", "--json", "--title", "Storm hits coast"],
        b"Homes were destroyed. Nobody was hurt.",
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(v["title"]["text"], "Storm hits coast");
    assert_eq!(v["offsets"], "code_point");
    assert!(v["drivers"]["negative_sentences"].is_array());
}

#[test]
fn empty_input_is_neutral_not_an_error() {
    let out = run(&["analyze"], b"");
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("neutral 0.00"));
}

#[test]
fn engine_vader_gives_the_whole_text_compound() {
    let text = "Good. Good. Good. Good. Good. Good. Good. Good.";
    let input = serde_json::json!({"id": 1, "text": text}).to_string();
    let vader = stdout_lines(&run(&["score", "--engine", "vader"], input.as_bytes()));
    let ours = stdout_lines(&run(&["score"], input.as_bytes()));
    let expected = undertone::vader::polarity_scores(text).compound;
    assert_eq!(vader[0]["score"].as_f64().unwrap(), expected);
    // The whole-text compound saturates; the article score stays at the sentence level.
    assert!(vader[0]["score"].as_f64().unwrap() >= ours[0]["score"].as_f64().unwrap());
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        &["frobnicate"][..],
        &["score", "--engine", "nope"],
        &["score", "--in"],
        &[],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage"), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn missing_input_file_is_reported() {
    let out = run(
        &["score", "--in", "/nonexistent/undertone-input.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/undertone-input.jsonl"));
}

#[test]
fn eval_without_data_says_so() {
    let out = run(&["eval", "/nonexistent/data"], b"");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no development data"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn score_target_scores_toward_the_named_company() {
    let input = concat!(
        r#"{"id": "t", "text": "Tesco shares fall as Sainsbury gains", "target": "Tesco"}"#,
        "\n",
        r#"{"id": "s", "text": "Tesco shares fall as Sainsbury gains", "target": "Sainsbury"}"#,
        "\n",
        r#"{"id": "n", "text": "Tesco shares fall as Sainsbury gains", "target": null}"#,
        "\n",
        r#"{"id": "b", "text": "Best Buy reports quarterly results", "target": "Best Buy"}"#,
        "\n"
    );
    let out = run(&["score"], input.as_bytes());
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 4);
    let score = |i: usize| lines[i]["score"].as_f64().unwrap();
    assert!(score(0) < -0.05, "toward Tesco: {}", lines[0]);
    assert!(score(1) > 0.05, "toward Sainsbury: {}", lines[1]);
    assert!(
        score(0) < score(2) && score(2) < score(1),
        "a null target is the text as a whole: {lines:?}"
    );
    assert_eq!(lines[3]["band"], "neutral", "the name carries no sentiment");
}

#[test]
fn score_target_must_be_a_string() {
    let out = run(
        &["score"],
        br#"{"id": 1, "text": "Profit rose", "target": 5}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"target\" must be a string"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn engine_vader_ignores_the_target() {
    let line = br#"{"id": 1, "text": "Best Buy shares fell", "target": "Best Buy"}"#;
    let without = br#"{"id": 1, "text": "Best Buy shares fell"}"#;
    let a = stdout_lines(&run(&["score", "--engine", "vader"], line));
    let b = stdout_lines(&run(&["score", "--engine", "vader"], without));
    assert_eq!(a[0]["score"], b[0]["score"]);
}

#[test]
fn analyze_target_flag() {
    let text = b"Tesco shares fall as Sainsbury gains.";
    let tesco = run(&["analyze", "--target", "Tesco"], text);
    let sainsbury = run(&["analyze", "--target", "Sainsbury"], text);
    assert!(tesco.status.success() && sainsbury.status.success());
    let first = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(first(&tesco).contains("negative"), "{}", first(&tesco));
    assert!(
        first(&sainsbury).contains("positive"),
        "{}",
        first(&sainsbury)
    );
}

#[test]
fn analyze_summary_lists_key_entities_with_type_and_tone() {
    let out = run(
        &["analyze"],
        b"President Joe Biden met Vladimir Putin in Geneva. Biden praised the warm talks.",
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let section = text
        .split("Key entities:")
        .nth(1)
        .expect("an entity section");
    assert!(section.contains("Joe Biden (person): "), "{section}");
    assert!(section.contains("Geneva (place): "), "{section}");
    // Aliases are merged: "Biden" is not listed again.
    assert_eq!(section.matches("Biden").count(), 1, "{section}");
}
