//! Figures over the bundled seed translation (Global Times, 2023, on fentanyl):
//! the figure-bearing sentence pairs, and the figure lists of both documents.

use duizhao::numbers::{compare, extract, Comparison, MatchQuality};
use duizhao::Lang;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpora/global-times-2023-fentanyl"
);

fn pair(zh: &str, en: &str) -> Comparison {
    compare(&extract(zh, Lang::Zh), &extract(en, Lang::En))
}

fn matched(c: &Comparison) -> Vec<(usize, usize, MatchQuality)> {
    c.matched.iter().map(|m| (m.zh, m.en, m.quality)).collect()
}

fn described(text: &str, lang: Lang) -> Vec<String> {
    extract(text, lang).iter().map(|f| f.describe()).collect()
}

#[test]
fn last_august_is_a_partial_date() {
    let zh =
        "2022年8月,作为针对美国国会众议长佩洛西窜台的反制措施之一,中国外交部宣布暂停中美禁毒合作。";
    let en = "ILast August, the Chinese Ministry of Foreign Affairs suspended China’s cooperation in anti-drug efforts with the U.S.";
    assert_eq!(described(zh, Lang::Zh), ["August 2022"]);
    assert_eq!(described(en, Lang::En), ["August"]);
    let c = pair(zh, en);
    assert_eq!(matched(&c), [(0, 0, MatchQuality::Approximate)]);
}

#[test]
fn five_to_ten_years_within_the_decade_is_altered() {
    let zh = "首先,美国近年来的毒情形势严峻,正处于主要由芬太尼导致的药物过量死亡的阴霾之中,而且“芬太尼危机”未来5-10年内难以解除。";
    let en = "First, it is unlikely the U.S. will be able to solve the fentanyl crisis enveloping the country within the decade.";
    assert_eq!(described(zh, Lang::Zh), ["5–10 years"]);
    assert_eq!(described(en, Lang::En), ["10 years"]);
    let c = pair(zh, en);
    assert_eq!(matched(&c), [(0, 0, MatchQuality::Altered)]);
}

#[test]
fn deaths_in_2021_and_the_dropped_more_than() {
    let zh = "2021年美国因过量用药导致死亡的人数达10.7万,创造历史最高纪录,其中六成以上与阿片类药物芬太尼有关。";
    let en = "This crisis accounted for 60% of the record 107,000 overdose deaths in 2021.";
    assert_eq!(
        described(zh, Lang::Zh),
        ["2021", "107,000", "more than 60%"]
    );
    assert_eq!(described(en, Lang::En), ["60%", "107,000", "2021"]);
    let c = pair(zh, en);
    assert_eq!(
        matched(&c),
        [
            (0, 2, MatchQuality::Exact),
            (1, 1, MatchQuality::Exact),
            (2, 0, MatchQuality::QualifierDropped),
        ]
    );
    assert!(c.zh_unmatched.is_empty() && c.en_unmatched.is_empty());
}

#[test]
fn projections_two_to_one_with_a_missing_date() {
    let zh = "然而,2022年5月,由哈佛大学医学院、加州大学洛杉矶分校以及美国食品药品监督管理局药物评价与研究中心的合作者联合开发、发布的动态定量模型表明,全美药物过量死亡的高峰尚未到来,预测2025年该数据将达到峰值。在最“乐观”的情况下,药物过量服用在2020-2032年将造成全美54.3万人死亡;最“悲观”的情况下,这一数值将达到84.2万人。";
    let en = "Overdose fatalities are projected to increase until 2025, resulting in an estimated loss of 543,000 to 842,000 lives between 2020 and 2032, according to predictions in collaborative research by Harvard Medical School, UCLA, and the USDA’s Center for Drug Evaluation and Research.";
    assert_eq!(
        described(zh, Lang::Zh),
        ["May 2022", "2025", "2020–2032", "543,000", "842,000"]
    );
    assert_eq!(
        described(en, Lang::En),
        ["2025", "543,000–842,000", "2020–2032"]
    );
    let c = pair(zh, en);
    assert_eq!(
        matched(&c),
        [
            (1, 0, MatchQuality::Exact),
            (2, 2, MatchQuality::Exact),
            (3, 1, MatchQuality::Exact),
            (4, 1, MatchQuality::Exact),
        ]
    );
    // 2022年5月 is missing from the translation.
    assert_eq!(c.zh_unmatched, [0]);
    assert!(c.en_unmatched.is_empty());
}

#[test]
fn ten_years_is_the_past_decade() {
    let zh =
        "而且美国历届政府在毒品政策上的摇摆浪费了长达十年的干预窗口期,当前“非法芬太尼到处都是”。";
    let en = "Moreover, the past decade has been lost to the discontinuation of drug policies from administration to administration, and now fentanyl is everywhere.";
    let c = pair(zh, en);
    assert_eq!(matched(&c), [(0, 0, MatchQuality::Exact)]);
}

#[test]
fn withdrawal_in_2021() {
    let zh = "美国于2021年从阿富汗撤军,重新掌权的塔利班政府宣称将禁种罂粟。";
    let en = "When the Taliban returned to power upon the U.S. withdrawal from Afghanistan in 2021, it announced a ban on cultivating poppies.";
    let c = pair(zh, en);
    assert_eq!(matched(&c), [(0, 0, MatchQuality::Exact)]);
}

#[test]
fn enumerators_and_non_figures_give_nothing() {
    for (zh, en) in [
        (
            "第一,美国应从其国内诸多内政问题入手。",
            "First, the United States needs to address its numerous domestic concerns.",
        ),
        (
            "第三,加强跨国禁毒合作的关键在于尊重各国主权。",
            "Third, it is critical to strengthen transnational drug control while respecting national sovereignty.",
        ),
        (
            "总的说来,美国许多有识之士已经认识到主要由芬太尼导致的合成阿片类药物危机已然是美国的一大难题。",
            "Americans widely acknowledge that the fentanyl and synthetic opioids crisis as a significant issue.",
        ),
        (
            "而后者又主要依靠“二手数据、文献综述、跨国案例、线人访谈”等等。",
            "which primarily depend on secondary data, literature reviews, transnational cases and interviews with informants.",
        ),
    ] {
        assert!(extract(zh, Lang::Zh).is_empty(), "{zh}");
        assert!(extract(en, Lang::En).is_empty(), "{en}");
    }
}

/// The figures of each whole seed document, one `describe()` per line, kept in
/// `tests/fixtures/numbers/`.
#[test]
fn seed_documents_figure_lists() {
    for (lang, file) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let text = std::fs::read_to_string(format!("{SEED}/{file}.txt")).unwrap();
        let got = described(&text, lang).join("\n");
        let path = format!(
            "{}/tests/fixtures/numbers/seed-{file}.figures",
            env!("CARGO_MANIFEST_DIR")
        );
        let want = std::fs::read_to_string(&path).unwrap();
        assert_eq!(got.trim_end(), want.trim_end(), "{path}");
    }
}

/// Over the gold sentence beads of the MAC-Dev corpus (literary text, read
/// from `../shared` when present): most figures find their counterpart, and
/// few pairs are flagged as altered.
#[test]
fn mac_dev_gold_beads() {
    let Some(dir) = crate::common::shared("corpora/mac-dev") else {
        return;
    };
    let parse = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_matches(['[', ']'])
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    let (mut zh_n, mut en_n, mut matched, mut altered, mut beads) = (0, 0, 0, 0, 0);
    // The same counts for wrong pairs (each Chinese bead with the English of
    // the bead three further on), which figures should tell apart.
    let (mut wrong_n, mut wrong_matched) = (0, 0);
    for d in 1..=6 {
        let read = |sub: &str| std::fs::read_to_string(dir.join(sub).join(format!("{d:03}")));
        let (Ok(zh), Ok(en)) = (read("zh"), read("en")) else {
            continue;
        };
        let Ok(gold) = std::fs::read_to_string(dir.join("gold").join(format!("{d:03}.align")))
        else {
            continue;
        };
        let zl: Vec<&str> = zh.lines().collect();
        let el: Vec<&str> = en.lines().collect();
        let mut pairs = Vec::new();
        for line in gold.lines() {
            let Some((a, b)) = line.split_once(':') else {
                continue;
            };
            let zt: String = parse(a)
                .iter()
                .filter_map(|&i| zl.get(i).copied())
                .collect();
            let et: Vec<&str> = parse(b)
                .iter()
                .filter_map(|&i| el.get(i).copied())
                .collect();
            let et = et.join(" ");
            let zf = extract(&zt, Lang::Zh);
            let ef = extract(&et, Lang::En);
            let c = compare(&zf, &ef);
            pairs.push((zf.clone(), ef.clone()));
            zh_n += zf.len();
            en_n += ef.len();
            matched += c.matched.len();
            altered += c
                .matched
                .iter()
                .filter(|m| m.quality == MatchQuality::Altered)
                .count();
            beads += 1;
        }
        for k in 0..pairs.len().saturating_sub(3) {
            let (zf, ef) = (&pairs[k].0, &pairs[k + 3].1);
            wrong_n += zf.len() + ef.len();
            wrong_matched += compare(zf, ef).matched.len();
        }
    }
    let wrong = 2.0 * wrong_matched as f64 / wrong_n.max(1) as f64;
    let agreement = 2.0 * matched as f64 / (zh_n + en_n).max(1) as f64;
    eprintln!(
        "MAC-Dev: {beads} beads, {zh_n} zh / {en_n} en figures, {matched} matched \
         ({altered} altered), agreement {agreement:.2}; wrong pairs {wrong:.2}"
    );
    assert!(wrong <= 0.2, "wrong-pair agreement {wrong:.2}");
    assert!(beads > 1000, "{beads} beads");
    assert!(agreement >= 0.62, "agreement {agreement:.2}");
    assert!(altered <= 10, "{altered} altered");
}
