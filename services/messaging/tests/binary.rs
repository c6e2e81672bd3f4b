//! The real `tessera-messaging` binary: lifecycle, configuration errors, `migrate`.

tessera_testkit::binary_tests!(
    env!("CARGO_BIN_EXE_tessera-messaging"),
    "messaging",
    "tessera.messaging.v1"
);
