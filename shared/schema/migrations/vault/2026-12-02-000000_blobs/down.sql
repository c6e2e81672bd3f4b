DROP TABLE vault.manifest_blobs;
DROP TABLE vault.manifests;
DROP TABLE vault.blobs;
