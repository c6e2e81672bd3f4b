//! The real `tessera-identity` binary: lifecycle, configuration errors, `migrate`.

tessera_testkit::binary_tests!(
    env!("CARGO_BIN_EXE_tessera-identity"),
    "identity",
    [
        "tessera.identity.v1.AccountService",
        "tessera.identity.v1.SignInService",
        "tessera.identity.v1.SessionService",
        "tessera.identity.v1.IntrospectionService",
        "tessera.identity.v1.AntiReplayService",
    ]
);
