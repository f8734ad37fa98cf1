//! A segmented text: the decoded original and its sentences as byte spans.

use std::ops::Range;

use serde::Serialize;

use crate::lang::Lang;

/// One sentence: a byte span into its [`Document`]'s text, never a copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offsets of the sentence in the document text (trimmed of surrounding white space).
    pub span: Range<usize>,
    /// Index of the paragraph (0-based) the sentence belongs to.
    pub paragraph: usize,
}

/// A text in one language with its sentences, in order.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    lang: Lang,
    sentences: Vec<Sentence>,
}

impl Document {
    /// Build a document from a text and sentence spans already found.
    ///
    /// Spans must lie on character boundaries inside `text` and be in order.
    pub fn from_parts(text: String, lang: Lang, sentences: Vec<Sentence>) -> Document {
        debug_assert!(sentences.iter().all(|s| text.get(s.span.clone()).is_some()));
        Document {
            text,
            lang,
            sentences,
        }
    }

    /// Segment `text` into sentences with the default rules for `lang`.
    pub fn segment(text: String, lang: Lang) -> Document {
        let sentences = crate::segment::Segmenter::new(lang).segment(&text);
        Document::from_parts(text, lang, sentences)
    }

    /// Treat every non-blank line of `text` as one sentence, the convention of
    /// presegmented corpora. Blank lines are skipped and separate paragraphs.
    pub fn presegmented(text: String, lang: Lang) -> Document {
        let mut sentences = Vec::new();
        let mut start = 0;
        let mut paragraph = 0;
        let mut blank_before = false;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            let lead = body.len() - body.trim_start().len();
            let trimmed = body.trim();
            if trimmed.is_empty() {
                if !sentences.is_empty() {
                    blank_before = true;
                }
            } else {
                if blank_before {
                    paragraph += 1;
                    blank_before = false;
                }
                let s = start + lead;
                sentences.push(Sentence {
                    span: s..s + trimmed.len(),
                    paragraph,
                });
            }
            start = end;
        }
        Document::from_parts(text, lang, sentences)
    }

    /// The full decoded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The document's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// All sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when the document holds no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The text of sentence `i`.
    ///
    /// # Panics
    /// When `i` is out of range.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// Iterate over the texts of all sentences.
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> + '_ {
        self.sentences.iter().map(|s| &self.text[s.span.clone()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presegmented_skips_blank_lines_and_keeps_spans() {
        let doc = Document::presegmented("a b\r\n\n  c \nd".to_string(), Lang::En);
        let got: Vec<&str> = doc.sentence_texts().collect();
        assert_eq!(got, vec!["a b", "c", "d"]);
        assert_eq!(doc.sentences()[1].span, 8..9);
        let paras: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, vec![0, 1, 1]);
    }
}
