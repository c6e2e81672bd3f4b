use proptest::prelude::*;

use crate::{Entry, Kind, Manifest, hex, stored};

fn entry(path: &str, kind: Kind, byte: u8, size: i64) -> Entry {
    Entry {
        path: path.into(),
        kind,
        sha256: [byte; 32],
        size,
    }
}

fn sample() -> Manifest {
    Manifest::from_entries(vec![
        entry("README.md", Kind::File, 1, 10),
        entry("bin/run", Kind::Exec, 0xab, 20),
        entry("link", Kind::Symlink, 3, 7),
        entry("src/é \"q\"\n\\", Kind::File, 4, 0),
    ])
    .expect("valid")
}

/// Replaces the first `from` in the canonical bytes of [`sample`] and parses the result.
fn parse_edited(from: &str, to: &str) -> crate::Invalid {
    let text = String::from_utf8(sample().to_canonical()).expect("utf-8");
    assert!(text.contains(from), "{from} not in {text}");
    Manifest::parse(text.replacen(from, to, 1).as_bytes())
        .expect_err(&format!("{from} -> {to} refused"))
}

#[test]
fn canonical_bytes_round_trip_and_match_rfc_8785() {
    let manifest = sample();
    let bytes = manifest.to_canonical();
    assert_eq!(Manifest::parse(&bytes), Ok(manifest));
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(serde_jcs::to_vec(&value).expect("jcs"), bytes);
    let empty = br#"{"entries":[],"version":1}"#;
    assert_eq!(Manifest::parse(empty), Ok(Manifest::default()));
}

#[test]
fn bytes_that_are_not_canonical_name_the_first_bad_entry() {
    let cases = [
        // (from, to, field)
        (r#"{"entries":["#, r#"{ "entries":["#, ""),
        (r#""kind":"exec""#, r#""kind":"exec" "#, "entries[1]"),
        (
            r#"{"kind":"exec","path":"bin/run""#,
            r#"{"path":"bin/run","kind":"exec""#,
            "entries[1]",
        ),
        (r#""size":20"#, r#""size":2e1"#, ""),
        (r#""path":"link""#, r#""path":"\u006cink""#, "entries[2]"),
        (
            r#""kind":"symlink""#,
            r#""kind":"socket""#,
            "entries[2].kind",
        ),
        (
            r#""path":"bin/run""#,
            r#""path":"bin/../run""#,
            "entries[1].path",
        ),
        (
            r#""path":"bin/run""#,
            r#""path":"bin//run""#,
            "entries[1].path",
        ),
        (
            r#""path":"bin/run""#,
            r#""path":"./run""#,
            "entries[1].path",
        ),
        (
            r#""path":"bin/run""#,
            r#""path":"/bin/run""#,
            "entries[1].path",
        ),
        (r#""path":"link""#, r#""path":"bin/run""#, "entries[2].path"),
        (r#""path":"link""#, r#""path":"a""#, "entries[2].path"),
        (
            &hex(&[0xab; 32]),
            &hex(&[0xab; 32]).to_uppercase(),
            "entries[1].sha256",
        ),
        (
            &hex(&[0xab; 32]),
            &hex(&[0xab; 32])[1..],
            "entries[1].sha256",
        ),
        (r#""size":7"#, r#""size":-7"#, "entries[2].size"),
        (
            r#""size":7"#,
            r#""size":9007199254740992"#,
            "entries[2].size",
        ),
        (r#""version":1"#, r#""version":2"#, "version"),
        (r#""size":7}"#, r#""size":7,"mode":1}"#, ""),
        (r#""version":1}"#, r#""version":1} "#, ""),
    ];
    for (from, to, field) in cases {
        let invalid = parse_edited(from, to);
        assert_eq!(invalid.field, field, "{from} -> {to}: {invalid}");
    }
}

#[test]
fn a_path_longer_than_4096_bytes_is_refused() {
    let long = "a".repeat(4097);
    let bytes = Manifest {
        entries: vec![entry(&long, Kind::File, 0, 0)],
    }
    .to_canonical();
    assert_eq!(
        Manifest::parse(&bytes).expect_err("refused").field,
        "entries[0].path"
    );
    assert!(Manifest::from_entries(vec![entry(&"a".repeat(4096), Kind::File, 0, 0)]).is_ok());
}

#[test]
fn damaged_stored_bytes_are_refused() {
    let bytes = stored::encode(&sample().entries);
    assert_eq!(stored::decode(&bytes), Ok(sample().entries));
    assert!(stored::decode(&bytes[..bytes.len() - 1]).is_err());
    assert!(stored::decode(b"XXXX\x00").is_err());
    let mut huge = b"TMF1".to_vec();
    huge.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
    assert!(stored::decode(&huge).is_err());
}

fn arb_entries() -> impl Strategy<Value = Vec<Entry>> {
    let segment = "[a-zA-Z0-9_é\u{1F600}\"\\\\\u{1}\n -]{1,6}"
        .prop_filter("no dot segments", |s| s != "." && s != "..");
    let path = prop::collection::vec(segment, 1..4).prop_map(|s| s.join("/"));
    let kind = prop_oneof![Just(Kind::File), Just(Kind::Exec), Just(Kind::Symlink)];
    let item = (path, kind, any::<[u8; 32]>(), 0..=crate::MAX_SIZE);
    prop::collection::vec(item, 0..40).prop_map(|items| {
        let mut entries: Vec<Entry> = items
            .into_iter()
            .map(|(path, kind, sha256, size)| Entry {
                path,
                kind,
                sha256,
                size,
            })
            .collect();
        entries.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        entries.dedup_by(|a, b| a.path == b.path);
        entries
    })
}

proptest! {
    #[test]
    fn written_manifests_parse_back_and_are_rfc_8785(entries in arb_entries()) {
        let manifest = Manifest::from_entries(entries).expect("valid");
        let bytes = manifest.to_canonical();
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        prop_assert_eq!(serde_jcs::to_vec(&value).expect("jcs"), bytes.clone());
        prop_assert_eq!(Manifest::parse(&bytes), Ok(manifest.clone()));
        prop_assert_eq!(stored::decode(&stored::encode(&manifest.entries)), Ok(manifest.entries));
    }
}
