//! Sentence segmentation for Chinese and English.
//!
//! Paragraphs come first: every line break (`\n`, `\r\n`, a lone `\r`) is a
//! hard boundary, and blank lines are dropped. Each non-blank line is one
//! paragraph and is split into sentences by the rules of its language. Every
//! [`Sentence`] is a byte span into the original text, trimmed of surrounding
//! white space; the text itself is never altered.
//!
//! The scan is a single pass over each paragraph with short, bounded
//! look-ahead; nothing is allocated per character.
//!
//! # Chinese conventions
//!
//! * `。！？` (and `!` `?` `．` `｡`, and `.` after Han text) end a sentence;
//!   runs such as `？！` or `！！！` end it once.
//! * Closing quotes and brackets after the final mark stay with the sentence
//!   (`。”`, `！」`, `？』`, `。）`), even across a stray space (`。 ”`).
//! * A closing quote after a final mark ends the sentence even when an
//!   attribution follows: `“下轿，跟我走！”他说。` is two sentences. This is
//!   the convention of the national punctuation standard (the quotation keeps
//!   its own final mark and the attribution `他说。` gets its own), of the
//!   pySBD rules, and of human-segmented parallel corpora such as MAC.
//!   Direct speech that holds several sentences is split inside the quotes.
//! * A quotation or bracket that is *embedded* in a sentence — it opens right
//!   after a word rather than after `：`, `，`, another mark or the start of
//!   the line, and not after a verb of saying — is part of that sentence:
//!   `她一句“我不去！”让大家都愣住了。` is one sentence. Book titles `《…》`
//!   and `〈…〉` never contain a boundary. Protection only holds when the mark
//!   is closed in the same paragraph.
//! * `……` / `⋯⋯` / `...` end a sentence when they close a quotation or the
//!   paragraph, or when narrative text follows. They do not when they mark a
//!   pause inside a quotation (`“我…… 我不知道。”`), an omission after a
//!   comma (`一言既出，……马难追`), or a stammer (`不过……不过`).
//! * `，、；：` after the final mark and its closers continue the sentence.
//! * `；` / `;` are boundaries only with [`Segmenter::semicolon_breaks`].
//! * Decimal points (`10.7万`, `5.5%`) and dots inside Latin abbreviations
//!   (`U.S.`) are not boundaries.
//!
//! # English conventions
//!
//! * `.` `!` `?` end a sentence when followed by white space and a word that
//!   does not start in lower case; closing quotes and brackets stay with it.
//! * Abbreviations: titles (`Mr.`, `Dr.`, `Mt.`, …) and `e.g.`, `i.e.`,
//!   `vs.` never end a sentence; `p.`, `No.`, `Jan.`… do not before a number;
//!   other abbreviations (`U.S.`, `Inc.`, `Co.`, `etc.`, `a.m.`, initials
//!   such as `E.`) end one only when the next word is a common sentence
//!   starter (`This`, `The`, `It`, `However`, `Mr.`, …) and the sentence so
//!   far has at least four words: `…with the U.S. This action…` splits,
//!   `…the U.S. National Drug Control Strategy…` does not.
//! * Ellipses: `...` attached to a word ends a sentence only before a
//!   sentence starter (and not in a stammer, `I... I've`); spaced `. . .` is
//!   a pause; four dots are an ellipsis plus a period.
//! * `"Why?" Wang asked.` stays whole (a name then a verb of saying).
//! * Numbered, lettered and bulleted lists that start a paragraph
//!   (`1. … 2. …`, `a. … b. …`, `• … • …`) get one sentence per item.
//! * A title-cased line with no final mark (a headline) is one sentence.

use std::ops::Range;

use crate::document::Sentence;
use crate::lang::{is_han, Lang};

/// Splits text into sentences by the rules of one language, or of each
/// paragraph's own language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: Option<Lang>,
    semicolon_breaks: bool,
}

impl Segmenter {
    /// A segmenter with the default rules for `lang`.
    pub fn new(lang: Lang) -> Segmenter {
        Segmenter {
            lang: Some(lang),
            semicolon_breaks: false,
        }
    }

    /// A segmenter that decides for each paragraph whether it is Chinese or
    /// English, by its share of Han characters against Latin letters.
    pub fn auto() -> Segmenter {
        Segmenter {
            lang: None,
            semicolon_breaks: false,
        }
    }

    /// Also end sentences at `；` / `;` (off by default).
    pub fn semicolon_breaks(mut self, yes: bool) -> Segmenter {
        self.semicolon_breaks = yes;
        self
    }

    /// The fixed language, or `None` when deciding per paragraph.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// Sentences of `text`, as trimmed byte spans in order.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(text.len() / 60 + 1);
        let mut cuts = Vec::new();
        let mut stack = Vec::new();
        for (paragraph, range) in paragraphs(text).into_iter().enumerate() {
            let Some(p) = text.get(range.clone()) else {
                continue;
            };
            let lang = self.lang.unwrap_or_else(|| paragraph_lang(p));
            cuts.clear();
            match lang {
                Lang::Zh => self.scan_zh(p, &mut cuts, &mut stack),
                Lang::En => self.scan_en(p, &mut cuts),
            }
            let mut start = 0;
            for end in cuts.iter().copied().chain(std::iter::once(p.len())) {
                if end <= start || end > p.len() {
                    continue;
                }
                if let Some(piece) = p.get(start..end) {
                    push_trimmed(&mut out, piece, range.start + start, paragraph);
                }
                start = end;
            }
        }
        out
    }
}

impl Default for Segmenter {
    /// The same as [`Segmenter::auto`].
    fn default() -> Segmenter {
        Segmenter::auto()
    }
}

/// Sentences of `text`, deciding per paragraph whether it is Chinese or English.
pub fn segment_auto(text: &str) -> Vec<Sentence> {
    Segmenter::auto().segment(text)
}

/// Byte ranges of the non-blank lines of `text` (`\n`, `\r\n` and lone `\r` all end a line).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            if text.get(start..i).is_some_and(|l| !l.trim().is_empty()) {
                out.push(start..i);
            }
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

fn push_trimmed(out: &mut Vec<Sentence>, piece: &str, offset: usize, paragraph: usize) {
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    if !body.is_empty() {
        let s = offset + lead;
        out.push(Sentence {
            span: s..s + body.len(),
            paragraph,
        });
    }
}

/// The language of one paragraph: Chinese when Han characters make up at
/// least a third of the count of Latin letters, else English.
fn paragraph_lang(p: &str) -> Lang {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in p.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_han(c) {
            han += 1;
        }
    }
    if han > 0 && han * 3 >= latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The character starting at byte `i` of `s`, if `i` is in range and on a boundary.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The last character before byte `i` of `s`.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// First byte at or after `i` that is not white space.
fn skip_ws(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

// ---------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------

/// What kind of paired mark an opener starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairKind {
    Quote,
    Title,
    Bracket,
}

/// An open quotation mark, bracket or title mark.
#[derive(Debug, Clone, Copy)]
struct Open {
    close: char,
    kind: PairKind,
    /// Boundaries inside are dropped when the mark closes.
    protected: bool,
    /// Number of boundaries found before it opened.
    mark: usize,
}

const MAX_DEPTH: usize = 32;

fn zh_opener(c: char) -> Option<(char, PairKind)> {
    Some(match c {
        '“' => ('”', PairKind::Quote),
        '‘' => ('’', PairKind::Quote),
        '「' => ('」', PairKind::Quote),
        '『' => ('』', PairKind::Quote),
        '﹁' => ('﹂', PairKind::Quote),
        '﹃' => ('﹄', PairKind::Quote),
        '《' => ('》', PairKind::Title),
        '〈' => ('〉', PairKind::Title),
        '（' => ('）', PairKind::Bracket),
        '(' => (')', PairKind::Bracket),
        '【' => ('】', PairKind::Bracket),
        '〔' => ('〕', PairKind::Bracket),
        '〖' => ('〗', PairKind::Bracket),
        '［' => ('］', PairKind::Bracket),
        '[' => (']', PairKind::Bracket),
        _ => return None,
    })
}

fn is_zh_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '﹂'
            | '﹄'
            | '》'
            | '〉'
            | '）'
            | ')'
            | '】'
            | '〕'
            | '〗'
            | '］'
            | ']'
    )
}

fn is_ellipsis_char(c: char) -> bool {
    matches!(c, '…' | '⋯' | '.')
}

/// Marks that let a sentence go on after a final mark and its closers.
fn is_continuation(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '；' | ';' | '：' | ':' | '﹐' | '﹑')
}

/// Verbs of saying, by their last character (`说`, `道`, `表示`, `声称`…): a
/// quotation right after one is direct speech, not an embedded term.
fn is_zh_speech_verb(c: char) -> bool {
    matches!(
        c,
        '说' | '說'
            | '道'
            | '问'
            | '問'
            | '喊'
            | '叫'
            | '答'
            | '曰'
            | '云'
            | '骂'
            | '罵'
            | '嚷'
            | '吼'
            | '笑'
            | '哭'
            | '叹'
            | '嘆'
            | '写'
            | '寫'
            | '讲'
            | '講'
            | '示'
            | '称'
            | '稱'
    )
}

/// True when a character lets an opener after it start an embedded quotation:
/// a word character that is not a verb of saying, or an enumeration comma.
fn embeds(prev: Option<char>) -> bool {
    match prev {
        Some('、') => true,
        Some(c) => (is_han(c) || c.is_alphanumeric()) && !is_zh_speech_verb(c),
        None => false,
    }
}

impl Segmenter {
    /// Finds sentence ends (byte offsets into `p`) of a Chinese paragraph.
    fn scan_zh(&self, p: &str, cuts: &mut Vec<usize>, stack: &mut Vec<Open>) {
        stack.clear();
        let mut prev: Option<char> = None;
        let mut i = 0;
        while let Some(c) = char_at(p, i) {
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if c == '"' {
                if stack.last().is_some_and(|o| o.close == '"') {
                    close_mark(stack, cuts, '"');
                } else {
                    open_mark(stack, cuts, '"', PairKind::Quote, prev);
                }
            } else if let Some((close, kind)) = zh_opener(c) {
                open_mark(stack, cuts, close, kind, prev);
            } else if is_zh_closer(c) {
                close_mark(stack, cuts, c);
            } else if self.zh_starts_run(p, i, c, prev) {
                let (next, last) = self.zh_run(p, i, prev, cuts, stack);
                prev = Some(last);
                i = next;
                continue;
            }
            prev = Some(c);
            i += len;
        }
    }

    /// True when `c` at byte `i` is a final mark in Chinese text.
    fn zh_starts_run(&self, p: &str, i: usize, c: char, prev: Option<char>) -> bool {
        let next = char_at(p, i + c.len_utf8());
        match c {
            '。' | '！' | '？' | '｡' | '…' | '⋯' | '‼' | '⁇' | '⁈' | '⁉' => true,
            '!' | '?' => !next.is_some_and(|n| n.is_ascii_alphanumeric()),
            '．' => {
                !(prev.is_some_and(|p| p.is_ascii_digit() || is_fullwidth_digit(p))
                    && next.is_some_and(|n| n.is_ascii_digit() || is_fullwidth_digit(n)))
            }
            '；' => self.semicolon_breaks,
            ';' => self.semicolon_breaks && !next.is_some_and(|n| n.is_ascii_alphanumeric()),
            '—' => {
                // A dash that closes a quotation: interrupted speech.
                let after = skip_dashes(p, i);
                char_at(p, after).is_some_and(|n| matches!(n, '”' | '’' | '」' | '』'))
            }
            '.' => zh_period_ends(p, i, prev, next),
            _ => false,
        }
    }

    /// Consumes a run of final marks with their closers from byte `i` and
    /// records a boundary after it when the sentence ends there. Returns the
    /// position to resume scanning and the last character consumed.
    fn zh_run(
        &self,
        p: &str,
        i: usize,
        before: Option<char>,
        cuts: &mut Vec<usize>,
        stack: &mut Vec<Open>,
    ) -> (usize, char) {
        let mut j = i;
        let mut end = i;
        let mut last = '。';
        let mut only_ellipsis = true;
        let mut closed_any = false;
        let mut closed_protected = false;
        while let Some(d) = char_at(p, j) {
            let len = d.len_utf8();
            if d.is_whitespace() {
                j += len;
                continue;
            }
            let terminal = match d {
                '。' | '！' | '？' | '｡' | '!' | '?' | '．' | '‼' | '⁇' | '⁈' | '⁉' => {
                    true
                }
                '…' | '⋯' | '.' => true,
                '—' => {
                    let after = skip_dashes(p, j);
                    if char_at(p, after).is_some_and(|n| matches!(n, '”' | '’' | '」' | '』'))
                    {
                        j = after;
                        end = after;
                        last = '—';
                        continue;
                    }
                    false
                }
                '；' | ';' => self.semicolon_breaks,
                _ => false,
            };
            if terminal {
                if !is_ellipsis_char(d) {
                    only_ellipsis = false;
                }
                // A mark after a closed title or embedded quotation ends the sentence.
                closed_protected = false;
                j += len;
                end = j;
                last = d;
                continue;
            }
            let closes =
                is_zh_closer(d) || (d == '"' && stack.last().is_some_and(|o| o.close == '"'));
            if closes {
                if let Some(protected) = close_mark(stack, cuts, d) {
                    closed_protected |= protected;
                }
                closed_any = true;
                j += len;
                end = j;
                last = d;
                continue;
            }
            break;
        }
        let Some(next) = char_at(p, j) else {
            return (j, last);
        };
        if last == '—' {
            only_ellipsis = false;
        }
        let cut = if closed_protected || is_continuation(next) {
            false
        } else if only_ellipsis && !closed_any {
            !(stack.iter().any(|o| o.kind == PairKind::Quote)
                || before.is_none_or(|b| is_continuation(b) || zh_opener(b).is_some() || b == '"')
                || stammer(p, i, j))
        } else {
            true
        };
        if cut {
            cuts.push(end);
        }
        (end, last)
    }
}

fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

fn skip_dashes(p: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(p, i) {
        if !matches!(c, '—' | '–') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn open_mark(
    stack: &mut Vec<Open>,
    cuts: &[usize],
    close: char,
    kind: PairKind,
    prev: Option<char>,
) {
    if stack.len() >= MAX_DEPTH {
        return;
    }
    let protected = kind == PairKind::Title || embeds(prev);
    stack.push(Open {
        close,
        kind,
        protected,
        mark: cuts.len(),
    });
}

/// Closes the innermost open mark that `c` closes, dropping the boundaries
/// inside it when it is protected. Returns whether it was protected, or
/// `None` when nothing open matches.
fn close_mark(stack: &mut Vec<Open>, cuts: &mut Vec<usize>, c: char) -> Option<bool> {
    let pos = stack.iter().rposition(|o| o.close == c)?;
    let open = stack[pos];
    stack.truncate(pos);
    if open.protected {
        cuts.truncate(open.mark);
    }
    Some(open.protected)
}

/// Whether an ASCII `.` at byte `i` of Chinese text ends a sentence.
fn zh_period_ends(p: &str, i: usize, prev: Option<char>, next: Option<char>) -> bool {
    if next == Some('.') {
        return true; // an ASCII ellipsis
    }
    if next.is_some_and(|n| n.is_ascii_alphanumeric()) {
        return false; // 10.7, U.S.A, file.pdf
    }
    match prev {
        None => false,
        Some(c) if c.is_ascii_digit() => {
            // 107000. after Han text ends a sentence; a list number does not.
            let head = p.get(..i).unwrap_or("");
            let before = head
                .trim_end_matches(|d: char| d.is_ascii_digit() || d == ',')
                .chars()
                .next_back();
            before.is_some_and(is_han)
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let head = p.get(..i).unwrap_or("");
            let start = head
                .rfind(|d: char| !(d.is_ascii_alphanumeric() || d == '.'))
                .map_or(0, |k| {
                    k + head[k..].chars().next().map_or(1, char::len_utf8)
                });
            let word = head.get(start..).unwrap_or("");
            !is_abbreviation_like(word)
        }
        Some(_) => true,
    }
}

/// True when the text before byte `i` ends with the same one to three
/// characters that the text from byte `j` starts with (`不过……不过`).
fn stammer(p: &str, i: usize, j: usize) -> bool {
    let head = p.get(..i).unwrap_or("");
    let tail = p.get(j..).unwrap_or("");
    let mut back = head.chars().rev().filter(|c| !c.is_whitespace());
    let b: [Option<char>; 3] = [back.next(), back.next(), back.next()];
    let mut fwd = tail.chars().filter(|c| !c.is_whitespace());
    let f: [Option<char>; 3] = [fwd.next(), fwd.next(), fwd.next()];
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    (1..=3).any(|k| {
        (0..k).all(|m| {
            let x = b[k - 1 - m];
            word(x) && x == f[m]
        })
    })
}

// ---------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------

/// Abbreviations followed by a name: never the end of a sentence.
fn is_title_abbr(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "mt"
            | "messrs"
            | "mmes"
            | "mme"
            | "mlle"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "capt"
            | "col"
            | "lt"
            | "sgt"
            | "rev"
            | "hon"
            | "fr"
            | "pres"
            | "cmdr"
            | "adm"
            | "maj"
            | "brig"
            | "cpl"
            | "pvt"
            | "supt"
            | "insp"
            | "e.g"
            | "i.e"
            | "cf"
            | "viz"
            | "vs"
            | "v"
    )
}

/// Abbreviations that usually precede a number (`p. 55`, `No. 5`).
fn is_number_abbr(w: &str) -> bool {
    matches!(
        w,
        "p" | "pp"
            | "no"
            | "nos"
            | "nr"
            | "vol"
            | "vols"
            | "ch"
            | "chap"
            | "fig"
            | "figs"
            | "art"
            | "sec"
            | "para"
            | "eq"
            | "ref"
            | "pt"
            | "pts"
            | "op"
            | "tel"
            | "ext"
            | "ca"
            | "c"
            | "n°"
            | "nº"
    )
}

fn is_month_abbr(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Abbreviations that may end a sentence.
fn is_plain_abbr(w: &str) -> bool {
    matches!(
        w,
        "co" | "corp"
            | "inc"
            | "ltd"
            | "llc"
            | "plc"
            | "bros"
            | "jr"
            | "sr"
            | "st"
            | "ave"
            | "rd"
            | "blvd"
            | "dept"
            | "univ"
            | "assn"
            | "est"
            | "approx"
            | "etc"
            | "al"
            | "esp"
            | "incl"
            | "govt"
            | "hr"
            | "hrs"
            | "yr"
            | "yrs"
            | "mo"
            | "ft"
            | "oz"
            | "lb"
            | "lbs"
            | "sq"
            | "ed"
            | "eds"
            | "intl"
            | "natl"
    )
}

/// Company suffixes, which follow a name.
fn is_company_abbr(w: &str) -> bool {
    matches!(w, "inc" | "corp" | "co" | "ltd" | "llc" | "plc")
}

/// Words that commonly start an English sentence (lower case).
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "however"
            | "moreover"
            | "meanwhile"
            | "furthermore"
            | "therefore"
            | "thus"
            | "hence"
            | "also"
            | "still"
            | "instead"
            | "nevertheless"
            | "nonetheless"
            | "indeed"
            | "then"
            | "now"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "finally"
            | "later"
            | "afterwards"
            | "after"
            | "before"
            | "since"
            | "because"
            | "although"
            | "though"
            | "while"
            | "when"
            | "where"
            | "what"
            | "who"
            | "whose"
            | "why"
            | "how"
            | "which"
            | "if"
            | "unless"
            | "as"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "without"
            | "by"
            | "to"
            | "during"
            | "despite"
            | "among"
            | "according"
            | "many"
            | "most"
            | "some"
            | "all"
            | "each"
            | "every"
            | "no"
            | "not"
            | "such"
            | "both"
            | "either"
            | "neither"
            | "another"
            | "one"
            | "is"
            | "are"
            | "was"
            | "were"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "may"
            | "might"
            | "must"
            | "has"
            | "have"
            | "had"
            | "let"
            | "please"
            | "yes"
            | "oh"
            | "well"
            | "even"
            | "only"
            | "just"
            | "perhaps"
            | "maybe"
            | "nor"
            | "once"
            | "overall"
            | "currently"
            | "recently"
            | "previously"
            | "earlier"
            | "additionally"
            | "similarly"
            | "consequently"
            | "accordingly"
            | "otherwise"
            | "specifically"
            | "notably"
            | "importantly"
            | "unfortunately"
            | "fortunately"
            | "clearly"
            | "obviously"
            | "certainly"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "any"
            | "few"
            | "several"
            | "much"
            | "more"
            | "over"
            | "under"
            | "about"
            | "again"
            | "already"
            | "sometimes"
            | "often"
            | "never"
            | "always"
    )
}

/// Verbs of saying that follow a quotation and its speaker's name.
fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "replied"
            | "answered"
            | "cried"
            | "shouted"
            | "whispered"
            | "exclaimed"
            | "muttered"
            | "yelled"
            | "screamed"
            | "added"
            | "continued"
            | "explained"
            | "insisted"
            | "repeated"
            | "murmured"
            | "demanded"
            | "retorted"
            | "protested"
            | "snapped"
            | "begged"
            | "pleaded"
            | "roared"
    )
}

/// Function words a title-cased headline leaves in lower case.
fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "on"
            | "in"
            | "to"
            | "for"
            | "at"
            | "by"
            | "with"
            | "from"
            | "as"
            | "vs"
            | "into"
            | "onto"
            | "over"
            | "per"
            | "via"
            | "up"
            | "off"
            | "out"
    )
}

/// A short ASCII word folded to lower case, on the stack.
struct Folded {
    buf: [u8; 16],
    len: usize,
}

impl Folded {
    /// `None` when `w` is empty, too long or not ASCII (other than `°`/`º`,
    /// which are kept as written).
    fn new(w: &str) -> Option<Folded> {
        let mut buf = [0u8; 16];
        if w.is_empty() || w.len() > buf.len() {
            return None;
        }
        for (slot, b) in buf.iter_mut().zip(w.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        if !(w.is_ascii() || w.ends_with('°') || w.ends_with('º')) {
            return None;
        }
        Some(Folded { buf, len: w.len() })
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn folded_is(w: &str, pred: fn(&str) -> bool) -> bool {
    Folded::new(w).is_some_and(|f| pred(f.as_str()))
}

/// Letters separated by dots, one to three letters each: `U.S`, `a.m`, `Ph.D`.
fn is_dotted_abbr(w: &str) -> bool {
    let mut parts = 0;
    for part in w.split('.') {
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// True for any abbreviation-like word (used inside Chinese text).
fn is_abbreviation_like(w: &str) -> bool {
    w.len() == 1
        || is_dotted_abbr(w)
        || folded_is(w, |f| {
            is_title_abbr(f) || is_number_abbr(f) || is_month_abbr(f) || is_plain_abbr(f)
        })
}

fn is_en_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '¿' | '¡' | '*' | '_' | '「' | '『' | '（'
    )
}

fn is_en_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '」' | '』' | '）' | '*'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '◦' | '▪' | '‣' | '·' | '●' | '○' | '■' | '□' | '-' | '–' | '—'
    )
}

/// How the next token after a candidate boundary begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Upper,
    Lower,
    Digit,
    /// A spaced ellipsis `. . .`.
    Dot,
    Other,
}

/// The token after a candidate boundary: its start, its first word and the
/// word after that.
struct Next<'a> {
    start: Start,
    /// The token opens with a quotation mark or bracket.
    quoted: bool,
    word: &'a str,
    following: &'a str,
}

fn alpha_run(s: &str, i: usize) -> &str {
    let tail = s.get(i..).unwrap_or("");
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(k, _)| k);
    &tail[..end]
}

fn next_token(p: &str, m: usize) -> Next<'_> {
    let mut i = m;
    while let Some(c) = char_at(p, i) {
        if !is_en_opener(c) {
            break;
        }
        i += c.len_utf8();
    }
    let Some(c) = char_at(p, i) else {
        return Next {
            start: Start::Other,
            quoted: i > m,
            word: "",
            following: "",
        };
    };
    let start = if c.is_uppercase() {
        Start::Upper
    } else if c.is_lowercase() {
        Start::Lower
    } else if c.is_ascii_digit()
        || (matches!(c, '$' | '£' | '€' | '¥' | '#')
            && char_at(p, i + c.len_utf8()).is_some_and(|d| d.is_ascii_digit()))
    {
        Start::Digit
    } else if c == '.' && i == m {
        Start::Dot
    } else {
        Start::Other
    };
    let word = alpha_run(p, i);
    let mut k = i + word.len();
    while let Some(d) = char_at(p, k) {
        if d.is_whitespace() {
            break;
        }
        k += d.len_utf8();
    }
    let k = skip_ws(p, k);
    Next {
        start,
        quoted: i > m,
        word,
        following: alpha_run(p, k),
    }
}

/// A standalone dot: white space before (or the start) and white space, a
/// closer or the end after.
fn standalone_dot(p: &str, i: usize) -> bool {
    char_at(p, i) == Some('.')
        && char_before(p, i).is_none_or(char::is_whitespace)
        && char_at(p, i + 1).is_none_or(|c| c.is_whitespace() || is_en_closer(c))
}

/// Counts a group of standalone dots (`. . .`) starting at byte `i`; returns
/// the count and the byte offset of the last dot.
fn spaced_dots(p: &str, i: usize) -> (usize, usize) {
    let mut count = 0;
    let mut last = i;
    let mut k = i;
    while standalone_dot(p, k) {
        count += 1;
        last = k;
        let after = skip_ws(p, k + 1);
        if after == k + 1 {
            break;
        }
        k = after;
    }
    (count, last)
}

/// A list that opens a paragraph: its items each become a sentence.
#[derive(Debug, Clone, Copy)]
enum List {
    None,
    Bullet(char),
    Numbered { next: u32, paren: bool, dot: bool },
    Lettered { next: u8, paren: bool },
}

/// A list marker: a number (up to three digits) or a lower-case letter
/// followed by `.`, `.)` or `)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// The number, or the letter's code.
    value: u32,
    letter: bool,
    dot: bool,
    paren: bool,
}

/// The list marker at byte `i`, when one stands there followed by white space.
fn list_marker(p: &str, i: usize) -> Option<Marker> {
    let b = p.as_bytes();
    let mut k = i;
    let mut value: u32 = 0;
    while k < b.len() && b[k].is_ascii_digit() && k - i < 3 {
        value = value * 10 + u32::from(b[k] - b'0');
        k += 1;
    }
    let letter = k == i;
    if letter {
        match b.get(k) {
            Some(&c) if c.is_ascii_lowercase() => value = u32::from(c),
            _ => return None,
        }
        k += 1;
    }
    let dot = b.get(k) == Some(&b'.');
    if dot {
        k += 1;
    }
    let paren = b.get(k) == Some(&b')');
    if paren {
        k += 1;
    }
    if !(dot || paren) || !b.get(k).is_some_and(|c| c.is_ascii_whitespace()) {
        return None;
    }
    Some(Marker {
        value,
        letter,
        dot,
        paren,
    })
}

impl List {
    fn detect(p: &str) -> List {
        let i = skip_ws(p, 0);
        if let Some(c @ ('•' | '⁃' | '◦' | '▪' | '‣' | '●' | '■')) = char_at(p, i) {
            return List::Bullet(c);
        }
        match list_marker(p, i) {
            Some(m) if !m.letter => List::Numbered {
                next: m.value + 1,
                paren: m.paren,
                dot: m.dot,
            },
            Some(m) if m.dot && m.value == u32::from(b'a') => List::Lettered {
                next: b'b',
                paren: m.paren,
            },
            _ => List::None,
        }
    }

    /// True when the token at byte `i` starts the next item; advances.
    fn item_starts(&mut self, p: &str, i: usize, c: char) -> bool {
        match *self {
            List::None => false,
            List::Bullet(b) => c == b,
            List::Numbered { next, paren, dot } => {
                let want = Marker {
                    value: next,
                    letter: false,
                    dot,
                    paren,
                };
                let hit = list_marker(p, i) == Some(want);
                if hit {
                    *self = List::Numbered {
                        next: next + 1,
                        paren,
                        dot,
                    };
                }
                hit
            }
            List::Lettered { next, paren } => {
                let want = Marker {
                    value: u32::from(next),
                    letter: true,
                    dot: true,
                    paren,
                };
                let hit = list_marker(p, i) == Some(want);
                if hit {
                    *self = List::Lettered {
                        next: next.saturating_add(1),
                        paren,
                    };
                }
                hit
            }
        }
    }
}

/// A headline: no final mark, and every word but function words capitalized.
fn looks_like_heading(p: &str) -> bool {
    if p.len() > 300 {
        return false;
    }
    let end = p.trim_end_matches(|c: char| c.is_whitespace() || is_en_closer(c));
    if end.ends_with(['.', '!', '?', '…', ':', ';', ',', '。', '！', '？']) {
        return false;
    }
    let mut words = 0;
    for tok in p.split_whitespace() {
        let w = tok.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if first.is_ascii_digit() {
            continue;
        }
        if !first.is_alphabetic() {
            continue;
        }
        if first.is_uppercase() {
            words += 1;
        } else if !folded_is(alpha_run(w, 0), is_minor_word) {
            return false;
        }
    }
    words >= 2
}

impl Segmenter {
    /// Finds sentence ends (byte offsets into `p`) of an English paragraph.
    fn scan_en(&self, p: &str, cuts: &mut Vec<usize>) {
        if looks_like_heading(p) {
            return;
        }
        let mut list = List::detect(p);
        let mut i = 0;
        let mut token_start = 0;
        let mut in_space = true;
        let mut words = 0usize;
        while let Some(c) = char_at(p, i) {
            let len = c.len_utf8();
            if c.is_whitespace() {
                in_space = true;
                i += len;
                continue;
            }
            if in_space {
                in_space = false;
                token_start = i;
                if i > 0 && list.item_starts(p, i, c) {
                    cuts.push(i);
                    words = 0;
                }
                let lone_bullet =
                    is_bullet(c) && char_at(p, i + len).is_none_or(char::is_whitespace);
                if !lone_bullet {
                    words += 1;
                }
            }
            let terminal = matches!(
                c,
                '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
            ) || (self.semicolon_breaks && matches!(c, ';' | '；'))
                || (matches!(c, '—' | '–') && self.dash_closes_quote(p, i));
            if terminal {
                let (resume, cut) = self.en_terminal(p, i, token_start, words);
                if let Some(at) = cut {
                    cuts.push(at);
                    words = 0;
                    in_space = true;
                }
                i = resume.max(i + len);
                continue;
            }
            i += len;
        }
    }

    /// A dash followed by a closing quote and white space: interrupted speech.
    fn dash_closes_quote(&self, p: &str, i: usize) -> bool {
        let k = skip_dashes(p, i);
        matches!(char_at(p, k), Some('"' | '\'' | '”' | '’'))
            && char_at(p, k + 1).is_some_and(char::is_whitespace)
    }

    /// Decides whether the final mark at byte `i` ends a sentence. Returns the
    /// position to resume scanning and the boundary, if any.
    fn en_terminal(
        &self,
        p: &str,
        i: usize,
        token_start: usize,
        words: usize,
    ) -> (usize, Option<usize>) {
        // The cluster of marks.
        let mut j = i;
        let (mut dots, mut bang, mut ellipsis, mut strong, mut semi, mut dash) =
            (0usize, false, false, false, false, false);
        while let Some(d) = char_at(p, j) {
            match d {
                '.' => dots += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => bang = true,
                '…' => ellipsis = true,
                '。' | '！' | '？' => strong = true,
                ';' | '；' if self.semicolon_breaks => semi = true,
                '—' | '–' if j == i || dash => {
                    dash = true;
                }
                _ => break,
            }
            j += d.len_utf8();
        }
        // A standalone dot starts a spaced ellipsis or stands for a period.
        if dots == 1 && j == i + 1 && !bang && !ellipsis && token_start == i {
            let (count, last) = spaced_dots(p, i);
            if count == 3 {
                // A pause, unless it closes a quotation before a capital.
                let mut k = last + 1;
                while let Some(d) = char_at(p, k).filter(|&d| is_en_closer(d)) {
                    k += d.len_utf8();
                }
                let m = skip_ws(p, k);
                let cut =
                    k > last + 1 && m > k && m < p.len() && next_token(p, m).start == Start::Upper;
                return (k, cut.then_some(k));
            }
            return self.en_after_period(p, last, last + 1, "", words);
        }
        // Closing quotes and brackets.
        let mut k = j;
        let mut closed = false;
        while let Some(d) = char_at(p, k) {
            if !is_en_closer(d) {
                break;
            }
            closed = true;
            k += d.len_utf8();
        }
        let Some(after) = char_at(p, k) else {
            return (k, None);
        };
        if !after.is_whitespace() {
            if strong {
                return (k, Some(k));
            }
            return (j, None);
        }
        let m = skip_ws(p, k);
        if m >= p.len() {
            return (k, None);
        }
        if strong || semi || dash {
            if dash {
                let next = next_token(p, m);
                if next.start == Start::Lower {
                    return (k, None);
                }
            }
            return (k, Some(k));
        }
        let next = next_token(p, m);
        if bang {
            let cut = match next.start {
                Start::Lower => false,
                // `Yahoo! Inc.`
                Start::Upper if folded_is(next.word, is_company_abbr) => false,
                Start::Upper => {
                    // `"Why?" Wang asked.`: a name, then a verb of saying.
                    let attribution = closed
                        && !next.quoted
                        && !folded_is(next.word, is_starter)
                        && folded_is(next.following, is_speech_verb);
                    !attribution
                }
                _ => true,
            };
            return (k, cut.then_some(k));
        }
        let word = p.get(token_start..i).unwrap_or("");
        let word = word.trim_start_matches(|c: char| is_en_opener(c) || is_bullet(c));
        if ellipsis || dots >= 3 {
            if dots >= 4 || (ellipsis && dots >= 1) {
                let cut = !matches!(next.start, Start::Lower | Start::Dot);
                return (k, cut.then_some(k));
            }
            // A three-dot ellipsis; `[...]` marks an omission, not an end.
            let omission = matches!(char_before(p, i), Some('[' | '('));
            let cut = !omission
                && next.start == Start::Upper
                && ((closed && !next.word.is_empty())
                    || (folded_is(next.word, is_starter)
                        && !alpha_run(word, 0).eq_ignore_ascii_case(next.word)));
            return (k, cut.then_some(k));
        }
        self.en_after_period(p, j - 1, j, word, words)
    }

    /// The rules for a single period at byte `dot`, closers up to `k`, after `word`.
    fn en_after_period(
        &self,
        p: &str,
        dot: usize,
        k0: usize,
        word: &str,
        words: usize,
    ) -> (usize, Option<usize>) {
        let mut k = k0;
        while let Some(d) = char_at(p, k) {
            if !is_en_closer(d) {
                break;
            }
            k += d.len_utf8();
        }
        let closed = k > k0;
        let Some(after) = char_at(p, k) else {
            return (k, None);
        };
        if !after.is_whitespace() {
            return (dot + 1, None);
        }
        let m = skip_ws(p, k);
        if m >= p.len() {
            return (k, None);
        }
        let next = next_token(p, m);
        if next.start == Start::Dot {
            // `word. . . . Next`: the period ends the sentence when a
            // capitalized word follows the spaced ellipsis.
            let (count, last) = spaced_dots(p, m);
            if count == 0 {
                return (k, None);
            }
            let n = skip_ws(p, last + 1);
            let after_dots = next_token(p, n);
            let cut = n < p.len() && matches!(after_dots.start, Start::Upper | Start::Digit);
            return (k, cut.then_some(k));
        }
        let cut = self.period_ends(word, &next, closed, words);
        (k, cut.then_some(k))
    }

    /// The abbreviation rules: does a period after `word` end the sentence,
    /// given the next token?
    fn period_ends(&self, word: &str, next: &Next<'_>, closed: bool, words: usize) -> bool {
        if next.start == Start::Lower {
            return false;
        }
        if word.is_empty() {
            return true;
        }
        let first = word.chars().next().unwrap_or(' ');
        // A list marker opening the sentence: `1.`, `a.`.
        if words <= 1
            && ((word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
                || (word.len() == 1 && first.is_ascii_lowercase()))
        {
            return false;
        }
        if first.is_ascii_digit() || first == '$' {
            return true;
        }
        let Some(folded) = Folded::new(word) else {
            return true;
        };
        let f = folded.as_str();
        if is_title_abbr(f) {
            return false;
        }
        if is_number_abbr(f) {
            return next.start != Start::Digit;
        }
        let ambiguous = is_month_abbr(f)
            || is_plain_abbr(f)
            || is_dotted_abbr(word)
            || (word.len() == 1 && first.is_ascii_uppercase());
        if ambiguous {
            if is_month_abbr(f) && next.start == Start::Digit {
                return false;
            }
            return next.start == Start::Upper
                && (closed || next.quoted || (folded_is(next.word, is_starter) && words >= 4));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lang: Lang, text: &str) -> Vec<&str> {
        Segmenter::new(lang)
            .segment(text)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn paragraphs_break_on_every_line_ending() {
        let t = "a\r\nb\rc\n\n  \nd";
        let got: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn spans_are_trimmed_and_paragraphs_numbered() {
        let t = "  你好。 再见！\n\nHello. Bye.  ";
        let s = Segmenter::auto().segment(t);
        let texts: Vec<&str> = s.iter().map(|x| &t[x.span.clone()]).collect();
        assert_eq!(texts, vec!["你好。", "再见！", "Hello.", "Bye."]);
        let paras: Vec<usize> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(paras, vec![0, 0, 1, 1]);
    }

    #[test]
    fn chinese_basic_marks_and_runs() {
        assert_eq!(
            split(Lang::Zh, "真的吗？！我不信！！！好吧。"),
            vec!["真的吗？！", "我不信！！！", "好吧。"]
        );
    }

    #[test]
    fn chinese_quote_after_mark_ends_sentence() {
        assert_eq!(
            split(Lang::Zh, "他说：“走吧！”然后就走了。"),
            vec!["他说：“走吧！”", "然后就走了。"]
        );
        assert_eq!(
            split(Lang::Zh, "“下轿，跟我走！”他说。"),
            vec!["“下轿，跟我走！”", "他说。"]
        );
    }

    #[test]
    fn chinese_embedded_quote_and_title_protected() {
        assert_eq!(
            split(Lang::Zh, "她一句“我不去！”让大家都愣住了。好。"),
            vec!["她一句“我不去！”让大家都愣住了。", "好。"]
        );
        assert_eq!(
            split(Lang::Zh, "我们去看《摔跤吧！爸爸》好吗？好！"),
            vec!["我们去看《摔跤吧！爸爸》好吗？", "好！"]
        );
    }

    #[test]
    fn chinese_unclosed_title_keeps_boundaries() {
        assert_eq!(
            split(Lang::Zh, "他读《书。很好。"),
            vec!["他读《书。", "很好。"]
        );
    }

    #[test]
    fn chinese_numbers_and_semicolons() {
        assert_eq!(
            split(Lang::Zh, "达10.7万;增长5.5%；持续5-10年。"),
            vec!["达10.7万;增长5.5%；持续5-10年。"]
        );
        let s = Segmenter::new(Lang::Zh).semicolon_breaks(true);
        let t = "甲；乙;丙。";
        let got: Vec<&str> = s.segment(t).into_iter().map(|x| &t[x.span]).collect();
        assert_eq!(got, vec!["甲；", "乙;", "丙。"]);
    }

    #[test]
    fn chinese_ellipsis_rules() {
        assert_eq!(
            split(Lang::Zh, "他走了……我不知道该怎么办。"),
            vec!["他走了……", "我不知道该怎么办。"]
        );
        assert_eq!(
            split(Lang::Zh, "“我…… 我不知道。”"),
            vec!["“我…… 我不知道。”"]
        );
        assert_eq!(
            split(Lang::Zh, "不过……不过算了。"),
            vec!["不过……不过算了。"]
        );
    }

    #[test]
    fn english_abbreviation_before_sentence_starter() {
        assert_eq!(
            split(
                Lang::En,
                "It halted efforts with the U.S. This action was taken."
            ),
            vec!["It halted efforts with the U.S.", "This action was taken."]
        );
        assert_eq!(
            split(
                Lang::En,
                "Finally, the U.S. National Drug Control Strategy relies on it."
            ),
            vec!["Finally, the U.S. National Drug Control Strategy relies on it."]
        );
    }

    #[test]
    fn english_quote_attribution_stays() {
        assert_eq!(
            split(Lang::En, "\"Can you print it?\" Wang asked. He waited."),
            vec!["\"Can you print it?\" Wang asked.", "He waited."]
        );
    }

    #[test]
    fn english_heading_is_one_sentence() {
        assert_eq!(
            split(
                Lang::En,
                "Australia: Which Conflicts of Interest? Trump Doubles Down on Crypto"
            ),
            vec!["Australia: Which Conflicts of Interest? Trump Doubles Down on Crypto"]
        );
    }

    #[test]
    fn auto_picks_language_per_paragraph() {
        assert_eq!(paragraph_lang("美国应对危机。"), Lang::Zh);
        assert_eq!(paragraph_lang("The RAND Corporation."), Lang::En);
        assert_eq!(paragraph_lang("他在RAND公司工作。"), Lang::Zh);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "", ".", "。", "“", "”。", "……", ". . .", "a.", "\u{3000}", "1.", "•", "—'", "N°.",
        ] {
            let _ = Segmenter::auto().segment(t);
            let _ = Segmenter::new(Lang::Zh).semicolon_breaks(true).segment(t);
            let _ = Segmenter::new(Lang::En).semicolon_breaks(true).segment(t);
        }
    }
}
