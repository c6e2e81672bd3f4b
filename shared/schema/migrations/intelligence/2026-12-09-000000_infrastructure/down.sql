DROP TABLE intelligence.deployments;
DROP TABLE intelligence.deployment_settings;
DROP TABLE intelligence.infrastructure_resources;
DROP TABLE intelligence.provider_credentials;
