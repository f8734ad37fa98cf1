//! duizhao (对照, "side by side") aligns a Chinese original with its English
//! translation sentence by sentence and reviews the translation.
//!
//! The pipeline flows one way:
//!
//! * [`input`] decodes bytes to text (UTF-8, UTF-16, GB18030);
//! * [`segment`] splits text into [`Sentence`]s, held by a [`Document`];
//! * [`align`] pairs the sentences of two documents into [`Bead`]s;
//! * [`check`](mod@check) reviews an [`Alignment`] and reports [`Finding`]s;
//! * [`export`] writes alignments and findings as TSV, JSON, TMX or HTML.
//! * [`matching`] finds which of many documents translates a given one.
//!
//! Evidence shared by aligner and checker lives in [`numbers`] (figures
//! compared by value) and [`lexicon`] (the bundled CC-CEDICT dictionary).
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
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod matching;
pub mod numbers;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod stream;

pub use align::{Aligner, Alignment, Bead};
pub use check::{check, Checker, Finding, FindingKind, Review, Severity};
pub use document::{Document, Sentence};
pub use error::{Error, ErrorKind, Result};
pub use lang::Lang;
