DROP TABLE vault.object_deletions;
DROP TABLE vault.analytics_events;
DROP TABLE vault.graveyard_chunks;
DROP TABLE vault.graveyard;
DROP TABLE vault.file_chunks;
DROP TABLE vault.files;
DROP TABLE vault.folders;
DROP TABLE vault.user_crypto;
