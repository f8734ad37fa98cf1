//! Lexical evidence on real text: the bundled seed pair and, when present,
//! the MAC-Dev gold alignments (read from the shared corpora, never copied).

use std::path::Path;

use duizhao::lexicon::{lexical_match, EnWord, Lexicon, ZhWord};

/// One gold link: Chinese and English sentence indices.
struct Link {
    zh: Vec<usize>,
    en: Vec<usize>,
}

fn parse_gold(text: &str) -> Vec<Link> {
    let list = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect()
    };
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(z, e)| Link {
            zh: list(z),
            en: list(e),
        })
        .collect()
}

/// Separation of true and false 1-1 pairs over a corpus.
#[derive(Default, Debug)]
struct Separation {
    pairs: usize,
    true_sum: f64,
    false_sum: f64,
    false_n: usize,
    beats_both: usize,
    with_both: usize,
    beats_one: usize,
}

impl Separation {
    fn mean_true(&self) -> f64 {
        self.true_sum / self.pairs.max(1) as f64
    }
    fn mean_false(&self) -> f64 {
        self.false_sum / self.false_n.max(1) as f64
    }
    fn beats_both_share(&self) -> f64 {
        self.beats_both as f64 / self.with_both.max(1) as f64
    }
    fn pairwise_share(&self) -> f64 {
        self.beats_one as f64 / self.false_n.max(1) as f64
    }
}

fn mac_dev_separation(lex: &Lexicon, root: &Path) -> Separation {
    let mut sep = Separation::default();
    for n in 1..=6 {
        let name = format!("{n:03}");
        let (Ok(zh), Ok(en), Ok(gold)) = (
            std::fs::read_to_string(root.join("zh").join(&name)),
            std::fs::read_to_string(root.join("en").join(&name)),
            std::fs::read_to_string(root.join("gold").join(format!("{name}.align"))),
        ) else {
            continue;
        };
        let zh: Vec<Vec<ZhWord>> = zh.lines().map(|l| lex.zh_words(l)).collect();
        let en: Vec<Vec<EnWord>> = en.lines().map(|l| lex.en_words(l)).collect();
        let links = parse_gold(&gold);
        let en_side = |link: &Link| -> Vec<&[EnWord]> {
            link.en
                .iter()
                .filter_map(|&j| en.get(j))
                .map(|v| v.as_slice())
                .collect()
        };
        for (k, link) in links.iter().enumerate() {
            if link.zh.len() != 1 || link.en.len() != 1 {
                continue;
            }
            let Some(z) = zh.get(link.zh[0]) else {
                continue;
            };
            let score = |e: &[&[EnWord]]| lexical_match(&[z.as_slice()], e).score();
            let t = score(&en_side(link));
            sep.pairs += 1;
            sep.true_sum += t;
            let mut beats = 0;
            let mut neighbours = 0;
            for other in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
                let Some(other) = links.get(other) else {
                    continue;
                };
                if other.en.is_empty() {
                    continue;
                }
                let f = score(&en_side(other));
                neighbours += 1;
                sep.false_n += 1;
                sep.false_sum += f;
                if t > f {
                    beats += 1;
                    sep.beats_one += 1;
                }
            }
            if neighbours == 2 {
                sep.with_both += 1;
                sep.beats_both += usize::from(beats == 2);
            }
        }
    }
    sep
}

#[test]
fn mac_dev_true_pairs_outscore_their_neighbours() {
    let Some(root) = crate::common::shared("corpora/mac-dev") else {
        return;
    };
    let root = root.as_path();
    let sep = mac_dev_separation(Lexicon::bundled(), root);
    eprintln!(
        "MAC-Dev 1-1 pairs: {}  mean true {:.3}  mean false {:.3}  true > both neighbours {:.1}%  true > neighbour (pairwise) {:.1}%",
        sep.pairs,
        sep.mean_true(),
        sep.mean_false(),
        100.0 * sep.beats_both_share(),
        100.0 * sep.pairwise_share()
    );
    // Reached: 817 pairs, mean true 0.427 vs false 0.089, 87.1% above both
    // neighbours, 89.7% pairwise. Floors a little below.
    assert!(sep.pairs > 800, "{sep:?}");
    assert!(sep.mean_true() - sep.mean_false() > 0.30, "{sep:?}");
    assert!(sep.beats_both_share() > 0.85, "{sep:?}");
    assert!(sep.pairwise_share() > 0.88, "{sep:?}");
}

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpora/global-times-2023-fentanyl"
);

/// Paragraphs of the seed pair: (Chinese line, English lines it translates).
const SEED_PARAGRAPHS: &[(usize, &[usize])] = &[
    (3, &[7]),
    (5, &[9]),
    (7, &[11]),
    (9, &[13, 15]),
    (11, &[17]),
    (13, &[19]),
    (15, &[21]),
    (17, &[23]),
    (19, &[25]),
];

#[test]
fn seed_paragraphs_score_highest_against_their_translation() {
    let zh = std::fs::read_to_string(format!("{SEED}/zh.txt")).expect("seed zh");
    let en = std::fs::read_to_string(format!("{SEED}/en.txt")).expect("seed en");
    let lex = Lexicon::bundled();
    let zl: Vec<&str> = zh.lines().collect();
    let el: Vec<&str> = en.lines().collect();
    let en_paras: Vec<usize> = (7..=25).step_by(2).collect();
    let en_words: Vec<Vec<EnWord>> = en_paras.iter().map(|&j| lex.en_words(el[j - 1])).collect();
    let mut margins = Vec::new();
    for &(z, truth) in SEED_PARAGRAPHS {
        let zw = lex.zh_words(zl[z - 1]);
        let scores: Vec<f64> = en_words
            .iter()
            .map(|e| lexical_match(&[&zw], &[e]).score())
            .collect();
        let true_best = en_paras
            .iter()
            .zip(&scores)
            .filter(|(j, _)| truth.contains(j))
            .map(|(_, &s)| s)
            .fold(0.0, f64::max);
        let false_best = en_paras
            .iter()
            .zip(&scores)
            .filter(|(j, _)| !truth.contains(j))
            .map(|(_, &s)| s)
            .fold(0.0, f64::max);
        eprintln!("seed zh line {z}: true {true_best:.3} best false {false_best:.3}");
        margins.push(true_best - false_best);
    }
    // Paragraphs of one article share its topic words (drug, US, cooperation):
    // the true translation must win nearly always and by a clear mean margin.
    let wins = margins.iter().filter(|&&m| m > 0.0).count();
    let mean = margins.iter().sum::<f64>() / margins.len() as f64;
    eprintln!(
        "seed: true paragraph best for {wins}/{}, mean margin {mean:.3}",
        margins.len()
    );
    // Reached: 9/9, mean margin 0.207.
    assert!(wins + 1 >= margins.len(), "{margins:?}");
    assert!(mean > 0.17, "{margins:?}");
}

/// The Chinese words of `zh` that some English word of `en` matches.
fn matched_words<'a>(lex: &Lexicon, zh: &'a str, en: &str) -> Vec<&'a str> {
    let ew = lex.en_words(en);
    lex.zh_words(zh)
        .into_iter()
        .filter(|w| {
            w.translations
                .iter()
                .any(|t| ew.iter().any(|e| e.stem == *t || e.alt == Some(*t)))
        })
        .filter_map(|w| zh.get(w.span))
        .collect()
}

#[test]
fn seed_sentences_match_their_key_words() {
    let zh = std::fs::read_to_string(format!("{SEED}/zh.txt")).expect("seed zh");
    let en = std::fs::read_to_string(format!("{SEED}/en.txt")).expect("seed en");
    let lex = Lexicon::bundled();
    let zl: Vec<&str> = zh.lines().collect();
    let el: Vec<&str> = en.lines().collect();
    // The first sentence of the article and the two English sentences that render it.
    let first_zh = zl[2].split_inclusive('。').next().expect("a sentence");
    let first_en: String = el[6].split_inclusive(". ").take(2).collect();
    let matched = matched_words(lex, first_zh, &first_en);
    for w in ["佩洛西", "外交部", "暂停", "禁毒", "合作", "中国"] {
        assert!(matched.contains(&w), "{w} unmatched in {matched:?}");
    }
    let zw = lex.zh_words(first_zh);
    let ew = lex.en_words(&first_en);
    let wrong = lex.en_words(el[8]);
    let right = lexical_match(&[&zw], &[&ew]).score();
    let other = lexical_match(&[&zw], &[&wrong]).score();
    eprintln!("seed first sentence: true {right:.3}, next paragraph {other:.3}");
    assert!(right > 0.45 && right > 2.0 * other, "{right} vs {other}");
    // Harvard, in the second paragraph.
    let harvard = matched_words(lex, zl[4], el[8]);
    assert!(harvard.contains(&"哈佛大学"), "{harvard:?}");
}
