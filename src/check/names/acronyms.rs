//! Organisations turned into a similar acronym the dictionary does not know.
//!
//! A bead whose Chinese names an organisation of the table while its English
//! gives neither the name's distinctive words nor its acronym, but an
//! acronym that nothing in the bead's Chinese accounts for and that shares
//! at least two letters, in order, with the organisation's own, has most
//! likely had one body turned into a similar one: 美国食品药品监督管理局
//! (FDA) rendered "the USDA".

use super::orgs::{chinese_orgs, names_of, rendered, COMMON_ACRONYMS};
use super::BeadView;
use crate::check::{Context, Finding};

/// Upper-case acronyms of an English text ("USDA" in "the USDA’s").
pub(super) fn acronyms(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        .collect()
}

/// Length of the longest common subsequence of two acronyms.
fn common_letters(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut prev = 0;
        for (k, &y) in b.iter().enumerate() {
            let up = row[k + 1];
            row[k + 1] = if x == y {
                prev + 1
            } else {
                row[k + 1].max(row[k])
            };
            prev = up;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The same letters in another order, or one acronym inside the other: the
/// same body named another way (CCP and CPC; CP, the Communist Party, and
/// CPC).
pub(super) fn variant(a: &str, n: &str) -> bool {
    let sorted = |a: &str| {
        let mut v: Vec<u8> = a.bytes().collect();
        v.sort_unstable();
        v
    };
    sorted(a) == sorted(n) || common_letters(a, n) == a.len().min(n.len())
}

/// `name-altered` findings for bead `view`: true when one was reported.
pub(super) fn check(ctx: &Context<'_>, view: &BeadView, out: &mut Vec<Finding>) -> bool {
    let en_acronyms = acronyms(&view.en);
    if en_acronyms.is_empty() {
        return false;
    }
    let zh_text: Vec<&str> = view.zh_ids.iter().map(|&i| ctx.zh_text(i)).collect();
    let zh_all = zh_text.join(" ");
    let named: Vec<(usize, std::ops::Range<usize>, &'static str)> = view
        .zh_ids
        .iter()
        .flat_map(|&i| {
            chinese_orgs(ctx.zh_text(i))
                .into_iter()
                .map(move |(span, zh)| (i, span, zh))
        })
        .collect();
    // Acronyms the Chinese accounts for: those of every name it holds, and
    // Latin letters it writes itself.
    let explained = |a: &str| {
        COMMON_ACRONYMS.contains(&a)
            || zh_all.contains(a)
            || named
                .iter()
                .any(|(_, _, zh)| names_of(zh).iter().any(|n| n.acronym == a))
    };
    let unexplained: Vec<&str> = en_acronyms
        .iter()
        .copied()
        .filter(|a| !explained(a))
        .collect();
    if unexplained.is_empty() {
        return false;
    }
    for (i, span, zh) in &named {
        let names = names_of(zh);
        if rendered(names, &view.en) {
            continue;
        }
        let Some(name) = names.first() else { continue };
        if unexplained
            .iter()
            .any(|a| names.iter().any(|n| variant(a, n.acronym)))
        {
            continue;
        }
        // The acronym in its place looks like its own (FDA → USDA): one
        // body confused with a similar one, not an unrelated name.
        let Some(other) = unexplained
            .iter()
            .copied()
            .filter(|a| common_letters(a, name.acronym) >= 2)
            .max_by_key(|a| common_letters(a, name.acronym))
        else {
            continue;
        };
        let shown = ctx.zh_text(*i).get(span.clone()).unwrap_or(zh);
        out.push(view.finding(
            ctx,
            *i,
            span.clone(),
            other,
            format!(
                "name altered: {shown} ({}, {}) became {other}",
                name.english, name.acronym
            ),
        ));
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::Checker;

    #[test]
    fn agency_turned_into_another_is_name_altered() {
        let (zh, en) = docs(
            &["美国食品药品监督管理局的研究人员开发了这个模型。"],
            &["The model was developed by researchers at the USDA."],
        );
        let review = Checker::new()
            .doubt_margin(0.0)
            .check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["name-altered"]);
        assert!(review.findings[0].message.contains("became USDA"));
        // Rendered by name or by acronym: nothing to say.
        for good in [
            "The model was developed by researchers at the FDA.",
            "The model was developed by researchers at the U.S. Food and Drug Administration.",
            "Researchers at the agency developed the model.",
        ] {
            let (zh, en) = docs(
                &["美国食品药品监督管理局的研究人员开发了这个模型。"],
                &[good],
            );
            let review = Checker::new()
                .doubt_margin(0.0)
                .check(&zh, &en, &ladder(&[(1, 1)]));
            assert!(review.findings.is_empty(), "{good}: {:#?}", review.findings);
        }
    }

    #[test]
    fn another_acronym_of_the_same_body_is_no_alteration() {
        for en in [
            "The CPC leads the country.",
            "The CCP leads the country.",
            "The Communist Party of China leads the country.",
        ] {
            let (zh, en_doc) = docs(&["中国共产党领导着这个国家。"], &[en]);
            let review = Checker::new()
                .doubt_margin(0.0)
                .check(&zh, &en_doc, &ladder(&[(1, 1)]));
            assert!(review.findings.is_empty(), "{en}: {:#?}", review.findings);
        }
    }
}
