//! Entity part of `undertone eval`, on the CoNLL corpora in `DATA_DIR/ner/`: mention P/R/F1
//! per type and micro, ours against compromise (npm) in the same run. To be filled in.

use std::path::Path;

/// The markdown section for `docs/accuracy.md`, or `None` when `DATA_DIR/ner` is absent.
pub fn section(_data_dir: &Path) -> Result<Option<String>, String> {
    Ok(None)
}
