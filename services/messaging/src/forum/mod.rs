//! Orbital's group forum: groups with invite codes and rotating group keys, threads and
//! replies, and encrypted media relayed for 7 days through vault-storage, within per-group
//! quotas.

pub mod cleanup;
pub mod groups;
pub mod media;
pub mod membership;
pub mod store;
pub mod threads;
pub mod vault;
