//! Entity part of `undertone eval` on news pages the team annotated (`eval/news-entities.jsonl`,
//! the texts read from `DATA_DIR/pages/readability/`): mention F1, per-document entity-set F1 and
//! top-5 precision, ours against compromise (npm) in the same run. To be filled in.

use std::path::Path;

/// The markdown section for `docs/accuracy.md`, or `None` when the pages are absent.
pub fn section(_data_dir: &Path) -> Result<Option<String>, String> {
    Ok(None)
}
