//! identity's own typed ids and closed sets (users and sessions are the kit's: every service
//! refers to them).

tessera_kit::id! {
    /// A magic-link code.
    pub struct AuthCodeId("magic link code");
}

tessera_kit::id! {
    /// An RFC 8628 device authorization.
    pub struct DeviceAuthorizationId("device authorization");
}

tessera_kit::id! {
    /// A user's stored provider API key.
    pub struct ApiKeyId("api key");
}

tessera_kit::id! {
    /// An entry of a user's security log.
    pub struct SecurityEventId("security event");
}

tessera_kit::text_enum! {
    /// Where a device authorization stands (`device_codes.status`).
    pub enum DeviceStatus {
        /// Waiting for the user.
        Pending = "pending",
        /// Approved; the device may take its session once.
        Authorized = "authorized",
        /// Denied, or expired and released.
        Denied = "denied",
        /// The session was issued.
        Consumed = "consumed",
    }
}

tessera_kit::text_enum! {
    /// What a security log entry records (`security_events.kind`).
    pub enum SecurityEventKind {
        /// A password sign-in.
        SignIn = "sign_in",
        /// A wrong password for the account.
        SignInFailed = "sign_in_failed",
        /// Too many failures: the account is locked for a while.
        Lockout = "lockout",
        /// Sessions were revoked.
        SessionRevoked = "session_revoked",
        /// An API key was stored or replaced.
        ApiKeySet = "api_key_set",
        /// An API key was deleted.
        ApiKeyDeleted = "api_key_deleted",
        /// A magic-link sign-in.
        MagicLinkSignIn = "magic_link_sign_in",
        /// A device was approved.
        DeviceAuthorized = "device_authorized",
        /// A device was denied.
        DeviceDenied = "device_denied",
        /// The profile changed.
        AccountUpdated = "account_updated",
    }
}

tessera_kit::text_enum! {
    /// What an outbox event announces (`outbox.kind`).
    pub enum EventKind {
        /// An account was deleted.
        AccountDeleted = "account_deleted",
        /// A session was revoked.
        SessionRevoked = "session_revoked",
    }
}
