//! The Chinese word segmenter against jieba-rs, whose `cut(text, true)` it
//! reproduces over a dictionary compiled at build time: every token (text and
//! byte offset) must be the same, on the bundled corpora, on every text of
//! the shared corpora, and on random and hostile strings.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use duizhao::lexicon::cut_words;
use jieba_rs::Jieba;
use proptest::prelude::*;

use crate::common::shared;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The first token where the two segmentations part, if they do.
fn first_difference(text: &str) -> Option<String> {
    let ours: Vec<(usize, &str)> = cut_words(text).iter().map(|t| (t.start, t.word)).collect();
    let theirs: Vec<(usize, &str)> = jieba()
        .cut(text, true)
        .iter()
        .map(|t| (t.byte_start, t.word))
        .collect();
    if ours == theirs {
        return None;
    }
    let k = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    Some(format!(
        "token {k}: ours {:?}, jieba {:?} ({} vs {} tokens)",
        ours.get(k),
        theirs.get(k),
        ours.len(),
        theirs.len()
    ))
}

fn assert_same(text: &str, what: &str) {
    if let Some(diff) = first_difference(text) {
        panic!("{what}: {diff}");
    }
}

/// Every file under `dir`, recursively, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Compare on every UTF-8 file under `dir`; returns how many characters.
fn compare_tree(dir: &Path) -> usize {
    let mut chars = 0;
    for path in files(dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        chars += text.chars().count();
        assert_same(&text, &path.display().to_string());
    }
    chars
}

#[test]
fn segmenter_matches_jieba_on_the_bundled_corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    assert!(compare_tree(&root) > 10_000, "the bundled corpora are read");
}

#[test]
fn segmenter_matches_jieba_on_the_shared_corpora() {
    for rel in ["seeds", "corpora/genres", "corpora/mac-dev"] {
        if let Some(dir) = shared(rel) {
            let chars = compare_tree(&dir);
            assert!(chars > 10_000, "{rel}: only {chars} characters read");
        }
    }
}

#[test]
fn segmenter_matches_jieba_on_hostile_strings() {
    let cases = [
        String::new(),
        "\r\n\r\r\n\n".into(),
        "的".repeat(5000),
        "中华人民共和国".repeat(800),
        "a-b_c.d%e--f..g__%%1.2.3%".into(),
        "芬太尼ABC-12_x.9%和㐀㐁鿖鿿𠀀𠀁𪛖混合😀".into(),
        "鿖鿗鿘中文鿙".into(),
        "x".repeat(20_000),
        "３．５％，ＡＢＣ全角，ｘｙｚ".into(),
        "+#&._%-+#&".into(),
        "\u{0}\u{7f}\u{80}\u{fffd}\u{feff}中\u{200b}文".into(),
        "一二三四五六七八九十百千万亿".into(),
        "罗纳尔多·路易斯·纳扎里奥·德·利马".into(),
    ];
    for text in &cases {
        assert_same(
            text,
            &format!("{:?}", text.chars().take(20).collect::<String>()),
        );
    }
}

/// Characters random strings are drawn from: common ideographs (so that
/// dictionary words occur), rare and unmodelled ones, Latin letters, digits,
/// the characters jieba keeps inside a block, punctuation and line breaks.
fn alphabet() -> Vec<char> {
    let mut out: Vec<char> = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱紶吗语元喜曾离飞科言干流欢约各即指合反题必该论交终林请医晚制球决窢传画保读运及则房早院量苦火布品近坐产答星精视五连司巴奇管类未朋且婚台夜青北队久乎越观落尽形影红爸百令周吧识步希亚术留市半热送兴造谈容极随演收首根讲整式取照办强石古华諣拿计您装似足双妻尼转诉米称丽客南领节衣站黑刻统断福城故历惊脸选包紧争另建维绝树系伤示愿持千史谁准联妇纪基买志静阿诗独复痛消社算义竟确酒需单治卡幸兰念举仅钟怕共毛句息功官待究跟穿室易游程号居考突皮哪费倒价图具刚脑永歌响商礼细专黄块脚味灵改据般破引食仍存众注笔甚某沉血备习校默务土微娘须试怀料调广蜖苏显赛查密议底列富梦错座参八除跑亮假印设线温虽掉京初养香停际致阳纸李纳验助激够严证帝饭忘趣支春集丈木研班普导顿睡展跳获艺六波察群皇段急庭创区奥器谢弟店否害草排背止组州朝封睛板角况曲馆育忙质河续哥呼若推境遇雨标姐充围案伦护冷警贝著雪索剧啊船险烟依斗值帮汉慢佛肯闻唱沙局伯族低玩资屋击速顾泪洲团圣旁堂兵七露园牛哭旅街劳型烈姑陈莫鱼异抱宝权鲁简态级票怪寻杀律胜份汽右洋范床舞秘午登楼贵吸责例追较职属渐左录丝牙党继托赶章智冲叶胡吉卖坚喝肉遗救修松临藏担戏善卫药悲敢靠伊村戴词森耳差短祖云规窗散迷油旧适乡架恩投弹铁博雷府压超负勒杂醒洗采毫嘴毕九冰既状乱景席珍童顶派素脱农疑练野按犯拍征坏骨余承置臓彩灯巨琴免环姆暗换技翻束增忍餐洛塞缺忆判欧层付阵玛批岛项狗休懂武革良恶恋委拥娜妙探呀营退摇弄桌熟诺宣银势奖宫忽套康供优课鸟喊降夏困刘罪亡鞋健模败伴守挥鲜财孤枪禁恐伙杰迹妹藸遍盖副坦牌江顺秋萨菜划授归浪听凡预奶雄升碃编典袋莱含盛济蒙棋端腿招释介烧误乾坤芬太尼禁毒合作美国环球时报"
        .chars()
        .collect();
    out.extend("ABCxyz0123456789+#&._%-".chars());
    out.extend("，。、；：？！“”《》（）·… \t\n\r".chars());
    out.extend("㐀㐁鿖鿿𠀀𪛖豈😀ａ１".chars());
    out
}

fn random_text() -> impl Strategy<Value = String> {
    let alphabet = alphabet();
    let n = alphabet.len();
    prop::collection::vec(0..n, 0..200)
        .prop_map(move |ix| ix.into_iter().map(|i| alphabet[i]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segmenter_matches_jieba_on_random_text(text in random_text()) {
        prop_assert_eq!(first_difference(&text), None);
    }

    #[test]
    fn segmenter_matches_jieba_on_any_string(text in any::<String>()) {
        prop_assert_eq!(first_difference(&text), None);
    }
}
