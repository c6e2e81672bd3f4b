//! Keyset pagination for every List RPC, as API-CONVENTIONS.md prescribes: `page_size`
//! (default 50, at most 1000, larger values clamped), an opaque `page_token`, and
//! `next_page_token` empty on the last page.
//!
//! A token is `base64url(version || tag || cursor)`, where the cursor is the keyset position
//! (for example the last row's time and id) and the tag is a SHA-256 over the version, the
//! query's name, the query's scope (such as the caller's user id) and the cursor. A token that
//! was altered, or that another query or another caller issued, fails the tag check and is
//! refused with a field violation. Tokens carry no authority: every query applies its own
//! filters (the caller's id first) whatever the token says.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::error::FieldViolations;

/// Page size when the request sets none.
pub const DEFAULT_PAGE_SIZE: i64 = 50;
/// Largest page; larger requests are clamped to it.
pub const MAX_PAGE_SIZE: i64 = 1000;
const VERSION: u8 = 1;
const TAG_BYTES: usize = 16;
/// Longest token accepted (cursors are small; this bounds the work spent on garbage).
const MAX_TOKEN_CHARS: usize = 1024;

/// One list query: its name and the scope its tokens are bound to.
#[derive(Debug, Clone)]
pub struct Query {
    name: &'static str,
    scope: Vec<u8>,
    default_size: i64,
    max_size: i64,
}

/// What a validated request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest<C> {
    /// Rows per page.
    pub size: i64,
    /// The keyset position to continue after (`None`: the first page).
    pub after: Option<C>,
}

impl<C> PageRequest<C> {
    /// How many rows to fetch: one more than a page, to learn whether another page follows.
    pub fn fetch_limit(&self) -> i64 {
        self.size + 1
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// The token of the next page; empty on the last page.
    pub next_page_token: String,
}

impl Query {
    /// A query named `name` (unique per list RPC, e.g. `identity.sessions`).
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            scope: Vec::new(),
            default_size: DEFAULT_PAGE_SIZE,
            max_size: MAX_PAGE_SIZE,
        }
    }

    /// Another default and largest page size than the conventions' 50 and 1000, for lists whose
    /// contract names their own.
    pub fn sizes(mut self, default: i64, max: i64) -> Self {
        self.default_size = default.max(1);
        self.max_size = max.max(self.default_size);
        self
    }

    /// Binds tokens to a value of the query (the caller's id, a filter): a token issued under
    /// another scope is refused.
    pub fn scoped(mut self, scope: impl std::fmt::Display) -> Self {
        self.scope.extend_from_slice(scope.to_string().as_bytes());
        self.scope.push(0);
        self
    }

    /// Validates `page_size` and `page_token` (fields named as in every List request).
    pub fn request<C: DeserializeOwned>(
        &self,
        page_size: i32,
        page_token: &str,
    ) -> Result<PageRequest<C>, FieldViolations> {
        let mut violations = FieldViolations::new();
        let size = match page_size {
            0 => self.default_size,
            n if n < 0 => {
                violations.add("page_size", "must not be negative");
                self.default_size
            }
            n => i64::from(n).min(self.max_size),
        };
        let after = if page_token.is_empty() {
            None
        } else {
            let decoded = self.decode(page_token);
            if decoded.is_none() {
                violations.add(
                    "page_token",
                    "is not a page token of this query: pass back next_page_token unchanged, with the same filters",
                );
            }
            decoded
        };
        violations.into_result_with(PageRequest { size, after })
    }

    /// Like [`Query::request`], recording violations next to a request's others.
    pub fn request_into<C: DeserializeOwned>(
        &self,
        violations: &mut FieldViolations,
        page_size: i32,
        page_token: &str,
    ) -> Option<PageRequest<C>> {
        match self.request(page_size, page_token) {
            Ok(page) => Some(page),
            Err(more) => {
                violations.extend(more);
                None
            }
        }
    }

    /// Cuts `rows` (fetched with [`PageRequest::fetch_limit`]) to a page and the token of the
    /// next one, whose cursor is `key` of the page's last row.
    pub fn page<T, C: Serialize>(
        &self,
        mut rows: Vec<T>,
        request: &PageRequest<impl Sized>,
        key: impl Fn(&T) -> C,
    ) -> Page<T> {
        let size = usize::try_from(request.size).unwrap_or(usize::MAX);
        if rows.len() <= size {
            return Page {
                items: rows,
                next_page_token: String::new(),
            };
        }
        rows.truncate(size);
        let next_page_token = rows
            .last()
            .map(|row| self.encode(&key(row)))
            .unwrap_or_default();
        Page {
            items: rows,
            next_page_token,
        }
    }

    fn tag(&self, cursor: &[u8]) -> [u8; TAG_BYTES] {
        let mut hasher = Sha256::new();
        hasher.update([VERSION]);
        hasher.update(self.name.as_bytes());
        hasher.update([0]);
        hasher.update(&self.scope);
        hasher.update(cursor);
        let digest = hasher.finalize();
        let mut tag = [0u8; TAG_BYTES];
        tag.copy_from_slice(&digest[..TAG_BYTES]);
        tag
    }

    fn encode<C: Serialize>(&self, cursor: &C) -> String {
        // Serializing plain cursor types (numbers, strings, times, ids) cannot fail.
        let cursor = serde_json::to_vec(cursor).unwrap_or_default();
        let mut token = Vec::with_capacity(1 + TAG_BYTES + cursor.len());
        token.push(VERSION);
        token.extend_from_slice(&self.tag(&cursor));
        token.extend_from_slice(&cursor);
        URL_SAFE_NO_PAD.encode(token)
    }

    fn decode<C: DeserializeOwned>(&self, token: &str) -> Option<C> {
        if token.len() > MAX_TOKEN_CHARS {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
        let (&version, rest) = bytes.split_first()?;
        if version != VERSION || rest.len() < TAG_BYTES {
            return None;
        }
        let (tag, cursor) = rest.split_at(TAG_BYTES);
        if tag != self.tag(cursor) {
            return None;
        }
        serde_json::from_slice(cursor).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use uuid::Uuid;

    type Cursor = (DateTime<Utc>, Uuid);

    fn first_page(query: &Query) -> String {
        let request: PageRequest<Cursor> = query.request(2, "").expect("valid");
        let rows: Vec<Cursor> = (0..3).map(|_| (Utc::now(), Uuid::now_v7())).collect();
        let page = query.page(rows, &request, |row| *row);
        assert_eq!(page.items.len(), 2);
        page.next_page_token
    }

    #[test]
    fn sizes_default_clamp_and_refuse_negatives() {
        let query = Query::new("t");
        let size = |n| query.request::<i64>(n, "").map(|r| r.size);
        assert_eq!(size(0).ok(), Some(50));
        assert_eq!(size(7).ok(), Some(7));
        assert_eq!(size(5000).ok(), Some(1000));
        assert!(size(-1).is_err());
    }

    #[test]
    fn a_token_continues_its_own_query_only() {
        let alice = Query::new("identity.sessions").scoped("alice");
        let token = first_page(&alice);
        let next: PageRequest<Cursor> = alice.request(2, &token).expect("own token");
        assert!(next.after.is_some());

        let bob = Query::new("identity.sessions").scoped("bob");
        assert!(bob.request::<Cursor>(2, &token).is_err(), "another scope");
        let other = Query::new("identity.security_events").scoped("alice");
        assert!(other.request::<Cursor>(2, &token).is_err(), "another query");
    }

    #[test]
    fn tampered_or_garbage_tokens_are_refused() {
        let query = Query::new("q").scoped(1);
        let token = first_page(&query);
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).expect("base64");
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        let tampered = URL_SAFE_NO_PAD.encode(bytes);
        for bad in [tampered.as_str(), "garbage", "", &"A".repeat(2000)] {
            if bad.is_empty() {
                continue;
            }
            let err = query.request::<Cursor>(10, bad).expect_err(bad);
            assert!(!err.is_empty());
        }
    }

    #[test]
    fn the_last_page_has_no_token() {
        let query = Query::new("q");
        let request: PageRequest<i64> = query.request(5, "").expect("valid");
        let page = query.page(vec![1i64, 2, 3], &request, |n| *n);
        assert_eq!(page.items, [1, 2, 3]);
        assert!(page.next_page_token.is_empty());
    }
}
