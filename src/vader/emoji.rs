//! The emoji pass of `polarity_scores` (3.3.2): each code point that is a key of
//! emoji_utf8_lexicon.txt is replaced by its description; a space is put before the description
//! unless the previous output character was an ASCII space, and none after it (so `"😀x"` becomes
//! `"grinning facex"`). Keeps a map back to the caller's byte offsets.

use super::tables::{EMOJIS, EMOJI_MIN};
use std::borrow::Cow;

/// Description of a one-code-point emoji key.
pub(crate) fn emoji_description(c: char) -> Option<&'static str> {
    if c < EMOJI_MIN {
        return None;
    }
    EMOJIS
        .binary_search_by(|&(k, _)| k.cmp(&c))
        .ok()
        .map(|i| EMOJIS[i].1)
}

/// A run of the substituted text: either copied verbatim from the input, or an emoji's
/// description (with its optional leading space), which maps to the whole emoji.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where the run starts in the substituted text.
    out_start: usize,
    /// Where its source starts in the input.
    in_start: usize,
    /// Where its source ends in the input (used for emoji runs).
    in_end: usize,
    emoji: bool,
}

/// The text after the emoji pass, with a map to input offsets.
#[derive(Debug)]
pub(crate) struct Substituted<'a> {
    /// The text VADER goes on with.
    pub(crate) text: Cow<'a, str>,
    /// Empty when no emoji was replaced (identity map).
    segments: Vec<Segment>,
}

impl<'a> Substituted<'a> {
    /// Runs the emoji pass over `input` in one pass.
    pub(crate) fn new(input: &'a str) -> Self {
        let mut out: Option<String> = None;
        let mut segments = Vec::new();
        let mut prev_space = true;
        // Start (in the input) of the verbatim run not yet copied into `out`.
        let mut pending = 0;
        for (i, c) in input.char_indices() {
            let Some(desc) = emoji_description(c) else {
                prev_space = c == ' ';
                continue;
            };
            let buf = out.get_or_insert_with(|| String::with_capacity(input.len() + 32));
            if pending < i {
                segments.push(Segment {
                    out_start: buf.len(),
                    in_start: pending,
                    in_end: i,
                    emoji: false,
                });
                buf.push_str(&input[pending..i]);
            }
            let end = i + c.len_utf8();
            segments.push(Segment {
                out_start: buf.len(),
                in_start: i,
                in_end: end,
                emoji: true,
            });
            if !prev_space {
                buf.push(' ');
            }
            buf.push_str(desc);
            prev_space = false;
            pending = end;
        }
        match out {
            None => Substituted {
                text: Cow::Borrowed(input),
                segments,
            },
            Some(mut buf) => {
                if pending < input.len() {
                    segments.push(Segment {
                        out_start: buf.len(),
                        in_start: pending,
                        in_end: input.len(),
                        emoji: false,
                    });
                    buf.push_str(&input[pending..]);
                }
                Substituted {
                    text: Cow::Owned(buf),
                    segments,
                }
            }
        }
    }

    fn segment_of(&self, pos: usize) -> &Segment {
        let i = self.segments.partition_point(|s| s.out_start <= pos);
        &self.segments[i.saturating_sub(1)]
    }

    /// Input offset of the character starting at `pos` in the substituted text.
    pub(crate) fn map_start(&self, pos: usize) -> usize {
        if self.segments.is_empty() {
            return pos;
        }
        let s = self.segment_of(pos);
        if s.emoji {
            s.in_start
        } else {
            s.in_start + (pos - s.out_start)
        }
    }

    /// Input offset just past the character ending at `end` (exclusive, `end > 0`).
    pub(crate) fn map_end(&self, end: usize) -> usize {
        if self.segments.is_empty() || end == 0 {
            return end;
        }
        let s = self.segment_of(end - 1);
        if s.emoji {
            s.in_end
        } else {
            s.in_start + (end - s.out_start)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions() {
        assert_eq!(emoji_description('😀'), Some("grinning face"));
        assert_eq!(emoji_description('a'), None);
        assert_eq!(emoji_description('©'), Some("copyright"));
        assert_eq!(emoji_description('\u{10ffff}'), None);
    }

    #[test]
    fn substitution_spacing_like_reference() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("no emoji here", "no emoji here"),
            ("😀", "grinning face"),
            ("a😀", "a grinning face"),
            ("a 😀", "a grinning face"),
            ("😀a", "grinning facea"),
            ("😀😀", "grinning face grinning face"),
            ("a\t😀", "a\t grinning face"), // only ' ' counts as a previous space
            ("🔛!", "ON! arrow!"),
        ];
        for (input, want) in cases {
            assert_eq!(Substituted::new(input).text, *want, "{input:?}");
        }
    }

    #[test]
    fn offsets_map_back() {
        let input = "é😀x ok";
        let s = Substituted::new(input);
        assert_eq!(s.text, "é grinning facex ok");
        let t: &str = &s.text;
        let face = t.find("face").unwrap();
        // "facex" spans the end of the description and the verbatim 'x'.
        assert_eq!(s.map_start(face), 2);
        assert_eq!(s.map_end(face + 5), 7);
        let grin = t.find("grinning").unwrap();
        assert_eq!((s.map_start(grin), s.map_end(grin + 8)), (2, 6));
        let ok = t.find("ok").unwrap();
        assert_eq!(&input[s.map_start(ok)..s.map_end(ok + 2)], "ok");
        assert_eq!(&input[s.map_start(0)..s.map_end(2)], "é");
        // Identity when nothing was replaced.
        let plain = Substituted::new("plain");
        assert_eq!((plain.map_start(1), plain.map_end(3)), (1, 3));
    }
}
