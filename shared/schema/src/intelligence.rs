//! `intelligence`: Tessera project-intelligence: projects, workspaces, snapshots, drift, activity, intelligence, deployments
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "intelligence";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/intelligence");

diesel::table! {
    intelligence.activity_events (id) {
        id -> Uuid,
        project_id -> Uuid,
        workspace_id -> Nullable<Uuid>,
        actor -> Text,
        #[sql_name = "type"]
        type_ -> Text,
        snapshot_id -> Nullable<Text>,
        message -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Chat sessions within a workspace; their messages are not kept here.
    intelligence.conversations (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        title -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.drift_reports (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        source_workspace_id -> Nullable<Uuid>,
        workspace_snapshot_id -> Nullable<Text>,
        source_snapshot_id -> Nullable<Text>,
        source_only -> Jsonb,
        workspace_only -> Jsonb,
        both_same -> Jsonb,
        both_different -> Jsonb,
        renamed -> Jsonb,
        files_added -> Int4,
        files_modified -> Int4,
        files_deleted -> Int4,
        bytes_changed -> Int8,
        summary -> Nullable<Text>,
        reported_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.manifest_releases (owner_user_id, sha256) {
        owner_user_id -> Uuid,
        sha256 -> Bytea,
        byte_size -> Int8,
        queued_at -> Timestamptz,
    }
}

diesel::table! {
    /// Compact decoded copies of accepted manifests (immutable).
    intelligence.manifests (project_id, sha256) {
        project_id -> Uuid,
        sha256 -> Bytea,
        entry_count -> Int4,
        total_size -> Int8,
        byte_size -> Int8,
        entries -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.project_env_vars (id) {
        id -> Uuid,
        project_id -> Uuid,
        key -> Text,
        /// Plain text, or for a secret enc:v1:<key id>:... (AES-256-GCM, bound to project and key).
        value -> Text,
        is_secret -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Top-level container for workspaces and snapshots.
    intelligence.projects (id) {
        id -> Uuid,
        owner_user_id -> Uuid,
        name -> Text,
        intent -> Nullable<Text>,
        /// The ProjectBrief: a JSON object of at most 64 KiB.
        brief -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        last_snapshot_id -> Nullable<Text>,
        main_workspace_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    /// Immutable captures of a file tree; a DAG through parent_snapshot_ids (only summary may be filled later).
    intelligence.snapshots (id) {
        id -> Text,
        project_id -> Uuid,
        workspace_id -> Nullable<Uuid>,
        manifest_hash -> Bytea,
        parent_snapshot_ids -> Array<Nullable<Text>>,
        source -> Text,
        summary -> Nullable<Text>,
        created_at -> Timestamptz,
        request_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    intelligence.sync_previews (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        workspace_version -> Int4,
        source_snapshot_id -> Text,
        result -> Jsonb,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.workspaces (id) {
        id -> Uuid,
        project_id -> Uuid,
        name -> Text,
        machine_id -> Nullable<Text>,
        base_snapshot_id -> Nullable<Text>,
        current_snapshot_id -> Nullable<Text>,
        current_manifest_hash -> Nullable<Bytea>,
        local_path -> Nullable<Text>,
        last_seen_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        /// Optimistic lock: each update names the version it read and adds 1.
        version -> Int4,
        /// {"<workspace id>": {"last_merged_snapshot": "...", "merged_at": "..."}}
        merge_history -> Nullable<Jsonb>,
    }
}

diesel::joinable!(activity_events -> projects (project_id));
diesel::joinable!(conversations -> workspaces (workspace_id));
diesel::joinable!(manifests -> projects (project_id));
diesel::joinable!(project_env_vars -> projects (project_id));
diesel::joinable!(snapshots -> projects (project_id));
diesel::joinable!(sync_previews -> snapshots (source_snapshot_id));
diesel::joinable!(sync_previews -> workspaces (workspace_id));
diesel::joinable!(workspaces -> projects (project_id));

diesel::allow_tables_to_appear_in_same_query!(
    activity_events,
    conversations,
    drift_reports,
    manifest_releases,
    manifests,
    project_env_vars,
    projects,
    snapshots,
    sync_previews,
    workspaces
);
