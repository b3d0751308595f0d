//! The PDF reader on arbitrary bytes: never a panic (the reader catches the parser's panics
//! as a last resort, but the fuzzer's panic hook still reports them, so a panic anywhere in
//! the parser is found), and one origin per line of text.
#![no_main]

use kzru_align::read::{Format, Limits, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Tight limits keep each run short; the limits themselves are part of what is fuzzed.
    let mut limits = Limits::default();
    limits.max_expanded_bytes = 4 << 20;
    limits.max_entries = 10_000;
    limits.max_pages = 200;
    if let Ok(Some(extracted)) = extract("fuzz.pdf", Format::Pdf, data, &limits) {
        assert_eq!(extracted.origins.len(), extracted.text.lines().count());
    }
});
