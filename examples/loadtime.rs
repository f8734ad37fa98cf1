use std::time::Instant;
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status").unwrap().lines().find(|l| l.starts_with("VmRSS")).unwrap().to_string()
}
fn main() {
    eprintln!("{}", rss());
    let t = Instant::now();
    let lex = duizhao::lexicon::Lexicon::bundled();
    eprintln!("bundled {:?} {} {:?}", t.elapsed(), rss(), lex);
    let t = Instant::now();
    let w = lex.zh_words("2022年8月,作为针对美国国会众议长佩洛西窜台的反制措施之一,中国外交部宣布暂停中美禁毒合作。");
    eprintln!("first zh_words {:?} {} {}", t.elapsed(), w.len(), rss());
}
