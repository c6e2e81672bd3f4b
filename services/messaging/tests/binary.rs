//! The real `tessera-messaging` binary: lifecycle, configuration errors, `migrate`.

use tessera_testkit::binary;

const BINARY: &str = env!("CARGO_BIN_EXE_tessera-messaging");

#[tokio::test]
async fn starts_serves_and_drains_on_sigterm() {
    binary::check_lifecycle(BINARY, &[]).await;
}

#[tokio::test]
async fn bad_configuration_fails_fast_naming_the_setting() {
    binary::check_bad_configuration(BINARY).await;
}

#[tokio::test]
async fn migrate_subcommand_applies_the_schema() {
    binary::check_migrate_subcommand(BINARY, "messaging").await;
}
