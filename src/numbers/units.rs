//! Units of measurement written after a figure, so that a translation that
//! converts them (六十公斤 ↔ "about 130 pounds", 5公里 ↔ "3 miles") is not
//! taken for an altered figure.

use serde::Serialize;

use crate::lang::Lang;

/// A unit of measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Kilogram (公斤, 千克, kg).
    Kilogram,
    /// Gram (克, g).
    Gram,
    /// Metric tonne (吨, "tonnes", "tons").
    Tonne,
    /// The Chinese jin, half a kilogram (斤).
    Jin,
    /// Pound avoirdupois (磅, "pounds", lb).
    Pound,
    /// Kilometre (公里, 千米, km).
    Kilometre,
    /// Metre (米, m).
    Metre,
    /// Centimetre (厘米, cm).
    Centimetre,
    /// Mile (英里).
    Mile,
    /// Foot (英尺, "feet").
    Foot,
    /// Inch (英寸).
    Inch,
    /// Square kilometre (平方公里, km²).
    SquareKilometre,
    /// Square metre (平方米, m²).
    SquareMetre,
    /// Hectare (公顷).
    Hectare,
    /// The Chinese mu, 1/15 of a hectare (亩).
    Mu,
    /// Acre (英亩).
    Acre,
    /// Square mile (平方英里).
    SquareMile,
    /// Degree Celsius (摄氏度, °C).
    Celsius,
    /// Degree Fahrenheit (华氏度, °F).
    Fahrenheit,
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Mass,
    Length,
    Area,
    Temperature,
}

impl Unit {
    fn dimension(self) -> Dimension {
        use Unit::*;
        match self {
            Kilogram | Gram | Tonne | Jin | Pound => Dimension::Mass,
            Kilometre | Metre | Centimetre | Mile | Foot | Inch => Dimension::Length,
            SquareKilometre | SquareMetre | Hectare | Mu | Acre | SquareMile => Dimension::Area,
            Celsius | Fahrenheit => Dimension::Temperature,
        }
    }

    /// The size of the unit in the base unit of its dimension (kg, m, m²).
    fn factor(self) -> f64 {
        use Unit::*;
        match self {
            Kilogram => 1.0,
            Gram => 1e-3,
            Tonne => 1e3,
            Jin => 0.5,
            Pound => 0.453_592_37,
            Kilometre => 1e3,
            Metre => 1.0,
            Centimetre => 1e-2,
            Mile => 1_609.344,
            Foot => 0.3048,
            Inch => 0.0254,
            SquareKilometre => 1e6,
            SquareMetre => 1.0,
            Hectare => 1e4,
            Mu => 1e4 / 15.0,
            Acre => 4_046.856_422_4,
            SquareMile => 2_589_988.110_336,
            Celsius | Fahrenheit => 1.0,
        }
    }

    /// The unit's usual English symbol or name.
    pub fn symbol(self) -> &'static str {
        use Unit::*;
        match self {
            Kilogram => "kg",
            Gram => "g",
            Tonne => "tonnes",
            Jin => "jin",
            Pound => "lb",
            Kilometre => "km",
            Metre => "m",
            Centimetre => "cm",
            Mile => "miles",
            Foot => "ft",
            Inch => "in",
            SquareKilometre => "km²",
            SquareMetre => "m²",
            Hectare => "ha",
            Mu => "mu",
            Acre => "acres",
            SquareMile => "sq mi",
            Celsius => "°C",
            Fahrenheit => "°F",
        }
    }

    /// `x` of this unit in `to`, when they measure the same thing.
    pub fn convert(self, x: f64, to: Unit) -> Option<f64> {
        if self.dimension() != to.dimension() {
            return None;
        }
        Some(match (self, to) {
            (Unit::Celsius, Unit::Fahrenheit) => x * 9.0 / 5.0 + 32.0,
            (Unit::Fahrenheit, Unit::Celsius) => (x - 32.0) * 5.0 / 9.0,
            _ => x * self.factor() / to.factor(),
        })
    }
}

/// Chinese unit words, longest first where one begins another.
const ZH_UNITS: &[(&str, Unit)] = &[
    ("平方公里", Unit::SquareKilometre),
    ("平方千米", Unit::SquareKilometre),
    ("平方英里", Unit::SquareMile),
    ("平方米", Unit::SquareMetre),
    ("公斤", Unit::Kilogram),
    ("千克", Unit::Kilogram),
    ("公里", Unit::Kilometre),
    ("千米", Unit::Kilometre),
    ("厘米", Unit::Centimetre),
    ("英里", Unit::Mile),
    ("英尺", Unit::Foot),
    ("英寸", Unit::Inch),
    ("英亩", Unit::Acre),
    ("公顷", Unit::Hectare),
    ("摄氏度", Unit::Celsius),
    ("华氏度", Unit::Fahrenheit),
    ("吨", Unit::Tonne),
    ("斤", Unit::Jin),
    ("磅", Unit::Pound),
    ("克", Unit::Gram),
    ("米", Unit::Metre),
    ("亩", Unit::Mu),
];

/// English unit words (lower case), and symbols glued or not to the figure.
const EN_UNITS: &[(&str, Unit)] = &[
    ("square kilometres", Unit::SquareKilometre),
    ("square kilometers", Unit::SquareKilometre),
    ("square kilometre", Unit::SquareKilometre),
    ("square kilometer", Unit::SquareKilometre),
    ("square miles", Unit::SquareMile),
    ("square mile", Unit::SquareMile),
    ("km²", Unit::SquareKilometre),
    ("square metres", Unit::SquareMetre),
    ("square meters", Unit::SquareMetre),
    ("square metre", Unit::SquareMetre),
    ("square meter", Unit::SquareMetre),
    ("sq m", Unit::SquareMetre),
    ("m²", Unit::SquareMetre),
    ("sq km", Unit::SquareKilometre),
    ("kilograms", Unit::Kilogram),
    ("kilogram", Unit::Kilogram),
    ("kilos", Unit::Kilogram),
    ("kilo", Unit::Kilogram),
    ("kg", Unit::Kilogram),
    ("grams", Unit::Gram),
    ("gram", Unit::Gram),
    ("metric tonnes", Unit::Tonne),
    ("metric tonne", Unit::Tonne),
    ("metric tons", Unit::Tonne),
    ("metric ton", Unit::Tonne),
    ("tonnes", Unit::Tonne),
    ("tonne", Unit::Tonne),
    ("tons", Unit::Tonne),
    ("ton", Unit::Tonne),
    ("pounds", Unit::Pound),
    ("pound", Unit::Pound),
    ("lbs", Unit::Pound),
    ("lb", Unit::Pound),
    ("kilometres", Unit::Kilometre),
    ("kilometers", Unit::Kilometre),
    ("kilometre", Unit::Kilometre),
    ("kilometer", Unit::Kilometre),
    ("km", Unit::Kilometre),
    ("centimetres", Unit::Centimetre),
    ("centimeters", Unit::Centimetre),
    ("centimetre", Unit::Centimetre),
    ("centimeter", Unit::Centimetre),
    ("cm", Unit::Centimetre),
    ("metres", Unit::Metre),
    ("meters", Unit::Metre),
    ("metre", Unit::Metre),
    ("meter", Unit::Metre),
    ("miles", Unit::Mile),
    ("mile", Unit::Mile),
    ("feet", Unit::Foot),
    ("foot", Unit::Foot),
    ("ft", Unit::Foot),
    ("inches", Unit::Inch),
    ("inch", Unit::Inch),
    ("hectares", Unit::Hectare),
    ("hectare", Unit::Hectare),
    ("acres", Unit::Acre),
    ("acre", Unit::Acre),
    ("mu", Unit::Mu),
    ("degrees celsius", Unit::Celsius),
    ("degrees fahrenheit", Unit::Fahrenheit),
    ("°c", Unit::Celsius),
    ("°f", Unit::Fahrenheit),
    ("℃", Unit::Celsius),
    ("℉", Unit::Fahrenheit),
];

/// The byte length of the Chinese unit word `text` starts with, if any.
pub(crate) fn zh_unit_len(text: &str) -> Option<usize> {
    ZH_UNITS
        .iter()
        .find(|(w, _)| text.starts_with(w))
        .map(|(w, _)| w.len())
}

/// The unit of a figure spanning `span` of `text`: written right after it,
/// or, in Chinese, inside it (a figure read with its qualifier after the
/// unit, 60公斤以上, spans the unit too).
pub(crate) fn unit_of(text: &str, span: &std::ops::Range<usize>, lang: Lang) -> Option<Unit> {
    let inside = || {
        let figure = text.get(span.clone())?;
        ZH_UNITS
            .iter()
            .find(|(w, _)| figure.contains(w))
            .map(|&(_, u)| u)
    };
    match lang {
        Lang::Zh => inside().or_else(|| unit_after(text, span.end, lang)),
        Lang::En => unit_after(text, span.end, lang),
    }
}

/// The unit written right after byte `end` of `text`, if any.
fn unit_after(text: &str, end: usize, lang: Lang) -> Option<Unit> {
    let rest = text.get(end..)?;
    match lang {
        Lang::Zh => {
            let rest = rest.trim_start();
            // 米 of 大米 or 玉米 never follows a figure directly, but 多/余 may
            // come between (六十多公斤).
            let rest = rest.strip_prefix(['多', '余']).unwrap_or(rest);
            ZH_UNITS
                .iter()
                .find(|(w, _)| rest.starts_with(w))
                .map(|&(_, u)| u)
        }
        Lang::En => {
            let rest = rest.trim_start_matches([' ', '\u{a0}', '-']);
            let lower: String = rest.chars().take(24).flat_map(char::to_lowercase).collect();
            EN_UNITS.iter().find_map(|&(w, u)| {
                let tail = lower.strip_prefix(w)?;
                let ends = tail.chars().next().is_none_or(|c| !c.is_alphanumeric());
                ends.then_some(u)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_after_figures() {
        assert_eq!(unit_after("六十公斤重", 6, Lang::Zh), Some(Unit::Kilogram));
        assert_eq!(unit_after("六十多公斤", 6, Lang::Zh), Some(Unit::Kilogram));
        assert_eq!(
            unit_after("5平方公里", 1, Lang::Zh),
            Some(Unit::SquareKilometre)
        );
        assert_eq!(unit_after("130 pounds.", 3, Lang::En), Some(Unit::Pound));
        assert_eq!(unit_after("3 miles away", 1, Lang::En), Some(Unit::Mile));
        assert_eq!(unit_after("a 5-km run", 3, Lang::En), Some(Unit::Kilometre));
        assert_eq!(unit_after("3 million", 1, Lang::En), None);
        assert_eq!(unit_after("5 milestones", 1, Lang::En), None);
        assert_eq!(unit_after("三个人", 3, Lang::Zh), None);
    }

    #[test]
    fn unit_inside_a_chinese_figure_read_with_its_qualifier() {
        let text = "重60公斤以上";
        let f = crate::numbers::extract(text, Lang::Zh);
        assert_eq!(&text[f[0].span.clone()], "60公斤以上");
        assert_eq!(f[0].unit, Some(Unit::Kilogram));
        let text = "约60公斤左右";
        assert_eq!(
            crate::numbers::extract(text, Lang::Zh)[0].unit,
            Some(Unit::Kilogram)
        );
    }

    #[test]
    fn conversions() {
        let near = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 0.01 * b.abs());
        assert!(near(Unit::Kilogram.convert(60.0, Unit::Pound), 132.28));
        assert!(near(Unit::Jin.convert(100.0, Unit::Kilogram), 50.0));
        assert!(near(Unit::Kilometre.convert(5.0, Unit::Mile), 3.107));
        assert!(near(Unit::Mu.convert(15.0, Unit::Hectare), 1.0));
        assert!(near(Unit::Celsius.convert(100.0, Unit::Fahrenheit), 212.0));
        assert_eq!(Unit::Kilogram.convert(1.0, Unit::Mile), None);
    }
}
