-- Fastest's infrastructure (seed 004): provider credentials, provisioned resources, and
-- deployments with their per-workspace settings. Secrets (API tokens, connection details) are
-- sealed under the key ring (`enc:v1:<key id>:...`, AES-256-GCM bound to their row's owner).

CREATE TABLE intelligence.provider_credentials (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    provider text NOT NULL,
    api_token text NOT NULL,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT provider_credentials_provider CHECK (provider IN ('railway', 'cloudflare')),
    CONSTRAINT provider_credentials_api_token CHECK (api_token LIKE 'enc:v1:%'),
    CONSTRAINT provider_credentials_metadata CHECK (jsonb_typeof(metadata) = 'object')
);
CREATE UNIQUE INDEX idx_provider_credentials_user_provider ON intelligence.provider_credentials (user_id, provider);
COMMENT ON COLUMN intelligence.provider_credentials.api_token IS 'Sealed: enc:v1:<key id>:... (AES-256-GCM, bound to user and provider); never returned.';

CREATE TABLE intelligence.infrastructure_resources (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    type text NOT NULL,
    provider text NOT NULL,
    provider_resource_id text,
    name text NOT NULL,
    connection_info text,
    status text NOT NULL DEFAULT 'pending',
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT infrastructure_resources_type CHECK (type IN ('compute', 'compute:edge',
        'database:postgres', 'database:redis', 'storage:blob')),
    CONSTRAINT infrastructure_resources_provider CHECK (provider IN ('railway', 'cloudflare')),
    CONSTRAINT infrastructure_resources_status CHECK (status IN ('pending', 'provisioning',
        'ready', 'error', 'deleted')),
    CONSTRAINT infrastructure_resources_name CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT infrastructure_resources_texts CHECK (char_length(provider_resource_id) BETWEEN 1 AND 500
        AND char_length(error) <= 10000),
    CONSTRAINT infrastructure_resources_connection_info CHECK (connection_info LIKE 'enc:v1:%')
);
CREATE INDEX idx_infrastructure_resources_project ON intelligence.infrastructure_resources (project_id);
CREATE INDEX idx_infrastructure_resources_project_type ON intelligence.infrastructure_resources (project_id, type);
COMMENT ON COLUMN intelligence.infrastructure_resources.connection_info IS 'Sealed JSON (url, host, port, username, password), bound to the resource; shown only by an explicit reveal.';

CREATE TABLE intelligence.deployment_settings (
    workspace_id uuid PRIMARY KEY REFERENCES intelligence.workspaces (id) ON DELETE CASCADE,
    auto_deploy boolean NOT NULL DEFAULT false,
    runtime_override text,
    build_command text,
    start_command text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deployment_settings_texts CHECK (char_length(runtime_override) BETWEEN 1 AND 100
        AND char_length(build_command) BETWEEN 1 AND 2000
        AND char_length(start_command) BETWEEN 1 AND 2000)
);

CREATE TABLE intelligence.deployments (
    id uuid PRIMARY KEY,
    workspace_id uuid,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    snapshot_id text,
    status text NOT NULL,
    trigger text NOT NULL,
    url text,
    error text,
    started_at timestamptz NOT NULL,
    completed_at timestamptz,
    CONSTRAINT deployments_status CHECK (status IN ('deploying', 'success', 'failed')),
    CONSTRAINT deployments_trigger CHECK (trigger IN ('manual', 'chat', 'auto')),
    -- Added: a finished deployment says when, and a success where, a failure why.
    CONSTRAINT deployments_outcome CHECK ((status = 'deploying') = (completed_at IS NULL)
        AND (status <> 'success' OR url IS NOT NULL) AND (status <> 'failed' OR error IS NOT NULL)),
    CONSTRAINT deployments_texts CHECK (char_length(url) BETWEEN 1 AND 2048
        AND char_length(error) BETWEEN 1 AND 10000),
    -- The workspace and snapshot are the project's; history outlives them (ids set null).
    FOREIGN KEY (project_id, workspace_id) REFERENCES intelligence.workspaces (project_id, id)
        ON DELETE SET NULL (workspace_id),
    FOREIGN KEY (project_id, snapshot_id) REFERENCES intelligence.snapshots (project_id, id)
        ON DELETE SET NULL (snapshot_id)
);
CREATE INDEX idx_deployments_workspace_started ON intelligence.deployments (workspace_id, started_at);
CREATE INDEX idx_deployments_project_started ON intelligence.deployments (project_id, started_at);
CREATE INDEX idx_deployments_status_started ON intelligence.deployments (status, started_at);
-- Added: at most one deployment in progress per workspace.
CREATE UNIQUE INDEX idx_deployments_one_deploying ON intelligence.deployments (workspace_id)
    WHERE status = 'deploying';
