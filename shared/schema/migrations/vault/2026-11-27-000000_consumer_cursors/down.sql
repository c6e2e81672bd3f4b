DROP TABLE vault.consumer_cursors;
