-- Fastest's projects (seed 004): projects, env vars, workspaces, snapshots, drift reports,
-- sync previews (the seed's KV), activity, conversations. Users live in identity, so
-- owner_user_id is a plain uuid. Foreign keys restrict unless the seed says cascade; the
-- additions (composite keys keeping references inside one project, set-null of a deleted
-- workspace's id where history outlives it) are commented where they are made.
-- File blobs and manifest bytes live in vault-storage; `manifests` keeps a compact decoded
-- copy of each accepted manifest so drift is computed here without crossing a service.

CREATE TABLE intelligence.projects (
    id uuid PRIMARY KEY,
    owner_user_id uuid NOT NULL,
    name text NOT NULL,
    intent text,
    brief jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    last_snapshot_id text,
    main_workspace_id uuid,
    CONSTRAINT projects_name CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT projects_intent CHECK (intent IN ('startup', 'personal_tool', 'learning', 'fun',
        'portfolio', 'creative', 'exploration', 'open_source')),
    -- Its size (64 KiB of compact JSON) is checked by the service: jsonb prints differently.
    CONSTRAINT projects_brief CHECK (jsonb_typeof(brief) = 'object')
);
CREATE INDEX idx_projects_owner_updated ON intelligence.projects (owner_user_id, updated_at);
COMMENT ON TABLE intelligence.projects IS 'Top-level container for workspaces and snapshots.';
COMMENT ON COLUMN intelligence.projects.brief IS 'The ProjectBrief: a JSON object of at most 64 KiB.';

CREATE TABLE intelligence.project_env_vars (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    key text NOT NULL,
    value text NOT NULL,
    is_secret boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_env_vars_key CHECK (key ~ '^[A-Za-z_][A-Za-z0-9_]*$' AND length(key) <= 256),
    -- Secrets are sealed under the key ring; plain values are at most 64 KiB.
    CONSTRAINT project_env_vars_value CHECK (
        CASE WHEN is_secret THEN value LIKE 'enc:v1:%' ELSE octet_length(value) <= 65536 END)
);
CREATE UNIQUE INDEX idx_project_env_vars_project_key ON intelligence.project_env_vars (project_id, key);
COMMENT ON COLUMN intelligence.project_env_vars.value IS 'Plain text, or for a secret enc:v1:<key id>:... (AES-256-GCM, bound to project and key).';

-- Decoded copies of accepted manifests (tessera_manifest::stored), by project and hash.
CREATE TABLE intelligence.manifests (
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    sha256 bytea NOT NULL,
    entry_count integer NOT NULL,
    total_size bigint NOT NULL,
    -- The canonical JSON's length: with sha256, the manifest's digest in vault-storage.
    byte_size bigint NOT NULL,
    entries bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, sha256),
    CONSTRAINT manifests_sha256 CHECK (octet_length(sha256) = 32),
    CONSTRAINT manifests_counts CHECK (entry_count BETWEEN 0 AND 1000000 AND total_size >= 0
        AND byte_size > 0)
);
-- Digests do not compress: skip pglz so a 100,000-entry manifest loads at memory speed.
ALTER TABLE intelligence.manifests ALTER COLUMN entries SET STORAGE EXTERNAL;
COMMENT ON TABLE intelligence.manifests IS 'Compact decoded copies of accepted manifests (immutable).';

-- Manifests a deleted project leaves unused by its owner's other projects: deleted from
-- vault-storage after the commit (their blobs become collectable there), retried by the sweep
-- until vault-storage confirms; a push of the same manifest meanwhile cancels its release.
CREATE TABLE intelligence.manifest_releases (
    owner_user_id uuid NOT NULL,
    sha256 bytea NOT NULL,
    byte_size bigint NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_user_id, sha256),
    CONSTRAINT manifest_releases_sha256 CHECK (octet_length(sha256) = 32),
    CONSTRAINT manifest_releases_byte_size CHECK (byte_size > 0)
);

CREATE TABLE intelligence.workspaces (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE RESTRICT,
    name text NOT NULL,
    machine_id text,
    base_snapshot_id text,
    current_snapshot_id text,
    current_manifest_hash bytea,
    local_path text,
    last_seen_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    merge_history jsonb,
    CONSTRAINT workspaces_project_id_id_key UNIQUE (project_id, id),
    CONSTRAINT workspaces_name CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT workspaces_machine_id CHECK (char_length(machine_id) BETWEEN 1 AND 200),
    CONSTRAINT workspaces_local_path CHECK (octet_length(local_path) BETWEEN 1 AND 4096),
    CONSTRAINT workspaces_current_manifest_hash CHECK (octet_length(current_manifest_hash) = 32),
    CONSTRAINT workspaces_version CHECK (version >= 1),
    CONSTRAINT workspaces_merge_history CHECK (jsonb_typeof(merge_history) = 'object')
);
CREATE INDEX idx_workspaces_project_created ON intelligence.workspaces (project_id, created_at);
COMMENT ON COLUMN intelligence.workspaces.version IS 'Optimistic lock: each update names the version it read and adds 1.';
COMMENT ON COLUMN intelligence.workspaces.merge_history IS '{"<workspace id>": {"last_merged_snapshot": "...", "merged_at": "..."}}';

CREATE TABLE intelligence.snapshots (
    id text PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE RESTRICT,
    workspace_id uuid,
    manifest_hash bytea NOT NULL,
    parent_snapshot_ids text[] NOT NULL DEFAULT '{}',
    source text NOT NULL DEFAULT 'cli',
    summary text,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- CreateSnapshot's idempotency key (added): one snapshot per request id and project.
    request_id uuid,
    CONSTRAINT snapshots_project_id_id_key UNIQUE (project_id, id),
    CONSTRAINT snapshots_project_id_request_id_key UNIQUE (project_id, request_id),
    CONSTRAINT snapshots_id_format CHECK (id ~ '^snap-[0-9A-HJKMNP-TV-Z]{26}$'),
    CONSTRAINT snapshots_manifest_hash CHECK (octet_length(manifest_hash) = 32),
    CONSTRAINT snapshots_source CHECK (source IN ('cli', 'web', 'system')),
    CONSTRAINT snapshots_parents CHECK (cardinality(parent_snapshot_ids) <= 16),
    CONSTRAINT snapshots_summary CHECK (char_length(summary) <= 10000),
    FOREIGN KEY (project_id, manifest_hash) REFERENCES intelligence.manifests (project_id, sha256) ON DELETE RESTRICT,
    -- Added: a deleted workspace's snapshots stay (others may build on them), unattributed.
    FOREIGN KEY (project_id, workspace_id) REFERENCES intelligence.workspaces (project_id, id)
        ON DELETE SET NULL (workspace_id)
);
CREATE INDEX idx_snapshots_project_created ON intelligence.snapshots (project_id, created_at);
CREATE INDEX idx_snapshots_workspace_created ON intelligence.snapshots (workspace_id, created_at);
COMMENT ON TABLE intelligence.snapshots IS 'Immutable captures of a file tree; a DAG through parent_snapshot_ids (only summary may be filled later).';

-- Parents exist in the same project before their child (so the DAG cannot cycle), each once.
CREATE FUNCTION intelligence.snapshots_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(NEW.parent_snapshot_ids) <> (
        SELECT count(*) FROM intelligence.snapshots s
        WHERE s.project_id = NEW.project_id AND s.id = ANY (NEW.parent_snapshot_ids)) THEN
        RAISE EXCEPTION 'parent snapshots must exist in the same project, each named once'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'snapshots_parents_exist';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER snapshots_check_parents BEFORE INSERT ON intelligence.snapshots
    FOR EACH ROW EXECUTE FUNCTION intelligence.snapshots_check_parents();

CREATE FUNCTION intelligence.snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.project_id, NEW.manifest_hash, NEW.parent_snapshot_ids, NEW.source,
        NEW.created_at, NEW.request_id)
        IS DISTINCT FROM (OLD.id, OLD.project_id, OLD.manifest_hash, OLD.parent_snapshot_ids,
        OLD.source, OLD.created_at, OLD.request_id)
       OR (NEW.workspace_id IS DISTINCT FROM OLD.workspace_id AND NEW.workspace_id IS NOT NULL)
       OR (OLD.summary IS NOT NULL AND NEW.summary IS DISTINCT FROM OLD.summary) THEN
        RAISE EXCEPTION 'snapshots are immutable: only a missing summary may be filled'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'snapshots_immutable';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER snapshots_immutable BEFORE UPDATE ON intelligence.snapshots
    FOR EACH ROW EXECUTE FUNCTION intelligence.snapshots_immutable();

ALTER TABLE intelligence.workspaces
    ADD FOREIGN KEY (project_id, base_snapshot_id) REFERENCES intelligence.snapshots (project_id, id) ON DELETE RESTRICT,
    ADD FOREIGN KEY (project_id, current_snapshot_id) REFERENCES intelligence.snapshots (project_id, id) ON DELETE RESTRICT;
-- Both point inside the project. NO ACTION (checked at the end of the statement) rather than
-- RESTRICT, since the rows reference each other in a cycle.
ALTER TABLE intelligence.projects
    ADD FOREIGN KEY (id, last_snapshot_id) REFERENCES intelligence.snapshots (project_id, id),
    ADD FOREIGN KEY (id, main_workspace_id) REFERENCES intelligence.workspaces (project_id, id)
        ON DELETE SET NULL (main_workspace_id);

CREATE TABLE intelligence.drift_reports (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE RESTRICT,
    source_workspace_id uuid REFERENCES intelligence.workspaces (id) ON DELETE RESTRICT,
    workspace_snapshot_id text REFERENCES intelligence.snapshots (id) ON DELETE RESTRICT,
    source_snapshot_id text REFERENCES intelligence.snapshots (id) ON DELETE RESTRICT,
    source_only jsonb NOT NULL DEFAULT '[]',
    workspace_only jsonb NOT NULL DEFAULT '[]',
    both_same jsonb NOT NULL DEFAULT '[]',
    both_different jsonb NOT NULL DEFAULT '[]',
    -- Added: pairs of paths matched as renames, [{"from": ..., "to": ...}].
    renamed jsonb NOT NULL DEFAULT '[]',
    files_added integer NOT NULL DEFAULT 0,
    files_modified integer NOT NULL DEFAULT 0,
    files_deleted integer NOT NULL DEFAULT 0,
    bytes_changed bigint NOT NULL DEFAULT 0,
    summary text,
    reported_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT drift_reports_arrays CHECK (jsonb_typeof(source_only) = 'array'
        AND jsonb_typeof(workspace_only) = 'array' AND jsonb_typeof(both_same) = 'array'
        AND jsonb_typeof(both_different) = 'array' AND jsonb_typeof(renamed) = 'array'),
    CONSTRAINT drift_reports_counts CHECK (files_added >= 0 AND files_modified >= 0
        AND files_deleted >= 0 AND bytes_changed >= 0),
    CONSTRAINT drift_reports_summary CHECK (char_length(summary) <= 10000)
);
CREATE INDEX idx_drift_reports_workspace_reported ON intelligence.drift_reports (workspace_id, reported_at);

-- The seed's KV entries `sync_preview:{previewId}` (30-minute TTL), swept periodically.
CREATE TABLE intelligence.sync_previews (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE CASCADE,
    workspace_version integer NOT NULL,
    source_snapshot_id text NOT NULL REFERENCES intelligence.snapshots (id) ON DELETE CASCADE,
    result jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT sync_previews_expiry CHECK (expires_at > created_at),
    CONSTRAINT sync_previews_result CHECK (jsonb_typeof(result) = 'object')
);
CREATE INDEX idx_sync_previews_expires ON intelligence.sync_previews (expires_at);

CREATE TABLE intelligence.activity_events (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE RESTRICT,
    workspace_id uuid,
    actor text NOT NULL,
    type text NOT NULL,
    snapshot_id text,
    message text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_events_actor CHECK (actor IN ('cli', 'web', 'system')),
    CONSTRAINT activity_events_type CHECK (type ~ '^[a-z_]+(\.[a-z_]+)+$' AND length(type) <= 64),
    CONSTRAINT activity_events_message CHECK (char_length(message) <= 1000),
    -- Added: the log outlives a deleted workspace (its id set null), references stay in the project.
    FOREIGN KEY (project_id, workspace_id) REFERENCES intelligence.workspaces (project_id, id)
        ON DELETE SET NULL (workspace_id),
    FOREIGN KEY (project_id, snapshot_id) REFERENCES intelligence.snapshots (project_id, id) ON DELETE RESTRICT
);
CREATE INDEX idx_activity_events_project_created ON intelligence.activity_events (project_id, created_at);

CREATE TABLE intelligence.conversations (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE RESTRICT,
    title text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conversations_title CHECK (char_length(title) BETWEEN 1 AND 200)
);
CREATE INDEX idx_conversations_workspace_updated ON intelligence.conversations (workspace_id, updated_at);
COMMENT ON TABLE intelligence.conversations IS 'Chat sessions within a workspace; their messages are not kept here.';
