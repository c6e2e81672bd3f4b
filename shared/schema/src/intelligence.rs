//! `intelligence`: Tessera project-intelligence: projects, workspaces, snapshots, drift, activity, intelligence, deployments
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "intelligence";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/intelligence");

diesel::table! {
    /// Patch generation and verification runs: a durable job queue claimed with SKIP LOCKED.
    intelligence.action_item_runs (id) {
        id -> Uuid,
        action_item_id -> Uuid,
        workspace_id -> Uuid,
        project_id -> Uuid,
        status -> Text,
        attempt_count -> Int4,
        max_attempts -> Int4,
        base_manifest_hash -> Nullable<Bytea>,
        summary -> Nullable<Text>,
        report -> Nullable<Text>,
        patch -> Nullable<Text>,
        checks -> Nullable<Jsonb>,
        error -> Nullable<Text>,
        started_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        run_after -> Timestamptz,
        locked_by -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    /// Code-level issues surfaced by analysis; status follows the latest run.
    intelligence.action_items (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        project_id -> Uuid,
        #[sql_name = "type"]
        type_ -> Text,
        severity -> Text,
        title -> Text,
        description -> Nullable<Text>,
        affected_files -> Nullable<Jsonb>,
        suggested_prompt -> Nullable<Text>,
        metadata -> Nullable<Jsonb>,
        status -> Text,
        source -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        imported_from -> Nullable<Uuid>,
    }
}

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
    intelligence.atlas_chunks (id) {
        id -> Uuid,
        project_id -> Uuid,
        concept_id -> Nullable<Text>,
        kind -> Text,
        content -> Text,
        file_path -> Nullable<Text>,
        symbol -> Nullable<Text>,
        source_hash -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Knowledge graph nodes: system:<name>, module:<path>, code:<file path>, narrative:, capability:.
    intelligence.atlas_concepts (project_id, id) {
        project_id -> Uuid,
        id -> Text,
        name -> Text,
        layer -> Text,
        #[sql_name = "type"]
        type_ -> Nullable<Text>,
        description -> Nullable<Text>,
        source_snapshot_id -> Nullable<Text>,
        source_manifest_hash -> Nullable<Bytea>,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.atlas_decision_links (id) {
        id -> Uuid,
        project_id -> Uuid,
        decision_id -> Uuid,
        concept_id -> Text,
        confidence -> Nullable<Int4>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.atlas_diagrams (id) {
        id -> Uuid,
        project_id -> Uuid,
        concept_id -> Nullable<Text>,
        #[sql_name = "type"]
        type_ -> Text,
        data -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.atlas_edges (id) {
        id -> Uuid,
        project_id -> Uuid,
        from_concept_id -> Text,
        to_concept_id -> Text,
        #[sql_name = "type"]
        type_ -> Text,
        weight -> Nullable<Int4>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.atlas_embeddings (id) {
        id -> Uuid,
        chunk_id -> Uuid,
        model -> Text,
        dimensions -> Int4,
        /// L2-normalised little-endian f32 x dimensions.
        vector -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.atlas_versions (project_id) {
        project_id -> Uuid,
        version -> Int8,
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
    intelligence.deployment_settings (workspace_id) {
        workspace_id -> Uuid,
        auto_deploy -> Bool,
        runtime_override -> Nullable<Text>,
        build_command -> Nullable<Text>,
        start_command -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    intelligence.deployments (id) {
        id -> Uuid,
        workspace_id -> Nullable<Uuid>,
        project_id -> Uuid,
        snapshot_id -> Nullable<Text>,
        status -> Text,
        trigger -> Text,
        url -> Nullable<Text>,
        error -> Nullable<Text>,
        started_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
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
    intelligence.infrastructure_resources (id) {
        id -> Uuid,
        project_id -> Uuid,
        #[sql_name = "type"]
        type_ -> Text,
        provider -> Text,
        provider_resource_id -> Nullable<Text>,
        name -> Text,
        /// Sealed JSON (url, host, port, username, password), bound to the resource; shown only by an explicit reveal.
        connection_info -> Nullable<Text>,
        status -> Text,
        error -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// DEPRECATED: the legacy agent execution queue, kept as the seed has it.
    intelligence.jobs (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        project_id -> Uuid,
        prompt -> Text,
        status -> Text,
        output_snapshot_id -> Nullable<Text>,
        error -> Nullable<Text>,
        created_at -> Timestamptz,
        started_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
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
    /// AI-generated product guidance suggestions.
    intelligence.next_steps (id) {
        id -> Uuid,
        project_id -> Uuid,
        title -> Text,
        description -> Nullable<Text>,
        rationale -> Nullable<Text>,
        category -> Text,
        /// 1 = high, 2 = medium, 3 = low.
        priority -> Int4,
        effort -> Nullable<Text>,
        status -> Text,
        helpful_count -> Int4,
        not_helpful_count -> Int4,
        model -> Nullable<Text>,
        generated_at -> Timestamptz,
        acted_on_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    /// Decisions extracted from conversations.
    intelligence.project_decisions (id) {
        id -> Uuid,
        project_id -> Uuid,
        conversation_id -> Nullable<Uuid>,
        decision -> Text,
        rationale -> Nullable<Text>,
        category -> Nullable<Text>,
        decided_at -> Timestamptz,
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
    intelligence.provider_credentials (id) {
        id -> Uuid,
        user_id -> Uuid,
        provider -> Text,
        /// Sealed: enc:v1:<key id>:... (AES-256-GCM, bound to user and provider); never returned.
        api_token -> Text,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Legacy; superseded by action_items (MigrateSuggestions imports them).
    intelligence.refactoring_suggestions (id) {
        id -> Uuid,
        workspace_id -> Uuid,
        snapshot_id -> Nullable<Text>,
        #[sql_name = "type"]
        type_ -> Text,
        severity -> Text,
        title -> Text,
        description -> Nullable<Text>,
        affected_files -> Nullable<Jsonb>,
        suggested_prompt -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamptz,
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

diesel::joinable!(action_item_runs -> action_items (action_item_id));
diesel::joinable!(action_item_runs -> projects (project_id));
diesel::joinable!(action_item_runs -> workspaces (workspace_id));
diesel::joinable!(action_items -> refactoring_suggestions (imported_from));
diesel::joinable!(action_items -> projects (project_id));
diesel::joinable!(action_items -> workspaces (workspace_id));
diesel::joinable!(activity_events -> projects (project_id));
diesel::joinable!(atlas_chunks -> projects (project_id));
diesel::joinable!(atlas_concepts -> projects (project_id));
diesel::joinable!(atlas_decision_links -> project_decisions (decision_id));
diesel::joinable!(atlas_decision_links -> projects (project_id));
diesel::joinable!(atlas_diagrams -> projects (project_id));
diesel::joinable!(atlas_edges -> projects (project_id));
diesel::joinable!(atlas_embeddings -> atlas_chunks (chunk_id));
diesel::joinable!(atlas_versions -> projects (project_id));
diesel::joinable!(conversations -> workspaces (workspace_id));
diesel::joinable!(deployment_settings -> workspaces (workspace_id));
diesel::joinable!(deployments -> projects (project_id));
diesel::joinable!(infrastructure_resources -> projects (project_id));
diesel::joinable!(jobs -> snapshots (output_snapshot_id));
diesel::joinable!(jobs -> projects (project_id));
diesel::joinable!(jobs -> workspaces (workspace_id));
diesel::joinable!(manifests -> projects (project_id));
diesel::joinable!(next_steps -> projects (project_id));
diesel::joinable!(project_decisions -> conversations (conversation_id));
diesel::joinable!(project_decisions -> projects (project_id));
diesel::joinable!(project_env_vars -> projects (project_id));
diesel::joinable!(refactoring_suggestions -> snapshots (snapshot_id));
diesel::joinable!(refactoring_suggestions -> workspaces (workspace_id));
diesel::joinable!(snapshots -> projects (project_id));
diesel::joinable!(sync_previews -> snapshots (source_snapshot_id));
diesel::joinable!(sync_previews -> workspaces (workspace_id));
diesel::joinable!(workspaces -> projects (project_id));

diesel::allow_tables_to_appear_in_same_query!(
    action_item_runs,
    action_items,
    activity_events,
    atlas_chunks,
    atlas_concepts,
    atlas_decision_links,
    atlas_diagrams,
    atlas_edges,
    atlas_embeddings,
    atlas_versions,
    conversations,
    deployment_settings,
    deployments,
    drift_reports,
    infrastructure_resources,
    jobs,
    manifest_releases,
    manifests,
    next_steps,
    project_decisions,
    project_env_vars,
    projects,
    provider_credentials,
    refactoring_suggestions,
    snapshots,
    sync_previews,
    workspaces
);
