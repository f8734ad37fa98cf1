use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

fn duizhao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_duizhao"))
}

/// An element of the parsed document: name, attributes, text, children.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
    fn one(&self, name: &str) -> &Node {
        let found = self.all(name);
        assert_eq!(found.len(), 1, "expected one <{name}> in <{}>", self.name);
        found[0]
    }
    fn props(&self) -> BTreeMap<String, String> {
        self.all("prop")
            .iter()
            .map(|p| (p.attrs["type"].clone(), p.text.clone()))
            .collect()
    }
}

fn entity(name: &str) -> &'static str {
    match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        "#13" => "\r",
        other => panic!("unexpected entity &{other};"),
    }
}

/// Parse an XML document into a tree with quick-xml's reader, checking the
/// prolog on the way.
fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let mut saw_decl = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Decl(d) => {
                assert_eq!(d.version().unwrap(), "1.0");
                assert_eq!(d.encoding().unwrap().unwrap(), "UTF-8");
                saw_decl = true;
            }
            Event::DocType(d) => assert!(d.xml10_content().contains("tmx14.dtd")),
            Event::Start(e) => {
                let mut node = Node {
                    name: e.name().as_ref().to_string(),
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.unwrap();
                    let key = a.key.as_ref().to_string();
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                    node.attrs.insert(key, value);
                }
                stack.push(node);
            }
            Event::Empty(e) => panic!("unexpected empty element {:?}", e.name()),
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content().into_owned();
                stack.last_mut().unwrap().text.push_str(entity(&name));
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Eof => break,
            other => panic!("unexpected event {other:?}"),
        }
    }
    assert!(saw_decl, "no XML declaration");
    let mut root = stack.pop().unwrap();
    assert!(stack.is_empty());
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

/// Check the TMX 1.4b skeleton and return the units.
fn check_tmx(tmx: &Node) -> Vec<&Node> {
    assert_eq!(tmx.name, "tmx");
    assert_eq!(tmx.attrs["version"], "1.4");
    let header = tmx.one("header");
    let want = [
        ("creationtool", "duizhao"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "duizhao"),
        ("adminlang", "en"),
        ("srclang", "zh"),
        ("datatype", "plaintext"),
    ];
    for (k, v) in want {
        assert_eq!(
            header.attrs.get(k).map(String::as_str),
            Some(v),
            "header {k}"
        );
    }
    let names: Vec<&str> = tmx.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["header", "body"]);
    let body = tmx.one("body");
    assert!(body.children.iter().all(|c| c.name == "tu"));
    for tu in &body.children {
        // DTD order: notes and props first, then the variants.
        let first_tuv = tu.children.iter().position(|c| c.name == "tuv").unwrap();
        assert!(tu.children[first_tuv..].iter().all(|c| c.name == "tuv"));
        assert!(tu.children[..first_tuv]
            .iter()
            .all(|c| c.name == "prop" || c.name == "note"));
        for tuv in tu.all("tuv") {
            assert!(["zh", "en"].contains(&tuv.attrs["xml:lang"].as_str()));
            let seg = tuv.one("seg");
            assert!(seg.children.is_empty());
            assert_eq!(tuv.children.len(), 1);
        }
        let props = tu.props();
        for key in [
            "x-duizhao-score",
            "x-duizhao-zh-ids",
            "x-duizhao-en-ids",
            "x-duizhao-kind",
        ] {
            assert!(props.contains_key(key), "{key} missing");
        }
        let score: f64 = props["x-duizhao-score"].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    body.children.iter().collect()
}

fn seg<'a>(tu: &'a Node, lang: &str) -> Option<&'a str> {
    tu.all("tuv")
        .into_iter()
        .find(|t| t.attrs["xml:lang"] == lang)
        .map(|t| t.one("seg").text.as_str())
}

const ZH: &str = "价格 <100元> & 免运费，称为\"特价\"。\n第二句里有控制字符\u{1}和'单引号'。\n这家茶馆开业已有一百多年。\n";
const EN: &str = "The price is <100 yuan> & shipping is free, a \"special offer\".\nThe second sentence has a control character\u{1} and 'single quotes'.\nThe teahouse has been open for more than a hundred years.\n";

fn write_pair(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (zh, en) = (dir.join("zh.txt"), dir.join("en.txt"));
    fs::write(&zh, ZH).unwrap();
    fs::write(&en, EN).unwrap();
    (zh, en)
}

fn align(args: &[&str], zh: &Path, en: &Path) -> String {
    let out = duizhao()
        .args(["align", "--presegmented"])
        .args(args)
        .arg(zh)
        .arg(en)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn tmx_structure_escaping_and_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let (zh, en) = write_pair(tmp.path());
    let xml = align(&["--format", "tmx"], &zh, &en);
    assert!(xml.contains("&lt;100元&gt; &amp; 免运费"), "markup escaped");
    assert!(
        !xml.contains('\u{1}'),
        "forbidden control character removed"
    );
    let tmx = parse(&xml);
    let units = check_tmx(&tmx);
    assert_eq!(units.len(), 3);

    // The texts read back equal the aligned texts (JSON lines of the same
    // alignment), less the forbidden character.
    let jsonl = align(&["--format", "jsonl"], &zh, &en);
    let beads: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(beads.len(), units.len());
    for (tu, bead) in units.iter().zip(&beads) {
        let props = tu.props();
        assert_eq!(props["x-duizhao-kind"], bead["kind"].as_str().unwrap());
        assert_eq!(
            seg(tu, "zh").unwrap(),
            bead["zh"].as_str().unwrap().replace('\u{1}', "")
        );
        assert_eq!(
            seg(tu, "en").unwrap(),
            bead["en"].as_str().unwrap().replace('\u{1}', "")
        );
    }
    assert_eq!(
        seg(units[0], "zh").unwrap(),
        "价格 <100元> & 免运费，称为\"特价\"。"
    );
    assert_eq!(
        seg(units[0], "en").unwrap(),
        "The price is <100 yuan> & shipping is free, a \"special offer\"."
    );
    assert_eq!(
        seg(units[1], "en").unwrap(),
        "The second sentence has a control character and 'single quotes'."
    );
    let p = units[2].props();
    assert_eq!(
        (
            p["x-duizhao-zh-ids"].as_str(),
            p["x-duizhao-en-ids"].as_str()
        ),
        ("2", "2")
    );
}

#[test]
fn unaligned_sentences_only_on_request() {
    // One Chinese sentence against eight English ones: no bead is wider
    // than five sentences, so some English sentences must stay unaligned.
    let tmp = tempfile::tempdir().unwrap();
    let zh = tmp.path().join("zh.txt");
    let en = tmp.path().join("en.txt");
    fs::write(&zh, "这家茶馆开业已有一百多年。\n").unwrap();
    let mut text = String::from("The teahouse has been open for more than a hundred years.\n");
    for i in 1..8 {
        text.push_str(&format!(
            "Unrelated line number {i} about something else.\n"
        ));
    }
    fs::write(&en, text).unwrap();

    let ladder = align(&["--format", "ladder"], &zh, &en);
    let unaligned = ladder.lines().filter(|l| l.contains("[]")).count();

    let plain = parse(&align(&["--format", "tmx"], &zh, &en));
    let with = parse(&align(
        &["--format", "tmx", "--tmx-include-unaligned"],
        &zh,
        &en,
    ));
    let (plain, with) = (check_tmx(&plain), check_tmx(&with));
    assert_eq!(with.len(), ladder.lines().count());
    assert_eq!(plain.len(), with.len() - unaligned);
    assert!(plain
        .iter()
        .all(|tu| tu.all("tuv").len() == 2 && tu.all("note").is_empty()));
    let one_sided: Vec<_> = with.iter().filter(|tu| tu.all("tuv").len() == 1).collect();
    assert_eq!(one_sided.len(), unaligned);
    assert!(one_sided.iter().all(|tu| tu.all("note").len() == 1));
    assert!(unaligned >= 3, "{ladder}");
}

#[test]
fn min_score_filters_units() {
    let tmp = tempfile::tempdir().unwrap();
    let (zh, en) = write_pair(tmp.path());
    let jsonl = align(&["--format", "jsonl"], &zh, &en);
    let mut scores: Vec<f64> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["confidence"]
                .as_f64()
                .unwrap()
        })
        .collect();
    scores.sort_by(f64::total_cmp);
    // A threshold between the lowest and the highest confidence keeps some.
    let cut = (scores[0] + scores[scores.len() - 1]) / 2.0;
    let kept = scores.iter().filter(|&&s| s >= cut).count();
    let xml = align(
        &["--format", "tmx", "--min-score", &cut.to_string()],
        &zh,
        &en,
    );
    let tmx = parse(&xml);
    let units = check_tmx(&tmx);
    assert!(units.len() <= kept);
    for tu in &units {
        let s: f64 = tu.props()["x-duizhao-score"].parse().unwrap();
        assert!(s >= cut - 0.0005);
    }
    let tsv = align(&["--min-score", "1"], &zh, &en);
    assert!(tsv.is_empty());
    duizhao()
        .args(["align", "--format", "ladder", "--min-score", "0.5"])
        .arg(&zh)
        .arg(&en)
        .assert()
        .code(2);
}

/// `-o pair.tmx` writes TMX without `--format` (as `check -o x.html` writes
/// HTML), the other extensions their formats; `--format` is case-insensitive
/// and wins over the extension.
#[test]
fn output_extension_picks_the_format() {
    let tmp = tempfile::tempdir().unwrap();
    let (zh, en) = write_pair(tmp.path());
    let written = |name: &str, args: &[&str]| {
        let out = tmp.path().join(name);
        duizhao()
            .args(["align", "--presegmented", "-o"])
            .arg(&out)
            .args(args)
            .arg(&zh)
            .arg(&en)
            .assert()
            .success();
        fs::read_to_string(out).unwrap()
    };
    let tmx = written("pair.tmx", &[]);
    assert_eq!(check_tmx(&parse(&tmx)).len(), 3);
    assert_eq!(written("PAIR.TMX", &[]), tmx);
    assert_eq!(written("upper.txt", &["--format", "TMX"]), tmx);
    assert_eq!(
        written("pair.ladder", &[]),
        align(&["--format", "ladder"], &zh, &en)
    );
    assert_eq!(
        written("pair.jsonl", &[]),
        align(&["--format", "jsonl"], &zh, &en)
    );
    let tsv = align(&[], &zh, &en);
    assert_eq!(written("pair.tsv", &[]), tsv);
    assert_eq!(written("pair.out", &[]), tsv, "unknown extension: TSV");
    assert_eq!(written("forced.tmx", &["--format", "tsv"]), tsv);
    assert_eq!(
        written("full.tsv", &["--tsv-columns", "full"]),
        align(&["--tsv-columns", "full"], &zh, &en)
    );
}
