//! Bytes to text by evidence: UTF-8 (with or without BOM), UTF-16 with a
//! BOM, or Windows-1251; binary refused.
//!
//! A text that is UTF-8 apart from a few bad sequences stays UTF-8: the
//! bad bytes become U+FFFD and the caller is told where the first one
//! is. Only when bad sequences are many and valid multi-byte characters
//! few is the text read as Windows-1251.

/// A decoded text, with a note when some bytes had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\r\n` read as `\n`.
    pub text: String,
    /// What was replaced, if anything (`invalid UTF-8 at byte 1234 …`).
    pub warning: Option<String>,
}

/// At most this many bad sequences in an otherwise ASCII text are read as
/// damage to UTF-8 rather than as another encoding.
const FEW_BAD: usize = 3;

/// The bytes themselves as text when [`decode`] would give them back
/// unchanged and with no warning: UTF-8 without a byte-order mark, NUL or
/// `\r`, the common JSONL line. Checked with SIMD and not copied.
pub fn plain_utf8(bytes: &[u8]) -> Option<&str> {
    if bytes.starts_with(b"\xEF\xBB\xBF") || memchr::memchr2(0, b'\r', bytes).is_some() {
        return None;
    }
    // A UTF-16 byte-order mark (FF FE, FE FF) is never valid UTF-8.
    simdutf8::basic::from_utf8(bytes).ok()
}

/// What `decode` says of bytes with NUL bytes and no UTF-16 byte-order
/// mark.
pub const NUL_BYTES: &str = "binary file (NUL bytes), not text";

/// Whether the first bytes of a file already show that `decode` will
/// refuse it: NUL bytes and no UTF-16 byte-order mark. The rest of the
/// file need not be read.
pub fn binary_head(head: &[u8]) -> bool {
    if matches!(head, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        return false;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    memchr::memchr(0, body).is_some()
}

/// Decodes a file's or a line's bytes.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    if let Some(text) = utf16(&bytes) {
        return Ok(clean(text, None));
    }
    if binary_head(&bytes) {
        return Err(NUL_BYTES.into());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let bom = bytes.len() - body.len();
    let mut bytes = bytes;
    bytes.drain(..bom);
    // Valid UTF-8, the common case, is checked once and not copied.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(clean(text, None)),
        Err(e) => e.into_bytes(),
    };
    let body = &bytes[..];
    let evidence = Evidence::of(body);
    if bom > 0 || evidence.bad <= FEW_BAD || evidence.bad * 20 <= evidence.multibyte {
        let text = String::from_utf8_lossy(body).into_owned();
        let more = match evidence.bad - 1 {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let warning = format!(
            "invalid UTF-8 at byte {}{more}, read as UTF-8 with replacement characters",
            evidence.first_bad + bom
        );
        return Ok(clean(text, Some(warning)));
    }
    if is_binary(body) {
        return Err("binary file, not text".into());
    }
    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(body);
    Ok(clean(text.into_owned(), None))
}

/// What the bytes say of their encoding.
struct Evidence {
    /// Invalid UTF-8 sequences.
    bad: usize,
    /// Byte offset of the first one.
    first_bad: usize,
    /// Valid characters of more than one byte.
    multibyte: usize,
}

impl Evidence {
    fn of(bytes: &[u8]) -> Evidence {
        let mut ev = Evidence {
            bad: 0,
            first_bad: 0,
            multibyte: 0,
        };
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            ev.multibyte += valid.chars().filter(|c| c.len_utf8() > 1).count();
            at += valid.len();
            if !chunk.invalid().is_empty() {
                if ev.bad == 0 {
                    ev.first_bad = at;
                }
                ev.bad += 1;
                at += chunk.invalid().len();
            }
        }
        ev
    }
}

/// A text in UTF-16 with its byte-order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let enc = match bytes {
        [0xFF, 0xFE, ..] => encoding_rs::UTF_16LE,
        [0xFE, 0xFF, ..] => encoding_rs::UTF_16BE,
        _ => return None,
    };
    let (text, _, _) = enc.decode(bytes);
    Some(text.into_owned())
}

/// Control bytes other than whitespace in more than 1 % of the bytes.
fn is_binary(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) || b == 0x98)
        .count();
    controls * 100 > bytes.len().max(1)
}

/// `\r\n` read as `\n`; the text is copied only when it has one.
fn clean(text: String, warning: Option<String>) -> Decoded {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Decoded { text, warning }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_byte_keeps_utf8_and_says_where() {
        let mut bytes = "Товарооборот вырос.".as_bytes().to_vec();
        let at = bytes.len();
        bytes.push(0xD0);
        let d = decode(bytes).unwrap();
        assert!(d.text.starts_with("Товарооборот вырос."));
        assert!(d.text.ends_with('\u{FFFD}'));
        let w = d.warning.unwrap();
        assert!(w.contains(&format!("byte {at}")), "{w}");
    }

    #[test]
    fn ascii_with_one_bad_byte_is_utf8() {
        let d = decode(b"{\"id\":\"a\",\"text\":\"x \xff y\"}".to_vec()).unwrap();
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.warning.unwrap().contains("byte 20"));
    }

    #[test]
    fn windows_1251_is_still_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Экспорт составил 5 млрд рублей.");
        let d = decode(bytes.into_owned()).unwrap();
        assert_eq!(d.text, "Экспорт составил 5 млрд рублей.");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf16_with_bom_is_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Импорт 3 млн".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(bytes).unwrap().text, "Импорт 3 млн");
    }

    proptest::proptest! {
        /// Text given back as it is is what decoding gives.
        #[test]
        fn plain_text_is_decoded_text(bytes in proptest::collection::vec(
            proptest::sample::select(vec![0u8, b'\r', b'\n', b'a', b'{', 0xD0, 0xB0, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE]),
            0..40)) {
            if let Some(text) = plain_utf8(&bytes) {
                let d = decode(bytes.clone()).unwrap();
                proptest::prop_assert_eq!(d.text.as_str(), text);
                proptest::prop_assert!(d.warning.is_none());
            }
        }
    }

    #[test]
    fn plain_text_leaves_marks_and_returns_to_decode() {
        assert_eq!(plain_utf8("Импорт 3 млн".as_bytes()), Some("Импорт 3 млн"));
        for bytes in [
            &b"\xEF\xBB\xBFabc"[..],
            b"a\r\nb",
            b"a\0b",
            b"\xFF\xFEa\0",
            b"\xD0",
        ] {
            assert!(plain_utf8(bytes).is_none(), "{bytes:?}");
        }
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(decode(b"abc\0def".to_vec()).is_err());
    }
}
