//! Generated protobuf messages, tonic clients and servers for everything under `proto/`, and the
//! encoded file descriptor set that servers register for gRPC reflection.

pub mod codec;

/// The encoded `FileDescriptorSet` of every Tessera proto file and its imports, with comments.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/tessera_descriptor.bin"));

/// A generated tonic server whose message-size limits can be set: the kit applies the
/// configured limit to every service it serves through this.
pub trait MessageLimits {
    /// Limits decoded requests and encoded responses to `max_bytes`.
    fn with_message_limits(self, max_bytes: usize) -> Self;
}

#[allow(clippy::all)]
mod limits {
    include!(concat!(env!("OUT_DIR"), "/message_limits.rs"));
}

/// Packages under `tessera.*`.
#[allow(missing_debug_implementations, unused_qualifications, clippy::all)]
pub mod tessera {
    /// `tessera.identity.v1`: accounts, sign-in, sessions, introspection.
    pub mod identity {
        /// Version 1.
        pub mod v1 {
            tonic::include_proto!("tessera.identity.v1");
        }
    }

    /// `tessera.vault.v1`: the Storage Service's files and its administration.
    pub mod vault {
        /// Version 1.
        pub mod v1 {
            tonic::include_proto!("tessera.vault.v1");
        }
    }

    /// `tessera.messaging.v1`: end-to-end encrypted chat: devices, key bundles, chats,
    /// messages and their delivery, handshakes and sessions.
    pub mod messaging {
        /// Version 1.
        pub mod v1 {
            tonic::include_proto!("tessera.messaging.v1");
        }
    }

    /// `tessera.intelligence.v1`: projects, env vars, workspaces, snapshots, drift, activity,
    /// conversations.
    pub mod intelligence {
        /// Version 1.
        pub mod v1 {
            tonic::include_proto!("tessera.intelligence.v1");
        }
    }

    /// `tessera.testing.v1`: the kit's test and benchmark service.
    pub mod testing {
        /// Version 1.
        pub mod v1 {
            tonic::include_proto!("tessera.testing.v1");
        }
    }
}
