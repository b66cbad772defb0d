//! `undertone entities` and `undertone ner --conll` as a user runs them: outputs and errors.

mod common;

use common::{run, stderr, stdout};

#[test]
fn entities_writes_one_line_per_document_with_code_point_offsets() {
    let input = concat!(
        r#"{"id": 1, "text": "😀 José Álvarez met President Vladimir Putin in Zürich. Putin was pleased.", "title": "Putin in Zürich"}"#,
        "\n\n",
        r#"{"id": "b", "text": ""}"#,
        "\n"
    );
    let out = run(&["entities"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["entities"], serde_json::json!([]));
    let ents = lines[0]["entities"].as_array().unwrap();
    assert_eq!(ents[0]["name"], "Vladimir Putin");
    assert_eq!(ents[0]["type"], "PER");
    assert_eq!(ents[0]["salience"], 1.0);
    for key in ["score", "label", "band", "mentions"] {
        assert!(ents[0].get(key).is_some(), "{key} missing: {}", ents[0]);
    }
    let text: Vec<char> =
        "😀 José Álvarez met President Vladimir Putin in Zürich. Putin was pleased."
            .chars()
            .collect();
    for e in ents {
        for m in e["mentions"].as_array().unwrap() {
            if m.get("in_title").is_some() {
                continue;
            }
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..t].iter().collect::<String>(),
                m["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn entities_errors_name_the_line() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"{\"id\": 1, \"text\": \"ok\"}\nnot json\n",
            "line 2: invalid JSON",
        ),
        (b"[1, 2]\n", "line 1: expected a JSON object"),
        (b"{\"text\": \"no id\"}\n", "line 1: missing \"id\""),
        (b"{\"id\": 1}\n", "line 1: missing \"text\""),
        (
            b"{\"id\": 1, \"text\": 5}\n",
            "line 1: \"text\" must be a string",
        ),
        (
            b"{\"id\": 1, \"text\": \"x\", \"title\": 5}\n",
            "line 1: \"title\" must be a string",
        ),
        (
            b"{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2, \"text\": \"\xff\"}\n",
            "line 2: not valid UTF-8",
        ),
    ];
    for (input, want) in cases {
        let out = run(&["entities"], input);
        assert!(!out.status.success(), "{want}");
        assert!(stderr(&out).contains(want), "{want}: {}", stderr(&out));
    }
    let out = run(&["entities", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["entities", "--in", "/nonexistent/file.jsonl"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read"));
}

#[test]
fn ner_adds_a_bio_column_and_keeps_docstart_and_blank_lines() {
    let input = "-DOCSTART- O\n\nPresident O\nVladimir B-PER\nPutin I-PER\nvisited O\nNew B-LOC\nYork I-LOC\n. O\n\nPutin B-PER\nleft O\n";
    let out = run(&["ner", "--conll"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let want = [
        "-DOCSTART- O O",
        "",
        "President O O",
        "Vladimir B-PER B-PER",
        "Putin I-PER I-PER",
        "visited O O",
        "New B-LOC B-LOC",
        "York I-LOC I-LOC",
        ". O O",
        "",
        "Putin B-PER B-PER",
        "left O O",
    ];
    assert_eq!(lines, want);
}

#[test]
fn ner_tab_separated_input_gets_a_tab() {
    let out = run(
        &["ner", "--conll"],
        "Angela\tB-PER\nMerkel\tI-PER\nspoke\tO\n".as_bytes(),
    );
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "Angela\tB-PER\tB-PER\nMerkel\tB-PER\tI-PER\nspoke\tO\tO\n"
            .replace("Merkel\tB-PER", "Merkel\tI-PER")
    );
}

#[test]
fn ner_errors() {
    let out = run(&["ner"], b"x O\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--conll"));
    let out = run(&["ner", "--conll"], b"ok O\n\tO\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 2:"), "{}", stderr(&out));
    let out = run(&["ner", "--conll"], b"ok O\n\xff O\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
}

#[test]
fn ner_without_a_part() {
    let input = "Angela O\nMerkel O\nspoke O\nin O\nBerlin O\n";
    let out = run(
        &["ner", "--conll", "--without", "gazetteers"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 5);
    let out = run(&["ner", "--conll", "--without", "model"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Berlin O B-LOC"), "{}", stdout(&out));
    let out = run(&["ner", "--conll", "--without", "rules"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown part 'rules'"),
        "{}",
        stderr(&out)
    );
}

/// A match report over its results table (document 15 of the team's second wire set): the
/// clubs are clubs in every sentence, also where a report sentence opens with one ("Celtic
/// went top") or names it once in passing ("a 2-0 win over Motherwell").
#[test]
fn a_results_table_types_its_report_in_conll() {
    let set = include_str!("../eval/reuters-style-2.conll");
    let doc = set.split("-DOCSTART- O").nth(15).expect("document 15");
    let out = run(&["ner", "--conll"], format!("-DOCSTART- O{doc}").as_bytes());
    let out = stdout(&out);
    let mut seen = 0;
    for line in out.lines() {
        let cols: Vec<&str> = line.split(' ').collect();
        if matches!(cols[0], "Celtic" | "Motherwell" | "Hearts") {
            assert_eq!(cols.last(), Some(&"B-ORG"), "{line}");
            seen += 1;
        }
    }
    assert!(seen >= 6, "{seen} club mentions");
}
