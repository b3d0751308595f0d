//! The Word reader on arbitrary input: never a panic, and every line of the extracted text
//! has its origin. Half the inputs are taken as the file itself (the zip container); the other
//! half as the parts of a Word file (`document.xml`, `numbering.xml`, `styles.xml`, separated
//! by `0xFF` bytes) zipped here, so that the fuzzer reaches the XML, numbering and table code
//! without having to invent zip checksums.
#![no_main]

use std::io::{Cursor, Write};

use kzru_align::read::{Format, Limits};
use kzru_align::{BilingualDocument, Source};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fn parts_as_docx(data: &[u8]) -> Vec<u8> {
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in ["word/document.xml", "word/numbering.xml", "word/styles.xml"] {
        let part = parts.next().unwrap_or_default();
        zip.start_file(name, options).unwrap();
        zip.write_all(part).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else {
        return;
    };
    let bytes = if mode % 2 == 0 {
        data.to_vec()
    } else {
        parts_as_docx(data)
    };
    let mut limits = Limits::default();
    limits.max_expanded_bytes = 4 << 20;
    let Ok(source) = Source::from_bytes_with_limits("fuzz.docx", &bytes, &limits) else {
        return;
    };
    let lines = source.text().lines().count();
    if source.format() == Format::Docx {
        assert!((1..=lines).all(|line| source.origin_of_line(line).is_some()));
    }
    assert!(source.origin_of_line(lines + 1).is_none());
    if source.text().len() < 4096 {
        let _ = BilingualDocument::from_source(source);
    }
});
