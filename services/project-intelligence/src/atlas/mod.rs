//! Atlas, the project knowledge graph: concepts and edges (built from snapshots or written by
//! the owner), walks over them, decision links and diagrams ([`api`]), and hybrid semantic
//! search over text chunks ([`search`]: an [`embedder`], an in-memory [`index`], full text).

pub mod api;
pub mod build;
pub mod chunks;
pub mod concepts;
pub mod embedder;
pub mod graph;
pub mod index;
pub mod links;
pub mod search;
