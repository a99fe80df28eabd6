//! Plural categories (CLDR's rules for whole numbers) for the languages the
//! card ships, so that "1 later event" and "2 later events" read right in
//! each. `Intl.PluralRules` cannot run during render, natively or in Node.

/// A CLDR plural category. A message has a form for some of them; `Other`
/// is always there and stands in for a form a message lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Arabic 0.
    Zero,
    /// 1 (and 0 in French and Portuguese).
    One,
    /// Arabic 2.
    Two,
    /// Arabic 3–10 (by the last two digits).
    Few,
    /// Arabic 11–99 (by the last two digits); French, Spanish and
    /// Portuguese millions.
    Many,
    /// Everything else.
    Other,
}

impl Category {
    /// Every category, in the order a locale file lists them.
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// Its name in a locale file (CLDR's).
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `name`, if any.
    pub fn named(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The category of the whole number `n` in `lang` (a primary language
/// subtag, lower case). A language without rules here follows English.
pub fn category(lang: &str, n: usize) -> Category {
    let millions = n != 0 && n % 1_000_000 == 0;
    match lang {
        "ar" => match (n, n % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        "fr" | "pt" if n <= 1 => Category::One,
        "es" if n == 1 => Category::One,
        "fr" | "pt" | "es" if millions => Category::Many,
        "fr" | "pt" | "es" => Category::Other,
        _ if n == 1 => Category::One,
        _ => Category::Other,
    }
}

/// The categories `lang`'s rule can give: what a complete translation has
/// a form for.
pub fn categories(lang: &str) -> Vec<Category> {
    let mut found = Vec::new();
    // Every rule above repeats within 0..=200 and at the millions.
    for n in (0..=200).chain([1_000_000, 2_000_000]) {
        let category = category(lang, n);
        if !found.contains(&category) {
            found.push(category);
        }
    }
    found
}
