//! The real `tessera-project-intelligence` binary: lifecycle, configuration errors, `migrate`.

tessera_testkit::binary_tests!(
    env!("CARGO_BIN_EXE_tessera-project-intelligence"),
    "intelligence",
    "tessera.intelligence.v1"
);
