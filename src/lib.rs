//! duizhao (对照, "side by side") aligns a Chinese original with its English
//! translation sentence by sentence and reviews the translation.
//!
//! The pipeline flows one way:
//!
//! * [`input`] decodes bytes to text (UTF-8, UTF-16, Windows-1252, GB18030);
//! * [`import`] reads pre-aligned bilingual files (XLIFF, TMX, TSV/CSV) as
//!   aligned pairs, one bead per unit;
//! * [`segment`] splits text into [`Sentence`]s, held by a [`Document`];
//! * [`align`] pairs the sentences of two documents into [`Bead`]s;
//! * [`check`](mod@check) reviews an [`Alignment`] and reports [`Finding`]s;
//! * [`export`] writes alignments as TSV, JSON lines, ladders or TMX, and
//!   [`report`] writes reviews for the terminal, as HTML, JSON, TSV or Excel;
//! * [`matching`] finds which of many documents translates a given one;
//! * [`batch`], [`stream`] and [`pipeline`] run the whole chain over many pairs;
//! * [`output`] writes files without destroying what is at the path.
//!
//! Evidence shared by aligner and checker lives in [`numbers`] (figures
//! compared by value) and [`lexicon`] (the bundled CC-CEDICT dictionary).
//! Every fallible function returns [`Result`], whose [`Error`] has a
//! [`kind`](Error::kind).
//!
//! ```
//! use duizhao::{Aligner, Document, FindingKind, Lang};
//!
//! let zh = Document::segment("今天下雨。2021年死亡人数达10.7万。".to_string(), Lang::Zh);
//! let en = Document::segment("It rains today. Deaths reached 107,000 in 2021.".to_string(), Lang::En);
//! let alignment = Aligner::new().align(&zh, &en);
//! assert_eq!(alignment.beads.len(), 2);
//! let review = duizhao::check(&zh, &en, &alignment);
//! // 10.7万 and 107,000 are the same figure: nothing to report.
//! assert!(review.findings.iter().all(|f| f.kind != FindingKind::FigureAltered));
//! ```
#![warn(missing_docs)]
// Library code never panics on input: no unwrap or expect (see docs/robustness.md).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod align;
pub mod batch;
pub mod check;
pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod import;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod matching;
pub mod numbers;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod stream;

pub use align::{Aligner, Alignment, Bead, SkipMargins};
pub use check::{check, Checker, Finding, FindingKind, Review, Severity};
pub use document::{Document, Layout, Sentence};
pub use error::{Error, ErrorKind, Result};
pub use lang::Lang;
