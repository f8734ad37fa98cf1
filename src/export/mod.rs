//! Writing alignments: TSV, JSON lines, TMX and the ladder format of gold standards.

mod ladder;
mod tmx;
mod tsv;

pub use ladder::write_ladder;
pub use tmx::{write_tmx, TmxOptions};
pub use tsv::{escape_cell, unescape_cell, write_tsv, TsvColumns};

use serde::Serialize;

use crate::align::{Alignment, Bead};
use crate::document::Document;
use crate::error::{Error, Result};

/// A document pair with its alignment: what every exporter writes.
#[derive(Debug, Clone, Copy)]
pub struct AlignedPair<'a> {
    /// The Chinese document.
    pub zh: &'a Document,
    /// The English document.
    pub en: &'a Document,
    /// Their alignment.
    pub alignment: &'a Alignment,
}

impl<'a> AlignedPair<'a> {
    /// The Chinese text of a bead, its sentences joined with nothing between them.
    pub fn zh_text(&self, bead: &Bead) -> String {
        bead.zh
            .clone()
            .map(|i| self.zh.sentence_text(i))
            .collect::<Vec<_>>()
            .join("")
    }

    /// The English text of a bead, its sentences joined with a space.
    pub fn en_text(&self, bead: &Bead) -> String {
        bead.en
            .clone()
            .map(|i| self.en.sentence_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One bead as written to JSON: sentence indices, shape, confidence, texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeadRecord {
    /// Indices of the Chinese sentences.
    pub zh_ids: Vec<usize>,
    /// Indices of the English sentences.
    pub en_ids: Vec<usize>,
    /// The shape, e.g. `2-1`.
    pub kind: String,
    /// Confidence, rounded to three decimals.
    pub confidence: f64,
    /// The Chinese text.
    pub zh: String,
    /// The English text.
    pub en: String,
}

impl AlignedPair<'_> {
    /// The JSON record of `bead`.
    pub fn bead_record(&self, bead: &Bead) -> BeadRecord {
        BeadRecord {
            zh_ids: bead.zh.clone().collect(),
            en_ids: bead.en.clone().collect(),
            kind: bead.kind(),
            confidence: round3(bead.confidence),
            zh: self.zh_text(bead),
            en: self.en_text(bead),
        }
    }
}

/// One JSON object per line and bead: ids, kind, confidence and both texts.
pub fn write_jsonl<W: std::io::Write>(mut out: W, pair: &AlignedPair<'_>) -> Result<()> {
    for bead in &pair.alignment.beads {
        serde_json::to_writer(&mut out, &pair.bead_record(bead))
            .map_err(|e| Error::io(e.into(), None))?;
        out.write_all(b"\n").map_err(|e| Error::io(e, None))?;
    }
    Ok(())
}

pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
