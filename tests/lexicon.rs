//! Lexical evidence on real text: the bundled seed pair and, when present,
//! the MAC-Dev gold alignments (read from the shared corpora, never copied).

use std::path::Path;

use duizhao::lexicon::{lexical_match, EnWord, Lexicon, ZhWord};

/// The bundled lexicon, or with `DZ_RUNTIME` set one compiled now from the
/// bundled CC-CEDICT (to compare compile parameters without a rebuild).
fn lexicon() -> &'static Lexicon {
    static RUNTIME: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    if std::env::var_os("DZ_RUNTIME").is_none() {
        return Lexicon::bundled();
    }
    RUNTIME.get_or_init(|| {
        use std::io::Read;
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz")).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
        Lexicon::from_cedict(&text)
    })
}

/// MAC-Dev beside the repository (`../shared`), or beside a checkout one level deeper.
const MAC_DEV: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/mac-dev"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpora/mac-dev"),
];

fn mac_dev() -> Option<&'static Path> {
    let found = MAC_DEV.iter().map(Path::new).find(|p| p.join("gold").is_dir());
    if found.is_none() {
        eprintln!("note: MAC-Dev not found at {}, skipped", MAC_DEV[0]);
    }
    found
}

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
            link.en.iter().filter_map(|&j| en.get(j)).map(|v| v.as_slice()).collect()
        };
        for (k, link) in links.iter().enumerate() {
            if link.zh.len() != 1 || link.en.len() != 1 {
                continue;
            }
            let Some(z) = zh.get(link.zh[0]) else { continue };
            let score = |e: &[&[EnWord]]| lexical_match(&[z.as_slice()], e).score();
            let t = score(&en_side(link));
            sep.pairs += 1;
            sep.true_sum += t;
            let mut beats = 0;
            let mut neighbours = 0;
            for other in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
                let Some(other) = links.get(other) else { continue };
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
    let Some(root) = mac_dev() else { return };
    let sep = mac_dev_separation(lexicon(), root);
    eprintln!(
        "MAC-Dev 1-1 pairs: {}  mean true {:.3}  mean false {:.3}  true > both neighbours {:.1}%  true > neighbour (pairwise) {:.1}%",
        sep.pairs,
        sep.mean_true(),
        sep.mean_false(),
        100.0 * sep.beats_both_share(),
        100.0 * sep.pairwise_share()
    );
    assert!(sep.pairs > 500, "{sep:?}");
    assert!(sep.mean_true() - sep.mean_false() > 0.0, "{sep:?}");
}

#[test]
#[ignore = "diagnostic dump to /tmp/lexdump.txt"]
fn dump_mac_dev_pairs() {
    use std::fmt::Write;
    let Some(root) = mac_dev() else { return };
    let lex = lexicon();
    let mut out = String::new();
    for n in 1..=6 {
        let name = format!("{n:03}");
        let zh = std::fs::read_to_string(root.join("zh").join(&name)).unwrap();
        let en = std::fs::read_to_string(root.join("en").join(&name)).unwrap();
        let gold = std::fs::read_to_string(root.join("gold").join(format!("{name}.align"))).unwrap();
        let zl: Vec<&str> = zh.lines().collect();
        let el: Vec<&str> = en.lines().collect();
        let links = parse_gold(&gold);
        for (k, link) in links.iter().enumerate() {
            if link.zh.len() != 1 || link.en.len() != 1 {
                continue;
            }
            let (zs, es) = (zl[link.zh[0]], el[link.en[0]]);
            let zw = lex.zh_words(zs);
            let ew = lex.en_words(es);
            let m = lexical_match(&[&zw], &[&ew]);
            let beaten = [k.wrapping_sub(1), k + 1].iter().any(|&o| {
                links.get(o).is_some_and(|l| {
                    let ews: Vec<Vec<EnWord>> = l.en.iter().map(|&j| lex.en_words(el[j])).collect();
                    let refs: Vec<&[EnWord]> = ews.iter().map(|v| v.as_slice()).collect();
                    !l.en.is_empty() && lexical_match(&[&zw], &refs).score() >= m.score()
                })
            });
            if !beaten {
                continue;
            }
            let en_ids: Vec<u32> = ew.iter().flat_map(|w| std::iter::once(w.stem).chain(w.alt)).collect();
            let zh_ids: Vec<u32> = zw.iter().flat_map(|w| w.translations.iter().copied()).collect();
            writeln!(out, "== {:.2} {zs}\n   {es}", m.score()).unwrap();
            let name = |id: u32| lex.stem_text(id).map_or(format!("#{id:x}"), str::to_string);
            for w in &zw {
                let hit = w.translations.iter().any(|t| en_ids.contains(t));
                let tr: Vec<String> = w.translations.iter().map(|&t| name(t)).collect();
                writeln!(out, "  {} {} [{}]", if hit { "+" } else { "-" }, &zs[w.span.clone()], tr.join(" ")).unwrap();
            }
            let words: Vec<String> = ew
                .iter()
                .map(|w| {
                    let hit = zh_ids.contains(&w.stem) || w.alt.is_some_and(|a| zh_ids.contains(&a));
                    format!("{}{}", if hit { "+" } else { "-" }, &es[w.span.clone()])
                })
                .collect();
            writeln!(out, "  EN {}", words.join(" ")).unwrap();
        }
    }
    std::fs::write("/tmp/lexdump.txt", out).unwrap();
}

#[test]
#[ignore = "diagnostic dump of matched words to /tmp/lexmatched.txt"]
fn dump_matched_words() {
    use std::fmt::Write;
    let Some(root) = mac_dev() else { return };
    let lex = lexicon();
    let mut out = String::new();
    for n in 1..=6 {
        let name = format!("{n:03}");
        let zh = std::fs::read_to_string(root.join("zh").join(&name)).unwrap();
        let en = std::fs::read_to_string(root.join("en").join(&name)).unwrap();
        let gold = std::fs::read_to_string(root.join("gold").join(format!("{name}.align"))).unwrap();
        let zl: Vec<&str> = zh.lines().collect();
        let el: Vec<&str> = en.lines().collect();
        let links = parse_gold(&gold);
        for (k, link) in links.iter().enumerate() {
            if link.zh.len() != 1 || link.en.len() != 1 {
                continue;
            }
            for (tag, other) in [("T", Some(k)), ("F", k.checked_sub(1)), ("F", Some(k + 1))] {
                let Some(l) = other.and_then(|o| links.get(o)) else { continue };
                let zs = zl[link.zh[0]];
                let zw = lex.zh_words(zs);
                for &j in &l.en {
                    let es = el[j];
                    let ew = lex.en_words(es);
                    let zh_ids: Vec<u32> = zw.iter().flat_map(|w| w.translations.iter().copied()).collect();
                    for w in &ew {
                        if zh_ids.contains(&w.stem) || w.alt.is_some_and(|a| zh_ids.contains(&a)) {
                            let z: Vec<&str> = zw
                                .iter()
                                .filter(|z| z.translations.contains(&w.stem) || w.alt.is_some_and(|a| z.translations.contains(&a)))
                                .map(|z| &zs[z.span.clone()])
                                .collect();
                            writeln!(out, "{tag} {name}:{k} {} {}", &es[w.span.clone()], z.join(",")).unwrap();
                        }
                    }
                }
            }
        }
    }
    std::fs::write(std::env::var("DUMP").unwrap_or("/tmp/lexmatched.txt".into()), out).unwrap();
}

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/global-times-2023-fentanyl");

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
    let lex = lexicon();
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
    eprintln!("seed: true paragraph best for {wins}/{}, mean margin {mean:.3}", margins.len());
    assert!(wins + 1 >= margins.len(), "{margins:?}");
    assert!(mean > 0.15, "{margins:?}");
}

#[test]
#[ignore = "prints the words of $ZH and $EN"]
fn show_words() {
    let lex = lexicon();
    let zs = std::env::var("ZH").unwrap_or_default();
    let es = std::env::var("EN").unwrap_or_default();
    let zw = lex.zh_words(&zs);
    let ew = lex.en_words(&es);
    let name = |id: u32| lex.stem_text(id).map_or(format!("#{id:x}"), str::to_string);
    let en_ids: Vec<u32> = ew.iter().flat_map(|w| std::iter::once(w.stem).chain(w.alt)).collect();
    let zh_ids: Vec<u32> = zw.iter().flat_map(|w| w.translations.iter().copied()).collect();
    for w in &zw {
        let hit = w.translations.iter().any(|t| en_ids.contains(t));
        let tr: Vec<String> = w.translations.iter().map(|&t| name(t)).collect();
        eprintln!("  {} {} [{}]", if hit { "+" } else { "-" }, &zs[w.span.clone()], tr.join(" "));
    }
    for w in &ew {
        let hit = zh_ids.contains(&w.stem) || w.alt.is_some_and(|a| zh_ids.contains(&a));
        eprintln!("  EN {} {} {} {:?}", if hit { "+" } else { "-" }, &es[w.span.clone()], name(w.stem), w.alt.map(name));
    }
    eprintln!("score {:.3}", lexical_match(&[&zw], &[&ew]).score());
}
