//! Alignment and divergences of two arbitrary texts given as a pair: never a panic, and every
//! clause in exactly one link.
#![no_main]

use kzru_align::{Aligner, BilingualDocument, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let (Ok(a), Ok(b)) = (
        Source::from_bytes("a.txt", a),
        Source::from_bytes("b.txt", b),
    ) else {
        return;
    };
    let Ok(doc) = BilingualDocument::from_pair(a, b) else {
        return;
    };
    let alignment = Aligner::new().align(&doc);
    for version in doc.versions() {
        let mut seen = vec![0u8; version.clauses().len()];
        for link in alignment.links() {
            for id in link.side(version.lang()) {
                seen[id.index] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n == 1));
    }
});
