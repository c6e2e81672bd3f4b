//! The real `tessera-identity` binary: lifecycle, configuration errors, `migrate`.

tessera_testkit::binary_tests!(
    env!("CARGO_BIN_EXE_tessera-identity"),
    "identity",
    "tessera.identity.v1"
);
