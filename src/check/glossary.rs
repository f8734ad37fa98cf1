//! Terms a translation must keep: a glossary the reviewer gives
//! (`check --glossary FILE`), checked bead by bead, and the consistency of
//! repeated sentences and terms.
//!
//! A glossary is a tab-separated file, one term a line: the Chinese term, a
//! tab, and its English forms separated by `|` (`食品药品监督管理局`, tab,
//! `Food and Drug Administration|FDA`). Lines starting with `#` and blank
//! lines are skipped, as is a first line whose first column holds no Chinese
//! (a header such as `zh<TAB>en`); further columns (notes) are ignored. A
//! `.csv` file is read the same way with commas (and CSV quoting), and a TBX
//! termbase (`.tbx`, or any file that starts as XML; see [`tbx`]) by its
//! entries: an entry's English terms are the forms of each of its Chinese
//! terms. The same Chinese term given twice has the forms of both.
//!
//! Chinese terms match in Simplified or Traditional script; English forms
//! match case-insensitively, content word by content word after stemming,
//! as the aligner's lexicon reads English ("Centers for Disease Control"
//! matches "Center for Disease Control", "America" matches "Americans" and
//! "U.S.", "organization" matches "organisation"); a form of function words
//! only matches word by word.

mod tbx;

use std::collections::BTreeMap;
use std::path::Path;

use rust_stemmers::{Algorithm, Stemmer};

use super::{quote, Context, Finding, FindingKind, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::{is_han, to_simplified};
use crate::lexicon::{ExtraEntries, Lexicon};

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The Chinese term, in simplified characters.
    pub zh: String,
    /// Its English forms, as written in the glossary.
    pub en: Vec<String>,
    /// Each form as a sequence of word stems.
    stems: Vec<Vec<String>>,
    /// Each form as the sequence of its content words' ids, as the
    /// lexicon reads English ([`Lexicon::en_words`]: irregular forms and
    /// demonyms lemmatised, British spellings Americanised, `U.S.` one
    /// word); empty for a form of function words only.
    ids: Vec<Vec<u32>>,
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

/// The file formats a glossary is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Tsv,
    Csv,
    Tbx,
}

impl Format {
    /// The format of a glossary file: TBX by its extension (`.tbx`) or when
    /// it starts as an XML document, CSV by its extension, else TSV.
    fn of(path: &Path, text: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("tbx") => Format::Tbx,
            _ if crate::import::xml::root_name(text).is_some() => Format::Tbx,
            Some("csv") => Format::Csv,
            _ => Format::Tsv,
        }
    }
}

/// Errors of a line-based glossary.
fn line_error(n: usize, separator: &str) -> Error {
    Error::new(
        ErrorKind::Parse,
        format!(
            "glossary line {n}: expected a Chinese term, a {separator}, and English forms separated by |"
        ),
    )
}

/// English forms of a cell: separated by `|`, trimmed, none empty.
fn forms(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect()
}

/// Entries of a line-based glossary from its rows (line number, cells):
/// comments, blank rows and a header skipped.
fn table_entries(
    rows: impl IntoIterator<Item = (usize, Vec<String>)>,
    separator: &str,
) -> Result<Vec<(String, Vec<String>)>> {
    let mut entries = Vec::new();
    let mut first = true;
    for (n, cells) in rows {
        let zh = cells
            .first()
            .map_or("", |c| c.trim_start_matches('\u{feff}').trim());
        let en = cells.get(1).map_or("", |c| c.trim());
        if (zh.is_empty() && en.is_empty()) || zh.starts_with('#') {
            continue;
        }
        let header = first && !zh.chars().any(is_han);
        first = false;
        if header {
            continue;
        }
        let en = forms(en);
        if zh.is_empty() || en.is_empty() {
            return Err(line_error(n, separator));
        }
        entries.push((zh.to_string(), en));
    }
    Ok(entries)
}

impl Glossary {
    /// A glossary of `(Chinese term, English forms)` entries. An entry
    /// without a Chinese term or English form is skipped; a term given twice
    /// has the forms of both.
    ///
    /// Errors: [`ErrorKind::Empty`] when no entry is left.
    pub fn from_entries<Z, E>(entries: impl IntoIterator<Item = (Z, Vec<E>)>) -> Result<Glossary>
    where
        Z: AsRef<str>,
        E: AsRef<str>,
    {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut terms: Vec<Term> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (zh, en) in entries {
            let zh = to_simplified(zh.as_ref().trim()).into_owned();
            let en: Vec<String> = en
                .iter()
                .map(|f| f.as_ref().trim().to_string())
                .filter(|f| !f.is_empty())
                .collect();
            if zh.is_empty() || en.is_empty() {
                continue;
            }
            let k = *index.entry(zh.clone()).or_insert_with(|| {
                terms.push(Term {
                    zh,
                    en: Vec::new(),
                    stems: Vec::new(),
                    ids: Vec::new(),
                });
                terms.len() - 1
            });
            if let Some(term) = terms.get_mut(k) {
                for f in en {
                    if !term.en.contains(&f) {
                        term.stems.push(stems(&stemmer, &f));
                        term.ids.push(word_ids(&f));
                        term.en.push(f);
                    }
                }
            }
        }
        if terms.is_empty() {
            return Err(Error::new(
                ErrorKind::Empty,
                "the glossary holds no Chinese term with an English form",
            ));
        }
        // Longer terms first: 美国食品药品监督管理局 before 食品药品监督管理局.
        terms.sort_by_key(|t| std::cmp::Reverse(t.zh.chars().count()));
        Ok(Glossary { terms })
    }

    /// Parse a tab-separated glossary (see the [module documentation](self)).
    ///
    /// Errors: [`ErrorKind::Parse`] naming the line of an entry without a
    /// Chinese term or without an English form; [`ErrorKind::Empty`] when no
    /// entry is left.
    pub fn parse(text: &str) -> Result<Glossary> {
        let rows = text.lines().enumerate().map(|(n, line)| {
            let cells = line.split('\t').map(str::to_string).collect();
            (n + 1, cells)
        });
        Glossary::from_entries(table_entries(rows, "tab")?)
    }

    /// Parse a comma-separated glossary: as [`Glossary::parse`], with CSV
    /// quoting.
    pub fn parse_csv(text: &str) -> Result<Glossary> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut rows = Vec::new();
        for (k, record) in reader.records().enumerate() {
            let record = record.map_err(|e| {
                let msg = e.to_string().replace(['\n', '\r'], " ");
                Error::new(
                    ErrorKind::Parse,
                    format!("not a readable CSV glossary: {msg}"),
                )
            })?;
            let n = record.position().map_or(k + 1, |p| p.line() as usize);
            rows.push((n, record.iter().map(str::to_string).collect()));
        }
        Glossary::from_entries(table_entries(rows, "comma")?)
    }

    /// Parse a TBX termbase (TBX-Basic, TBX-Default, TBX 3 Core or Basic;
    /// see the [module documentation](self)).
    ///
    /// Errors: [`ErrorKind::Parse`] in one line when the file is not
    /// well-formed XML or not a termbase; [`ErrorKind::Empty`] when no entry
    /// has both a Chinese and an English term.
    pub fn parse_tbx(text: &str) -> Result<Glossary> {
        let entries = tbx::entries(text).map_err(|e| Error::new(ErrorKind::Parse, e))?;
        let pairs = entries
            .into_iter()
            .flat_map(|e| e.zh.into_iter().map(move |z| (z, e.en.clone())));
        Glossary::from_entries(pairs)
    }

    /// Read and parse a glossary file (any encoding `input` reads): TBX
    /// when its extension is `.tbx` or it starts as XML, CSV when its
    /// extension is `.csv`, else tab-separated.
    pub fn read(path: &Path) -> Result<Glossary> {
        let text = crate::input::read_path(path)?.text;
        let glossary = match Format::of(path, &text) {
            Format::Tbx => Glossary::parse_tbx(&text),
            Format::Csv => Glossary::parse_csv(&text),
            Format::Tsv => Glossary::parse(&text),
        };
        glossary.map_err(|e| e.with_path(path))
    }

    /// The terms, longest Chinese first.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The terms as dictionary entries for the aligner
    /// ([`crate::Aligner::extra_entries`]): a bead holding a term and one of
    /// its forms has that evidence besides the bundled dictionary's.
    pub fn dictionary(&self) -> ExtraEntries {
        ExtraEntries::new(
            Lexicon::bundled(),
            self.terms
                .iter()
                .map(|t| (t.zh.as_str(), t.en.iter().map(String::as_str))),
        )
    }
}

/// True when the sequence `form` occurs in `words`.
fn contains<T: PartialEq>(words: &[T], form: &[T]) -> bool {
    !form.is_empty() && words.windows(form.len()).any(|w| w == form)
}

/// The ids of the content words of an English text, in order.
fn word_ids(text: &str) -> Vec<u32> {
    Lexicon::bundled()
        .en_words(text)
        .iter()
        .map(|w| w.stem)
        .collect()
}

/// The English of a bead, read two ways for matching a term's forms.
struct BeadWords {
    /// Content-word ids ([`word_ids`]).
    ids: Vec<u32>,
    /// Lower-cased stems of every word.
    stems: Vec<String>,
}

impl Term {
    /// Whether the bead's English holds form `k`: by its content words, or
    /// word by word for a form of function words only.
    fn found(&self, k: usize, words: &BeadWords) -> bool {
        match (self.ids.get(k), self.stems.get(k)) {
            (Some(ids), _) if !ids.is_empty() => contains(&words.ids, ids),
            (_, Some(stems)) => contains(&words.stems, stems),
            _ => false,
        }
    }

    /// Whether form `a` lies inside the longer form `b` ("RAND" in "RAND
    /// Corporation").
    fn inside(&self, a: usize, b: usize) -> bool {
        matches!(
            (self.stems.get(a), self.stems.get(b)),
            (Some(x), Some(y)) if y.len() > x.len() && contains(y, x)
        )
    }

    /// Whether forms `a` and `b` are the same words but for their endings
    /// ("socialist" and "socialism"): not two different renderings.
    fn variants(&self, a: usize, b: usize) -> bool {
        match (self.stems.get(a), self.stems.get(b)) {
            (Some(x), Some(y)) => {
                x.len() == y.len()
                    && x.iter().zip(y).all(|(u, v)| {
                        let shared = u.chars().zip(v.chars()).take_while(|(p, q)| p == q);
                        shared.count() >= u.chars().count().min(v.chars().count()).min(5)
                    })
            }
            _ => false,
        }
    }
}

/// An acronym: one word of capitals (and digits, dots), as `UCLA`, `FDA`,
/// `G20`, `U.S.`.
fn is_acronym(form: &str) -> bool {
    let form: String = form.trim().chars().filter(|&c| c != '.').collect();
    form.chars().count() >= 2
        && form
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && form.chars().any(|c| c.is_ascii_uppercase())
}

/// The form of a term a bead's English uses, when it uses one: a form found
/// that no longer form found contains ("RAND" inside "RAND Corporation" is
/// not used on its own), not an acronym (giving the acronym after the full
/// name, or alone after a first mention, is not inconsistent). None when no
/// such form, or more than one, is found.
fn form_used(term: &Term, words: &BeadWords) -> Option<usize> {
    let found: Vec<usize> = (0..term.en.len())
        .filter(|&k| term.found(k, words))
        .collect();
    let mut used = found.iter().copied().filter(|&k| {
        !found.iter().any(|&o| o != k && term.inside(k, o))
            && !term.en.get(k).is_some_and(|f| is_acronym(f))
    });
    let first = used.next()?;
    used.next().is_none().then_some(first)
}

/// A term's occurrence whose bead uses one of its forms.
struct Use {
    bead: usize,
    zh: usize,
    span: std::ops::Range<usize>,
    en: Vec<usize>,
    form: usize,
}

/// `term-missing` findings: a bead whose Chinese holds a glossary term while
/// its English holds none of the term's forms; and `inconsistent` ones
/// (info): a term rendered with one of its forms in one bead and another in
/// a later one.
pub(super) fn check(ctx: &Context<'_>, glossary: &Glossary, out: &mut Vec<Finding>) {
    let stemmer = Stemmer::create(Algorithm::English);
    // Per term, the first bead using one of its forms.
    let mut first_use: BTreeMap<usize, Use> = BTreeMap::new();
    let mut reported: Vec<usize> = Vec::new();
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() {
            continue;
        }
        let en_ids = ctx.en_content(bead);
        if en_ids.is_empty() {
            continue;
        }
        let en_text: Vec<&str> = en_ids.iter().map(|&j| ctx.en_text(j)).collect();
        let joined = en_text.join(" ");
        let words = BeadWords {
            ids: word_ids(&joined),
            stems: stems(&stemmer, &joined),
        };
        for i in bead.zh.clone() {
            let original = ctx.zh_text(i);
            let zh = to_simplified(original);
            let base = ctx.zh_span(i).start;
            // Each stretch of the sentence belongs to its longest term.
            let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
            // The sentence's words, read when a term is found.
            let mut sentence_words: Option<Vec<std::ops::Range<usize>>> = None;
            for (t, term) in glossary.terms().iter().enumerate() {
                for (at, _) in zh.match_indices(term.zh.as_str()) {
                    let span = at..at + term.zh.len();
                    if taken
                        .iter()
                        .any(|t| t.start < span.end && span.start < t.end)
                    {
                        continue;
                    }
                    // A term must not start or end inside a word: 人权
                    // ("human rights") is not in 老年人|权利 ("the rights
                    // of the elderly").
                    let words_of = sentence_words.get_or_insert_with(|| {
                        Lexicon::bundled()
                            .zh_words(&zh)
                            .into_iter()
                            .map(|w| w.span)
                            .collect()
                    });
                    let cuts =
                        |edge: usize| words_of.iter().any(|w| w.start < edge && edge < w.end);
                    if cuts(span.start) || cuts(span.end) {
                        continue;
                    }
                    taken.push(span.clone());
                    let shown = original.get(span.clone()).unwrap_or(&term.zh);
                    if (0..term.en.len()).any(|k| term.found(k, &words)) {
                        let Some(form) = form_used(term, &words) else {
                            continue;
                        };
                        let here = Use {
                            bead: b,
                            zh: i,
                            span: base + span.start..base + span.end,
                            en: en_ids.clone(),
                            form,
                        };
                        let Some(first) = first_use.get(&t) else {
                            first_use.insert(t, here);
                            continue;
                        };
                        if first.form == form
                            || first.bead == b
                            || term.variants(first.form, form)
                            || reported.contains(&t)
                        {
                            continue;
                        }
                        reported.push(t);
                        let mut en_sentences = first.en.clone();
                        en_sentences.extend(&here.en);
                        out.push(Finding {
                            kind: FindingKind::Inconsistent,
                            severity: Severity::Info,
                            bead: b,
                            zh_sentences: vec![first.zh, i],
                            en_sentences,
                            zh_spans: vec![first.span.clone(), here.span],
                            en_spans: vec![],
                            message: format!(
                                "inconsistent: {shown} is translated both \"{}\" and \"{}\"",
                                term.en.get(first.form).map_or("", String::as_str),
                                term.en.get(form).map_or("", String::as_str),
                            ),
                        });
                        continue;
                    }
                    out.push(Finding {
                        kind: FindingKind::TermMissing,
                        severity: FindingKind::TermMissing.severity(),
                        bead: b,
                        zh_sentences: vec![i],
                        en_sentences: en_ids.clone(),
                        zh_spans: std::iter::once(base + span.start..base + span.end).collect(),
                        en_spans: vec![],
                        message: format!(
                            "term missing: {shown} should be translated \"{}\"",
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

    /// Term findings of a review of 1-1 beads with `glossary`.
    fn term_findings(zh: &[&str], en: &[&str], glossary: &str) -> Vec<Finding> {
        let (zd, ed) = docs(zh, en);
        let g = Glossary::parse(glossary).unwrap();
        Checker::new()
            .doubt_margin(0.0)
            .glossary(g)
            .check(&zd, &ed, &ladder(&vec![(1, 1); zh.len()]))
            .findings
            .into_iter()
            .filter(|f| matches!(f.kind, FindingKind::TermMissing | FindingKind::Inconsistent))
            .collect()
    }

    #[test]
    fn forms_match_as_the_lexicon_reads_english() {
        // Demonyms and dotted acronyms, British spellings, function words
        // between content words.
        let found = term_findings(
            &[
                "美国人支持这项计划。",
                "美国政府宣布了新政策。",
                "世界卫生组织发布了报告。",
            ],
            &[
                "Americans support the plan.",
                "The U.S. government announced a new policy.",
                "The World Health Organisation published a report.",
            ],
            "美国\tAmerica|US\n世界卫生组织\tWorld Health Organization|WHO\n",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_term_inside_another_word_is_not_the_term() {
        // 老年人|权利: the rights of the elderly, not 人权 (human rights).
        let found = term_findings(
            &["联合国老年人权利问题独立专家发布了报告。"],
            &["The UN independent expert on older people issued a report."],
            "人权\thuman rights\n",
        );
        assert!(found.is_empty(), "{found:#?}");
        let found = term_findings(
            &["报告谈到了人权问题。"],
            &["The report dealt with the question of liberty."],
            "人权\thuman rights\n",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("人权"), "{}", found[0].message);
    }

    #[test]
    fn forms_that_differ_in_endings_or_by_an_acronym_are_consistent() {
        let zh = ["社会主义制度是根本制度。", "我们坚持社会主义道路。"];
        let en = [
            "The socialist system is the fundamental system.",
            "We keep to the road of socialism.",
        ];
        let found = term_findings(&zh, &en, "社会主义\tsocialism|socialist\n");
        assert!(found.is_empty(), "{found:#?}");
        let found = term_findings(
            &[
                "加州大学洛杉矶分校的研究人员参与了研究。",
                "加州大学洛杉矶分校也发表了声明。",
            ],
            &[
                "Researchers at the University of California, Los Angeles took part.",
                "UCLA also issued a statement.",
            ],
            "加州大学洛杉矶分校\tUniversity of California, Los Angeles|UCLA\n",
        );
        assert!(found.is_empty(), "{found:#?}");
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
