//! Checks of user input, each returning the normalised value or a reason for the caller.

use serde_json::Value;
use tessera_kit::convert::struct_to_json;
use tessera_kit::text::{TextError, free_text};

/// Longest accepted public key JSON, in bytes.
const MAX_JWK_BYTES: usize = 8 * 1024;

/// Lowercases and checks an email address: an RFC 5321 mailbox with a dot-atom local part
/// (no quoted strings, comments or display text) at a domain name (no address literals) of at
/// least two labels, at most 254 characters in all.
pub fn email(raw: &str) -> Result<String, &'static str> {
    const INVALID: &str =
        "must be an email address (local-part@domain.tld) of at most 254 characters";
    let email = raw.trim().to_lowercase();
    let options = email_address::Options {
        minimum_sub_domains: 2,
        allow_domain_literal: false,
        allow_display_text: false,
        allow_long_local_parts: false,
    };
    let parsed =
        email_address::EmailAddress::parse_with_options(&email, options).map_err(|_| INVALID)?;
    let dot_atom = !parsed.local_part().starts_with('"');
    if dot_atom && email.len() <= 254 && free_text(&email, 254).is_ok() {
        Ok(email)
    } else {
        Err(INVALID)
    }
}

/// Checks a username: 3 to 50 of `[A-Za-z0-9_]`.
pub fn username(raw: &str) -> Result<String, &'static str> {
    let valid = (3..=50).contains(&raw.len())
        && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid {
        Ok(raw.to_owned())
    } else {
        Err("must be 3 to 50 letters, digits or underscores")
    }
}

/// Checks a password or AuthHash: an opaque secret of 8 to 1024 bytes.
pub fn password(raw: &str) -> Result<(), &'static str> {
    if (8..=1024).contains(&raw.len()) {
        Ok(())
    } else {
        Err("must be 8 to 1024 bytes")
    }
}

/// Checks a display name: free text (see `tessera_kit::text`) of at most 100 characters.
pub fn display_name(raw: &str) -> Result<String, TextError> {
    free_text(raw, 100)
}

/// Checks a client's self-description for the session list: free text of at most 200
/// characters.
pub fn client_description(raw: &str) -> Result<String, TextError> {
    free_text(raw, 200)
}

/// Checks a picture URL: empty, or https with a host, at most 2048 characters.
pub fn picture_url(raw: &str) -> Result<String, &'static str> {
    if raw.is_empty() {
        return Ok(String::new());
    }
    let host = raw
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    // ASCII only: an internationalised host or path arrives punycoded or percent-encoded, and
    // nothing can hide behind look-alike or bidirectional characters.
    let valid = raw.len() <= 2048
        && raw.is_ascii()
        && host.is_some_and(|h| !h.is_empty() && !h.contains('@'))
        && raw.chars().all(|c| !c.is_whitespace() && !c.is_control());
    if valid {
        Ok(raw.to_owned())
    } else {
        Err("must be an https URL of at most 2048 characters")
    }
}

/// Checks a JWK is a well-formed *public* key (RSA, EC or OKP) and returns it as JSON.
pub fn public_jwk(key: &prost_types::Struct) -> Result<Value, &'static str> {
    let value = struct_to_json(key);
    if serde_json::to_vec(&value)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
        > MAX_JWK_BYTES
    {
        return Err("must be at most 8 KiB");
    }
    let Value::Object(jwk) = &value else {
        return Err("must be a JWK object");
    };
    const PRIVATE: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
    if PRIVATE.iter().any(|m| jwk.contains_key(*m)) {
        return Err(
            "must be a public key: private members (d, p, q, dp, dq, qi, oth, k) are not accepted",
        );
    }
    let text = |name: &str| {
        jwk.get(name)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.is_empty())
    };
    let well_formed = match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => text("n") && text("e"),
        Some("EC") => text("crv") && text("x") && text("y"),
        Some("OKP") => text("crv") && text("x"),
        _ => return Err("must have kty RSA, EC or OKP"),
    };
    if well_formed {
        Ok(value)
    } else {
        Err("is missing the members its kty requires")
    }
}

/// An identifier for sign-in: an email (lowercased) or a username.
pub fn identifier(raw: &str) -> Result<Identifier, &'static str> {
    let raw = raw.trim();
    if raw.contains('@') {
        email(raw).map(Identifier::Email)
    } else {
        username(raw)
            .map(Identifier::Username)
            .map_err(|_| "must be an email address or a username")
    }
}

/// How a user names their account when signing in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    /// Lowercased email.
    Email(String),
    /// Username as typed (matched regardless of case).
    Username(String),
}

impl Identifier {
    /// A normalised form for throttling and Prelogin derivation.
    pub fn normalised(&self) -> String {
        match self {
            Self::Email(e) => format!("email:{e}"),
            Self::Username(u) => format!("username:{}", u.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tessera_kit::convert::json_to_struct;

    #[test]
    fn emails_and_usernames() {
        assert_eq!(
            email("  Alice@Example.COM ").as_deref(),
            Ok("alice@example.com")
        );
        for bad in [
            "alice",
            "@example.com",
            "a@b",
            "a b@example.com",
            "a@.com",
            "<script>@x.y",
            "\"quoted\"@example.com",
            "a@[127.0.0.1]",
            "Ada <ada@example.com>",
            "a..b@example.com",
            "a@example.com\u{202e}",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert_eq!(
            email("  First.Last+Tag@Sub.Example.co.uk "),
            Ok("first.last+tag@sub.example.co.uk".to_owned()),
            "trimmed and lower-cased"
        );
        assert_eq!(username("al_1ce"), Ok("al_1ce".to_owned()));
        for bad in ["al", "alice!", &"a".repeat(51), "ali ce"] {
            assert!(username(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_and_names() {
        assert_eq!(
            picture_url("https://cdn.example.com/a.png"),
            Ok("https://cdn.example.com/a.png".to_owned())
        );
        assert_eq!(picture_url(""), Ok(String::new()), "no picture");
        for bad in [
            "http://x.com/a.png",
            "https://",
            "javascript:alert(1)",
            "https://user@evil.com",
        ] {
            assert!(picture_url(bad).is_err(), "{bad}");
        }
        assert!(display_name(&"x".repeat(101)).is_err());
        assert_eq!(
            client_description("  tessera-cli 1.2  ").as_deref(),
            Ok("tessera-cli 1.2")
        );
        assert!(client_description(&"x".repeat(201)).is_err());
        assert!(client_description("line\nbreak").is_err());
        assert!(display_name("bell\u{7}").is_err());
    }

    #[test]
    fn only_public_jwks_pass() {
        let rsa = json!({"kty": "RSA", "n": "abc", "e": "AQAB"});
        assert_eq!(public_jwk(&json_to_struct(&rsa)), Ok(rsa));
        let ec = json!({"kty": "EC", "crv": "P-256", "x": "a", "y": "b"});
        assert_eq!(public_jwk(&json_to_struct(&ec)), Ok(ec));
        let private =
            json_to_struct(&json!({"kty": "RSA", "n": "abc", "e": "AQAB", "d": "secret"}));
        assert!(public_jwk(&private).is_err());
        let symmetric = json_to_struct(&json!({"kty": "oct", "k": "secret"}));
        assert!(public_jwk(&symmetric).is_err());
        let incomplete = json_to_struct(&json!({"kty": "EC", "crv": "P-256", "x": "a"}));
        assert!(public_jwk(&incomplete).is_err());
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            identifier("Bob@Example.com"),
            Ok(Identifier::Email("bob@example.com".into()))
        );
        assert_eq!(
            identifier("Bob_1").map(|i| i.normalised()),
            Ok("username:bob_1".into())
        );
        assert!(identifier("no").is_err());
    }
}
