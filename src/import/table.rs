//! Bilingual tables: TSV (`zh<TAB>en`, what `duizhao align` and LF Aligner
//! write) and CSV.
//!
//! TSV cells are not quoted; `\t`, `\n`, `\r` and `\\` in a cell are read as
//! tab, line feed, carriage return and backslash (the escapes `align`
//! writes). CSV follows RFC 4180 (quotes, doubled quotes, line breaks
//! inside quotes). The first row is a header when it names the columns
//! (`zh`/`en`, `source`/`target`, `Chinese`/`English`, `中文`/`英文`,
//! `原文`/`译文`, or language tags such as `zh-CN`/`en-US`), which then say
//! which column is which; otherwise the Chinese column is the one with the
//! most Han characters and the English one the other with the most Latin
//! letters, and a first row whose Chinese cell holds no Chinese, above rows
//! that do, is taken for a header. A unit's id is its row number in the file
//! (the line number, counting the header), as a spreadsheet shows it.

use super::{tag_lang, Unit};
use crate::lang::{is_han, Lang};

/// Names of a header cell over the Chinese column.
const ZH_NAMES: &[&str] = &[
    "zh",
    "chinese",
    "source",
    "src",
    "source text",
    "original",
    "中文",
    "原文",
    "汉语",
    "漢語",
    "简体中文",
    "繁體中文",
];
/// Names of a header cell over the English column.
const EN_NAMES: &[&str] = &[
    "en",
    "english",
    "target",
    "tgt",
    "target text",
    "translation",
    "英文",
    "译文",
    "譯文",
    "英语",
    "英語",
];

/// A row: its 1-based line number and its cells.
type Row = (usize, Vec<String>);

/// Read the units of a table; `delimiter` is `b'\t'` or `b','`.
pub(crate) fn read(text: &str, delimiter: u8) -> std::result::Result<Vec<Unit>, String> {
    let rows = if delimiter == b'\t' {
        tsv_rows(text)
    } else {
        csv_rows(text, delimiter)?
    };
    let rows: Vec<Row> = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let width = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    if width < 2 {
        return Err(
            "a bilingual table needs two columns, Chinese and English; this one has one"
                .to_string(),
        );
    }
    // Exact names first: `zh_ids` must not pass for a language tag when a
    // later column is called `zh`.
    let named = rows.first().and_then(|first| {
        let find = |lang: Lang, tags: bool| {
            (0..first.1.len()).find(|&c| header_lang(cell(first, c), tags) == Some(lang))
        };
        let pick = |tags: bool| Some((find(Lang::Zh, tags)?, find(Lang::En, tags)?));
        pick(false).or_else(|| pick(true))
    });
    let (zh_col, en_col, skip_header) = match named {
        Some((z, e)) => (z, e, true),
        None => {
            let han = |c: usize| -> usize {
                rows.iter()
                    .map(|r| cell(r, c).chars().filter(|&ch| is_han(ch)).count())
                    .sum()
            };
            let latin = |c: usize| -> usize {
                rows.iter()
                    .map(|r| cell(r, c).chars().filter(char::is_ascii_alphabetic).count())
                    .sum()
            };
            let zh_col = (0..width)
                .max_by_key(|&c| (han(c), std::cmp::Reverse(c)))
                .unwrap_or(0);
            if han(zh_col) == 0 {
                return Err("no column of the table holds Chinese text".to_string());
            }
            let en_col = (0..width)
                .filter(|&c| c != zh_col)
                .max_by_key(|&c| (latin(c), std::cmp::Reverse(c)))
                .unwrap_or(1);
            if latin(en_col) == 0 {
                return Err("no column of the table holds English text".to_string());
            }
            let has_han = |r: &Row| cell(r, zh_col).chars().any(is_han);
            let header = rows.len() > 1
                && rows
                    .first()
                    .is_some_and(|r| !has_han(r) && r.1.iter().all(|c| c.chars().count() <= 40))
                && rows.iter().skip(1).filter(|r| has_han(r)).count() * 2 >= rows.len() - 1;
            (zh_col, en_col, header)
        }
    };
    Ok(rows
        .iter()
        .skip(usize::from(skip_header))
        .map(|r| Unit {
            id: r.0.to_string(),
            zh: cell(r, zh_col).to_string(),
            en: cell(r, en_col).to_string(),
            group: 0,
        })
        .collect())
}

/// The text of column `col` of `row`, empty when the row is shorter.
fn cell(row: &Row, col: usize) -> &str {
    row.1.get(col).map_or("", String::as_str)
}

/// The language a header cell names, if any; language tags (`zh-CN`) only
/// when `tags`.
fn header_lang(cell: &str, tags: bool) -> Option<Lang> {
    let c = cell.trim().to_lowercase();
    if ZH_NAMES.contains(&c.as_str()) {
        return Some(Lang::Zh);
    }
    if EN_NAMES.contains(&c.as_str()) {
        return Some(Lang::En);
    }
    let tag_like = tags
        && c.len() <= 12
        && c.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
    tag_like.then(|| tag_lang(&c)).flatten()
}

/// Lines split at tabs, escapes decoded.
fn tsv_rows(text: &str) -> Vec<Row> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(n, line)| {
            (
                n + 1,
                line.split('\t').map(crate::export::unescape_cell).collect(),
            )
        })
        .collect()
}

fn csv_rows(text: &str, delimiter: u8) -> std::result::Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("not a readable CSV file: {e}"))?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str, d: u8) -> Vec<(String, String, String)> {
        read(text, d)
            .unwrap()
            .into_iter()
            .map(|u| (u.id, u.zh, u.en))
            .collect()
    }

    fn u(id: &str, zh: &str, en: &str) -> (String, String, String) {
        (id.into(), zh.into(), en.into())
    }

    #[test]
    fn tsv_without_header_and_with_escapes() {
        assert_eq!(
            units("你好。\tHello.\n\n再见。\\n好\tBye\\tnow \\x\n", b'\t'),
            vec![
                u("1", "你好。", "Hello."),
                u("3", "再见。\n好", "Bye\tnow \\x")
            ]
        );
    }

    #[test]
    fn columns_found_by_script_when_swapped() {
        assert_eq!(
            units("Hello.\t你好。\nBye.\t\n", b'\t'),
            vec![u("1", "你好。", "Hello."), u("2", "", "Bye.")]
        );
    }

    #[test]
    fn named_header_picks_the_columns() {
        // The full TSV `align` writes.
        let t = "zh_ids\ten_ids\tkind\tscore\tzh\ten\n0\t0\t1-1\t0.9\t你好。\tHello.\n";
        assert_eq!(units(t, b'\t'), vec![u("2", "你好。", "Hello.")]);
        let t = "Target,Source\n\"Hi, \"\"you\"\"\",\"你好，\n朋友。\"\nBye,再见。\n";
        assert_eq!(
            units(t, b','),
            vec![
                u("2", "你好，\n朋友。", "Hi, \"you\""),
                u("4", "再见。", "Bye")
            ]
        );
        assert_eq!(
            units("zh-CN\ten-US\n一\tone\n", b'\t'),
            vec![u("2", "一", "one")]
        );
    }

    #[test]
    fn unnamed_header_is_skipped() {
        assert_eq!(
            units(
                "Texts\tTranslated by\n你好。\tHello.\n再见。\tBye.\n",
                b'\t'
            ),
            vec![u("2", "你好。", "Hello."), u("3", "再见。", "Bye.")]
        );
    }

    #[test]
    fn tables_without_two_languages_are_refused() {
        assert!(read("only one column\n", b'\t')
            .unwrap_err()
            .contains("two columns"));
        assert!(read("a\tb\nc\td\n", b'\t').unwrap_err().contains("Chinese"));
        assert!(read("你好\t再见\n", b'\t').unwrap_err().contains("English"));
    }
}
