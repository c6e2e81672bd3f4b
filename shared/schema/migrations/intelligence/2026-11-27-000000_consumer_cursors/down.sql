DROP TABLE intelligence.consumer_cursors;
