//! Bad input gives a typed error naming the file and the place, never a panic.

use std::path::PathBuf;

use kzru_align::{BilingualDocument, Error, FindingKind, Lang};

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kzru-align-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn invalid_utf8_in_a_file_names_the_file_offset_and_line() {
    let mut bytes = "1. Жалпы ережелер\n\n1.1. Мәтін ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0xC3, 0x28, b'\n']);
    let path = temp_file("invalid.txt", &bytes);
    match BilingualDocument::from_path(&path) {
        Err(Error::InvalidUtf8 {
            file,
            offset: at,
            line,
        }) => {
            assert_eq!((at, line), (offset, 3));
            assert!(file.ends_with("invalid.txt"));
        }
        other => panic!("expected InvalidUtf8, got {other:?}"),
    }
}

#[test]
fn empty_white_space_binary_and_missing_files() {
    assert!(matches!(
        BilingualDocument::from_path(temp_file("empty.txt", b"")),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        BilingualDocument::from_path(temp_file("blank.txt", " \r\n\t\n\u{a0}".as_bytes())),
        Err(Error::Empty { .. })
    ));
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
    ];
    let err = BilingualDocument::from_path(temp_file("image.txt", &png)).unwrap_err();
    assert!(matches!(err, Error::Binary { .. }), "{err:?}");
    assert!(err.to_string().contains("image.txt"));
    let err = BilingualDocument::from_path("/no/such/dir/policy.txt").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
}

#[test]
fn text_in_neither_language_is_an_error() {
    let err = BilingualDocument::from_text(
        "en.txt",
        "Privacy Policy\n\n1. General\n\n1.1. We collect data.",
    )
    .unwrap_err();
    assert!(matches!(err, Error::NoKazakhOrRussian { ref file } if file == "en.txt"));
}

#[test]
fn a_document_without_numbering_is_processed_and_reported() {
    let text = "Дербес деректерді қорғау саясаты\n\nБіз сіздің деректеріңізді заңға сәйкес өңдейміз.\n\nСұрақтар бойынша бізге хабарласыңыз.\n";
    let doc = BilingualDocument::from_text("plain.txt", text).unwrap();
    let kk = doc.version(Lang::Kk).unwrap();
    assert_eq!(kk.clauses().len(), 3);
    let kinds: Vec<FindingKind> = doc.all_findings().map(|f| f.kind()).collect();
    assert_eq!(
        kinds,
        [FindingKind::SingleLanguage, FindingKind::NoNumbering]
    );
}

#[test]
fn a_pair_of_files_in_either_order_and_a_pair_in_one_language() {
    let kk = temp_file("kk.txt", "1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңға сәйкес әзірленді.\n".as_bytes());
    let ru = temp_file("ru.txt", "1. Общие положения\n\n1.1. Настоящая Политика разработана в соответствии с законом о персональных данных.\n".as_bytes());
    for (a, b) in [(&kk, &ru), (&ru, &kk)] {
        let doc = BilingualDocument::from_paths(a, b).unwrap();
        let kk_version = doc.version(Lang::Kk).unwrap();
        let source = &doc.sources()[kk_version.source()];
        assert!(source.name().ends_with("kk.txt"));
        assert_eq!(kk_version.find("1.1").unwrap().line(), 3);
        assert!(doc.findings().is_empty());
    }
    let err = BilingualDocument::from_paths(&kk, &kk).unwrap_err();
    assert!(
        matches!(err, Error::SameLanguage { lang: Lang::Kk, .. }),
        "{err:?}"
    );
}

#[test]
fn utf16_bom_crlf_and_utf8_bom_inputs() {
    let text = "1. Общие положения\r\n\r\n1.1. Настоящая Политика разработана в соответствии с законом.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let doc = BilingualDocument::from_bytes("u16.txt", &utf16).unwrap();
    assert_eq!(
        doc.version(Lang::Ru).unwrap().find("1.1").unwrap().line(),
        3
    );

    let with_bom = format!("\u{feff}{text}");
    let doc = BilingualDocument::from_bytes("bom.txt", with_bom.as_bytes()).unwrap();
    let clause = doc.version(Lang::Ru).unwrap().find("1.1").unwrap();
    assert_eq!(
        clause.span().start(),
        with_bom.find("1.1.").unwrap(),
        "spans count the BOM"
    );
    assert_eq!(clause.line(), 3);
    assert!(doc.original_text(clause).starts_with("1.1. Настоящая"));
    assert!(!doc.original_text(clause).ends_with('\r'));

    let mut odd = vec![0xFF, 0xFE];
    odd.extend_from_slice(&0xD800u16.to_le_bytes());
    assert!(matches!(
        BilingualDocument::from_bytes("bad16.txt", &odd),
        Err(Error::InvalidUtf16 { offset: 2, .. })
    ));
}
