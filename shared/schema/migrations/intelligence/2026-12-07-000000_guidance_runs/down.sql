DROP TABLE intelligence.jobs;
DROP TRIGGER action_item_runs_queued ON intelligence.action_item_runs;
DROP FUNCTION intelligence.action_item_runs_notify();
DROP TABLE intelligence.action_item_runs;
DROP TABLE intelligence.action_items;
DROP TABLE intelligence.refactoring_suggestions;
DROP TABLE intelligence.project_decisions;
DROP TABLE intelligence.next_steps;
