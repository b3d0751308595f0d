//! What survives translation: numbers, dates, law and article numbers, identifiers, e-mail
//! addresses, URLs, phone numbers and Latin-script names. A Kazakh clause and its Russian
//! counterpart carry the same ones; the aligner matches on them and the divergence finder
//! reports where they differ.

use std::fmt;

use crate::language::{is_alphabetic, is_alphanumeric};
use crate::normalize::fold_to_cyrillic;

/// What kind of thing an anchor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum AnchorKind {
    /// Digits: amounts, periods, dates, article and clause references (`5`, `21.05.2013`).
    Number,
    /// A number with a letter, such as a law number `94-V`.
    Identifier,
    Email,
    Url,
    Phone,
    /// A word in Latin script: a company, product or service name (`MyVerify`, `WhatsApp`).
    Name,
}

impl AnchorKind {
    pub(crate) fn is_contact(self) -> bool {
        matches!(
            self,
            AnchorKind::Email | AnchorKind::Url | AnchorKind::Phone
        )
    }
}

/// One anchor: its kind, the text as written and the key it is compared by.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Anchor {
    pub(crate) kind: AnchorKind,
    /// The comparison key: lower case, Latin letters of identifiers folded to Cyrillic, phone numbers
    /// reduced to their last ten digits.
    pub(crate) key: String,
    /// As written in the (normalized) clause text.
    pub(crate) raw: String,
}

impl Anchor {
    /// Whether a Latin word reads as a proper name worth comparing across the versions: it
    /// has a capital or a digit (`MyVerify`, `SMS`, `B2B`) and three characters or more. Common
    /// words (`email`, `online`, an English gloss such as `as is`) and two-letter
    /// abbreviations (`AI`, `IT`, which translations render as ИИ, ИТ) are one side's wording.
    pub(crate) fn is_proper_name(&self) -> bool {
        self.raw.chars().count() >= 3
            && self
                .raw
                .chars()
                .any(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

const TRIM: &[char] = &[
    '«', '»', '"', '“', '”', '„', '\'', '(', ')', '[', ']', ',', ';', ':', '!', '?', '.', '…', '<',
    '>', '{', '}',
];

/// Extracts the anchors of a normalized text, sorted by key.
pub(crate) fn extract(text: &str) -> Vec<Anchor> {
    let mut anchors = Vec::new();
    let masked = mask_placeholders(text);
    let masked = phones(&masked, &mut anchors);
    for token in tokens(&masked) {
        // Every anchor holds an ASCII letter or digit, or the `@` of an e-mail address
        // (which may be Cyrillic): most tokens, Kazakh and Russian words, hold neither and
        // are passed over before trimming (which keeps both).
        if !token
            .bytes()
            .any(|b| b.is_ascii_alphanumeric() || b == b'@')
        {
            continue;
        }
        let token = token.trim_matches(TRIM);
        if token.is_empty() {
            continue;
        }
        if let Some(at) = token.find('@')
            && token[at + 1..].contains('.')
            && at > 0
        {
            let key = token.trim_start_matches("mailto:").to_lowercase();
            anchors.push(Anchor {
                kind: AnchorKind::Email,
                key,
                raw: token.to_owned(),
            });
            continue;
        }
        if let Some(url) = url_key(token) {
            anchors.push(Anchor {
                kind: AnchorKind::Url,
                key: url,
                raw: token.to_owned(),
            });
            continue;
        }
        // Numbers and Latin names need an ASCII letter or digit: most Kazakh and Russian
        // words have none and are passed over at once.
        if token.bytes().any(|b| b.is_ascii_alphanumeric()) {
            numbers(token, &mut anchors);
            latin_names(token, &mut anchors);
        }
    }
    anchors.sort();
    anchors
}

/// Whether `c` ends a token: white space, and brackets and quotes too (`«Autocheck.kz(далее»`
/// holds the URL `Autocheck.kz`).
fn is_token_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '«' | '»' | '"' | '“' | '”' | '[' | ']')
}

/// The non-empty pieces of `text` between [`is_token_break`] characters. A Cyrillic
/// character, the bulk of the text, is no break: it is passed by its lead byte (`D0`–`D4`)
/// without being decoded.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    crate::words::pieces_between(text, |lead| (0xD0..=0xD4).contains(&lead), is_token_break)
}

/// Blanks out template placeholders (`{{CITY}}`, `{{ $order->number }}`, `{$name}`, `${date}`,
/// `{fio}`): they are filled in per document, so the words and digits inside them are neither
/// names nor numbers, and their per-language variants (`{name_kz}`, `{name_ru}`) differ by
/// design. A placeholder is a brace group on one line without sentence text: no space inside a
/// single-brace group unless it starts with `$`.
fn mask_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('{') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut masked = text.to_owned();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        let double = bytes.get(i + 1) == Some(&b'{');
        let open = if double { 2 } else { 1 };
        let close = if double { "}}" } else { "}" };
        let start = if i > 0 && bytes[i - 1] == b'$' {
            i - 1
        } else {
            i
        };
        let Some(len) = text[i + open..].find(close) else {
            break;
        };
        let inner = &text[i + open..i + open + len];
        let end = i + open + len + close.len();
        let plausible = !inner.is_empty()
            && inner.len() <= 80
            && !inner.contains('\n')
            && !inner.contains('{')
            && (double || start < i || inner.starts_with('$') || !inner.contains(' '));
        if plausible {
            masked.replace_range(start..end, &" ".repeat(end - start));
            i = end;
        } else {
            i += 1;
        }
    }
    std::borrow::Cow::Owned(masked)
}

/// Finds phone numbers (ten or more digits with spaces, dashes or brackets between them),
/// records them, and returns the text with them blanked out so that their digits are not
/// read again as numbers.
fn phones<'t>(text: &'t str, anchors: &mut Vec<Anchor>) -> std::borrow::Cow<'t, str> {
    let mut masked = std::borrow::Cow::Borrowed(text);
    // Most clauses hold fewer than ten digits in all, so no phone number: one quick count
    // spares them the walk below.
    if text.bytes().filter(u8::is_ascii_digit).count() < 10 {
        return masked;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            || (bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = String::new();
        let mut last_digit = i;
        while j < bytes.len()
            && (bytes[j].is_ascii_digit() || matches!(bytes[j], b' ' | b'-' | b'(' | b')' | b'+'))
        {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                last_digit = j;
            }
            j += 1;
        }
        if (10..=15).contains(&digits.len()) && text[i..=last_digit].contains([' ', '-', '(', '+'])
        {
            let key = digits[digits.len() - 10..].to_owned();
            anchors.push(Anchor {
                kind: AnchorKind::Phone,
                key,
                raw: text[i..=last_digit].to_owned(),
            });
            masked
                .to_mut()
                .replace_range(i..=last_digit, &" ".repeat(last_digit + 1 - i));
            i = last_digit + 1;
        } else {
            i = j.max(i + 1);
        }
    }
    masked
}

fn url_key(token: &str) -> Option<String> {
    // Every URL and domain has a dot; most tokens have none.
    if !token.contains('.') {
        return None;
    }
    let lower = token.to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let explicit = rest.len() != lower.len() || rest.starts_with("www.");
    let rest = rest.trim_start_matches("www.").trim_end_matches('/');
    let host = rest.split('/').next().unwrap_or("");
    let (name, tld) = host.rsplit_once('.')?;
    let plausible = !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
        && name.chars().any(|c| c.is_ascii_alphabetic());
    (plausible
        && (explicit
            || matches!(
                tld,
                "kz" | "ru" | "com" | "org" | "net" | "io" | "app" | "info" | "gov" | "edu" | "me"
            )))
    .then(|| rest.to_owned())
}

/// Digit runs of a token: numbers (`5`, `4.1`, `21.05.2013`) and identifiers (`94-V`).
fn numbers(token: &str, anchors: &mut Vec<Anchor>) {
    let bytes = token.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // A version tag (`v1.2`) is a number; any other letters before the digits glue them.
        let letters_before = token[..start]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let after_letter =
            letters_before > 1 || (letters_before == 1 && !matches!(bytes[start - 1], b'v' | b'V'));
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let number = &token[start..i];
        // `B2B`, `4G`, `mp3`: digits glued to Latin letters belong to a name, not a number.
        if after_letter || bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // `94-V`, `94-В`: a short upper-case suffix after a hyphen makes an identifier.
        if token[i..].starts_with('-') {
            let suffix: String = token[i + 1..]
                .chars()
                .take_while(|&c| is_alphabetic(c))
                .collect();
            let count = suffix.chars().count();
            if (1..=3).contains(&count) && suffix.chars().all(char::is_uppercase) {
                let key = format!(
                    "{number}-{}",
                    suffix
                        .chars()
                        .map(fold_to_cyrillic)
                        .collect::<String>()
                        .to_lowercase()
                );
                let raw = format!("{number}-{suffix}");
                i += 1 + suffix.len();
                anchors.push(Anchor {
                    kind: AnchorKind::Identifier,
                    key,
                    raw,
                });
                continue;
            }
        }
        anchors.push(Anchor {
            kind: AnchorKind::Number,
            key: number.replace(',', "."),
            raw: number.to_owned(),
        });
    }
}

/// The comparison key of a Latin word: lower case, a plural `-s` dropped (`Cookies` and
/// `cookie` are one name in two grammatical numbers), `e-mail` written as `email`.
fn name_key(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() >= 4 && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_owned()
        }
        _ => lower,
    }
}

fn latin_names(token: &str, anchors: &mut Vec<Anchor>) {
    // `e-mail` and `email` are one word spelled two ways.
    let joined;
    let token = if token
        .as_bytes()
        .windows(b"e-mail".len())
        .any(|w| w.eq_ignore_ascii_case(b"e-mail"))
    {
        joined = token
            .replace("e-mail", "email")
            .replace("E-mail", "Email")
            .replace("E-Mail", "Email");
        joined.as_str()
    } else {
        token
    };
    for word in token.split(|c: char| !is_alphanumeric(c)) {
        let letters = word.chars().filter(|&c| is_alphabetic(c)).count();
        if letters >= 2
            && word.chars().all(|c| c.is_ascii_alphanumeric())
            && word.chars().any(|c| c.is_ascii_alphabetic())
        {
            if word.chars().all(|c| c.is_ascii_digit() || c == 'v') {
                continue;
            }
            anchors.push(Anchor {
                kind: AnchorKind::Name,
                key: name_key(word),
                raw: word.to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(AnchorKind, String)> {
        extract(text).into_iter().map(|a| (a.kind, a.key)).collect()
    }

    #[test]
    fn tokens_are_the_pieces_between_breaks() {
        for text in [
            "",
            " ",
            "«Autocheck.kz(далее» – сайт",
            "a\u{a0}b\u{2028}c\u{3000}d\u{85}e\u{52f}\u{530}ә",
            "[x]  \"y\" “z” (w)\t\n",
        ] {
            let expected: Vec<&str> = text
                .split(is_token_break)
                .filter(|t| !t.is_empty())
                .collect();
            assert_eq!(tokens(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn dates_law_numbers_and_articles() {
        let kk = keys("«2013 жылғы 21 мамыр № 94-V «Дербес деректер туралы» ҚР Заңы, 350-бабына");
        let ru = keys("Законом РК « 21 мая 2013 года № 94-В «О персональных данных», ст. 350");
        assert_eq!(
            kk, ru,
            "the same anchors; the identifier letters fold to one key"
        );
        let raw: Vec<String> = extract("№ 94-В").into_iter().map(|a| a.raw).collect();
        assert_eq!(raw, ["94-В"]);
    }

    #[test]
    fn emails_urls_and_phones() {
        let found = keys(
            "пошта: info@idcollect.kz, телефон: 8 (700) 003 77 33, сайт www.dosmart.kz и Autocheck.kz",
        );
        assert_eq!(
            found,
            [
                (AnchorKind::Email, "info@idcollect.kz".to_owned()),
                (AnchorKind::Url, "autocheck.kz".to_owned()),
                (AnchorKind::Url, "dosmart.kz".to_owned()),
                (AnchorKind::Phone, "7000037733".to_owned()),
            ]
        );
        assert_eq!(
            keys("+7 700 003 77 33"),
            [(AnchorKind::Phone, "7000037733".to_owned())]
        );
    }

    #[test]
    fn latin_names_but_not_version_tags() {
        let found = keys("MyVerify сервисі, SMS, WhatsApp және TLS v1.2");
        let names: Vec<&str> = found
            .iter()
            .filter(|(k, _)| *k == AnchorKind::Name)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(names, ["myverify", "sms", "tls", "whatsapp"]);
        assert!(found.contains(&(AnchorKind::Number, "1.2".to_owned())));
    }

    #[test]
    fn plain_numbers_in_running_text() {
        assert_eq!(
            keys("5 (бес) жыл; 18 жасқа"),
            [
                (AnchorKind::Number, "18".to_owned()),
                (AnchorKind::Number, "5".to_owned())
            ]
        );
        assert!(
            keys("БСН: 191140031171").contains(&(AnchorKind::Number, "191140031171".to_owned()))
        );
    }

    #[test]
    fn placeholders_are_neither_names_nor_numbers() {
        for text in [
            "Қала: {{CITY}}, күні {{ $order->created_at->format('d.m.Y') }}",
            "ЖСН {iin}, {fio}, {$client_name_kz}, ${contract.number2}",
        ] {
            assert_eq!(keys(text), [], "{text}");
        }
        // Text around a placeholder still counts; a brace group of prose is not a placeholder.
        assert_eq!(
            keys("{{DEPOSIT}} теңге, 5 күн"),
            [(AnchorKind::Number, "5".to_owned())]
        );
        assert_eq!(keys("{сноска 7}"), [(AnchorKind::Number, "7".to_owned())]);
    }

    #[test]
    fn digits_inside_a_latin_token_belong_to_the_name() {
        let found = keys("B2B-оферта, 4G желісі, mp3 және 24/7");
        assert!(
            !found.contains(&(AnchorKind::Number, "2".to_owned())),
            "{found:?}"
        );
        assert!(
            !found.contains(&(AnchorKind::Number, "4".to_owned())),
            "{found:?}"
        );
        assert!(
            found.contains(&(AnchorKind::Name, "b2b".to_owned())),
            "{found:?}"
        );
        assert!(
            found.contains(&(AnchorKind::Number, "24".to_owned())),
            "{found:?}"
        );
        // An identifier keeps its digits: `94-V` is a law number.
        assert!(keys("№ 94-V").contains(&(AnchorKind::Identifier, "94-в".to_owned())));
    }

    #[test]
    fn spelling_variants_of_one_name_share_a_key() {
        assert_eq!(keys("Cookies файлдары"), keys("файлы cookie"));
        assert_eq!(keys("e-mail арқылы"), keys("по email"));
        assert_eq!(keys("E-mail:"), keys("Email:"));
        // Words that only end in `s` keep it.
        assert_eq!(keys("Status"), [(AnchorKind::Name, "status".to_owned())]);
        assert_eq!(keys("SMS"), [(AnchorKind::Name, "sms".to_owned())]);
        assert_eq!(keys("Express"), [(AnchorKind::Name, "express".to_owned())]);
    }

    #[test]
    fn proper_names_have_a_capital_or_a_digit_and_three_characters() {
        let names = |text: &str| -> Vec<String> {
            extract(text)
                .into_iter()
                .filter(|a| a.kind == AnchorKind::Name && a.is_proper_name())
                .map(|a| a.raw)
                .collect()
        };
        assert_eq!(
            names("MyVerify, SMS, B2B, Kaspi Bank"),
            ["B2B", "Bank", "Kaspi", "MyVerify", "SMS"]
        );
        assert_eq!(names("email, online (as is), AI, IT"), Vec::<String>::new());
    }
}
