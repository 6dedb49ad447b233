CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`type` text DEFAULT 'INDIVIDUAL' NOT NULL,
	`language` text DEFAULT 'EN' NOT NULL,
	`comments` text DEFAULT '' NOT NULL,
	`is_superuser` integer DEFAULT false NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`date_joined` text NOT NULL,
	`last_login` text,
	`search_text` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
CREATE INDEX `accounts_full_name_idx` ON `accounts` (`full_name`);--> statement-breakpoint
CREATE INDEX `accounts_type_idx` ON `accounts` (`type`,`username`);--> statement-breakpoint
CREATE INDEX `accounts_active_idx` ON `accounts` (`is_active`,`username`);--> statement-breakpoint
CREATE INDEX `accounts_date_joined_idx` ON `accounts` (`date_joined`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`short_name` text NOT NULL,
	`full_name` text DEFAULT '' NOT NULL,
	`email` text NOT NULL,
	`email_usage` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`phone2` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`zipcode` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_account_idx` ON `contacts` (`account_id`);--> statement-breakpoint
CREATE INDEX `contacts_short_name_idx` ON `contacts` (`short_name`);--> statement-breakpoint
CREATE TABLE `history_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` integer NOT NULL,
	`account_id` integer,
	`object_repr` text NOT NULL,
	`action` text NOT NULL,
	`changes` text DEFAULT '[]' NOT NULL,
	`message` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `history_object_idx` ON `history_entries` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `history_account_idx` ON `history_entries` (`account_id`);--> statement-breakpoint
CREATE INDEX `history_at_idx` ON `history_entries` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
