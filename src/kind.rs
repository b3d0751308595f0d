//! The kinds of problem the crate reports, and how serious each is: one taxonomy for the
//! findings of one language version and the divergences between two.
//!
//! Every kind is written once, in the table at the bottom of this file: its variant, its
//! `snake_case` name, its reader's label, its severity, its scope and its documentation. The
//! enum, its serde names, [`Kind::ALL`], [`Kind::name`], [`Kind::label`], [`Kind::severity`],
//! [`Kind::scope`], `Display` and `FromStr` are generated from that table, so they cannot disagree.

use std::fmt;
use std::str::FromStr;

/// How serious a finding or a divergence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// The two versions may bind differently; a lawyer must look.
    Error,
    /// Probably a mistake in the document.
    Warning,
    /// Worth knowing; rarely changes the meaning.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// Where a kind of problem is found, and so which reports hold it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Scope {
    /// Found while reading one language version on its own (its numbering, its scripts, a
    /// missing version): a `Finding` of that version, carried over into the divergences of
    /// any alignment of the document.
    Version,
    /// Found by the divergence checks of an aligned document, which see both versions and
    /// the links between them: only ever a `Divergence`.
    Alignment,
}

/// Generates [`Kind`] and everything that spells a kind from one table; see the module docs.
macro_rules! kinds {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident { name: $name:literal, label: $label:literal, severity: $severity:ident, scope: $scope:ident }
    )*) => {
        /// What kind of problem a finding or a divergence reports. A closed set, serialized by
        /// its [`name`](Kind::name); the order of the variants is the order in which the
        /// divergences of one place are reported.
        ///
        /// `FindingKind` and `DivergenceKind` are other names for this type.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum Kind {
            $(
                $(#[doc = $doc])*
                #[doc = concat!("\n\nName `", $name, "`, severity ", stringify!($severity),
                    ", scope ", stringify!($scope), ".")]
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $variant,
            )*
        }

        impl Kind {
            /// Every kind, in documentation (and report) order.
            pub const ALL: [Kind; [$($name),*].len()] = [$(Kind::$variant),*];

            /// The `snake_case` name used in JSON and reports.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }

            /// A short label for a reader, in English, with at most one placeholder for a
            /// language: `{present}` (the version or versions the problem is in) or `{absent}`
            /// (the version that lacks something). [`Divergence::label`](crate::Divergence::label)
            /// fills it in: `Clause missing in {absent}` reads «Clause missing in Russian».
            /// The labels are listed in `docs/divergences.md`.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Kind::$variant => $label,)*
                }
            }

            /// The usual severity of this kind; a divergence may lower it for a case that
            /// cannot change the meaning.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Kind::$variant => Severity::$severity,)*
                }
            }

            /// Where problems of this kind are found.
            pub const fn scope(self) -> Scope {
                match self {
                    $(Kind::$variant => Scope::$scope,)*
                }
            }
        }
    };
}

kinds! {
    /// A clause (or a run of clauses) exists in one language only.
    MissingCounterpart { name: "missing_counterpart", label: "Clause missing in {absent}", severity: Error, scope: Alignment }
    /// Two clauses that translate each other carry different numbers (9.6 and 7.6).
    NumberingMismatch { name: "numbering_mismatch", label: "Numbered differently", severity: Warning, scope: Alignment }
    /// A number that does not fit its parent or its neighbours, within one version: a `7.6.`
    /// inside section 9, a `2.3` after `2.5`.
    OutOfSequence { name: "out_of_sequence", label: "Number out of sequence in {present}", severity: Warning, scope: Version }
    /// A skipped number, within one version: `6.3` followed by `6.5`.
    NumberingGap { name: "numbering_gap", label: "Number skipped in {present}", severity: Warning, scope: Version }
    /// The same number twice, within one version.
    DuplicateNumber { name: "duplicate_number", label: "Number used twice in {present}", severity: Warning, scope: Version }
    /// Numbers or list markers written in more than one way, within one version: `5.1`
    /// beside `5.1.`, or mixed markers (bullets, heading levels) in one list.
    NumberingStyle { name: "numbering_style", label: "Numbers written inconsistently in {present}", severity: Info, scope: Version }
    /// A version without numbered clauses.
    NoNumbering { name: "no_numbering", label: "No clause numbers in {present}", severity: Info, scope: Version }
    /// Digits, dates, amounts, law or article numbers differ between the two clauses,
    /// including an identifier typed in the other script (`94-V` and `94-В`).
    NumberMismatch { name: "number_mismatch", label: "Numbers or dates differ", severity: Error, scope: Alignment }
    /// E-mail addresses, URLs or phone numbers differ.
    ContactMismatch { name: "contact_mismatch", label: "Contact details differ", severity: Error, scope: Alignment }
    /// Latin-script names differ (`KAO Solutions` and `KAOSolutions`).
    NameMismatch { name: "name_mismatch", label: "Names differ", severity: Warning, scope: Alignment }
    /// A list has a different number of items in the two versions.
    ItemCountMismatch { name: "item_count_mismatch", label: "Lists differ in length", severity: Warning, scope: Alignment }
    /// One side is much shorter or longer than the length ratio of the two languages
    /// predicts: a truncated or padded sentence.
    LengthMismatch { name: "length_mismatch", label: "Lengths out of proportion", severity: Warning, scope: Alignment }
    /// Text of the other language inside a version (a Russian table header in the Kazakh
    /// text).
    UntranslatedFragment { name: "untranslated_fragment", label: "Untranslated text in {present}", severity: Warning, scope: Alignment }
    /// The two clauses say something different in words that no lexical check sees: another
    /// party, a duty against a right, a negation or an exception on one side only, another
    /// time unit or quantity in words. The divergence carries its sub-kind and the words of
    /// each side (see `MeaningMismatch`); its severity is that of the sub-kind (error for
    /// party, negation, exception, modality and unit; warning for the others).
    MeaningMismatch { name: "meaning_mismatch", label: "Meaning differs", severity: Error, scope: Alignment }
    /// Words typed in two scripts (Latin `ə` for `ә`, Cyrillic `о` in `cookie`).
    MixedScript { name: "mixed_script", label: "Letters of two scripts in {present}", severity: Info, scope: Version }
    /// A clause or list item repeated within one version.
    RepeatedText { name: "repeated_text", label: "Text repeated in {present}", severity: Warning, scope: Alignment }
    /// Only one language version exists.
    SingleLanguage { name: "single_language", label: "{absent} version missing", severity: Warning, scope: Version }
    /// Part of a Word, PDF or HTML input was left out of the alignment by its reader: a
    /// section in a third language (English), content the reader could not place.
    LeftOut { name: "left_out", label: "Left out of the alignment in {present}", severity: Info, scope: Version }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = ParseKindError;

    /// Reads a kind from its [`name`](Kind::name).
    ///
    /// ```
    /// use kzru_align::Kind;
    /// assert_eq!("numbering_gap".parse::<Kind>()?, Kind::NumberingGap);
    /// assert!("gap".parse::<Kind>().is_err());
    /// # Ok::<(), kzru_align::ParseKindError>(())
    /// ```
    fn from_str(name: &str) -> Result<Kind, ParseKindError> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| ParseKindError {
                name: name.to_owned(),
            })
    }
}

/// A name that is not the name of any [`Kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseKindError {
    name: String,
}

impl ParseKindError {
    /// The name that was not recognized.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for ParseKindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Kind::ALL.iter().map(|kind| kind.name()).collect();
        write!(
            f,
            "unknown kind `{}`: use one of {}",
            self.name,
            names.join(", ")
        )
    }
}

impl std::error::Error for ParseKindError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_the_report_order_of_before() {
        // Reports sort the divergences of one place by kind: this order is part of the output.
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "missing_counterpart",
                "numbering_mismatch",
                "out_of_sequence",
                "numbering_gap",
                "duplicate_number",
                "numbering_style",
                "no_numbering",
                "number_mismatch",
                "contact_mismatch",
                "name_mismatch",
                "item_count_mismatch",
                "length_mismatch",
                "untranslated_fragment",
                "meaning_mismatch",
                "mixed_script",
                "repeated_text",
                "single_language",
                "left_out",
            ]
        );
        assert!(Kind::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn severities() {
        let of = |severity| -> Vec<Kind> {
            Kind::ALL
                .into_iter()
                .filter(|k| k.severity() == severity)
                .collect()
        };
        assert_eq!(
            of(Severity::Error),
            [
                Kind::MissingCounterpart,
                Kind::NumberMismatch,
                Kind::ContactMismatch,
                Kind::MeaningMismatch
            ]
        );
        assert_eq!(
            of(Severity::Info),
            [
                Kind::NumberingStyle,
                Kind::NoNumbering,
                Kind::MixedScript,
                Kind::LeftOut
            ]
        );
        assert_eq!(of(Severity::Warning).len(), 10);
    }

    #[test]
    fn version_scope_is_what_a_finding_can_report() {
        let version: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| k.scope() == Scope::Version)
            .collect();
        assert_eq!(
            version,
            [
                Kind::OutOfSequence,
                Kind::NumberingGap,
                Kind::DuplicateNumber,
                Kind::NumberingStyle,
                Kind::NoNumbering,
                Kind::MixedScript,
                Kind::SingleLanguage,
                Kind::LeftOut,
            ]
        );
    }

    #[test]
    fn display_and_from_str_use_the_name() {
        for kind in Kind::ALL {
            assert_eq!(kind.to_string(), kind.name());
            assert_eq!(kind.name().parse::<Kind>(), Ok(kind));
        }
        let error = "Numbering_Gap".parse::<Kind>().unwrap_err();
        assert_eq!(error.name(), "Numbering_Gap");
        assert!(error.to_string().contains("numbering_gap"), "{error}");
        assert_eq!(Severity::Warning.to_string(), "warning");
    }

    #[test]
    fn labels_are_distinct_capitalised_and_hold_at_most_one_language_placeholder() {
        let mut seen = std::collections::HashSet::new();
        for kind in Kind::ALL {
            let label = kind.label();
            assert!(seen.insert(label), "{kind}: label used twice");
            let placeholders =
                label.matches("{present}").count() + label.matches("{absent}").count();
            assert!(placeholders <= 1, "{kind}: {label}");
            assert_eq!(label.matches('{').count(), placeholders, "{kind}: {label}");
            let first = label
                .trim_start_matches("{absent}")
                .trim_start_matches("{present}");
            assert!(
                label.starts_with('{') || first.starts_with(char::is_uppercase),
                "{kind}: {label}"
            );
        }
    }

    #[test]
    fn every_kind_is_listed_in_the_divergence_docs() {
        let docs = include_str!("../docs/divergences.md");
        for kind in Kind::ALL {
            assert!(
                docs.contains(&format!("| `{}` |", kind.name())),
                "docs/divergences.md does not list {kind}"
            );
            assert!(
                docs.contains(&format!("| {} |", kind.label())),
                "docs/divergences.md does not give the label of {kind}"
            );
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_names_are_the_names() {
        for kind in Kind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
            assert_eq!(serde_json::from_str::<Kind>(&json).unwrap(), kind);
        }
    }
}
