//! Proper names that changed in translation, without a glossary.
//!
//! CC-CEDICT gives the English names of organisations (`orgs`), places
//! (`places`) and persons (`persons`); `build.rs` compiles them into tables.
//! A bead whose Chinese names one of them, while the bead's English gives no
//! form of it but another name of the same type that nothing in the Chinese
//! of the bead or of the two beads on either side accounts for, has most
//! likely had one name turned into another: 美国食品药品监督管理局 (FDA)
//! rendered "the USDA", 广东 rendered "Guangxi", 习近平 rendered "Li
//! Qiang". That is reported as `name-altered`.
//!
//! A name merely absent, or an English name without a source, is not
//! reported: translators drop names in a second mention, replace them by
//! "the agency", "the province", "the president", and add them to explain
//! (广州 → "Guangzhou, capital of Guangdong"), too often for that to be worth
//! a reviewer's time.

mod abbreviations;
mod acronyms;
mod aliases;
mod missing;
mod orgs;
mod persons;
mod places;
mod table_hash;

use std::ops::Range;

use super::{Context, Finding, FindingKind};
use crate::lang::to_simplified;
use crate::lexicon::Lexicon;

/// Beads on either side whose Chinese may account for a name of a bead's
/// English.
const WINDOW: usize = 2;

/// `name-altered`, `name-missing` and `name-added` findings.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let document = missing::Document::new(ctx);
    // Beads whose dropped text is already reported: a name gone with it is
    // not reported again.
    let dropped: std::collections::HashSet<usize> = out
        .iter()
        .filter(|f| matches!(f.kind, FindingKind::Omission | FindingKind::PartialOmission))
        .map(|f| f.bead)
        .collect();
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() || !(ctx.in_body(b) || ctx.is_heading(b)) {
            continue;
        }
        let en_ids = ctx.en_content(bead);
        if en_ids.is_empty() {
            continue;
        }
        let view = BeadView::new(ctx, b, en_ids);
        // One finding a bead: the first rule that finds an altered name.
        let altered = orgs::check(ctx, &view, out)
            || acronyms::check(ctx, &view, out)
            || places::check(ctx, &view, out)
            || persons::check(ctx, &view, out);
        if !altered {
            missing::check(ctx, &view, &document, dropped.contains(&b), out);
        }
    }
}

/// One bead's text and the text around it, as the name rules read them.
pub(super) struct BeadView {
    pub(super) bead: usize,
    /// The bead's Chinese sentences.
    pub(super) zh_ids: Vec<usize>,
    /// The bead's English content sentences.
    pub(super) en_ids: Vec<usize>,
    /// The bead's English sentences, joined by a space.
    pub(super) en: String,
    /// The Chinese of the bead and of `WINDOW` beads on either side, simplified.
    pub(super) zh_window: String,
}

impl BeadView {
    fn new(ctx: &Context<'_>, b: usize, en_ids: Vec<usize>) -> BeadView {
        let bead = &ctx.beads[b];
        let en: Vec<&str> = en_ids.iter().map(|&j| ctx.en_text(j)).collect();
        let lo = b.saturating_sub(WINDOW);
        let hi = (b + WINDOW + 1).min(ctx.beads.len());
        let around = ctx.beads.get(lo..hi).unwrap_or(&[]);
        let zh_window: Vec<&str> = around
            .iter()
            .flat_map(|x| x.zh.clone())
            .map(|i| ctx.zh_text(i))
            .collect();
        BeadView {
            bead: b,
            zh_ids: bead.zh.clone().collect(),
            en_ids,
            en: en.join(" "),
            zh_window: to_simplified(&zh_window.join(" ")).into_owned(),
        }
    }

    /// A `name-altered` finding: the Chinese name at `span` of sentence `i`,
    /// the English name `other` that stands in its place.
    pub(super) fn finding(
        &self,
        ctx: &Context<'_>,
        i: usize,
        span: Range<usize>,
        other: &str,
        message: String,
    ) -> Finding {
        self.finding_of(FindingKind::NameAltered, ctx, i, span, other, message)
    }

    /// A finding of `kind` on the Chinese name at `span` of sentence `i`
    /// and the English name `other` (none when empty).
    pub(super) fn finding_of(
        &self,
        kind: FindingKind,
        ctx: &Context<'_>,
        i: usize,
        span: Range<usize>,
        other: &str,
        message: String,
    ) -> Finding {
        let base = ctx.zh_span(i).start;
        Finding {
            kind,
            severity: kind.severity(),
            bead: self.bead,
            zh_sentences: vec![i],
            en_sentences: self.en_ids.clone(),
            zh_spans: std::iter::once(base + span.start..base + span.end).collect(),
            en_spans: self
                .en_ids
                .iter()
                .filter(|_| !other.is_empty())
                .flat_map(|&j| {
                    let s = ctx.en_span(j).start;
                    word_matches(ctx.en_text(j), other).map(move |r| s + r.start..s + r.end)
                })
                .take(1)
                .collect(),
            message,
        }
    }

    /// Whether Chinese words of the window translate every word of a name
    /// (its small words, "of", "and", "the", aside) according to the
    /// dictionary: 美元 accounts for "US" in "US dollars", 中美 for "China",
    /// 疾病, 控制 and 预防 for "Disease Control and Prevention". Words of one
    /// character do not count: 中 stands in countless words that are not
    /// China, 新 in countless that are not New York.
    pub(super) fn translated_in_chinese(&self, words: &[&str]) -> bool {
        self.translated(words, false)
    }

    /// Whether one Chinese word of the window translates every word of a
    /// name (国务院 "State Council"): a name of generic words only is not
    /// accounted for by 国家 "state" and 理事会 "council" apart.
    pub(super) fn translated_by_one_word(&self, words: &[&str]) -> bool {
        self.translated(words, true)
    }

    fn translated(&self, words: &[&str], one_word: bool) -> bool {
        let lex = Lexicon::bundled();
        let zh = lex.zh_words(&self.zh_window);
        let zh: Vec<_> = zh
            .iter()
            .filter(|z| {
                self.zh_window
                    .get(z.span.clone())
                    .is_some_and(|w| w.chars().count() >= 2)
            })
            .collect();
        let ids: Vec<u32> = words
            .iter()
            .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "and" | "the" | "for"))
            .map(|w| lex.word_id(w))
            .collect();
        let has = |z: &&crate::lexicon::ZhWord, id: &u32| z.translations.binary_search(id).is_ok();
        !ids.is_empty()
            && if one_word {
                zh.iter().any(|z| ids.iter().all(|id| has(z, id)))
            } else {
                ids.iter().all(|id| zh.iter().any(|z| has(z, id)))
            }
    }
}

/// Byte ranges where `word` occurs in `text` as a whole word (not inside a
/// longer word: "Iran" is not in "Iranian"), case-sensitively.
pub(super) fn word_matches<'t>(
    text: &'t str,
    word: &'t str,
) -> impl Iterator<Item = Range<usize>> + 't {
    text.match_indices(word).filter_map(move |(k, m)| {
        let before = text.get(..k).and_then(|s| s.chars().next_back());
        let after = text.get(k + m.len()..).and_then(|s| s.chars().next());
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        (edge(before) && edge(after)).then(|| k..k + m.len())
    })
}

/// The words of an English text.
pub(super) fn word_starts(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `word` occurs in `text` as a whole word, case-insensitively.
pub(super) fn has_word_ci(text_lower: &str, word: &str) -> bool {
    let w = word.to_lowercase();
    let found = word_matches(text_lower, &w).next().is_some();
    found
}

/// A capitalised run of an English text: consecutive capitalised words
/// (with `of`, `and`, `the` between them), as names are written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CapRun {
    /// The words, possessive `'s` removed, `U.S.` written `US`.
    pub(super) words: Vec<String>,
    /// Whether the run starts a sentence (its capital may be the sentence's).
    pub(super) sentence_start: bool,
}

/// A word a name of the form "X of Y" starts with: a kind of body or place.
fn is_name_head(word: &str) -> bool {
    orgs::is_english_org_word(word)
        || matches!(
            word,
            "Republic"
                | "Kingdom"
                | "Province"
                | "City"
                | "Gulf"
                | "Bay"
                | "Sea"
                | "Strait"
                | "Cape"
                | "Isle"
                | "Isles"
                | "Commonwealth"
                | "State"
                | "States"
                | "Emirate"
                | "Ministry"
                | "Department"
                | "Bank"
                | "University"
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The capitalised runs of an English text. Hyphens and punctuation end a
/// run ("US-China" is two names).
pub(super) fn cap_runs(text: &str) -> Vec<CapRun> {
    let text = text
        .replace("U.S.A.", "USA")
        .replace("U.S.", "US")
        .replace("U.K.", "UK")
        .replace("U.N.", "UN");
    let mut runs = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut cur_start = false;
    let mut at_start = true;
    let mut flush = |cur: &mut Vec<String>, start: bool| {
        if !cur.is_empty() {
            runs.push(CapRun {
                words: std::mem::take(cur),
                sentence_start: start,
            });
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some(&(k, c)) = chars.peek() {
        if !is_word_char(c) {
            chars.next();
            if c.is_whitespace() && c != '\n' {
                continue;
            }
            pending.clear();
            flush(&mut cur, cur_start);
            if matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '\n') {
                at_start = true;
            }
            continue;
        }
        let mut end = k;
        while let Some(&(e, d)) = chars.peek() {
            if !is_word_char(d) {
                break;
            }
            end = e + d.len_utf8();
            chars.next();
        }
        let raw = text.get(k..end).unwrap_or("");
        let bare = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s"));
        let possessive = bare.is_some();
        let word = bare.unwrap_or(raw).trim_matches(['\'', '’']);
        if word.starts_with(char::is_uppercase) {
            if cur.is_empty() {
                cur_start = at_start;
            } else {
                cur.append(&mut pending);
            }
            cur.push(word.to_string());
            if possessive {
                // "China's Ministry of Commerce": two names.
                flush(&mut cur, cur_start);
            }
        } else if !cur.is_empty()
            && (word == "of" || (word == "the" && pending.len() == 1))
            && (!pending.is_empty() || cur.last().is_some_and(|w| is_name_head(w)))
        {
            // "Bank of China", "Republic of the Congo".
            pending.push(word.to_string());
        } else {
            pending.clear();
            flush(&mut cur, cur_start);
        }
        at_start = false;
    }
    flush(&mut cur, cur_start);
    runs
}

/// The longest stretches of capitalised runs that `lookup` knows, left to
/// right: (first word, word count, the name as written).
pub(super) fn known_names<T>(
    run: &CapRun,
    max_words: usize,
    mut lookup: impl FnMut(&str) -> Option<T>,
) -> Vec<(usize, usize, String, T)> {
    let mut out = Vec::new();
    let n = run.words.len();
    let mut k = 0;
    while k < n {
        let mut hit = None;
        for len in (1..=max_words.min(n - k)).rev() {
            let name = run.words[k..k + len].join(" ");
            if let Some(t) = lookup(&name.to_lowercase()) {
                hit = Some((len, name, t));
                break;
            }
        }
        match hit {
            Some((len, name, t)) => {
                out.push((k, len, name, t));
                k += len;
            }
            None => k += 1,
        }
    }
    out
}

/// Chinese names found in a text by the longest headword of `lookup` at
/// each position, never overlapping: (byte span, headword).
pub(super) fn scan_chinese(
    simplified: &str,
    longest: usize,
    known: impl Fn(&str) -> bool,
) -> Vec<(Range<usize>, &str)> {
    let starts: Vec<usize> = simplified.char_indices().map(|(k, _)| k).collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let mut hit = None;
        for len in (2..=longest.min(starts.len() - k)).rev() {
            let start = starts[k];
            let end = starts.get(k + len).copied().unwrap_or(simplified.len());
            if let Some(w) = simplified.get(start..end).filter(|w| known(w)) {
                hit = Some((start..end, w, len));
                break;
            }
        }
        match hit {
            Some((span, w, len)) => {
                found.push((span, w));
                k += len;
            }
            None => k += 1,
        }
    }
    found
}

/// The names of the bead's Chinese sentences that any table knows (the
/// longest first, so that 美国食品药品监督管理局 is an organisation, not
/// 美国; 孙中山 a person, not 中山): (sentence, byte span in it, headword).
pub(super) fn chinese_mentions<'c>(
    ctx: &Context<'c>,
    view: &BeadView,
) -> Vec<(usize, Range<usize>, String)> {
    let longest = orgs::longest()
        .max(places::longest())
        .max(persons::longest());
    let mut out = Vec::new();
    for &i in &view.zh_ids {
        let simplified = to_simplified(ctx.zh_text(i));
        for (span, w) in scan_chinese(&simplified, longest, |w| {
            orgs::is_org(w) || places::is_place(w) || persons::is_person(w)
        }) {
            out.push((i, span, w.to_string()));
        }
    }
    out
}

/// The review of a pair whose sentences are aligned one to one, with no
/// possible omissions (the name rules' unit tests).
#[cfg(test)]
fn review_one_to_one(zh: &[&str], en: &[&str]) -> crate::check::Review {
    use crate::check::tests::{docs, ladder};
    let (z, e) = docs(zh, en);
    let shapes: Vec<(usize, usize)> = zh.iter().map(|_| (1, 1)).collect();
    crate::check::Checker::new()
        .doubt_margin(0.0)
        .check(&z, &e, &ladder(&shapes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_runs() {
        let runs =
            cap_runs("Officials of the Bank of China met U.S.-China envoys in New York's Queens.");
        let words: Vec<Vec<String>> = runs.iter().map(|r| r.words.clone()).collect();
        assert_eq!(
            words,
            vec![
                vec!["Officials"],
                vec!["Bank", "of", "China"],
                vec!["US"],
                vec!["China"],
                vec!["New", "York"],
                vec!["Queens"],
            ]
            .into_iter()
            .map(|v| v.into_iter().map(String::from).collect::<Vec<_>>())
            .collect::<Vec<_>>()
        );
        assert!(runs[0].sentence_start && !runs[1].sentence_start);
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(word_matches("Iranian and Iran", "Iran").count(), 1);
        assert!(has_word_ci("the usda said", "USDA"));
    }
}
