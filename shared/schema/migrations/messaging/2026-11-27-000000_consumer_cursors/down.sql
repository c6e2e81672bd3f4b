DROP TABLE messaging.consumer_cursors;
