//! JSONL documents in and out, shared by `score` and `entities`: one reader so every command
//! reports malformed input the same way (the first bad line stops the run with its number).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::Failure;

/// One input document: its line number (from 1), its `id` and all its fields.
pub(crate) struct Document<'a> {
    pub number: usize,
    pub id: &'a Value,
    fields: &'a Map<String, Value>,
}

impl<'a> Document<'a> {
    /// The string field `name`: `None` when absent or null, an error naming the line when
    /// `required` and missing, or when not a string.
    pub fn string(&self, name: &str, required: bool) -> Result<Option<&'a str>, Failure> {
        let number = self.number;
        match self.fields.get(name) {
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(Value::Null) | None if !required => Ok(None),
            Some(Value::Null) | None => {
                Err(Failure::run(format!("line {number}: missing \"{name}\"")))
            }
            Some(_) => Err(Failure::run(format!(
                "line {number}: \"{name}\" must be a string"
            ))),
        }
    }
}

/// Standard input for `None` or `-`, else the file.
pub(crate) fn open_input(path: Option<&str>) -> Result<Box<dyn BufRead>, Failure> {
    Ok(match path {
        None | Some("-") => Box::new(BufReader::new(io::stdin().lock())),
        Some(p) => Box::new(BufReader::new(
            File::open(p).map_err(|e| Failure::run(format!("cannot read {p}: {e}")))?,
        )),
    })
}

/// Standard output for `None` or `-`, else the file (created or truncated).
pub(crate) fn open_output(path: Option<&str>) -> Result<Box<dyn Write>, Failure> {
    Ok(match path {
        None | Some("-") => Box::new(io::stdout().lock()),
        Some(p) => {
            Box::new(File::create(p).map_err(|e| Failure::run(format!("cannot write {p}: {e}")))?)
        }
    })
}

/// Calls `handle` for each document line of `input`, in order; blank lines are skipped. Stops at
/// the first line that is not valid UTF-8, not a JSON object, or has no `id`.
pub(crate) fn for_each_document(
    mut input: impl BufRead,
    mut handle: impl FnMut(&Document) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut raw = Vec::new();
    let mut number = 0usize;
    loop {
        raw.clear();
        let read = input
            .read_until(b'\n', &mut raw)
            .map_err(|e| Failure::run(format!("cannot read input: {e}")))?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        let line = std::str::from_utf8(&raw)
            .map_err(|_| Failure::run(format!("line {number}: not valid UTF-8")))?;
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            // Blank lines (a trailing newline pair, say) are not documents.
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| Failure::run(format!("line {number}: invalid JSON: {e}")))?;
        let fields = value
            .as_object()
            .ok_or_else(|| Failure::run(format!("line {number}: expected a JSON object")))?;
        let id = fields
            .get("id")
            .ok_or_else(|| Failure::run(format!("line {number}: missing \"id\"")))?;
        handle(&Document { number, id, fields })?;
    }
}

/// Writes `value` as one JSON line.
pub(crate) fn write_line(out: &mut impl Write, value: &impl Serialize) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, value)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out))
        .map_err(|e| Failure::run(format!("cannot write: {e}")))
}
