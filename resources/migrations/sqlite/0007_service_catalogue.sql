CREATE TABLE `mail_address_mailboxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address_id` integer NOT NULL,
	`mailbox_id` integer NOT NULL,
	FOREIGN KEY (`address_id`) REFERENCES `mail_addresses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_address_mailboxes_pair_idx` ON `mail_address_mailboxes` (`address_id`,`mailbox_id`);--> statement-breakpoint
CREATE INDEX `mail_address_mailboxes_mailbox_idx` ON `mail_address_mailboxes` (`mailbox_id`);--> statement-breakpoint
CREATE TABLE `mail_addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`domain_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`forward` text DEFAULT '' NOT NULL,
	`autoresponse_enabled` integer DEFAULT false NOT NULL,
	`autoresponse_subject` text DEFAULT '' NOT NULL,
	`autoresponse_message` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`domain_id`) REFERENCES `domains`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_addresses_email_idx` ON `mail_addresses` (`domain_id`,`name`);--> statement-breakpoint
CREATE INDEX `mail_addresses_account_idx` ON `mail_addresses` (`account_id`);--> statement-breakpoint
CREATE TABLE `mailboxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`account_id` integer NOT NULL,
	`password_hash` text DEFAULT '' NOT NULL,
	`filtering` text DEFAULT 'REDIRECT' NOT NULL,
	`custom_filtering` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailboxes_name_unique` ON `mailboxes` (`name`);--> statement-breakpoint
CREATE INDEX `mailboxes_account_idx` ON `mailboxes` (`account_id`,`name`);--> statement-breakpoint
CREATE TABLE `sql_databases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`account_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sql_databases_name_idx` ON `sql_databases` (`name`,`type`);--> statement-breakpoint
CREATE INDEX `sql_databases_account_idx` ON `sql_databases` (`account_id`);--> statement-breakpoint
CREATE TABLE `sql_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`database_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`database_id`) REFERENCES `sql_databases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `sql_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sql_grants_pair_idx` ON `sql_grants` (`database_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `sql_grants_user_idx` ON `sql_grants` (`user_id`);--> statement-breakpoint
CREATE TABLE `sql_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`type` text NOT NULL,
	`account_id` integer NOT NULL,
	`password_hash` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sql_users_name_idx` ON `sql_users` (`username`,`type`);--> statement-breakpoint
CREATE INDEX `sql_users_account_idx` ON `sql_users` (`account_id`);--> statement-breakpoint
CREATE TABLE `system_user_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `system_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `system_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `system_user_groups_pair_idx` ON `system_user_groups` (`user_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `system_user_groups_group_idx` ON `system_user_groups` (`group_id`);--> statement-breakpoint
CREATE TABLE `system_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`account_id` integer NOT NULL,
	`role` text DEFAULT 'extra' NOT NULL,
	`password_hash` text DEFAULT '' NOT NULL,
	`home` text DEFAULT '' NOT NULL,
	`directory` text DEFAULT '' NOT NULL,
	`shell` text DEFAULT '/dev/null' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `system_users_username_unique` ON `system_users` (`username`);--> statement-breakpoint
CREATE INDEX `system_users_account_idx` ON `system_users` (`account_id`,`username`);