//! messaging's errors: the kit's [`ApiError`](tessera_kit::api_error::ApiError), under the
//! name the chat and forum code uses.

pub use tessera_kit::api_error::ApiError as ChatError;
