COMMENT ON SCHEMA intelligence IS 'Tessera project-intelligence: projects, workspaces, snapshots, drift, activity, intelligence, deployments';
