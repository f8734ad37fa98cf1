//! Latin-script tokens: English sentences, CC-CEDICT glosses, and Latin runs
//! inside Chinese text (RAND, 5G, UCLA).

use std::ops::Range;

/// How a token was written, which decides whether it may be a name or an acronym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// No upper-case letter (`drug`, `5g`).
    Lower,
    /// Upper-case first letter, then lower case (`Chen`, `Harvard`, `McCain`).
    Capitalised,
    /// Two or more letters, all upper case (`US`, `RAND`, `DEA`).
    Upper,
}

/// One Latin token: its byte span in the source and its normalised form
/// (lower case, ASCII for full-width forms, possessive `'s` and apostrophes removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Range<usize>,
    pub norm: String,
    pub case: Case,
    /// True when the token holds a letter (pure figures are left to the numbers module).
    pub has_letter: bool,
}

/// Map full-width ASCII forms (U+FF01..U+FF5E) to ASCII; other characters unchanged.
pub(crate) fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Characters that make up a Latin token: letters and digits outside the Han script.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let c = fold_width(c);
    c.is_alphanumeric() && !super::is_han(c) && !is_kana_or_hangul(c)
}

fn is_kana_or_hangul(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{FF07}')
}

/// Split `text` into Latin tokens. Hyphens, slashes and all other punctuation
/// separate tokens; an apostrophe between letters does not (`don't`, `China's`);
/// dotted acronyms are joined (`U.S.` → `us`, upper case).
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut list = TokenList::default();
    list.read(text);
    (0..list.len())
        .filter_map(|k| list.get(k))
        .map(|t| Token {
            span: t.span,
            norm: t.norm.to_string(),
            case: t.case,
            has_letter: t.has_letter,
        })
        .collect()
}

/// A token of a [`TokenList`]: a [`Token`] whose normalised form is borrowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenRef<'a> {
    pub span: Range<usize>,
    pub norm: &'a str,
    pub case: Case,
    pub has_letter: bool,
}

/// The tokens of a text as [`tokens`] gives them, their normalised forms
/// kept in one buffer: no string per token, and the buffers serve again
/// for the next text.
#[derive(Debug, Default)]
pub(crate) struct TokenList {
    /// Span, range of the normalised form in `norms`, case, has a letter.
    tokens: Vec<(Range<usize>, Range<usize>, Case, bool)>,
    norms: String,
    /// The token being read.
    raw: String,
}

impl TokenList {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn get(&self, k: usize) -> Option<TokenRef<'_>> {
        let (span, norm, case, has_letter) = self.tokens.get(k)?;
        Some(TokenRef {
            span: span.clone(),
            norm: self.norms.get(norm.clone()).unwrap_or(""),
            case: *case,
            has_letter: *has_letter,
        })
    }

    /// Give back the buffers a very long text grew.
    pub fn shrink_after_large_text(&mut self) {
        const KEEP: usize = 1 << 16;
        if self.norms.capacity() > KEEP || self.tokens.capacity() > KEEP {
            *self = TokenList::default();
        }
    }

    /// Read the tokens of `text` in place of the list's.
    pub fn read(&mut self, text: &str) {
        self.tokens.clear();
        self.norms.clear();
        let mut it = text.char_indices().peekable();
        while let Some(&(start, c)) = it.peek() {
            if !is_word_char(c) {
                it.next();
                continue;
            }
            let mut end = start;
            let raw = &mut self.raw;
            raw.clear();
            while let Some(&(i, c)) = it.peek() {
                if is_word_char(c) {
                    raw.push(fold_width(c));
                    end = i + c.len_utf8();
                    it.next();
                } else if is_apostrophe(c) && !raw.is_empty() {
                    // Keep an apostrophe only when a letter follows it.
                    let rest = &text[i + c.len_utf8()..];
                    match rest.chars().next() {
                        Some(n) if is_word_char(n) => {
                            raw.push('\'');
                            end = i + c.len_utf8();
                            it.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            // Dotted acronym: single upper-case letters each followed by a dot (U.S., U.N.).
            let mut chars = raw.chars();
            if let (Some(first), None) = (chars.next(), chars.next()) {
                if first.is_ascii_uppercase() {
                    let mut acr_end = end;
                    loop {
                        let rest = &text[acr_end..];
                        let mut cs = rest.chars();
                        match (cs.next(), cs.next(), cs.next()) {
                            (Some('.'), Some(l), next)
                                if l.is_ascii_uppercase() && !next.is_some_and(is_word_char) =>
                            {
                                raw.push(l);
                                acr_end += 2;
                            }
                            _ => break,
                        }
                    }
                    if raw.len() > 1 {
                        // Swallow the closing dot of the acronym into the span.
                        if text[acr_end..].starts_with('.') {
                            acr_end += 1;
                        }
                        while it.peek().is_some_and(|&(i, _)| i < acr_end) {
                            it.next();
                        }
                        end = acr_end;
                    }
                }
            }
            let from = self.norms.len();
            let (case, has_letter) = normalise(&self.raw, &mut self.norms);
            self.tokens
                .push((start..end, from..self.norms.len(), case, has_letter));
        }
    }
}

/// Append the normalised form of `raw` to `norms` (lower case, possessive
/// `'s` or a final apostrophe removed); its case and whether it has a letter.
fn normalise(raw: &str, norms: &mut String) -> (Case, bool) {
    let (mut letters, mut uppers) = (0, 0);
    for c in raw.chars() {
        letters += usize::from(c.is_alphabetic());
        uppers += usize::from(c.is_uppercase());
    }
    let first_upper = raw.chars().next().is_some_and(char::is_uppercase);
    let case = if letters >= 2 && uppers == letters {
        Case::Upper
    } else if first_upper {
        Case::Capitalised
    } else {
        Case::Lower
    };
    let from = norms.len();
    if raw.is_ascii() {
        norms.push_str(raw);
        if let Some(norm) = norms.get_mut(from..) {
            norm.make_ascii_lowercase();
        }
    } else {
        // Not char by char: a final Σ lowers to ς.
        norms.push_str(&raw.to_lowercase());
    }
    for suffix in ["'s", "'"] {
        let norm = norms.get(from..).unwrap_or("");
        if norm.len() > suffix.len() && norm.ends_with(suffix) {
            norms.truncate(norms.len() - suffix.len());
        }
    }
    (case, letters > 0)
}

/// Remove the apostrophes left inside a normalised token (`don't` → `dont`).
pub(crate) fn strip_apostrophes(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\'') {
        std::borrow::Cow::Owned(s.replace('\'', ""))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// English function words that carry no lexical evidence. Upper-case acronyms
/// (`US`, `IT`, `WHO`) are never treated as stopwords.
///
/// The list: articles and determiners, pronouns, auxiliaries and modals,
/// prepositions, conjunctions, a few adverbs of degree, negation and `one`.
const EN_STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "how's",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it'll",
    "it's",
    "its",
    "itself",
    "just",
    "let",
    "let's",
    "may",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "one",
    "only",
    "onto",
    "or",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "per",
    "quite",
    "rather",
    "shall",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "where's",
    "whether",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Extra words ignored in CC-CEDICT glosses only: the dictionary's own
/// abbreviations and placeholders (`sth`, `sb`, `lit.`, `fig.`, `etc`).
const GLOSS_STOPWORDS: &[&str] = &[
    "sth",
    "sb",
    "etc",
    "lit",
    "fig",
    "esp",
    "abbr",
    "oneself",
    "one's",
    "someone",
    "somebody",
    "something",
    "eg",
    "ie",
    "usu",
    "orig",
    "tw",
];

/// Forms the Snowball stemmer cannot relate to their base, mapped to it:
/// past tenses and participles of common strong verbs, irregular plurals and
/// comparatives, and demonyms and country abbreviations mapped to the country
/// (`Americans`, `US`, `USA` → `america`, since CC-CEDICT glosses 美国 as
/// the country only). Forms that are also frequent unrelated words (`bit`,
/// `bound`, `ground`, `lit`, `wound`) are left out. Sorted by form.
const IRREGULAR: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("afghans", "afghanistan"),
    ("african", "africa"),
    ("africans", "africa"),
    ("american", "america"),
    ("americans", "america"),
    ("arab", "arabia"),
    ("arabic", "arabia"),
    ("arabs", "arabia"),
    ("arisen", "arise"),
    ("arose", "arise"),
    ("asian", "asia"),
    ("asians", "asia"),
    ("ate", "eat"),
    ("australian", "australia"),
    ("australians", "australia"),
    ("awoke", "awake"),
    ("awoken", "awake"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("best", "good"),
    ("better", "good"),
    ("bitten", "bite"),
    ("bled", "bleed"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("bought", "buy"),
    ("brazilian", "brazil"),
    ("brazilians", "brazil"),
    ("bred", "breed"),
    ("british", "britain"),
    ("briton", "britain"),
    ("britons", "britain"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("came", "come"),
    ("canadian", "canada"),
    ("canadians", "canada"),
    ("caught", "catch"),
    ("children", "child"),
    ("chinese", "china"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("clung", "cling"),
    ("crept", "creep"),
    ("cuban", "cuba"),
    ("cubans", "cuba"),
    ("dealt", "deal"),
    ("drank", "drink"),
    ("drawn", "draw"),
    ("dreamt", "dream"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("drunk", "drink"),
    ("dug", "dig"),
    ("eaten", "eat"),
    ("egyptian", "egypt"),
    ("egyptians", "egypt"),
    ("european", "europe"),
    ("europeans", "europe"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("feet", "foot"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("filipino", "philippines"),
    ("filipinos", "philippines"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("flung", "fling"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("found", "find"),
    ("french", "france"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("geese", "goose"),
    ("german", "germany"),
    ("germans", "germany"),
    ("given", "give"),
    ("gone", "go"),
    ("got", "get"),
    ("gotten", "get"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hongkonger", "hongkong"),
    ("hung", "hang"),
    ("indian", "india"),
    ("indians", "india"),
    ("indonesian", "indonesia"),
    ("indonesians", "indonesia"),
    ("iranian", "iran"),
    ("iranians", "iran"),
    ("iraqi", "iraq"),
    ("iraqis", "iraq"),
    ("israeli", "israel"),
    ("israelis", "israel"),
    ("italian", "italy"),
    ("italians", "italy"),
    ("japanese", "japan"),
    ("kept", "keep"),
    ("knelt", "kneel"),
    ("knew", "know"),
    ("knives", "knife"),
    ("known", "know"),
    ("korean", "korea"),
    ("koreans", "korea"),
    ("laid", "lay"),
    ("lain", "lie"),
    ("leapt", "leap"),
    ("learnt", "learn"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("men", "man"),
    ("met", "meet"),
    ("mexican", "mexico"),
    ("mexicans", "mexico"),
    ("mice", "mouse"),
    ("mongolian", "mongolia"),
    ("mongolians", "mongolia"),
    ("paid", "pay"),
    ("pakistani", "pakistan"),
    ("pakistanis", "pakistan"),
    ("palestinian", "palestine"),
    ("palestinians", "palestine"),
    ("pekingese", "beijing"),
    ("philippine", "philippines"),
    ("prc", "china"),
    ("ran", "run"),
    ("rang", "ring"),
    ("ridden", "ride"),
    ("risen", "rise"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("rung", "ring"),
    ("russian", "russia"),
    ("russians", "russia"),
    ("said", "say"),
    ("sang", "sing"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shaken", "shake"),
    ("shone", "shine"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("shown", "show"),
    ("shrank", "shrink"),
    ("shrunk", "shrink"),
    ("slept", "sleep"),
    ("slid", "slide"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spanish", "spain"),
    ("spat", "spit"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("sprang", "spring"),
    ("sprung", "spring"),
    ("spun", "spin"),
    ("stank", "stink"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("stricken", "strike"),
    ("striven", "strive"),
    ("strove", "strive"),
    ("struck", "strike"),
    ("stuck", "stick"),
    ("stung", "sting"),
    ("sung", "sing"),
    ("sunk", "sink"),
    ("swam", "swim"),
    ("swept", "sweep"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swum", "swim"),
    ("swung", "swing"),
    ("syrian", "syria"),
    ("syrians", "syria"),
    ("taiwanese", "taiwan"),
    ("taken", "take"),
    ("taught", "teach"),
    ("teeth", "tooth"),
    ("thai", "thailand"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("tibetan", "tibet"),
    ("tibetans", "tibet"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("turkish", "turkey"),
    ("uk", "britain"),
    ("ukrainian", "ukraine"),
    ("ukrainians", "ukraine"),
    ("understood", "understand"),
    ("us", "america"),
    ("usa", "america"),
    ("vietnamese", "vietnam"),
    ("went", "go"),
    ("wept", "weep"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("wives", "wife"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("women", "woman"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("worse", "bad"),
    ("worst", "bad"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The base form of an irregular inflection (`said` → `say`), else the word itself.
pub(crate) fn lemma(norm: &str) -> &str {
    match IRREGULAR.binary_search_by(|&(form, _)| form.cmp(norm)) {
        Ok(i) => IRREGULAR.get(i).map_or(norm, |&(_, base)| base),
        Err(_) => norm,
    }
}

/// British spellings of whole words, sorted, for [`americanise`].
const BRITISH_WORDS: &[(&str, &str)] = &[
    ("aeroplane", "airplane"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("cheque", "check"),
    ("defence", "defense"),
    ("grey", "gray"),
    ("judgement", "judgment"),
    ("licence", "license"),
    ("mould", "mold"),
    ("offence", "offense"),
    ("plough", "plow"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("pyjamas", "pajamas"),
    ("tyre", "tire"),
    ("tyres", "tires"),
];

/// British spellings mapped to American ones, as CC-CEDICT spells its
/// glosses: `-our` → `-or` (colour, favourite), `-ise`/`-isation` → `-ize`
/// (realise, organisation), `-yse` → `-yze`, `-tre` → `-ter`, and a few words.
/// Suffix rules need a stem of some length (so `hour`, `four`, `rise`,
/// `noise` are left alone); the same rules run on glosses and sentences,
/// so a word they rewrite needlessly still meets itself.
pub(crate) fn americanise(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    const SUFFIXES: &[(&str, &str, usize)] = &[
        ("isations", "izations", 4),
        ("isation", "ization", 4),
        ("ourites", "orites", 2),
        ("ourite", "orite", 2),
        ("ourable", "orable", 2),
        ("ouring", "oring", 2),
        ("oured", "ored", 2),
        ("ours", "ors", 2),
        ("our", "or", 2),
        ("ising", "izing", 4),
        ("ised", "ized", 4),
        ("ises", "izes", 4),
        ("iser", "izer", 4),
        ("ise", "ize", 4),
        ("ysing", "yzing", 4),
        ("ysed", "yzed", 4),
        ("yse", "yze", 4),
        ("tres", "ters", 2),
        ("tre", "ter", 2),
    ];
    if let Ok(i) = BRITISH_WORDS.binary_search_by(|&(b, _)| b.cmp(word)) {
        return BRITISH_WORDS
            .get(i)
            .map_or(Cow::Borrowed(word), |&(_, a)| Cow::Borrowed(a));
    }
    for &(brit, amer, min) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(brit) {
            if stem.chars().count() >= min {
                return Cow::Owned(format!("{stem}{amer}"));
            }
            break;
        }
    }
    Cow::Borrowed(word)
}

/// True for an English function word (`norm` is a normalised token).
pub(crate) fn is_stopword(norm: &str) -> bool {
    EN_STOPWORDS.binary_search(&norm).is_ok()
}

/// True for a word ignored in dictionary glosses (function words and CC-CEDICT placeholders).
pub(crate) fn is_gloss_stopword(norm: &str) -> bool {
    is_stopword(norm) || GLOSS_STOPWORDS.contains(&norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = EN_STOPWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, EN_STOPWORDS);
    }

    #[test]
    fn irregular_forms_map_to_their_base() {
        let mut sorted = IRREGULAR.to_vec();
        sorted.sort_unstable();
        sorted.dedup_by(|a, b| a.0 == b.0);
        assert_eq!(sorted, IRREGULAR);
        assert_eq!(lemma("said"), "say");
        assert_eq!(lemma("children"), "child");
        assert_eq!(lemma("says"), "says");
        assert_eq!(lemma("americans"), "america");
    }

    #[test]
    fn british_spellings_become_american() {
        assert!(BRITISH_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        for (brit, amer) in [
            ("colour", "color"),
            ("favourite", "favorite"),
            ("realised", "realized"),
            ("organisation", "organization"),
            ("analyse", "analyze"),
            ("centre", "center"),
            ("defence", "defense"),
            ("hour", "hour"),
            ("rise", "rise"),
            ("four", "four"),
        ] {
            assert_eq!(americanise(brit), amer);
        }
    }

    #[test]
    fn splits_hyphens_keeps_inner_apostrophes_and_drops_possessives() {
        assert_eq!(
            norms("China’s anti-drug co-operation, don't stop."),
            vec!["china", "anti", "drug", "co", "operation", "don't", "stop"]
        );
    }

    #[test]
    fn tokens_lower_as_str_to_lowercase_does() {
        // ASCII byte by byte, the rest as a whole (a final Σ lowers to ς).
        let words = [
            "ΟΔΟΣ",
            "Straße",
            "İstanbul",
            "ΣΑΣ",
            "naïve",
            "ＲＡＮＤ",
            "MixedCase",
        ];
        let expected: Vec<String> = words
            .iter()
            .map(|w| w.chars().map(fold_width).collect::<String>().to_lowercase())
            .collect();
        assert_eq!(norms(&words.join(" ")), expected);
        assert_eq!(norms("DON'T O'Neill's Xi's"), ["don't", "o'neill", "xi"]);
    }

    #[test]
    fn a_token_list_read_again_holds_the_new_text_only() {
        let mut list = TokenList::default();
        list.read("The U.S. and U.N. met Chen in 5G labs of RAND.");
        list.read("Bao-yu's");
        let got: Vec<(&str, Case)> = (0..list.len())
            .filter_map(|k| list.get(k))
            .map(|t| (t.norm, t.case))
            .collect();
        assert_eq!(got, [("bao", Case::Capitalised), ("yu", Case::Lower)]);
        assert_eq!(list.get(1).map(|t| t.span), Some(4..8));
        assert!(list.get(2).is_none());
    }

    #[test]
    fn joins_dotted_acronyms_and_records_case() {
        let t = tokens("The U.S. and U.N. met Chen in 5G labs of RAND.");
        let got: Vec<(&str, Case)> = t.iter().map(|t| (t.norm.as_str(), t.case)).collect();
        assert_eq!(
            got,
            vec![
                ("the", Case::Capitalised),
                ("us", Case::Upper),
                ("and", Case::Lower),
                ("un", Case::Upper),
                ("met", Case::Lower),
                ("chen", Case::Capitalised),
                ("in", Case::Lower),
                ("5g", Case::Lower),
                ("labs", Case::Lower),
                ("of", Case::Lower),
                ("rand", Case::Upper),
            ]
        );
        assert_eq!(&"The U.S. and"[t[1].span.clone()], "U.S.");
    }

    #[test]
    fn latin_runs_inside_chinese_and_full_width_forms() {
        let text = "美国ＲＡＮＤ公司和DEA的5G";
        let t = tokens(text);
        let got: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(got, vec!["rand", "dea", "5g"]);
        assert_eq!(&text[t[0].span.clone()], "ＲＡＮＤ");
        assert!(t[2].has_letter);
        assert!(!tokens("2023")[0].has_letter);
    }
}
