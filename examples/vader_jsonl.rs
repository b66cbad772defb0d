//! Scores JSONL with the VADER port, for `scripts/vader_parity.py`.
//!
//! Reads lines `{"id": .., "text": ".."}` on stdin and writes one line
//! `{"id": .., "neg": .., "neu": .., "pos": .., "compound": ..}` per input line to stdout
//! (`id` is echoed as given, any JSON value). Blank lines are skipped; a malformed line is an error.
//!
//! ```text
//! cargo run --release --example vader_jsonl < in.jsonl > out.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("vader_jsonl: reading stdin: {e}");
                return ExitCode::FAILURE;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("vader_jsonl: line {}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
            eprintln!("vader_jsonl: line {}: no string field \"text\"", n + 1);
            return ExitCode::FAILURE;
        };
        let s = undertone::vader::polarity_scores(text);
        let result = serde_json::json!({
            "id": record.get("id").cloned().unwrap_or(serde_json::Value::Null),
            "neg": s.neg,
            "neu": s.neu,
            "pos": s.pos,
            "compound": s.compound,
        });
        if writeln!(out, "{result}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
