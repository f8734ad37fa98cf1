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

/// How a document's text was cut into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// By the segmenter's rules (or as given to [`Document::from_parts`]).
    Segmented,
    /// One sentence a line, as the caller said ([`Document::presegmented`],
    /// `--presegmented`).
    Presegmented,
    /// One sentence a line, recognised in the text ([`Document::auto`]).
    OneSentenceALine,
}

/// A text that holds at least this many lines may be recognised as one
/// sentence a line ([`Document::auto`]).
pub const MIN_LINES: usize = 3;
/// Share of the lines the segmenter must keep whole for a text to be
/// recognised as one sentence a line ([`Document::auto`]).
pub const ONE_SENTENCE_SHARE: f64 = 0.9;

/// A text in one language with its sentences, in order.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    lang: Lang,
    sentences: Vec<Sentence>,
    layout: Layout,
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
            layout: Layout::Segmented,
        }
    }

    /// Segment `text` into sentences with the default rules for `lang`.
    pub fn segment(text: String, lang: Lang) -> Document {
        let sentences = crate::segment::Segmenter::new(lang).segment(&text);
        Document::from_parts(text, lang, sentences)
    }

    /// Segment `text` into sentences, unless it holds one sentence a line
    /// (the convention of hunalign, Vecalign and Bertalign corpora), which is
    /// then kept: every non-blank line one sentence, as
    /// [`Document::presegmented`] would read it, and [`Document::layout`]
    /// says [`Layout::OneSentenceALine`].
    ///
    /// A text holds one sentence a line when it has at least [`MIN_LINES`]
    /// lines, no blank line between two of them (blank lines mark
    /// paragraphs, and sentences would then run across lines) and the
    /// segmenter keeps at least [`ONE_SENTENCE_SHARE`] of its lines whole.
    ///
    /// ```
    /// use duizhao::{Document, Lang, Layout};
    ///
    /// let mut lines: String = (1..10).map(|i| format!("This is line {i}.\n")).collect();
    /// lines.push_str("He came home. Then he slept.\n");
    /// let doc = Document::auto(lines, Lang::En);
    /// assert_eq!(doc.layout(), Layout::OneSentenceALine);
    /// assert_eq!(doc.len(), 10);
    /// assert_eq!(doc.sentence_text(9), "He came home. Then he slept.");
    /// let prose = "He came home. Then he slept.\n\nIt rained. We stayed in.\n";
    /// assert_eq!(Document::auto(prose.to_string(), Lang::En).layout(), Layout::Segmented);
    /// ```
    pub fn auto(text: String, lang: Lang) -> Document {
        let sentences = crate::segment::Segmenter::new(lang).segment(&text);
        let lines = crate::segment::paragraphs(&text);
        if !one_sentence_a_line(&text, &lines, &sentences) {
            return Document::from_parts(text, lang, sentences);
        }
        let sentences = lines
            .into_iter()
            .filter_map(|r| {
                let line = text.get(r.clone())?;
                let start = r.start + (line.len() - line.trim_start().len());
                Some(Sentence {
                    span: start..start + line.trim().len(),
                    paragraph: 0,
                })
            })
            .collect();
        Document {
            layout: Layout::OneSentenceALine,
            ..Document::from_parts(text, lang, sentences)
        }
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
        Document {
            layout: Layout::Presegmented,
            ..Document::from_parts(text, lang, sentences)
        }
    }

    /// How the text was cut into sentences.
    pub fn layout(&self) -> Layout {
        self.layout
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

/// Whether a text whose non-blank `lines` the segmenter cut into
/// `sentences` (paragraph = line) holds one sentence a line.
fn one_sentence_a_line(
    text: &str,
    lines: &[std::ops::Range<usize>],
    sentences: &[Sentence],
) -> bool {
    if lines.len() < MIN_LINES {
        return false;
    }
    // A blank line between two lines: more than one line break between them.
    let blank = lines.windows(2).any(|w| {
        let gap = text.get(w[0].end..w[1].start).unwrap_or("");
        gap.replace("\r\n", "\n")
            .chars()
            .filter(|&c| c == '\n' || c == '\r')
            .count()
            > 1
    });
    if blank {
        return false;
    }
    let mut per_line = vec![0usize; lines.len()];
    for s in sentences {
        if let Some(n) = per_line.get_mut(s.paragraph) {
            *n += 1;
        }
    }
    let whole = per_line.iter().filter(|&&n| n == 1).count();
    whole as f64 >= ONE_SENTENCE_SHARE * lines.len() as f64
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
        assert_eq!(doc.layout(), Layout::Presegmented);
    }

    #[test]
    fn one_sentence_a_line_is_recognised_and_read_as_presegmented() {
        // Nine lines in ten one sentence: the tenth is kept whole too.
        let mut text: String = (0..9).map(|i| format!("第{i}句话在这里。\r\n")).collect();
        text.push_str("他来了。她走了。\r\n");
        let doc = Document::auto(text.clone(), Lang::Zh);
        assert_eq!(doc.layout(), Layout::OneSentenceALine);
        let lines = Document::presegmented(text.clone(), Lang::Zh);
        assert_eq!(doc.sentences(), lines.sentences());
        assert_eq!(doc.sentence_text(9), "他来了。她走了。");
        // Lone carriage returns end lines too.
        let cr = text.replace("\r\n", "\r");
        let doc = Document::auto(cr, Lang::Zh);
        assert_eq!(doc.layout(), Layout::OneSentenceALine);
        assert_eq!(doc.len(), 10);
    }

    #[test]
    fn paragraphs_and_blank_lines_are_segmented() {
        // Two lines in three hold two sentences: paragraphs, not sentences.
        let text = "他来了。她走了。\n我们在家。\n天下雨了。风很大。\n".repeat(3);
        assert_eq!(Document::auto(text, Lang::Zh).layout(), Layout::Segmented);
        // One sentence a line, but blank lines between paragraphs.
        let text = "他来了。\n她走了。\n\n我们在家。\n天下雨了。\n";
        let doc = Document::auto(text.to_string(), Lang::Zh);
        assert_eq!(doc.layout(), Layout::Segmented);
        assert_eq!(doc.len(), 4);
        // Too few lines to tell.
        let doc = Document::auto("他来了。\n她走了。\n".to_string(), Lang::Zh);
        assert_eq!(doc.layout(), Layout::Segmented);
        assert_eq!(
            Document::segment("他来了。".into(), Lang::Zh).layout(),
            Layout::Segmented
        );
    }
}
