-- Fastest's product guidance and code actions (seed 004): next steps, decisions, action items
-- and their runs (a durable job queue), the legacy refactoring suggestions, and the deprecated
-- jobs table (kept as the seed has it, with no RPC). Seed defaults, enums, indexes and FK
-- actions are kept; additions are commented where they are made.

CREATE TABLE intelligence.next_steps (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    title text NOT NULL,
    description text,
    rationale text,
    category text NOT NULL,
    priority integer NOT NULL DEFAULT 2,
    effort text,
    status text NOT NULL DEFAULT 'pending',
    helpful_count integer NOT NULL DEFAULT 0,
    not_helpful_count integer NOT NULL DEFAULT 0,
    model text,
    generated_at timestamptz NOT NULL DEFAULT now(),
    acted_on_at timestamptz,
    CONSTRAINT next_steps_title CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT next_steps_texts CHECK (char_length(description) <= 10000
        AND char_length(rationale) <= 10000 AND char_length(model) BETWEEN 1 AND 200),
    CONSTRAINT next_steps_category CHECK (category IN ('feature', 'validation', 'launch',
        'technical', 'user_research')),
    CONSTRAINT next_steps_priority CHECK (priority BETWEEN 1 AND 3),
    CONSTRAINT next_steps_effort CHECK (effort IN ('small', 'medium', 'large')),
    CONSTRAINT next_steps_status CHECK (status IN ('pending', 'started', 'completed', 'dismissed')),
    CONSTRAINT next_steps_counts CHECK (helpful_count >= 0 AND not_helpful_count >= 0),
    -- Added: a step that left pending says when.
    CONSTRAINT next_steps_acted_on CHECK ((status = 'pending') = (acted_on_at IS NULL))
);
CREATE INDEX idx_next_steps_project_status ON intelligence.next_steps (project_id, status);
CREATE INDEX idx_next_steps_project_priority ON intelligence.next_steps (project_id, priority);
COMMENT ON TABLE intelligence.next_steps IS 'AI-generated product guidance suggestions.';
COMMENT ON COLUMN intelligence.next_steps.priority IS '1 = high, 2 = medium, 3 = low.';

CREATE TABLE intelligence.project_decisions (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    conversation_id uuid REFERENCES intelligence.conversations (id) ON DELETE SET NULL,
    decision text NOT NULL,
    rationale text,
    category text,
    decided_at timestamptz NOT NULL DEFAULT now(),
    -- In bytes: the unique index's entries must stay under B-tree's size limit.
    CONSTRAINT project_decisions_decision CHECK (char_length(decision) >= 1 AND octet_length(decision) <= 2000),
    CONSTRAINT project_decisions_rationale CHECK (char_length(rationale) <= 10000),
    CONSTRAINT project_decisions_category CHECK (category IN ('architecture', 'scope',
        'tech_choice', 'approach', 'process', 'product'))
);
CREATE INDEX idx_project_decisions_project_decided ON intelligence.project_decisions (project_id, decided_at);
CREATE UNIQUE INDEX idx_project_decisions_project_decision ON intelligence.project_decisions (project_id, decision);
COMMENT ON TABLE intelligence.project_decisions IS 'Decisions extracted from conversations.';

CREATE TABLE intelligence.refactoring_suggestions (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE CASCADE,
    snapshot_id text REFERENCES intelligence.snapshots (id),
    type text NOT NULL,
    severity text NOT NULL DEFAULT 'info',
    title text NOT NULL,
    description text,
    affected_files jsonb,
    suggested_prompt text,
    status text NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refactoring_suggestions_type CHECK (type IN ('security', 'duplication',
        'performance', 'naming', 'structure', 'test_coverage')),
    CONSTRAINT refactoring_suggestions_severity CHECK (severity IN ('info', 'warning', 'critical')),
    CONSTRAINT refactoring_suggestions_status CHECK (status IN ('pending', 'applied', 'dismissed')),
    CONSTRAINT refactoring_suggestions_affected_files CHECK (jsonb_typeof(affected_files) = 'array')
);
CREATE INDEX idx_refactoring_suggestions_workspace_created ON intelligence.refactoring_suggestions (workspace_id, created_at);
CREATE INDEX idx_refactoring_suggestions_workspace_status ON intelligence.refactoring_suggestions (workspace_id, status);
COMMENT ON TABLE intelligence.refactoring_suggestions IS 'Legacy; superseded by action_items (MigrateSuggestions imports them).';

CREATE TABLE intelligence.action_items (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE CASCADE,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    type text NOT NULL,
    severity text NOT NULL DEFAULT 'info',
    title text NOT NULL,
    description text,
    affected_files jsonb,
    suggested_prompt text,
    metadata jsonb,
    status text NOT NULL DEFAULT 'pending',
    source text NOT NULL DEFAULT 'analysis',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Added: the legacy suggestion an imported item came from; unique, so importing twice
    -- creates nothing new.
    imported_from uuid UNIQUE REFERENCES intelligence.refactoring_suggestions (id) ON DELETE SET NULL,
    CONSTRAINT action_items_project_id_id_key UNIQUE (project_id, id),
    CONSTRAINT action_items_type CHECK (type IN ('refactoring', 'security', 'test_coverage',
        'build_failure')),
    CONSTRAINT action_items_severity CHECK (severity IN ('info', 'warning', 'critical')),
    CONSTRAINT action_items_title CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT action_items_texts CHECK (char_length(description) <= 10000
        AND char_length(suggested_prompt) <= 10000),
    CONSTRAINT action_items_affected_files CHECK (jsonb_typeof(affected_files) = 'array'),
    CONSTRAINT action_items_metadata CHECK (jsonb_typeof(metadata) = 'object'),
    CONSTRAINT action_items_status CHECK (status IN ('pending', 'running', 'ready', 'applied',
        'dismissed')),
    CONSTRAINT action_items_source CHECK (source IN ('analysis', 'import', 'manual')),
    -- Added: the workspace is the project's.
    FOREIGN KEY (project_id, workspace_id) REFERENCES intelligence.workspaces (project_id, id)
        ON DELETE CASCADE
);
CREATE INDEX idx_action_items_workspace_created ON intelligence.action_items (workspace_id, created_at);
CREATE INDEX idx_action_items_project_created ON intelligence.action_items (project_id, created_at);
CREATE INDEX idx_action_items_workspace_status ON intelligence.action_items (workspace_id, status);
COMMENT ON TABLE intelligence.action_items IS 'Code-level issues surfaced by analysis; status follows the latest run.';

CREATE TABLE intelligence.action_item_runs (
    id uuid PRIMARY KEY,
    action_item_id uuid NOT NULL REFERENCES intelligence.action_items (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id) ON DELETE CASCADE,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'queued',
    attempt_count integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 3,
    base_manifest_hash bytea,
    summary text,
    report text,
    patch text,
    checks jsonb,
    error text,
    started_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Added: the queue. A queued run is due at run_after; a running one is held by locked_by
    -- until lease_expires_at, and attempt_count is the fencing token of its holder.
    run_after timestamptz NOT NULL DEFAULT now(),
    locked_by text,
    lease_expires_at timestamptz,
    CONSTRAINT action_item_runs_status CHECK (status IN ('queued', 'running', 'ready', 'failed',
        'applied')),
    CONSTRAINT action_item_runs_attempts CHECK (max_attempts BETWEEN 1 AND 10
        AND attempt_count BETWEEN 0 AND max_attempts),
    CONSTRAINT action_item_runs_base_manifest_hash CHECK (octet_length(base_manifest_hash) = 32),
    CONSTRAINT action_item_runs_checks CHECK (jsonb_typeof(checks) = 'object'),
    CONSTRAINT action_item_runs_lease CHECK ((status = 'running')
        = (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT action_item_runs_locked_by CHECK (char_length(locked_by) BETWEEN 1 AND 300),
    -- Added: the run and its item are the same project's and workspace's.
    FOREIGN KEY (project_id, action_item_id) REFERENCES intelligence.action_items (project_id, id)
        ON DELETE CASCADE
);
CREATE INDEX idx_action_item_runs_item_created ON intelligence.action_item_runs (action_item_id, created_at);
CREATE INDEX idx_action_item_runs_workspace_created ON intelligence.action_item_runs (workspace_id, created_at);
CREATE INDEX idx_action_item_runs_status_created ON intelligence.action_item_runs (status, created_at);
-- Added: at most one queued or running run per item; the claim's and the sweep's indexes.
CREATE UNIQUE INDEX idx_action_item_runs_one_active ON intelligence.action_item_runs (action_item_id)
    WHERE status IN ('queued', 'running');
CREATE INDEX idx_action_item_runs_due ON intelligence.action_item_runs (run_after, created_at)
    WHERE status = 'queued';
CREATE INDEX idx_action_item_runs_leases ON intelligence.action_item_runs (lease_expires_at)
    WHERE status = 'running';
COMMENT ON TABLE intelligence.action_item_runs IS 'Patch generation and verification runs: a durable job queue claimed with SKIP LOCKED.';

-- Wakes waiting ClaimRuns calls on every replica when a run becomes queued (at commit).
CREATE FUNCTION intelligence.action_item_runs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('intelligence_runs_queued', '');
    RETURN NULL;
END $$;
CREATE TRIGGER action_item_runs_queued AFTER INSERT OR UPDATE OF status ON intelligence.action_item_runs
    FOR EACH ROW WHEN (NEW.status = 'queued') EXECUTE FUNCTION intelligence.action_item_runs_notify();

-- Deprecated (seed): the legacy agent queue. No RPC reads or writes it.
CREATE TABLE intelligence.jobs (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES intelligence.workspaces (id),
    project_id uuid NOT NULL REFERENCES intelligence.projects (id),
    prompt text NOT NULL,
    status text NOT NULL DEFAULT 'pending',
    output_snapshot_id text REFERENCES intelligence.snapshots (id),
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    completed_at timestamptz
);
COMMENT ON TABLE intelligence.jobs IS 'DEPRECATED: the legacy agent execution queue, kept as the seed has it.';
