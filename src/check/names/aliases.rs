//! Other names the English gives a place than the dictionary's; shared by
//! `check::names::places` and the build script, which compiles the place
//! tables with them.

/// Other names the English gives a place than the dictionary's.
pub const ALIASES: &[(&str, &[&str])] = &[
    ("United States", &["US", "USA", "America", "United States"]),
    ("USA", &["US", "America", "United States"]),
    ("America", &["US", "USA", "United States"]),
    (
        "United Kingdom",
        &["UK", "Britain", "England", "Great Britain"],
    ),
    ("Britain", &["UK", "United Kingdom", "England"]),
    ("England", &["UK", "Britain"]),
    ("China", &["PRC", "mainland"]),
    ("People's Republic of China", &["China", "PRC"]),
    ("Republic of China", &["Taiwan", "ROC"]),
    ("Taiwan", &["ROC", "Republic of China", "Formosa"]),
    ("Hong Kong", &["HK", "HKSAR"]),
    ("Macao", &["Macau", "MSAR"]),
    ("Netherlands", &["Holland"]),
    ("Holland", &["Netherlands"]),
    ("Turkey", &["Türkiye"]),
    ("New Zealand", &["NZ"]),
    ("Korea", &["ROK", "DPRK"]),
    ("South Korea", &["Korea", "ROK"]),
    ("North Korea", &["Korea", "DPRK", "Pyongyang"]),
    ("Russia", &["USSR", "Soviet Union"]),
    ("Europe", &["EU"]),
    ("Vietnam", &["Viet Nam"]),
    ("United Arab Emirates", &["UAE"]),
    ("Czech Republic", &["Czechia"]),
    ("Tibet", &["Xizang"]),
    ("Inner Mongolia", &["Nei Mongol"]),
    ("Peking", &["Beijing"]),
    ("Beijing", &["Peking"]),
    ("Canton", &["Guangzhou"]),
    ("Guangzhou", &["Canton"]),
];
