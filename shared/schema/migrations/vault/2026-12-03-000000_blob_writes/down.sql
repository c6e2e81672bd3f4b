DROP TABLE vault.blob_writes;
