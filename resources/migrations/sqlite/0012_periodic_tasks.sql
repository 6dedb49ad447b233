CREATE TABLE `periodic_task_runs` (
	`task` text PRIMARY KEY NOT NULL,
	`last_run_at` text,
	`last_outcome` text,
	`claimed_by` text,
	`claimed_until` text
);
