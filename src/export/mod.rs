//! Writing alignments: TSV, JSON lines and the ladder format of gold standards.

mod ladder;
mod tsv;

pub use ladder::write_ladder;
pub use tsv::{escape_cell, write_tsv, TsvColumns};

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

#[derive(Serialize)]
struct JsonBead<'a> {
    zh_ids: Vec<usize>,
    en_ids: Vec<usize>,
    kind: String,
    confidence: f64,
    zh: &'a str,
    en: &'a str,
}

/// One JSON object per line and bead: ids, kind, confidence and both texts.
pub fn write_jsonl<W: std::io::Write>(mut out: W, pair: &AlignedPair<'_>) -> Result<()> {
    for bead in &pair.alignment.beads {
        let (zh, en) = (pair.zh_text(bead), pair.en_text(bead));
        let row = JsonBead {
            zh_ids: bead.zh.clone().collect(),
            en_ids: bead.en.clone().collect(),
            kind: bead.kind(),
            confidence: round3(bead.confidence),
            zh: &zh,
            en: &en,
        };
        serde_json::to_writer(&mut out, &row).map_err(|e| Error::io(e.into(), None))?;
        out.write_all(b"\n").map_err(|e| Error::io(e, None))?;
    }
    Ok(())
}

pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
