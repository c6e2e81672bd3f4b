-- Atlas, the project knowledge graph (seed 004): concepts and edges (derived from snapshot
-- trees or written by clients), decision links, diagrams, text chunks with full-text vectors,
-- and embeddings as little-endian f32 bytes. Concept ids repeat across projects, so every
-- reference to a concept is (project_id, concept id) and stays inside one project.

CREATE TABLE intelligence.atlas_concepts (
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    id text NOT NULL,
    name text NOT NULL,
    layer text NOT NULL,
    type text,
    description text,
    source_snapshot_id text,
    source_manifest_hash bytea,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, id),
    CONSTRAINT atlas_concepts_layer CHECK (layer IN ('narrative', 'capability', 'system',
        'module', 'code')),
    -- `<layer>:<name or path>`, the prefix naming the layer.
    CONSTRAINT atlas_concepts_id CHECK (starts_with(id, layer || ':')
        AND octet_length(id) BETWEEN octet_length(layer) + 2 AND 4200),
    CONSTRAINT atlas_concepts_name CHECK (char_length(name) BETWEEN 1 AND 4096),
    CONSTRAINT atlas_concepts_texts CHECK (char_length(type) BETWEEN 1 AND 100
        AND char_length(description) <= 10000),
    CONSTRAINT atlas_concepts_source_manifest_hash CHECK (octet_length(source_manifest_hash) = 32),
    CONSTRAINT atlas_concepts_metadata CHECK (jsonb_typeof(metadata) = 'object'),
    FOREIGN KEY (project_id, source_snapshot_id) REFERENCES intelligence.snapshots (project_id, id)
        ON DELETE SET NULL (source_snapshot_id)
);
CREATE INDEX idx_atlas_concepts_project_layer ON intelligence.atlas_concepts (project_id, layer);
COMMENT ON TABLE intelligence.atlas_concepts IS 'Knowledge graph nodes: system:<name>, module:<path>, code:<file path>, narrative:, capability:.';

CREATE TABLE intelligence.atlas_edges (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    from_concept_id text NOT NULL,
    to_concept_id text NOT NULL,
    type text NOT NULL,
    weight integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT atlas_edges_type CHECK (type IN ('contains', 'depends_on', 'used_by', 'relates')),
    -- Added: one edge of a type between two concepts (so rebuilding adds nothing twice).
    CONSTRAINT atlas_edges_unique UNIQUE (project_id, from_concept_id, to_concept_id, type),
    CONSTRAINT atlas_edges_not_self CHECK (from_concept_id <> to_concept_id),
    FOREIGN KEY (project_id, from_concept_id) REFERENCES intelligence.atlas_concepts (project_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (project_id, to_concept_id) REFERENCES intelligence.atlas_concepts (project_id, id)
        ON DELETE CASCADE
);
CREATE INDEX idx_atlas_edges_project_from ON intelligence.atlas_edges (project_id, from_concept_id);
CREATE INDEX idx_atlas_edges_project_to ON intelligence.atlas_edges (project_id, to_concept_id);
CREATE INDEX idx_atlas_edges_project_type ON intelligence.atlas_edges (project_id, type);

-- Decisions are linked inside their project.
ALTER TABLE intelligence.project_decisions
    ADD CONSTRAINT project_decisions_project_id_id_key UNIQUE (project_id, id);

CREATE TABLE intelligence.atlas_decision_links (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    decision_id uuid NOT NULL REFERENCES intelligence.project_decisions (id) ON DELETE CASCADE,
    concept_id text NOT NULL,
    confidence integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT atlas_decision_links_confidence CHECK (confidence BETWEEN 0 AND 100),
    -- Added: a decision links a concept once.
    CONSTRAINT atlas_decision_links_unique UNIQUE (decision_id, concept_id),
    FOREIGN KEY (project_id, decision_id) REFERENCES intelligence.project_decisions (project_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (project_id, concept_id) REFERENCES intelligence.atlas_concepts (project_id, id)
        ON DELETE CASCADE
);
CREATE INDEX idx_atlas_decision_links_project_decision ON intelligence.atlas_decision_links (project_id, decision_id);
CREATE INDEX idx_atlas_decision_links_project_concept ON intelligence.atlas_decision_links (project_id, concept_id);

CREATE TABLE intelligence.atlas_diagrams (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    concept_id text,
    type text NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT atlas_diagrams_type CHECK (type IN ('flow', 'dependency', 'component', 'sequence')),
    CONSTRAINT atlas_diagrams_data CHECK (jsonb_typeof(data) = 'object'),
    -- Added: the concept, when named, is the project's; its diagrams stay when it goes.
    FOREIGN KEY (project_id, concept_id) REFERENCES intelligence.atlas_concepts (project_id, id)
        ON DELETE SET NULL (concept_id)
);
CREATE INDEX idx_atlas_diagrams_project_created ON intelligence.atlas_diagrams (project_id, created_at);
CREATE INDEX idx_atlas_diagrams_project_concept ON intelligence.atlas_diagrams (project_id, concept_id);

CREATE TABLE intelligence.atlas_chunks (
    id uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    concept_id text,
    kind text NOT NULL,
    content text NOT NULL,
    file_path text,
    symbol text,
    source_hash text,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Added: full-text search over content, symbol and path (symbol weighs most).
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(symbol, '')), 'A')
        || setweight(to_tsvector('english', coalesce(file_path, '')), 'B')
        || setweight(to_tsvector('english', content), 'C')) STORED,
    CONSTRAINT atlas_chunks_kind CHECK (kind IN ('code', 'decision', 'conversation')),
    CONSTRAINT atlas_chunks_content CHECK (char_length(content) BETWEEN 1 AND 4000),
    CONSTRAINT atlas_chunks_texts CHECK (octet_length(file_path) BETWEEN 1 AND 4096
        AND char_length(symbol) BETWEEN 1 AND 500 AND char_length(source_hash) BETWEEN 1 AND 128),
    CONSTRAINT atlas_chunks_project_id_id_key UNIQUE (project_id, id)
);
CREATE INDEX idx_atlas_chunks_project_kind ON intelligence.atlas_chunks (project_id, kind);
CREATE INDEX idx_atlas_chunks_project_concept ON intelligence.atlas_chunks (project_id, concept_id);
CREATE INDEX idx_atlas_chunks_search ON intelligence.atlas_chunks USING gin (search);

CREATE TABLE intelligence.atlas_embeddings (
    id uuid PRIMARY KEY,
    chunk_id uuid NOT NULL REFERENCES intelligence.atlas_chunks (id) ON DELETE CASCADE,
    model text NOT NULL,
    -- Added: how many f32 the vector holds.
    dimensions integer NOT NULL,
    vector bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT atlas_embeddings_model CHECK (char_length(model) BETWEEN 1 AND 200),
    CONSTRAINT atlas_embeddings_vector CHECK (dimensions BETWEEN 1 AND 4096
        AND octet_length(vector) = 4 * dimensions),
    CONSTRAINT atlas_embeddings_chunk_id_model_key UNIQUE (chunk_id, model)
);
CREATE INDEX idx_atlas_embeddings_chunk ON intelligence.atlas_embeddings (chunk_id);
-- Vectors do not compress: no pglz on the way in or out.
ALTER TABLE intelligence.atlas_embeddings ALTER COLUMN vector SET STORAGE EXTERNAL;
COMMENT ON COLUMN intelligence.atlas_embeddings.vector IS 'L2-normalised little-endian f32 x dimensions.';

-- Added: a counter per project, bumped in the transaction of every embedding change, so each
-- replica's in-memory vector matrix is reloaded when (and only when) it is stale.
CREATE TABLE intelligence.atlas_versions (
    project_id uuid PRIMARY KEY REFERENCES intelligence.projects (id) ON DELETE CASCADE,
    version bigint NOT NULL DEFAULT 0
);
