//! Stand-in for the bilingual lexicon (replaced by the CC-CEDICT lexicon).
#![allow(missing_docs)]
use std::ops::Range;
pub struct Lexicon;
static LEX: Lexicon = Lexicon;
#[derive(Debug, Clone)]
pub struct ZhWord {
    pub span: Range<usize>,
    pub translations: Vec<u32>,
}
#[derive(Debug, Clone)]
pub struct EnWord {
    pub span: Range<usize>,
    pub stem: u32,
    pub alt: Option<u32>,
}
#[derive(Debug, Clone, Copy, Default)]
pub struct LexicalMatch {
    pub zh_matched: usize,
    pub zh_total: usize,
    pub en_matched: usize,
    pub en_total: usize,
}
impl LexicalMatch {
    pub fn score(&self) -> f64 {
        let t = self.zh_total + self.en_total;
        if t == 0 {
            0.0
        } else {
            (self.zh_matched + self.en_matched) as f64 / t as f64
        }
    }
}
impl Lexicon {
    pub fn bundled() -> &'static Lexicon {
        &LEX
    }
    pub fn zh_words(&self, _t: &str) -> Vec<ZhWord> {
        Vec::new()
    }
    pub fn en_words(&self, _t: &str) -> Vec<EnWord> {
        Vec::new()
    }
}
pub fn lexical_match(_zh: &[&[ZhWord]], _en: &[&[EnWord]]) -> LexicalMatch {
    LexicalMatch::default()
}
