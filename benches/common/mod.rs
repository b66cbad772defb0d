//! Benchmark input shared by the bench files.

/// `sentences` cycled until the text has at least `words` words, with a blank line (a new
/// paragraph) after every fifth sentence.
pub fn article(sentences: &[&str], words: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    let mut i = 0;
    while count < words {
        let s = sentences[i % sentences.len()];
        text.push_str(s);
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        count += s.split_whitespace().count();
        i += 1;
    }
    text
}
