//! The real `tessera-identity` binary: lifecycle, configuration errors, `migrate`.

use tessera_testkit::binary;

const BINARY: &str = env!("CARGO_BIN_EXE_tessera-identity");

#[tokio::test]
async fn starts_serves_and_drains_on_sigterm() {
    binary::check_lifecycle(
        BINARY,
        &[
            "tessera.identity.v1.AccountService",
            "tessera.identity.v1.SignInService",
            "tessera.identity.v1.SessionService",
            "tessera.identity.v1.IntrospectionService",
            "tessera.identity.v1.AntiReplayService",
        ],
    )
    .await;
}

#[tokio::test]
async fn bad_configuration_fails_fast_naming_the_setting() {
    binary::check_bad_configuration(BINARY).await;
}

#[tokio::test]
async fn migrate_subcommand_applies_the_schema() {
    binary::check_migrate_subcommand(BINARY, "identity").await;
}
