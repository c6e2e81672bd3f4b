//! Free text from requests (names, descriptions, labels): what every service accepts.
//!
//! Text is trimmed and must be short enough, in Unicode NFC (so one string has one encoding and
//! uniqueness checks mean what they say), and free of control characters and of the
//! bidirectional formatting characters that make text display differently from what it is
//! ("Trojan Source": U+202E RIGHT-TO-LEFT OVERRIDE and friends).

use unicode_normalization::is_nfc;

/// Bidirectional formatting characters (Unicode Bidi_Control).
const BIDI_CONTROLS: [char; 12] = [
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Why a text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Longer than allowed.
    #[error("must be at most {0} characters")]
    TooLong(usize),
    /// Holds a control character (newline, tab, NUL, ...).
    #[error("must not contain control characters")]
    Control,
    /// Holds a bidirectional formatting character.
    #[error(
        "must not contain bidirectional formatting characters (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)"
    )]
    Bidi,
    /// Not in Unicode Normalization Form C.
    #[error("must be in Unicode normalization form C (NFC)")]
    NotNfc,
}

/// `raw` trimmed, if it is acceptable free text of at most `max_chars` characters.
pub fn free_text(raw: &str, max_chars: usize) -> Result<String, TextError> {
    let text = raw.trim();
    if text.chars().count() > max_chars {
        return Err(TextError::TooLong(max_chars));
    }
    if text.chars().any(char::is_control) {
        return Err(TextError::Control);
    }
    if text.chars().any(|c| BIDI_CONTROLS.contains(&c)) {
        return Err(TextError::Bidi);
    }
    if !is_nfc(text) {
        return Err(TextError::NotNfc);
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_text_and_refuses_the_rest() {
        assert_eq!(
            free_text("  Zoë Ångström 🎉  ", 100).as_deref(),
            Ok("Zoë Ångström 🎉")
        );
        assert_eq!(
            free_text(&"x".repeat(101), 100),
            Err(TextError::TooLong(100))
        );
        assert_eq!(free_text("a\nb", 100), Err(TextError::Control));
        assert_eq!(free_text("bell\u{7}", 100), Err(TextError::Control));
        assert_eq!(free_text("user\u{202E}gnp.exe", 100), Err(TextError::Bidi));
        assert_eq!(free_text("a\u{2066}b", 100), Err(TextError::Bidi));
        // "e" followed by a combining acute accent: NFD, not NFC.
        assert_eq!(free_text("Zoe\u{301}", 100), Err(TextError::NotNfc));
        assert!(free_text("Zo\u{e9}", 100).is_ok());
    }
}
