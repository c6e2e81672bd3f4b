DROP TABLE intelligence.conversations;
DROP TABLE intelligence.activity_events;
DROP TABLE intelligence.sync_previews;
DROP TABLE intelligence.drift_reports;
ALTER TABLE intelligence.projects DROP CONSTRAINT projects_id_last_snapshot_id_fkey,
    DROP CONSTRAINT projects_id_main_workspace_id_fkey;
ALTER TABLE intelligence.workspaces DROP CONSTRAINT workspaces_project_id_base_snapshot_id_fkey,
    DROP CONSTRAINT workspaces_project_id_current_snapshot_id_fkey;
DROP TRIGGER snapshots_immutable ON intelligence.snapshots;
DROP FUNCTION intelligence.snapshots_immutable();
DROP TRIGGER snapshots_check_parents ON intelligence.snapshots;
DROP FUNCTION intelligence.snapshots_check_parents();
DROP TABLE intelligence.snapshots;
DROP TABLE intelligence.workspaces;
DROP TABLE intelligence.manifest_releases;
DROP TABLE intelligence.manifests;
DROP TABLE intelligence.project_env_vars;
DROP TABLE intelligence.projects;
