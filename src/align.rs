//! Sentence alignment: dynamic programming over beads.

use std::ops::Range;

use serde::Serialize;

use crate::document::Document;

/// One alignment unit: consecutive Chinese sentences paired with consecutive
/// English sentences. Either side may be empty (an unaligned sentence).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// Indices of the Chinese sentences (may be empty).
    pub zh: Range<usize>,
    /// Indices of the English sentences (may be empty).
    pub en: Range<usize>,
    /// Confidence in 0..1 that this bead is right.
    pub confidence: f64,
}

impl Bead {
    /// The bead's shape as (Chinese count, English count), e.g. (2, 1).
    pub fn shape(&self) -> (usize, usize) {
        (self.zh.len(), self.en.len())
    }

    /// A short name of the shape: `1-1`, `2-1`, `1-0`, …
    pub fn kind(&self) -> String {
        format!("{}-{}", self.zh.len(), self.en.len())
    }

    /// True when one side is empty.
    pub fn is_unaligned(&self) -> bool {
        self.zh.is_empty() || self.en.is_empty()
    }
}

/// The alignment of two documents: beads in order, covering every sentence once.
#[derive(Debug, Clone, Serialize)]
pub struct Alignment {
    /// The beads, monotonic in both languages.
    pub beads: Vec<Bead>,
    /// Overall score in 0..1: how much this looks like a translation pair.
    pub score: f64,
}

/// Aligns a Chinese document with its English translation.
#[derive(Debug, Clone, Default)]
pub struct Aligner {}

impl Aligner {
    /// An aligner with default settings.
    pub fn new() -> Aligner {
        Aligner {}
    }

    /// Align `zh` with `en`.
    pub fn align(&self, zh: &Document, en: &Document) -> Alignment {
        let n = zh.len().min(en.len());
        let mut beads: Vec<Bead> = (0..n)
            .map(|i| Bead {
                zh: i..i + 1,
                en: i..i + 1,
                confidence: 0.5,
            })
            .collect();
        for i in n..zh.len() {
            beads.push(Bead {
                zh: i..i + 1,
                en: en.len()..en.len(),
                confidence: 0.5,
            });
        }
        for j in n..en.len() {
            beads.push(Bead {
                zh: zh.len()..zh.len(),
                en: j..j + 1,
                confidence: 0.5,
            });
        }
        Alignment { beads, score: 0.5 }
    }
}
