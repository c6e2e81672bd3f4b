DROP TABLE intelligence.atlas_versions;
DROP TABLE intelligence.atlas_embeddings;
DROP TABLE intelligence.atlas_chunks;
DROP TABLE intelligence.atlas_diagrams;
DROP TABLE intelligence.atlas_decision_links;
ALTER TABLE intelligence.project_decisions DROP CONSTRAINT project_decisions_project_id_id_key;
DROP TABLE intelligence.atlas_edges;
DROP TABLE intelligence.atlas_concepts;
