//! Terms a translation must keep: a glossary the reviewer gives
//! (`check --glossary FILE`), checked bead by bead, and the consistency of
//! repeated sentences.
//!
//! A glossary is a tab-separated file, one term a line: the Chinese term, a
//! tab, and its English forms separated by `|` (`食品药品监督管理局`, tab,
//! `Food and Drug Administration|FDA`). Lines starting with `#` and blank lines are
//! skipped. Chinese terms match in Simplified or Traditional script; English
//! forms match case-insensitively, word by word after stemming ("Centers for
//! Disease Control" matches "Center for Disease Control").

use std::collections::BTreeMap;
use std::path::Path;

use rust_stemmers::{Algorithm, Stemmer};

use super::{quote, Context, Finding, FindingKind, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::to_simplified;

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The Chinese term, in simplified characters.
    pub zh: String,
    /// Its English forms, as written in the glossary.
    pub en: Vec<String>,
    /// Each form as a sequence of word stems.
    stems: Vec<Vec<String>>,
}

/// A reviewer's glossary: Chinese terms and the English forms each must
/// be translated with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    terms: Vec<Term>,
}

/// Lower-cased word stems of an English text.
fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
        .collect()
}

impl Glossary {
    /// Parse a glossary (see the [module documentation](self)).
    ///
    /// Errors: [`ErrorKind::Parse`] naming the line of an entry without a
    /// Chinese term or without an English form; [`ErrorKind::Empty`] when no
    /// entry is left.
    pub fn parse(text: &str) -> Result<Glossary> {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut terms = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (zh, en) = line.split_once('\t').unwrap_or((line, ""));
            let zh = to_simplified(zh.trim()).into_owned();
            let en: Vec<String> = en
                .split('|')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(str::to_string)
                .collect();
            if zh.is_empty() || en.is_empty() {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!(
                        "glossary line {}: expected a Chinese term, a tab, and English forms separated by |",
                        n + 1
                    ),
                ));
            }
            let stems = en.iter().map(|f| stems(&stemmer, f)).collect();
            terms.push(Term { zh, en, stems });
        }
        if terms.is_empty() {
            return Err(Error::new(ErrorKind::Empty, "the glossary holds no term"));
        }
        // Longer terms first: 美国食品药品监督管理局 before 食品药品监督管理局.
        terms.sort_by_key(|t| std::cmp::Reverse(t.zh.chars().count()));
        Ok(Glossary { terms })
    }

    /// Read and parse a glossary file (any encoding `input` reads).
    pub fn read(path: &Path) -> Result<Glossary> {
        let text = crate::input::read_path(path)?.text;
        Glossary::parse(&text).map_err(|e| e.with_path(path))
    }

    /// The terms, longest Chinese first.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }
}

/// True when the stem sequence `form` occurs in `words`.
fn contains(words: &[String], form: &[String]) -> bool {
    !form.is_empty() && words.windows(form.len()).any(|w| w == form)
}

/// `term-missing` findings: a bead whose Chinese holds a glossary term while
/// its English holds none of the term's forms.
pub(super) fn check(ctx: &Context<'_>, glossary: &Glossary, out: &mut Vec<Finding>) {
    let stemmer = Stemmer::create(Algorithm::English);
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() {
            continue;
        }
        let en_ids = ctx.en_content(bead);
        if en_ids.is_empty() {
            continue;
        }
        let en_text: Vec<&str> = en_ids.iter().map(|&j| ctx.en_text(j)).collect();
        let words = stems(&stemmer, &en_text.join(" "));
        for i in bead.zh.clone() {
            let original = ctx.zh_text(i);
            let zh = to_simplified(original);
            // Each stretch of the sentence belongs to its longest term.
            let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
            for term in glossary.terms() {
                for (at, _) in zh.match_indices(term.zh.as_str()) {
                    let span = at..at + term.zh.len();
                    if taken
                        .iter()
                        .any(|t| t.start < span.end && span.start < t.end)
                    {
                        continue;
                    }
                    taken.push(span.clone());
                    if term.stems.iter().any(|f| contains(&words, f)) {
                        continue;
                    }
                    let base = ctx.zh_span(i).start;
                    out.push(Finding {
                        kind: FindingKind::TermMissing,
                        severity: FindingKind::TermMissing.severity(),
                        bead: b,
                        zh_sentences: vec![i],
                        en_sentences: en_ids.clone(),
                        zh_spans: std::iter::once(base + span.start..base + span.end).collect(),
                        en_spans: vec![],
                        message: format!(
                            "term missing: {} should be translated \"{}\"",
                            original.get(span.clone()).unwrap_or(&term.zh),
                            term.en.join("\" or \"")
                        ),
                    });
                }
            }
        }
    }
}

/// Text compared for consistency: no white space, lower case.
fn key(text: &str) -> String {
    to_simplified(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `inconsistent` findings (info): one Chinese sentence translated two ways
/// in the document, or two Chinese sentences given one English sentence.
pub(super) fn consistency(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Only 1-1 beads of some length: short lines ("第一条", "Yes.") repeat
    // legitimately with different translations.
    let mut by_zh: BTreeMap<String, Vec<(usize, usize, usize)>> = BTreeMap::new();
    let mut by_en: BTreeMap<String, Vec<(usize, usize, usize)>> = BTreeMap::new();
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.zh.len() != 1 || bead.en.len() != 1 || !ctx.in_body(b) {
            continue;
        }
        let (i, j) = (bead.zh.start, bead.en.start);
        let (zt, et) = (ctx.zh_text(i), ctx.en_text(j));
        if zt.chars().count() >= 8 {
            by_zh.entry(key(zt)).or_default().push((b, i, j));
        }
        if et.split_whitespace().count() >= 5 {
            by_en.entry(key(et)).or_default().push((b, i, j));
        }
    }
    // A group of one has nothing to disagree with.
    for group in by_zh.values().filter(|g| g.len() >= 2) {
        let Some(&(_, _, j0)) = group.first() else {
            continue;
        };
        let first = key(ctx.en_text(j0));
        if let Some(&(b, i, j)) = group
            .iter()
            .find(|&&(_, _, j)| key(ctx.en_text(j)) != first)
        {
            out.push(Finding {
                kind: FindingKind::Inconsistent,
                severity: Severity::Info,
                bead: b,
                zh_sentences: vec![i],
                en_sentences: vec![j0, j],
                zh_spans: vec![ctx.zh_span(i)],
                en_spans: vec![ctx.en_span(j0), ctx.en_span(j)],
                message: format!(
                    "inconsistent: \"{}\" is translated both \"{}\" and \"{}\"",
                    quote(ctx.zh_text(i), 30),
                    quote(ctx.en_text(j0), 40),
                    quote(ctx.en_text(j), 40)
                ),
            });
        }
    }
    for group in by_en.values().filter(|g| g.len() >= 2) {
        let Some(&(_, i0, _)) = group.first() else {
            continue;
        };
        let first = key(ctx.zh_text(i0));
        if let Some(&(b, i, j)) = group
            .iter()
            .find(|&&(_, i, _)| key(ctx.zh_text(i)) != first)
        {
            out.push(Finding {
                kind: FindingKind::Inconsistent,
                severity: Severity::Info,
                bead: b,
                zh_sentences: vec![i0, i],
                en_sentences: vec![j],
                zh_spans: vec![ctx.zh_span(i0), ctx.zh_span(i)],
                en_spans: vec![ctx.en_span(j)],
                message: format!(
                    "inconsistent: \"{}\" translates both \"{}\" and \"{}\"",
                    quote(ctx.en_text(j), 40),
                    quote(ctx.zh_text(i0), 30),
                    quote(ctx.zh_text(i), 30)
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::Checker;

    const GLOSSARY: &str = "# agencies\n食品药品监督管理局\tFood and Drug Administration|FDA\n疾控中心\tCenters for Disease Control and Prevention|CDC\n";

    #[test]
    fn glossary_lines_are_parsed_and_bad_ones_named() {
        let g = Glossary::parse(GLOSSARY).unwrap();
        assert_eq!(g.terms().len(), 2);
        assert_eq!(g.terms()[0].en, vec!["Food and Drug Administration", "FDA"]);
        let e = Glossary::parse("# only\n食品\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Parse);
        assert!(e.to_string().contains("line 2"), "{e}");
        assert_eq!(
            Glossary::parse("# none\n").unwrap_err().kind(),
            ErrorKind::Empty
        );
    }

    #[test]
    fn term_rendered_otherwise_is_missing() {
        let (zh, en) = docs(
            &[
                "美国食品药品監督管理局批准了这种药物。",
                "疾控中心发布了新的指南。",
            ],
            &[
                "The USDA approved the drug.",
                "The Center for Disease Control and Prevention issued new guidance.",
            ],
        );
        let g = Glossary::parse(GLOSSARY).unwrap();
        let review = Checker::new().doubt_margin(0.0).glossary(g).check(
            &zh,
            &en,
            &ladder(&[(1, 1), (1, 1)]),
        );
        // The agency became another one: found by name too, without the glossary.
        assert_eq!(kinds(&review), vec!["name-altered", "term-missing"]);
        let f = &review.findings[1];
        assert_eq!(f.bead, 0);
        assert!(f.message.contains("食品药品監督管理局"), "{}", f.message);
        assert!(f.message.contains("\"FDA\""), "{}", f.message);
    }

    #[test]
    fn same_sentence_translated_two_ways_is_inconsistent() {
        let (zh, en) = docs(
            &[
                "我们必须坚持改革开放不动摇。",
                "经济发展取得了新的成就。",
                "我们必须坚持改革开放不动摇。",
            ],
            &[
                "We must unswervingly adhere to reform and opening up.",
                "Economic development made new achievements.",
                "We must stick to reform and opening up without wavering.",
            ],
        );
        let review =
            Checker::new()
                .doubt_margin(0.0)
                .check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        let inconsistent: Vec<_> = review
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Inconsistent)
            .collect();
        assert_eq!(inconsistent.len(), 1, "{:#?}", review.findings);
        assert_eq!(inconsistent[0].severity, Severity::Info);
        assert_eq!(inconsistent[0].en_sentences, vec![0, 2]);
    }
}
