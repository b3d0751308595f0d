//! Loading, version splitting, segmentation and numbering checks on arbitrary bytes: never a
//! panic, and every clause span on char boundaries inside its input.
#![no_main]

use kzru_align::BilingualDocument;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = BilingualDocument::from_bytes("fuzz.txt", data) else {
        return;
    };
    for version in doc.versions() {
        let text = doc.sources()[version.source()].text();
        for clause in version.clauses() {
            let span = clause.span();
            assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
            assert!(span.end() <= text.len());
        }
    }
});
