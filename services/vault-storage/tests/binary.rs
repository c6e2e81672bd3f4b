//! The real `tessera-vault-storage` binary: lifecycle, configuration errors, `migrate`.

tessera_testkit::binary_tests!(
    env!("CARGO_BIN_EXE_tessera-vault-storage"),
    "vault",
    "tessera.vault.v1"
);
