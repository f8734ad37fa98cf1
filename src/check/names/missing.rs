//! Names absent from the English, and English names without a source.
//!
//! A Chinese name the tables know for certain (a major place, a body of the
//! organisation table, a person of the dictionary) is `name-missing` when
//! the English gives no form of it (a name, an alias, an acronym, a pinyin
//! or other romanisation, an adjective, a place that holds it or lies in
//! it) in its bead nor in the beads beside it (a translator may move it),
//! the bead is aligned with confidence and is article text, the name is its
//! document's first mention (a second one is often dropped, or becomes "the
//! country", "the ministry"), and the English has no word that may refer
//! back to a name of its kind ("the province", "the agency", "he").
//!
//! An English name of the tables (a major place, a body by full name or
//! acronym, a known person) is `name-added` when nothing in the Chinese of
//! its bead or of the two beads on either side accounts for it, no earlier
//! English sentence names it, and it stands apart from any name the
//! Chinese accounts for: "Guangzhou, capital of Guangdong province", "Wuhan,
//! China" explain a name, they add none.

use std::ops::Range;

use super::{orgs, persons, places, word_matches, BeadView};
use crate::check::{Context, Finding, FindingKind};
use crate::lang::to_simplified;

/// Beads on either side whose English may give a name of a bead's Chinese.
const EN_WINDOW: usize = 1;

/// A bead at least this confident is read for missing names.
const CONFIDENT: f64 = 0.7;

/// Bytes around an English name within which a name the Chinese accounts
/// for makes it an apposition ("Wuhan, China").
const APPOSITION: usize = 40;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameType {
    Place,
    Org,
    Person,
}

/// A name of a bead's Chinese.
#[derive(Debug, Clone)]
pub(super) struct ZhName {
    /// The Chinese sentence.
    pub(super) sentence: usize,
    /// Its byte span in the sentence.
    pub(super) span: Range<usize>,
    /// The headword (Simplified).
    pub(super) key: String,
    /// Its first English name.
    pub(super) english: String,
    pub(super) kind: NameType,
}

/// A name of a bead's English.
#[derive(Debug, Clone)]
pub(super) struct EnName {
    /// As written.
    pub(super) written: String,
    pub(super) kind: NameType,
    /// Whether the Chinese around the bead accounts for it.
    pub(super) explained: bool,
}

/// Words by which an English text may refer back to a place without naming
/// it, or stand for it ("domestic" for 中国 in 中国市场).
const PLACE_BACK_REFERENCES: &[&str] = &[
    "country",
    "countries",
    "nation",
    "nations",
    "national",
    "nationwide",
    "domestic",
    "province",
    "provinces",
    "provincial",
    "city",
    "cities",
    "municipal",
    "region",
    "regional",
    "state",
    "island",
    "mainland",
    "capital",
    "local",
    "here",
    "there",
    "our",
    "we",
    "us",
    "sino",
    "overseas",
    "abroad",
    "foreign",
];

/// Words by which an English text may refer back to a body ("the agency",
/// "it"), besides the words of the body's own names.
const ORG_BACK_REFERENCES: &[&str] = &[
    "ministry",
    "agency",
    "department",
    "party",
    "government",
    "authorities",
    "authority",
    "organisation",
    "organization",
    "body",
    "bureau",
    "commission",
    "committee",
    "council",
    "office",
    "it",
    "its",
    "they",
    "their",
    "we",
    "our",
    "us",
];

/// Words by which an English text may refer back to a person.
const PERSON_BACK_REFERENCES: &[&str] = &[
    "he",
    "him",
    "his",
    "she",
    "her",
    "they",
    "their",
    "i",
    "me",
    "my",
    "we",
    "our",
    "president",
    "premier",
    "chairman",
    "leader",
    "minister",
    "secretary",
    "general",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "prime",
];

/// The document as the rules read it for earlier mentions: each Chinese
/// sentence in Simplified script.
pub(super) struct Document {
    zh: Vec<String>,
    /// The first sentence that names each key looked up so far (None: no
    /// sentence does): each key is searched for once, not at every bead.
    first: std::cell::RefCell<std::collections::HashMap<String, Option<usize>>>,
}

impl Document {
    pub(super) fn new(ctx: &Context<'_>) -> Document {
        let n = ctx.beads.iter().map(|b| b.zh.end).max().unwrap_or(0);
        let zh = (0..n)
            .map(|i| to_simplified(ctx.zh_text(i)).into_owned())
            .collect();
        Document {
            zh,
            first: Default::default(),
        }
    }

    /// Whether a Chinese sentence before `sentence` names `key`.
    fn named_before(&self, sentence: usize, key: &str) -> bool {
        let mut first = self.first.borrow_mut();
        let at = *first
            .entry(key.to_string())
            .or_insert_with(|| self.zh.iter().position(|s| s.contains(key)));
        at.is_some_and(|k| k < sentence)
    }
}

/// Characters after a place that make it part of another word: a body, a
/// paper, a people (加拿大电视台 "CTV", 拉美裔 "Latinos"), whose English
/// need not name the place.
const PLACE_WORD_ENDINGS: &[char] = &[
    '裔', '人', '籍', '族', '台', '网', '报', '社', '大', '队', '馆', '院', '局', '所', '党', '语',
    '文', '式', '菜', '产', '制',
];

/// Words of bodies, papers and sites that the tables do not know by name:
/// a place before one is part of the name (加拿大电视台新闻网 "CTV News"),
/// and a Chinese text holding one may account for an English body.
const INSTITUTIONS: &[&str] = &[
    "电视台",
    "电台",
    "新闻网",
    "日报",
    "时报",
    "晚报",
    "邮报",
    "通讯社",
    "广播公司",
    "大学",
    "警察局",
    "法院",
    "银行",
    "航空",
    "卫视",
    "网站",
    "杂志",
    "周刊",
    "研究所",
    "研究院",
    "基金会",
    "协会",
    "学会",
    "医院",
    "公司",
    "集团",
    "机构",
    "组织",
];

/// Offices that follow the body that holds them (国会众议长, 外交部发言人).
const OFFICES: &[&str] = &["主席", "发言人", "主任", "委员", "议员", "官员", "大使"];

/// Characters that write a number: a place before one is an era (中華民國一百零六年).
const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十百零〇两";

/// Whether the name at `span` of `text` (Simplified) stands as a word of
/// its own: the segmenter starts a word where it starts and ends one where
/// it ends (or one character later, for 广东省, 纽约市), and no ending makes
/// it part of another word nor a numeral makes it an era.
fn stands_alone(text: &str, span: &Range<usize>, kind: NameType) -> bool {
    let tokens = crate::lexicon::cut_words(text);
    let starts = tokens.iter().any(|t| t.start == span.start);
    let next = text.get(span.end..).and_then(|s| s.chars().next());
    let ends = tokens.iter().any(|t| {
        t.end() == span.end
            || (t.start < span.end
                && next.is_some_and(|c| "省市县州区岛".contains(c))
                && t.end() == span.end + next.map_or(0, char::len_utf8))
    });
    let part_of = kind == NameType::Place && next.is_some_and(|c| PLACE_WORD_ENDINGS.contains(&c));
    let era = next.is_some_and(|c| NUMERALS.contains(c));
    let named_body = kind == NameType::Place
        && tokens
            .iter()
            .find(|t| t.start == span.end)
            .is_some_and(|t| INSTITUTIONS.contains(&t.word));
    // A body before a title names a person by office (美国国会众议长 "the
    // Speaker of the House"): the English need not name the body.
    let after: String = text.get(span.end..).unwrap_or("").chars().take(3).collect();
    let office = kind == NameType::Org
        && (after.chars().take(3).any(|c| c == '长')
            || OFFICES.iter().any(|o| after.starts_with(o)));
    starts && ends && !part_of && !era && !named_body && !office
}

/// Whether the lower-cased English has one of `words` as a word.
fn has_any(en_lower: &str, words: &[&str]) -> bool {
    super::word_starts(en_lower).any(|w| words.contains(&w))
}

/// The English content of beads `lo..hi`, joined.
fn english_of(ctx: &Context<'_>, lo: usize, hi: usize) -> String {
    let beads = ctx.beads.get(lo..hi).unwrap_or(&[]);
    let texts: Vec<&str> = beads
        .iter()
        .flat_map(|b| ctx.en_content(b))
        .map(|j| ctx.en_text(j))
        .collect();
    texts.join(" ")
}

/// `name-missing` and `name-added` findings for bead `view`: one of each at
/// most; no `name-missing` where text of the bead is reported as
/// `dropped` already (an omission, a partial omission).
pub(super) fn check(
    ctx: &Context<'_>,
    view: &BeadView,
    doc: &Document,
    dropped: bool,
    out: &mut Vec<Finding>,
) {
    let b = view.bead;
    let Some(bead) = ctx.beads.get(b) else {
        return;
    };
    if !ctx.in_body(b) || bead.confidence < CONFIDENT || view.zh_ids.is_empty() {
        return;
    }
    if let Some(f) = missing(ctx, view, doc).filter(|_| !dropped) {
        out.push(f);
    }
    if let Some(f) = added(ctx, view) {
        out.push(f);
    }
}

/// The first Chinese name of the bead the English leaves out.
fn missing(ctx: &Context<'_>, view: &BeadView, doc: &Document) -> Option<Finding> {
    let b = view.bead;
    let wide = english_of(
        ctx,
        b.saturating_sub(EN_WINDOW),
        (b + EN_WINDOW + 1).min(ctx.beads.len()),
    );
    let en_lower = view.en.to_lowercase();
    let mut names = orgs::unrendered(ctx, view, &wide);
    names.extend(places::unrendered(ctx, view, &wide));
    names.extend(persons::unrendered(ctx, view, &wide));
    names.sort_by_key(|n| (n.sentence, n.span.start));
    let first = view.zh_ids.first().copied().unwrap_or(0);
    let n = names.into_iter().find(|n| {
        let text = to_simplified(ctx.zh_text(n.sentence));
        // Persons of two characters are too often common words (高达 "as high as").
        let short_person = n.kind == NameType::Person && n.key.chars().count() < 3;
        if short_person || !stands_alone(&text, &n.span, n.kind) {
            return false;
        }
        let back = match n.kind {
            NameType::Place => has_any(&en_lower, PLACE_BACK_REFERENCES),
            NameType::Org => {
                has_any(&en_lower, ORG_BACK_REFERENCES)
                    || orgs::name_words(&n.key)
                        .iter()
                        .any(|w| super::has_word_ci(&en_lower, w))
            }
            NameType::Person => has_any(&en_lower, PERSON_BACK_REFERENCES),
        };
        !back && !doc.named_before(first, &n.key)
    })?;
    let shown = ctx
        .zh_text(n.sentence)
        .get(n.span.clone())
        .unwrap_or(&n.key);
    let message = if n.english.is_empty() {
        format!("name missing: {shown} is not in the English")
    } else {
        format!(
            "name missing: {shown} ({}) is not in the English",
            n.english
        )
    };
    Some(view.finding_of(
        FindingKind::NameMissing,
        ctx,
        n.sentence,
        n.span,
        "",
        message,
    ))
}

/// The first English name of the bead nothing in the Chinese accounts for.
fn added(ctx: &Context<'_>, view: &BeadView) -> Option<Finding> {
    let mut names = orgs::english_names(view);
    names.extend(places::english_names(view));
    names.extend(persons::english_names(view));
    let first_en = view.en_ids.first().copied().unwrap_or(0);
    let earlier: Vec<&str> = (0..first_en).map(|j| ctx.en_text(j)).collect();
    let accounted: Vec<Range<usize>> = names
        .iter()
        .filter(|n| n.explained)
        .flat_map(|n| word_matches(&view.en, &n.written).collect::<Vec<_>>())
        .collect();
    // A body the tables do not know may be any English body or place.
    let unknown_body = INSTITUTIONS.iter().any(|w| view.zh_window.contains(w));
    let q = names.iter().find(|q| {
        if q.kind != NameType::Person && unknown_body {
            return false;
        }
        // Part of a longer word ("Qing-er", "Nanjing-style"), or a short
        // word that is as often a syllable of a person's name ("Ning").
        let hyphened = word_matches(&view.en, &q.written).any(|r| {
            view.en.get(..r.start).is_some_and(|s| s.ends_with('-'))
                || view.en.get(r.end..).is_some_and(|s| s.starts_with('-'))
        });
        let short =
            !q.written.contains(' ') && q.written.chars().count() < 5 && q.kind == NameType::Place;
        if hyphened || short {
            return false;
        }
        if q.explained
            || earlier
                .iter()
                .any(|s| word_matches(s, &q.written).next().is_some())
        {
            return false;
        }
        // An apposition: close to a name the Chinese accounts for.
        let apposition = word_matches(&view.en, &q.written).any(|r| {
            accounted
                .iter()
                .any(|a| a != &r && a.start < r.end + APPOSITION && r.start < a.end + APPOSITION)
        });
        !apposition
    })?;
    let i = view.zh_ids.first().copied()?;
    let what = match q.kind {
        NameType::Place => "place",
        NameType::Org => "body",
        NameType::Person => "person",
    };
    let mut f = view.finding_of(
        FindingKind::NameAdded,
        ctx,
        i,
        0..0,
        &q.written,
        format!(
            "name added: the English names the {what} {}, which the Chinese does not",
            q.written
        ),
    );
    f.zh_spans.clear();
    f.zh_sentences = view.zh_ids.clone();
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::check::tests::kinds;
    use crate::check::Review;

    use super::super::review_one_to_one as review;

    fn names(r: &Review) -> Vec<&'static str> {
        kinds(r)
            .into_iter()
            .filter(|k| k.starts_with("name-"))
            .collect()
    }

    #[test]
    fn a_province_dropped_at_its_first_mention_is_name_missing() {
        let r = review(
            &["今年广东省的出口增长了百分之五。"],
            &["Exports grew by five percent this year."],
        );
        assert_eq!(names(&r), vec!["name-missing"]);
        assert!(r.findings.iter().any(|f| f.message.contains("广东")));
    }

    #[test]
    fn a_second_mention_or_a_back_reference_is_no_missing_name() {
        // Second mention, dropped.
        let r = review(
            &[
                "广东省的工厂增加了出口。",
                "今年广东省的出口增长了百分之五。",
            ],
            &[
                "Factories in Guangdong raised exports.",
                "Exports grew by five percent this year.",
            ],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
        // First mention, but "the province" stands in its place.
        let r = review(
            &["今年广东省的出口增长了百分之五。"],
            &["Exports of the province grew by five percent this year."],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
    }

    #[test]
    fn a_name_moved_to_the_next_bead_or_a_common_word_is_no_missing_name() {
        let r = review(
            &["今年广东省的出口增长了。", "增长了百分之五。"],
            &[
                "Exports grew this year.",
                "In Guangdong they grew by five percent.",
            ],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
        // 三台 "three sets", not the county of Santai.
        let r = review(
            &["实验室里有三台终端。"],
            &["The laboratory holds terminals."],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
    }

    #[test]
    fn romanisations_are_no_missing_name() {
        let r = review(
            &["台北市政府宣布了新的措施。", "高雄的港口很忙。"],
            &[
                "Taipei's city government announced new measures.",
                "Kaohsiung harbour is busy.",
            ],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
    }

    #[test]
    fn a_body_the_chinese_does_not_name_is_name_added() {
        let r = review(
            &["专家说，这种药物是安全的。"],
            &["Experts at the World Health Organization said the drug was safe."],
        );
        assert_eq!(names(&r), vec!["name-added"]);
        assert!(r
            .findings
            .iter()
            .any(|f| f.message.contains("World Health Organization")));
    }

    #[test]
    fn an_apposition_or_an_earlier_mention_is_no_added_name() {
        let r = review(
            &["广州的工厂增加了出口。"],
            &["Factories in Guangzhou, capital of Guangdong province, raised exports."],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
        let r = review(
            &["世卫组织发表了报告。", "专家说，这种药物是安全的。"],
            &[
                "The World Health Organization published a report.",
                "Experts at the World Health Organization said the drug was safe.",
            ],
        );
        assert_eq!(names(&r), Vec::<&str>::new());
    }
}
