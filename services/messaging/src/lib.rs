//! The messaging service: end-to-end encrypted chat (devices, key bundles, chats, per-device
//! fan-out, real-time delivery, handshakes and sessions) and the group forum (groups, keys,
//! threads, replies, media through vault-storage).
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod bundles;
pub mod chats;
pub mod config;
pub mod devices;
pub mod error;
pub mod events;
pub mod forum;
pub mod handshakes;
pub mod ids;
pub mod lookup;
pub mod messages;
pub mod purge;
pub mod state;
pub mod sweeper;

use tessera_kit::auth::Access;
use tessera_kit::clock::Clock;
use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::messaging::v1::chat_service_server::ChatServiceServer;
use tessera_proto::tessera::messaging::v1::device_service_server::DeviceServiceServer;
use tessera_proto::tessera::messaging::v1::group_service_server::GroupServiceServer;
use tessera_proto::tessera::messaging::v1::handshake_service_server::HandshakeServiceServer;
use tessera_proto::tessera::messaging::v1::key_bundle_service_server::KeyBundleServiceServer;
use tessera_proto::tessera::messaging::v1::media_service_server::MediaServiceServer;
use tessera_proto::tessera::messaging::v1::message_service_server::MessageServiceServer;
use tessera_proto::tessera::messaging::v1::thread_service_server::ThreadServiceServer;

pub use config::Config;

/// Name, schema, migrations and default port of the messaging service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "messaging",
    schema: tessera_schema::messaging::SCHEMA,
    migrations: &tessera_schema::messaging::MIGRATIONS,
    default_port: 50053,
};

/// Who may call what: every RPC acts for a signed-in user (their devices, their chats).
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[],
    operator: &[],
    open: &[],
};

/// The gRPC services next to health and reflection.
pub fn services(ctx: &Context, config: Config) -> anyhow::Result<Services> {
    services_on(ctx, config, Clock::System)
}

/// [`services`] on `clock` (tests move it to expire media).
pub fn services_on(ctx: &Context, config: Config, clock: Clock) -> anyhow::Result<Services> {
    ctx.on_account_deleted(purge::purge_account);
    let chat = state::Chat::new(ctx, config, clock)?;
    sweeper::start(ctx, chat.clone());
    forum::cleanup::start(ctx, chat.clone());
    Ok(ctx
        .services(ACCESS)
        .with(DeviceServiceServer::new(devices::DeviceApi(chat.clone())))
        .with(KeyBundleServiceServer::new(bundles::BundleApi(
            chat.clone(),
        )))
        .with(ChatServiceServer::new(chats::ChatApi(chat.clone())))
        .with(MessageServiceServer::new(messages::MessageApi(
            chat.clone(),
        )))
        .with(HandshakeServiceServer::new(handshakes::HandshakeApi(
            chat.clone(),
        )))
        .with(GroupServiceServer::new(forum::groups::GroupApi(
            chat.clone(),
        )))
        .with(ThreadServiceServer::new(forum::threads::ThreadApi(
            chat.clone(),
        )))
        .with(MediaServiceServer::new(forum::media::MediaApi(chat))))
}
