//! Document scores and `match`: true pairs against same-topic non-translations.

use std::path::Path;

use duizhao::eval;
use duizhao::{Aligner, Document, Lang};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// MAC-Dev chapters cut into excerpts of about `size` Chinese lines, each with
/// the English lines its gold links give it: (chapter, zh text, en text).
fn mac_excerpts(dir: &Path, size: usize) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (c, n) in ["001", "002", "003", "004", "005", "006"]
        .iter()
        .enumerate()
    {
        let zh: Vec<String> = read(&dir.join("zh").join(n))
            .lines()
            .map(String::from)
            .collect();
        let en: Vec<String> = read(&dir.join("en").join(n))
            .lines()
            .map(String::from)
            .collect();
        let gold = eval::read_ladder(&dir.join("gold").join(format!("{n}.align"))).unwrap();
        let (mut zt, mut et, mut count) = (String::new(), String::new(), 0);
        for link in &gold {
            for &i in &link.zh {
                zt.push_str(&zh[i]);
                zt.push('\n');
                count += 1;
            }
            for &j in &link.en {
                et.push_str(&en[j]);
                et.push('\n');
            }
            if count >= size {
                out.push((c, std::mem::take(&mut zt), std::mem::take(&mut et)));
                count = 0;
            }
        }
    }
    out
}

#[test]
#[ignore]
fn probe() {
    let zh = Document::segment(
        read(Path::new(&format!(
            "{SEED}/global-times-2023-fentanyl/zh.txt"
        ))),
        Lang::Zh,
    );
    let mut ens = vec![format!("{SEED}/global-times-2023-fentanyl/en.txt")];
    for e in std::fs::read_dir(format!("{SEED}/unpaired")).unwrap() {
        ens.push(e.unwrap().path().display().to_string());
    }
    ens.sort();
    for e in &ens {
        let en = Document::segment(read(Path::new(e)), Lang::En);
        let (_, d) = Aligner::new().align_explained(&zh, &en);
        println!("SEED {e}: {d:?}");
    }
    let dir = Path::new("/work/shared/corpora/mac-dev");
    let ex = mac_excerpts(dir, 40);
    for (a, (ca, za, _)) in ex.iter().enumerate() {
        let zd = Document::presegmented(za.clone(), Lang::Zh);
        for (b, (cb, _, eb)) in ex.iter().enumerate() {
            if a != b && (a + b) % 7 != 0 {
                continue;
            }
            let ed = Document::presegmented(eb.clone(), Lang::En);
            let (_, d) = Aligner::new().align_explained(&zd, &ed);
            println!("MAC {} {a} {b} {ca} {cb}: {d:?}", a == b);
        }
    }
}
