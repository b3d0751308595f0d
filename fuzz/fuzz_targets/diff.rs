//! The policy diff of two arbitrary documents: never a panic; every clause of each side in
//! exactly one operation.
#![no_main]

use kzru_align::{BilingualDocument, Differ, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (
        BilingualDocument::from_bytes("a.txt", a),
        BilingualDocument::from_bytes("b.txt", b),
    ) else {
        return;
    };
    for lang in Lang::ALL {
        let Some(diff) = Differ::new().compare(&a, &b, lang) else {
            continue;
        };
        let in_a = diff.ops.iter().filter(|op| op.a.is_some()).count();
        let expected = a.version(lang).map_or(0, |v| {
            v.clauses().iter().filter(|c| !c.text().is_empty()).count()
        });
        assert_eq!(in_a, expected);
    }
});
