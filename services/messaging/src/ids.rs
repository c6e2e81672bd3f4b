//! messaging's typed ids, and the closed sets it stores as text (spelled exactly as the CHECK
//! constraints allow).

tessera_kit::id! {
    /// A user's device.
    pub struct DeviceId("device");
}

tessera_kit::id! {
    /// A conversation.
    pub struct ChatId("chat");
}

tessera_kit::id! {
    /// One recipient device's copy of a message.
    pub struct MessageId("message");
}

tessera_kit::id! {
    /// A Double Ratchet session between two devices (metadata only).
    pub struct RatchetSessionId("session");
}

tessera_kit::id! {
    /// An X3DH handshake (`pending_sessions`).
    pub struct HandshakeId("handshake");
}

tessera_kit::id! {
    /// A forum group.
    pub struct GroupId("group");
}

tessera_kit::id! {
    /// A forum thread.
    pub struct ThreadId("thread");
}

tessera_kit::id! {
    /// A reply in a thread.
    pub struct ReplyId("reply");
}

tessera_kit::id! {
    /// A media file in a thread.
    pub struct MediaId("media");
}

tessera_kit::text_enum! {
    /// How a device's identity key signs (`devices.identity_key_type`).
    pub enum KeyType {
        /// Ed25519.
        Ed25519 = "ed25519",
        /// X25519 with XEdDSA signatures.
        X25519 = "x25519",
    }
}

tessera_kit::text_enum! {
    /// `chats.chat_type`.
    pub enum ChatType {
        /// Two fixed users.
        Direct = "direct",
        /// An owner and members.
        Group = "group",
    }
}

tessera_kit::text_enum! {
    /// `chat_members.role`.
    pub enum Role {
        /// May add and remove members.
        Owner = "owner",
        /// A member.
        Member = "member",
    }
}

tessera_kit::text_enum! {
    /// `pending_sessions.state`: only ever advances.
    pub enum HandshakeState {
        /// Sent.
        Initiated = "initiated",
        /// Acknowledged by the recipient.
        Responded = "responded",
        /// Session established.
        Completed = "completed",
    }
}
