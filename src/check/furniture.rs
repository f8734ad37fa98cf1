//! Page furniture: lines of a web page that are not part of the article
//! (bylines, publication and translator credits, navigation, datelines,
//! lists of headlines). Recognised by shape and wording, never by position
//! alone; the checker adds the positional rule (runs before and after the body).

/// Why a sentence looks like page furniture, or `None` for article text.
pub(crate) fn english(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches(':').trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    let words = lower.split_whitespace().count();
    const PUBLICATION: &[&str] = &[
        "published in ",
        "published on ",
        "published by ",
        "first published",
        "originally published",
        "posted on ",
        "posted by ",
        "posted in ",
        "updated on ",
        "last updated",
    ];
    const CREDITS: &[&str] = &[
        "translated from",
        "translated by",
        "translation by",
        "edited by",
        "proofread by",
        "translator:",
        "editor:",
        "reporter:",
        "source:",
        "photo:",
        "photo by",
        "image:",
        "file photo",
        "copyright",
        "©",
        "all rights reserved",
    ];
    const NOTES: &[&str] = &[
        "this post appeared",
        "this article appeared",
        "this article was first",
        "this article was originally",
        "this story was first",
        "click here",
        "read the original",
        "sign up for",
        "subscribe to",
    ];
    const NAVIGATION: &[&str] = &[
        "related articles",
        "related",
        "related stories",
        "related posts",
        "related news",
        "related coverage",
        "recommended",
        "recommended for you",
        "more stories",
        "more from",
        "read more",
        "read next",
        "hot this week",
        "topics",
        "tags",
        "trending",
        "trending now",
        "most popular",
        "most read",
        "most viewed",
        "latest",
        "latest news",
        "share",
        "share this",
        "share this article",
        "advertisement",
        "you may also like",
        "comments",
        "leave a comment",
        "follow us",
        "subscribe",
        "newsletter",
        "back to top",
    ];
    if PUBLICATION.iter().any(|p| lower.starts_with(p)) {
        return Some("publication line");
    }
    if CREDITS.iter().any(|p| lower.starts_with(p)) || lower.contains(". edited by ") {
        return Some("credits");
    }
    if NOTES.iter().any(|p| lower.starts_with(p)) {
        return Some("page note");
    }
    if NAVIGATION.contains(&lower.as_str()) {
        return Some("navigation");
    }
    if lower.contains("link to original") || (lower.starts_with("by ") && words <= 8) {
        return Some("byline");
    }
    if words <= 8 && has_english_date(&lower) {
        return Some("dateline");
    }
    None
}

/// Why a Chinese sentence looks like page furniture, or `None`.
pub(crate) fn chinese(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    const CREDITS: &[&str] = &[
        "来源：",
        "来源:",
        "作者：",
        "作者:",
        "编辑：",
        "编辑:",
        "责任编辑",
        "责编",
        "记者：",
        "原标题",
        "本文来源",
        "图片来源",
        "图：",
        "摄影：",
        "出处：",
        "翻译：",
        "译者：",
        "校对：",
        "审核：",
        "版权所有",
        "版权声明",
    ];
    const NAVIGATION: &[&str] = &[
        "相关新闻",
        "相关文章",
        "相关阅读",
        "相关报道",
        "相关推荐",
        "热门",
        "推荐阅读",
        "延伸阅读",
        "更多",
        "分享到",
        "扫一扫",
        "点击",
        "关注我们",
        "返回顶部",
    ];
    if matches!(t, "（完）" | "(完)" | "【完】" | "完") {
        return Some("end mark");
    }
    if CREDITS.iter().any(|p| t.starts_with(p)) {
        return Some("credits");
    }
    let chars = t.chars().count();
    let terminal = t.ends_with(['。', '！', '？', '…', '”', '」']);
    if !terminal && chars <= 20 && NAVIGATION.iter().any(|p| t.starts_with(p)) {
        return Some("navigation");
    }
    if chars <= 25 && is_chinese_dateline(t) {
        return Some("dateline");
    }
    None
}

/// True for a short English line that reads like a headline: no sentence-final
/// punctuation, at most 15 words, some letters.
pub(crate) fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let terminal = t.ends_with([
        '.', '!', '?', '"', '”', '’', ')', ';', ',', '。', '！', '？',
    ]);
    (1..=15).contains(&words) && !terminal && t.chars().any(char::is_alphabetic)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A month name within two tokens of a four-digit year ("12 June 2023", "June 12, 2023").
fn has_english_date(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    let is_month = |t: &str| t.len() >= 3 && MONTHS.iter().any(|m| t.starts_with(m));
    let is_year = |t: &str| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    tokens.iter().enumerate().any(|(i, t)| {
        is_month(t)
            && tokens
                .iter()
                .skip(i + 1)
                .take(2)
                .any(|u| is_year(u.trim_end_matches('.')))
    })
}

/// A line made of a date (and perhaps a time) only: `2023年6月12日 08:30`.
fn is_chinese_dateline(t: &str) -> bool {
    let has_date = t.contains('年') && (t.contains('月') || t.contains('日'));
    has_date
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '年' | '月' | '日' | ':' | '：' | '-' | '/' | '.' | '　')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_furniture_of_the_seed_page() {
        assert_eq!(
            english("Published in Global Times"),
            Some("publication line")
        );
        assert_eq!(english("(China) on 12 June 2023"), Some("dateline"));
        assert_eq!(
            english("by Han Fei (link to originallink to original)"),
            Some("byline")
        );
        assert_eq!(
            english("Translated from by Andrew Engler . Edited by Helaine Schweitzer."),
            Some("credits")
        );
        assert_eq!(english("Hot this week"), Some("navigation"));
        assert_eq!(english("Related Articles"), Some("navigation"));
        assert_eq!(
            english("OPD: 16 May 2025, edited by Helaine Schweitzer"),
            Some("dateline")
        );
        assert_eq!(
            english("This post appeared on the front page as a direct link to the original article with the above link ."),
            Some("page note")
        );
    }

    #[test]
    fn english_article_text_is_not_furniture() {
        assert_eq!(
            english("First, the United States needs to address its numerous domestic concerns."),
            None
        );
        assert_eq!(english("By the end of 2021, more than 100,000 people had died of overdoses in the country."), None);
        assert_eq!(
            english("The author is a Young Investigator at Shanghai University."),
            None
        );
    }

    #[test]
    fn chinese_furniture() {
        assert_eq!(chinese("来源：环球时报"), Some("credits"));
        assert_eq!(chinese("责任编辑：张三"), Some("credits"));
        assert_eq!(chinese("（完）"), Some("end mark"));
        assert_eq!(chinese("2023年6月12日 08:30"), Some("dateline"));
        assert_eq!(chinese("相关新闻"), Some("navigation"));
        assert_eq!(chinese("更多的人认识到这一点。"), None);
        assert_eq!(chinese("得道者多助，失道者寡助。"), None);
    }

    #[test]
    fn title_like_lines() {
        assert!(is_title_like("Germany: Trump’s Offer and Trump’s Sword"));
        assert!(!is_title_like("The U.S. cannot go it alone."));
        assert!(!is_title_like("2025"));
    }
}
