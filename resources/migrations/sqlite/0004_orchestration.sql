CREATE TABLE `backend_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`backend` text NOT NULL,
	`server_id` integer,
	`server_name` text NOT NULL,
	`server_address` text NOT NULL,
	`state` text DEFAULT 'RECEIVED' NOT NULL,
	`is_async` integer DEFAULT false NOT NULL,
	`script` text NOT NULL,
	`retryable` integer DEFAULT true NOT NULL,
	`stdout` text DEFAULT '' NOT NULL,
	`stderr` text DEFAULT '' NOT NULL,
	`exit_code` integer,
	`error` text DEFAULT '' NOT NULL,
	`run_id` text NOT NULL,
	`retry_of` integer,
	`actor` text NOT NULL,
	`claimed_by` text,
	`lease_until` text,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`server_id`) REFERENCES `servers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `backend_logs_state_idx` ON `backend_logs` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `backend_logs_server_idx` ON `backend_logs` (`server_id`,`id`);--> statement-breakpoint
CREATE INDEX `backend_logs_backend_idx` ON `backend_logs` (`backend`,`id`);--> statement-breakpoint
CREATE INDEX `backend_logs_created_idx` ON `backend_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `backend_logs_run_idx` ON `backend_logs` (`run_id`);--> statement-breakpoint
CREATE TABLE `backend_operations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer,
	`backend` text NOT NULL,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` integer NOT NULL,
	`object_repr` text NOT NULL,
	`state` text DEFAULT 'PENDING' NOT NULL,
	`snapshot` text DEFAULT '{}' NOT NULL,
	`run_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `backend_logs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `backend_operations_log_idx` ON `backend_operations` (`log_id`);--> statement-breakpoint
CREATE INDEX `backend_operations_object_idx` ON `backend_operations` (`object_type`,`object_id`);--> statement-breakpoint
CREATE TABLE `routes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`backend` text NOT NULL,
	`server_id` integer NOT NULL,
	`match` text DEFAULT 'true' NOT NULL,
	`is_async` integer DEFAULT false NOT NULL,
	`async_actions` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`server_id`) REFERENCES `servers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routes_backend_server_idx` ON `routes` (`backend`,`server_id`);--> statement-breakpoint
CREATE TABLE `servers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`description` text DEFAULT '' NOT NULL,
	`os` text DEFAULT 'LINUX' NOT NULL,
	`method` text DEFAULT 'ssh' NOT NULL,
	`ssh_port` integer DEFAULT 22 NOT NULL,
	`ssh_user` text DEFAULT 'root' NOT NULL,
	`key_id` integer,
	`host_key_fingerprint` text,
	`host_key_type` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`key_id`) REFERENCES `ssh_keys`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `servers_name_unique` ON `servers` (`name`);--> statement-breakpoint
CREATE TABLE `ssh_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`has_passphrase` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ssh_keys_label_unique` ON `ssh_keys` (`label`);--> statement-breakpoint
CREATE UNIQUE INDEX `ssh_keys_fingerprint_unique` ON `ssh_keys` (`fingerprint`);