//! The HTML reader on arbitrary bytes: never a panic, one origin per line of text, and a
//! page that loads also goes through the whole pipeline.
#![no_main]

use kzru_align::BilingualDocument;
use kzru_align::read::{Format, Limits, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(Some(extracted)) = extract("fuzz.html", Format::Html, data, &Limits::default()) else {
        return;
    };
    assert_eq!(extracted.origins.len(), extracted.text.lines().count());
    let _ = BilingualDocument::from_bytes("fuzz.html", data);
});
